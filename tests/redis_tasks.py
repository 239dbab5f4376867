"""Background tasks on RQ in tests (KHIDMA_TASKS_BACKEND=rq with REDIS_URL, as CI's Redis pass runs them).

Every task still goes through Redis and is taken by an RQ worker, but the worker runs as soon as the task is
enqueued, on the thread that enqueued it, so a test sees a webhook's effect as soon as the webhook answered,
as it does with the immediate backend. tests/deployment/test_tasks_rq.py checks the asynchronous path itself:
the task waits in Redis until `khidma worker` takes it.
"""

from __future__ import annotations

import os

import pytest
from rq.timeouts import TimerDeathPenalty
from rq.worker import SimpleWorker

from khidma.runtime import tasks


def redis_url() -> str:
    """REDIS_URL, or skip the test (fail instead when KHIDMA_REQUIRE_REDIS=1, as in CI)."""
    url = os.environ.get("REDIS_URL", "")
    if not url:
        if os.environ.get("KHIDMA_REQUIRE_REDIS") == "1":
            pytest.fail("KHIDMA_REQUIRE_REDIS=1 but REDIS_URL is not set")
        pytest.skip("needs Redis: REDIS_URL=$(.ci/redis-start)")
    return url


class InlineWorker(tasks.Worker):
    """The project's RQ worker, runnable off the main thread (a live server's): Python lets only the main
    thread set signal handlers and alarms, so stopping by signal is left out and a timer enforces the timeout.
    Connections are left as they are: a test may be inside a transaction the worker must not close."""

    death_penalty_class = TimerDeathPenalty

    def _install_signal_handlers(self) -> None:
        pass

    def subscribe(self) -> None:
        # No listener for the `rq` command line's commands: this worker lives for one burst.
        pass

    def execute_job(self, job, queue):
        return SimpleWorker.execute_job(self, job, queue)


def run_enqueued(sender, task_result, **kwargs) -> None:
    """A ``task_enqueued`` receiver: an RQ worker takes what is queued in Redis now and runs it."""
    tasks.rq_worker(worker_class=InlineWorker).work(burst=True, logging_level="WARNING")


def empty_queues() -> None:
    for queue in tasks.rq_worker().queues:
        queue.empty()
