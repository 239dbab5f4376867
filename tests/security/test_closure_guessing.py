"""Closure codes and tracking cannot be guessed (issue #14, item 5): wrong codes are counted per case and
per address and lock the code — even the right one — until a new code is sent, which the reporter asks for
by SMS or at 940; public lookups of reports are limited per address. Through HTTP, on every path that
takes a typed code: the public API, the tracking page and the staff API (a 940 agent entering the code)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from khidma.cases.models import Case, CaseEvent
from khidma.open311.services import api_key_create
from khidma.outbox.models import OutboundMessage
from tests.security.abuse_helpers import PROXY_HEADER, from_address, latest_code, resolved_case, wrong

pytestmark = pytest.mark.django_db(transaction=True)


def answer(api: httpx.Client, case: Case, code: str, **headers: str) -> httpx.Response:
    return api.post(
        f"/reports/{case.reference}/closure",
        json={"code": code, "fixed": True},
        headers={"Accept-Language": "en", **headers},
    )


def test_wrong_codes_lock_the_case_even_for_the_right_code(api, makkah, staff):
    """The finding: 600 wrong closure codes in 3.4 s, then the right one accepted."""
    case, code = resolved_case(makkah, staff)
    first = [answer(api, case, wrong(code, n)) for n in range(4)]
    assert [r.status_code for r in first] == [400] * 4
    assert {r.json()["errors"][0]["code"] for r in first} == {"wrong_code"}
    fifth = answer(api, case, wrong(code, 4))
    assert fifth.status_code == 429 and fifth.json()["errors"][0]["code"] == "code_locked"
    assert int(fifth.headers["Retry-After"]) > 0
    assert "send CODE by SMS" in fifth.json()["errors"][0]["message"]
    right = answer(api, case, code)
    assert right.status_code == 429 and right.json()["errors"][0]["code"] == "code_locked"
    case.refresh_from_db()
    assert case.status == "resolved"
    # Staff see on the case why the reporter could not confirm.
    assert CaseEvent.objects.filter(case=case, kind="closure_code_locked").count() == 1


def test_the_not_fixed_answer_and_the_rating_count_wrong_codes_too(api, makkah, staff):
    case, code = resolved_case(makkah, staff)
    not_fixed = [
        api.post(f"/reports/{case.reference}/closure", json={"code": wrong(code, n), "fixed": False})
        for n in range(5)
    ]
    assert [r.status_code for r in not_fixed] == [400, 400, 400, 400, 429]
    refused = api.post(f"/reports/{case.reference}/closure", json={"code": code, "fixed": False})
    assert refused.status_code == 429
    case.refresh_from_db()
    assert case.status == "resolved"
    rated, rated_code = resolved_case(makkah, staff, phone="0551234569")
    assert answer(api, rated, rated_code).status_code == 200  # closed: now it may be rated with the code
    ratings = [
        api.post(f"/reports/{rated.reference}/rating", json={"code": wrong(rated_code, n), "rating": 1})
        for n in range(5)
    ]
    assert [r.status_code for r in ratings] == [400, 400, 400, 400, 429]
    assert (
        api.post(f"/reports/{rated.reference}/rating", json={"code": rated_code, "rating": 1}).status_code
        == 429
    )


def test_wrong_codes_from_one_address_are_limited_across_cases(api, makkah, staff, settings):
    settings.KHIDMA_CLIENT_IP_HEADER = PROXY_HEADER
    settings.KHIDMA_LIMIT_CLOSURE_FAILURES_PER_IP = ((3, 3600),)
    cases = [resolved_case(makkah, staff, phone=f"055123456{n}") for n in range(3)]
    here = {PROXY_HEADER: "203.0.113.9"}
    statuses = [answer(api, case, wrong(code), **here).status_code for case, code in cases]
    assert statuses == [400, 400, 400]
    case, code = cases[0]
    blocked = answer(api, case, code, **here)
    assert blocked.status_code == 429
    assert blocked.json()["errors"][0]["code"] == "too_many_attempts"
    assert int(blocked.headers["Retry-After"]) > 0
    # The reporter, from their own connection, is not held back by the guesser's address.
    assert answer(api, case, code, **{PROXY_HEADER: "198.51.100.1"}).status_code == 200


def test_the_reporter_asks_for_a_new_code_by_sms_and_it_works(api, live_server, makkah, staff, settings):
    settings.KHIDMA_SMS_INBOUND_SECRET = "gateway-secret"
    case, code = resolved_case(makkah, staff, phone="0551234567")
    for n in range(5):
        answer(api, case, wrong(code, n))
    assert answer(api, case, code).status_code == 429
    sent = httpx.post(
        f"{live_server.url}/channels/sms/inbound",
        data={"from": "0551234567", "text": "CODE", "id": "g-new-code"},
        headers={"X-Khidma-Secret": "gateway-secret"},
    )
    assert sent.status_code == 200
    new_code = latest_code(case)
    assert new_code != code
    message = OutboundMessage.objects.filter(case=case, template="resolved").order_by("-pk").first()
    assert (message.recipient, message.status) == ("+966551234567", "queued")
    assert answer(api, case, code).status_code == 400  # the old code no longer works
    assert answer(api, case, new_code).status_code == 200
    case.refresh_from_db()
    assert (case.status, case.closure_outcome) == ("closed", "confirmed")


def test_a_940_agent_sends_a_new_code_and_staff_entering_codes_are_counted(api, client_for, makkah, staff):
    case, code = resolved_case(makkah, staff)
    agent = client_for("agent")
    for n in range(4):
        entered = agent.post(f"/cases/{case.reference}/confirm-closure", json={"note": wrong(code, n)})
        assert entered.status_code == 400
    locked = agent.post(f"/cases/{case.reference}/confirm-closure", json={"note": wrong(code, 4)})
    assert locked.status_code == 429 and locked.json()["errors"][0]["code"] == "code_locked"
    resent = agent.post(f"/cases/{case.reference}/new-code", json={})
    assert resent.status_code == 200, resent.text
    assert any(e["kind"] == "closure_code_sent" for e in resent.json()["events"])
    new_code = latest_code(case)
    assert agent.post(f"/cases/{case.reference}/confirm-closure", json={"note": new_code}).status_code == 200


def test_the_tracking_page_locks_the_code_too(client, makkah, staff):
    case, code = resolved_case(makkah, staff)
    for n in range(5):
        client.post(f"/track/{case.reference}/answer", {"code": wrong(code, n), "fixed": "yes"})
    response = client.post(
        f"/track/{case.reference}/answer",
        {"code": code, "fixed": "yes"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    page = response.content.decode()
    assert "Too many wrong codes for this report" in page
    case.refresh_from_db()
    assert case.status == "resolved"


@pytest.fixture
def open311(live_server, makkah) -> Iterator[tuple[httpx.Client, str]]:
    _key, secret = api_key_create(organization=makkah, name="FixMyStreet Makkah")
    with httpx.Client(base_url=f"{live_server.url}/open311/v2", headers={"Accept-Language": "en"}) as client:
        yield client, secret


def test_public_lookups_are_limited_per_address(api, open311, live_server, makkah, staff, settings):
    """The finding: 369 reports' public timelines harvested in 2.8 s by counting reference numbers."""
    settings.KHIDMA_CLIENT_IP_HEADER = PROXY_HEADER
    settings.KHIDMA_LIMIT_LOOKUPS_PER_IP = ((3, 60),)
    case, _code = resolved_case(makkah, staff)
    harvester = from_address("203.0.113.99")
    assert [api.get(f"/reports/{case.reference}", headers=harvester).status_code for _ in range(3)] == [
        200
    ] * 3
    refused = api.get(f"/reports/{case.reference}", headers=harvester)
    assert refused.status_code == 429 and 1 <= int(refused.headers["Retry-After"]) <= 60
    assert refused.json()["errors"][0]["message"].startswith("Too many reports were looked up")
    page = httpx.get(f"{live_server.url}/track/{case.reference}", headers=harvester)
    assert page.status_code == 429 and "Please try again later" in page.text
    client, secret = open311
    assert client.get(f"/requests/{case.reference}.json", headers=harvester).status_code == 429
    # A client with its Open311 key has its own limit; someone else's address is not held back.
    assert (
        client.get(
            f"/requests/{case.reference}.json", params={"api_key": secret}, headers=harvester
        ).status_code
        == 200
    )
    assert api.get(f"/reports/{case.reference}", headers=from_address("198.51.100.5")).status_code == 200
