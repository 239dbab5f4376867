"""The LibreTranslate backend against a fake server the tests start: what it sends, the cache, and what
happens when the server is down, slow, unreadable or refuses a pair."""

from __future__ import annotations

import pytest

from khidma.translation import services
from khidma.translation.backends import (
    LibreTranslateBackend,
    NoBackend,
    TranslationRefused,
    TranslationUnavailable,
    backend,
)
from khidma.translation.models import Translation
from tests.i18n.conftest import ARABIC_NOTE, TRANSLATIONS

pytestmark = pytest.mark.django_db


def test_without_a_backend_nothing_is_translated(settings):
    settings.KHIDMA_TRANSLATION_BACKEND = "none"
    assert isinstance(backend(), NoBackend)
    assert not services.translation_enabled()
    assert not services.translation_possible("ar", "bn")
    assert services.translation_possible("bn", "bn")
    with pytest.raises(TranslationRefused):
        services.translate(text=ARABIC_NOTE, source="ar", target="bn")
    assert not services.translations_request([(ARABIC_NOTE, "ar")], target="bn")


def test_a_translation_is_asked_once_in_libretranslates_shape_and_kept(libretranslate):
    text = services.translate(text=ARABIC_NOTE, source="ar", target="bn")
    assert text == TRANSLATIONS[(ARABIC_NOTE, "bn")]
    assert libretranslate.translations() == [
        {
            "path": "/translate",
            "json": {
                "q": ARABIC_NOTE,
                "source": "ar",
                "target": "bn",
                "format": "text",
                "api_key": "test-key",
            },
        }
    ]
    assert services.translate(text=ARABIC_NOTE, source="ar", target="bn") == text
    assert len(libretranslate.translations()) == 1  # the second answer came from the cache
    row = Translation.objects.get()
    assert (row.source_language, row.target_language, row.source_text, row.backend) == (
        "ar",
        "bn",
        ARABIC_NOTE,
        "libretranslate",
    )


def test_the_same_language_and_empty_texts_never_reach_the_server(libretranslate):
    assert services.translate(text=" نص ", source="ar", target="ar") == "نص"
    assert services.translate(text="  ", source="ar", target="bn") == ""
    assert libretranslate.requests == []


@pytest.mark.parametrize("mode", ["down", "slow", "bad_json"])
def test_a_server_that_is_down_slow_or_unreadable_is_unavailable_and_nothing_is_cached(libretranslate, mode):
    libretranslate.mode = mode
    with pytest.raises(TranslationUnavailable):
        services.translate(text=ARABIC_NOTE, source="ar", target="bn")
    assert not Translation.objects.exists()


def test_an_unreachable_server_is_unavailable(settings, libretranslate):
    settings.KHIDMA_LIBRETRANSLATE_URL = "http://127.0.0.1:9"  # the discard port: nothing listens
    with pytest.raises(TranslationUnavailable):
        services.translate(text=ARABIC_NOTE, source="ar", target="bn")


def test_a_pair_the_server_refuses_is_refused(libretranslate):
    libretranslate.mode = "refuse"
    with pytest.raises(TranslationRefused):
        services.translate(text=ARABIC_NOTE, source="ar", target="bn")


def test_the_pairs_a_server_offers_come_from_its_language_list(libretranslate):
    engine = backend()
    assert isinstance(engine, LibreTranslateBackend)
    assert engine.supports("ar", "bn")  # not asked yet: taken as offered, never waiting for the server
    assert libretranslate.requests == []
    libretranslate.targets = ("ar", "en", "ur")
    services.translation_refresh_languages()
    assert libretranslate.requests[-1]["path"] == "/languages"
    assert engine.supports("ar", "ur") and not engine.supports("ar", "bn")
    assert not services.translation_possible("ar", "bn")


def test_the_cache_answers_a_whole_page_in_one_query(libretranslate, django_assert_num_queries):
    from khidma.translation.selectors import translations_cached

    services.translate(text=ARABIC_NOTE, source="ar", target="bn")
    services.translate(text="Lamp broken", source="en", target="bn")
    with django_assert_num_queries(1):
        found = translations_cached(
            [(ARABIC_NOTE, "ar"), ("Lamp broken", "en"), ("never asked", "en")], target="bn"
        )
    assert set(found) == {(ARABIC_NOTE, "ar"), ("Lamp broken", "en")}
