"""Back-office pages answer with a fixed number of queries however many cases a page lists."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from khidma.cases import services

pytestmark = pytest.mark.django_db


def _cases(makkah, count: int) -> None:
    for n in range(count):
        services.case_create(
            organization=makkah,
            description=f"Rubbish pile {n}",
            channel="web",
            category="cleanliness",
            reporter_phone="0551234567",
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
        organization=makkah, description="إنارة مطفأة", channel="web", category="lighting_signs"
    ).case
    page = client.get("/staff/queue/all/", {"q": "اناره"}).content.decode()
    assert case.reference in page
