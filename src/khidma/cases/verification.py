"""Proving that a phone number belongs to the person reporting: a six-digit code sent by SMS.

Optional on the portal (KHIDMA_PHONE_VERIFICATION_REQUIRED makes it required when a phone is given). The
code is kept only as a keyed hash, expires after ten minutes and allows five tries; a phone number and an
IP address may each ask for a few codes an hour (counted by ``khidma.core.ratelimit``). A checked phone is
recorded on the case it comes with (``Case.reporter_phone_verified``); each check is used by one case.

The SMS is an outbox row like every other message (``khidma.outbox``), delivered by the worker.
"""

from __future__ import annotations

import datetime
import hmac
import secrets

from django.db import transaction
from django.db.models import F
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from khidma.cases import notify
from khidma.cases.messages import render
from khidma.cases.models import Case, PhoneVerification
from khidma.core import clock, ratelimit
from khidma.core.errors import DomainError
from khidma.core.phones import normalize_phone
from khidma.core.ratelimit import Limit
from khidma.organizations.models import Organization
from khidma.outbox.models import HeldReason, MessageStatus, OutboundChannel, OutboundMessage

CODE_LIFETIME = datetime.timedelta(minutes=10)
MAX_ATTEMPTS = 5
# How long a checked phone stays good for sending the report it was checked for.
VERIFIED_FOR = datetime.timedelta(hours=2)
# Codes sent per phone number and asked for per address, counted by the shared limiter (docs/portal.md).
CODES_PER_PHONE = Limit("phone-codes-phone", "KHIDMA_PHONE_CODES_PER_PHONE_PER_HOUR")
CODES_PER_IP = Limit("phone-codes-ip", "KHIDMA_PHONE_CODES_PER_IP_PER_HOUR")
_SALT = "khidma.cases.phone-verification"


def _hash(key: str, code: str) -> str:
    return salted_hmac(_SALT, f"{key}:{code}", algorithm="sha256").hexdigest()


def phone_verification_start(
    *, organization: Organization, phone: str, language: str, ip: str | None = None
) -> PhoneVerification:
    """Send a new code to ``phone`` (any form normalize_phone accepts). Refuses, with a translated message,
    a number that is not valid and a number or an address that has asked for too many codes this hour."""
    try:
        e164 = normalize_phone(phone)
    except ValueError as exc:
        raise DomainError.single("phone", "invalid_phone", _("This phone number is not valid.")) from exc
    for limit, who in ((CODES_PER_PHONE, e164), (CODES_PER_IP, ip)):
        ratelimit.hit(limit, who, field="phone", code="too_many_codes", message=_too_many_codes)
    now = clock.now()
    key = secrets.token_hex(16)
    code = f"{secrets.randbelow(1_000_000):06d}"
    with transaction.atomic():
        verification = PhoneVerification.objects.create(
            organization=organization,
            key=key,
            phone=e164,
            code_hash=_hash(key, code),
            ip=ip,
            created_at=now,
            expires_at=now + CODE_LIFETIME,
        )
        OutboundMessage.objects.create(
            organization=organization,
            channel=OutboundChannel.SMS,
            recipient=e164,
            language=language,
            template="verify_phone",
            text=render("verify_phone", language, code=code),
            status=MessageStatus.QUEUED,
            next_attempt_at=now,
            created_at=now,
        )
    return verification


def _too_many_codes(seconds: int) -> str:
    return _("Too many codes were asked for. %(wait)s Or send the report without a code.") % {
        "wait": ratelimit.wait_message(seconds)
    }


def phone_verification_check(*, organization: Organization, key: str, code: str) -> PhoneVerification:
    """Check a code typed by the person. A wrong code uses up one of the tries, and that is kept."""
    verification = PhoneVerification.objects.filter(organization=organization, key=key).first()
    if verification is None:
        raise DomainError.single("code", "no_code", _("Ask for a code first."))
    if verification.verified_at is not None:
        return verification
    now = clock.now()
    if now >= verification.expires_at:
        raise DomainError.single("code", "code_expired", _("This code has expired. Ask for a new one."))
    if verification.attempts >= MAX_ATTEMPTS:
        raise DomainError.single("code", "too_many_attempts", _("Too many wrong codes. Ask for a new code."))
    typed = "".join(ch for ch in code if not ch.isspace())
    typed = normalize_digits(typed)
    if not hmac.compare_digest(_hash(key, typed), verification.code_hash):
        PhoneVerification.objects.filter(pk=verification.pk).update(attempts=F("attempts") + 1)
        left = MAX_ATTEMPTS - verification.attempts - 1
        if left <= 0:
            raise DomainError.single(
                "code", "too_many_attempts", _("Too many wrong codes. Ask for a new code.")
            )
        raise DomainError.single(
            "code", "wrong_code", _("This code is not right. Check the SMS and type it again.")
        )
    verification.verified_at = now
    verification.save(update_fields=["verified_at"])
    return verification


def phone_verified(*, organization: Organization, key: str, phone: str) -> bool:
    """Whether ``key`` is a checked, unused code for exactly this phone number (already normalized)."""
    if not key or not phone:
        return False
    return PhoneVerification.objects.filter(
        organization=organization,
        key=key,
        phone=phone,
        verified_at__gte=clock.now() - VERIFIED_FOR,
        case__isnull=True,
    ).exists()


def case_mark_phone_verified(*, case: Case, key: str) -> bool:
    """Record on a new case that its reporter's phone was checked with ``key``; uses the check up. Call it in
    the transaction that creates the case. Returns False (and changes nothing) when the check does not fit."""
    used = PhoneVerification.objects.filter(
        organization_id=case.organization_id,
        key=key,
        phone=case.reporter_phone,
        verified_at__gte=clock.now() - VERIFIED_FOR,
        case__isnull=True,
    ).update(case=case)
    if not used:
        return False
    Case.objects.filter(pk=case.pk).update(reporter_phone_verified=True)
    case.reporter_phone_verified = True
    # With KHIDMA_PHONE_VERIFICATION_REQUIRED, the "received" SMS waited for this confirmation.
    notify.release_held(case, HeldReason.UNVERIFIED_PHONE)
    return True


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def normalize_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as ASCII: a code typed on an Arabic or Urdu keyboard still matches."""
    return text.translate(_DIGITS)
