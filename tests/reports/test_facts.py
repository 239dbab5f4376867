"""The reporting rows follow the cases: the worker's refresh reads the new events, and a row that missed one
(an event committed late) is caught on the next run."""

from __future__ import annotations

import pytest

from khidma.cases import services
from khidma.core import clock
from khidma.reports.facts import facts_rebuild, facts_refresh
from khidma.reports.models import CaseFact
from tests.reports.conftest import at, new_case

pytestmark = pytest.mark.django_db


def test_the_refresh_follows_every_change_and_only_the_changed_cases(makkah, staff, policies):
    with clock.at(at("2026-11-01", 9)):  # a Sunday, 09:00: within working hours
        case = new_case(makkah, description="x", channel="web", category="cleanliness")
        other = new_case(makkah, description="y", channel="web", category="lighting_signs")
    assert facts_refresh().rebuilt  # the first run counts everything
    fact = CaseFact.objects.get(pk=case.pk)
    assert (fact.is_open, fact.status, fact.first_response_seconds) == (True, "triaged", None)
    with clock.at(at("2026-11-01", 11)):
        services.case_assign(case=case, by=staff["supervisor"], department=case.department)
    result = facts_refresh()
    assert (result.rebuilt, result.cases) == (False, 1)
    fact = CaseFact.objects.get(pk=case.pk)
    assert fact.status == "assigned"
    assert fact.first_response_seconds == 2 * 3600
    assert fact.first_response_work_seconds == 2 * 3600
    assert fact.first_response_met  # within the four working hours of a report's target
    assert facts_refresh().cases == 0
    # A row that did not see its case's newest event (its transaction committed after the last run read
    # past it) is recomputed by the next run.
    CaseFact.objects.filter(pk=other.pk).update(last_event_id=0, status="stale")
    assert facts_refresh().cases == 1
    assert CaseFact.objects.get(pk=other.pk).status == "triaged"


def test_working_time_leaves_out_nights_and_weekends(makkah, staff, policies):
    with clock.at(at("2026-11-05", 14)):  # Thursday 14:00: half an hour before the weekend
        case = new_case(makkah, description="x", channel="web", category="cleanliness")
    with clock.at(at("2026-11-08", 8)):  # Sunday 08:00
        services.case_assign(case=case, by=staff["supervisor"], department=case.department)
    facts_rebuild()
    fact = CaseFact.objects.get(pk=case.pk)
    assert fact.first_response_seconds == (2 * 24 + 18) * 3600
    assert fact.first_response_work_seconds == 3600  # 14:00–14:30 Thursday, 07:30–08:00 Sunday


def test_a_bad_map_cell_in_the_queue_is_an_error_not_a_crash(client, staff):
    client.force_login(staff["supervisor"])
    response = client.get("/staff/queue/all/", {"bbox": "north,south"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400  # the queue's answer to any refused filter, with the form's error
    assert "This place is not a map cell." in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_rows_are_computed_outside_the_transaction_that_writes_them(makkah, staff, policies, monkeypatch):
    """The reads and working-time arithmetic come before the write transaction: on SQLite that transaction
    holds the one write lock every reporter's request also needs. A case changed between the two is
    recomputed by the next run."""
    from django.db import connection

    from khidma.reports import facts as module

    with clock.at(at("2026-11-01", 9)):
        case = new_case(makkah, description="x", channel="web", category="cleanliness")
    assert facts_refresh().rebuilt
    computed_in_transaction: list[bool] = []
    real = module._facts

    def watched(case_ids, calendars, now):
        computed_in_transaction.append(connection.in_atomic_block)
        rows = real(case_ids, calendars, now)
        # Someone acts on the case after its row was computed and before it is written.
        services.case_assign(case=case, by=staff["supervisor"], department=case.department)
        return rows

    monkeypatch.setattr(module, "_facts", watched)
    with clock.at(at("2026-11-01", 10)):
        services.case_add_note(case=case, by=staff["supervisor"], text="looked", public=False)
        assert facts_refresh().cases == 1
    monkeypatch.setattr(module, "_facts", real)
    assert computed_in_transaction == [False]
    assert CaseFact.objects.get(pk=case.pk).status == "triaged"  # written as computed, before the assignment
    assert facts_refresh().cases == 1  # the assignment's event is newer than the row: recomputed
    assert CaseFact.objects.get(pk=case.pk).status == "assigned"
