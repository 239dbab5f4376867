"""Admin building blocks: organization administrators only ever see their own organization's rows."""

from __future__ import annotations

from django.contrib import admin


class OrgScopedAdmin(admin.ModelAdmin):
    org_field = "organization"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{f"{self.org_field}_id": request.user.organization_id})

    def get_exclude(self, request, obj=None):
        exclude = list(super().get_exclude(request, obj) or [])
        if not request.user.is_superuser:
            exclude.append(self.org_field)
        return exclude

    def save_model(self, request, obj, form, change):
        if not request.user.is_superuser and not change:
            setattr(obj, f"{self.org_field}_id", request.user.organization_id)
        super().save_model(request, obj, form, change)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Choices for related rows (departments, areas, …) come from the admin's own organization only.
        if not request.user.is_superuser and hasattr(db_field.related_model, self.org_field):
            kwargs["queryset"] = db_field.related_model._default_manager.filter(
                **{f"{self.org_field}_id": request.user.organization_id}
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
