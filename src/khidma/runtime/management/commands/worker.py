"""``khidma worker``: runs enqueued tasks (Django's Tasks, from the database or from Redis) and the periodic
jobs."""

from __future__ import annotations

import datetime
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from typing import Protocol

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection, connections

from khidma.env import env_int
from khidma.runtime.tasks import run_tasks

logger = logging.getLogger("khidma.worker")


def _jobs() -> list[tuple[str, float, Callable[[], object]]]:
    # Timers are data: every job reads what is due through an indexed column and claims rows, so running
    # them from several workers is safe; this loop merely wakes them up.
    from khidma.cases.closure import case_close_unconfirmed_due
    from khidma.cases.deadlines import case_sla_sweep
    from khidma.cases.notify import staff_sla_alerts
    from khidma.cases.retention import case_personal_data_sweep
    from khidma.channels.processing import process_pending
    from khidma.core import clock, ratelimit
    from khidma.outbox.services import outbox_translate_due
    from khidma.reports.facts import facts_refresh
    from khidma.reports.opendata import open_data_publish_due

    return [
        # Messages waiting for a translation the server could not give at once (its own backoff per row).
        ("translate messages", 10, outbox_translate_due),
        ("sla sweep", env_int("KHIDMA_SLA_SWEEP_SECONDS", 60), case_sla_sweep),
        ("staff alerts", 60, lambda: staff_sla_alerts(since=clock.now() - datetime.timedelta(days=2))),
        ("unconfirmed closures", 300, case_close_unconfirmed_due),
        ("pending incoming messages", 30, process_pending),
        ("personal data retention", 3600, _unless_reporters_wait(case_personal_data_sweep)),
        ("expired rate counters", 600, _unless_reporters_wait(ratelimit.purge_expired)),
        # The dashboard's figures: the reporting rows of the cases changed since the last run.
        (
            "report figures",
            env_int("KHIDMA_REPORTS_REFRESH_SECONDS", 60),
            _unless_reporters_wait(facts_refresh),
        ),
        # Yesterday's open-data files, once the day is over (and any finished day still missing).
        ("open data", 600, _unless_reporters_wait(open_data_publish_due)),
    ]


def _unless_reporters_wait(job: Callable[[], object]) -> Callable[[], object]:
    """Housekeeping that can wait for a quieter minute: while accepted reports queue for the worker (a
    peak), the dashboard's refresh, the open-data files, the retention sweep and the rate counters' purge —
    thousands of rows on the processors and, on SQLite, under the one write lock intake needs (a first start
    after a year of history catches up on all of them) — wait for a later round. The dashboard says how old
    its figures are; a reporter's first message must not wait for any of them."""
    from khidma.cases.submissions import submissions_waiting

    def unless_reporters_wait() -> object:
        if submissions_waiting(at_least=_HOUSEKEEPING_WAITS_FOR) >= _HOUSEKEEPING_WAITS_FOR:
            return POSTPONED
        return job()

    return unless_reporters_wait


# Accepted reports waiting (about a second of the worker's work) that postpone housekeeping.
_HOUSEKEEPING_WAITS_FOR = 200
POSTPONED = "postponed: accepted reports are waiting"


def _periodic(stop: threading.Event) -> None:
    jobs = _jobs()
    next_run = {name: 0.0 for name, _every, _job in jobs}
    while not stop.wait(1):
        for name, every, job in jobs:
            if time.monotonic() < next_run[name]:
                continue
            next_run[name] = time.monotonic() + every
            try:
                if job() == POSTPONED:
                    next_run[name] = time.monotonic() + min(every, 10)  # look again soon, not in an hour
            except Exception:
                logger.exception("%s failed; trying again in %s s", name, every)
            finally:
                close_old_connections()


def _loops() -> list[tuple[str, int, float, Callable[[], int]]]:
    """The work that must not wait behind any other job, each in its own thread: reports the public API
    accepted become cases, and due messages go out (a reporter waits for both). Each is (name, a full batch,
    seconds of rest after a batch that was not full, the work returning how much it did)."""
    from khidma.outbox.services import outbox_deliver_due

    def deliver() -> int:
        result = outbox_deliver_due(limit=_OUTBOX_BATCH)
        return result.sent + result.retrying + result.failed + result.uncertain + result.skipped

    if connection.vendor == "sqlite":
        # One writer at a time: in two threads the loops handed SQLite's write lock back and forth (each
        # waiting for the other's transactions and for the interpreter), and a backlog drained at about
        # 120 reports a second instead of 145. One after the other in one thread, a batch of cases then the
        # messages due.
        def both() -> int:
            made = _make_cases()
            sent = deliver()
            # Either batch full: go again at once.
            return _INTAKE_BATCH if sent >= _OUTBOX_BATCH else made

        rest = min(0.5, env_int("KHIDMA_OUTBOX_POLL_SECONDS", 1))
        return [("accepted reports and messages", _INTAKE_BATCH, rest, both)]
    # PostgreSQL: one loop's waits for the server overlap the other's work.
    return [
        ("accepted reports", _INTAKE_BATCH, 0.5, _make_cases),
        ("deliver messages", _OUTBOX_BATCH, env_int("KHIDMA_OUTBOX_POLL_SECONDS", 1), deliver),
    ]


def _make_cases() -> int:
    """A batch of accepted reports made cases, in the worker's loop or a further intake process."""
    from khidma.cases.submissions import submissions_process_due

    return submissions_process_due(limit=_INTAKE_BATCH)


def _intake_processes() -> int:
    """How many processes make accepted reports cases: one per core unless configured. One process spent
    about half its time waiting — for PostgreSQL's answers to a case's dozen statements, or on SQLite for
    the write lock — while the other core idled (py-spy); on 2 cores a second process drained a backlog
    1.7 times as fast on PostgreSQL and 1.3 times on SQLite."""
    configured = env_int("KHIDMA_WORKER_INTAKE_PROCESSES", 0)
    return configured if configured > 0 else max(1, os.cpu_count() or 1)


class _IntakeProcessStop:
    """When a further intake process stops: the worker says so, the worker is gone, or this process got
    SIGTERM or SIGINT (Ctrl-C in `make demo` reaches every process of the terminal). A signal only sets a
    flag: a handler that took a lock could interrupt the same lock's holder, and an interrupt raised in the
    middle of a case would leave its batch to wait for the lease."""

    def __init__(self, worker_stop: multiprocessing.synchronize.Event, worker: int) -> None:
        self.worker_stop = worker_stop
        self.worker = worker
        self.terminated = False
        signal.signal(signal.SIGTERM, self._terminate)
        signal.signal(signal.SIGINT, self._terminate)

    def _terminate(self, *_args: object) -> None:
        self.terminated = True

    def is_set(self) -> bool:
        return self.terminated or self.worker_stop.is_set() or os.getppid() != self.worker

    def wait(self, seconds: float) -> None:
        self.worker_stop.wait(seconds)


def _make_cases_only(worker_stop: multiprocessing.synchronize.Event, worker: int) -> None:
    """A further intake process (forked after the triage models were loaded, so it shares their memory):
    only accepted reports become cases here — the messages, periodic jobs and tasks run once, in the
    worker's own process. It stops between two batches, not in the middle of a case."""
    stop = _IntakeProcessStop(worker_stop, worker)
    _loop(stop, "accepted reports", _INTAKE_BATCH, 0.5, _make_cases)


class _IntakeProcesses:
    """The worker's further intake processes, forked before any thread of its own starts."""

    def __init__(self, count: int) -> None:
        self.children: list[multiprocessing.Process] = []
        if count <= 0:
            return
        # No connection may be shared with a child: each process opens its own.
        connections.close_all()
        context = multiprocessing.get_context("fork")
        self.stop = context.Event()
        for n in range(count):
            child = context.Process(
                target=_make_cases_only, args=(self.stop, os.getpid()), name=f"accepted reports {n + 2}"
            )
            child.start()
            self.children.append(child)

    def stop_all(self) -> None:
        if not self.children:
            return
        self.stop.set()
        for child in self.children:
            child.join(timeout=30)
            if child.is_alive():
                child.kill()
                child.join()


class _Stop(Protocol):
    def is_set(self) -> bool: ...
    def wait(self, seconds: float) -> object: ...


def _loop(stop: _Stop, name: str, full: int, rest: float, work: Callable[[], int]) -> None:
    """A full batch is followed at once by the next; a smaller one by a rest."""
    while not stop.is_set():
        done = 0
        try:
            done = work()
        except Exception:
            logger.exception("%s failed; trying again", name)
        finally:
            close_old_connections()
        if done < full:
            stop.wait(rest)


_INTAKE_BATCH = 100
_OUTBOX_BATCH = 200


def _lower_priority() -> None:
    """The worker yields the processors to the web server in a burst (reporters wait on the web, not on
    the worker); KHIDMA_WORKER_NICE=0 keeps the normal priority."""
    niceness = env_int("KHIDMA_WORKER_NICE", 5)
    if niceness > 0 and hasattr(os, "nice"):
        try:
            os.nice(niceness)
        except OSError:
            logger.warning("could not lower the worker's priority")


class Command(BaseCommand):
    help = "Run the background worker until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="run what is due once, then exit")
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls when idle")

    def handle(self, *args, batch, interval, **options):
        from khidma.cases.triage import warm_up

        verbosity = options.get("verbosity", 1)
        # Load the triage models now, before any message is taken: the first SMS after a start must not wait
        # (tens of seconds on a slow machine) for the language and category models to be built.
        warm_up()
        if batch:
            for name, full, _rest, work in _loops():
                total = done = work()
                while done >= full:  # everything waiting now, batch after batch
                    done = work()
                    total += done
                self.stdout.write(f"{name}: {total}")
            for name, _every, job in _jobs():
                self.stdout.write(f"{name}: {job()}")
            run_tasks(burst=True, interval=interval, verbosity=verbosity)
            return
        _lower_priority()
        # Forked before any thread of ours starts (a fork copies only the thread that calls it).
        intake_processes = _IntakeProcesses(_intake_processes() - 1)
        stop = threading.Event()
        threading.Thread(target=_periodic, args=(stop,), name="periodic", daemon=True).start()
        for name, full, rest, work in _loops():
            threading.Thread(
                target=_loop, args=(stop, name, full, rest, work), name=name, daemon=True
            ).start()
        try:
            run_tasks(burst=False, interval=interval, verbosity=verbosity)
        finally:
            stop.set()
            intake_processes.stop_all()
