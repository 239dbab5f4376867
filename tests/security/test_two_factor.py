"""Optional two-step sign-in for staff (issue #14, item 6): a TOTP code from an authenticator app after the
password, set up on a page with a QR code; required for organization administrators and supervisors when
KHIDMA_STAFF_2FA_REQUIRED=1, in the back office and the admin alike; API tokens unaffected. Through the
real pages with Django's test client; codes are computed as an authenticator app would (RFC 6238)."""

from __future__ import annotations

import base64
import datetime
import re

import pytest
import time_machine
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from khidma.accounts.services import api_token_create
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 11, 22, 9, 0, tzinfo=datetime.UTC)


def app_code(secret: str, at: datetime.datetime) -> str:
    """What an authenticator app shows at ``at`` for the key typed from the page (RFC 6238, 30 s)."""
    typed = secret.replace(" ", "")
    generator = TOTP(base64.b32decode(typed + "=" * (-len(typed) % 8)), step=30, t0=0, digits=6)
    generator.time = at.timestamp()
    return f"{generator.token():06d}"


def secret_on(page: str) -> str:
    return re.search(r'<p class="secret" dir="ltr"><code>([A-Z2-7 ]+)</code>', page).group(1)


def sign_in(client, username: str, *, path: str = "/staff/login/", next_url: str = "/staff/"):
    return client.post(
        f"{path}?next={next_url}",
        {"username": username, "password": PASSWORD, "next": next_url},
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_staff_turn_it_on_with_a_qr_code_and_then_sign_in_with_a_code(client, staff):
    from khidma.accounts.models import AccountEvent

    with time_machine.travel(START, tick=False) as clock:
        assert sign_in(client, "sara").status_code == 302
        setup = client.get("/staff/two-step/", HTTP_ACCEPT_LANGUAGE="en")
        page = setup.content.decode()
        assert setup.status_code == 200 and "<svg" in page  # the QR code, inline
        secret = secret_on(page)
        assert client.post("/staff/two-step/", {"code": "000000"}).status_code == 400
        clock.shift(2)  # django-otp makes each next try after a wrong code wait a little longer
        done = client.post(
            "/staff/two-step/", {"code": app_code(secret, START)}, follow=True, HTTP_ACCEPT_LANGUAGE="en"
        )
        assert "Two-step sign-in is on." in done.content.decode()
        assert AccountEvent.objects.filter(kind="two_factor_on", user=staff["agent"]).exists()
        client.post("/staff/logout/")

        clock.shift(60)
        step = sign_in(client, "sara")
        assert step.status_code == 302 and step["Location"] == "/staff/login/code/"
        # The password alone signs nobody in.
        assert client.get("/staff/").status_code == 302
        assert client.get("/staff/login/code/").status_code == 200
        wrong = client.post("/staff/login/code/", {"code": "123456"}, HTTP_ACCEPT_LANGUAGE="en")
        assert wrong.status_code == 400 and "This code is not right." in wrong.content.decode()
        clock.shift(5)
        now = START + datetime.timedelta(seconds=65)
        signed_in = client.post("/staff/login/code/", {"code": app_code(secret, now)})
        assert signed_in.status_code == 302 and signed_in["Location"] == "/staff/"
        assert client.get("/staff/queue/triage/").status_code == 200


def test_required_roles_set_it_up_before_they_are_signed_in(client, staff, settings):
    settings.KHIDMA_STAFF_2FA_REQUIRED = True
    with time_machine.travel(START, tick=False):
        step = sign_in(client, "mohammed")
        assert step.status_code == 302 and step["Location"] == "/staff/two-step/"
        assert client.get("/staff/").status_code == 302  # not signed in yet
        page = client.get("/staff/two-step/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert "Your role requires two-step sign-in." in page
        done = client.post("/staff/two-step/", {"code": app_code(secret_on(page), START)})
        assert done.status_code == 302 and done["Location"] == "/staff/"
        assert client.get("/staff/queue/mine/").status_code == 200
        # Field staff are not required to.
        other = client.__class__()
        assert sign_in(other, "fahd")["Location"] == "/staff/"


def test_the_admin_requires_the_code_step_for_those_roles(client, staff, settings):
    settings.KHIDMA_STAFF_2FA_REQUIRED = True
    # A session from before the setting (or from anything but the sign-in pages) is turned away, and may
    # not add a device of its own.
    client.force_login(staff["admin"])
    assert client.get("/staff/two-step/")["Location"].startswith("/staff/login/")
    client.force_login(staff["admin"])
    turned_away = client.get("/admin/")
    assert turned_away.status_code == 302 and turned_away["Location"].startswith("/staff/login/?next=/admin/")
    assert client.get("/staff/").status_code == 302
    with time_machine.travel(START, tick=False):
        step = sign_in(client, "reem", path="/admin/login/", next_url="/admin/")
        assert step["Location"] == "/staff/two-step/"
        page = client.get("/staff/two-step/").content.decode()
        done = client.post("/staff/two-step/", {"code": app_code(secret_on(page), START)})
        assert done["Location"] == "/admin/"
        assert client.get("/admin/").status_code == 200


def test_api_tokens_are_not_affected(client, staff, settings):
    settings.KHIDMA_STAFF_2FA_REQUIRED = True
    _token, secret = api_token_create(user=staff["supervisor"], name="reporting script")
    response = client.get("/api/v1/cases", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200


def test_an_administrator_turns_it_off_for_a_lost_phone(client, staff):
    from khidma.accounts.models import AccountEvent

    TOTPDevice.objects.create(user=staff["agent"], name="authenticator", confirmed=True)
    admin = client.__class__()
    admin.force_login(staff["admin"])
    done = admin.post(
        "/admin/accounts/user/",
        {"action": "reset_two_step", "_selected_action": [staff["agent"].pk]},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=staff["agent"]).exists()
    event = AccountEvent.objects.get(kind="two_factor_off")
    assert (event.user, event.actor) == (staff["agent"], staff["admin"])
    assert sign_in(client, "sara")["Location"] == "/staff/"


def test_wrong_codes_count_as_failed_sign_ins(client, staff, settings):
    settings.KHIDMA_LOGIN_DELAY_AFTER = 100
    settings.KHIDMA_LOGIN_LOCK_AFTER = 3
    TOTPDevice.objects.create(user=staff["agent"], name="authenticator", confirmed=True)
    with time_machine.travel(START, tick=True) as clock:
        assert sign_in(client, "sara")["Location"] == "/staff/login/code/"
        for _ in range(3):
            client.post("/staff/login/code/", {"code": "000000"})
            clock.shift(60)  # past django-otp's own growing wait between wrong codes
        locked = client.post("/staff/login/code/", {"code": "000000"}, HTTP_ACCEPT_LANGUAGE="en")
        assert locked.status_code == 429
        assert "This account is locked" in locked.content.decode()
