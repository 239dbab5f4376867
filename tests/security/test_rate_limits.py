"""Anonymous intake cannot be flooded (issue #14, item 4): one shared limiter, in the database or Redis,
per client address and per phone number, on the API, the portal and Open311; "received" messages capped per
number; no SMS to a number nobody confirmed when confirmation is required.

Every test talks HTTP to the real endpoints. The limits are on in every test, as in production (each test
starts with empty counters, since they live in the test database); the tests here lower them to a few so a
flood takes a few requests.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from khidma.cases.models import Case
from khidma.open311.services import api_key_create
from khidma.outbox.models import OutboundMessage
from tests.conftest import HARAM
from tests.security.abuse_helpers import PROXY_HEADER, data_dir, database_url, from_address

pytestmark = pytest.mark.django_db(transaction=True)


def report(**fields) -> dict:
    body = {"description": "The container is full and rubbish is on the ground", "category": "cleanliness"}
    body.update(fields)
    return body


@pytest.fixture
def behind_proxy(settings) -> None:
    settings.KHIDMA_CLIENT_IP_HEADER = PROXY_HEADER


@pytest.fixture
def open311(live_server, makkah) -> Iterator[tuple[httpx.Client, str]]:
    """An Open311 client with its API key (each key also has its own limit per minute)."""
    _key, secret = api_key_create(organization=makkah, name="FixMyStreet Makkah")
    with httpx.Client(base_url=f"{live_server.url}/open311/v2", headers={"Accept-Language": "en"}) as client:
        yield client, secret


def pothole(secret: str, **fields: str) -> dict[str, str]:
    return {
        "api_key": secret,
        "service_code": "roads_sidewalks",
        "description": "Deep pothole in the right lane",
        "lat": str(HARAM[0]),
        "long": str(HARAM[1]),
        **fields,
    }


def test_reports_from_one_address_get_429_with_retry_after_and_a_json_error(api, makkah, settings):
    settings.KHIDMA_LIMIT_REPORTS_PER_IP = ((3, 60), (100, 3600))
    statuses = [
        api.post("/reports", json=report(), headers={"Accept-Language": "en"}).status_code for _ in range(3)
    ]
    assert statuses == [201, 201, 201]
    refused = api.post("/reports", json=report(), headers={"Accept-Language": "en"})
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    [error] = refused.json()["errors"]
    assert (error["field"], error["code"]) == ("", "rate_limited")
    assert error["message"].startswith("Too many reports were sent from your connection. Try again in")
    assert Case.objects.count() == 3  # the refused one made nothing


def test_the_limit_is_per_client_address_behind_a_proxy(api, makkah, settings, behind_proxy):
    settings.KHIDMA_LIMIT_REPORTS_PER_IP = ((2, 3600),)
    for _ in range(2):
        assert api.post("/reports", json=report(), headers=from_address("203.0.113.7")).status_code == 201
    assert api.post("/reports", json=report(), headers=from_address("203.0.113.7")).status_code == 429
    # Another person behind the same proxy is not held back by the first one's reports.
    assert api.post("/reports", json=report(), headers=from_address("198.51.100.20")).status_code == 201


def test_reports_naming_one_phone_number_are_limited_whatever_the_address(
    api, makkah, settings, behind_proxy
):
    settings.KHIDMA_LIMIT_REPORTS_PER_PHONE = ((2, 3600),)
    forms = ["0551234567", "+966551234567", "٠٥٥١٢٣٤٥٦٧"]  # one number, written three ways
    answers = [
        api.post("/reports", json=report(reporter={"phone": phone}), headers=from_address(f"192.0.2.{n}"))
        for n, phone in enumerate(forms, start=1)
    ]
    assert [a.status_code for a in answers] == [201, 201, 429]
    [error] = answers[2].json()["errors"]
    assert (error["field"], error["code"]) == ("reporter.phone", "rate_limited")
    assert error["message"].startswith("Too many reports give this phone number.")
    assert int(answers[2].headers["Retry-After"]) > 0


def test_a_registered_application_with_its_token_is_not_held_by_the_anonymous_limits(
    api, makkah, staff, settings
):
    from khidma.accounts.services import api_token_create

    settings.KHIDMA_LIMIT_REPORTS_PER_IP = ((1, 3600),)
    _token, secret = api_token_create(user=staff["agent"], name="municipal app")
    app = {"Authorization": f"Bearer {secret}"}
    assert [api.post("/reports", json=report(), headers=app).status_code for _ in range(3)] == [201] * 3
    assert api.post("/reports", json=report()).status_code == 201
    assert api.post("/reports", json=report()).status_code == 429


def test_no_number_gets_more_than_n_received_messages_an_hour_but_every_case_is_made(
    api, makkah, settings, behind_proxy
):
    settings.KHIDMA_RECEIVED_MESSAGES_PER_HOUR = 2
    references = [
        api.post(
            "/reports", json=report(reporter={"phone": "0551234567"}), headers=from_address(f"192.0.2.{n}")
        ).json()["reference"]
        for n in range(1, 5)
    ]
    assert Case.objects.filter(reference__in=references).count() == 4
    received = OutboundMessage.objects.filter(template="received", recipient="+966551234567").order_by("pk")
    assert [(m.status, m.held_reason) for m in received] == [
        ("queued", ""),
        ("queued", ""),
        ("suppressed", "recipient_hourly_limit"),
        ("suppressed", "recipient_hourly_limit"),
    ]
    # Held back, never delivered: the worker only takes queued rows.
    assert all(m.next_attempt_at is None for m in received[2:])


def test_the_portal_form_answers_429_and_keeps_everything_typed(client, makkah, settings):
    settings.KHIDMA_LIMIT_REPORTS_PER_IP = ((1, 3600),)
    data = {
        "description": "Broken street lamp beside the school gate",
        "category": "lighting_signs",
        "address": "Beside the King Fahd gate",
        "phone": "",
    }
    assert client.post("/report", data, HTTP_ACCEPT_LANGUAGE="en").status_code == 302
    refused = client.post(
        "/report", {**data, "description": "A second lamp is out too"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    page = refused.content.decode()
    assert "Too many reports were sent from your connection." in page
    assert "A second lamp is out too" in page and "Beside the King Fahd gate" in page
    assert 'value="lighting_signs" checked' in page or "checked" in page
    assert Case.objects.count() == 1


def test_the_portal_cannot_flood_one_phone_with_sms(client, makkah, settings):
    """The finding: 379 SMS to one number in 15 s from the portal."""
    settings.KHIDMA_RECEIVED_MESSAGES_PER_HOUR = 1
    settings.KHIDMA_LIMIT_REPORTS_PER_PHONE = ((3, 3600),)
    for n in range(4):
        client.post(
            "/report",
            {
                "description": f"Lamp {n} is out",
                "category": "lighting_signs",
                "address": "Gate 1",
                "phone": "0551234567",
            },
        )
    assert Case.objects.count() == 3  # the fourth naming the number was refused
    sent = OutboundMessage.objects.filter(recipient="+966551234567", template="received")
    assert sent.filter(status="queued").count() == 1
    assert sent.filter(status="suppressed", held_reason="recipient_hourly_limit").count() == 2


def test_with_confirmation_required_the_api_and_open311_never_text_an_unconfirmed_number(
    api, open311, makkah, settings
):
    client, secret = open311
    settings.KHIDMA_PHONE_VERIFICATION_REQUIRED = True
    made = api.post("/reports", json=report(reporter={"phone": "0551234567"}))
    assert made.status_code == 201
    created = client.post("/requests.json", data=pothole(secret, phone="0557654321"))
    assert created.status_code == 201, created.text
    for phone in ("+966551234567", "+966557654321"):
        messages = OutboundMessage.objects.filter(recipient=phone, channel="sms")
        assert messages.exists()
        assert set(messages.values_list("status", "held_reason")) == {("suppressed", "unverified_phone")}


def test_open311_phone_numbers_are_limited_like_any_anonymous_report(open311, settings):
    client, secret = open311
    settings.KHIDMA_LIMIT_REPORTS_PER_PHONE = ((1, 3600),)
    assert client.post("/requests.json", data=pothole(secret, phone="0551234567")).status_code == 201
    refused = client.post(
        "/requests.json", data=pothole(secret, phone="0551234567", description="Another pothole")
    )
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert refused.json()[0]["description"].startswith("phone: Too many reports give this phone number.")


def test_rate_limits_off_lets_a_load_benchmark_through(api, makkah, settings):
    settings.KHIDMA_RATE_LIMITS = False
    settings.KHIDMA_LIMIT_REPORTS_PER_IP = ((1, 3600),)
    assert [api.post("/reports", json=report()).status_code for _ in range(3)] == [201] * 3


def _hits_from_another_process(env: dict[str, str], address: str, count: int) -> None:
    """Count ``count`` reports from ``address`` in a separate Python process (another gunicorn worker or
    another machine would do the same), through the same store."""
    code = (
        "import django; django.setup()\n"
        "from khidma.cases import limits\n"
        f"for _ in range({count}): limits.intake_allow(ip={address!r})\n"
    )
    subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "khidma.settings", **env},
        check=True,
        capture_output=True,
        timeout=120,
    )


def test_the_database_store_is_shared_by_every_process(api, makkah, settings, behind_proxy):
    from khidma.core.models import RateCounter

    settings.KHIDMA_LIMIT_REPORTS_PER_IP = ((3, 3600),)
    env = {"DATABASE_URL": database_url(), "KHIDMA_DATA_DIR": data_dir(), "REDIS_URL": ""}
    env["KHIDMA_LIMIT_REPORTS_PER_IP"] = "3/h"
    _hits_from_another_process(env, "203.0.113.50", 3)
    assert RateCounter.objects.exists()
    refused = api.post("/reports", json=report(), headers=from_address("203.0.113.50"))
    assert refused.status_code == 429


@pytest.fixture
def redis_url() -> Iterator[str]:
    """A private Redis server on a free port, for this test only."""
    server = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if os.path.exists("/usr/bin/redis-server") else None
    )
    if server is None:
        if os.environ.get("KHIDMA_REQUIRE_REDIS") == "1":
            pytest.fail("KHIDMA_REQUIRE_REDIS=1 but redis-server is not installed")
        pytest.skip("redis-server is not installed (CI installs it): the Redis store is not tested here")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_redis_store_is_shared_by_every_process_and_leaves_the_database_alone(
    api, makkah, settings, behind_proxy, redis_url
):
    from khidma.core.models import RateCounter

    settings.REDIS_URL = redis_url
    settings.KHIDMA_LIMIT_REPORTS_PER_IP = ((3, 3600),)
    env = {"DATABASE_URL": database_url(), "KHIDMA_DATA_DIR": data_dir(), "REDIS_URL": redis_url}
    env["KHIDMA_LIMIT_REPORTS_PER_IP"] = "3/h"
    _hits_from_another_process(env, "203.0.113.60", 2)
    assert api.post("/reports", json=report(), headers=from_address("203.0.113.60")).status_code == 201
    refused = api.post("/reports", json=report(), headers=from_address("203.0.113.60"))
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert not RateCounter.objects.exists()  # counted in Redis only


def test_when_redis_cannot_be_reached_the_database_counts_instead(api, makkah, settings, behind_proxy):
    from khidma.core.models import RateCounter

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.REDIS_URL = f"redis://127.0.0.1:{closed_port}/0"
    settings.KHIDMA_LIMIT_REPORTS_PER_IP = ((1, 3600),)
    assert api.post("/reports", json=report(), headers=from_address("203.0.113.70")).status_code == 201
    assert api.post("/reports", json=report(), headers=from_address("203.0.113.70")).status_code == 429
    assert RateCounter.objects.exists()


def test_a_flood_like_the_one_found_is_stopped(api, makkah):
    """The finding: 1,971 cases and SMS in 45 s from one address. With the defaults, a burst stops at ten."""
    statuses = [
        api.post(
            "/reports", json=report(reporter={"phone": f"05512345{n:02d}"}), headers={"Accept-Language": "en"}
        ).status_code
        for n in range(12)
    ]
    assert statuses.count(201) == 10 and statuses[10:] == [429, 429]
