"""The shipped labelled corpus of citizen reports and its fixed held-out split.

Each line of ``data/corpus_*.jsonl`` is ``{"text", "language", "category"}``. The held-out ("test") part is
chosen per file and per (language, category) group: the group's texts are ordered by the SHA-256 of the text
and the first fifth (rounded half up: 3 of 14, none of 2) is held out. The split therefore never changes
while the files do not change; adding a file (``corpus_c.jsonl``, …) never moves a text of another file
between the parts. Training code (``classifier.get_model()``, the language model) uses ``load("train")`` only.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

__all__ = ["CATEGORIES", "LANGUAGES", "TEST_FRACTION", "Example", "load"]

LANGUAGES: tuple[str, ...] = ("ar", "en", "ur", "id", "hi", "ms", "fa", "bn", "tr", "fr")
CATEGORIES: tuple[str, ...] = (
    "animals_insects",
    "cleanliness",
    "lighting_signs",
    "markets_shops",
    "roads_sidewalks",
    "buildings_encroachments",
    "floods",
    "parks_facilities",
    "visual_distortion",
    "abandoned_vehicles",
    "burial",
    "partner_entities",
    "other",
)
TEST_FRACTION = 0.2

Split = Literal["train", "test", "all"]


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    language: str
    category: str
    source: str  # the file name, e.g. "corpus_a.jsonl"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def _split() -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    data = resources.files("khidma.triage") / "data"
    files = sorted(
        (
            entry
            for entry in data.iterdir()
            if entry.name.startswith("corpus_") and entry.name.endswith(".jsonl")
        ),
        key=lambda entry: entry.name,
    )
    train: list[Example] = []
    test: list[Example] = []
    seen: set[str] = set()
    for entry in files:
        groups: dict[tuple[str, str], list[Example]] = defaultdict(list)
        for number, line in enumerate(entry.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            example = Example(row["text"].strip(), row["language"], row["category"], entry.name)
            if example.language not in LANGUAGES or example.category not in CATEGORIES:
                raise ValueError(f"{entry.name}:{number}: unknown language or category")
            if example.text in seen:  # a duplicate would leak between the parts
                continue
            seen.add(example.text)
            groups[(example.language, example.category)].append(example)
        for key in sorted(groups):
            members = sorted(groups[key], key=lambda example: _digest(example.text))
            held = int(len(members) * TEST_FRACTION + 0.5)
            test.extend(members[:held])
            train.extend(members[held:])
    return tuple(train), tuple(test)


def load(split: Split = "all") -> list[Example]:
    """The examples of ``split``: "train", "test" (held out, never trained on) or "all"."""
    train, test = _split()
    if split == "train":
        return list(train)
    if split == "test":
        return list(test)
    if split == "all":
        return [*train, *test]
    raise ValueError(f"unknown split {split!r}")
