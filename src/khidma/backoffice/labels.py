"""What staff read for each lifecycle action: the actions are codes in cases.access, people see words."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "assign": _("Assign"),
    "start": _("Start work"),
    "hold": _("Put on hold with a question"),
    "resume": _("Resume"),
    "resolve": _("Resolve"),
    "close": _("Close"),
    "reopen": _("Reopen"),
    "reject": _("Reject"),
    "duplicate": _("Mark as duplicate"),
    "refer": _("Refer to a partner"),
    "priority": _("Change priority"),
    "category": _("Change category"),
    "note": _("Add a note or reply"),
    "confirm-closure": _("Enter the closure code"),
    "new-code": _("Send a new closure code"),
}

# What each figure of the dashboard counted, when its link narrows a queue (cases.selectors.REPORT_FILTERS).
REPORT_FILTER_LABELS = {
    "open": _("Open"),
    "closed": _("Closed"),
    "confirmed": _("Closure confirmed by the reporter"),
    "unconfirmed": _("Closed without the reporter's answer"),
    "closed_by_staff": _("Closed by staff"),
    "reopened": _("Reopened at least once"),
    "first_response_met": _("First response within target"),
    "first_response_missed": _("First response late"),
    "first_response_overdue": _("First response overdue"),
    "resolution_met": _("Resolved within target"),
    "resolution_missed": _("Resolved late"),
    "resolution_breached": _("Open past the resolution target"),
}
