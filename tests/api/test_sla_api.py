"""Service levels as API clients see them: per-case targets and state, the public expected date, and
compliance figures."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from khidma.cases import services
from khidma.cases.intake import IntakeRequest
from khidma.core import clock

pytestmark = pytest.mark.django_db(transaction=True)
RIYADH = ZoneInfo("Asia/Riyadh")


def test_a_case_shows_its_targets_state_and_remaining_working_time(client_for, policies):
    agent = client_for("agent")
    case = agent.post("/cases", json={"description": "Rubbish", "category": "cleanliness"}).json()
    sla = case["sla"]
    assert sla["policy"] == "report"
    assert sla["state"] in {"on_track", "at_risk", "breached"}
    assert sla["resolution"]["due_at"] is not None
    assert sla["first_response"]["due_at"] is not None
    assert sla["resolution"]["remaining_seconds"] <= 21 * 3600
    urgent = agent.post(f"/cases/{case['reference']}/priority", json={"priority": "urgent"}).json()
    assert urgent["sla"]["policy"] == "urgent"
    assert urgent["events"][-1]["kind"] == "sla_changed"


def test_the_public_view_gives_the_expected_date(api, makkah, policies):
    created = api.post("/reports", json={"description": "Broken lamp", "category": "lighting_signs"}).json()
    body = api.get(f"/reports/{created['reference']}").json()
    assert body["expected_at"] is not None


def test_compliance_counts_met_and_missed_by_category_and_month(client_for, makkah, policies, staff):
    boss = staff["supervisor"]
    received = datetime.datetime(2026, 11, 22, 8, 0, tzinfo=RIYADH)  # Sunday; due Wednesday 08:00
    for category, resolved_after_hours in [("cleanliness", 2), ("cleanliness", 80), ("lighting_signs", 5)]:
        with clock.at(received):
            case = services.case_create(
                request=IntakeRequest(organization=makkah, description="d", channel="web", category=category)
            ).case
        with clock.at(received + datetime.timedelta(hours=resolved_after_hours)):
            services.case_assign(case=case, by=boss, department=case.department)
            services.case_resolve(case=case, by=boss, note="تمت المعالجة")
    supervisor = client_for("supervisor")
    rows = {
        r["key"]: r
        for r in supervisor.get("/stats/sla-compliance", params={"group_by": "category"}).json()["rows"]
    }
    assert (rows["cleanliness"]["met"], rows["cleanliness"]["missed"], rows["cleanliness"]["compliance"]) == (
        1,
        1,
        0.5,
    )
    assert rows["lighting_signs"]["met"] == 1 and rows["lighting_signs"]["name"] == "Lighting and signs"
    months = supervisor.get("/stats/sla-compliance", params={"group_by": "month"}).json()["rows"]
    assert [(m["key"], m["met"], m["missed"]) for m in months] == [("2026-11", 2, 1)]
    assert supervisor.get("/stats/sla-compliance", params={"group_by": "planet"}).status_code == 400
    # Another organization sees none of it.
    assert client_for("taif_supervisor").get("/stats/sla-compliance").json()["rows"] == []
