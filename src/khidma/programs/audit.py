"""The programs' audit trail: one ProgramEvent row per change, written by the service making the change in
the same transaction, and read back per subject."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet

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
