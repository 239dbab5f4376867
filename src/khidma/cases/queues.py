"""The staff work queues, as querysets over what a person may see (cases.access)."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import F, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.cases.access import cases_visible_to, department_scope
from khidma.cases.lifecycle import OPEN_STATUSES
from khidma.cases.models import Case, Status
from khidma.core import clock

QUEUES: dict[str, object] = {
    "mine": _("Assigned to me"),
    "department": _("My department"),
    "triage": _("Triage"),
    "at_risk": _("At risk"),
    "breached": _("Breached"),
    "followup": _("Follow-up"),
    "duplicates": _("Duplicates to review"),
    "all": _("All cases"),
}


def queue(user: User, name: str) -> QuerySet[Case]:
    cases = cases_visible_to(user)
    open_cases = cases.filter(status__in=OPEN_STATUSES)
    if name == "mine":
        return open_cases.filter(assignee=user)
    if name == "department":
        if user.department_id is None:
            return cases.none()
        return open_cases.filter(department_id__in=department_scope(user))
    if name == "triage":
        # Intake leaves a case "new" exactly when it could not be classified and routed.
        return cases.filter(status=Status.NEW)
    if name == "at_risk":
        return open_cases.filter(sla_timer__at_risk=True, sla_timer__escalation_level=0)
    if name == "breached":
        return open_cases.filter(sla_timer__escalation_level__gte=1)
    if name == "followup":
        return cases.filter(needs_followup=True).exclude(status=Status.CLOSED, satisfaction__rating__gte=3)
    if name == "duplicates":
        return cases.filter(status=Status.DUPLICATE)
    return cases


# Counting a million rows for a sidebar badge costs more than the page: counts stop here ("1000+").
COUNT_CAP = 1000


def capped_count(cases: QuerySet[Case]) -> int:
    return cases.order_by()[: COUNT_CAP + 1].count()


def queue_counts(user: User) -> dict[str, int]:
    return {name: capped_count(queue(user, name)) for name in QUEUES}


# --- Order -------------------------------------------------------------------------------------------------

ORDERS: dict[str, object] = {
    "urgency": _("Most urgent first"),
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
}
# Work queues start with what is most urgent. "All cases" and the duplicates to review are lists to search
# rather than work through, and at a million cases newest-first is read straight off an index.
DEFAULT_ORDER = {"all": "newest", "duplicates": "newest"}


def default_order(name: str) -> str:
    return DEFAULT_ORDER.get(name, "urgency")


def urgency(now: datetime.datetime) -> models.Case:
    """0 breached, 1 at risk, 2 on track, 3 paused (on hold), 4 no target, 5 no longer open: the same states
    as cases.deadlines.sla_status, from the case's own due-date columns (no join)."""
    return models.Case(
        When(~Q(status__in=OPEN_STATUSES), then=Value(5)),
        When(resolution_due_at__isnull=True, then=Value(4)),
        When(sla_paused_at__isnull=False, then=Value(3)),
        When(resolution_due_at__lte=now, then=Value(0)),
        When(resolution_at_risk_at__lte=now, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )


def order(cases: QuerySet[Case], how: str, *, now: datetime.datetime | None = None) -> QuerySet[Case]:
    """Breached first, then at risk, then the rest by the soonest resolution target; or by date received."""
    if how == "oldest":
        return cases.order_by("received_at", "id")
    if how == "urgency":
        return cases.annotate(urgency=urgency(now or clock.now())).order_by(
            "urgency", F("resolution_due_at").asc(nulls_last=True), "-received_at", "-id"
        )
    return cases.order_by("-received_at", "-id")
