"""The limits that keep the public paths of cases from being flooded or guessed, in one place so every
channel gets the same ones (the counting itself is ``khidma.core.ratelimit``; docs/security.md):

- anonymous reports per client address and per phone number named in them (HTTP 429);
- public lookups of a report by its number per address (HTTP 429);
- "we received your report" messages per phone number or email address per hour: past the cap the case is
  still created but the message is held back, with the reason on its outbox row;
- wrong closure codes per case (per code sent) and per address: past them the code is locked until a new
  one is sent (the reporter asks by SMS or at 940), even for the right code.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from khidma.core import ratelimit
from khidma.core.phones import normalize_phone
from khidma.core.ratelimit import Limit

REPORTS_PER_IP = Limit("reports-ip", "KHIDMA_LIMIT_REPORTS_PER_IP", anonymous=True)
REPORTS_PER_PHONE = Limit("reports-phone", "KHIDMA_LIMIT_REPORTS_PER_PHONE", anonymous=True)
LOOKUPS_PER_IP = Limit("lookups-ip", "KHIDMA_LIMIT_LOOKUPS_PER_IP", anonymous=True)
RECEIVED_PER_RECIPIENT = Limit("received-to", "KHIDMA_RECEIVED_MESSAGES_PER_HOUR")
CLOSURE_FAILURES_PER_CASE = Limit("closure-case", "KHIDMA_CLOSURE_CODE_ATTEMPTS")
CLOSURE_FAILURES_PER_IP = Limit("closure-ip", "KHIDMA_LIMIT_CLOSURE_FAILURES_PER_IP")


def intake_allow(*, ip: str | None, phone: str = "", phone_field: str = "reporter.phone") -> None:
    """Count an anonymous report from ``ip`` naming ``phone`` (any form; one that is not valid is left to
    ``case_create`` to refuse). Raises ``RateLimited`` when the address or the number has sent too many."""
    ratelimit.hit(REPORTS_PER_IP, ip, message=_too_many_from_here)
    try:
        number = normalize_phone(phone) if phone and phone.strip() else ""
    except ValueError:
        number = ""
    ratelimit.hit(REPORTS_PER_PHONE, number, field=phone_field, message=_too_many_for_number)


def lookup_allow(*, ip: str | None) -> None:
    """Count one public lookup of a report by its number (status, timeline) from ``ip``."""
    ratelimit.hit(LOOKUPS_PER_IP, ip, message=_too_many_lookups)


def received_message_allowed(recipient: str) -> bool:
    """Count one "we received your report" message to ``recipient``; False once the hourly cap is passed."""
    return all(usage.count <= usage_cap for usage, usage_cap in _counted(RECEIVED_PER_RECIPIENT, recipient))


def _counted(limit: Limit, who: str) -> list[tuple[ratelimit.Usage, int]]:
    rates = limit.rates()
    return list(zip(ratelimit.record(limit, who), (rate.count for rate in rates), strict=True))


def _too_many_from_here(seconds: int) -> str:
    return _("Too many reports were sent from your connection. %(wait)s") % {
        "wait": ratelimit.wait_message(seconds)
    }


def _too_many_for_number(seconds: int) -> str:
    return _("Too many reports give this phone number. %(wait)s") % {"wait": ratelimit.wait_message(seconds)}


def _too_many_lookups(seconds: int) -> str:
    return _("Too many reports were looked up from your connection. %(wait)s") % {
        "wait": ratelimit.wait_message(seconds)
    }
