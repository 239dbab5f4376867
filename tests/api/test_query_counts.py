"""Lists cost a fixed number of queries however many rows they show: pinned here so a per-row query (an
N+1) fails the suite instead of slowing the 940 centre down in the Hajj season."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from khidma.accounts.services import api_token_create
from khidma.cases import services
from khidma.cases.intake import IntakeRequest, Reporter

pytestmark = pytest.mark.django_db


def _cases(makkah, count: int) -> list:
    made = []
    for n in range(count):
        case = services.case_create(
            request=IntakeRequest(
                organization=makkah,
                description=f"Garbage not collected {n}",
                channel="web",
                category="cleanliness",
                reporter=Reporter(phone="0551234567"),
            )
        ).case
        services.case_add_note(case=case, by=None, text=f"Crew sent {n}", public=True)
        made.append(case)
    return made


def _queries(client: Client, url: str, **headers) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    assert response.status_code == 200, response.content[:300]
    return len(captured)


def test_the_staff_case_list_costs_the_same_for_three_cases_or_twelve(makkah, staff):
    _token, secret = api_token_create(user=staff["supervisor"], name="tests")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    client = Client()
    _cases(makkah, 3)
    _queries(client, "/api/v1/cases", **auth)  # the token's first use is recorded once
    few = _queries(client, "/api/v1/cases", **auth)
    _cases(makkah, 9)
    many = _queries(client, "/api/v1/cases", **auth)
    assert many == few
    assert few <= 8


def test_the_public_timeline_costs_the_same_however_long_it_is(makkah):
    case = _cases(makkah, 1)[0]
    client = Client()
    _queries(client, f"/api/v1/reports/{case.reference}")  # the organization is remembered after this
    short = _queries(client, f"/api/v1/reports/{case.reference}")
    for n in range(8):
        services.case_add_note(case=case, by=None, text=f"More work {n}", public=True)
    long = _queries(client, f"/api/v1/reports/{case.reference}")
    assert long == short
    assert short <= 5  # one of them counts the lookup against the per-address limit (cases/limits.py)
    page_short = _queries(client, f"/track/{case.reference}")
    services.case_add_note(case=case, by=None, text="Even more", public=True)
    assert _queries(client, f"/track/{case.reference}") == page_short
