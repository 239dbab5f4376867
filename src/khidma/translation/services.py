"""Translating a text: from the cache, else from the configured backend (and then into the cache).

Callers never translate inside a request that a person waits for: staff pages ask for what is missing with
``translations_request`` (a task enqueued on commit), and messages to reporters wait in the outbox until
their translation exists (outbox/services.py ``outbox_translate_due``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django_tasks import task

from khidma.core.languages import is_supported
from khidma.translation.backends import TranslationRefused, TranslationUnavailable, backend
from khidma.translation.models import Translation
from khidma.translation.selectors import text_hash, translation_cached

logger = logging.getLogger("khidma.translation")

TEXT_MAX = 4000

__all__ = [
    "TranslationRefused",
    "TranslationUnavailable",
    "translate",
    "translation_enabled",
    "translation_possible",
    "translation_refresh_languages",
    "translations_request",
]


def translation_enabled() -> bool:
    return backend().name != "none"


def translation_possible(source: str, target: str) -> bool:
    """Whether a text in ``source`` can be sent to a ``target`` reader translated automatically."""
    if source == target:
        return True
    return is_supported(source) and is_supported(target) and backend().supports(source, target)


def translate(*, text: str, source: str, target: str) -> str:
    """The translation of ``text``; calls the backend (which may take seconds) only when it is not cached.
    Raises TranslationUnavailable (try later) or TranslationRefused (never)."""
    text = text.strip()
    if source == target or not text:
        return text
    cached = translation_cached(text=text, source=source, target=target)
    if cached is not None:
        return cached
    engine = backend()
    translated = engine.translate(text[:TEXT_MAX], source=source, target=target)
    try:
        with transaction.atomic():
            Translation.objects.create(
                source_hash=text_hash(text),
                source_language=source,
                target_language=target,
                source_text=text,
                text=translated,
                backend=engine.name,
            )
    except IntegrityError:
        # Another worker translated the same text meanwhile: the first one stays.
        return translation_cached(text=text, source=source, target=target) or translated
    return translated


@task()
def translate_texts_task(items: list[list[str]], target: str) -> None:
    """Fill the cache for staff pages. A failure only means the page shows the original for now; the next
    view of the page asks again."""
    translation_refresh_languages()
    for text, source in items:
        try:
            translate(text=text, source=source, target=target)
        except (TranslationUnavailable, TranslationRefused) as exc:
            logger.warning("no %s→%s translation for now: %s", source, target, exc)
            if isinstance(exc, TranslationUnavailable):
                return  # the server is down or slow: do not queue every other text behind it


def translations_request(items: Iterable[tuple[str, str]], *, target: str) -> bool:
    """Ask for the translations of ``items`` (text, source language) into ``target`` in the background, once
    the current transaction commits. False when there is nothing to ask (no backend, nothing missing)."""
    if not translation_enabled():
        return False
    wanted = sorted({(text, source) for text, source in items if text.strip() and source != target})
    if not wanted:
        return False
    transaction.on_commit(
        lambda: translate_texts_task.enqueue(items=[list(item) for item in wanted], target=target)
    )
    return True


def translation_refresh_languages() -> None:
    """Ask the server which pairs it offers when its last answer is old (from background work only: it may
    wait for the server), so that staff actions know which readers can get a translation."""
    engine = backend()
    refresh = getattr(engine, "languages", None)
    if refresh is None:
        return
    try:
        refresh()
    except (TranslationUnavailable, TranslationRefused) as exc:
        logger.info("the translation server's languages are unknown for now: %s", exc)
