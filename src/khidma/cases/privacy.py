"""Which cases are public problems, and which are between a person and the organization.

A *public problem* is a report about public space — a broken street light, an overflowing container — that
strangers may see listed, may be told is "already reported", and may follow. Every other case is *private*:
a women's-section case, a case a proxy files for a principal, a complaint, an inquiry, a suggestion or praise.
Private cases are never listed publicly, never offered as "already reported" to someone else, and their
public notes are shown only to their own reporter (through the personal tracking link they were texted).

This module is the one place that decides it; duplicate detection, the public API, the portal, Open311,
notifications and exports ask here.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Protocol

from django.conf import settings
from django.db.models import Q, QuerySet

from khidma.cases.models import Case
from khidma.organizations.models import CaseKind

# Kinds that describe a problem in public space.
PUBLIC_KINDS = frozenset({CaseKind.REPORT, CaseKind.SERVICE_REQUEST})

# Length of the reporter's tracking key: 10 base-32 characters, 50 bits, short enough for an SMS link.
_KEY_LENGTH = 10


def is_public_problem(case: Case) -> bool:
    return public_problem(kind=case.kind, womens_section=case.womens_section, is_proxy=case.is_proxy)


def public_problem(*, kind: str, womens_section: bool, is_proxy: bool) -> bool:
    """The rule itself, on the values of a case that may not exist yet (intake decides before it writes)."""
    return kind in PUBLIC_KINDS and not womens_section and not is_proxy


def public_problem_q(path: str = "") -> Q:
    """The same rule as ``is_public_problem``, as a condition on the case at ``path`` (``"case__"`` from a
    row that hangs on a case)."""
    return Q(**{f"{path}kind__in": PUBLIC_KINDS, f"{path}womens_section": False, f"{path}is_proxy": False})


def public_problems(cases: QuerySet[Case]) -> QuerySet[Case]:
    return cases.filter(public_problem_q())


def can_link_duplicate(case: Case, original: Case) -> bool:
    """Whether ``case`` may be linked to ``original`` as a duplicate. The link tells the duplicate's reporter
    the original's reference and, later, its fix: so the original must be something that reporter may know.

    - Women's-section cases link only among themselves: the section works both, and nobody outside it may
      see either through the other.
    - Otherwise the original must be a public problem: a complaint, an inquiry or a proxy case is never
      revealed to a stranger as "already reported".
    """
    if case.womens_section or original.womens_section:
        return case.womens_section and original.womens_section
    return is_public_problem(original)


class _Numbered(Protocol):
    organization_id: int
    reference: str


def reporter_key(case: _Numbered) -> str:
    """The key in the tracking link sent to the reporter: proof, on a public page, that the reader is the
    person who reported (or someone they shared the link with). Derived from the secret key, so nothing is
    stored and a leaked database does not reveal it."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(),
        f"track:{case.organization_id}:{case.reference}".encode(),
        hashlib.sha256,
    ).digest()
    # Base 32 without padding, lower case: unambiguous when read aloud or retyped from an SMS.
    return base64.b32encode(digest).decode()[:_KEY_LENGTH].lower()


def reporter_key_matches(case: _Numbered, key: str | None) -> bool:
    if not key:
        return False
    try:
        candidate = key.strip().lower().encode("ascii")
    except UnicodeEncodeError:
        return False
    return hmac.compare_digest(candidate, reporter_key(case).encode())


def notes_visible(case: Case, *, key: str | None = None, reporter: bool = False) -> bool:
    """Whether a public reader sees the public notes of ``case``: always for a public problem; for a private
    case only its reporter, who proves it with the key of the link they were sent (``reporter=True`` when a
    page already checked it)."""
    return is_public_problem(case) or reporter or reporter_key_matches(case, key)
