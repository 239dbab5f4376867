"""The staff work queues, as querysets over what a person may see (cases.access)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.cases.access import cases_visible_to
from khidma.cases.lifecycle import OPEN_STATUSES
from khidma.cases.models import Case, Status
from khidma.organizations.selectors import department_subtree_ids

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
        return open_cases.filter(department_id__in=department_subtree_ids(department=user.department))
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
