"""The demo gazetteer of Makkah's places: a GeoJSON file of named points, in all ten public languages."""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest

from khidma.core.languages import LANGUAGE_CODES
from khidma.demo import data
from tests.demo.writing import misspelt_letters

KINDS = {
    "mosque",
    "gate",
    "landmark",
    "holy_site",
    "zone",
    "street",
    "bridge",
    "hospital",
    "bus_station",
    "train_station",
    "neighbourhood",
    "market",
    "camp_area",
}


@pytest.fixture(scope="module")
def collection() -> dict:
    return json.loads(data.PLACES_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def places(collection) -> list[dict]:
    return [feature["properties"] for feature in collection["features"]]


def _spellings(place: dict) -> set[str]:
    return {text.casefold() for text in [*place["names"].values(), *place["aliases"]]}


def test_the_file_is_a_feature_collection_of_points_inside_the_municipality(collection):
    assert collection["type"] == "FeatureCollection"
    assert "approximate" in collection["note"]  # says where the coordinates come from
    west, south, east, north = data.MAKKAH_BOUNDS
    assert 80 <= len(collection["features"]) <= 150
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert isinstance(lon, float) and isinstance(lat, float)
        assert west <= lon <= east and south <= lat <= north, feature["properties"]["key"]


def test_every_place_has_a_unique_key_a_known_kind_and_an_existing_area(places):
    keys = [place["key"] for place in places]
    assert len(keys) == len(set(keys))
    areas = {code for code, *_rest in data.MAKKAH_AREAS}
    for place in places:
        assert re.fullmatch(r"[a-z0-9_]+", place["key"])
        assert place["kind"] in KINDS, place["key"]
        assert place["area"] is None or place["area"] in areas, place["key"]
    # The main kinds a pilgrim asks for are all there.
    assert {"mosque", "gate", "holy_site", "hospital", "bus_station", "train_station", "bridge"} <= {
        place["kind"] for place in places
    }


def test_every_place_is_named_in_all_ten_languages_each_in_its_own_script(places):
    for place in places:
        assert set(place["names"]) == set(LANGUAGE_CODES), place["key"]
        for language, name in place["names"].items():
            assert name.strip() == name and name, (place["key"], language)
            assert not misspelt_letters(name, language), (place["key"], language, name)


def test_aliases_are_distinct_spellings_and_no_spelling_names_two_places(places):
    owners = defaultdict(set)
    for place in places:
        aliases = place["aliases"]
        assert all(isinstance(alias, str) and alias.strip() == alias and alias for alias in aliases)
        assert len(aliases) == len(set(aliases)), place["key"]
        assert not set(aliases) & set(place["names"].values()), place["key"]
        for spelling in _spellings(place):
            owners[spelling].add(place["key"])
    shared = {spelling: keys for spelling, keys in owners.items() if len(keys) > 1}
    assert not shared


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        # The place box's own examples that it could not find (issue 16).
        ("العزیزیہ", "al_aziziyah"),
        ("Mina", "mina"),
        ("Haram", "masjid_al_haram"),
        ("مسجد الحرام", "masjid_al_haram"),
        ("اجیاد", "ajyad"),
        ("আজিজিয়া", "al_aziziyah"),
        # How pilgrims write them, language by language.
        ("عزیزیہ", "al_aziziyah"),
        ("منیٰ", "mina"),
        ("عرفات", "arafat"),
        ("मिना", "mina"),
        ("अज़ीज़िया", "al_aziziyah"),
        ("মিনা", "mina"),
        ("মসজিদুল হারাম", "masjid_al_haram"),
        ("Masjidil Haram", "masjid_al_haram"),
        ("Arafah", "arafat"),
        ("Aziziyah", "al_aziziyah"),
        ("مسجدالحرام", "masjid_al_haram"),
        ("منا", "mina"),
        ("Mescid-i Haram", "masjid_al_haram"),
        ("Müzdelife", "muzdalifah"),
        ("Arafat", "arafat"),
        # Other usual spellings.
        ("Masjid al Haram", "masjid_al_haram"),
        ("Al Haram", "masjid_al_haram"),
        ("الحرم", "masjid_al_haram"),
        ("حرم", "masjid_al_haram"),
        ("Azizia", "al_aziziyah"),
        ("Aziziya", "al_aziziyah"),
        ("Ajyad", "ajyad"),
        ("Misfala", "al_misfalah"),
        ("Kudai", "kudai"),
        ("Kudy", "kudai"),
        ("Jamarat", "jamarat_bridge"),
        ("جمرات", "jamarat_bridge"),
        ("Namira", "namirah_mosque"),
        ("Gate 79", "haram_gate_king_fahd"),
        ("Pintu 1", "haram_gate_king_abdulaziz"),
        ("Clock Tower", "abraj_al_bait"),
        ("Jabal Rahmah", "jabal_al_rahmah"),
        ("Ghar Hira", "hira_cave"),
        ("Masjid Aisha (Al-Tan'eem Mosque)", "masjid_al_taneem"),
        ("Haramain station", "haramain_station_makkah"),
    ],
)
def test_common_spellings_match_their_place_exactly(places, typed, key):
    assert [place["key"] for place in places if typed.casefold() in _spellings(place)] == [key]
