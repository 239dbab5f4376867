"""The staff work queues, as querysets over what a person may see (cases.access)."""

from __future__ import annotations

from django.db.models import Q, QuerySet
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
        return cases.filter(
            Q(status=Status.NEW) | Q(category__isnull=True) | Q(department__isnull=True)
        ).filter(status__in=OPEN_STATUSES)
    if name == "at_risk":
        return open_cases.filter(sla_timer__at_risk=True, sla_timer__escalation_level=0)
    if name == "breached":
        return open_cases.filter(sla_timer__escalation_level__gte=1)
    if name == "followup":
        return cases.filter(needs_followup=True).exclude(status=Status.CLOSED, satisfaction__rating__gte=3)
    if name == "duplicates":
        return cases.filter(status=Status.DUPLICATE)
    return cases


def queue_counts(user: User) -> dict[str, int]:
    return {name: queue(user, name).count() for name in QUEUES}
