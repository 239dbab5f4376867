"""Mobile units' stops, counters' hours (mosque counters from the prayer times), walk-ins at a post, and the
volume of transactions per point and hour."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from khidma.cases import services as case_services
from khidma.cases.intake import IntakeRequest
from khidma.core import clock
from khidma.organizations import hours
from khidma.organizations.models import ServicePoint
from khidma.programs.models import WalkIn
from khidma.programs.units import selectors
from khidma.programs.units import services as units
from tests.programs.conftest import error

pytestmark = pytest.mark.django_db(transaction=True)

RIYADH = ZoneInfo("Asia/Riyadh")
PARK = {"ar": "حديقة الرويس", "en": "Al-Ruwais Park"}
EVERY_DAY = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


@pytest.fixture
def points(makkah):
    hq = ServicePoint.objects.get(organization=makkah, code="hq")
    hq.opening_hours = {d: [["07:00", "19:00"]] for d in EVERY_DAY}  # extended hours (Mustamirun)
    hq.save()
    car = ServicePoint.objects.create(
        organization=makkah, code="car_1", kind="mobile_car", names={"en": "Car 1"}
    )
    mall = ServicePoint.objects.create(
        organization=makkah,
        code="mall_1",
        kind="mall_counter",
        names={"en": "Mall counter"},
        opening_hours={d: [["16:00", "22:00"]] for d in EVERY_DAY},
    )
    return {"hq": hq, "car": car, "mall": mall, "mosque": ServicePoint.objects.get(code="mosque_1")}


def next_weekday(key: str) -> datetime.date:
    day = datetime.datetime.now(RIYADH).date() + datetime.timedelta(days=1)
    while hours.DAY_KEYS[day.weekday()] != key:
        day += datetime.timedelta(days=1)
    return day


# --- Schedules ---------------------------------------------------------------------------------------------


def test_a_mobile_car_is_at_its_park_on_its_days_only(client_for, points):
    boss = client_for("supervisor")
    response = boss.post(
        "/programs/stops",
        json={
            "unit": "car_1",
            "place_names": PARK,
            "lat": 21.45,
            "lon": 39.82,
            "weekdays": ["thu", "fri"],
            "starts": "16:00",
            "ends": "22:00",
        },
    )
    assert response.status_code == 201, response.text
    assert response.json()["weekdays"] == ["thu", "fri"]

    thursday = next_weekday("thu")
    start = thursday - datetime.timedelta(days=3)
    week = boss.get("/programs/points/car_1/schedule", params={"start": start.isoformat(), "days": 7}).json()
    open_days = {d["date"]: d for d in week["days"] if d["openings"]}
    friday = thursday + datetime.timedelta(days=1)
    assert set(open_days) == {thursday.isoformat(), friday.isoformat()}
    opening = open_days[thursday.isoformat()]["openings"][0]
    assert opening["opens"].startswith(f"{thursday.isoformat()}T16:00") and opening["opens"].endswith(
        "+03:00"
    )
    assert opening["closes"].startswith(f"{thursday.isoformat()}T22:00")
    assert open_days[thursday.isoformat()]["stops"][0]["place_names"] == PARK

    # The car cannot be in two parks at once; a later stop on another day is fine.
    clash = boss.post(
        "/programs/stops",
        json={
            "unit": "car_1",
            "place_names": {"en": "Another park"},
            "lat": 21.40,
            "lon": 39.85,
            "date": friday.isoformat(),
            "starts": "21:00",
            "ends": "23:00",
        },
    )
    error(clash, 409, "unit_double_booked")
    fine = boss.post(
        "/programs/stops",
        json={
            "unit": "car_1",
            "place_names": {"en": "Another park"},
            "lat": 21.40,
            "lon": 39.85,
            "weekdays": ["sat"],
            "starts": "16:00",
            "ends": "22:00",
        },
    )
    assert fine.status_code == 201, fine.text
    listed = boss.get("/programs/stops", params={"unit": "car_1"}).json()
    assert [s["weekdays"] for s in listed] == [["thu", "fri"], ["sat"]]


def test_stops_are_refused_for_counters_outside_the_city_and_for_other_roles(client_for, points):
    boss = client_for("supervisor")
    body = {"unit": "mall_1", "place_names": PARK, "lat": 21.45, "lon": 39.82, "weekdays": ["thu"]}
    body.update(starts="16:00", ends="22:00")
    error(boss.post("/programs/stops", json=body), 400, "not_mobile")
    body.update(unit="car_1", lat=24.47, lon=39.61)  # Madinah: outside the area served
    error(boss.post("/programs/stops", json=body), 400, "outside_boundary")
    body.update(lat=21.45, lon=39.82, weekdays=[])
    error(boss.post("/programs/stops", json=body), 400, "required")
    body.update(weekdays=["thu"])
    error(client_for("counter").post("/programs/stops", json=body), 403, "forbidden")
    error(client_for("taif_supervisor").post("/programs/stops", json=body), 404, "not_found")


def test_mosque_counter_hours_follow_the_prayer_times_and_ramadan(client_for, points):
    agent = client_for("agent")
    # 1 March 2026 is in Ramadan 1447; 20 March is Eid al-Fitr.
    for day, isha_after in [(datetime.date(2026, 3, 1), 120), (datetime.date(2026, 3, 20), 90)]:
        body = agent.get("/programs/points/mosque_1/schedule", params={"start": day.isoformat(), "days": 1})
        assert body.status_code == 200, body.text
        opening = body.json()["days"][0]["openings"][0]
        opens = datetime.datetime.fromisoformat(opening["opens"])
        closes = datetime.datetime.fromisoformat(opening["closes"])
        window = hours.prayer_window(day, lat=hours.MAKKAH[0], lon=hours.MAKKAH[1], tz=RIYADH)
        assert opens == window.maghrib - datetime.timedelta(hours=1)
        # One hour before Maghrib to one hour after Isha; Isha 90 minutes after Maghrib, 120 in Ramadan.
        assert closes - opens == datetime.timedelta(minutes=60 + isha_after + 60)
        assert 17 <= opens.astimezone(RIYADH).hour <= 18


def test_the_extended_hours_point_and_the_mall_counter_keep_weekly_hours(client_for, points):
    agent = client_for("agent")
    day = next_weekday("sun")
    hq = agent.get("/programs/points/hq/schedule", params={"start": day.isoformat(), "days": 1}).json()
    opening = hq["days"][0]["openings"][0]
    assert opening["opens"][11:16] == "07:00" and opening["closes"][11:16] == "19:00"
    mall = agent.get("/programs/points/mall_1/schedule", params={"start": day.isoformat(), "days": 1}).json()
    assert mall["days"][0]["openings"][0]["opens"][11:16] == "16:00"


# --- Walk-ins ----------------------------------------------------------------------------------------------


def _at(hour: int, days_ago: int = 1) -> str:
    moment = datetime.datetime.now(RIYADH) - datetime.timedelta(days=days_ago)
    return moment.replace(hour=hour, minute=15, second=0, microsecond=0).isoformat()


def test_a_counter_agent_records_walk_ins_at_their_post_flagged_out_of_hours(client_for, points, staff):
    counter = client_for("counter")  # post: hq, open 07:00–19:00
    case = case_services.case_create(
        request=IntakeRequest(
            organization=staff["counter"].organization,
            description="Licence printing problem",
            channel="counter",
            service_point="hq",
        )
    ).case
    response = counter.post(
        "/programs/walk-ins",
        json={
            "service": "printing",
            "language": "ur",
            "category": "cleanliness",
            "case": case.reference,
            "at": _at(10),
            "note": "printed licence",
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["service_point"] == "hq"  # the caller's post
    assert body["case"] == case.reference and body["category"] == "cleanliness" and body["language"] == "ur"
    assert body["out_of_hours"] is False
    assert body["recorded_by"] == "khalid"

    late = counter.post("/programs/walk-ins", json={"service": "inquiry", "language": "ar", "at": _at(20)})
    assert late.status_code == 201, late.text
    assert late.json()["out_of_hours"] is True  # kept, flagged: the queue was served after closing

    day = _at(10)[:10]
    listed = counter.get("/programs/walk-ins", params={"date": day}).json()
    assert [w["service"] for w in listed] == ["inquiry", "printing"]
    assert WalkIn.objects.count() == 2


def test_walk_in_refusals(client_for, points):
    counter = client_for("counter")
    error(
        counter.post("/programs/walk-ins", json={"service": "dance", "language": "ar"}), 400, "invalid_choice"
    )
    error(
        counter.post("/programs/walk-ins", json={"service": "inquiry", "language": "xx"}),
        400,
        "unsupported_language",
    )
    future = (datetime.datetime.now(RIYADH) + datetime.timedelta(hours=2)).isoformat()
    error(
        counter.post("/programs/walk-ins", json={"service": "inquiry", "language": "ar", "at": future}),
        400,
        "in_future",
    )
    error(
        counter.post("/programs/walk-ins", json={"service": "inquiry", "language": "ar", "at": _at(10, 9)}),
        400,
        "too_old",
    )
    # Only at one's own post; supervisors at any point; other roles and organizations not at all.
    other = {"service": "inquiry", "language": "ar", "service_point": "mall_1"}
    error(counter.post("/programs/walk-ins", json=other), 403, "not_your_post")
    assert client_for("supervisor").post("/programs/walk-ins", json=other).status_code == 201
    error(client_for("field_clean").post("/programs/walk-ins", json=other), 403, "forbidden")
    error(client_for("taif_agent").post("/programs/walk-ins", json=other), 404, "not_found")
    error(
        client_for("admin").post("/programs/walk-ins", json={"service": "inquiry", "language": "ar"}),
        400,
        "required",
    )


# --- Volume ------------------------------------------------------------------------------------------------


def _walkin(point, user, moment, service="inquiry"):
    with clock.at(moment):
        return units.walkin_record(service_point=point, by=user, service=service, language="ar")


def test_volume_counts_walk_ins_and_cases_per_point_hour_and_weekday(client_for, points, staff, makkah):
    counter = staff["counter"]
    sunday = next_weekday("sun") - datetime.timedelta(days=14)
    at = lambda day, hour: datetime.datetime.combine(day, datetime.time(hour, 30), tzinfo=RIYADH)  # noqa: E731
    for _n in range(3):
        _walkin(points["hq"], counter, at(sunday, 9))
    _walkin(points["hq"], counter, at(sunday + datetime.timedelta(days=1), 9))  # Monday 09:xx
    _walkin(points["mall"], staff["supervisor"], at(sunday, 20))
    with clock.at(at(sunday, 11)):
        case_services.case_create(
            request=IntakeRequest(
                organization=makkah, description="Broken bench", channel="counter", service_point="hq"
            )
        )
    # Outside the range: not counted.
    _walkin(points["hq"], counter, at(sunday + datetime.timedelta(days=3), 9))

    boss = client_for("supervisor")
    range_ = {"start": sunday.isoformat(), "end": (sunday + datetime.timedelta(days=1)).isoformat()}
    body = boss.get("/programs/volume", params=range_).json()
    assert (body["walk_ins"], body["cases"], body["total"]) == (5, 1, 6)
    by_point = {p["code"]: p for p in body["points"]}
    assert by_point["hq"]["walk_ins"] == 4 and by_point["hq"]["cases"] == 1
    assert by_point["hq"]["by_hour"][9] == 4 and by_point["hq"]["by_hour"][11] == 1
    assert by_point["mall_1"]["by_hour"][20] == 1
    assert body["points"][0]["code"] == "hq"  # busiest first
    assert "call_centre" not in by_point
    assert body["hour_totals"][9] == 4 and sum(body["hour_totals"]) == 6
    weekdays = {row["weekday"]: row for row in body["by_weekday"]}
    assert body["by_weekday"][0]["weekday"] == "sun"  # the Saudi week
    assert weekdays["sun"]["by_hour"][9] == 3 and weekdays["sun"]["total"] == 5
    assert weekdays["mon"]["by_hour"][9] == 1

    only_mall = boss.get("/programs/volume", params={**range_, "service_point": "mall_1"}).json()
    assert only_mall["total"] == 1 and [p["code"] for p in only_mall["points"]] == ["mall_1"]
    assert {r["weekday"]: r["total"] for r in only_mall["by_weekday"]}["sun"] == 1

    error(client_for("counter").get("/programs/volume", params=range_), 403, "forbidden")
    assert client_for("taif_supervisor").get("/programs/volume", params=range_).json()["total"] == 0


def test_volume_takes_a_constant_number_of_queries(points, staff, makkah, django_assert_num_queries):
    day = datetime.datetime.now(RIYADH).date() - datetime.timedelta(days=2)
    moment = datetime.datetime.combine(day, datetime.time(10), tzinfo=RIYADH)
    _walkin(points["hq"], staff["counter"], moment)
    with django_assert_num_queries(3):
        selectors.volume(makkah, start=day, end=day)
    for hour in range(8, 18):
        _walkin(points["hq"], staff["counter"], moment.replace(hour=hour))
        _walkin(points["mall"], staff["supervisor"], moment.replace(hour=hour))
    with django_assert_num_queries(3):
        result = selectors.volume(makkah, start=day, end=day)
    assert result.walk_ins == 21
