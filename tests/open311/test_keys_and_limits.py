"""API keys: issued by the command or by an organization's administrator in the admin, revocable, counted
and rate-limited (429 in the standard's error format)."""

import datetime
import json
import os
import re
import subprocess
import sys

import httpx
import pytest
import time_machine
from django.core.management import CommandError, call_command

from khidma.open311.models import ApiKey
from khidma.open311.services import api_key_create, hash_key
from tests.conftest import PASSWORD
from tests.open311 import schemas
from tests.open311.conftest import error_descriptions, post_request, pothole
from tests.test_commands import _database_url

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_command_prints_a_working_key_and_stores_only_its_hash(o311, makkah, roads, capsys):
    call_command("open311_key", "--org", "makkah", "--name", "FixMyStreet")
    secret = capsys.readouterr().out.strip()
    stored = ApiKey.objects.get(name="FixMyStreet")
    assert stored.organization == makkah
    assert stored.key_hash == hash_key(secret) and secret not in stored.key_hash
    assert secret.startswith(stored.prefix)
    assert post_request(o311, pothole(api_key=secret)).status_code == 201
    call_command("open311_key", "--org", "makkah", "--revoke", stored.prefix)
    assert post_request(o311, pothole(api_key=secret)).status_code == 403
    with pytest.raises(CommandError):
        call_command("open311_key", "--org", "nowhere", "--name", "x")
    with pytest.raises(CommandError):
        call_command("open311_key", "--org", "makkah")


def test_the_console_script_takes_the_hyphenated_name(makkah, tmp_path):
    env = {**os.environ, "DATABASE_URL": _database_url(), "KHIDMA_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "khidma", "open311-key", "--org", "makkah", "--name", "City app"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert ApiKey.objects.get(name="City app").key_hash == hash_key(done.stdout.strip())


def test_use_is_counted(o311, key, roads):
    o311.get("/services.json", params={"api_key": key})
    post_request(o311, pothole(api_key=key))
    stored = ApiKey.objects.get(name="Makkah app")
    assert (stored.request_count, stored.created_count, stored.throttled_count) == (2, 1, 0)
    assert stored.last_used_at is not None
    # Reads without a key are allowed; a wrong key is refused even on a read.
    assert o311.get("/services.json").status_code == 200
    assert o311.get("/services.json", params={"api_key": "o311_nope"}).status_code == 403


def test_a_key_over_its_rate_limit_gets_429_until_the_next_minute(o311, key, roads, settings):
    settings.KHIDMA_OPEN311_RATE_LIMIT = 3
    start = datetime.datetime(2026, 11, 22, 9, 0, 1, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=True) as traveller:
        assert [o311.get("/services.json", params={"api_key": key}).status_code for _ in range(3)] == [
            200
        ] * 3
        refused = post_request(o311, pothole(api_key=key))
        assert refused.status_code == 429
        assert error_descriptions(refused) == ["api_key: Too many requests: try again in a minute."]
        assert 1 <= int(refused.headers["Retry-After"]) <= 60
        xml = o311.get("/requests.xml", params={"api_key": key})
        assert xml.status_code == 429
        assert schemas.parse_xml(xml.content, schemas.ERRORS)[0].findtext("code") == "429"
        assert o311.get("/services.json").status_code == 200  # anonymous reads are not this key's
        # The window opened with the first request and lasts a minute (counted by the shared limiter).
        traveller.move_to(start + datetime.timedelta(minutes=1, seconds=1))
        assert post_request(o311, pothole(api_key=key)).status_code == 201
    stored = ApiKey.objects.get(name="Makkah app")
    assert stored.throttled_count == 2
    assert stored.created_count == 1


def test_a_per_key_limit_overrides_the_installation_and_zero_means_none(o311, makkah, settings):
    settings.KHIDMA_OPEN311_RATE_LIMIT = 1
    _unlimited, secret = api_key_create(organization=makkah, name="Bulk importer", rate_limit=0)
    statuses = {o311.get("/services.json", params={"api_key": secret}).status_code for _ in range(5)}
    assert statuses == {200}


def _admin(live_server, username: str) -> httpx.Client:
    client = httpx.Client(base_url=live_server.url, headers={"Accept-Language": "en"}, timeout=30)
    page = client.get("/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    done = client.post(
        "/admin/login/?next=/admin/",
        data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token, "next": "/admin/"},
    )
    assert done.status_code == 302, done.text
    return client


def _csrf(page: httpx.Response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def test_an_org_admin_issues_sees_and_revokes_only_their_keys(
    live_server, staff, o311, makkah, taif, roads, fetch
):
    taif_key = api_key_create(organization=taif, name="Taif client")[0]
    admin = _admin(live_server, "reem")
    try:
        form = admin.get("/admin/open311/apikey/add/")
        assert form.status_code == 200
        assert 'name="organization"' not in form.text  # set from the admin's own organization
        created = admin.post(
            "/admin/open311/apikey/add/",
            data={"name": "Volunteer app", "rate_limit": "", "csrfmiddlewaretoken": _csrf(form)},
        )
        assert created.status_code == 200, created.text
        secret = re.search(r"(o311_[A-Za-z0-9_\-]+)", created.text).group(1)
        stored = ApiKey.objects.get(name="Volunteer app")
        assert stored.organization == makkah and stored.key_hash == hash_key(secret)
        assert post_request(o311, pothole(api_key=secret)).status_code == 201

        listing = admin.get("/admin/open311/apikey/")
        assert "Volunteer app" in listing.text and "Taif client" not in listing.text
        assert admin.get(f"/admin/open311/apikey/{taif_key.pk}/change/").status_code in {302, 404}
        assert secret not in admin.get(f"/admin/open311/apikey/{stored.pk}/change/").text

        revoked = admin.post(
            "/admin/open311/apikey/",
            data={
                "action": "revoke",
                "_selected_action": [str(stored.pk)],
                "csrfmiddlewaretoken": _csrf(listing),
            },
        )
        assert revoked.status_code == 302
        assert post_request(o311, pothole(api_key=secret)).status_code == 403
        assert ApiKey.objects.get(pk=taif_key.pk).revoked_at is None
        # Service questions are managed there too, and a list question needs its choices.
        page = admin.get("/admin/open311/serviceattribute/add/")
        assert page.status_code == 200
        refused = admin.post(
            "/admin/open311/serviceattribute/add/",
            data={
                "category": str(roads.pk),
                "code": "lanes",
                "datatype": "singlevaluelist",
                "order": "9",
                "descriptions": '{"en": "Which lane?"}',
                "datatype_descriptions": "{}",
                "values": "[]",
                "is_active": "on",
                "variable": "on",
                "csrfmiddlewaretoken": _csrf(page),
            },
        )
        assert refused.status_code == 200 and "A list question needs at least one choice." in refused.text
        saved = admin.post(
            "/admin/open311/serviceattribute/add/",
            data={
                "category": str(roads.pk),
                "code": "lanes",
                "datatype": "singlevaluelist",
                "order": "9",
                "descriptions": '{"en": "Which lane?"}',
                "datatype_descriptions": "{}",
                "values": json.dumps([{"key": k, "names": {"en": k.title()}} for k in ("left", "right")]),
                "is_active": "on",
                "variable": "on",
                "csrfmiddlewaretoken": _csrf(page),
            },
        )
        assert saved.status_code == 302, saved.text
        lanes = fetch("/services/roads_sidewalks", schemas.SERVICE_DEFINITION).json["attributes"][-1]
        assert lanes["code"] == "lanes" and [v["key"] for v in lanes["values"]] == ["left", "right"]
    finally:
        admin.close()


def test_staff_who_are_not_org_admins_cannot_manage_keys(live_server, staff):
    supervisor = _admin(live_server, "mohammed")
    try:
        assert supervisor.get("/admin/open311/apikey/").status_code == 403
    finally:
        supervisor.close()
