"""The languages Khidma speaks with the public, and picking a name in one of them.

A name missing in the reader's language falls back along ``FALLBACKS``: the languages a reader of that
language is likeliest to read, best first (docs/languages.md gives the reasons). Readers of Latin-script
languages get English before Arabic; Urdu and Persian readers, who read the Arabic script and share much of
its vocabulary (and see the Arabic names on Makkah's signs), get Arabic before English; Malay and Indonesian
readers get each other's names first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from django.conf import settings
from django.utils import translation

LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)
RTL_LANGUAGES = frozenset({"ar", "ur", "fa"})

FALLBACKS: dict[str, tuple[str, ...]] = {
    "ar": ("en",),
    "en": ("ar",),
    "ur": ("ar", "en"),
    "fa": ("ar", "en"),
    "id": ("ms", "en", "ar"),
    "ms": ("id", "en", "ar"),
    "hi": ("en", "ar"),
    "bn": ("en", "ar"),
    "tr": ("en", "ar"),
    "fr": ("en", "ar"),
}


class Name(NamedTuple):
    """A name and the language it is in (which may not be the one asked for)."""

    text: str
    language: str

    @property
    def direction(self) -> str:
        return direction(self.language)


def is_supported(code: str) -> bool:
    return code in LANGUAGE_CODES


def base_language(code: str | None) -> str:
    """``"ar-sa"`` → ``"ar"``; no code → the active language, else the installation's."""
    return (code or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()


def direction(code: str) -> str:
    return "rtl" if base_language(code) in RTL_LANGUAGES else "ltr"


def fallback_order(language: str | None = None) -> tuple[str, ...]:
    """The languages tried for a reader of ``language``, the language itself first."""
    wanted = base_language(language)
    return (wanted, *FALLBACKS.get(wanted, ("en", "ar")))


def pick(names: Mapping[str, str] | None, language: str | None = None) -> Name:
    """The name for a reader of ``language`` (default: the active one) and the language it is in."""
    names = names or {}
    for code in fallback_order(language):
        value = names.get(code)
        if value:
            return Name(value, code)
    for code, value in names.items():
        if value:
            return Name(value, code)
    return Name("", base_language(language))


def pick_name(names: Mapping[str, str] | None, language: str | None = None) -> str:
    """The name's text for a reader of ``language`` (default: the active one); see ``pick``."""
    return pick(names, language).text
