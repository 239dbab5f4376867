"""The programs' audit trail: one ProgramEvent row per change, written by the service making the change in
the same transaction, and read back per subject."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.core import clock
from khidma.programs.models import ProgramEvent


def record(
    subject: str,
    obj: Model,
    kind: str,
    *,
    by: User | None,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> ProgramEvent:
    """Append the row for a change to ``obj`` (a team, visit, authorization, application, meeting, …)."""
    return ProgramEvent.objects.create(
        organization_id=obj.organization_id,
        subject=subject,
        subject_id=obj.pk,
        kind=kind,
        actor=by,
        created_at=clock.now(),
        note=note,
        data=data or {},
    )


def events_for(subject: str, obj: Model) -> QuerySet[ProgramEvent]:
    return ProgramEvent.objects.filter(
        organization_id=obj.organization_id, subject=subject, subject_id=obj.pk
    ).select_related("actor")


# What each kind of audit row means, for people: codes stay in the data, staff read these words.
EVENT_LABELS = {
    "created": _("Created"),
    "renamed": _("Renamed"),
    "deactivated": _("Removed"),
    "eligibility_recorded": _("Eligibility recorded"),
    "scheduled": _("Visit booked"),
    "rescheduled": _("Visit moved"),
    "completed": _("Visit done"),
    "proxy_action": _("Acted for the principal"),
    "submitted": _("Application submitted"),
    "returned_incomplete": _("Returned as incomplete"),
    "complete": _("File complete"),
    "documents_added": _("Documents added"),
    "file_added": _("Document added as a file"),
    "researched": _("Social research recorded"),
    "on_agenda": _("Put on a meeting's agenda"),
    "approved": _("Approved"),
    "rejected": _("Rejected"),
    "registered": _("Registered"),
    "delivered": _("Service delivered"),
    "agenda_added": _("File added to the agenda"),
    "vote": _("Vote"),
    "decided": _("Decisions recorded"),
    "quorum_changed": _("Quorum changed"),
    "case_linked": _("Case linked"),
}


def event_label(kind: str) -> str:
    """The words for an audit row's kind; an unknown kind reads as words, never as a code."""
    label = EVENT_LABELS.get(kind)
    return str(label) if label is not None else kind.replace("_", " ")
