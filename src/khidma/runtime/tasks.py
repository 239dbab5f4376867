"""Running enqueued tasks (Django's Tasks API) for ``khidma worker``, on whichever backend is configured.

- ``database``: django-tasks-db's ``db_worker`` polls the task table.
- ``rq``: an RQ worker takes tasks from Redis. Several ``khidma worker`` processes on several machines share
  one queue; Redis hands each task to one of them.
- ``immediate``: tasks ran inside the request that enqueued them; there is nothing to take.
"""

from __future__ import annotations

import logging
import signal
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import close_old_connections
from rq.worker import SimpleWorker

logger = logging.getLogger("khidma.worker")

# Seconds between attempts to reach Redis when it is down, and between passes moving deferred tasks whose
# time has come onto the queue.
REDIS_RETRY_SECONDS = 5
SCHEDULE_SECONDS = 5


def backend() -> str:
    path = settings.TASKS["default"]["BACKEND"]
    if path.startswith("django_tasks_rq."):
        return "rq"
    if path.startswith("django_tasks_db."):
        return "database"
    return "immediate"


class Worker(SimpleWorker):
    """An RQ worker that runs each task in its own process, like the database worker: the triage models loaded
    at start stay warm, and no process is forked beside the thread running the periodic jobs.

    Django opens database connections lazily and closes them only around requests; a worker has none, so
    the connection is checked before and after each task (CONN_MAX_AGE, CONN_HEALTH_CHECKS): a PostgreSQL
    restart or failover costs one reconnect, not every task after it.
    """

    stopping = False

    def request_stop(self, signum, frame):
        # SIGINT or SIGTERM: RQ finishes the task at hand, then its loop ends and so does ours.
        self.stopping = True
        super().request_stop(signum, frame)

    def unsubscribe(self) -> None:
        # RQ listens for commands (`rq` CLI: shutdown, stop a job) on a thread that polls every 60 s and means
        # to wait a second for it at the end, but redis-py 8 waits for the poll to finish: a worker told to
        # stop would hang for up to a minute. The listener ends by itself at its next poll.
        if self.pubsub_thread:
            self.pubsub.unsubscribe()
            self.pubsub_thread.stop(timeout=1)

    def execute_job(self, job, queue):
        close_old_connections()
        try:
            return super().execute_job(job, queue)
        finally:
            close_old_connections()


def rq_worker(worker_class: type[Worker] = Worker) -> Worker:
    """A worker on the queues of the RQ task backend, with django-tasks-rq's job class (it runs the Task)."""
    import django_rq
    from django_tasks_rq import Job

    queues = settings.TASKS["default"].get("QUEUES", ["default"])
    return django_rq.get_worker(*queues, job_class=Job, worker_class=worker_class)


def enqueue_scheduled() -> int:
    """Move deferred tasks (``run_after``) whose time has come onto their queue. One worker at a time does it
    (RQ's scheduler lock); RQ would otherwise fork a scheduler process for it."""
    from rq.scheduler import RQScheduler

    worker = rq_worker()
    # Quiet: it would log taking its lock every few seconds.
    scheduler = RQScheduler(worker.queues, connection=worker.connection, logging_level="WARNING")
    scheduler.acquire_locks()
    if not scheduler.acquired_locks:
        return 0
    try:
        scheduler.enqueue_scheduled_jobs()
    finally:
        scheduler.release_locks()
    return 1


def _schedule(stop: threading.Event) -> None:
    import redis

    while not stop.wait(SCHEDULE_SECONDS):
        try:
            enqueue_scheduled()
        except redis.RedisError as exc:
            logger.warning(
                "deferred tasks not moved (Redis: %s); trying again in %s s", exc, SCHEDULE_SECONDS
            )


def _work(worker: Worker, **options: object) -> None:
    """``worker.work(...)``, then the signal handlers as they were: RQ's belong to that worker alone."""
    previous = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        worker.work(**options)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _run_rq(*, burst: bool, verbosity: int) -> None:
    import redis

    level = "WARNING" if verbosity == 0 else "INFO"
    if burst:
        # What is queued now, deferred tasks that are due included, then return (the worker's --batch mode).
        try:
            _work(rq_worker(), burst=True, with_scheduler=True, logging_level=level)
        except redis.ConnectionError as exc:
            raise CommandError(f"tasks not run: Redis unreachable ({exc})") from exc
        return
    stop = threading.Event()
    threading.Thread(target=_schedule, args=(stop,), name="rq-schedule", daemon=True).start()
    try:
        while True:
            worker = rq_worker()
            try:
                _work(worker, logging_level=level)
            except redis.ConnectionError as exc:
                # Redis down at start (RQ itself rides out an outage once running): keep this process, and so
                # the periodic jobs beside it (delivering messages, the SLA sweep), and try again.
                logger.error("Redis unreachable (%s); trying again in %s s", exc, REDIS_RETRY_SECONDS)
                stop.wait(REDIS_RETRY_SECONDS)
                continue
            if worker.stopping:
                return
            logger.error("the RQ worker stopped; starting it again in %s s", REDIS_RETRY_SECONDS)
            stop.wait(REDIS_RETRY_SECONDS)
    finally:
        stop.set()


def run_tasks(*, burst: bool, interval: float, verbosity: int) -> None:
    """Run enqueued tasks until interrupted, or (``burst``) those waiting now and return."""
    kind = backend()
    if kind == "database":
        arguments = ["--queue-name", "*", "--interval", str(interval), "--no-reload"]
        call_command("db_worker", *arguments, *(["--batch"] if burst else []), verbosity=verbosity)
    elif kind == "rq":
        _run_rq(burst=burst, verbosity=verbosity)
    elif not burst:
        # Nothing to take: wait for Ctrl-C or SIGTERM while the periodic jobs run.
        threading.Event().wait()
