"""Django's SQLite backend, with writers queued on a lock file instead of SQLite's busy timeout.

SQLite lets one writer at a time. A writer that finds the database locked is put to sleep by SQLite's busy
handler for 1, 2, 5, 10, 15, 20, 25, 50 then 100 ms, checking only when it wakes, so under a burst of
writes (the web processes taking reports while the worker makes cases) an unlucky request sleeps behind
writes that finished long ago: intake's slowest 1 % were over 300 ms with writes of a few milliseconds.

Here every transaction (``BEGIN IMMEDIATE``, the write lock) is first given an exclusive ``flock`` on a file
beside the database, shared by all processes and threads, and released at commit or rollback. Waiters
look again every half millisecond, so the next writer starts as soon as the last one ends. A
statement that writes outside a transaction (autocommit: a queryset's ``update()``, the worker's claims)
holds the same lock for its own length — left to SQLite's busy handler, the outbox's one-row claims slept
behind the worker's cases and slowed how fast the worker drained a backlog. If the lock cannot be
had within the connection's timeout, the transaction goes ahead without it and SQLite's own locking
decides, as before: this lock orders writers, it never makes one fail.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator

from django.db.backends.sqlite3 import base

# How often a waiting writer looks again: short enough that the lock is never idle while someone waits,
# long enough that a few waiting threads cost nothing measurable.
POLL_SECONDS = 0.0005


# Statements that write, as SQLite's autocommit runs them (each its own transaction).
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class _Cursor(base.SQLiteCursorWrapper):
    wrapper: DatabaseWrapper

    def execute(self, query, params=None):
        with self._queued(query):
            return super().execute(query, params)

    def executemany(self, query, param_list):
        with self._queued(query):
            return super().executemany(query, param_list)

    @contextlib.contextmanager
    def _queued(self, query: str) -> Iterator[None]:
        """A statement that writes on its own (autocommit) holds the writer lock for its length."""
        wrapper = self.wrapper
        if wrapper._lock_held or not _writes(query) or not wrapper.get_autocommit():
            yield
            return
        wrapper._writer_lock()
        try:
            yield
        finally:
            wrapper._writer_unlock()


def _writes(query: str) -> bool:
    return query.lstrip()[:7].upper().startswith(_WRITES)


class DatabaseWrapper(base.DatabaseWrapper):
    _lock_fd: int | None = None
    _lock_pid: int | None = None
    _lock_held = False

    def _lock_path(self) -> str | None:
        name = str(self.settings_dict["NAME"])
        if not name or name == ":memory:" or name.startswith("file:"):
            return None
        return f"{name}.writer-lock"

    def _lock_file(self) -> int | None:
        # One descriptor per connection object (each thread has its own): flock excludes descriptors, so two
        # threads of one process exclude each other too. A descriptor inherited across fork is shared with the
        # parent; a new one is opened in the child.
        if self._lock_fd is not None and self._lock_pid == os.getpid():
            return self._lock_fd
        path = self._lock_path()
        if path is None:
            return None
        self._lock_fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        self._lock_pid = os.getpid()
        return self._lock_fd

    def _writer_lock(self) -> None:
        fd = self._lock_file()
        if fd is None:
            return
        deadline = time.monotonic() + float(self.settings_dict.get("OPTIONS", {}).get("timeout", 5))
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    return  # SQLite's own locking decides
                time.sleep(POLL_SECONDS)
                continue
            self._lock_held = True
            return

    def _writer_unlock(self) -> None:
        if self._lock_held and self._lock_fd is not None:
            self._lock_held = False
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    def create_cursor(self, name=None):
        cursor = self.connection.cursor(factory=_Cursor)
        cursor.wrapper = self
        return cursor

    def _start_transaction_under_autocommit(self) -> None:
        self._writer_lock()
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._writer_unlock()
            raise

    def _commit(self) -> None:
        try:
            return super()._commit()
        finally:
            self._writer_unlock()

    def _rollback(self) -> None:
        try:
            return super()._rollback()
        finally:
            self._writer_unlock()

    def _close(self) -> None:
        try:
            return super()._close()
        finally:
            self._writer_unlock()
