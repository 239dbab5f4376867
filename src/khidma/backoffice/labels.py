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
