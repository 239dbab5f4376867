"""Routing when staff correct a category, and intake reporting every problem at once, over HTTP."""

from __future__ import annotations

import pytest

from khidma.organizations.models import Area, Category, Department
from khidma.triage.models import RoutingRule
from tests.conftest import AZIZIYAH

pytestmark = pytest.mark.django_db(transaction=True)


def _vague_case(agent, **extra) -> dict:
    body = {"description": "Please call me back", "lat": AZIZIYAH[0], "lon": AZIZIYAH[1], **extra}
    response = agent.post("/cases", json=body)
    assert response.status_code == 201, response.text
    case = response.json()
    assert case["status"] == "new" and case["category"] is None
    return case


def test_a_corrected_category_is_routed_by_the_area_rule_not_only_the_default(client_for, makkah):
    east = Area.objects.get(organization=makkah, code="east")
    street_cleaning = Department.objects.get(organization=makkah, code="street_cleaning")
    RoutingRule.objects.create(
        organization=makkah,
        category=Category.objects.get(organization=makkah, code="cleanliness"),
        area=east,
        department=street_cleaning,
    )
    agent = client_for("agent")
    case = _vague_case(agent)
    assert case["area"]["code"] == "east"

    changed = agent.post(f"/cases/{case['reference']}/category", json={"category": "cleanliness"})
    assert changed.status_code == 200, changed.text
    assert changed.json()["department"]["code"] == "street_cleaning"  # the category's default is cleanliness
    assert changed.json()["status"] == "triaged"


def test_a_corrected_category_that_belongs_to_a_partner_is_referred(client_for, makkah):
    RoutingRule.objects.create(
        organization=makkah,
        category=Category.objects.get(organization=makkah, code="roads_sidewalks"),
        partner="National Water Company",
    )
    agent = client_for("agent")
    case = _vague_case(agent)
    changed = agent.post(f"/cases/{case['reference']}/category", json={"category": "roads_sidewalks"})
    assert changed.status_code == 200, changed.text
    assert changed.json()["status"] == "referred"
    assert changed.json()["referred_to"] == "National Water Company"


def test_an_unknown_area_is_reported_with_every_other_problem(client_for):
    response = client_for("agent").post(
        "/cases",
        json={"description": "", "area": "atlantis", "category": "no_such", "reporter": {"phone": "12"}},
    )
    assert response.status_code == 400
    fields = {error["field"]: error["code"] for error in response.json()["errors"]}
    assert fields == {
        "description": "required",
        "area": "unknown_area",
        "category": "unknown_category",
        "reporter.phone": "invalid_phone",
    }
