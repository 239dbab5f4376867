"""Two Hajj seasons of **synthetic** history for the demo (docs/demo-data.md): about 10,000 reports in the
last Hajj season and 9,500 in the one before, so the season report has something to compare.

Real seasons are not public at this grain, so these are made up — deterministically, from a seeded random
generator — to look like what the directorate describes: most reports in the days around Arafah and Eid, at
the Haram, Mina and Aziziyah; the 940 line and WhatsApp first, then the partner apps (Balady, Tawakkalna,
through Open311), the web and the counters; pilgrims' languages; about 80% closed; most reporters satisfied.

Speed: the cases, their events, timers and ratings are written with bulk inserts (a few statements per
thousand rows), not through the services, which would take many minutes for twenty thousand cases. Every
row is what the services would have written: the lifecycle's statuses and events in order, due dates from the
organization's service levels, reference numbers reserved from the organization's counter.
"""

from __future__ import annotations

import datetime
import math
import random
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import F

from khidma.cases.deadlines import _compute, timer_of
from khidma.cases.models import (
    Case,
    CaseEvent,
    Channel,
    EventKind,
    ReferenceCounter,
    Satisfaction,
    SlaTimer,
    Status,
)
from khidma.cases.references import format_reference
from khidma.core.text import fold_for_search
from khidma.organizations.models import Area, Category, Organization, ServicePoint
from khidma.reports.seasons import seasons_standard
from khidma.sla.engine import policy_select
from khidma.triage import corpus

User = get_user_model()

# Reports per Hajj season (Hijri year): the last one, and the one before a little quieter.
SEASON_REPORTS = {1447: 10_240, 1446: 9_480}

# Per day of the season, 1–15 Dhu al-Hijjah: arrivals build up to Arafah (9th) and Eid (10th–13th).
DAY_WEIGHTS = (3, 3.5, 4, 4.5, 5, 6, 7, 8.5, 10, 12, 11, 10, 9, 7, 5)
# Per hour of the day: quiet before dawn, busy late morning and again after the evening prayers.
HOUR_WEIGHTS = (3, 2, 1.5, 1, 1, 1.5, 3, 5, 7, 8, 9, 9, 8, 7, 6, 6, 6, 7, 8, 9, 10, 10, 8, 5)
CHANNELS = {
    Channel.PHONE_940: 37,
    Channel.WHATSAPP: 27,
    Channel.OPEN311: 13,  # Balady and Tawakkalna, through Open311
    Channel.WEB: 9,
    Channel.MOBILE_APP: 4,
    Channel.COUNTER: 4,
    Channel.MOBILE_UNIT: 3,
    Channel.MOSQUE_COUNTER: 3,
}
PARTNER_APPS = ("balady", "tawakkalna")
LANGUAGES = {"ar": 52, "ur": 12, "en": 9, "id": 8, "bn": 5, "hi": 4, "fa": 3, "tr": 3, "ms": 2, "fr": 2}
# People calling 940 or reporting through the national apps write Arabic more often.
ARABIC_CHANNELS = {Channel.PHONE_940: 0.70, Channel.OPEN311: 0.85}
CATEGORIES = {
    "cleanliness": 34,
    "markets_shops": 10,
    "lighting_signs": 10,
    "visual_distortion": 9,
    "abandoned_vehicles": 8,
    "buildings_encroachments": 7,
    "animals_insects": 7,
    "roads_sidewalks": 6,
    "parks_facilities": 2,
    "partner_entities": 3,
    "floods": 1,
    "burial": 1,
    "other": 2,
}
AREAS = {
    "ajyad": 20,
    "al_misfalah": 13,
    "al_aziziyah": 18,
    "al_ghazzah": 12,
    "al_maabdah": 14,
    "al_utaybiyah": 6,
    "al_shawqiyah": 6,
    "al_sharaye": 5,
    "al_umrah": 4,
    "bahra": 2,
}
# Where reports of one kind gather during Hajj (lat, lon, category): a sixth of a category's reports.
CLUSTERS = (
    (21.4210, 39.8725, "cleanliness"),  # Mina, by the Jamarat
    (21.4195, 39.8290, "cleanliness"),  # Ajyad, below the clock tower
    (21.4133, 39.8930, "abandoned_vehicles"),  # Muzdalifah road
    (21.4262, 39.8302, "markets_shops"),  # Al-Ghazzah market
    (21.4160, 39.8560, "lighting_signs"),  # Aziziyah main street
    (21.4350, 39.8470, "visual_distortion"),  # Al-Maabdah
)
# How the season's cases end (shares): the rest are closed (confirmed, unconfirmed or by staff).
OUTCOMES = {"duplicate": 0.05, "rejected": 0.035, "referred": 0.02, "open": 0.055}
CLOSURES = {"confirmed": 0.55, "unconfirmed": 0.30, "staff": 0.15}
RATINGS = {5: 50, 4: 26, 3: 11, 2: 7, 1: 6}
RATED_SHARE = 0.38


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass
class _Context:
    organization: Organization
    zone: zoneinfo.ZoneInfo
    categories: dict[str, Category]
    areas: dict[str, Area]
    points: dict[str, list[ServicePoint]]
    people: dict[str, object]
    texts: dict[tuple[str, str], list[str]]
    policies: dict

    def policy(self, category: Category, priority: str):
        key = (category.pk, priority)
        if key not in self.policies:
            self.policies[key] = policy_select(
                organization_id=self.organization.pk,
                kind=category.kind,
                category_id=category.pk,
                priority=priority,
            )
        return self.policies[key]


def _context(organization: Organization) -> _Context:
    texts: dict[tuple[str, str], list[str]] = defaultdict(list)
    for example in corpus.load("all"):
        texts[(example.language, example.category)].append(example.text)
    points: dict[str, list[ServicePoint]] = defaultdict(list)
    for point in ServicePoint.objects.filter(organization=organization):
        points[point.kind].append(point)
    people = {u.username: u for u in User.objects.filter(organization=organization)}
    return _Context(
        organization=organization,
        zone=organization.tz,
        categories={c.code: c for c in Category.objects.filter(organization=organization)},
        areas={a.code: a for a in Area.objects.filter(organization=organization)},
        points=points,
        people=people,
        texts=texts,
        policies={},
    )


def _nearest_area(context: _Context, lat: float, lon: float) -> Area:
    # The demo's areas are the Voronoi cells of their centres: the nearest centre is the area.
    return min(
        context.areas.values(),
        key=lambda a: (a.centre_lat - lat) ** 2 + ((a.centre_lon - lon) * math.cos(math.radians(lat))) ** 2,
    )


def _reserve(organization: Organization, year: int, count: int) -> int:
    """Reserve ``count`` sequence numbers of the year's reference counter; returns the first."""
    counter, _created = ReferenceCounter.objects.get_or_create(organization=organization, year=year % 100)
    ReferenceCounter.objects.filter(pk=counter.pk).update(last_value=F("last_value") + count)
    return counter.last_value + 1


class _Events:
    def __init__(self, organization: Organization) -> None:
        self.organization = organization
        self.rows: list[tuple[int, CaseEvent]] = []

    def add(self, index: int, kind: str, at: datetime.datetime, before: str, after: str, **fields) -> None:
        self.rows.append(
            (
                index,
                CaseEvent(
                    organization=self.organization,
                    kind=kind,
                    created_at=at,
                    from_status=before,
                    to_status=after,
                    is_public=fields.pop("public", True),
                    **fields,
                ),
            )
        )


def _received(rng: random.Random, context: _Context, first_day: datetime.date) -> datetime.datetime:
    day = rng.choices(range(len(DAY_WEIGHTS)), weights=DAY_WEIGHTS)[0]
    hour = rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
    local = datetime.datetime.combine(
        first_day + datetime.timedelta(days=day), datetime.time(hour, rng.randrange(60), rng.randrange(60))
    )
    return local.replace(tzinfo=context.zone)


def _place(rng: random.Random, context: _Context, category: str) -> tuple[float, float]:
    clusters = [c for c in CLUSTERS if c[2] == category]
    if clusters and rng.random() < 1 / 6:
        lat, lon, _c = rng.choice(clusters)
        return lat + rng.gauss(0, 0.0007), lon + rng.gauss(0, 0.0007)
    area = context.areas[_pick(rng, AREAS)]
    return area.centre_lat + rng.gauss(0, 0.009), area.centre_lon + rng.gauss(0, 0.009)


def _language(rng: random.Random, channel: str) -> str:
    if rng.random() < ARABIC_CHANNELS.get(channel, 0):
        return "ar"
    return _pick(rng, LANGUAGES)


def _text(rng: random.Random, context: _Context, language: str, category: str) -> str:
    texts = context.texts.get((language, category)) or context.texts.get(("ar", category)) or ["—"]
    return rng.choice(texts)


def _point(rng: random.Random, context: _Context, channel: str) -> ServicePoint | None:
    kinds = {
        Channel.PHONE_940: ("call_centre",),
        Channel.COUNTER: ("headquarters", "sub_municipality", "mall_counter"),
        Channel.MOBILE_UNIT: ("mobile_car",),
        Channel.MOSQUE_COUNTER: ("mosque_counter",),
    }.get(channel)
    if not kinds:
        return None
    candidates = [p for kind in kinds for p in context.points.get(kind, [])]
    return rng.choice(candidates) if candidates else None


def _hours(rng: random.Random, median: float, spread: float = 0.9) -> datetime.timedelta:
    return datetime.timedelta(hours=median * math.exp(rng.gauss(0, spread)))


def _one_case(rng, context, index, reference, first_day, events, satisfactions) -> tuple[Case, SlaTimer]:
    people = context.people
    agent, head, followup = people["agent940"], people["head_clean"], people["followup"]
    received = _received(rng, context, first_day)
    channel = _pick(rng, CHANNELS)
    category = context.categories[_pick(rng, CATEGORIES)]
    language = _language(rng, channel)
    description = _text(rng, context, language, category.code)
    lat, lon = _place(rng, context, category.code)
    area = _nearest_area(context, lat, lon)
    point = _point(rng, context, channel)
    priority = "urgent" if rng.random() < 0.03 else "normal"
    field = people["field_light"] if category.code == "lighting_signs" else people["field_clean"]
    case = Case(
        organization=context.organization,
        reference=reference,
        kind=category.kind,
        category=category,
        description=description,
        language=language,
        channel=channel,
        service_point=point,
        lat=round(lat, 6),
        lon=round(lon, 6),
        area=area,
        status=Status.TRIAGED,
        priority=priority,
        department=category.default_department,
        received_at=received,
        created_at=received,
        updated_at=received,
        created_by=agent if channel == Channel.PHONE_940 else None,
        idempotency_key=f"demo-season-{reference}",
        search_text=fold_for_search(f"{reference} {description}"),
    )
    case.sla_policy = context.policy(category, priority)
    if case.sla_policy is not None:
        case.sla_clock_start = received
        _compute(case, now=received)  # the due dates and the timer, as intake computes them
    timer = timer_of(case)
    source = PARTNER_APPS[index % 2] if channel == Channel.OPEN311 else channel
    events.add(
        index, EventKind.CREATED, received, "", Status.NEW, actor_label=source, data={"channel": channel}
    )
    events.add(index, EventKind.TRIAGED, received, Status.NEW, Status.TRIAGED, actor_label="system")
    roll = rng.random()
    outcome = "closed"
    for name, share in OUTCOMES.items():
        if roll < share:
            outcome = name
            break
        roll -= share
    if category.code == "partner_entities":
        outcome = "referred"
    moment = received
    status = Status.TRIAGED
    if outcome in {"duplicate", "rejected", "referred"}:
        moment = received + _hours(rng, 1.5)
        kind, status = {
            "duplicate": (EventKind.MARKED_DUPLICATE, Status.DUPLICATE),
            "rejected": (EventKind.REJECTED, Status.REJECTED),
            "referred": (EventKind.REFERRED, Status.REFERRED),
        }[outcome]
        events.add(index, kind, moment, Status.TRIAGED, status, actor=agent)
        case.first_responded_at = moment
        case.status = status
        if outcome == "referred":
            case.referred_to = "الشركة الوطنية للمياه" if rng.random() < 0.5 else "الشركة السعودية للكهرباء"
        else:
            case.closed_at = moment
    else:
        # The first answer: quick on the phone and at counters, slower for written reports.
        quick = channel in {Channel.PHONE_940, Channel.COUNTER, Channel.MOBILE_UNIT, Channel.MOSQUE_COUNTER}
        moment = received + _hours(rng, 0.4 if quick else 2.5)
        events.add(index, EventKind.ASSIGNED, moment, Status.TRIAGED, Status.ASSIGNED, actor=head)
        case.first_responded_at = moment
        case.assignee = field if category.code in {"cleanliness", "lighting_signs"} else None
        status = Status.ASSIGNED
        moment += _hours(rng, 2)
        events.add(index, EventKind.STARTED, moment, status, Status.IN_PROGRESS, actor=field)
        status = Status.IN_PROGRESS
        if outcome == "closed" or rng.random() < 0.5:
            moment += _hours(rng, 16 if priority == "normal" else 3)
            events.add(index, EventKind.RESOLVED, moment, status, Status.RESOLVED, actor=field)
            case.resolved_at, status = moment, Status.RESOLVED
        if outcome == "open" and status == Status.RESOLVED:
            # The reporter said it is not fixed: reopened, still being worked on.
            moment += _hours(rng, 10)
            events.add(index, EventKind.CLOSURE_REJECTED, moment, status, Status.REOPENED, actor_label="sms")
            case.resolved_at, status = None, Status.REOPENED
            case.sla_clock_start = moment
            if case.sla_policy is not None:
                _compute(case, now=moment)
        elif outcome == "closed":
            closure = _pick(rng, CLOSURES)
            if closure == "confirmed":
                moment += _hours(rng, 5)
                events.add(
                    index, EventKind.CLOSURE_CONFIRMED, moment, status, Status.CLOSED, actor_label="sms"
                )
            elif closure == "unconfirmed":
                moment += datetime.timedelta(days=3)
                events.add(
                    index, EventKind.CLOSED, moment, status, Status.CLOSED, data={"outcome": "unconfirmed"}
                )
            else:
                moment += _hours(rng, 4)
                events.add(index, EventKind.CLOSED, moment, status, Status.CLOSED, actor=followup)
            case.closure_outcome, case.closed_at, status = closure, moment, Status.CLOSED
            if rng.random() < RATED_SHARE:
                rating = _pick(rng, RATINGS)
                moment += _hours(rng, 3)
                satisfactions.append((index, rating, moment))
                events.add(index, EventKind.RATED, moment, "", "", data={"rating": rating, "channel": "sms"})
        if outcome == "open" and case.assignee is not None:
            # After the season the field officer's temporary assignments went back to the department, as
            # they do when seasonal staff rotate: last season's backlog waits in the department's queue,
            # not among today's work "assigned to me".
            moment += datetime.timedelta(days=3)
            events.add(index, EventKind.UNASSIGNED, moment, status, Status.ASSIGNED, actor=head, public=False)
            case.assignee, status = None, Status.ASSIGNED
        case.status = status
    case.updated_at = moment
    # Six months on, the sweep has long warned and escalated what is still open past its target.
    timer.next_check_at = None
    if case.status not in {
        Status.CLOSED,
        Status.DUPLICATE,
        Status.REJECTED,
        Status.REFERRED,
        Status.RESOLVED,
    }:
        timer.at_risk = True
        timer.escalation_level = 2 if case.resolution_due_at else 0
        timer.first_response_breached = False
    return case, timer


def seed_season(organization: Organization, *, year: int, reports: int, rng: random.Random) -> int:
    """``reports`` synthetic reports in the Hajj season of ``year`` (its Season row must exist)."""
    season = organization.season_set.get(code=f"hajj-{year}")
    context = _context(organization)
    first = _reserve(organization, season.starts_on.year, reports)
    events, satisfactions = _Events(organization), []
    cases, timers = [], []
    for index in range(reports):
        reference = format_reference(year=season.starts_on.year, sequence=first + index)
        case, timer = _one_case(rng, context, index, reference, season.starts_on, events, satisfactions)
        cases.append(case)
        timers.append(timer)
    Case.objects.bulk_create(cases, batch_size=1000)
    for case, timer in zip(cases, timers, strict=True):
        timer.case = case
    SlaTimer.objects.bulk_create(timers, batch_size=2000)
    rows = []
    for index, event in events.rows:
        event.case = cases[index]
        rows.append(event)
    CaseEvent.objects.bulk_create(rows, batch_size=2000)
    Satisfaction.objects.bulk_create(
        [
            Satisfaction(
                organization=organization, case=cases[index], rating=rating, channel="sms", created_at=moment
            )
            for index, rating, moment in satisfactions
        ],
        batch_size=2000,
    )
    if connection.vendor == "postgresql":
        # Statistics for the tables just filled, so the figures computed next plan their joins well.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE cases_case")
            cursor.execute("ANALYZE cases_caseevent")
    return reports


def seed(organization: Organization, rng: random.Random) -> int:
    """The seasons (Ramadan and Hajj of 1446 and 1447) and both Hajj seasons' reports."""
    for year in sorted(SEASON_REPORTS):
        seasons_standard(organization=organization, year=year)
    return sum(seed_season(organization, year=year, reports=n, rng=rng) for year, n in SEASON_REPORTS.items())
