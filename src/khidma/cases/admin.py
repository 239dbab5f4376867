from django.contrib import admin

from khidma.cases import access
from khidma.cases.models import CannedReply, Case, CaseEvent
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
    search_fields = ("reference", "description", "address")
    list_select_related = ("category", "department")
    readonly_fields = [f.name for f in Case._meta.fields]
    inlines = [CaseEventInline]

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


@admin.register(CannedReply)
class CannedReplyAdmin(OrgScopedAdmin):
    list_display = ("title", "language")
    list_filter = ("language",)
    search_fields = ("title", "text")
