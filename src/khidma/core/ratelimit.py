"""One rate limiter for every public path and every guessing lockout.

A *limit* names a setting holding rates (``KHIDMA_LIMIT_REPORTS_PER_IP = "10/m,100/h"``, see
``khidma.env.parse_rates``); each rate is a window that opens at the first hit and lasts its length
(anchored, not aligned to the clock, so a burst is never split in two by a window's edge). Every hit is
counted atomically in a store that all server processes and machines share:

- the database by default (table ``core_ratecounter``: all windows of a limit in one ``INSERT … ON CONFLICT
  DO UPDATE … RETURNING``, which SQLite ≥ 3.35 and PostgreSQL both run atomically);
- Redis when ``REDIS_URL`` is set (one Lua script per window, atomic on the server, in one round trip). If
  Redis cannot be reached, the database store answers instead, so a limit never silently stops holding.

Two ways to use a limit:

- ``hit(limit, who)`` counts a request and refuses it (``RateLimited``, HTTP 429 with ``retry_after``) once
  a window holds more than its count — for intake and lookups;
- ``wait(limit, who)`` says how long ``who`` must still wait before trying again (0: go ahead) and
  ``record(limit, who)`` counts a failure — for wrong codes and passwords, where only failures count.

Failures must be recorded outside a transaction that the failure itself rolls back (the database store
writes in the caller's transaction); the services that count them are written that way.

``KHIDMA_RATE_LIMITS=0`` switches off the limits marked ``anonymous`` (request limits of the public
endpoints), for load benchmarks on one machine; lockouts and message caps stay on.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.db import connection
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from khidma.core import clock
from khidma.core.errors import DomainError, FieldError
from khidma.core.models import RateCounter

logger = logging.getLogger(__name__)

_SALT = "khidma.core.ratelimit"


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


@dataclass(frozen=True)
class Limit:
    """A limit: what it counts (``scope``, part of every key) and the setting that holds its rates."""

    scope: str
    setting: str = ""
    # Request limits of anonymous public endpoints, which KHIDMA_RATE_LIMITS=0 switches off.
    anonymous: bool = False
    # Rates given in code instead of a setting (an Open311 key's own requests per minute).
    fixed: tuple[Rate, ...] | None = None

    def rates(self) -> tuple[Rate, ...]:
        if self.anonymous and not settings.KHIDMA_RATE_LIMITS:
            return ()
        if self.fixed is not None:
            return tuple(rate for rate in self.fixed if rate.count > 0)
        value = getattr(settings, self.setting)
        if isinstance(value, int):  # a plain count per hour (the phone-code settings)
            return (Rate(value, 3600),) if value > 0 else ()
        return tuple(Rate(int(count), int(seconds)) for count, seconds in value if count > 0)


@dataclass(frozen=True)
class Usage:
    count: int  # hits in the current window (0 when none is open)
    window_start: float
    last_at: float | None
    seconds: int

    def resets_in(self, now: float) -> int:
        return max(1, math.ceil(self.window_start + self.seconds - now))


def wait_message(seconds: int) -> str:
    """ "Try again in …", in whole minutes past two minutes, in the active language."""
    if seconds <= 120:
        return ngettext("Try again in %(count)d second.", "Try again in %(count)d seconds.", seconds) % {
            "count": seconds
        }
    minutes = math.ceil(seconds / 60)
    return ngettext("Try again in %(count)d minute.", "Try again in %(count)d minutes.", minutes) % {
        "count": minutes
    }


class RateLimited(DomainError):
    """Too many requests: HTTP 429, with the seconds to wait for the Retry-After header."""

    status = 429

    def __init__(
        self, retry_after: int, *, field: str = "", code: str = "rate_limited", message: str | None = None
    ) -> None:
        self.retry_after = max(1, int(retry_after))
        super().__init__(
            FieldError(field, code, message or _too_many(self.retry_after)),
        )


def _too_many(seconds: int) -> str:
    return _("Too many requests. %(wait)s") % {"wait": wait_message(seconds)}


# --- The public functions ----------------------------------------------------------------------------------


def hit(
    limit: Limit,
    who: str | None,
    *,
    field: str = "",
    code: str = "rate_limited",
    message: Callable[[int], str] | None = None,
) -> None:
    """Count one request of ``who`` against ``limit``; refuse it with ``RateLimited`` when a window is full
    (``message(seconds)`` says so in the active language). ``who`` None or empty is not limited."""
    now = _now()
    over = [u.resets_in(now) for u, rate in _counted(limit, who, now) if u.count > rate.count]
    if over:
        seconds = max(over)
        raise RateLimited(seconds, field=field, code=code, message=message(seconds) if message else None)


def record(limit: Limit, who: str | None) -> list[Usage]:
    """Count one failure of ``who``; returns the usage of each rate after it."""
    return [current for current, _rate in _counted(limit, who, _now())]


def usage(limit: Limit, who: str | None) -> list[Usage]:
    """The open windows of ``who`` for ``limit``, without counting anything."""
    return [current for current, _rate in _with_rates(limit, who)]


def wait(limit: Limit, who: str | None) -> int:
    """Seconds ``who`` must wait because a window of ``limit`` is full (0: not blocked)."""
    now = _now()
    waits = [u.resets_in(now) for u, rate in _with_rates(limit, who) if u.count >= rate.count]
    return max(waits, default=0)


def clear(limit: Limit, who: str | None) -> None:
    """Forget ``who``'s count (after a successful sign-in, or when an administrator unlocks)."""
    if who:
        _store().delete([_key(limit, who, rate) for rate in limit.rates()])


def purge_expired() -> int:
    """Delete the database store's rows whose window is over (the worker runs it)."""
    return RateCounter.objects.filter(expires_at__lt=_now()).delete()[0]


def _counted(limit: Limit, who: str | None, now: float) -> list[tuple[Usage, Rate]]:
    rates = limit.rates()
    if not who or not rates:
        return []
    usages = _store().hit([(_key(limit, who, rate), rate) for rate in rates], now)
    return list(zip(usages, rates, strict=True))


def _with_rates(limit: Limit, who: str | None) -> list[tuple[Usage, Rate]]:
    rates = limit.rates()
    if not who or not rates:
        return []
    found = _store().get([(_key(limit, who, rate), rate) for rate in rates], _now())
    return [(current, rate) for current, rate in zip(found, rates, strict=True) if current is not None]


def _now() -> float:
    return clock.now().timestamp()


def _key(limit: Limit, who: str, rate: Rate) -> str:
    # Keyed, so the store holds no address or phone number; the window's length is part of the key, so
    # changing a limit's windows starts new counts instead of mixing old ones in.
    return salted_hmac(_SALT, f"{limit.scope}\x00{who}\x00{rate.seconds}", algorithm="sha256").hexdigest()


# --- Stores ------------------------------------------------------------------------------------------------


class DatabaseStore:
    """Counters in ``core_ratecounter``, one row per key; every window of a limit is counted by one atomic
    statement (a request costs one query, whatever the number of windows)."""

    @staticmethod
    def _names() -> tuple[str, ...]:
        qn = connection.ops.quote_name
        return (
            qn(RateCounter._meta.db_table),
            *(qn(c) for c in ("key", "window_start", "count", "last_at", "expires_at")),
        )

    def hit(self, pairs: list[tuple[str, Rate]], now: float) -> list[Usage]:
        table, key, start, count, last, expires = self._names()
        # A row's window is still open when it started after now minus its length; the new row carries that
        # length as expires_at - window_start, so the test needs no parameter per row. Every right-hand
        # side reads the row as it was before the update (SQLite and PostgreSQL alike).
        live = f"{table}.{start} > 2 * excluded.{start} - excluded.{expires}"
        rows = ", ".join(["(%s, %s, 1, %s, %s)"] * len(pairs))
        # Identifiers come from the model and are quoted; every value is a query parameter.
        upsert = (
            f"INSERT INTO {table} ({key}, {start}, {count}, {last}, {expires}) VALUES {rows} "  # noqa: S608
            f"ON CONFLICT ({key}) DO UPDATE SET "
            f"{count} = CASE WHEN {live} THEN {table}.{count} + 1 ELSE 1 END, "
            f"{start} = CASE WHEN {live} THEN {table}.{start} ELSE excluded.{start} END, "
            f"{expires} = CASE WHEN {live} THEN {table}.{expires} ELSE excluded.{expires} END, "
            f"{last} = excluded.{last} "
            f"RETURNING {key}, {count}, {start}"
        )
        params: list = []
        for name, rate in pairs:
            params += [name, now, now, now + rate.seconds]
        with connection.cursor() as cursor:
            cursor.execute(upsert, params)
            returned = {row[0]: (int(row[1]), float(row[2])) for row in cursor.fetchall()}
        return [Usage(*returned[name], now, rate.seconds) for name, rate in pairs]

    def get(self, pairs: list[tuple[str, Rate]], now: float) -> list[Usage | None]:
        table, key, start, count, last, _expires = self._names()
        marks = ", ".join(["%s"] * len(pairs))
        select = f"SELECT {key}, {count}, {start}, {last} FROM {table} WHERE {key} IN ({marks})"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(select, [name for name, _rate in pairs])
            rows = {row[0]: row[1:] for row in cursor.fetchall()}
        found: list[Usage | None] = []
        for name, rate in pairs:
            row = rows.get(name)
            live = row is not None and row[1] > now - rate.seconds
            found.append(Usage(int(row[0]), float(row[1]), float(row[2]), rate.seconds) if live else None)
        return found

    def delete(self, keys: list[str]) -> None:
        RateCounter.objects.filter(key__in=keys).delete()


# KEYS[1]: the counter; ARGV: now, window length. A window that is over starts again at now.
_REDIS_HIT = """
local start = tonumber(redis.call('HGET', KEYS[1], 's'))
local now = tonumber(ARGV[1])
local seconds = tonumber(ARGV[2])
local count
if start == nil or start <= now - seconds then
  start = now
  count = 1
  redis.call('HSET', KEYS[1], 's', ARGV[1], 'c', 1, 'l', ARGV[1])
else
  count = redis.call('HINCRBY', KEYS[1], 'c', 1)
  redis.call('HSET', KEYS[1], 'l', ARGV[1])
end
redis.call('EXPIRE', KEYS[1], math.ceil(start + seconds - now) + 1)
return {count, tostring(start)}
"""


class RedisStore:
    """Counters in Redis (``REDIS_URL``): a hash per key, changed by a Lua script Redis runs atomically."""

    def __init__(self, url: str) -> None:
        import redis

        self.client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self.script = self.client.register_script(_REDIS_HIT)
        self.fallback = DatabaseStore()

    def _name(self, key: str) -> str:
        return f"khidma:rl:{key}"

    def hit(self, pairs: list[tuple[str, Rate]], now: float) -> list[Usage]:
        import redis

        try:
            with self.client.pipeline(transaction=False) as pipe:
                for name, rate in pairs:
                    self.script(keys=[self._name(name)], args=[repr(now), rate.seconds], client=pipe)
                results = pipe.execute()
        except redis.RedisError:
            logger.warning("Redis unreachable: counting in the database instead", exc_info=True)
            return self.fallback.hit(pairs, now)
        return [
            Usage(int(count), float(start), now, rate.seconds)
            for (count, start), (_name, rate) in zip(results, pairs, strict=True)
        ]

    def get(self, pairs: list[tuple[str, Rate]], now: float) -> list[Usage | None]:
        import redis

        try:
            with self.client.pipeline(transaction=False) as pipe:
                for name, _rate in pairs:
                    pipe.hmget(self._name(name), ["c", "s", "l"])
                results = pipe.execute()
        except redis.RedisError:
            logger.warning("Redis unreachable: reading the database instead", exc_info=True)
            return self.fallback.get(pairs, now)
        found: list[Usage | None] = []
        for values, (_name, rate) in zip(results, pairs, strict=True):
            live = values[0] is not None and float(values[1]) > now - rate.seconds
            found.append(
                Usage(int(values[0]), float(values[1]), float(values[2]), rate.seconds) if live else None
            )
        return found

    def delete(self, keys: list[str]) -> None:
        import redis

        try:
            if keys:
                self.client.delete(*[self._name(k) for k in keys])
        except redis.RedisError:
            logger.warning("Redis unreachable: could not clear a counter", exc_info=True)
        self.fallback.delete(keys)


@cache
def _redis_store(url: str) -> RedisStore:
    return RedisStore(url)


def _store() -> DatabaseStore | RedisStore:
    url = getattr(settings, "REDIS_URL", "")
    return _redis_store(url) if url else DatabaseStore()
