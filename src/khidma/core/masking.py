"""Masking identifiers for people who may know that one exists but not what it is (a document number of
someone acted for, a national ID). Phone numbers have their own mask in ``core.phones``."""

from __future__ import annotations

# Enough to match a paper in hand against the record, not enough to reuse the number.
KEEP = 3


def mask_identifier(value: str, *, keep: int = KEEP) -> str:
    """Every character but the last ``keep`` replaced with a dot; short values entirely."""
    text = (value or "").strip()
    if not text:
        return ""
    if len(text) <= keep * 2:
        return "•" * len(text)
    return "•" * (len(text) - keep) + text[-keep:]
