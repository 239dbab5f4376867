"""The public advice pages: topics and questions in every language, right-to-left where it belongs, the
fallback note, search that folds Arabic spelling, and nothing unpublished or of another organization."""

from __future__ import annotations

import re

import pytest

from khidma.content import services
from tests.content.conftest import LANGUAGES

pytestmark = pytest.mark.django_db


def _page(client, path: str, language: str = "en", **params) -> tuple[int, str]:
    response = client.get(path, params, HTTP_ACCEPT_LANGUAGE=language)
    return response.status_code, response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_advice_page_speaks_every_language_and_direction(client, advice, language):
    status, page = _page(client, "/help/advice", language)
    assert status == 200
    direction = "rtl" if language in ("ar", "ur", "fa") else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in page
    # The FAQ is a <details> that works without JavaScript; the topics are listed.
    assert '<details class="faq" id="office-categories">' in page
    assert 'href="/help/advice/setbacks"' in page
    assert 'id="topic-residential-building"' in page and 'id="topic-engineering-offices"' in page
    # The portal's navigation links here and to the awareness posts.
    assert '<a href="/help/advice">' in page and '<a href="/awareness">' in page


def test_the_page_shows_the_readers_translation_and_marks_its_direction(client, advice):
    status, page = _page(client, "/help/advice/setbacks", "ur")
    assert status == 200
    assert '<h1 lang="ur" dir="rtl">رہائشی عمارت میں فاصلہ</h1>' in page
    assert "fallback-note" not in page
    status, page = _page(client, "/help/advice/setbacks", "en")
    assert '<h1 lang="en" dir="ltr">Setbacks for homes</h1>' in page
    # Limited markup became safe HTML.
    assert "<strong>setback</strong>" in page


def test_a_missing_translation_falls_back_to_arabic_with_a_note_in_the_readers_language(client, advice):
    status, page = _page(client, "/help/advice/setbacks", "fa")  # Persian: no translation; Arabic shown
    assert status == 200
    assert '<html lang="fa" dir="rtl">' in page
    assert '<h1 lang="ar" dir="rtl">الارتدادات في البناء السكني</h1>' in page
    note = re.search(r'<p class="fallback-note">(.*?)</p>', page).group(1)
    assert "عربی" in note  # the note names the language shown, in Persian
    assert "<ul><li>أمامي</li><li>جانبي</li></ul>" in page


def test_with_neither_the_language_nor_arabic_english_is_shown_with_a_note(client, makkah, staff):
    article = services.article_create(
        organization=makkah,
        by=staff["admin"],
        slug="english-only",
        translations={"en": {"title": "Investment opportunities", "body": "See the list."}},
    )
    services.article_publish(article=article, by=staff["admin"])
    status, page = _page(client, "/help/advice/english-only", "id")
    assert status == 200
    assert '<h1 lang="en" dir="ltr">Investment opportunities</h1>' in page
    assert 'class="fallback-note"' in page and "Inggris" in page  # "English", named in Indonesian


@pytest.mark.parametrize(
    "query",
    [
        "الإرتدادات",  # hamza under the alef
        "الارتدادات",  # bare alef
        "الأرتدادات",  # hamza over the alef (a common misspelling)
        "الارتدادات في البناء السكنى",  # alef maqsura for ya
        "البناء السَّكَنِي",  # with diacritics
    ],
)
def test_search_folds_arabic_spelling_variants(client, advice, query):
    status, page = _page(client, "/help/advice/search", "ar", q=query)
    assert status == 200
    assert 'href="/help/advice/setbacks"' in page
    assert "no-result" not in page


def test_search_finds_a_question_in_another_language_and_opens_its_answer(client, advice):
    status, page = _page(client, "/help/advice/search", "en", q="Engineering OFFICE categories")
    assert status == 200
    assert '<details class="faq" id="office-categories">' in page
    assert "Offices fall into four categories." in page


def test_a_search_without_a_match_says_so_in_the_readers_language(client, advice):
    status, page = _page(client, "/help/advice/search", "fr", q="piscine olympique")
    assert status == 404
    assert 'id="no-result"' in page and "Aucun résultat" in page


def test_an_empty_search_goes_back_to_the_topics(client, advice):
    response = client.get("/help/advice/search", {"q": "  "})
    assert response.status_code == 302 and response["Location"] == "/help/advice"


def test_unpublished_articles_are_invisible(client, advice, staff):
    assert _page(client, "/help/advice/draft-investment")[0] == 404
    assert "draft-investment" not in _page(client, "/help/advice")[1]
    status, page = _page(client, "/help/advice/search", "ar", q="استثمارية")
    assert status == 404 and "draft-investment" not in page
    # Withdrawn: gone from the page, the list and the search.
    services.article_unpublish(article=advice["setbacks"], by=staff["supervisor"])
    assert _page(client, "/help/advice/setbacks")[0] == 404
    assert "/help/advice/setbacks" not in _page(client, "/help/advice")[1]
    assert _page(client, "/help/advice/search", "ar", q="الارتدادات")[0] == 404


def test_another_organizations_content_is_invisible(client, advice, taif_advice):
    assert _page(client, "/help/advice/taif-roses")[0] == 404
    assert "taif-roses" not in _page(client, "/help/advice")[1]
    status, page = _page(client, "/help/advice/search", "en", q="Taif setbacks")
    assert status == 404 and "taif-roses" not in page
    # Makkah's own article with the same word is still found.
    status, page = _page(client, "/help/advice/search", "en", q="setbacks")
    assert 'href="/help/advice/setbacks"' in page and "taif-roses" not in page


def test_staff_markup_cannot_inject_html(client, makkah, staff):
    article = services.article_create(
        organization=makkah,
        by=staff["admin"],
        slug="tricky",
        translations={
            "en": {
                "title": "<b>Bold</b> title",
                "body": "<script>alert(1)</script>\n\n[click](javascript:alert(1)) [ok](https://balady.gov.sa)",
            }
        },
    )
    services.article_publish(article=article, by=staff["admin"])
    page = _page(client, "/help/advice/tricky")[1]
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Bold&lt;/b&gt; title" in page
    assert 'href="javascript:' not in page
    assert '<a href="https://balady.gov.sa">ok</a>' in page
