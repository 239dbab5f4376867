"""Who may read the dashboard, the season reports and the statistics: supervisors, the follow-up unit,
department heads and organization administrators. Each counts only the cases they may see — the one rule of
cases/access.py, applied to the reporting rows (a head counts their department's subtree; only the women's
section and supervisors count the women's section's cases)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import Role, User
from khidma.cases.access import DEPARTMENT_ROLES, case_visibility_q, womens_section_filter
from khidma.core.errors import DomainError
from khidma.reports.figures import SummaryScope
from khidma.reports.models import CaseFact

REPORT_ROLES = frozenset({Role.SUPERVISOR, Role.FOLLOWUP, Role.DEPARTMENT_HEAD, Role.ORG_ADMIN})


def can_view_reports(user: User) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.organization_id is not None
        and user.role in REPORT_ROLES
    )


def ensure_can_view_reports(user: User) -> None:
    if not can_view_reports(user):
        raise DomainError.single(
            "", "forbidden", _("Your role does not allow reading reports and statistics."), status=403
        )


def facts_visible_to(user: User) -> QuerySet[CaseFact]:
    """The reporting rows of the cases ``user`` may see (none for a role without reports)."""
    if not can_view_reports(user):
        return CaseFact.objects.none()
    return CaseFact.objects.filter(case_visibility_q(user))


def summary_scope(user: User) -> SummaryScope | None:
    """The same cases as ``facts_visible_to``, as the per-day sums tell them apart; None when they cannot (a
    department head's subtree and the cases assigned to them), and the figures are counted on the rows."""
    if not can_view_reports(user) or user.role in DEPARTMENT_ROLES:
        return None
    rule = womens_section_filter(user)
    if rule is None:
        return SummaryScope(user.organization_id)
    ((field, value),) = rule.children
    if field != "womens_section":
        return None
    return SummaryScope(user.organization_id, womens_section=bool(value))
