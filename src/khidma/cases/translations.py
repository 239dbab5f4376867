"""Reporters' words machine-translated for staff: the report and what reporters said afterwards (why it is
not fixed, a rating's comment), and notes colleagues wrote in another language, each shown beside the
original in the reader's language.

Nothing here waits for the translation server: what is not in the cache yet is asked for in the background
(a task enqueued on commit) and shows on the next view; until then, and whenever the server is down, staff
read the original. Intake is untouched: a report is translated when someone first needs it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings

from khidma.cases.models import Case, CaseEvent, EventKind
from khidma.translation.selectors import translations_cached
from khidma.translation.services import translation_enabled, translations_request

# Events whose note holds the reporter's own words.
REPORTER_WORDS = frozenset({EventKind.CLOSURE_REJECTED, EventKind.RATED})


@dataclass(frozen=True)
class StaffTranslation:
    source: str  # the original's language
    text: str = ""  # the machine translation, when it exists
    pending: bool = False  # asked for, not there yet

    @property
    def source_name(self) -> str:
        return str(dict(settings.LANGUAGES).get(self.source, self.source))


def _source(case: Case, event: CaseEvent) -> str | None:
    if event.actor_id is None and event.kind in REPORTER_WORDS:
        return case.language
    if "language" in event.data and "reply" not in event.data:
        return event.data["language"]  # a colleague's free text; a prepared reply is in every language
    return None


@dataclass(frozen=True)
class CaseTranslations:
    description: StaffTranslation | None = None
    events: dict[int, StaffTranslation] = field(default_factory=dict)


def case_translations_for_staff(
    case: Case, events: Iterable[CaseEvent], *, language: str
) -> CaseTranslations:
    """The report's and the events' words not written in ``language``, translated as far as the cache
    has them (the rest is asked for); nothing without a translation backend."""
    if not translation_enabled():
        return CaseTranslations()
    wanted: dict[int | str, tuple[str, str]] = {}
    if case.description and case.language != language:
        wanted["description"] = (case.description, case.language)
    for event in events:
        source = _source(case, event)
        if event.note and source and source != language:
            wanted[event.pk] = (event.note, source)
    if not wanted:
        return CaseTranslations()
    cached = translations_cached(wanted.values(), target=language)
    translations_request([item for item in wanted.values() if item not in cached], target=language)
    found = {
        key: StaffTranslation(source=item[1], text=cached.get(item, ""), pending=item not in cached)
        for key, item in wanted.items()
    }
    description = found.pop("description", None)
    return CaseTranslations(description=description, events=found)
