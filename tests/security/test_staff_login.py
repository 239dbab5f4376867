"""Staff sign-in cannot be guessed (issue #14, item 6): failed sign-ins slow down (the page says how long,
no worker sleeps), then lock the account, with a lock row and an event an administrator sees and releases;
the lock also ends by itself. The same on ``/staff/login/`` and ``/admin/login/``, per account and per
address. Through the real pages with Django's test client."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from tests.conftest import PASSWORD
from tests.security.abuse_helpers import PROXY_HEADER

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 11, 22, 9, 0, tzinfo=datetime.UTC)


def sign_in(
    client, username: str, password: str, *, path: str = "/staff/login/", address: str = "203.0.113.5"
):
    return client.post(
        path,
        {"username": username, "password": password, "next": "/staff/"},
        HTTP_ACCEPT_LANGUAGE="en",
        HTTP_X_REAL_IP=address,
    )


@pytest.fixture(autouse=True)
def _proxy(settings) -> None:
    settings.KHIDMA_CLIENT_IP_HEADER = PROXY_HEADER


def test_failed_sign_ins_slow_down_and_the_page_says_how_long(client, staff, settings):
    settings.KHIDMA_LOGIN_DELAY_AFTER = 2
    with time_machine.travel(START, tick=False) as clock:
        assert sign_in(client, "sara", "wrong-1").status_code == 400
        assert sign_in(client, "sara", "wrong-2").status_code == 400
        # Two failures: the next attempt must wait 1 s after the last one, then 2 s, 4 s, …
        waiting = sign_in(client, "sara", PASSWORD)
        assert waiting.status_code == 429
        assert waiting["Retry-After"] == "1"
        assert "Too many failed sign-ins. Try again in 1 second." in waiting.content.decode()
        assert 'value="sara"' in waiting.content.decode()  # the name typed stays
        clock.shift(1)
        assert sign_in(client, "sara", "wrong-3").status_code == 400
        assert sign_in(client, "sara", PASSWORD)["Retry-After"] == "2"
        clock.shift(2)
        signed_in = sign_in(client, "sara", PASSWORD)
        assert signed_in.status_code == 302 and signed_in["Location"] == "/staff/"
    # Success clears the account's count.
    client.logout()
    assert sign_in(client, "sara", "wrong-again").status_code == 400


def test_an_account_locks_with_an_event_and_an_administrator_unlocks_it(client, staff, settings):
    from khidma.accounts.models import AccountEvent, LoginLock

    settings.KHIDMA_LOGIN_DELAY_AFTER = 100  # no slowing down here: only the lock
    settings.KHIDMA_LOGIN_LOCK_AFTER = 3
    for n in range(3):
        sign_in(client, "sara", f"guess-{n}")
    locked = sign_in(client, "sara", PASSWORD)
    assert locked.status_code == 429
    assert "This account is locked after too many failed sign-ins." in locked.content.decode()
    assert int(locked["Retry-After"]) > 25 * 60
    lock = LoginLock.objects.get()
    assert (lock.username, lock.user, lock.failures, lock.ip) == ("sara", staff["agent"], 3, "203.0.113.5")
    assert AccountEvent.objects.filter(kind="locked", user=staff["agent"]).exists()
    # The organization's administrator sees the lock in the admin and releases it.
    admin = client.__class__()
    admin.force_login(staff["admin"])
    listing = admin.get("/admin/accounts/loginlock/", HTTP_ACCEPT_LANGUAGE="en")
    assert listing.status_code == 200 and "sara" in listing.content.decode()
    done = admin.post(
        "/admin/accounts/loginlock/",
        {"action": "unlock", "_selected_action": [lock.pk]},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert done.status_code == 302
    lock.refresh_from_db()
    assert lock.released_by == staff["admin"]
    assert AccountEvent.objects.filter(kind="unlocked", actor=staff["admin"]).exists()
    assert sign_in(client, "sara", PASSWORD).status_code == 302


def test_a_lock_ends_by_itself(client, staff, settings):
    settings.KHIDMA_LOGIN_DELAY_AFTER = 100
    settings.KHIDMA_LOGIN_LOCK_AFTER = 2
    settings.KHIDMA_LOGIN_LOCK_MINUTES = 30
    with time_machine.travel(START, tick=False) as clock:
        sign_in(client, "sara", "x1")
        sign_in(client, "sara", "x2")
        assert sign_in(client, "sara", PASSWORD).status_code == 429
        clock.shift(datetime.timedelta(minutes=31))
        assert sign_in(client, "sara", PASSWORD).status_code == 302


def test_the_admin_sign_in_is_throttled_the_same_way(client, staff, settings):
    from khidma.accounts.models import LoginLock

    settings.KHIDMA_LOGIN_DELAY_AFTER = 100
    settings.KHIDMA_LOGIN_LOCK_AFTER = 3
    for n in range(3):
        assert sign_in(client, "reem", f"guess-{n}", path="/admin/login/").status_code == 400
    assert sign_in(client, "reem", PASSWORD, path="/admin/login/").status_code == 429
    assert LoginLock.objects.filter(username="reem").exists()


def test_an_address_trying_many_names_slows_down(client, staff, settings):
    from khidma.accounts.models import AccountEvent

    settings.KHIDMA_LOGIN_IP_DELAY_AFTER = 3
    with time_machine.travel(START, tick=False):
        for name in ("sara", "khalid", "fahd"):
            assert sign_in(client, name, "guess").status_code == 400
        refused = sign_in(client, "majid", PASSWORD)
        assert refused.status_code == 429 and refused["Retry-After"] == "1"
        # Someone else, elsewhere, signs in as usual.
        assert sign_in(client, "majid", PASSWORD, address="198.51.100.8").status_code == 302
    assert AccountEvent.objects.filter(kind="address_slowed", ip="203.0.113.5").count() == 1


def test_a_lock_does_not_tell_whether_an_account_exists(client, staff, settings):
    settings.KHIDMA_LOGIN_DELAY_AFTER = 100
    settings.KHIDMA_LOGIN_LOCK_AFTER = 2
    answers = {}
    for name in ("sara", "nobody-here"):
        sign_in(client, name, "x1", address="192.0.2.1")
        sign_in(client, name, "x2", address="192.0.2.1")
        page = sign_in(client, name, "x3", address="192.0.2.1")
        answers[name] = (page.status_code, page.content.decode().count("This account is locked"))
    assert answers["sara"] == answers["nobody-here"] == (429, 1)
