"""ISO 8601 in and out. Open311 datetimes always carry their offset; input without one is read in the
organization's time zone, and a bare date means its midnight there."""

from __future__ import annotations

import datetime


def parse_iso(text: str, tz: datetime.tzinfo) -> datetime.datetime | None:
    """An aware datetime from ISO 8601 text (``Z`` allowed), or None when the text is not one."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            day = datetime.date.fromisoformat(text)
            return datetime.datetime.combine(day, datetime.time.min, tzinfo=tz)
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=tz)
    return value


def iso(value: datetime.datetime | None, tz: datetime.tzinfo) -> str | None:
    if value is None:
        return None
    return value.astimezone(tz).isoformat(timespec="seconds")
