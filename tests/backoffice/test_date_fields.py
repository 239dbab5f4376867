"""Date fields say their date in the page's language. The browser draws ``<input type="date">`` in its own
locale (an English browser shows "12/06/2026" on the Arabic page, which reads as 12 June here), so every
staff date field carries the date in words, Gregorian and Hijri, from the page's formatter."""

from __future__ import annotations

import re
from html import unescape

import pytest

pytestmark = pytest.mark.django_db


def _reading(html: str, name: str) -> str:
    """The words beside the date field ``name``."""
    found = re.search(
        rf'<input type="date" name="{name}"[^>]*>\s*<output class="date-reading"[^>]*>(.*?)</output>',
        html,
        re.S,
    )
    assert found, f"no date field {name} with its reading"
    return re.sub(r"<[^>]+>", "", unescape(found.group(1)))


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("ar", ["الأحد", "6 ديسمبر 2026", "26 جمادى الآخرة 1448هـ"]),
        ("en", ["Sunday", "December 6, 2026", "26 Jumada al-Akhirah 1448\u00a0AH"]),
        ("ur", ["اتوار", "6 دسمبر", "جمادی الثانی 1448"]),
    ],
)
def test_the_dashboards_dates_are_said_in_the_pages_language(client, staff, language, words):
    client.force_login(staff["supervisor"])
    client.cookies["django_language"] = language
    html = client.get("/staff/dashboard/", {"preset": "custom", "start": "2026-12-06", "end": "2027-01-05"})
    html = html.content.decode()
    said = _reading(html, "start")
    for word in words:
        assert word in said, (word, said)
    assert "12/06/2026" not in said and "2027" in _reading(html, "end")


def test_the_queues_received_dates_and_an_empty_field(client, staff):
    client.force_login(staff["supervisor"])
    client.cookies["django_language"] = "ar"
    html = client.get("/staff/queue/all/", {"received_from": "2026-12-06"}).content.decode()
    assert "ديسمبر 2026" in _reading(html, "received_from")
    assert _reading(html, "received_to") == ""  # nothing chosen: nothing said (and the line is hidden)


def test_a_hand_written_programs_page_says_its_dates(client, staff):
    client.force_login(staff["supervisor"])
    client.cookies["django_language"] = "ar"
    html = client.get(
        "/staff/programs/volume/", {"start": "2026-12-06", "end": "2026-12-07"}
    ).content.decode()
    assert "6 ديسمبر 2026" in _reading(html, "start") and "7 ديسمبر 2026" in _reading(html, "end")


def test_a_changed_date_is_said_again_by_the_server(client, staff):
    """What the field asks (htmx) when the date changes: the same words, in the reader's language."""
    client.force_login(staff["agent"])
    for language, expected in (("ar", "الخميس، 1 يناير 2026"), ("en", "Thursday, January 1, 2026")):
        client.cookies["django_language"] = language
        response = client.get("/staff/dates/reading", {"received_from": "2026-01-01"})
        assert response.status_code == 200 and expected in unescape(response.content.decode())
    assert client.get("/staff/dates/reading", {"start": "1/2/2026"}).content == b""  # not a date: nothing
    client.logout()
    assert client.get("/staff/dates/reading", {"start": "2026-01-01"}).status_code == 302


@pytest.mark.parametrize(("language", "name"), [("ur", "اردو"), ("id", "Bahasa Indonesia")])
def test_the_language_menu_names_the_language_the_page_is_in(client, staff, language, name):
    """Staff pages are in Arabic or English by choice, but a member who used the portal in Urdu arrives with
    Urdu pages: the menu must say Urdu, not Arabic."""
    client.force_login(staff["supervisor"])
    client.cookies["django_language"] = language
    html = client.get("/staff/", follow=True).content.decode()
    menu = re.search(r'<select name="language"[^>]*>(.*?)</select>', html, re.S).group(1)
    selected = re.findall(r'<option value="(\w+)" selected[^>]*>([^<]+)</option>', menu)
    assert selected == [(language, name)]
    client.cookies["django_language"] = "ar"
    menu = re.search(
        r'<select name="language"[^>]*>(.*?)</select>',
        client.get("/staff/", follow=True).content.decode(),
        re.S,
    )
    assert re.findall(r'<option value="(\w+)"', menu.group(1)) == ["ar", "en"]
