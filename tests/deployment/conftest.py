"""Background tasks on RQ: settings that put the task queue (and the cache) in a given Redis."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator

import pytest
from django_tasks.signals import task_enqueued

from khidma import deployment
from tests import redis_tasks


def closed_port_url() -> str:
    """A Redis URL where nothing listens: Redis is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"redis://127.0.0.1:{port}/0"


@pytest.fixture
def use_redis(settings) -> Iterator[Callable[[str], None]]:
    """``use_redis(url)``: tasks on RQ and the cache in the Redis at ``url``, as KHIDMA_TASKS_BACKEND=rq and
    REDIS_URL configure them. Tasks then wait in Redis for a worker (no RQ worker runs at enqueue time)."""
    inline = task_enqueued.disconnect(redis_tasks.run_enqueued)

    def configure(url: str) -> None:
        settings.TASKS, settings.RQ_QUEUES, _apps = deployment.tasks("rq", url)
        settings.CACHES = deployment.caches(url)
        settings.REDIS_URL = url

    yield configure
    if inline:
        task_enqueued.connect(redis_tasks.run_enqueued)
