"""Admin pages: organization administrators issue and revoke their organization's Open311 keys and edit
the questions (service attributes) and details of its services."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import Role
from khidma.core.admin import OrgScopedAdmin
from khidma.open311 import services
from khidma.open311.models import ApiKey, ServiceAttribute, ServiceDetail


class Open311AdminMixin:
    """The organization administrators' group lists the models of other apps only, so the role decides."""

    def _allowed(self, request) -> bool:
        user = request.user
        return user.is_active and (user.is_superuser or getattr(user, "role", "") == Role.ORG_ADMIN)

    def has_module_permission(self, request):
        return self._allowed(request)

    def has_view_permission(self, request, obj=None):
        return self._allowed(request)

    def has_add_permission(self, request):
        return self._allowed(request)

    def has_change_permission(self, request, obj=None):
        return self._allowed(request)

    def has_delete_permission(self, request, obj=None):
        return self._allowed(request)


@admin.register(ApiKey)
class ApiKeyAdmin(Open311AdminMixin, OrgScopedAdmin):
    list_display = (
        "name",
        "prefix",
        "created_at",
        "last_used_at",
        "revoked_at",
        "request_count",
        "created_count",
        "throttled_count",
    )
    list_filter = ("revoked_at",)
    search_fields = ("name", "prefix")
    readonly_fields = (
        "prefix",
        "created_at",
        "last_used_at",
        "revoked_at",
        "request_count",
        "created_count",
        "throttled_count",
    )
    actions = ["revoke"]

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead, so the counts and the history stay

    def save_model(self, request, obj, form, change):
        if not change:
            # The key is shown once, on the page after this one; only its hash is stored.
            request._open311_secret = services.api_key_fill_secret(key=obj)
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        secret = getattr(request, "_open311_secret", None)
        if secret is None:
            return super().response_add(request, obj, post_url_continue)
        context = {
            **self.admin_site.each_context(request),
            "title": _("New Open311 API key"),
            "key": obj,
            "secret": secret,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/open311/apikey/created.html", context)

    @admin.action(description=_("Revoke the selected keys"))
    def revoke(self, request, queryset):
        for key in queryset:
            services.api_key_revoke(key=key)
        messages.success(request, _("The keys are revoked."))


class ServiceAttributeForm(forms.ModelForm):
    class Meta:
        model = ServiceAttribute
        fields = (
            "organization",
            "category",
            "code",
            "datatype",
            "required",
            "variable",
            "order",
            "descriptions",
            "datatype_descriptions",
            "values",
            "is_active",
        )

    def clean(self):
        data = super().clean()
        errors = services.service_attribute_problems(
            organization=data.get("organization") or getattr(self.instance, "organization", None),
            category=data.get("category"),
            datatype=data.get("datatype"),
            values=data.get("values"),
            descriptions=data.get("descriptions"),
        )
        for field, message in errors:
            self.add_error(field if field in self.fields else None, message)
        return data


@admin.register(ServiceAttribute)
class ServiceAttributeAdmin(Open311AdminMixin, OrgScopedAdmin):
    form = ServiceAttributeForm
    list_display = ("category", "code", "datatype", "required", "variable", "order", "is_active")
    list_filter = ("datatype", "required", "is_active")
    search_fields = ("code", "category__code")
    list_select_related = ("category",)


class ServiceDetailForm(forms.ModelForm):
    class Meta:
        model = ServiceDetail
        fields = ("organization", "category", "descriptions", "keywords", "notices")

    def clean(self):
        data = super().clean()
        organization = data.get("organization") or getattr(self.instance, "organization", None)
        category = data.get("category")
        if organization is not None and category is not None and category.organization_id != organization.pk:
            self.add_error("category", _("This category belongs to another organization."))
        return data


@admin.register(ServiceDetail)
class ServiceDetailAdmin(Open311AdminMixin, OrgScopedAdmin):
    form = ServiceDetailForm
    list_display = ("category", "keywords")
    list_select_related = ("category",)
