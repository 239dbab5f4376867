"""Per-process memories of rows read on every report: read once, forgotten at once when this process edits
one of the rows they hold."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from khidma.organizations.models import Category, Department
from khidma.organizations.selectors import category_get_active
from khidma.sla.engine import policy_select
from khidma.sla.models import Calendar, SlaPolicy
from khidma.triage.models import RoutingRule
from khidma.triage.routing import route

pytestmark = pytest.mark.django_db


def test_a_category_is_read_once_and_an_edit_is_seen_at_once(makkah):
    assert category_get_active(organization=makkah, code="cleanliness") is not None
    with CaptureQueriesContext(connection) as queries:
        for _ in range(5):
            assert category_get_active(organization=makkah, code="cleanliness") is not None
    assert len(queries) == 0
    category = Category.objects.get(organization=makkah, code="cleanliness")
    category.is_active = False
    category.save()
    assert category_get_active(organization=makkah, code="cleanliness") is None


def test_sla_policies_are_read_once_and_a_new_one_applies_at_once(makkah):
    category = Category.objects.get(organization=makkah, code="cleanliness")

    def chosen():
        return policy_select(
            organization_id=makkah.pk, kind="report", category_id=category.pk, priority="normal"
        )

    before = chosen()
    with CaptureQueriesContext(connection) as queries:
        assert chosen() == before
    assert len(queries) == 0
    specific = SlaPolicy.objects.create(
        organization=makkah,
        code="cleanliness-fast",
        category=category,
        calendar=Calendar.objects.create(organization=makkah, code="always", windows={}),
        resolution_minutes=60,
        first_response_minutes=10,
    )
    assert chosen() == specific


def test_routing_rules_are_read_once_and_a_new_rule_routes_at_once(makkah):
    category = Category.objects.get(organization=makkah, code="cleanliness")
    default = route(category=category, area_id=None, kind="report")
    with CaptureQueriesContext(connection) as queries:
        assert route(category=category, area_id=None, kind="report") == default
    assert len(queries) == 0
    other = (
        Department.objects.filter(organization=makkah)
        .exclude(pk=getattr(default.department, "pk", None))
        .first()
    )
    RoutingRule.objects.create(organization=makkah, category=category, department=other)
    assert route(category=category, area_id=None, kind="report").department == other
