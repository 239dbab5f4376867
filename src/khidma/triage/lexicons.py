"""The triage lexicon and rules, read from the data files beside the code (``triage/data/lexicon.toml`` and
``triage/data/rules.toml``): words are data that linguists and reviewers edit, not Python literals.

This module parses both files once per process: term blocks into term lists, and each rule's condition into
a predicate over the concepts found in a text.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).with_name("data")

_TAG = re.compile(r"^\s*[A-Za-z-]+:")


def terms(block: str) -> list[str]:
    """The terms of a block: separated by "|", each line's leading language tag ignored."""
    found: list[str] = []
    for line in block.strip().splitlines():
        line = _TAG.sub("", line)
        found.extend(term.strip() for term in line.split("|") if term.strip())
    return found


@functools.cache
def _lexicon() -> dict:
    with (DATA / "lexicon.toml").open("rb") as handle:
        return tomllib.load(handle)


def concepts() -> dict[str, list[str]]:
    """Concept → its terms: the classifier's features and the rules' inputs."""
    return {concept: terms(block) for concept, block in _lexicon()["concepts"].items()}


def dangers() -> dict[str, list[str]]:
    """Danger → its terms: what makes a report urgent."""
    return {danger: terms(block) for danger, block in _lexicon()["dangers"].items()}


def negators(section: str) -> tuple[str, str]:
    """The words that cancel a term when they stand before it and after it, as whitespace-separated text
    (the caller normalizes them like a text): ``section`` is "concept_negation" or "danger_negation"."""
    words = _lexicon()[section]
    return words["before"], words["after"]


def negatable_concepts() -> frozenset[str]:
    return frozenset(_lexicon()["concept_negation"]["negatable"])


def language_markers() -> dict[str, str]:
    """Language → its marker words, as whitespace-separated text."""
    return dict(_lexicon()["language_markers"])


# --- Rules ---------------------------------------------------------------------------------------------

# A predicate over (every concept found, the concepts found and not negated).
Condition = Callable[[Collection[str], Collection[str]], bool]


@dataclass(frozen=True, slots=True)
class RuleSpec:
    name: str
    category: str
    when: str
    holds: Condition


_TOKEN = re.compile(r"\s*(?:([a-z_]+)(\+?)|([!&|()]))")


class _Parser:
    """Recursive descent over: or := and ("|" and)* ; and := not ("&" not)* ; not := "!" not | atom ;
    atom := concept ["+"] | "(" or ")"."""

    def __init__(self, text: str, known: Collection[str]) -> None:
        self.tokens: list[tuple[str, str]] = []
        position, text = 0, text.strip()
        while position < len(text):
            match = _TOKEN.match(text, position)
            if match is None or match.end() == position:
                raise ValueError(f"cannot read the condition {text!r} at {text[position:]!r}")
            name, affirmed, symbol = match.groups()
            if name:
                if name not in known:
                    raise ValueError(f"unknown concept {name!r} in {text!r}")
                self.tokens.append(("affirmed" if affirmed else "found", name))
            else:
                self.tokens.append(("symbol", symbol))
            position = match.end()
            while position < len(text) and text[position].isspace():
                position += 1
        self.index = 0

    def parse(self) -> Condition:
        condition = self._or()
        if self.index != len(self.tokens):
            raise ValueError(f"unexpected {self.tokens[self.index][1]!r}")
        return condition

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def _take(self, symbol: str) -> bool:
        if self._peek() == ("symbol", symbol):
            self.index += 1
            return True
        return False

    def _or(self) -> Condition:
        parts = [self._and()]
        while self._take("|"):
            parts.append(self._and())
        if len(parts) == 1:
            return parts[0]
        return lambda found, affirmed: any(part(found, affirmed) for part in parts)

    def _and(self) -> Condition:
        parts = [self._not()]
        while self._take("&"):
            parts.append(self._not())
        if len(parts) == 1:
            return parts[0]
        return lambda found, affirmed: all(part(found, affirmed) for part in parts)

    def _not(self) -> Condition:
        if self._take("!"):
            inner = self._not()
            return lambda found, affirmed: not inner(found, affirmed)
        return self._atom()

    def _atom(self) -> Condition:
        token = self._peek()
        if token is None:
            raise ValueError("the condition ends too early")
        self.index += 1
        kind, value = token
        if kind == "found":
            return lambda found, affirmed: value in found
        if kind == "affirmed":
            return lambda found, affirmed: value in affirmed
        if value == "(":
            inner = self._or()
            if not self._take(")"):
                raise ValueError("a parenthesis is not closed")
            return inner
        raise ValueError(f"unexpected {value!r}")


def compile_condition(text: str, known: Collection[str]) -> Condition:
    return _Parser(text, known).parse()


@functools.cache
def rules() -> tuple[RuleSpec, ...]:
    """The rules in file order (the first that holds wins), their conditions checked against the lexicon's
    concepts when the file is read, so a misspelt concept fails at start-up, not silently."""
    with (DATA / "rules.toml").open("rb") as handle:
        entries = tomllib.load(handle)["rule"]
    known = set(_lexicon()["concepts"])
    return tuple(
        RuleSpec(entry["name"], entry["category"], entry["when"], compile_condition(entry["when"], known))
        for entry in entries
    )
