"""Text folded for search, so people find a case however they spell it.

Arabic: hamza and madda forms of alef become a bare alef, alef maqsura becomes ya, ta marbuta becomes ha,
waw and ya with hamza lose it, diacritics and tatweel go; the Persian and Urdu forms of ya, kaf and ha
fold to the Arabic ones; digits of every script become ASCII; Latin letters lose accents and case.
"""

from __future__ import annotations

import re
import unicodedata

_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ی": "ي",
        "ے": "ي",
        "ک": "ك",
        "ہ": "ه",
        "ھ": "ه",
        "ۃ": "ه",
        **{chr(base + i): str(i) for base in (0x660, 0x6F0, 0x966, 0x9E6) for i in range(10)},
    }
)
_SPACE = re.compile(r"\s+")


def fold_for_search(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = _MARKS.sub("", text).translate(_FOLD)
    # Strip Latin accents (é → e) but keep other scripts' combining marks, which carry meaning.
    decomposed = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in decomposed if not (unicodedata.combining(ch) and ord(ch) < 0x0370))
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()
