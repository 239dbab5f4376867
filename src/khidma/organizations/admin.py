from django.contrib import admin

from khidma.core.admin import OrgScopedAdmin
from khidma.organizations.models import Area, Category, Department, Organization, Place, ServicePoint
from khidma.organizations.services import area_upsert, place_upsert


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("slug", "__str__", "type", "time_zone", "default_language", "is_active")

    def has_module_permission(self, request):
        return request.user.is_superuser


@admin.register(Department)
class DepartmentAdmin(OrgScopedAdmin):
    list_display = ("code", "__str__", "level", "parent", "is_active")
    list_filter = ("level", "is_active")
    search_fields = ("code",)


@admin.register(Area)
class AreaAdmin(OrgScopedAdmin):
    list_display = ("code", "__str__")
    search_fields = ("code",)

    def save_model(self, request, obj, form, change):
        # Geometry goes through the service so the indexed bounding box stays in step with the polygon.
        organization = obj.organization if request.user.is_superuser else request.user.organization
        area_upsert(organization=organization, code=obj.code, names=obj.names, boundary=obj.boundary)


@admin.register(ServicePoint)
class ServicePointAdmin(OrgScopedAdmin):
    list_display = ("code", "__str__", "kind", "area", "is_active")
    list_filter = ("kind", "is_active")


@admin.register(Category)
class CategoryAdmin(OrgScopedAdmin):
    list_display = ("code", "__str__", "kind", "default_department", "is_active", "sort_order")
    list_filter = ("kind", "is_active")
    list_editable = ("is_active", "sort_order")


@admin.register(Place)
class PlaceAdmin(OrgScopedAdmin):
    """The gazetteer, for correcting a name or adding a spelling; whole lists load with import-places."""

    list_display = ("key", "__str__", "kind", "area", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("key", "search_key")

    def get_readonly_fields(self, request, obj=None):
        # The key is how an imported list finds the place again: set once.
        return ("key",) if obj is not None else ()

    def save_model(self, request, obj, form, change):
        # Through the service, so the folded search key follows the names and aliases.
        organization = obj.organization if request.user.is_superuser else request.user.organization
        place, _created = place_upsert(
            organization=organization,
            key=obj.key,
            kind=obj.kind,
            names=obj.names,
            aliases=obj.aliases,
            lat=obj.lat,
            lon=obj.lon,
            area=obj.area,
            is_active=obj.is_active,
        )
        obj.pk = place.pk
