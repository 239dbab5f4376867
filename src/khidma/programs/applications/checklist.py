"""The checklist of an application: the documents a request type asks for, named in the ten languages, and
ticking an item by typing its name in any of them — "إثبات الدخل", "اثبات الدخل", "proof of income" or
"income_proof" all tick ``income_proof``. Names are folded for the comparison (``core.text``), so hamza,
case, accents and spacing do not matter."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from khidma.core.languages import pick_name
from khidma.core.text import fold_for_search
from khidma.organizations.models import Organization
from khidma.programs.models import ChecklistItem

_DATA = Path(__file__).resolve().parent.parent / "data" / "checklist.json"


@cache
def builtin() -> dict[str, dict[str, str]]:
    """The common documents' names, per language (programs/data/checklist.json)."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return {code: names for code, names in data.items() if not code.startswith("_")}


def _folded_forms(code: str, names: dict[str, str]) -> set[str]:
    forms = {fold_for_search(code), fold_for_search(code.replace("_", " ").replace("-", " "))}
    forms.update(fold_for_search(name) for name in names.values() if name)
    return forms - {""}


@dataclass(frozen=True)
class Checklist:
    """The items an organization's request types may ask for: code → names per language."""

    names: dict[str, dict[str, str]]
    _index: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, str] = {}
        for code, names in self.names.items():
            for form in _folded_forms(code, names):
                index.setdefault(form, code)
        object.__setattr__(self, "_index", index)

    def knows(self, code: str) -> bool:
        return code in self.names

    def label(self, code: str, language: str | None = None) -> str:
        """The item's name in ``language`` (default: the active one); a document that is not an item keeps
        the words it was given in, and an item with no name at all reads as words, not as a code."""
        names = self.names.get(code)
        if names:
            return pick_name(names, language)
        return code.replace("_", " ") if code.isascii() else code

    def labels(self, codes: list[str], language: str | None = None) -> list[str]:
        return [self.label(code, language) for code in codes]

    def match(self, text: str) -> str | None:
        """The item ``text`` names (its code or its name in any language), or None."""
        return self._index.get(fold_for_search(text))

    def tick(self, typed: list[str]) -> list[str]:
        """Documents as handed in: each one that names an item becomes the item's code; the rest stay as
        typed. Order kept, repeats dropped."""
        result: list[str] = []
        for text in typed:
            value = self.match(text) or text
            if value not in result:
                result.append(value)
        return result


def checklist_for(organization: Organization | int) -> Checklist:
    """The built-in items, with the organization's own items added and its names taking precedence."""
    organization_id = organization if isinstance(organization, int) else organization.pk
    names = {code: dict(values) for code, values in builtin().items()}
    for item in ChecklistItem.objects.filter(organization_id=organization_id, is_active=True):
        names[item.code] = {**names.get(item.code, {}), **{k: v for k, v in item.names.items() if v}}
    return Checklist(names)
