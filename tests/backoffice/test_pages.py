"""Back-office pages answer with a fixed number of queries however many cases a page lists."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from khidma.cases import services
from khidma.cases.intake import IntakeRequest, Reporter

pytestmark = pytest.mark.django_db


def _cases(makkah, count: int) -> None:
    for n in range(count):
        services.case_create(
            request=IntakeRequest(
                organization=makkah,
                description=f"Rubbish pile {n}",
                channel="web",
                category="cleanliness",
                reporter=Reporter(phone="0551234567"),
            )
        )


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("queue", ["all", "triage", "at_risk", "department"])
def test_queue_pages_use_a_constant_number_of_queries(client, makkah, staff, policies, queue):
    client.force_login(staff["supervisor"])
    _cases(makkah, 3)
    few = _queries(client, f"/staff/queue/{queue}/")
    _cases(makkah, 20)
    many = _queries(client, f"/staff/queue/{queue}/")
    assert many == few
    assert many <= 22


def test_the_case_page_uses_a_bounded_number_of_queries(client, makkah, staff, policies):
    client.force_login(staff["supervisor"])
    _cases(makkah, 1)
    from khidma.cases.models import Case

    case = Case.objects.get()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/staff/cases/{case.reference}/")
    assert response.status_code == 200
    assert len(captured) <= 30


def test_searching_the_queue_by_folded_arabic(client, makkah, staff):
    client.force_login(staff["agent"])
    case = services.case_create(
        request=IntakeRequest(
            organization=makkah, description="إنارة مطفأة", channel="web", category="lighting_signs"
        )
    ).case
    page = client.get("/staff/queue/all/", {"q": "اناره"}).content.decode()
    assert case.reference in page


def test_bulk_assign_writes_one_event_per_case_and_skips_what_it_cannot_change(client, makkah, staff):
    from khidma.cases.models import Case, CaseEvent

    client.force_login(staff["supervisor"])
    _cases(makkah, 3)
    first, second, third = Case.objects.order_by("pk")
    services.case_reject(case=third, by=staff["supervisor"], reason="This is not a municipal matter.")
    response = client.post(
        "/staff/bulk/",
        {
            "action": "assign",
            "department": "lighting",
            "cases": [first.reference, second.reference, third.reference],
            "next": "/staff/queue/all/",
        },
    )
    assert response.status_code == 302
    assert set(Case.objects.filter(department__code="lighting").values_list("pk", flat=True)) == {
        first.pk,
        second.pk,
    }
    assert CaseEvent.objects.filter(kind="assigned").count() == 2
    assert Case.objects.get(pk=third.pk).status == "rejected"


def test_bulk_actions_respect_roles(client, makkah, staff):
    from khidma.cases.models import Case

    client.force_login(staff["field_clean"])
    _cases(makkah, 1)
    case = Case.objects.get()
    client.post("/staff/bulk/", {"action": "priority", "priority": "urgent", "cases": [case.reference]})
    assert Case.objects.get(pk=case.pk).priority == "normal"


def test_a_saved_filter_comes_back_in_the_sidebar_for_its_owner_only(client, makkah, staff):
    from khidma.backoffice.models import SavedFilter

    client.force_login(staff["supervisor"])
    _cases(makkah, 2)
    response = client.post(
        "/staff/filters/",
        {"name": "Urgent cleanliness", "queue": "all", "query": "priority=urgent&category=cleanliness"},
    )
    assert (
        response.status_code == 302
        and response["Location"] == "/staff/queue/all/?priority=urgent&category=cleanliness"
    )
    page = client.get("/staff/queue/all/").content.decode()
    assert "Urgent cleanliness" in page and "priority=urgent&amp;category=cleanliness" in page
    client.force_login(staff["agent"])
    assert "Urgent cleanliness" not in client.get("/staff/queue/all/").content.decode()
    mine = SavedFilter.objects.get()
    client.post(f"/staff/filters/{mine.pk}/delete/")  # someone else's: nothing happens
    assert SavedFilter.objects.count() == 1
    client.force_login(staff["supervisor"])
    client.post(f"/staff/filters/{mine.pk}/delete/")
    assert SavedFilter.objects.count() == 0
    assert client.post("/staff/filters/", {"name": "", "queue": "all"}).status_code == 302
    assert SavedFilter.objects.count() == 0
