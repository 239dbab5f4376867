"""SQLite writers queue on a lock file beside the database (khidma.core.backends.sqlite3): held from BEGIN
to COMMIT or ROLLBACK, by every process and thread, and never a reason for a write to fail."""

from __future__ import annotations

import fcntl
import os

import pytest
from django.db import connection, transaction

from khidma.organizations.models import Organization

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def lock_path():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    return f"{connection.settings_dict['NAME']}.writer-lock"


def _held_by_someone_else(path: str) -> bool:
    fd = os.open(path, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing releases a lock this descriptor took
    return False


def test_a_transaction_holds_the_lock_until_it_commits(lock_path):
    assert connection.settings_dict["ENGINE"] == "khidma.core.backends.sqlite3"
    with transaction.atomic():
        Organization.objects.create(slug="held", names={"en": "Held"})
        assert _held_by_someone_else(lock_path)
        with transaction.atomic():  # a savepoint does not take it twice
            assert _held_by_someone_else(lock_path)
        assert _held_by_someone_else(lock_path)
    assert not _held_by_someone_else(lock_path)
    assert Organization.objects.filter(slug="held").exists()


def test_a_rolled_back_transaction_releases_it(lock_path):
    with pytest.raises(RuntimeError), transaction.atomic():
        Organization.objects.create(slug="gone", names={"en": "Gone"})
        raise RuntimeError
    assert not _held_by_someone_else(lock_path)
    assert not Organization.objects.filter(slug="gone").exists()


def test_a_lock_never_released_delays_a_write_but_never_fails_it(lock_path, monkeypatch):
    monkeypatch.setitem(connection.settings_dict["OPTIONS"], "timeout", 0.05)
    stuck = os.open(lock_path, os.O_RDWR | os.O_CREAT)
    fcntl.flock(stuck, fcntl.LOCK_EX)
    try:
        with transaction.atomic():
            Organization.objects.create(slug="anyway", names={"en": "Anyway"})
    finally:
        os.close(stuck)
    assert Organization.objects.filter(slug="anyway").exists()


def test_a_write_outside_a_transaction_queues_on_the_lock_too(lock_path, monkeypatch):
    """An autocommit ``update()`` (the worker's claims) waits its turn on the lock like a transaction, and
    holds it only for its own statement; reads never take it."""
    from khidma.core.backends.sqlite3 import base

    organization = Organization.objects.create(slug="claimed", names={"en": "Claimed"})
    seen: list[tuple[str, bool]] = []
    real_execute = base.base.SQLiteCursorWrapper.execute

    def execute(cursor, query, params=None):
        seen.append((query.split()[0].upper(), _held_by_someone_else(lock_path)))
        return real_execute(cursor, query, params)

    monkeypatch.setattr(base.base.SQLiteCursorWrapper, "execute", execute)
    Organization.objects.filter(pk=organization.pk).update(is_active=False)
    assert Organization.objects.filter(pk=organization.pk, is_active=False).count() == 1
    assert seen == [("UPDATE", True), ("SELECT", False)]
    assert not _held_by_someone_else(lock_path)
