"""One-time closure codes: generated when a case is resolved; only a keyed hash is stored."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings

from khidma.cases.models import Case

CODE_DIGITS = 6


def _hash(case: Case, code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"{case.pk}:{code}".encode(), hashlib.sha256).hexdigest()


def issue_code(case: Case, *, now: datetime.datetime) -> str:
    """A fresh code for a case that has just been resolved (the caller saves the case)."""
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    case.closure_code_hash = _hash(case, code)
    case.closure_due_at = now + datetime.timedelta(days=settings.KHIDMA_CLOSURE_CONFIRM_DAYS)
    return code


def code_matches(case: Case, code: str) -> bool:
    return bool(case.closure_code_hash) and hmac.compare_digest(
        case.closure_code_hash, _hash(case, code.strip())
    )
