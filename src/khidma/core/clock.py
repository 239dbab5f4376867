"""The current time, as domain code sees it.

Services read the time here so that a seed or an import can replay history at the moment it happened
(``with clock.at(when): ...``) and every timestamp and event stays consistent with it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
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


@cache
def zone(name: str | None) -> ZoneInfo:
    """The IANA zone ``name``; an empty or unknown name is the installation's zone (``KHIDMA_TIME_ZONE``)
    rather than an error, so one mistyped organization setting cannot break its pages."""
    try:
        return ZoneInfo(name or settings.TIME_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(settings.TIME_ZONE)


def day_bounds(
    first: datetime.date, last: datetime.date | None = None, *, tz: datetime.tzinfo
) -> tuple[datetime.datetime, datetime.datetime]:
    """[midnight starting ``first``, midnight ending ``last``) in ``tz``: local days, both included."""
    last = last or first
    start = datetime.datetime.combine(first, datetime.time(), tzinfo=tz)
    end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time(), tzinfo=tz)
    return start, end
