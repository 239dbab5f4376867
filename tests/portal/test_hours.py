"""Opening hours: weekly hours, open now, and mosque counters' hours from Makkah's prayer times."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest

from khidma.organizations.models import ServicePoint
from khidma.portal import hours

RIYADH = ZoneInfo("Asia/Riyadh")


def _at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=RIYADH)


def _point(kind="headquarters", opening_hours=None, lat=None, lon=None) -> ServicePoint:
    return ServicePoint(code="p", kind=kind, opening_hours=opening_hours or {}, lat=lat, lon=lon, names={})


def _minutes(delta: datetime.timedelta) -> int:
    return round(delta.total_seconds() / 60)


def test_maghrib_in_makkah_follows_umm_al_qura_and_the_counter_opens_an_hour_before():
    window = hours.prayer_window(datetime.date(2025, 6, 21), lat=21.4225, lon=39.8262, tz=RIYADH)
    # Umm al-Qura calendar, Makkah, 21 June 2025: Maghrib at 19:07 (a minute either way between tables).
    assert datetime.time(19, 5) <= window.maghrib.time() <= datetime.time(19, 9)
    assert _minutes(window.maghrib - window.opens) == 60
    assert _minutes(window.isha - window.maghrib) == 90
    assert _minutes(window.closes - window.isha) == 60


def test_winter_maghrib_is_earlier():
    window = hours.prayer_window(datetime.date(2025, 12, 21), lat=21.4225, lon=39.8262, tz=RIYADH)
    assert datetime.time(17, 40) <= window.maghrib.time() <= datetime.time(17, 48)
    assert window.opens.time() < datetime.time(16, 50)


def test_in_ramadan_isha_is_two_hours_after_maghrib():
    assert hours.is_ramadan(datetime.date(2026, 3, 1))  # 12 Ramadan 1447
    assert not hours.is_ramadan(datetime.date(2026, 3, 20))  # 1 Shawwal: Eid
    assert not hours.is_ramadan(datetime.date(2090, 1, 1))  # beyond the tables: no error
    ramadan = hours.prayer_window(datetime.date(2026, 3, 1), lat=21.4225, lon=39.8262, tz=RIYADH)
    assert _minutes(ramadan.isha - ramadan.maghrib) == 120
    assert _minutes(ramadan.closes - ramadan.opens) == 60 + 120 + 60
    after = hours.prayer_window(datetime.date(2026, 3, 20), lat=21.4225, lon=39.8262, tz=RIYADH)
    assert _minutes(after.isha - after.maghrib) == 90


def test_a_mosque_counter_is_open_between_its_computed_hours_each_day():
    counter = _point(kind="mosque_counter", lat=21.4225, lon=39.8262)
    day = datetime.date(2025, 6, 21)
    window = hours.prayer_window(day, lat=21.4225, lon=39.8262, tz=RIYADH)
    assert not hours.today(counter, window.opens - datetime.timedelta(minutes=1), RIYADH).open_now
    inside = hours.today(counter, window.maghrib, RIYADH)
    assert inside.open_now and inside.closes_at == window.closes
    assert not hours.today(counter, window.closes, RIYADH).open_now
    before = hours.today(counter, _at(2025, 6, 21, 9, 0), RIYADH)
    assert before.opens_next == window.opens and before.opens_in_days == 0
    # Without a position of its own the counter uses Makkah's times.
    assert hours.openings_on(_point(kind="mosque_counter"), day, RIYADH)[0].opens == window.opens


def test_weekly_hours_with_two_shifts_and_a_closed_friday():
    point = _point(
        opening_hours={
            d: [["07:30", "14:30"], ["16:00", "21:00"]] for d in ("sun", "mon", "tue", "wed", "thu")
        }
    )
    sunday = datetime.date(2025, 6, 22)
    assert [(o.opens.time(), o.closes.time()) for o in hours.openings_on(point, sunday, RIYADH)] == [
        (datetime.time(7, 30), datetime.time(14, 30)),
        (datetime.time(16, 0), datetime.time(21, 0)),
    ]
    assert hours.today(point, _at(2025, 6, 22, 8, 0), RIYADH).open_now
    lunch = hours.today(point, _at(2025, 6, 22, 15, 0), RIYADH)
    assert not lunch.open_now and lunch.opens_next == _at(2025, 6, 22, 16, 0) and lunch.opens_in_days == 0
    friday = hours.today(point, _at(2025, 6, 20, 10, 0), RIYADH)
    assert friday.openings == [] and not friday.open_now
    assert friday.opens_next == _at(2025, 6, 22, 7, 30) and friday.opens_in_days == 2


def test_hours_past_midnight_and_round_the_clock():
    late = _point(opening_hours={"thu": [["20:00", "02:00"]]})
    assert hours.today(late, _at(2025, 6, 19, 23, 0), RIYADH).open_now  # Thursday night
    assert hours.today(late, _at(2025, 6, 20, 1, 30), RIYADH).open_now  # early Friday, still Thursday's
    assert not hours.today(late, _at(2025, 6, 20, 2, 0), RIYADH).open_now
    always = _point(opening_hours={d: [["00:00", "24:00"]] for d in hours.DAY_KEYS})
    assert hours.is_always_open(always)
    assert hours.today(always, _at(2025, 6, 20, 23, 59), RIYADH).open_now


@pytest.mark.parametrize("broken", [{"sun": [["7", "x"]]}, {"sun": [["07:00"]]}, {"sun": "all day"}])
def test_malformed_hours_in_the_admin_do_not_break_the_page(broken):
    assert hours.today(_point(opening_hours=broken), _at(2025, 6, 22, 9, 0), RIYADH).open_now is False
