"""The current time, as domain code sees it.

Services read the time here so that a seed or an import can replay history at the moment it happened
(``with clock.at(when): ...``) and every timestamp and event stays consistent with it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils import timezone

_override: ContextVar[datetime.datetime | None] = ContextVar("khidma_clock", default=None)


def now() -> datetime.datetime:
    return _override.get() or timezone.now()


@contextmanager
def at(moment: datetime.datetime) -> Iterator[None]:
    if timezone.is_naive(moment):
        raise ValueError("clock.at needs an aware datetime")
    token = _override.set(moment)
    try:
        yield
    finally:
        _override.reset(token)
