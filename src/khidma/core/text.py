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


# --- Names of places -------------------------------------------------------------------------------------
# A place is typed however its reader learned it: "Al-Aziziyah", "Azizia", "العزيزية", "العزیزیہ",
# "আজিজিয়া". ``fold_name`` builds on ``fold_for_search`` (whose output is stored in indexed columns and so
# stays as it is) with what only names need: the article (al-, el-, ال) and punctuation go; Latin
# transliterations lose doubled letters, a final h and the y/i, q/k, ou/u differences; Indic nuktas go
# and long vowel signs become short ones; Urdu and Persian letters fold further (ں, ۂ, the zero-width
# non-joiner of Persian compounds).

_NAME_FOLD = str.maketrans(
    {
        "\u09bc": None,  # Bengali nukta: য় and য, ড় and ড
        "\u093c": None,  # Devanagari nukta: ज़ and ज
        "\u0981": None,  # Bengali candrabindu
        "\u0901": "\u0902",  # Devanagari candrabindu → anusvara
        "\u09c0": "\u09bf",  # Bengali ী → ি
        "\u09c2": "\u09c1",  # Bengali ূ → ু
        "\u09ce": "\u09a4",  # Bengali khanda ta ৎ → ত
        "\u0940": "\u093f",  # Devanagari ी → ि
        "\u0942": "\u0941",  # Devanagari ू → ु
        "\u0945": "\u0947",  # Devanagari candra e → e
        "\u0949": "\u094b",  # Devanagari candra o → o
        "ں": "ن",
        "ۂ": "ه",
        "ۀ": "ه",
        "ı": "i",  # Turkish dotless i
        "\u200c": " ",  # zero-width non-joiner
    }
)
_NAME_SEPARATORS = re.compile(r"[\s\-_'’‘`ʼʿʾ.,،؛;:()\[\]/\\\"“”«»!?؟·|]+")
_LATIN_ARTICLES = frozenset({"al", "el", "ul", "il", "an", "ad", "ar", "as", "ash", "at"})
_LATIN_WORD = re.compile(r"^[a-z]+$")
_DOUBLED = re.compile(r"([a-z])\1+")


def _latin_skeleton(word: str) -> str:
    """One spelling for the usual transliteration differences: Aziziyah, Azizia, Aziziya → azizia;
    Haraam → haram; Makkah → maka; Qudai, Kudai → kudai."""
    word = word.replace("ou", "u").replace("ee", "i").replace("oo", "u").replace("y", "i").replace("q", "k")
    if len(word) > 3 and word.endswith("h") and word[-2] in "aeiou":
        word = word[:-1]
    return _DOUBLED.sub(r"\1", word)


def fold_name(text: str) -> str:
    """A place name folded for matching in any of the ten languages (see above); words joined by spaces."""
    folded = fold_for_search((text or "").translate(_NAME_FOLD)).translate(_NAME_FOLD)
    words = []
    for word in _NAME_SEPARATORS.split(folded):
        if not word or word in _LATIN_ARTICLES:
            continue
        if _LATIN_WORD.match(word):
            word = _latin_skeleton(word)
        elif word.startswith("ال") and len(word) > 3:
            word = word[2:]
        words.append(word)
    return " ".join(words)
