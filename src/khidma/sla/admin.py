from django.contrib import admin

from khidma.core.admin import OrgScopedAdmin
from khidma.sla.models import Calendar, Holiday, SlaPolicy


class HolidayInline(admin.TabularInline):
    model = Holiday
    extra = 1
    fields = ("name", "kind", "start_date", "end_date", "month", "day", "days")


@admin.register(Calendar)
class CalendarAdmin(OrgScopedAdmin):
    list_display = ("code", "__str__", "time_zone", "always_open")
    inlines = [HolidayInline]


@admin.register(SlaPolicy)
class SlaPolicyAdmin(OrgScopedAdmin):
    list_display = (
        "code",
        "__str__",
        "priority",
        "category",
        "kind",
        "calendar",
        "first_response_minutes",
        "resolution_minutes",
        "is_active",
    )
    list_filter = ("is_active", "priority", "kind")
