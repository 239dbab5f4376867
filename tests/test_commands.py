"""The `khidma` console script: our commands, spelled with hyphens, as an operator types them."""

import itertools
import json
import os
import subprocess
import sys
from collections import Counter

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from khidma.accounts.models import ApiToken, Role, User
from khidma.accounts.services import api_token_authenticate
from khidma.cases.models import Case, Status
from khidma.organizations.models import Area, Category, Organization, Place, ServicePoint

pytestmark = pytest.mark.django_db


def run(*args: str) -> None:
    """Run a command in-process (the test database is only visible inside this process's transaction)."""
    call_command(args[0].replace("-", "_"), *args[1:])


def _database_url() -> str:
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_the_console_script_takes_hyphenated_commands(makkah, tmp_path):
    env = {**os.environ, "DATABASE_URL": _database_url(), "KHIDMA_DATA_DIR": str(tmp_path)}
    args = [
        "create-user",
        "--org",
        "makkah",
        "--role",
        "field_staff",
        "--username",
        "omar",
        "--password",
        "a-long-pass-phrase",
    ]
    done = subprocess.run(
        [sys.executable, "-m", "khidma", *args], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "created omar" in done.stdout
    assert User.objects.get(username="omar").role == "field_staff"


def test_create_user_and_token(makkah, capsys):
    run(
        "create-user",
        "--org",
        "makkah",
        "--role",
        "agent_940",
        "--username",
        "amal",
        "--password",
        "a-long-pass-phrase",
    )
    user = User.objects.get(username="amal")
    assert (user.organization, user.role) == (makkah, Role.AGENT_940)
    assert user.check_password("a-long-pass-phrase")
    capsys.readouterr()
    run("create-token", "--username", "amal")
    secret = capsys.readouterr().out.strip()
    assert secret.startswith("kh_")
    assert api_token_authenticate(secret=secret) == user
    assert ApiToken.objects.get(user=user).key_hash != secret  # only a hash is kept


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--org", "atlantis", "--role", "agent_940"], "no active organization"),
        (["--org", "makkah", "--role", "agent_940", "--department", "nowhere"], "no department"),
    ],
)
def test_create_user_explains_what_is_wrong(makkah, args, message, capsys):
    with pytest.raises(CommandError, match=message):
        run("create-user", *args, "--username", "x", "--password", "a-long-pass-phrase")
    assert not User.objects.filter(username="x").exists()


def test_create_user_refuses_a_weak_password(makkah, capsys):
    with pytest.raises(CommandError):
        run("create-user", "--org", "makkah", "--role", "agent_940", "--username", "x", "--password", "123")
    assert not User.objects.filter(username="x").exists()


def test_import_areas_replaces_boundaries_from_geojson(makkah, tmp_path):
    feature = {
        "type": "Feature",
        "properties": {"code": "ajyad", "name_ar": "أجياد", "name_en": "Ajyad"},
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[39.82, 21.41], [39.84, 21.41], [39.84, 21.43], [39.82, 21.41]]],
        },
    }
    path = tmp_path / "areas.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    run("import-areas", str(path), "--org", "makkah")
    area = Area.objects.get(organization=makkah, code="ajyad")
    assert area.names == {"ar": "أجياد", "en": "Ajyad"}
    assert (area.min_lon, area.max_lat) == (39.82, 21.43)


def test_import_areas_imports_nothing_when_one_feature_is_bad(makkah, tmp_path, capsys):
    good = {
        "type": "Feature",
        "properties": {"code": "a", "name_en": "A"},
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[39.8, 21.4], [39.9, 21.4], [39.9, 21.5], [39.8, 21.4]]],
        },
    }
    bad = {
        "type": "Feature",
        "properties": {"code": "b", "name_en": "B"},
        "geometry": {"type": "Point", "coordinates": [1, 2]},
    }
    path = tmp_path / "areas.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [good, bad]}), encoding="utf-8")
    with pytest.raises(CommandError, match="feature 2"):
        run("import-areas", str(path), "--org", "makkah")
    assert not Area.objects.filter(code__in=["a", "b"]).exists()


def test_seed_demo_loads_every_role_and_a_lived_in_case_load(capsys):
    run("seed-demo", "--cases", "120")
    makkah = Organization.objects.get(slug="makkah")
    # The gazetteer, each place in its sub-municipality.
    haram = Place.objects.get(organization=makkah, key="masjid_al_haram")
    assert haram.area is not None and len(haram.names) == 10
    assert set(Category.objects.filter(organization=makkah).values_list("code", flat=True)) >= {
        "animals_insects",
        "cleanliness",
        "lighting_signs",
        "markets_shops",
        "roads_sidewalks",
        "buildings_encroachments",
        "floods",
        "parks_facilities",
        "visual_distortion",
        "abandoned_vehicles",
        "burial",
        "partner_entities",
        "other",
    }
    # Pilgrims read the categories in their own language: every public language has a name.
    for category in Category.objects.filter(organization=makkah):
        assert set(category.names) == {"ar", "en", "ur", "id", "hi", "ms", "fa", "bn", "tr", "fr"}, (
            category.code
        )
    assert Area.objects.filter(organization=makkah).count() == 10
    kinds = Counter(ServicePoint.objects.filter(organization=makkah).values_list("kind", flat=True))
    assert kinds == {
        "headquarters": 1,
        "sub_municipality": 11,  # ten sub-municipalities and the extended-hours (Mustamirun) centre
        "mall_counter": 2,
        "mobile_car": 2,
        "mosque_counter": 3,
        "call_centre": 1,
    }
    assert set(User.objects.exclude(role="").values_list("role", flat=True)) == set(Role.values)
    assert Organization.objects.filter(type="association").count() == 2
    statuses = Counter(Case.objects.filter(organization=makkah).values_list("status", flat=True))
    assert statuses[Status.NEW] and statuses[Status.CLOSED] and statuses[Status.IN_PROGRESS]
    assert statuses[Status.REFERRED] and statuses[Status.ON_HOLD]
    assert len(set(Case.objects.values_list("language", flat=True))) >= 5
    # Every case's history is consistent with when it was received.
    for case in Case.objects.all()[:50]:
        events = list(case.events.all())
        assert events[0].kind == "created" and events[0].created_at == case.received_at
        assert all(a.created_at <= b.created_at for a, b in itertools.pairwise(events))
    # Some reporters sent a photo; a case resolved since has the officer's after-photo, shown publicly.
    from khidma.cases.models import Attachment

    assert Attachment.objects.filter(is_public=False, uploaded_by__isnull=True).exists()
    afters = Attachment.objects.filter(is_public=True)
    assert afters.exists() and all(a.case.resolved_at is not None for a in afters)
    # One example of each program, for the demo.
    from khidma.programs.models import (
        Application,
        ApplicationDocument,
        ApplicationStatus,
        Authorization,
        Visit,
    )

    assert Visit.objects.filter(organization=makkah, team__isnull=False).count() == 1
    assert Authorization.objects.filter(organization=makkah).count() == 1
    applications = set(Application.objects.values_list("status", flat=True))
    assert {"researched", "incomplete"} <= applications  # a complete file researched, one missing documents
    for slug in ("ahya", "iskan"):  # both associations have files in every state, and some as files
        states = set(Application.objects.filter(organization__slug=slug).values_list("status", flat=True))
        assert states == set(ApplicationStatus.values), slug
    assert ApplicationDocument.objects.filter(organization__slug="ahya").exists()
    # Two Hajj seasons of synthetic history, counted for the dashboard (docs/demo-data.md).
    from khidma.reports.models import CaseFact, Season

    hajj = Season.objects.get(organization=makkah, code="hajj-1447")
    season = CaseFact.objects.filter(organization=makkah, received_on__range=(hajj.starts_on, hajj.ends_on))
    assert season.count() == 10_240
    assert 0.78 <= season.filter(is_closed=True).count() / season.count() <= 0.84
    assert set(season.values_list("language", flat=True)) == {
        "ar",
        "en",
        "ur",
        "id",
        "hi",
        "ms",
        "fa",
        "bn",
        "tr",
        "fr",
    }
    assert {"phone_940", "whatsapp", "open311", "web", "counter"} <= set(
        season.values_list("channel", flat=True)
    )
    assert Season.objects.filter(organization=makkah, code="hajj-1446").exists()
    # Last seasons' backlog waits in the departments' queues: what a field officer finds "assigned to me" is
    # today's work, not a year-old report.
    field_clean = User.objects.get(username="field_clean")
    mine = Case.objects.filter(assignee=field_clean).exclude(status__in=("closed", "rejected", "duplicate"))
    assert mine.exists() and not mine.filter(received_at__date__lte=hajj.ends_on).exists()
    assert "agent940" in capsys.readouterr().out


def test_seed_demo_does_not_touch_a_database_with_data(makkah, capsys):
    with pytest.raises(SystemExit):
        run("seed-demo")
    assert Case.objects.count() == 0
    run("seed-demo", "--if-empty")
    assert "already" in capsys.readouterr().out


def test_import_places_loads_a_gazetteer_and_updates_it_by_key(makkah, tmp_path, capsys):
    from tests.conftest import GAZETTEER

    run("import-places", str(GAZETTEER), "--org", "makkah")
    assert "6 places into makkah (6 new, 0 updated)" in capsys.readouterr().out
    mina = Place.objects.get(organization=makkah, key="mina")
    assert mina.names["ur"] == "منیٰ" and mina.area.code == "east"  # the area from the point
    assert "mina" in mina.search_key.split("\n") and "مني" in mina.search_key.split("\n")
    gate = Place.objects.get(organization=makkah, key="king_abdulaziz_gate")
    assert gate.area.code == "west" and gate.aliases == ["Gate 1", "باب 1"]
    data = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    data["features"] = data["features"][:1]
    data["features"][0]["properties"]["names"]["en"] = "The Holy Mosque"
    path = tmp_path / "places.geojson"
    path.write_text(json.dumps(data), encoding="utf-8")
    run("import-places", str(path))  # the default organization
    assert "(0 new, 1 updated)" in capsys.readouterr().out
    assert Place.objects.get(key="masjid_al_haram").names["en"] == "The Holy Mosque"
    assert Place.objects.filter(organization=makkah).count() == 6  # the others are left as they are


def test_import_places_imports_nothing_and_names_every_problem(makkah, tmp_path):
    def feature(key, lon, lat, **properties):
        return {
            "type": "Feature",
            "properties": {"key": key, "kind": "landmark", "names": {"en": key}, **properties},
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
        }

    features = [
        feature("good", 39.8, 21.4),
        feature("Bad Key", 39.8, 21.4),
        feature("riyadh", 46.7, 24.7),  # outside the organization
        feature("nowhere", 39.8, 21.4, area="atlantis"),
        feature("good", 39.81, 21.41),  # the same key twice
        {**feature("unnamed", 39.8, 21.4), "properties": {"key": "unnamed", "kind": "landmark", "names": {}}},
    ]
    path = tmp_path / "places.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        run("import-places", str(path), "--org", "makkah")
    message = str(refused.value)
    for expected in (
        "feature 2 (Bad Key): 'key'",
        "feature 3 (riyadh)",
        "'atlantis'",
        "feature 5 (good)",
        "feature 6",
    ):
        assert expected in message, expected
    assert not Place.objects.exists()
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(CommandError, match="is not JSON"):
        run("import-places", str(path), "--org", "makkah")
