"""Shared fixtures: two organizations and a cast of staff (personas), and HTTP clients on a live server.

Personas: in Makkah, Sara the 940 agent (agent), Khalid at the headquarters counter (counter), Fahd of the
cleanliness department (field_clean), Majid of lighting (field_light), Abdullah who heads cleanliness
(head_clean), Noura of the follow-up unit (followup), Mohammed the supervisor (supervisor), Huda of the
women's section (women) and Reem the organization admin (admin). In Taif: taif_agent and taif_supervisor.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from django.conf import settings
from django_tasks.signals import task_enqueued

from khidma.accounts.models import User
from khidma.accounts.services import api_token_create, user_create
from khidma.deployment import REPLICA
from khidma.organizations.models import Category, Department, Organization, ServicePoint
from khidma.organizations.services import area_upsert, places_import_geojson
from khidma.runtime import tasks
from khidma.sla.models import Calendar, Holiday, SlaPolicy
from tests import redis_tasks

# The fake SMS gateway / WhatsApp Graph API (`provider` fixture) serves the outbox's and the channels' tests.
pytest_plugins = ["tests.fake_gateway", "tests.browser_session"]

PASSWORD = "test-pass-4821"
DAY = 7 * 60  # minutes in a working day
# Makkah in these tests: a box around the city, split into a western and an eastern area at 39.85 E.
WEST, SOUTH, EAST, NORTH = 39.60, 21.20, 40.00, 21.60
HARAM = (21.4225, 39.8262)  # in the western area
AZIZIYAH = (21.4152, 39.8700)  # in the eastern area


def _box(west: float, south: float, east: float, north: float) -> dict:
    return {
        "type": "Polygon",
        "coordinates": [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
    }


def pytest_configure(config: pytest.Config) -> None:
    # Side effects run at once in tests instead of waiting for a worker; on RQ (KHIDMA_TASKS_BACKEND=rq, CI's
    # Redis pass) they go through Redis and an RQ worker runs each as it is enqueued (tests/redis_tasks.py).
    if tasks.backend() == "rq":
        task_enqueued.connect(redis_tasks.run_enqueued)
    else:
        settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
        # django-tasks read TASKS while Django set up (before this hook): make it read the setting again.
        from django_tasks.signals import clear_tasks_handlers

        clear_tasks_handlers(setting="TASKS")
    # A second alias on the test database, as DATABASE_REPLICA_URL makes one: reports' tests read through it
    # with settings.KHIDMA_REPORTING_DATABASE = "replica" (a transactional test: it sees only what committed).
    if REPLICA not in settings.DATABASES:
        default = settings.DATABASES["default"]
        settings.DATABASES[REPLICA] = {**default, "TEST": {**default.get("TEST", {}), "MIRROR": "default"}}
    settings.KHIDMA_DEFAULT_ORGANIZATION = "makkah"
    # Public reports become cases within the request, so a test reads the case right after posting it;
    # tests/cases/test_submissions.py covers the deferred path the worker takes in production.
    settings.KHIDMA_INTAKE_DEFERRED = False
    # Rate-limit counters in the test database, emptied with it after each test (the Redis store has tests
    # of its own, tests/security/test_rate_limits.py); the limits themselves stay on as in production.
    settings.REDIS_URL = ""
    # Slow, strong hashing protects real passwords; the personas' passwords protect nothing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Serve static files straight from the apps: tests do not run collectstatic.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def _org(slug: str, ar: str, en: str) -> Organization:
    org = Organization.objects.create(
        slug=slug, names={"ar": ar, "en": en}, time_zone="Asia/Riyadh", default_language="ar"
    )
    return org


@pytest.fixture
def makkah() -> Organization:
    org = _org("makkah", "أمانة العاصمة المقدسة", "Holy Makkah Municipality")
    org.boundary = _box(WEST, SOUTH, EAST, NORTH)
    org.save()
    area_upsert(
        organization=org,
        code="west",
        names={"ar": "الغرب", "en": "West"},
        boundary=_box(WEST, SOUTH, 39.85, NORTH),
    )
    area_upsert(
        organization=org,
        code="east",
        names={"ar": "الشرق", "en": "East"},
        boundary=_box(39.85, SOUTH, EAST, NORTH),
    )
    services = Department.objects.create(
        organization=org, code="services", level="directorate", names={"en": "Services"}
    )
    departments = {
        code: Department.objects.create(
            organization=org, code=code, parent=services, names={"ar": ar, "en": en}
        )
        for code, ar, en in [
            ("cleanliness", "إدارة النظافة", "Cleanliness Department"),
            ("lighting", "إدارة الإنارة", "Lighting Department"),
            ("followup_unit", "وحدة المتابعة", "Follow-up Unit"),
            ("womens_section", "القسم النسائي", "Women's Section"),
        ]
    }
    Department.objects.create(
        organization=org,
        code="street_cleaning",
        level="unit",
        parent=departments["cleanliness"],
        names={"en": "Street cleaning"},
    )
    for code, dept, ar, en in [
        ("cleanliness", "cleanliness", "النظافة", "Cleanliness"),
        ("lighting_signs", "lighting", "الإنارة واللوحات الإرشادية", "Lighting and signs"),
        ("roads_sidewalks", None, "الطرق والأرصفة", "Roads and sidewalks"),
    ]:
        Category.objects.create(
            organization=org, code=code, names={"ar": ar, "en": en}, default_department=departments.get(dept)
        )
    Category.objects.create(organization=org, code="retired", names={"en": "Retired"}, is_active=False)
    ServicePoint.objects.create(organization=org, code="call_centre", kind="call_centre", names={"en": "940"})
    ServicePoint.objects.create(
        organization=org, code="hq", kind="headquarters", names={"en": "Headquarters"}
    )
    ServicePoint.objects.create(
        organization=org, code="mosque_1", kind="mosque_counter", names={"en": "Mosque"}
    )
    return org


@pytest.fixture
def taif() -> Organization:
    org = _org("taif", "أمانة الطائف", "Taif Municipality")
    dept = Department.objects.create(organization=org, code="cleanliness", names={"en": "Cleanliness"})
    Category.objects.create(
        organization=org, code="cleanliness", names={"en": "Cleanliness"}, default_department=dept
    )
    return org


# Full names as the demo gives them (staff pages show people by name, never by username).
NAMES = {
    "sara": ("سارة", "الحربي"),
    "khalid": ("خالد", "الزهراني"),
    "fahd": ("فهد", "الغامدي"),
    "majid": ("ماجد", "العتيبي"),
    "abdullah": ("عبدالله", "الشريف"),
    "noura": ("نورة", "القرشي"),
    "mohammed": ("محمد", "المالكي"),
    "huda": ("هدى", "السلمي"),
    "reem": ("ريم", "الثقفي"),
}


def _person(
    org: Organization, username: str, role: str, department: str | None = None, point: str | None = None
) -> User:
    first, last = NAMES.get(username, ("", ""))
    return user_create(
        organization=org,
        role=role,
        username=username,
        password=PASSWORD,
        department=Department.objects.get(organization=org, code=department) if department else None,
        service_point=ServicePoint.objects.get(organization=org, code=point) if point else None,
        first_name=first,
        last_name=last,
    )


@pytest.fixture
def staff(makkah: Organization, taif: Organization) -> dict[str, User]:
    people = {
        "agent": _person(makkah, "sara", "agent_940", point="call_centre"),
        "counter": _person(makkah, "khalid", "counter_agent", point="hq"),
        "field_clean": _person(makkah, "fahd", "field_staff", "cleanliness"),
        "field_light": _person(makkah, "majid", "field_staff", "lighting"),
        "head_clean": _person(makkah, "abdullah", "department_head", "cleanliness"),
        "followup": _person(makkah, "noura", "followup", "followup_unit"),
        "supervisor": _person(makkah, "mohammed", "supervisor"),
        "women": _person(makkah, "huda", "womens_section", "womens_section", point="hq"),
        "admin": _person(makkah, "reem", "org_admin"),
        "taif_agent": _person(taif, "taif_agent", "agent_940"),
        "taif_supervisor": _person(taif, "taif_supervisor", "supervisor"),
    }
    return people


@pytest.fixture(scope="session")
def _triage_models() -> None:
    """Train the triage models once, before the first HTTP test: the live server would otherwise do it inside
    the first request that creates a case (several seconds on a slow machine), beyond the client's timeout."""
    from khidma.cases.triage import warm_up

    warm_up()


@pytest.fixture
def api(live_server, _triage_models) -> Iterator[httpx.Client]:
    """An anonymous HTTP client talking to the app over a real socket."""
    with httpx.Client(base_url=f"{live_server.url}/api/v1", timeout=30) as client:
        yield client


@pytest.fixture
def client_for(live_server, staff, _triage_models) -> Iterator[Callable[[str], httpx.Client]]:
    """``client_for("agent")``: an HTTP client carrying that persona's API token."""
    clients: list[httpx.Client] = []

    def make(persona: str, language: str = "en") -> httpx.Client:
        _token, secret = api_token_create(user=staff[persona], name="tests")
        headers = {"Authorization": f"Bearer {secret}", "Accept-Language": language}
        if staff[persona].service_point_id is None:
            # Tests' create helpers then name a channel, which staff without a post must give.
            headers["X-Persona-Post"] = "none"
        client = httpx.Client(base_url=f"{live_server.url}/api/v1", headers=headers, timeout=30)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


def on_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_memories() -> Iterator[None]:
    """Each test makes its own organizations: nothing a process remembered may outlive the test."""
    from khidma.core.memo import forget_all

    forget_all()
    yield
    forget_all()


@pytest.fixture
def policies(makkah):
    """Makkah's service levels: urgent on the 24/7 clock; reports, inquiries and the rest on working days."""
    business = Calendar.objects.create(
        organization=makkah,
        code="business",
        time_zone="Asia/Riyadh",
        windows={day: [["07:30", "14:30"]] for day in ("sun", "mon", "tue", "wed", "thu")},
    )
    Holiday.objects.create(calendar=business, name="National Day", kind="gregorian", month=9, day=23)
    Holiday.objects.create(calendar=business, name="Eid al-Fitr", kind="hijri", month=10, day=1, days=4)
    always = Calendar.objects.create(organization=makkah, code="always", always_open=True)

    def policy(code, calendar, resolution, first=None, **conditions):
        return SlaPolicy.objects.create(
            organization=makkah,
            code=code,
            calendar=calendar,
            resolution_minutes=resolution,
            first_response_minutes=first,
            second_escalation_minutes=24 * 60,
            **conditions,
        )

    return {
        "urgent": policy("urgent", always, 24 * 60, 60, priority="urgent"),
        "report": policy("report", business, 3 * DAY, 4 * 60, kind="report"),
        "inquiry": policy("inquiry", business, DAY, kind="inquiry"),
        "default": policy("default", business, 5 * DAY),
    }


GAZETTEER = Path(__file__).parent / "fixtures" / "places_test.geojson"


@pytest.fixture
def gazetteer(makkah: Organization) -> Organization:
    """Six places of Makkah named in several languages (tests/fixtures/places_test.geojson)."""
    places_import_geojson(organization=makkah, data=json.loads(GAZETTEER.read_text(encoding="utf-8")))
    return makkah
