"""One intake path: triage runs outside every transaction whatever the channel, and the staff API and the
agent console take a case in by the same rules."""

from __future__ import annotations

import httpx
import pytest
from django.db import connection
from django.test import Client

from khidma.cases import triage
from khidma.cases.models import Case
from tests.conftest import HARAM

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def triage_in_transaction(monkeypatch) -> list[bool]:
    """Records, for each triage call, whether a transaction was open around it."""
    seen: list[bool] = []
    real = triage.assess

    def spy(text, language=None):
        seen.append(connection.in_atomic_block)
        return real(text, language=language)

    monkeypatch.setattr(triage, "assess", spy)
    return seen


def test_the_portal_form_triages_before_it_takes_the_write_lock(makkah, triage_in_transaction):
    response = Client().post(
        "/report",
        {
            "description": "Garbage piled up by the hotel",
            "address": "Ibrahim Al-Khalil street",
            "submission": "k1",
        },
    )
    assert response.status_code in (200, 302), response.content[:500]
    assert Case.objects.count() == 1
    assert triage_in_transaction == [False]


def test_open311_triages_before_it_takes_the_write_lock(
    makkah, live_server, _triage_models, triage_in_transaction
):
    from khidma.open311.services import api_key_create

    _key, secret = api_key_create(organization=makkah, name="balady")
    response = httpx.post(
        f"{live_server.url}/open311/v2/requests.json",
        data={
            "api_key": secret,
            "service_code": "cleanliness",
            "description": "Garbage piled up",
            "lat": HARAM[0],
            "long": HARAM[1],
        },
        timeout=30,
    )
    assert response.status_code == 201, response.text
    assert triage_in_transaction == [False]


def test_the_staff_api_and_the_console_apply_the_same_intake_rules(client_for, staff, makkah):
    """Khalid at the headquarters counter, then Huda of the women's section: the same case through the API and
    through the console gets the same channel, service point and women's-section flag."""
    for persona in ("counter", "women"):
        api_case = client_for(persona).post(
            "/cases", json={"description": "Broken bench in the park", "category": "cleanliness"}
        )
        assert api_case.status_code == 201, api_case.text
        via_api = Case.objects.get(reference=api_case.json()["reference"])

        browser = Client()
        browser.force_login(staff[persona])
        page = browser.post(
            "/staff/console/",
            {
                "description": "Broken bench in the park",
                "category": "cleanliness",
                "kind": "report",
                "priority": "normal",
                "idempotency_key": f"console-{persona}",
            },
        )
        assert page.status_code == 302, page.content.decode()[:2000]
        via_console = Case.objects.exclude(pk=via_api.pk).latest("pk")
        assert (via_console.channel, via_console.service_point_id, via_console.womens_section) == (
            via_api.channel,
            via_api.service_point_id,
            via_api.womens_section,
        )
    assert Case.objects.filter(womens_section=True).count() == 2  # Huda's two cases


def test_someone_without_a_post_must_say_the_channel_in_the_console(staff, makkah):
    browser = Client()
    browser.force_login(staff["supervisor"])
    body = {"description": "Broken bench", "kind": "report", "priority": "normal", "idempotency_key": "s1"}
    page = browser.post("/staff/console/", body)
    assert page.status_code == 200 and not Case.objects.exists()
    page = browser.post("/staff/console/", {**body, "channel": "letter"})
    assert page.status_code == 302
    assert Case.objects.get().channel == "letter"
