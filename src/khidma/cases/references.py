"""Reference numbers: digits only, at most 12, unique per organization, ending in a Damm check digit.

Layout: two digits of the year, a sequence of at least seven digits, one check digit — ten digits in all
until an organization passes ten million cases in a year. Short enough to read over the phone; the check
digit tells a typing mistake apart from a number that does not exist.
"""

from __future__ import annotations

import datetime
import re

from django.utils.translation import gettext_lazy as _

from khidma.core import damm
from khidma.core.errors import DomainError
from khidma.core.phones import fold_digits

MAX_LENGTH = 12
_SEPARATORS = re.compile(r"[\s\-_.]")


def format_reference(*, year: int, sequence: int) -> str:
    body = f"{year % 100:02d}{sequence:07d}"
    if len(body) >= MAX_LENGTH:
        raise OverflowError("reference sequence exhausted for this year")
    return body + damm.check_digit(body)


def parse_reference(raw: str) -> str:
    """The canonical reference from what a person typed, or a DomainError saying what is wrong.

    Arabic-Indic digits, spaces and dashes are accepted; a wrong check digit gets its own message.
    """
    text = _SEPARATORS.sub("", fold_digits(raw or ""))
    if not text.isascii() or not text.isdigit() or not 2 <= len(text) <= MAX_LENGTH:
        raise DomainError.single(
            "reference",
            "invalid_reference",
            _("A reference number is made of digits only, at most 12 of them."),
        )
    if not damm.is_valid(text):
        raise DomainError.single(
            "reference",
            "reference_check_failed",
            _("Please check the number: one digit seems to be mistyped."),
        )
    return text


def current_year(now: datetime.datetime) -> int:
    return now.year % 100
