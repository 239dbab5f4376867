from django.contrib import admin

from khidma.programs.models import (
    Application,
    ApplicationDocument,
    Authorization,
    ChecklistItem,
    Committee,
    Meeting,
    Person,
    ProgramEvent,
    RequestType,
    Team,
    UnitStop,
    Visit,
    WalkIn,
)


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "is_active"]
    list_filter = ["organization", "is_active"]


@admin.register(RequestType)
class RequestTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "organization", "min_decision_days", "max_decision_days", "is_active"]
    list_filter = ["organization", "is_active"]


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = ["case", "reason", "status", "team", "starts_at", "ends_at"]
    list_filter = ["organization", "status", "reason"]
    raw_id_fields = ["case"]


@admin.register(Authorization)
class AuthorizationAdmin(admin.ModelAdmin):
    list_display = ["principal_name", "relationship", "proxy", "expires_on", "organization"]
    list_filter = ["organization"]
    search_fields = ["principal_name", "document_reference"]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["case", "request_type", "status", "submitted_at", "decision_due_at"]
    list_filter = ["organization", "status", "request_type"]
    raw_id_fields = ["case", "person", "meeting"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "committee", "held_at", "status", "organization"]
    list_filter = ["organization", "status"]


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "quorum", "organization", "is_active"]
    list_filter = ["organization", "is_active"]


@admin.register(ChecklistItem)
class ChecklistItemAdmin(admin.ModelAdmin):
    list_display = ["code", "organization", "is_active"]
    list_filter = ["organization", "is_active"]


@admin.register(ApplicationDocument)
class ApplicationDocumentAdmin(admin.ModelAdmin):
    """Files are added through the back office and the API (checked by content), never here."""

    list_display = ["application", "item", "content_type", "size", "uploaded_by", "uploaded_at"]
    list_filter = ["organization", "content_type"]
    raw_id_fields = ["application"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "organization"]
    list_filter = ["organization"]
    search_fields = ["name", "phone"]
    raw_id_fields = ["cases"]


@admin.register(ProgramEvent)
class ProgramEventAdmin(admin.ModelAdmin):
    """The audit trail: read only."""

    list_display = ["created_at", "subject", "subject_id", "kind", "actor"]
    list_filter = ["organization", "subject", "kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(UnitStop)
class UnitStopAdmin(admin.ModelAdmin):
    list_display = ["unit", "weekdays", "date", "starts", "ends", "valid_from", "valid_until", "is_active"]
    list_filter = ["organization", "is_active", "unit"]


@admin.register(WalkIn)
class WalkInAdmin(admin.ModelAdmin):
    list_display = ["service_point", "service", "language", "at", "out_of_hours", "recorded_by"]
    list_filter = ["organization", "service_point", "service", "out_of_hours"]
    date_hierarchy = "at"

    def has_change_permission(self, request, obj=None) -> bool:
        return False
