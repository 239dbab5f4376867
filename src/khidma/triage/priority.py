"""Urgency hints: danger words in every supported language.

``assess(text)`` looks for a small curated lexicon of dangers (fire, collapse, electric shock and live wires,
water flooding into homes, blocked emergency access, gas leaks, people or children trapped) in the normalized
text, including Roman Urdu/Hinglish/Banglish spellings, and answers urgent when one is found that is not
negated ("no fire", "آگ نہیں"). Words match whole ("fire" does not match "fired"), and terms that are easily
innocent are written as phrases ("au feu", not "feu": "feu rouge" is a traffic light).
"""

from __future__ import annotations

from dataclasses import dataclass

from khidma.triage import lexicons
from khidma.triage.language import Lexicon, tokens

__all__ = ["PriorityHint", "assess"]

# The dangers and their negators live in triage/data/lexicon.toml ([dangers], [danger_negation]).
LEXICON = Lexicon(lexicons.dangers())
_BEFORE, _AFTER = (frozenset(tokens(words)) for words in lexicons.negators("danger_negation"))


@dataclass(frozen=True, slots=True)
class PriorityHint:
    urgent: bool
    matched: list[str]  # the danger words found (normalized, as in the text), in text order, without repeats


def assess(text: str) -> PriorityHint:
    """Urgent when the text names a danger (and does not deny it)."""
    words = tokens(text)
    matched: list[str] = []
    covered: set[int] = set()
    # longest first, so "aag lag gayi" wins over "aag"
    for match in sorted(LEXICON.find(words), key=lambda match: (match.start, match.start - match.end)):
        if covered.intersection(range(match.start, match.end)):
            continue
        before = words[max(0, match.start - 2) : match.start]
        after = words[match.end : match.end + 2]
        if any(word in _BEFORE for word in before) or any(word in _AFTER for word in after):
            continue
        covered.update(range(match.start, match.end))
        found = " ".join(words[match.start : match.end])
        if found not in matched:
            matched.append(found)
    return PriorityHint(bool(matched), matched)
