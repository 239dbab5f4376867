"""Service levels on real cases: due dates, pauses, reopening, recomputation, warnings and escalation.

Time is frozen with ``clock.at`` (the clock every service reads) and the sweep is given its ``now``.
"""

from __future__ import annotations

import datetime
import threading
from zoneinfo import ZoneInfo

import pytest
from hijridate import Hijri

from khidma.cases import services
from khidma.cases.deadlines import case_sla_sweep, sla_status
from khidma.cases.intake import IntakeRequest
from khidma.cases.models import Case, CaseEvent, EventKind, SlaTimer
from khidma.core import clock

RIYADH = ZoneInfo("Asia/Riyadh")


def at(y, m, d, hh=0, mm=0) -> datetime.datetime:
    return datetime.datetime(y, m, d, hh, mm, tzinfo=RIYADH)


def receive(makkah, when, **fields) -> Case:
    fields.setdefault("category", "cleanliness")
    with clock.at(when):
        return services.case_create(
            request=IntakeRequest(organization=makkah, description="d", channel="phone_940", **fields)
        ).case


pytestmark = pytest.mark.django_db


def test_three_working_days_from_thursday_afternoon_is_tuesday_same_hour(makkah, policies):
    case = receive(makkah, at(2026, 11, 26, 13, 0))  # a Thursday
    assert case.sla_policy == policies["report"]
    assert case.resolution_due_at == at(2026, 12, 1, 13, 0)  # Tuesday
    # First response, 4 working hours: 1.5 h on Thursday, 2.5 h on Sunday.
    assert case.first_response_due_at == at(2026, 11, 29, 10, 0)


@pytest.mark.parametrize("hour", [0, 9, 23])
def test_received_on_friday_at_any_hour_is_due_tuesday_at_closing(makkah, policies, hour):
    case = receive(makkah, at(2026, 11, 27, hour, 30))
    assert case.resolution_due_at == at(2026, 12, 1, 14, 30)


def test_a_gregorian_holiday_is_skipped(makkah, policies):
    case = receive(makkah, at(2026, 9, 22, 10, 0))  # Tuesday; Wednesday 23 September is National Day
    # 4.5 h Tuesday, Thursday 7 h, Sunday 7 h, Monday 2.5 h.
    assert case.resolution_due_at == at(2026, 9, 28, 10, 0)


def test_an_eid_defined_on_the_hijri_calendar_is_skipped_every_year(makkah, policies):
    for hijri_year in (1448, 1449):
        eid = Hijri(hijri_year, 10, 1).to_gregorian()
        eid_days = {eid + datetime.timedelta(days=i) for i in range(4)}
        received = at(eid.year, eid.month, eid.day, 9, 0) - datetime.timedelta(days=1)
        case = receive(makkah, received, kind="inquiry", category=None)
        due = case.resolution_due_at.astimezone(RIYADH)
        assert due.date() not in eid_days
        assert due.date() > max(eid_days)


def test_urgent_reports_run_on_the_24_7_clock(makkah, policies):
    case = receive(makkah, at(2026, 11, 27, 23, 0), priority="urgent")  # Friday night
    assert case.sla_policy == policies["urgent"]
    assert case.first_response_due_at == at(2026, 11, 28, 0, 0)
    assert case.resolution_due_at == at(2026, 11, 28, 23, 0)


def test_the_most_specific_policy_wins_and_a_default_exists(makkah, policies):
    assert (
        receive(makkah, at(2026, 11, 22, 8), kind="inquiry", category=None).sla_policy == policies["inquiry"]
    )
    assert (
        receive(makkah, at(2026, 11, 22, 8), kind="complaint", category=None).sla_policy
        == policies["default"]
    )
    assert (
        receive(makkah, at(2026, 11, 22, 8), kind="inquiry", priority="urgent").sla_policy
        == policies["urgent"]
    )


def test_a_priority_change_recomputes_the_due_date_and_says_so(makkah, policies, staff):
    case = receive(makkah, at(2026, 11, 22, 8, 0))
    with clock.at(at(2026, 11, 22, 9, 0)):
        case = services.case_set_priority(case=case, by=staff["agent"], priority="urgent")
    assert case.resolution_due_at == at(2026, 11, 23, 8, 0)  # 24 h from receipt on the 24/7 clock
    change = case.events.get(kind=EventKind.SLA_CHANGED)
    assert change.data["policy"] == ["report", "urgent"]
    assert datetime.datetime.fromisoformat(change.data["resolution_due_at"][1]) == at(2026, 11, 23, 8, 0)


def test_hold_pauses_the_clock_and_resume_moves_the_due_date_by_the_working_time_on_hold(
    makkah, policies, staff
):
    boss = staff["supervisor"]
    case = receive(makkah, at(2026, 11, 22, 8, 0))  # Sunday 08:00 → due Wednesday 08:00
    assert case.resolution_due_at == at(2026, 11, 25, 8, 0)
    with clock.at(at(2026, 11, 22, 10, 0)):
        case = services.case_hold(case=case, by=boss, reason="أي مبنى بالضبط؟")
    assert sla_status(case, now=at(2026, 11, 23, 9, 0)).state == "paused"
    assert SlaTimer.objects.get(case=case).next_check_at is None
    with clock.at(at(2026, 11, 23, 10, 0)):  # on hold 4.5 h Sunday + 2.5 h Monday = 7 working hours
        case = services.case_resume(case=case, by=boss)
    assert case.resolution_due_at == at(2026, 11, 26, 8, 0)
    assert SlaTimer.objects.get(case=case).next_check_at is not None


def test_reopening_starts_a_new_resolution_target(makkah, policies, staff):
    boss = staff["supervisor"]
    case = receive(makkah, at(2026, 11, 22, 8, 0))
    with clock.at(at(2026, 11, 23, 9, 0)):
        case = services.case_assign(case=case, by=boss, department=staff["field_clean"].department)
        case = services.case_resolve(case=case, by=boss, note="تمت المعالجة")
    assert sla_status(case, now=at(2026, 11, 24, 9, 0)).state == "met"
    with clock.at(at(2026, 11, 29, 9, 0)):  # Sunday: reopened
        case = services.case_reopen(case=case, by=boss, reason="still dirty")
    assert case.resolution_due_at == at(2026, 12, 2, 9, 0)
    assert sla_status(case, now=at(2026, 11, 29, 10, 0)).state == "on_track"


def test_states_over_a_cases_life(makkah, policies, staff):
    case = receive(makkah, at(2026, 11, 22, 8, 0))  # due Wednesday 08:00; at risk after 80% (16.8 h)
    assert sla_status(case, now=at(2026, 11, 22, 9, 0)).state == "on_track"
    assert sla_status(case, now=at(2026, 11, 24, 12, 0)).state == "at_risk"
    late = sla_status(case, now=at(2026, 11, 25, 9, 0))
    assert late.state == "breached"
    assert late.resolution.remaining_seconds == -3600
    with clock.at(at(2026, 11, 25, 9, 0)):
        services.case_assign(case=case, by=staff["supervisor"], department=staff["field_clean"].department)
        case = services.case_resolve(case=case, by=staff["supervisor"], note="تمت المعالجة متأخرة")
    assert sla_status(case).state == "missed"


def _kinds(case: Case) -> list[str]:
    return list(case.events.filter(kind__startswith="sla_").values_list("kind", flat=True))


def test_the_sweep_warns_then_escalates_then_escalates_again_each_exactly_once(makkah, policies):
    case = receive(makkah, at(2026, 11, 22, 8, 0))
    assert case_sla_sweep(now=at(2026, 11, 22, 12, 0)).examined == 1  # first response due 12:00
    case.refresh_from_db()
    assert _kinds(case) == ["sla_first_response_breached"]
    case_sla_sweep(now=at(2026, 11, 24, 12, 0))
    case_sla_sweep(now=at(2026, 11, 24, 12, 5))  # nothing new
    assert _kinds(case) == ["sla_first_response_breached", "sla_at_risk"]
    result = case_sla_sweep(now=at(2026, 11, 25, 8, 0))
    assert result.breached == 1
    case.refresh_from_db()
    assert SlaTimer.objects.get(case=case).escalation_level == 1
    assert case_sla_sweep(now=at(2026, 11, 25, 9, 0)).examined == 0
    assert case_sla_sweep(now=at(2026, 11, 26, 8, 0)).escalated == 1  # 24 wall-clock hours later
    assert _kinds(case) == ["sla_first_response_breached", "sla_at_risk", "sla_breached", "sla_escalated"]
    case.refresh_from_db()
    assert SlaTimer.objects.get(case=case).next_check_at is None


def test_assigning_in_time_meets_the_first_response_target(makkah, policies, staff):
    case = receive(makkah, at(2026, 11, 22, 8, 0))
    with clock.at(at(2026, 11, 22, 9, 0)):
        case = services.case_assign(
            case=case, by=staff["supervisor"], department=staff["field_clean"].department
        )
    case_sla_sweep(now=at(2026, 11, 22, 13, 0))
    assert _kinds(case) == []
    assert case.first_responded_at == at(2026, 11, 22, 9, 0)


def test_a_resolved_case_is_never_escalated(makkah, policies, staff):
    case = receive(makkah, at(2026, 11, 22, 8, 0))
    with clock.at(at(2026, 11, 22, 9, 0)):
        services.case_assign(case=case, by=staff["supervisor"], department=staff["field_clean"].department)
        case = services.case_resolve(case=case, by=staff["supervisor"], note="تم الإصلاح")
    assert SlaTimer.objects.get(case=case).next_check_at is None
    assert case_sla_sweep(now=at(2026, 12, 30)).examined == 0


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_sweeps_escalate_each_case_exactly_once(makkah, policies):
    cases = [receive(makkah, at(2026, 11, 22, 8, i)) for i in range(30)]
    now = at(2026, 11, 25, 12, 0)
    barrier = threading.Barrier(2)
    results = []

    def sweep() -> None:
        barrier.wait()
        results.append(case_sla_sweep(now=now, batch_size=7))

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(r.breached for r in results) == 30
    for case in cases:
        assert CaseEvent.objects.filter(case=case, kind=EventKind.SLA_BREACHED).count() == 1
        # Both moments had passed: only the breach is written, not a stale "at risk" warning.
        assert CaseEvent.objects.filter(case=case, kind=EventKind.SLA_AT_RISK).count() == 0


def test_staff_are_emailed_about_at_risk_and_breached_cases_once(makkah, policies, staff):
    from khidma.cases.notify import staff_sla_alerts
    from khidma.outbox.models import OutboundMessage

    for persona, address in [
        ("field_clean", "fahd@example.sa"),
        ("head_clean", "abdullah@example.sa"),
        ("followup", "noura@example.sa"),
        ("supervisor", "mohammed@example.sa"),
    ]:
        staff[persona].email = address
        staff[persona].save()
    case = receive(makkah, at(2026, 11, 22, 8, 0))
    with clock.at(at(2026, 11, 22, 9, 0)):
        services.case_assign(case=case, by=staff["head_clean"], assignee=staff["field_clean"])
    assert OutboundMessage.objects.get(template="staff_assigned").recipient == "fahd@example.sa"
    case_sla_sweep(now=at(2026, 11, 24, 12, 0))  # at risk
    staff_sla_alerts(since=at(2026, 11, 20))
    at_risk = set(
        OutboundMessage.objects.filter(template="staff_at_risk").values_list("recipient", flat=True)
    )
    assert at_risk == {"fahd@example.sa", "abdullah@example.sa"}
    case_sla_sweep(now=at(2026, 11, 25, 9, 0))  # breached
    staff_sla_alerts(since=at(2026, 11, 20))
    staff_sla_alerts(since=at(2026, 11, 20))  # running again sends nothing more
    breached = list(
        OutboundMessage.objects.filter(template="staff_breached").values_list("recipient", flat=True)
    )
    assert sorted(breached) == ["mohammed@example.sa", "noura@example.sa"]
    assert OutboundMessage.objects.filter(template="staff_at_risk").count() == 2
