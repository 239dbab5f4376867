"""Finding a place in the gazetteer by the name a person typed, in any of the ten languages and scripts.

Both sides are folded by ``khidma.core.text.fold_name`` (articles, hamza and ya forms, Urdu and Persian
letters, Indic nuktas and vowel lengths, transliteration variants, accents, digits), so "العزیزیہ", "Azizia"
and "Al-Aziziyah" are one spelling. Then, in two steps:

1. **Candidates** — places whose folded names share at least one three-letter run with what was typed
   (``search_key LIKE '%abc%'``: a trigram index on PostgreSQL, a scan of the small table on SQLite).
2. **Score** — each query word against each word of each folded name: the same word 1.0, the beginning of a
   longer word 0.9 (typing in progress), else a bounded edit distance (one mistake in a word of 4–5
   letters, two from 6: "Masjidil Haraam" still finds "Masjid al-Haram"); the score weighs the typed words
   by length and prefers names that the query covers completely ("Haram" ranks the Holy Mosque, "Masjid
   al-Haram", above "Haramain station"). Places under ``MIN_SCORE`` are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q

from khidma.core.text import fold_name
from khidma.organizations.models import Organization, Place

MIN_SCORE = 0.6
# A typed place is taken as a gazetteer place only when the best match is this good and clearly ahead of the
# next one; otherwise the text stays an address and staff place the report.
CONFIDENT = 0.8
CLEARLY_AHEAD = 0.05
MAX_CANDIDATES = 500  # a query whose runs of letters are that common is too vague to rank further
MAX_QUERY_LENGTH = 100


@dataclass(frozen=True)
class PlaceMatch:
    place: Place
    score: float


def _script(char: str) -> str:
    code = ord(char)
    if code < 0x250:
        return "latin"
    if 0x600 <= code <= 0x6FF or 0x750 <= code <= 0x77F or 0xFB50 <= code <= 0xFEFF:
        return "arabic"
    if 0x900 <= code <= 0x97F:
        return "devanagari"
    if 0x980 <= code <= 0x9FF:
        return "bengali"
    return "other"


def _distance(a: str, b: str, bound: int) -> int:
    """Edits (insert, delete, replace, swap two neighbours) from a to b; anything over ``bound`` is
    answered as ``bound + 1`` as soon as it is certain."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > bound:
            return bound + 1
        before, previous = previous, current
    return previous[-1]


def _allowed_mistakes(word: str) -> int:
    return 0 if len(word) <= 3 else 1 if len(word) <= 5 else 2


def _word_score(typed: str, word: str, *, last: bool) -> float:
    if typed == word:
        return 1.0
    if _script(typed[0]) != _script(word[0]):
        return 0.0
    if len(typed) >= 3 and word.startswith(typed):
        return 0.9 if last else 0.8
    bound = _allowed_mistakes(typed)
    if not bound:
        return 0.0
    mistakes = _distance(typed, word, bound)
    if mistakes <= bound:
        return 1 - mistakes / max(len(typed), len(word))
    if last and len(word) > len(typed):  # still typing, with a mistake: "Azizy" for "Aziziyah"
        mistakes = _distance(typed, word[: len(typed)], bound)
        if mistakes <= bound:
            return 0.75 * (1 - mistakes / len(typed))
    return 0.0


class _Scorer:
    """Scores names against one query. The same words recur across names and places ("masjid", "hospital",
    "مستشفى"), so each (query word, name word) pair is scored once."""

    def __init__(self, typed: str) -> None:
        self.typed = typed
        self.words = typed.split()
        self.scripts = {_script(word[0]) for word in self.words}
        self._seen: dict[tuple[int, str], float] = {}

    def word(self, position: int, name_word: str) -> float:
        key = (position, name_word)
        if key not in self._seen:
            last = position == len(self.words) - 1
            self._seen[key] = _word_score(self.words[position], name_word, last=last)
        return self._seen[key]

    def place(self, search_key: str) -> float:
        best = 0.0
        for name in search_key.split("\n"):
            if name == self.typed:
                return 1.0
            if name and _script(name[0]) in self.scripts:
                best = max(best, _score(self, name))
        return best


def _score(scorer: _Scorer, name: str) -> float:
    words = scorer.words
    name_words = name.split()
    matched: set[int] = set()
    total = 0.0
    for position, word in enumerate(words):
        best, best_at = 0.0, -1
        for at, name_word in enumerate(name_words):
            score = scorer.word(position, name_word)
            if score > best:
                best, best_at = score, at
        if best_at >= 0:
            matched.add(best_at)
        total += best * len(word)
    if not matched:
        return 0.0
    typed_share = total / sum(len(word) for word in words)
    covered = len(matched) / len(name_words)
    return 0.85 * typed_share + 0.15 * covered


def _runs(word: str) -> set[str]:
    return {word[i : i + 3] for i in range(len(word) - 2)} if len(word) >= 3 else {word}


def place_search(*, organization: Organization, query: str, limit: int = 8) -> list[PlaceMatch]:
    """The organization's places that best match ``query``, best first (see the module's description)."""
    typed = fold_name((query or "")[:MAX_QUERY_LENGTH])
    words = typed.split()
    if len(typed.replace(" ", "")) < 2:
        return []
    runs = set().union(*(_runs(word) for word in words))
    candidates = (
        Place.objects.filter(organization=organization, is_active=True)
        .filter(reduce(or_, (Q(search_key__contains=run) for run in sorted(runs))))
        .select_related("area")[:MAX_CANDIDATES]
    )
    scorer = _Scorer(typed)
    matches = []
    for place in candidates:
        score = scorer.place(place.search_key)
        if score >= MIN_SCORE:
            matches.append(PlaceMatch(place, round(score, 3)))
    matches.sort(key=lambda match: (-match.score, match.place.key))
    return matches[:limit]


def place_get(*, organization: Organization, key: str) -> Place | None:
    return (
        Place.objects.filter(organization=organization, key=key, is_active=True)
        .select_related("area")
        .first()
    )


def place_for_text(*, organization: Organization, text: str) -> Place | None:
    """The one place a typed address names, when the gazetteer is sure of it (see ``CONFIDENT``)."""
    matches = place_search(organization=organization, query=text, limit=2)
    if not matches or matches[0].score < CONFIDENT:
        return None
    if len(matches) > 1 and matches[1].score > matches[0].score - CLEARLY_AHEAD:
        return None
    return matches[0].place


def chosen_place(
    *, organization: Organization, key: str, lat: float | None, lon: float | None
) -> Place | None:
    """The place chosen among suggestions, while the pin is still where the choice put it (or there is no
    pin); a pin moved since is the person's own, more precise point, and no place is answered."""
    place = place_get(organization=organization, key=key) if key else None
    if place is None or lat is None or lon is None:
        return place
    moved = abs(place.lat - lat) >= 1e-5 or abs(place.lon - lon) >= 1e-5
    return None if moved else place
