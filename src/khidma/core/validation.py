"""Checks on what people type that every app makes the same way: free text, and dates or date ranges given as
filters. Each problem is a ``FieldError`` with a stable code and a message translated lazily, so a service can
report every problem at once (pass ``errors``) or stop at the first (the default raises ``DomainError``).

Text: a NUL byte cannot be stored by PostgreSQL and breaks SQLite's full-text search; a lone surrogate (half
of a UTF-16 pair, which JSON's ``\\ud800`` escapes can carry) cannot be encoded at all. Both are refused
wherever they arrive — in any field of a JSON body, a query, a form or a webhook (``ensure_clean_data``).
Invisible characters alone count as empty, but they are kept inside real words, where Persian, Urdu and
Indic scripts need the zero-width (non-)joiner.

Dates: year 1 and year 9999 overflow as soon as a day or a time zone is added. A case's received time is
also shown in the Hijri (Umm al-Qura) calendar and its service levels expand Hijri holidays, whose tables
cover Gregorian 1926 to 2076 (HIJRI_FIRST_DATE, HIJRI_LAST_DATE).
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext_lazy as _

from khidma.core.errors import DomainError, FieldError

# Dates the system handles: far enough back for any archive, far enough ahead for any plan, and clear of
# the edges where adding a day or a time zone overflows (year 1, year 9999).
FIRST_DATE = datetime.date(1900, 1, 1)
LAST_DATE = datetime.date(2999, 12, 31)
# The years the Umm al-Qura tables cover fully: dates that are shown in Hijri or go through service levels.
HIJRI_FIRST_DATE = datetime.date(1926, 1, 1)
HIJRI_LAST_DATE = datetime.date(2076, 12, 31)
# Reports, calendars and lists span at most about three months: longer ranges are exports.
THREE_MONTHS = 92


def _fail(problem: FieldError, errors: list[FieldError] | None) -> None:
    if errors is None:
        raise DomainError(problem)
    errors.append(problem)


def _unkeepable(text: str) -> bool:
    """A NUL byte or half of a surrogate pair: nothing a person types, and nothing a database keeps."""
    return "\x00" in text or any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)


def _blank(text: str) -> bool:
    """Nothing a reader would see: spaces and invisible format characters (zero-width spaces, marks)."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)


def clean_text(
    value: str | None,
    *,
    field: str,
    limit: int,
    required: Any = None,
    errors: list[FieldError] | None = None,
) -> str:
    """The text stripped of surrounding space. ``required`` is the message shown when it is empty (None: the
    field may be empty). Refused: characters that cannot be stored (``invalid_characters``), an empty
    required text — invisible characters alone count as empty — (``required``), and text over ``limit``
    characters (``too_long``). With ``errors`` the problem is appended there and the text still returned."""
    text = (value or "").strip()
    if _unkeepable(text):
        _fail(
            FieldError(field, "invalid_characters", _("The text contains characters that cannot be kept.")),
            errors,
        )
    elif required is not None and _blank(text):
        _fail(FieldError(field, "required", required), errors)
    elif len(text) > limit:
        _fail(
            FieldError(
                field, "too_long", _("The text is too long: at most %(max)d characters.") % {"max": limit}
            ),
            errors,
        )
    return text


def check_date(value: datetime.date, *, field: str, errors: list[FieldError] | None = None) -> None:
    """A date the system can work with (see FIRST_DATE, LAST_DATE): ``out_of_range`` otherwise."""
    if not FIRST_DATE <= value <= LAST_DATE:
        _fail(
            FieldError(
                field,
                "out_of_range",
                _("Give a date between %(first)s and %(last)s.")
                % {"first": FIRST_DATE.isoformat(), "last": LAST_DATE.isoformat()},
            ),
            errors,
        )


def check_date_range(
    start: datetime.date,
    end: datetime.date,
    *,
    field: str = "end",
    max_days: int = THREE_MONTHS,
    errors: list[FieldError] | None = None,
) -> None:
    """Both dates workable, the end not before the start, and at most ``max_days`` apart (``invalid``)."""
    problems: list[FieldError] = []
    check_date(start, field="start" if field == "end" else field, errors=problems)
    check_date(end, field=field, errors=problems)
    if not problems and (end < start or (end - start).days > max_days):
        if max_days == THREE_MONTHS:
            message = _("Give a range of at most three months, end after start.")
        else:
            message = _("Give a range of at most %(days)d days, end after start.") % {"days": max_days}
        problems.append(FieldError(field, "invalid", message))
    if problems and errors is None:
        raise DomainError(*problems)
    if errors is not None:
        errors.extend(problems)


def clean_text_list(values: list[str] | None, *, limit: int) -> list[str]:
    """Short texts named one by one (documents, labels): stripped, blanks and repeats dropped, order kept,
    each cut at ``limit`` characters."""
    seen: list[str] = []
    for value in values or []:
        text = str(value).strip()[:limit]
        if text and not _unkeepable(text) and text not in seen:
            seen.append(text)
    return seen


INVALID_CHARACTERS = "invalid_characters"


def bad_characters(value: str) -> bool:
    """True when the text holds a NUL byte or a lone surrogate."""
    return _unkeepable(value)


def is_blank(value: str) -> bool:
    """True when the text has nothing visible in it."""
    return _blank(value)


def invalid_characters(field: str) -> FieldError:
    return FieldError(field, INVALID_CHARACTERS, _("The text contains characters that cannot be kept."))


def text_errors(**fields: str | None) -> list[FieldError]:
    """An error for each named text that holds a NUL byte or a lone surrogate."""
    return [invalid_characters(name) for name, value in fields.items() if value and _unkeepable(value)]


def bad_text_paths(data: Any, path: tuple[str, ...] = ()) -> Iterator[str]:
    """The dotted paths of every string (value or key) in decoded JSON or form data that is not clean text."""
    if isinstance(data, str):
        if _unkeepable(data):
            yield ".".join(path)
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and _unkeepable(key):
                yield ".".join(path) or "body"
                continue
            yield from bad_text_paths(value, (*path, str(key)))
    elif isinstance(data, (list, tuple)):
        for index, item in enumerate(data):
            yield from bad_text_paths(item, (*path, str(index)))


def ensure_clean_data(data: Any) -> None:
    """Raise DomainError naming every field of decoded input whose text is not clean."""
    paths = list(dict.fromkeys(bad_text_paths(data)))
    if paths:
        raise DomainError(*[invalid_characters(path) for path in paths])


def out_of_range(
    field: str, first: datetime.date = FIRST_DATE, last: datetime.date = LAST_DATE
) -> FieldError:
    dates = {"first": first.isoformat(), "last": last.isoformat()}
    return FieldError(field, "out_of_range", _("Give a date between %(first)s and %(last)s.") % dates)


def date_errors(
    *, first: datetime.date = FIRST_DATE, last: datetime.date = LAST_DATE, **dates: datetime.date | None
) -> list[FieldError]:
    """An error for each named date or datetime outside ``first`` … ``last``. A datetime is judged by its own
    calendar day, so an offset never pushes a valid date out or an invalid one in."""
    errors = []
    for name, value in dates.items():
        if value is None:
            continue
        day = value.date() if isinstance(value, datetime.datetime) else value
        if not first <= day <= last:
            errors.append(out_of_range(name, first, last))
    return errors
