"""Choosing where a case goes from its category, area and kind."""

from __future__ import annotations

from dataclasses import dataclass

from khidma.core.memo import remembered
from khidma.organizations.models import Category, Department
from khidma.triage.models import RoutingRule, TriageSettings


@dataclass(frozen=True)
class Route:
    department: Department | None
    partner: str = ""


def route(*, category: Category, area_id: int | None, kind: str) -> Route:
    best: tuple[int, int] | None = None
    chosen: RoutingRule | None = None
    for rule in _active_rules(organization_id=category.organization_id).get(category.pk, ()):
        if rule.area_id and rule.area_id != area_id:
            continue
        if rule.kind and rule.kind != kind:
            continue
        key = (-(2 * bool(rule.area_id) + bool(rule.kind)), rule.pk)
        if best is None or key < best:
            best, chosen = key, rule
    if chosen is not None:
        return Route(department=chosen.department, partner=chosen.partner)
    return Route(department=category.default_department)


@remembered(seconds=30, forget_on=(RoutingRule, Department))
def _active_rules(*, organization_id: int) -> dict[int, list[RoutingRule]]:
    """An organization's active rules by category, remembered for 30 s per process (at once in the process
    that edits one): every report is routed by them."""
    rules: dict[int, list[RoutingRule]] = {}
    for rule in RoutingRule.objects.filter(organization_id=organization_id, is_active=True).select_related(
        "department"
    ):
        rules.setdefault(rule.category_id, []).append(rule)
    return rules


@remembered(seconds=30, forget_on=(TriageSettings,))
def settings_for(organization_id: int) -> TriageSettings:
    """Remembered for 30 s per process: every report reads them, an administrator rarely changes them."""
    found = TriageSettings.objects.filter(organization_id=organization_id).first()
    return found or TriageSettings(organization_id=organization_id)
