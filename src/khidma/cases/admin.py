import json

from django.contrib import admin, messages
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from khidma.cases import access, retention
from khidma.cases.models import Case, CaseEvent
from khidma.core.admin import OrgScopedAdmin


class CaseEventInline(admin.TabularInline):
    model = CaseEvent
    fields = ("created_at", "kind", "from_status", "to_status", "actor", "actor_label", "is_public", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(OrgScopedAdmin):
    """Read-mostly: lifecycle changes go through the back office and the API so every one is an event."""

    list_display = (
        "reference",
        "status",
        "priority",
        "category",
        "department",
        "channel",
        "language",
        "received_at",
    )
    list_filter = ("status", "priority", "channel", "language", "kind", "reporter_phone_verified")
    # A reporter asking for their data is found by the exact phone (E.164, +9665…) or email they give.
    search_fields = ("reference", "description", "address", "=reporter_phone", "=reporter_email")
    list_select_related = ("category", "department")
    readonly_fields = [f.name for f in Case._meta.fields]
    inlines = [CaseEventInline]
    actions = ["export_reporter_data", "erase_reporter_data"]

    @admin.action(description=_("Export the reporter's personal data (JSON)"))
    def export_reporter_data(self, request, queryset):
        data = retention.reporter_data_export(cases=queryset.select_related("category"), by=request.user)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="reporter-data.json"'
        return response

    @admin.action(description=_("Erase the reporter's personal data"))
    def erase_reporter_data(self, request, queryset):
        # Irreversible: a confirmation page first, as for deleting.
        if request.POST.get("confirmed") != "yes":
            context = {
                **self.admin_site.each_context(request),
                "title": _("Erase the reporter's personal data?"),
                "cases": queryset,
                "opts": self.model._meta,
                "action": "erase_reporter_data",
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/cases/case/erase_reporter_data.html", context)
        erased = retention.reporter_data_erase(cases=queryset, by=request.user)
        self.message_user(
            request,
            ngettext(
                "The reporter's personal data was erased from %(n)d case.",
                "The reporter's personal data was erased from %(n)d cases.",
                erased,
            )
            % {"n": erased},
            messages.SUCCESS,
        )
        return None

    def get_queryset(self, request):
        # The same rule as the API and the back office (cases/access.py): an organization admin does not see
        # the women's section's cases here either, in lists, search or change pages.
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(access.case_visibility_q(request.user))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
