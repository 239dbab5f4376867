"""Which database a read goes to, and which commits need not wait for the disk.

With DATABASE_REPLICA_URL set, dashboards, season reports and open-data exports read from the streaming
replica so their long queries never compete with intake and case work on the primary. They say so explicitly::

    Case.objects.using(reporting_db()).filter(...)

Everything else reads and writes the primary (``default``). A replica lags its primary by a moment, so only
code that may show slightly old figures uses it; never for anything a person has just changed and expects to
see.
"""

from __future__ import annotations

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection


def reporting_db() -> str:
    """The database alias for reports: the replica when one is configured, otherwise the primary."""
    return getattr(settings, "KHIDMA_REPORTING_DATABASE", DEFAULT_DB_ALIAS)


class PrimaryRouter:
    """Writes and migrations go to the primary, also for an object that was read from the replica.

    Reads are routed by nobody: a query uses the primary unless it names ``reporting_db()``.
    """

    def db_for_write(self, model: type, **hints: object) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: object, obj2: object, **hints: object) -> bool:
        # Both aliases hold the same data.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: object) -> bool:
        return db == DEFAULT_DB_ALIAS


def commit_without_waiting() -> None:
    """Let the current transaction commit without waiting for its write to reach the disk (PostgreSQL's
    ``synchronous_commit = off`` for this transaction only; nothing to do on SQLite, whose WAL commits do not
    wait for the disk at ``synchronous=NORMAL``).

    Only for work that is safe to lose in a database crash (never in an application crash: the commit is
    acknowledged and visible at once) because it is derived from rows already on disk and is done again:
    the worker making an accepted report a case (the submission stays waiting and is made again), the
    outcome of a sent message (it stays "sending" and turns uncertain, never sent twice). Every later commit
    that waits for the disk, such as the claim of the case's first message, carries these with it. It spares
    the worker a disk flush per case, the one cost that grows with durable storage.
    """
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")
