"""Language identification of short informal reports, and the text normalization the triage modules share.

``detect(text)`` answers one of ar en ur id hi ms fa bn tr fr. The script decides what is possible (Bengali
and Devanagari letters settle it; Arabic script means ar/ur/fa; Latin script means en fr tr id ms or Roman
Urdu/Hinglish/Banglish). A small multinomial logistic regression then decides, trained on the shipped corpus
at first use. Its inputs: character 1–4-grams, the confidence values of the Lingua detector restricted to the
ten languages (its models ship inside the ``lingua-language-detector`` wheel; nothing is downloaded), and
counts of curated marker words (Indonesian vs Malay, Roman Urdu vs Hinglish vs Banglish). Lingua alone tells
Arabic, Urdu and Persian apart but confuses Indonesian and Malay and knows no Romanized South Asian language;
the corpus n-grams alone overfit topic words. docs/triage-notes.md has the measurements.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from khidma.triage import lexicons

__all__ = [
    "LANGUAGES",
    "LanguageGuess",
    "LanguageModel",
    "Lexicon",
    "Match",
    "TfidfSpace",
    "detect",
    "normalize",
    "tokens",
]

LANGUAGES: tuple[str, ...] = ("ar", "en", "ur", "id", "hi", "ms", "fa", "bn", "tr", "fr")

# ---------------------------------------------------------------------------------------------------------
# Normalization
# ---------------------------------------------------------------------------------------------------------

_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_FOLD = str.maketrans(
    {
        # Arabic-script letter variants: Persian/Urdu ya, kaf and ha, ta marbuta, alef maqsura, wasla
        "ى": "ي",
        "ی": "ي",
        "ې": "ي",
        "ۍ": "ي",
        "ے": "ي",
        "ک": "ك",
        "ة": "ه",
        "ۃ": "ه",
        "ہ": "ه",
        "ھ": "ه",
        "ە": "ه",
        "ٱ": "ا",
        "،": ",",
        "؟": "?",
        # candrabindu → anusvara (Devanagari, Bengali)
        "\u0901": "\u0902",
        "\u0981": "\u0982",
        # Latin letters without a decomposition
        "ı": "i",
        "ø": "o",
        "ß": "ss",
        "œ": "oe",
        "æ": "ae",
        "’": "'",
        "‘": "'",
        "`": "'",
        # digits of every script → ASCII
        **{chr(base + i): str(i) for base in (0x660, 0x6F0, 0x966, 0x9E6) for i in range(10)},
    }
)
# Hamza and madda above/below, the Devanagari and Bengali nukta: dropped wherever they stand.
_DROPPED_MARKS = frozenset("\u0653\u0654\u0655\u093c\u09bc")
_TOKEN = re.compile(r"[\w\u0900-\u0dff]+")
_REPEAT = re.compile(r"(\D)\1{2,}")
_REDUPLICATION = re.compile(r"(?<=[a-z]{2})2\b")  # Malay/Indonesian "anak2" = "anak-anak"


def normalize(text: str) -> str:
    """Fold a text for matching and classification.

    Lowercase; accents off Latin letters (so "çöp" = "cop", "épave" = "epave"); Arabic diacritics, tatweel,
    hamza and madda off; alef forms, ya/alef maqsura, ta marbuta and the Persian/Urdu ya, kaf and ha unified;
    the Indic nukta off; digits of every script to ASCII; "anak2" → "anak"; runs of 3+ equal letters to two.
    """
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKD", text).casefold())
    out: list[str] = []
    base = ""
    for char in text:
        if unicodedata.combining(char):
            if base.isascii() or char in _DROPPED_MARKS:
                continue
        else:
            base = char
        out.append(char)
    text = _ARABIC_MARKS.sub("", "".join(out)).translate(_FOLD)
    text = _REDUPLICATION.sub("", text)
    return _REPEAT.sub(r"\1\1", text)


def tokens(text: str) -> list[str]:
    """The words of ``normalize(text)`` (Indic vowel signs stay inside their words)."""
    return _TOKEN.findall(normalize(text))


# ---------------------------------------------------------------------------------------------------------
# A multilingual lexicon matcher
# ---------------------------------------------------------------------------------------------------------

_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")


def _stems(token: str) -> set[str]:
    """The token and, for Arabic-script tokens, the token without its clitic prefixes (و ف ب ل ك ال لل)."""
    found = {token}
    if not _ARABIC_LETTER.match(token):
        return found
    if token[0] in "وف" and len(token) > 3:
        found.add(token[1:])
    for stem in list(found):
        if stem[0] in "بلك" and len(stem) > 3:
            found.add(stem[1:])
    for stem in list(found):
        if stem.startswith(("ال", "لل")) and len(stem) > 3:
            found.add(stem[2:])
    return found


FUZZY_MIN = 7
_LATIN = re.compile(r"[a-z]+")


def _deletions(word: str) -> set[str]:
    """The word and every way of leaving one letter out of it."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _one_edit(first: str, second: str) -> bool:
    """At most one letter inserted, deleted, replaced, or two neighbours swapped, after the first two letters
    (which must agree: "jumping" is not a typo of "dumping", nor "mountain" of "fountain")."""
    if first == second:
        return True
    if first[:2] != second[:2]:
        return False
    if abs(len(first) - len(second)) > 1:
        return False
    if len(first) > len(second):
        first, second = second, first
    start = 0
    while start < len(first) and first[start] == second[start]:
        start += 1
    if len(first) == len(second):
        rest = first[start + 1 :] == second[start + 1 :]
        swapped = (
            start + 1 < len(first)
            and first[start] == second[start + 1]
            and first[start + 1] == second[start]
            and first[start + 2 :] == second[start + 2 :]
        )
        return rest or swapped
    return first[start:] == second[start + 1 :]


@dataclass(frozen=True, slots=True)
class Match:
    concept: str
    term: str  # the lexicon entry as written
    start: int  # token positions in tokens(text)
    end: int


@dataclass(frozen=True, slots=True)
class _Entry:
    concept: str
    term: str
    patterns: tuple[tuple[str, bool], ...]  # (word, is_prefix)


class Lexicon:
    """Concepts → terms in any of the languages, matched against ``tokens(text)``.

    A term is one or more words separated by spaces. A word ending in ``*`` matches any word that starts with
    it ("cockroach*" matches "cockroaches"); other words match whole words only ("fire" does not match
    "fired"). In a term of several words, one other word may stand between two of them ("street light" also
    matches "street side light"). Terms are normalized like the text, and Arabic-script words also match
    after the clitics و ف ب ل ك and the article ال are taken off ("الصراصير", "والصراصير" match "صراصير").
    """

    def __init__(self, concepts: Mapping[str, Iterable[str]], *, typos: bool = False) -> None:
        self._exact: dict[str, list[_Entry]] = {}
        self._prefix: dict[str, list[_Entry]] = {}
        # typos: Latin-script first words of FUZZY_MIN letters or more, by their one-letter deletions
        self._fuzzy: dict[str, list[_Entry]] = {}
        self._fuzzy_prefix: dict[int, dict[str, list[_Entry]]] = {}
        self.typos = typos
        self.concepts = tuple(concepts)
        # The same word is often listed on several language lines of a concept (a Latin word serves English,
        # Roman Urdu and Malay alike), or two spellings normalize alike: each (concept, pattern) counts once.
        compiled: set[tuple[str, tuple[tuple[str, bool], ...]]] = set()
        for concept, terms in concepts.items():
            for term in terms:
                entry = self._compile(concept, term)
                key = (concept, tuple(entry.patterns))
                if key in compiled:
                    continue
                compiled.add(key)
                first, is_prefix = entry.patterns[0]
                (self._prefix if is_prefix else self._exact).setdefault(first, []).append(entry)
                if typos and len(first) >= FUZZY_MIN and _LATIN.fullmatch(first):
                    index = self._fuzzy_prefix.setdefault(len(first), {}) if is_prefix else self._fuzzy
                    for key in _deletions(first):
                        index.setdefault(key, []).append(entry)
        self._max_prefix = max((len(key) for key in self._prefix), default=0)

    @staticmethod
    def _compile(concept: str, term: str) -> _Entry:
        patterns: list[tuple[str, bool]] = []
        for piece in term.split():
            words = tokens(piece.rstrip("*"))
            if not words:
                raise ValueError(f"empty word in lexicon term {term!r}")
            patterns.extend((word, False) for word in words[:-1])
            patterns.append((words[-1], piece.endswith("*")))
        return _Entry(concept, term, tuple(patterns))

    @staticmethod
    def _fits(stems: set[str], word: str, is_prefix: bool) -> bool:
        if is_prefix:
            return any(stem.startswith(word) for stem in stems)
        return word in stems

    def _typo_entries(self, word: str) -> list[_Entry]:
        """Entries whose first word is one edit from ``word`` (see ``_one_edit``)."""
        if len(word) < FUZZY_MIN - 1 or not _LATIN.fullmatch(word):
            return []
        entries: list[_Entry] = []
        for key in _deletions(word):
            entries.extend(e for e in self._fuzzy.get(key, ()) if _one_edit(word, e.patterns[0][0]))
        for length, index in self._fuzzy_prefix.items():
            for size in {length - 1, length, length + 1}:
                head = word[:size]
                if len(head) != size:
                    continue
                for key in _deletions(head):
                    entries.extend(e for e in index.get(key, ()) if _one_edit(head, e.patterns[0][0]))
        return list(dict.fromkeys(entries))

    def find(self, words: list[str]) -> list[Match]:
        """Every match in the token list ``words`` (from ``tokens``), in text order.

        With ``typos``, a Latin-script word that matches no term exactly may match a term's first word one
        edit away (both of at least FUZZY_MIN letters, or FUZZY_MIN - 1 for the text's word): "resturant",
        "cockroches", "overflowingg".
        """
        stems = [_stems(word) for word in words]
        found: list[Match] = []
        for position, candidates in enumerate(stems):
            entries: list[_Entry] = []
            for stem in candidates:
                entries.extend(self._exact.get(stem, ()))
                for length in range(1, min(len(stem), self._max_prefix) + 1):
                    entries.extend(self._prefix.get(stem[:length], ()))
            if not entries and self.typos:
                entries = self._typo_entries(words[position])
            for entry in entries:
                end = self._match_rest(entry, stems, position + 1)
                if end is not None:
                    found.append(Match(entry.concept, entry.term, position, end))
        return found

    def _match_rest(self, entry: _Entry, stems: list[set[str]], position: int) -> int | None:
        for word, is_prefix in entry.patterns[1:]:
            if position < len(stems) and self._fits(stems[position], word, is_prefix):
                position += 1
            elif position + 1 < len(stems) and self._fits(stems[position + 1], word, is_prefix):
                position += 2
            else:
                return None
        return position

    def concepts_in(self, text: str) -> set[str]:
        return {match.concept for match in self.find(tokens(text))}


# ---------------------------------------------------------------------------------------------------------
# A fitted TF-IDF space (shared with the category model): inference needs numpy only
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TfidfSpace:
    """A fitted TF-IDF space: sublinear term frequency × idf, L2-normalized, placed at ``offset``."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    offset: int  # position of the first column in the full feature vector

    def add(self, items: list[str], columns: list[int], values: list[float]) -> None:
        """Append the sparse TF-IDF vector of ``items`` (n-grams) to ``columns``/``values``."""
        counts: dict[int, int] = {}
        vocabulary = self.vocabulary
        for item in items:
            index = vocabulary.get(item)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        if not counts:
            return
        indices = np.fromiter(counts, dtype=np.int64, count=len(counts))
        frequencies = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        weights = (1.0 + np.log(frequencies)) * self.idf[indices]
        weights /= np.sqrt(np.dot(weights, weights))
        columns.extend((indices + self.offset).tolist())
        values.extend(weights.tolist())

    @classmethod
    def fit(cls, documents: Sequence[list[str]], offset: int, min_df: int = 1) -> tuple[TfidfSpace, Any]:
        """Fit on analyzed documents; also return the training matrix (scipy CSR)."""
        from sklearn.feature_extraction.text import TfidfVectorizer  # training only

        vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=min_df, dtype=np.float64)
        matrix = vectorizer.fit_transform(documents)
        return cls(dict(vectorizer.vocabulary_), vectorizer.idf_.astype(np.float64), offset), matrix


def _identity(items: list[str]) -> list[str]:
    return items


def softmax(scores: np.ndarray) -> np.ndarray:
    scores = scores - scores.max()
    exp = np.exp(scores)
    return exp / exp.sum()


# ---------------------------------------------------------------------------------------------------------
# Language identification
# ---------------------------------------------------------------------------------------------------------

# Curated marker words for the pairs the libraries mix up (triage/data/lexicon.toml, [language_markers]):
# counted per text as features; the model learns their weights. Indonesian vs Malay, and the Latin-script
# (Romanized) South Asian languages.
MARKERS: dict[str, frozenset[str]] = {
    code: frozenset(tokens(words)) for code, words in lexicons.language_markers().items()
}
MARKER_WEIGHT = 3.0
LINGUA_WEIGHT = 1.0
_LID_MARKS = re.compile(r"[\u064b-\u0652\u0670\u0640]")
_LID_NOISE = re.compile(r"https?://\S+|[@#]\w+|[\d\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef]+")
_SCRIPTS = {
    "arabic": frozenset({"ar", "ur", "fa"}),
    "latin": frozenset({"en", "fr", "tr", "id", "ms", "ur", "hi", "bn"}),
    "devanagari": frozenset({"hi"}),
    "bengali": frozenset({"bn"}),
}
DEFAULT_LANGUAGE = "ar"


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str  # ISO 639-1, one of LANGUAGES
    confidence: float  # 0..1; 0.0 when the text has no letters (then code is DEFAULT_LANGUAGE)


def _script(text: str) -> str | None:
    """The script most of the letters are in (arabic, latin, devanagari, bengali), None without letters."""
    counts = dict.fromkeys(_SCRIPTS, 0)
    for char in text:
        if not char.isalpha():
            continue
        code = ord(char)
        if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
            counts["arabic"] += 1
        elif 0x0900 <= code <= 0x097F:
            counts["devanagari"] += 1
        elif 0x0980 <= code <= 0x09FF:
            counts["bengali"] += 1
        elif code < 0x0250:
            counts["latin"] += 1
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else None


def _lid_text(text: str) -> str:
    return _LID_NOISE.sub(" ", _LID_MARKS.sub("", unicodedata.normalize("NFC", text).casefold()))


def _lid_ngrams(text: str) -> list[str]:
    """Character 1–4-grams inside space-padded words of the lightly normalized text."""
    grams = []
    for word in _TOKEN.findall(_lid_text(text)):
        padded = f" {word} "
        size = len(padded)
        for n in range(1, 5):
            if n > size:
                break
            grams.extend(padded[i : i + n] for i in range(size - n + 1))
    return grams


def _marker_features(text: str) -> list[float]:
    words = tokens(text)
    scale = MARKER_WEIGHT / max(1.0, len(words)) ** 0.5
    return [scale * sum(word in MARKERS[code] for word in words) for code in MARKERS]


class _Lingua:
    """Lingua restricted to the ten languages; its language models load lazily, per language, on first use."""

    def __init__(self) -> None:
        from lingua import Language, LanguageDetectorBuilder  # heavy, load on first use

        names = {
            "ar": Language.ARABIC,
            "en": Language.ENGLISH,
            "ur": Language.URDU,
            "id": Language.INDONESIAN,
            "hi": Language.HINDI,
            "ms": Language.MALAY,
            "fa": Language.PERSIAN,
            "bn": Language.BENGALI,
            "tr": Language.TURKISH,
            "fr": Language.FRENCH,
        }
        self._order = [names[code] for code in LANGUAGES]
        self._detector = LanguageDetectorBuilder.from_languages(*self._order).build()

    def confidences(self, text: str) -> list[float]:
        values = {
            result.language: result.value
            for result in self._detector.compute_language_confidence_values(text)
        }
        return [LINGUA_WEIGHT * values.get(language, 0.0) for language in self._order]


_lingua: _Lingua | None = None


def _lingua_detector() -> _Lingua:
    global _lingua
    if _lingua is None:
        _lingua = _Lingua()
    return _lingua


class LanguageModel:
    """Multinomial logistic regression over character n-grams + Lingua confidences + marker counts."""

    def __init__(self, chars: TfidfSpace, weights: np.ndarray, intercept: np.ndarray, labels: Sequence[str]):
        self._chars = chars
        self._weights = weights  # (features, languages)
        self._intercept = intercept
        self.labels = tuple(labels)
        self._extra_offset = chars.offset + len(chars.vocabulary)

    def _row(self, text: str) -> tuple[list[int], list[float]]:
        columns: list[int] = []
        values: list[float] = []
        self._chars.add(_lid_ngrams(text), columns, values)
        extra = _lingua_detector().confidences(text) + _marker_features(text)
        for position, value in enumerate(extra):
            if value:
                columns.append(self._extra_offset + position)
                values.append(value)
        return columns, values

    def probabilities(self, text: str) -> dict[str, float]:
        columns, values = self._row(text)
        scores = self._intercept.astype(np.float64)
        if columns:
            scores = scores + np.asarray(values, dtype=np.float64) @ self._weights[columns]
        script = _script(text)
        if script is not None:  # the script settles what is possible at all
            allowed = _SCRIPTS[script]
            scores = np.where([label in allowed for label in self.labels], scores, -np.inf)
        return dict(zip(self.labels, softmax(scores).tolist(), strict=True))

    def detect(self, text: str) -> LanguageGuess:
        script = _script(text)
        if script is None:
            return LanguageGuess(DEFAULT_LANGUAGE, 0.0)
        if len(_SCRIPTS[script]) == 1:  # Bengali or Devanagari letters: the answer, without asking Lingua
            (code,) = _SCRIPTS[script]
            return LanguageGuess(code, 1.0)
        probabilities = self.probabilities(text)
        code = max(probabilities, key=probabilities.__getitem__)
        return LanguageGuess(code, round(probabilities[code], 4))

    @classmethod
    def train(cls, examples: Iterable[tuple[str, str]]) -> LanguageModel:
        """Train on (text, language) pairs."""
        from scipy import sparse  # training only
        from sklearn.linear_model import LogisticRegression

        pairs = [(text, language) for text, language in examples if language in LANGUAGES]
        texts = [text for text, _ in pairs]
        chars, matrix = TfidfSpace.fit([_lid_ngrams(text) for text in texts], offset=0)
        lingua = _lingua_detector()
        extra = np.array([lingua.confidences(text) + _marker_features(text) for text in texts])
        classifier = LogisticRegression(C=10.0, max_iter=2000)
        classifier.fit(
            sparse.hstack([matrix, sparse.csr_matrix(extra)], format="csr"), [lang for _, lang in pairs]
        )
        return cls(
            chars,
            np.ascontiguousarray(classifier.coef_.T, dtype=np.float32),
            classifier.intercept_.astype(np.float64),
            [str(label) for label in classifier.classes_],
        )


_model: LanguageModel | None = None
_lock = threading.Lock()


def get_model() -> LanguageModel:
    """The process-wide language model, trained from the shipped corpus (training split) on first use."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                from khidma.triage import corpus  # corpus imports nothing from here

                _model = LanguageModel.train(
                    (example.text, example.language) for example in corpus.load("train")
                )
    return _model


def detect(text: str) -> LanguageGuess:
    """The language of a short report: one of ar en ur id hi ms fa bn tr fr, with a probability."""
    return get_model().detect(text)
