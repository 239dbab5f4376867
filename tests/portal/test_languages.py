"""The portal speaks the browser's language: all ten, right-to-left for Arabic, Urdu and Persian."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

LANGUAGES = ["ar", "en", "ur", "id", "hi", "ms", "fa", "bn", "tr", "fr"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_takes_the_language_from_accept_language(client, makkah, language):
    for path in ("/", "/report"):
        page = client.get(path, HTTP_ACCEPT_LANGUAGE=f"{language},en;q=0.5").content.decode()
        direction = "rtl" if language in ("ar", "ur", "fa") else "ltr"
        assert f'<html lang="{language}" dir="{direction}">' in page
        # The switcher is there, with this language chosen.
        assert f'<option value="{language}" lang="{language}" selected>' in page


def test_a_regional_variant_picks_its_language(client, makkah):
    page = client.get("/report", HTTP_ACCEPT_LANGUAGE="ur-PK,ur;q=0.9").content.decode()
    assert '<html lang="ur" dir="rtl">' in page


def test_the_switcher_overrides_the_browser(client, makkah):
    client.post("/i18n/setlang/", {"language": "fa", "next": "/report"})
    page = client.get("/report", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="fa" dir="rtl">' in page


def test_fonts_come_from_the_app_and_cover_every_script(client, makkah):
    from django.contrib.staticfiles import finders

    with open(finders.find("vendor/fonts/fonts.css"), encoding="utf-8") as file:
        css = file.read()
    for family in (
        "Noto Sans",
        "Noto Sans Arabic",
        "Noto Naskh Arabic",
        "Noto Sans Devanagari",
        "Noto Sans Bengali",
    ):
        assert f'font-family:"{family}"' in css
    assert "http" not in css  # nothing from elsewhere
    page = client.get("/report").content.decode()
    assert "/static/vendor/fonts/fonts.css" in page and "/static/vendor/leaflet/leaflet.js" in page
    assert "http://" not in page.replace("http://testserver", "") and "https://" not in page
