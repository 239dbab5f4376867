"""Commits that need not wait for the disk: only the transaction that asks, only on PostgreSQL."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from khidma.core.db import commit_without_waiting

pytestmark = pytest.mark.django_db(transaction=True)


def _synchronous_commit() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


def test_only_the_transaction_that_asks_skips_the_wait():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's synchronous_commit: runs in the suite's PostgreSQL pass (CI runs both)")
    # CI's throwaway server runs with synchronous_commit=off for speed; production keeps the
    # default "on". Start this connection from "on" so the test sees what production would.
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = on")
    try:
        with transaction.atomic():
            commit_without_waiting()
            assert _synchronous_commit() == "off"
        assert _synchronous_commit() == "on"
        commit_without_waiting()  # outside a transaction it would outlive the statement: nothing is done
        assert _synchronous_commit() == "on"
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


def test_sqlite_is_left_alone():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        commit_without_waiting()
    assert queries.captured_queries == []
