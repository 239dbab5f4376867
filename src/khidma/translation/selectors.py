"""Reads of the translation cache. A page that shows many texts asks once for all of them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from khidma.translation.models import Translation


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def translation_cached(*, text: str, source: str, target: str) -> str | None:
    row = (
        Translation.objects.filter(
            source_hash=text_hash(text), source_language=source, target_language=target
        )
        .only("text")
        .first()
    )
    return row.text if row else None


def translations_cached(items: Iterable[tuple[str, str]], *, target: str) -> dict[tuple[str, str], str]:
    """``{(text, source): translation}`` for those of ``items`` (text, source language) already translated
    into ``target``, in one query."""
    wanted = {
        (text_hash(text), source): (text, source) for text, source in items if text and source != target
    }
    if not wanted:
        return {}
    rows = Translation.objects.filter(
        source_hash__in={key[0] for key in wanted}, target_language=target
    ).values_list("source_hash", "source_language", "text")
    return {wanted[(digest, source)]: text for digest, source, text in rows if (digest, source) in wanted}
