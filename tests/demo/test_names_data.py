"""The demo's organizations, departments, areas, service points and categories are named in ten languages."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from khidma.core.languages import LANGUAGE_CODES
from khidma.demo import data, programs, units
from khidma.organizations.models import Area, Category, Department, Organization, ServicePoint
from khidma.programs.models import RequestType, UnitStop
from tests.demo.writing import misspelt_letters

OTHER_LANGUAGES = set(LANGUAGE_CODES) - {"ar", "en"}


@pytest.fixture(scope="module")
def translations() -> dict:
    return json.loads((data.DATA_DIR / "names.json").read_text(encoding="utf-8"))


def _demo_codes() -> dict[str, dict[str, tuple[str, str]]]:
    """Every named object the demo creates, per section of names.json: code -> (Arabic, English)."""
    departments = {f"makkah/{code}": (ar, en) for code, _level, _parent, ar, en in data.MAKKAH_DEPARTMENTS}
    for spec in data.ASSOCIATIONS:
        departments |= {f"{spec['slug']}/{code}": (ar, en) for code, _l, _p, ar, en in spec["departments"]}
    service_points = {code: (ar, en) for code, _kind, _area, ar, en, *_rest in data.MAKKAH_SERVICE_POINTS}
    service_points |= {f"centre_{code}": (ar, en) for code, ar, en, _lat, _lon in data.MAKKAH_AREAS}
    service_points[units.EXTENDED["code"]] = (units.EXTENDED["ar"], units.EXTENDED["en"])
    service_points |= {f"{spec['slug']}_office": spec["office"][:2] for spec in data.ASSOCIATIONS}
    return {
        "organizations": {
            spec["slug"]: (spec["names"]["ar"], spec["names"]["en"])
            for spec in [data.MAKKAH, *data.ASSOCIATIONS]
        },
        "departments": departments,
        "areas": {code: (ar, en) for code, ar, en, _lat, _lon in data.MAKKAH_AREAS},
        "service_points": service_points,
        "unit_stops": {place: (ar, en) for place, _unit, ar, en, *_rest in units.PARK_STOPS},
        "categories": {code: (ar, en) for code, _dept, ar, en in data.MAKKAH_CATEGORIES}
        | {code: (ar, en) for code, _kind, _dept, ar, en in data.ASSOCIATION_CATEGORIES},
        "request_types": {
            code: (ar, en)
            for plan in programs.ASSOCIATION_PROGRAMS.values()
            for code, ar, en, _documents in plan["types"]
        },
    }


def _entries(translations: dict, section: str) -> dict[str, dict[str, str]]:
    if section == "departments":  # keyed by organization, then code
        return {
            f"{org}/{code}": names
            for org, rows in translations[section].items()
            for code, names in rows.items()
        }
    return translations[section]


@pytest.mark.parametrize("section", list(_demo_codes()))
def test_names_json_covers_every_demo_code_in_all_ten_languages(translations, section):
    codes = _demo_codes()[section]
    entries = _entries(translations, section)
    assert set(entries) == set(codes)  # nothing missing, nothing left over from a renamed code
    for code, (ar, en) in codes.items():
        names = {"ar": ar, "en": en, **entries[code]}
        assert set(names) == set(LANGUAGE_CODES), code
        assert set(entries[code]) >= OTHER_LANGUAGES, code
        for language, name in names.items():
            assert name and name.strip() == name, (code, language)
            assert not misspelt_letters(name, language), (code, language, name)


def test_category_names_are_read_from_the_data_file_not_a_python_literal():
    assert not hasattr(data, "CATEGORY_NAMES")
    assert data.names("categories", "cleanliness", ar="النظافة", en="Cleanliness")["ur"] == "صفائی"


@pytest.mark.django_db
def test_the_seeded_demo_names_everything_in_every_language(translations):
    call_command("seed_demo", "--cases", "0")
    cleanliness = Department.objects.get(organization__slug="makkah", code="cleanliness_dept")
    assert cleanliness.name_in("id") == "Dinas Kebersihan"
    assert cleanliness.name_in("ar") == "إدارة النظافة"
    # The associations reuse department codes; each keeps its own names.
    committees = {d.organization.slug: d.name_in("fr") for d in Department.objects.filter(code="committee")}
    assert committees == {"ahya": "Comité d'examen", "iskan": "Comité"}
    named = [
        *Organization.objects.all(),
        *Department.objects.all(),
        *Area.objects.all(),
        *ServicePoint.objects.all(),
        *Category.objects.all(),
        *RequestType.objects.all(),
    ]
    for thing in named:
        assert set(thing.names) == set(LANGUAGE_CODES), thing
    assert ServicePoint.objects.get(code="centre_ajyad").name_in("bn") == "আজিয়াদ উপ-পৌরসভা গ্রাহকসেবা কেন্দ্র"
    stops = UnitStop.objects.all()
    assert stops.count() == len(units.PARK_STOPS)
    assert all(set(stop.place_names) == set(LANGUAGE_CODES) for stop in stops)


def test_a_sub_municipality_is_named_as_the_gazetteer_names_its_neighbourhood(translations):
    places = json.loads(data.PLACES_FILE.read_text(encoding="utf-8"))
    gazetteer = {f["properties"]["key"]: f["properties"]["names"] for f in places["features"]}
    compared = 0
    for code, ar, en, _lat, _lon in data.MAKKAH_AREAS:
        if code in gazetteer:
            assert gazetteer[code] == data.names("areas", code, ar=ar, en=en), code
            compared += 1
    assert compared >= 8
