from django.contrib import admin

from khidma.core.admin import OrgScopedAdmin
from khidma.organizations.models import Area, Category, Department, Organization, ServicePoint
from khidma.organizations.services import area_upsert


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
