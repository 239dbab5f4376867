"""Staff sign-in cannot be guessed: failed attempts slow down, then lock, per account and per address.

Failures are counted by the shared limiter (``khidma.core.ratelimit``), per user name (lower-cased, whether
or not an account has it) and per client address, over a day and an hour. After
``KHIDMA_LOGIN_DELAY_AFTER`` failures of a name (``KHIDMA_LOGIN_IP_DELAY_AFTER`` of an address) each next
attempt must wait 1, 2, 4, … seconds after the last failure, at most ``KHIDMA_LOGIN_MAX_DELAY_SECONDS``:
the page answers "try again in N seconds" at once, no worker sleeps. After ``KHIDMA_LOGIN_LOCK_AFTER``
failures the name is locked for ``KHIDMA_LOGIN_LOCK_MINUTES`` — a ``LoginLock`` row with an
``AccountEvent``, which administrators see and can release in the admin. A wrong two-step code counts
as a failed sign-in. A successful sign-in clears the name's count (not the address's).

Every function here runs outside a transaction: a refused sign-in must still be counted.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from khidma.accounts.models import AccountEvent, AccountEventKind, LoginLock, User
from khidma.core import clock, ratelimit
from khidma.core.ratelimit import Limit, Rate

_DAY = 86400
_HOUR = 3600


def _account_limit() -> Limit:
    return Limit("login-account", fixed=(Rate(max(1, settings.KHIDMA_LOGIN_LOCK_AFTER), _DAY),))


def _address_limit() -> Limit:
    return Limit("login-ip", fixed=(Rate(max(1, settings.KHIDMA_LOGIN_IP_DELAY_AFTER), _HOUR),))


def _name(username: str) -> str:
    return (username or "").strip().lower()


@dataclass(frozen=True)
class Refusal:
    """Why a sign-in may not be tried now, and for how many seconds."""

    seconds: int
    locked: bool

    @property
    def message(self) -> str:
        wait = ratelimit.wait_message(self.seconds)
        if self.locked:
            return _(
                "This account is locked after too many failed sign-ins. %(wait)s An administrator can also "
                "unlock it."
            ) % {"wait": wait}
        return _("Too many failed sign-ins. %(wait)s") % {"wait": wait}


def _delay(failures: int, free: int) -> int:
    if failures < free:
        return 0
    return min(2 ** (failures - free), max(1, settings.KHIDMA_LOGIN_MAX_DELAY_SECONDS))


def _wait_after(limit: Limit, who: str | None, free: int) -> int:
    now = clock.now().timestamp()
    longest = 0
    for usage in ratelimit.usage(limit, who):
        if usage.last_at is not None:
            longest = max(longest, math.ceil(usage.last_at + _delay(usage.count, free) - now))
    return longest


def active_lock(username: str) -> LoginLock | None:
    return (
        LoginLock.objects.filter(
            username=_name(username), released_at__isnull=True, locked_until__gt=clock.now()
        )
        .order_by("-locked_until")
        .first()
    )


def login_refusal(*, username: str, ip: str | None) -> Refusal | None:
    """Before a password or a code is checked: whether this attempt must wait, or the name is locked."""
    lock = active_lock(username)
    if lock is not None:
        return Refusal(math.ceil((lock.locked_until - clock.now()).total_seconds()), locked=True)
    seconds = max(
        _wait_after(_address_limit(), ip, settings.KHIDMA_LOGIN_IP_DELAY_AFTER),
        _wait_after(_account_limit(), _name(username), settings.KHIDMA_LOGIN_DELAY_AFTER),
    )
    return Refusal(seconds, locked=False) if seconds > 0 else None


def login_failure_record(*, username: str, ip: str | None) -> Refusal | None:
    """Count a failed sign-in; lock the name when it has failed too often. Returns the refusal the next
    attempt would meet (shown at once, so the person knows)."""
    name = _name(username)
    address = ratelimit.record(_address_limit(), ip)
    if address and address[0].count == settings.KHIDMA_LOGIN_IP_DELAY_AFTER:
        AccountEvent.objects.create(
            kind=AccountEventKind.ADDRESS_SLOWED, username=name, ip=ip, data={"failures": address[0].count}
        )
    account = ratelimit.record(_account_limit(), name)
    if account and account[0].count >= settings.KHIDMA_LOGIN_LOCK_AFTER:
        login_lock(username=name, ip=ip, failures=account[0].count)
    return login_refusal(username=name, ip=ip)


@transaction.atomic
def login_lock(*, username: str, ip: str | None, failures: int) -> LoginLock:
    name = _name(username)
    now = clock.now()
    user = User.objects.filter(username__iexact=name).first()
    lock = LoginLock.objects.create(
        username=name,
        user=user,
        ip=ip,
        failures=failures,
        locked_at=now,
        locked_until=now + datetime.timedelta(minutes=settings.KHIDMA_LOGIN_LOCK_MINUTES),
    )
    AccountEvent.objects.create(
        kind=AccountEventKind.LOCKED,
        user=user,
        username=name,
        ip=ip,
        created_at=now,
        data={"failures": failures, "minutes": settings.KHIDMA_LOGIN_LOCK_MINUTES},
    )
    # The lock holds the name now; once it ends, the name starts again with its few free tries.
    ratelimit.clear(_account_limit(), name)
    return lock


def login_success_record(*, username: str) -> None:
    ratelimit.clear(_account_limit(), _name(username))


@transaction.atomic
def login_lock_release(*, lock: LoginLock, by: User) -> bool:
    """An administrator unlocks a name. False when the lock had already ended."""
    now = clock.now()
    released = LoginLock.objects.filter(pk=lock.pk, released_at__isnull=True, locked_until__gt=now).update(
        released_at=now, released_by=by
    )
    if not released:
        return False
    AccountEvent.objects.create(
        kind=AccountEventKind.UNLOCKED, user=lock.user, username=lock.username, actor=by, created_at=now
    )
    ratelimit.clear(_account_limit(), lock.username)
    return True
