"""Which writing system each public language's names are in, checked letter by letter."""

from __future__ import annotations

import unicodedata

SCRIPTS = {
    "ar": "ARABIC",
    "ur": "ARABIC",
    "fa": "ARABIC",
    "hi": "DEVANAGARI",
    "bn": "BENGALI",
    "en": "LATIN",
    "id": "LATIN",
    "ms": "LATIN",
    "tr": "LATIN",
    "fr": "LATIN",
}
# Urdu and Persian write ی and ک where Arabic writes ي and ك (and ى); a name copied from Arabic shows it.
ARABIC_ONLY_LETTERS = frozenset("يكى")
# The reverse: these letters are Urdu's or Persian's, never in an Arabic name.
PERSO_URDU_LETTERS = frozenset("یکہۃےٹڈڑ")


def misspelt_letters(text: str, language: str) -> list[str]:
    """Letters of ``text`` that do not belong in a name written in ``language`` (empty when all is well)."""
    script = SCRIPTS[language]
    wrong = [
        char
        for char in text
        if unicodedata.category(char)[0] in "LM" and not unicodedata.name(char, "").startswith(script)
    ]
    if language in {"ur", "fa"}:
        wrong += [char for char in text if char in ARABIC_ONLY_LETTERS]
    if language == "ar":
        wrong += [char for char in text if char in PERSO_URDU_LETTERS]
    if not any(unicodedata.category(char)[0] == "L" for char in text):
        wrong.append("(no letter)")
    return wrong
