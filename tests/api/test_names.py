"""Names in the API follow the reader's language and its fallback order (docs/languages.md)."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def _names(api, language):
    response = api.get("/categories", headers={"Accept-Language": language})
    return {row["code"]: row["name"] for row in response.json()}


def test_categories_are_named_in_the_readers_language_or_what_they_read(api, makkah):
    assert _names(api, "ar")["cleanliness"] == "النظافة"
    for latin_or_indic in ("id", "ms", "tr", "fr", "hi", "bn"):
        assert _names(api, latin_or_indic)["cleanliness"] == "Cleanliness", latin_or_indic
    for arabic_script in ("ur", "fa"):
        assert _names(api, arabic_script)["cleanliness"] == "النظافة", arabic_script
