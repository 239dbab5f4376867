"""The languages Khidma speaks with the public, and picking a name in one of them."""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.utils import translation

LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)
RTL_LANGUAGES = frozenset({"ar", "ur", "fa"})


def is_supported(code: str) -> bool:
    return code in LANGUAGE_CODES


def pick_name(names: Mapping[str, str], language: str | None = None, fallback: str = "ar") -> str:
    """The name in ``language`` (default: the active one), else the fallback language, else any name."""
    wanted = language or translation.get_language() or fallback
    wanted = wanted.split("-")[0]
    for code in (wanted, fallback, "ar", "en"):
        value = names.get(code)
        if value:
            return value
    return next((value for value in names.values() if value), "")
