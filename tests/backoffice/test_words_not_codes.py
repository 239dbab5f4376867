"""Every staff page, for every role, in Arabic and English, shows words and never the codes the system keeps:
no snake_case token and no known internal code (category, department, area, channel, event, status, vote,
request type, language, username) in the text a person reads. Tags are stripped and attributes ignored:
option values, data attributes and titles may carry codes, the visible text may not.

Some codes are also English words ("closed", "new", "west"); see ``codes_on_screen`` for how they are told
apart from the word.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.utils import translation

from khidma.accounts.models import User
from khidma.cases.models import Channel, EventKind, Priority, Status
from khidma.core.languages import LANGUAGE_CODES
from khidma.organizations.models import Area, Category, Department
from khidma.programs.audit import EVENT_LABELS as PROGRAM_EVENT_LABELS
from khidma.programs.models import ProgramEvent, Recommendation, RequestType

pytestmark = pytest.mark.django_db

PERSONAS = [
    "agent",
    "counter",
    "field_clean",
    "field_light",
    "head_clean",
    "followup",
    "supervisor",
    "women",
    "admin",
    "researcher",
    "committee",
]
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9_'.,()-]*(?:\s+[A-Za-z][A-Za-z0-9_'.,()-]*)*")


class _Text(HTMLParser):
    """The text a person sees: everything outside tags, except scripts and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "template"}:
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in {"script", "style", "template"} and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


US_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def known_codes(makkah) -> dict[str, str]:
    """Each internal code, with the word a page shows for it in English (empty when there is none)."""
    codes: dict[str, str] = {}
    with translation.override("en"):
        for choices in (Channel, EventKind, Status, Priority, Recommendation):
            codes.update({value: str(label) for value, label in choices.choices})
        for kind in ProgramEvent.objects.values_list("kind", flat=True):
            codes[kind] = str(PROGRAM_EVENT_LABELS.get(kind, ""))
    for model in (Category, Department, Area, RequestType):
        codes.update({row.code: row.names.get("en", "") for row in model.objects.filter(organization=makkah)})
    codes.update(dict.fromkeys(User.objects.values_list("username", flat=True), ""))
    codes.update(dict.fromkeys(LANGUAGE_CODES, ""))
    codes["system"] = ""
    return codes


def codes_on_screen(text: str, codes: dict[str, str], language: str) -> set[str]:
    """Snake_case tokens, and known codes. A code that is also a word of its own English label ("closed",
    "new", "west", the "started" of "Work started") counts only where it stands alone among Arabic words
    ("الحالة: closed"): in English it is the word, and on an Arabic page inside a run of English words it is
    a sentence not yet translated (the catalogues are refreshed after the merge), not a code."""
    found = set(SNAKE.findall(text))
    for run in LATIN_RUN.finditer(text):
        words = WORD.findall(run.group())
        for word in words:
            if word not in codes:
                continue
            if word in codes[word].lower().split() and (language == "en" or len(words) > 1):
                continue
            found.add(word)
    return found


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("persona", PERSONAS)
def test_staff_pages_show_words_not_codes(client, makkah, staff, shift, persona, language):
    client.force_login(staff[persona])
    client.cookies["django_language"] = language
    codes = known_codes(makkah)
    problems: dict[str, set[str]] = {}
    seen = 0
    for url in shift.urls:
        response = client.get(url, follow=True)
        if response.status_code == 404:
            continue  # a case this role does not see
        assert response.status_code in {200, 403}, (url, response.status_code)
        seen += 1
        text = visible_text(response.content.decode())
        found = codes_on_screen(text, codes, language)
        found |= set(US_DATE.findall(text))  # "12/06/2026": dates are written as the language writes them
        if found:
            problems[url] = found
    assert seen >= 10
    assert not problems, f"{persona} ({language}) sees codes: {problems}"


def test_the_sign_in_page_shows_words_not_codes(client, makkah, shift):
    for language in ("ar", "en"):
        client.cookies["django_language"] = language
        text = visible_text(client.get("/staff/login/").content.decode())
        assert not codes_on_screen(text, known_codes(makkah), language)


def test_the_check_itself_catches_codes(makkah, shift):
    """The detector finds what the issue saw on screen, so a page printing codes cannot pass."""
    codes = known_codes(makkah)
    assert codes_on_screen("اللغة: ar", codes, "ar") == {"ar"}
    assert codes_on_screen("roads_sidewalks 28", codes, "en") == {"roads_sidewalks"}
    assert codes_on_screen("فهد · sara", codes, "ar") == {"sara"}
    assert codes_on_screen("phone_940 114 51", codes, "ar") == {"phone_940"}
    assert codes_on_screen("Status: Closed, closed today", codes, "en") == set()
    assert codes_on_screen("الحالة: closed", codes, "ar") == {"closed"}
    assert codes_on_screen("Most urgent first", codes, "ar") == set()  # a sentence awaiting translation
    assert visible_text('<option value="cleanliness">النظافة</option><span title="sara">سارة</span>') == (
        "النظافة سارة"
    )
