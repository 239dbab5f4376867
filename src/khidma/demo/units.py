"""Demo: the mobile and extended services of the Holy Makkah Municipality and two weeks of walk-ins.

Hadirin: the two mobile service cars stand in neighbourhood parks in the evenings (the coordinates are
approximate), and the mall counters keep evening hours. Itlala: the mosque counters' hours come from the
prayer times. Mustamirun: one centre open 07:00–19:00. Then about two weeks of people served at each of
these points (and at the headquarters), shaped by hour and weekday, with a few reports taken as cases, so
the volume screen (/staff/programs/volume/) has something to show.
"""

from __future__ import annotations

import datetime
import random

from django.contrib.auth import get_user_model

from khidma.accounts.services import user_create
from khidma.cases import services as case_services
from khidma.cases.intake import IntakeRequest
from khidma.cases.models import POST_CHANNELS, Channel
from khidma.core import clock
from khidma.demo import data
from khidma.organizations.models import Organization, ServicePoint
from khidma.programs import schedules
from khidma.programs.units import services as programs

DAYS = 14
EVENING = (datetime.time(16, 0), datetime.time(22, 0))

# (place, unit, ar, en, lat, lon, weekdays) — parks in Makkah's neighbourhoods, evenings 16:00–22:00.
# The place code keys the park's names in the other languages (data/names.json, "unit_stops").
PARK_STOPS = [
    ("al_zahir_park", "car_1", "حديقة الزاهر", "Al-Zahir Park", 21.4335, 39.8045, ["thu"]),
    ("al_awali_park", "car_1", "حديقة العوالي", "Al-Awali Park", 21.3700, 39.8720, ["fri"]),
    ("al_rusaifah_park", "car_1", "حديقة الرصيفة", "Al-Rusaifah Park", 21.4010, 39.7930, ["sat"]),
    ("al_sharaye_park", "car_2", "حديقة الشرائع", "Al-Sharaye Park", 21.5080, 39.9150, ["fri"]),
    ("al_aziziyah_park", "car_2", "حديقة العزيزية", "Al-Aziziyah Park", 21.4120, 39.8740, ["sat", "sun"]),
]

# The extended-hours centre (Mustamirun), open 07:00–19:00 from Sunday to Thursday.
EXTENDED = {
    "code": "mustamirun_aziziyah",
    "ar": "مركز مستمرون بالعزيزية",
    "en": "Mustamirun extended-hours centre, Al-Aziziyah",
    "lat": 21.4140,
    "lon": 39.8650,
    "hours": {day: [["07:00", "19:00"]] for day in ("sun", "mon", "tue", "wed", "thu")},
}

# Staff at the new posts: (username, service point, first name, last name).
POST_STAFF = [
    ("hadirin_car", "car_1", "ياسر", "البقمي"),
    ("itlala_mosque", "mosque_aziziyah", "عمر", "الحازمي"),
    ("mustamirun", EXTENDED["code"], "سلمان", "الجهني"),
    ("mall_counter", "mall_makkah", "بندر", "العمري"),
]

LANGUAGES = [
    ("ar", 58),
    ("ur", 12),
    ("en", 8),
    ("id", 6),
    ("bn", 5),
    ("hi", 4),
    ("fa", 3),
    ("tr", 2),
    ("ms", 1),
    ("fr", 1),
]
SERVICES = {
    ServicePoint.Kind.MOBILE_CAR: [
        ("inquiry", 4),
        ("printing", 3),
        ("report", 2),
        ("building_permit", 1),
        ("commercial", 1),
        ("referral", 1),
    ],
    ServicePoint.Kind.MALL_COUNTER: [
        ("inquiry", 4),
        ("printing", 3),
        ("report", 2),
        ("commercial", 2),
        ("building_permit", 1),
    ],
    ServicePoint.Kind.MOSQUE_COUNTER: [("inquiry", 5), ("report", 3), ("printing", 3)],
    "extended": [
        ("inquiry", 4),
        ("deed", 2),
        ("report", 2),
        ("printing", 2),
        ("land_sorting", 1),
        ("technical_help", 1),
    ],
    ServicePoint.Kind.HEADQUARTERS: [
        ("inquiry", 3),
        ("building_permit", 2),
        ("commercial", 2),
        ("report", 2),
        ("printing", 1),
        ("deed", 1),
    ],
}
# People per opening hour on an ordinary day, before the hour-of-day shape and the weekday factor.
RATE = {"car": 4, "mall": 4, "mosque": 5, "extended": 3, "hq": 4}
WEEKEND = {"thu": 1.3, "fri": 1.5, "sat": 1.2}  # evenings out: parks and malls fill up


def _pick(rng: random.Random, weighted) -> str:
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


def _shape(hour_fraction: float) -> float:
    """Quiet at opening, busiest just past the middle of the span, tailing off before closing."""
    return 0.35 + 1.3 * max(0.0, 1 - abs(hour_fraction - 0.6) / 0.6)


def seed(makkah: Organization, rng: random.Random) -> None:
    User = get_user_model()
    tz = makkah.tz
    boss = User.objects.get(username="supervisor")
    centre = ServicePoint.objects.filter(organization=makkah, code="centre_al_aziziyah").first()
    ServicePoint.objects.create(
        organization=makkah,
        code=EXTENDED["code"],
        kind=ServicePoint.Kind.SUB_MUNICIPALITY,
        area=centre.area if centre else None,
        names=data.names("service_points", EXTENDED["code"], ar=EXTENDED["ar"], en=EXTENDED["en"]),
        lat=EXTENDED["lat"],
        lon=EXTENDED["lon"],
        opening_hours=EXTENDED["hours"],
    )
    for place, unit, ar, en, lat, lon, weekdays in PARK_STOPS:
        programs.unit_stop_create(
            unit=ServicePoint.objects.get(organization=makkah, code=unit),
            place_names=data.names("unit_stops", place, ar=ar, en=en),
            lat=lat,
            lon=lon,
            weekdays=weekdays,
            starts=EVENING[0],
            ends=EVENING[1],
            by=boss,
        )
    for username, point, first, last in POST_STAFF:
        user_create(
            organization=makkah,
            role="counter_agent",
            username=username,
            password=data.DEMO_PASSWORD,
            service_point=ServicePoint.objects.get(organization=makkah, code=point),
            first_name=first,
            last_name=last,
        )
    recorders = {
        u.service_point_id: u for u in User.objects.filter(organization=makkah, role="counter_agent")
    }
    kinds = [
        ServicePoint.Kind.MOBILE_CAR,
        ServicePoint.Kind.MALL_COUNTER,
        ServicePoint.Kind.MOSQUE_COUNTER,
        ServicePoint.Kind.HEADQUARTERS,
    ]
    points = ServicePoint.objects.filter(organization=makkah, kind__in=kinds) | ServicePoint.objects.filter(
        organization=makkah, code=EXTENDED["code"]
    )
    categories = [code for code, _dept, _ar, _en in data.MAKKAH_CATEGORIES]
    now = clock.now()
    today = now.astimezone(tz).date()
    for point in points:
        stops = schedules.point_stops(point)
        extended = point.code == EXTENDED["code"]
        rate = RATE[
            "extended"
            if extended
            else {"mobile_car": "car", "mall_counter": "mall", "mosque_counter": "mosque"}.get(
                point.kind, "hq"
            )
        ]
        services_mix = SERVICES["extended" if extended else point.kind]
        by = recorders.get(point.pk, boss)
        for back in range(DAYS, 0, -1):
            day = today - datetime.timedelta(days=back)
            factor = WEEKEND.get(schedules.DAY_KEYS[day.weekday()], 1.0) if not extended else 1.0
            for opening in schedules.openings_on(point, day, tz, stops=stops):
                span = (opening.closes - opening.opens).total_seconds()
                moment = opening.opens
                while moment < opening.closes and moment < now:
                    minutes = rng.expovariate(
                        rate * factor * _shape((moment - opening.opens).total_seconds() / span)
                    )
                    moment += datetime.timedelta(minutes=60 * minutes)
                    if moment >= opening.closes or moment >= now:
                        break
                    _serve(point, by, moment, rng, services_mix, categories, makkah)


def _serve(point, by, moment, rng, services_mix, categories, makkah) -> None:
    service = _pick(rng, services_mix)
    language = _pick(rng, LANGUAGES)
    with clock.at(moment):
        case = None
        if service == "report" and rng.random() < 0.12:
            case = case_services.case_create(
                request=IntakeRequest(
                    organization=makkah,
                    description="بلاغ مقدم عند نقطة الخدمة: "
                    + rng.choice(["تجمع نفايات", "إنارة معطلة", "حفرة في الطريق"]),
                    channel=POST_CHANNELS.get(point.kind, Channel.COUNTER),
                    service_point=point.code,
                    language="ar",
                    created_by=by,
                )
            ).case
        programs.walkin_record(
            service_point=point,
            by=by,
            service=service,
            language=language,
            category=rng.choice(categories) if service == "report" else None,
            case=case,
        )
