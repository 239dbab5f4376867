"""Behaviour of the working-time engine behind SLA due dates.

Most cases use the municipality's office calendar: Sunday-Thursday 07:30-14:30 in
Asia/Riyadh, where "3 working days" means 21 working hours. Every literal date is
checked against its expected weekday before use, so a typo fails loudly instead of
silently testing something else.
"""

import random
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hijridate import Hijri

from khidma.sla.worktime import (
    MAX_IDLE_DAYS,
    AnnualGregorianHoliday,
    AnnualHijriHoliday,
    GregorianHoliday,
    WorkCalendar,
    WorkingWindow,
    fraction_elapsed,
)

RIYADH = ZoneInfo("Asia/Riyadh")
PARIS = ZoneInfo("Europe/Paris")
MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

THREE_WORKING_DAYS = timedelta(hours=21)
ONE_MICROSECOND = timedelta(microseconds=1)

FOUNDING_DAY = AnnualGregorianHoliday(2, 22, 1, "Founding Day")
NATIONAL_DAY = AnnualGregorianHoliday(9, 23, 1, "National Day")
EID_AL_FITR = AnnualHijriHoliday(10, 1, 4, "Eid al-Fitr")
EID_AL_ADHA = AnnualHijriHoliday(12, 10, 4, "Eid al-Adha")


def on(weekday: int, year: int, month: int, day: int) -> date:
    value = date(year, month, day)
    assert value.weekday() == weekday, f"{value} is a {WEEKDAY_NAMES[value.weekday()]}"
    return value


def local(day: date, hour: int = 0, minute: int = 0, tz: ZoneInfo = RIYADH) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=tz)


def hijri(year: int, month: int, day: int) -> date:
    converted = Hijri(year, month, day).to_gregorian()
    return date(converted.year, converted.month, converted.day)


def office(*holidays: object) -> WorkCalendar:
    return WorkCalendar.weekly("Asia/Riyadh", holidays=holidays)


def lunch_break_calendar(tz: ZoneInfo = RIYADH) -> WorkCalendar:
    windows = []
    for weekday in (MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY):
        windows += [WorkingWindow(weekday, time(8), time(12)), WorkingWindow(weekday, time(13), time(17))]
    return WorkCalendar(tz, tuple(windows))


# --------------------------------------------------------------------------------------
# The SLA facts the product relies on
# --------------------------------------------------------------------------------------


def test_three_working_days_from_thursday_afternoon_lands_on_tuesday() -> None:
    received = local(on(THURSDAY, 2026, 1, 15), 13)

    due = office().add(received, THREE_WORKING_DAYS)

    assert due == local(on(TUESDAY, 2026, 1, 20), 13)
    assert due.tzinfo is UTC


def test_three_working_days_from_thursday_afternoon_are_1_5_plus_7_plus_7_plus_5_5_hours() -> None:
    cal = office()
    thursday, sunday, monday, tuesday = (
        on(THURSDAY, 2026, 1, 15),
        on(SUNDAY, 2026, 1, 18),
        on(MONDAY, 2026, 1, 19),
        on(TUESDAY, 2026, 1, 20),
    )

    assert cal.working_time_between(local(thursday, 13), local(sunday)) == timedelta(hours=1.5)
    assert cal.working_time_between(local(sunday), local(monday)) == timedelta(hours=7)
    assert cal.working_time_between(local(monday), local(tuesday)) == timedelta(hours=7)
    assert cal.working_time_between(local(tuesday), local(tuesday, 13)) == timedelta(hours=5.5)
    assert cal.working_time_between(local(thursday, 13), local(tuesday, 13)) == THREE_WORKING_DAYS


@pytest.mark.parametrize(("hour", "minute"), [(0, 0), (7, 30), (10, 0), (14, 30), (23, 59)])
def test_case_received_on_friday_at_any_hour_is_due_tuesday_at_closing_time(hour: int, minute: int) -> None:
    received = local(on(FRIDAY, 2026, 1, 16), hour, minute)

    assert office().add(received, THREE_WORKING_DAYS) == local(on(TUESDAY, 2026, 1, 20), 14, 30)


def test_case_received_saturday_just_before_midnight_is_due_tuesday_at_closing_time() -> None:
    received = local(on(SATURDAY, 2026, 1, 17), 23, 59)

    assert office().add(received, THREE_WORKING_DAYS) == local(on(TUESDAY, 2026, 1, 20), 14, 30)


def test_case_received_sunday_before_opening_is_due_tuesday_at_closing_time() -> None:
    received = local(on(SUNDAY, 2026, 1, 18), 7, 0)

    assert office().add(received, THREE_WORKING_DAYS) == local(on(TUESDAY, 2026, 1, 20), 14, 30)


def test_duration_ending_exactly_at_closing_time_returns_that_closing_time_not_the_next_opening() -> None:
    thursday = on(THURSDAY, 2026, 1, 15)

    assert office().add(local(thursday, 7, 30), timedelta(hours=7)) == local(thursday, 14, 30)


@pytest.mark.parametrize("weeks", [1, 2, 5])
def test_whole_working_weeks_end_at_the_last_closing_time_not_the_next_opening(weeks: int) -> None:
    received_at_closing = local(on(THURSDAY, 2026, 1, 8), 14, 30)

    due = office().add(received_at_closing, timedelta(hours=35) * weeks)

    assert due == local(on(THURSDAY, 2026, 1, 8) + timedelta(weeks=weeks), 14, 30)


def test_zero_duration_returns_the_start_unchanged_even_outside_working_time() -> None:
    friday_morning = local(on(FRIDAY, 2026, 1, 16), 10)

    due = office().add(friday_morning, timedelta(0))

    assert due == friday_morning
    assert due.tzinfo is UTC


def test_start_given_in_another_time_zone_is_the_same_instant() -> None:
    received_utc = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)  # 13:00 in Riyadh (UTC+3, no DST)

    assert office().add(received_utc, THREE_WORKING_DAYS) == datetime(2026, 1, 20, 10, 0, tzinfo=UTC)


# --------------------------------------------------------------------------------------
# Gregorian holidays
# --------------------------------------------------------------------------------------


def test_national_day_falling_on_a_wednesday_is_skipped() -> None:
    received = local(on(TUESDAY, 2026, 9, 22), 13)
    assert on(WEDNESDAY, 2026, 9, 23) == date(2026, 9, 23)

    # Without the holiday: 1.5 h Tue, 7 h Wed, 7 h Thu, 5.5 h Sun.
    assert office().add(received, THREE_WORKING_DAYS) == local(on(SUNDAY, 2026, 9, 27), 13)
    # With it: 1.5 h Tue, 7 h Thu, 7 h Sun, 5.5 h Mon.
    assert office(NATIONAL_DAY).add(received, THREE_WORKING_DAYS) == local(on(MONDAY, 2026, 9, 28), 13)


def test_annual_gregorian_holiday_recurs_every_year() -> None:
    cal = office(FOUNDING_DAY)
    founding_day_2026 = on(SUNDAY, 2026, 2, 22)

    assert cal.is_holiday(founding_day_2026)
    assert cal.is_holiday(on(MONDAY, 2027, 2, 22))
    assert not cal.is_holiday(on(TUESDAY, 2027, 2, 23))
    # 1.5 h Thu, Sunday closed, 7 h Mon, 7 h Tue, 5.5 h Wed.
    received = local(on(THURSDAY, 2026, 2, 19), 13)
    assert cal.add(received, THREE_WORKING_DAYS) == local(on(WEDNESDAY, 2026, 2, 25), 13)


def test_one_off_gregorian_holiday_closes_every_day_of_its_inclusive_range() -> None:
    closure = GregorianHoliday(on(MONDAY, 2026, 2, 2), on(TUESDAY, 2026, 2, 3), "System migration")
    cal = office(closure)

    # 1.5 h Sun, Mon and Tue closed, 7 h Wed, 7 h Thu, 5.5 h next Sun.
    received = local(on(SUNDAY, 2026, 2, 1), 13)
    assert cal.add(received, THREE_WORKING_DAYS) == local(on(SUNDAY, 2026, 2, 8), 13)
    assert not cal.is_holiday(date(2027, 2, 2))


def test_february_29_holiday_only_occurs_in_leap_years() -> None:
    cal = office(AnnualGregorianHoliday(2, 29, 1, "Leap day"))

    assert cal.is_holiday(date(2028, 2, 29))
    assert cal.holiday_dates(2027) == frozenset()


def test_multi_day_annual_holiday_spills_into_the_next_year() -> None:
    cal = office(AnnualGregorianHoliday(12, 30, 4, "Year-end closure"))

    assert cal.holiday_dates(2027) == {
        date(2027, 1, 1),
        date(2027, 1, 2),
        date(2027, 12, 30),
        date(2027, 12, 31),
    }


# --------------------------------------------------------------------------------------
# Hijri holidays (Umm al-Qura)
# --------------------------------------------------------------------------------------


def test_eid_al_fitr_1447_is_placed_by_the_umm_al_qura_calendar() -> None:
    eid = hijri(1447, 10, 1)
    assert eid == date(2026, 3, 20)  # sanity check of hijridate's Umm al-Qura table
    cal = office(EID_AL_FITR)

    assert [cal.is_holiday(eid + timedelta(days=i)) for i in range(-1, 5)] == [
        False,
        True,
        True,
        True,
        True,
        False,
    ]
    # Recurs on the next Hijri year, which starts ~11 days earlier in 2027.
    assert cal.is_holiday(hijri(1448, 10, 1))
    assert hijri(1448, 10, 1).year == 2027


def test_eid_al_fitr_spanning_the_weekend_pushes_the_due_date_past_it() -> None:
    eid = hijri(1447, 10, 1)
    assert eid.weekday() == FRIDAY  # Fri-Mon: covers the weekend and the Sunday and Monday after it
    received = local(eid - timedelta(days=1), 13)
    assert received.weekday() == THURSDAY

    due = office(EID_AL_FITR).add(received, THREE_WORKING_DAYS)

    # 1.5 h Thu, Eid Fri-Mon, 7 h Tue, 7 h Wed, 5.5 h Thu.
    expected = local(eid + timedelta(days=6), 13)
    assert expected.weekday() == THURSDAY
    assert due == expected


def test_eid_al_adha_1447_closes_the_office_in_midweek() -> None:
    eid = hijri(1447, 12, 10)
    assert eid.weekday() == WEDNESDAY
    received = local(eid - timedelta(days=1), 13)

    due = office(EID_AL_ADHA).add(received, THREE_WORKING_DAYS)

    # 1.5 h Tue, Eid Wed-Sat, 7 h Sun, 7 h Mon, 5.5 h Tue.
    expected = local(eid + timedelta(days=6), 13)
    assert expected.weekday() == TUESDAY
    assert due == expected


def test_hijri_holiday_can_occur_twice_in_one_gregorian_year() -> None:
    first, second = hijri(1454, 10, 1), hijri(1455, 10, 1)
    assert first.year == second.year == 2033
    cal = office(EID_AL_FITR)

    expected = {start + timedelta(days=i) for start in (first, second) for i in range(4)}
    assert cal.holiday_dates(2033) == expected


def test_hijri_holiday_straddling_new_year_is_found_from_either_year() -> None:
    eid = hijri(1427, 12, 10)
    last_day = eid + timedelta(days=3)
    assert (eid.year, last_day.year) == (2006, 2007)
    cal = office(EID_AL_ADHA)

    # Ask about the following year first so 2007 is expanded without 2006 in the cache.
    assert cal.is_holiday(last_day)
    assert not cal.is_holiday(last_day + timedelta(days=1))
    assert cal.is_holiday(eid)


def test_hijri_holidays_expanded_per_gregorian_year_match_every_hijri_occurrence() -> None:
    # Includes a long holiday late in Dhu al-Hijjah, which can cross both the Hijri
    # and the Gregorian new year (1429/12/25 + 10 days runs 2008-12-23..2009-01-01).
    holidays = (EID_AL_FITR, EID_AL_ADHA, AnnualHijriHoliday(12, 25, 10, "Year-end"))
    cal = office(*holidays)
    occurrences = {
        hijri(year, holiday.month, holiday.day) + timedelta(days=i)
        for holiday in holidays
        for year in range(1418, 1485)
        for i in range(holiday.days)
    }
    assert hijri(1429, 12, 25) == date(2008, 12, 23)

    for year in range(2000, 2061):
        assert cal.holiday_dates(year) == {day for day in occurrences if day.year == year}, year


def test_hijri_day_thirty_only_occurs_when_the_month_has_thirty_days() -> None:
    assert Hijri(1447, 9, 1).month_length() == 30
    assert Hijri(1448, 9, 1).month_length() == 29
    cal = office(AnnualHijriHoliday(9, 30, 1, "30 Ramadan"))

    assert cal.holiday_dates(2026) == {hijri(1447, 9, 30)}
    assert cal.holiday_dates(2027) == frozenset()


def test_hijri_holiday_outside_the_umm_al_qura_tables_is_an_error_not_a_silent_gap() -> None:
    with pytest.raises(ValueError, match="Umm al-Qura"):
        office(EID_AL_FITR).is_holiday(date(2090, 1, 1))


# --------------------------------------------------------------------------------------
# 24/7 calendars
# --------------------------------------------------------------------------------------


def test_urgent_case_on_a_24_7_calendar_is_due_exactly_24_hours_later_across_a_holiday() -> None:
    cal = WorkCalendar(RIYADH, windows=(), holidays=(NATIONAL_DAY,), always_open=True)
    received = local(on(TUESDAY, 2026, 9, 22), 10)

    assert cal.add(received, timedelta(hours=24)) == local(on(WEDNESDAY, 2026, 9, 23), 10)
    assert cal.is_working(local(date(2026, 9, 23), 3))
    assert cal.working_time_between(received, received + timedelta(days=2)) == timedelta(days=2)
    assert WorkCalendar.twenty_four_seven("Asia/Riyadh").add(received, timedelta(hours=24)) == (
        received + timedelta(hours=24)
    )


def test_24_7_calendar_counts_real_hours_across_a_dst_change() -> None:
    cal = WorkCalendar.twenty_four_seven(PARIS)
    saturday_noon = local(on(SATURDAY, 2026, 3, 28), 12, tz=PARIS)

    due = cal.add(saturday_noon, timedelta(hours=24))

    # Clocks jump forward that night, so 24 real hours later the wall clock reads 13:00.
    assert due.astimezone(PARIS) == local(on(SUNDAY, 2026, 3, 29), 13, tz=PARIS)
    assert cal.next_working_instant(saturday_noon) == saturday_noon


# --------------------------------------------------------------------------------------
# Several windows per day, windows until midnight, instants
# --------------------------------------------------------------------------------------


def test_lunch_break_is_not_counted_as_working_time() -> None:
    cal = lunch_break_calendar()
    monday = on(MONDAY, 2026, 1, 12)

    assert cal.add(local(monday, 11), timedelta(hours=2)) == local(monday, 14)
    assert cal.add(local(monday, 11), timedelta(hours=1)) == local(monday, 12)
    assert cal.working_time_between(local(monday), local(monday + timedelta(days=1))) == timedelta(hours=8)
    assert not cal.is_working(local(monday, 12, 30))
    assert cal.next_working_instant(local(monday, 12, 30)) == local(monday, 13)


def test_window_ending_at_midnight_runs_into_the_next_mornings_window() -> None:
    cal = WorkCalendar(
        RIYADH,
        (WorkingWindow(MONDAY, time(22), time(0)), WorkingWindow(TUESDAY, time(0), time(6))),
    )
    monday, tuesday = on(MONDAY, 2026, 1, 12), on(TUESDAY, 2026, 1, 13)

    assert cal.add(local(monday, 23), timedelta(hours=2)) == local(tuesday, 1)
    assert cal.add(local(monday, 22), timedelta(hours=2)) == local(tuesday)
    assert cal.is_working(local(monday, 23, 59))
    assert cal.working_time_between(local(monday), local(tuesday, 12)) == timedelta(hours=8)


def test_working_time_is_half_open_at_window_boundaries() -> None:
    cal = office()
    thursday = on(THURSDAY, 2026, 1, 15)

    assert cal.is_working(local(thursday, 7, 30))
    assert cal.is_working(local(thursday, 14, 30) - ONE_MICROSECOND)
    assert not cal.is_working(local(thursday, 14, 30))
    assert not cal.is_working(local(on(FRIDAY, 2026, 1, 16), 10))


def test_next_working_instant_is_now_when_working_and_the_next_opening_otherwise() -> None:
    cal = office(NATIONAL_DAY)
    thursday = on(THURSDAY, 2026, 1, 15)

    assert cal.next_working_instant(local(thursday, 9)) == local(thursday, 9)
    assert cal.next_working_instant(local(thursday, 14, 30)) == local(on(SUNDAY, 2026, 1, 18), 7, 30)
    # National Day (Wednesday) is skipped.
    next_opening = cal.next_working_instant(local(on(TUESDAY, 2026, 9, 22), 15))
    assert next_opening == local(on(THURSDAY, 2026, 9, 24), 7, 30)
    assert next_opening.tzinfo is UTC


def test_working_time_between_is_zero_for_empty_or_reversed_ranges() -> None:
    cal = office()
    thursday = local(on(THURSDAY, 2026, 1, 15), 9)

    assert cal.working_time_between(thursday, thursday) == timedelta(0)
    assert cal.working_time_between(thursday, thursday - timedelta(hours=1)) == timedelta(0)


# --------------------------------------------------------------------------------------
# Daylight saving time (Europe/Paris changes on 29 March and 25 October 2026)
# --------------------------------------------------------------------------------------


def test_office_hours_follow_the_wall_clock_across_spring_forward() -> None:
    cal = WorkCalendar.weekly(
        PARIS, days=(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), start=time(9), end=time(17)
    )
    friday = local(on(FRIDAY, 2026, 3, 27), 16, tz=PARIS)

    due = cal.add(friday, timedelta(hours=2))

    # One hour on Friday (UTC+1), one on Monday (UTC+2): 10:00 local is 08:00 UTC.
    assert due == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)
    assert due.astimezone(PARIS) == local(on(MONDAY, 2026, 3, 30), 10, tz=PARIS)


def test_a_whole_day_window_lasts_23_hours_in_spring_and_25_hours_in_autumn() -> None:
    cal = WorkCalendar(PARIS, (WorkingWindow(SUNDAY, time(0), time(0)),))
    spring, autumn = on(SUNDAY, 2026, 3, 29), on(SUNDAY, 2026, 10, 25)
    one_day = timedelta(days=1)

    assert cal.working_time_between(local(spring, tz=PARIS), local(spring + one_day, tz=PARIS)) == timedelta(
        hours=23
    )
    assert cal.working_time_between(local(autumn, tz=PARIS), local(autumn + one_day, tz=PARIS)) == timedelta(
        hours=25
    )
    assert cal.add(local(spring, tz=PARIS), timedelta(hours=23)) == local(spring + one_day, tz=PARIS)


def test_window_containing_the_skipped_hour_is_one_real_hour_shorter() -> None:
    cal = WorkCalendar(PARIS, (WorkingWindow(SUNDAY, time(1), time(4)),))
    spring = on(SUNDAY, 2026, 3, 29)

    assert cal.working_time_between(local(spring, tz=PARIS), local(spring, 12, tz=PARIS)) == timedelta(
        hours=2
    )


def test_windows_on_either_side_of_the_skipped_hour_are_not_counted_twice() -> None:
    # 02:30 does not exist on 29 March; the first window really ends at 02:00 = 03:00.
    cal = WorkCalendar(
        PARIS, (WorkingWindow(SUNDAY, time(1), time(2, 30)), WorkingWindow(SUNDAY, time(3), time(5)))
    )
    spring = on(SUNDAY, 2026, 3, 29)

    assert cal.working_time_between(local(spring, tz=PARIS), local(spring, 12, tz=PARIS)) == timedelta(
        hours=3
    )
    assert cal.add(local(spring, 1, tz=PARIS), timedelta(hours=3)) == local(spring, 5, tz=PARIS)


def test_round_the_clock_windows_count_real_time_over_weeks_with_dst_changes() -> None:
    cal = WorkCalendar(PARIS, tuple(WorkingWindow(weekday, time(0), time(0)) for weekday in range(7)))
    start = local(on(MONDAY, 2026, 1, 5), 10, tz=PARIS).astimezone(UTC)

    for days in (60, 120, 300):
        elapsed = timedelta(days=days)
        assert cal.add(start, elapsed) == start + elapsed
        assert cal.working_time_between(start, start + elapsed) == elapsed


def test_long_duration_across_dst_changes_matches_day_by_day_steps() -> None:
    cal = WorkCalendar.weekly(
        PARIS, days=(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), start=time(9), end=time(17)
    )
    start = local(on(MONDAY, 2026, 1, 5), 10, tz=PARIS)
    step = timedelta(hours=8)

    stepped = start
    for _ in range(250):
        stepped = cal.add(stepped, step)

    assert cal.add(start, step * 250) == stepped
    assert cal.working_time_between(start, stepped) == step * 250


# --------------------------------------------------------------------------------------
# Long durations (whole-week skipping) and consistency properties
# --------------------------------------------------------------------------------------


def test_long_duration_across_holidays_matches_repeated_single_day_steps() -> None:
    cal = office(FOUNDING_DAY, NATIONAL_DAY, EID_AL_FITR, EID_AL_ADHA)
    start = local(on(THURSDAY, 2026, 1, 15), 13)
    step = timedelta(hours=7)

    stepped = start
    for _ in range(400):
        stepped = cal.add(stepped, step)

    assert cal.add(start, step * 400) == stepped


def test_holiday_early_in_january_is_seen_when_skipping_a_week_that_straddles_new_year() -> None:
    start = local(on(MONDAY, 2026, 12, 28), 7, 30)
    ten_working_days = timedelta(hours=70)
    # Without the closure: Mon-Thu (4 days), Sun 3-Thu 7 Jan (5 days), Sun 10 Jan.
    assert office().add(start, ten_working_days) == local(on(SUNDAY, 2027, 1, 10), 14, 30)

    closure = GregorianHoliday(on(SUNDAY, 2027, 1, 3), date(2027, 1, 3), "Inventory")
    cal = office(closure)

    assert cal.add(start, ten_working_days) == local(on(MONDAY, 2027, 1, 11), 14, 30)
    # 28-31 Dec (4 days), 4-7 Jan (4), 10-14 Jan (5), 17-19 Jan (3).
    assert cal.working_time_between(start, local(on(WEDNESDAY, 2027, 1, 20))) == timedelta(hours=7 * 16)


def test_durations_longer_than_three_years_are_fine_while_work_keeps_happening() -> None:
    # A holiday every Wednesday leaves no holiday-free week to skip, so the whole
    # duration goes through the day-by-day path and its give-up counter.
    first_sunday = on(SUNDAY, 2026, 1, 4)
    wednesdays = tuple(
        GregorianHoliday(day, day, "Weekly closure")
        for day in (first_sunday + timedelta(weeks=i, days=3) for i in range(210))
    )
    cal = office(*wednesdays)
    four_day_week = timedelta(hours=28)

    due = cal.add(local(first_sunday, 7, 30), four_day_week * 200)

    assert due == local(first_sunday + timedelta(weeks=199, days=4), 14, 30)
    assert due.astimezone(RIYADH).weekday() == THURSDAY


def test_working_time_over_two_years_equals_the_sum_of_its_days() -> None:
    cal = office(FOUNDING_DAY, NATIONAL_DAY, EID_AL_FITR, EID_AL_ADHA)
    first = date(2026, 1, 1)
    days = [first + timedelta(days=i) for i in range(730)]

    per_day = sum(
        (cal.working_time_between(local(day), local(day + timedelta(days=1))) for day in days), timedelta(0)
    )

    assert cal.working_time_between(local(first), local(days[-1] + timedelta(days=1))) == per_day
    # Sanity: 2 years of 5-day weeks minus the holidays that hit working days.
    assert timedelta(hours=7 * 480) < per_day < timedelta(hours=7 * 522)


@pytest.mark.parametrize(
    "calendar",
    [
        office(FOUNDING_DAY, NATIONAL_DAY, EID_AL_FITR, EID_AL_ADHA),
        lunch_break_calendar(),
        lunch_break_calendar(PARIS),
    ],
    ids=["riyadh-office", "riyadh-lunch-break", "paris-lunch-break"],
)
def test_working_time_between_inverts_add_for_random_starts_and_durations(calendar: WorkCalendar) -> None:
    # Seeded pseudo-random cases (hypothesis is not a project dependency).
    rng = random.Random(20260115)
    origin = datetime(2026, 1, 1, tzinfo=UTC)
    for _ in range(300):
        start = origin + timedelta(seconds=rng.randrange(2 * 365 * 86400), microseconds=rng.randrange(10**6))
        duration = timedelta(seconds=rng.randrange(400 * 3600), microseconds=rng.randrange(10**6))
        extra = timedelta(seconds=rng.randrange(50 * 3600))

        due = calendar.add(start, duration)

        assert due >= start
        assert calendar.working_time_between(start, due) == duration
        assert calendar.is_working(due - ONE_MICROSECOND)
        assert calendar.add(due, extra) == calendar.add(start, duration + extra)


# --------------------------------------------------------------------------------------
# fraction_elapsed
# --------------------------------------------------------------------------------------


def test_fraction_elapsed_grows_with_working_time_only() -> None:
    cal = office()
    start = local(on(THURSDAY, 2026, 1, 15), 13)
    due = cal.add(start, THREE_WORKING_DAYS)

    assert fraction_elapsed(cal, start, due, start - timedelta(hours=1)) == 0.0
    assert fraction_elapsed(cal, start, due, start) == 0.0
    assert fraction_elapsed(cal, start, due, local(on(SATURDAY, 2026, 1, 17), 12)) == pytest.approx(1.5 / 21)
    assert fraction_elapsed(cal, start, due, local(on(MONDAY, 2026, 1, 19), 14, 30)) == pytest.approx(
        15.5 / 21
    )
    assert fraction_elapsed(cal, start, due, due) == 1.0
    # Past due: 1.5 h left on Tuesday plus 2.5 h on Wednesday morning.
    assert fraction_elapsed(cal, start, due, local(on(WEDNESDAY, 2026, 1, 21), 10)) == pytest.approx(25 / 21)


def test_fraction_elapsed_with_no_time_allowed_is_zero_before_and_one_from_the_due_instant() -> None:
    cal = office()
    instant = local(on(FRIDAY, 2026, 1, 16), 10)

    assert fraction_elapsed(cal, instant, instant, instant - timedelta(minutes=1)) == 0.0
    assert fraction_elapsed(cal, instant, instant, instant) == 1.0
    assert fraction_elapsed(cal, instant, instant, instant + timedelta(days=3)) == 1.0


# --------------------------------------------------------------------------------------
# Validation and guards
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda cal, naive: cal.add(naive, timedelta(hours=1)),
        lambda cal, naive: cal.working_time_between(naive, datetime(2026, 1, 20, tzinfo=UTC)),
        lambda cal, naive: cal.working_time_between(datetime(2026, 1, 1, tzinfo=UTC), naive),
        lambda cal, naive: cal.is_working(naive),
        lambda cal, naive: cal.next_working_instant(naive),
        lambda cal, naive: fraction_elapsed(cal, naive, naive, naive),
    ],
    ids=["add", "between-a", "between-b", "is_working", "next_working_instant", "fraction_elapsed"],
)
def test_naive_datetime_is_rejected(call) -> None:
    naive = datetime(2026, 1, 15, 13, 0)
    for cal in (office(), WorkCalendar.twenty_four_seven(RIYADH)):
        with pytest.raises(ValueError, match="timezone-aware"):
            call(cal, naive)


def test_negative_duration_is_rejected() -> None:
    with pytest.raises(ValueError, match="negative"):
        office().add(local(on(THURSDAY, 2026, 1, 15), 9), timedelta(hours=-1))


def test_calendar_without_working_windows_refuses_to_compute_a_due_date() -> None:
    cal = WorkCalendar(RIYADH, windows=())
    start = local(on(THURSDAY, 2026, 1, 15), 9)

    with pytest.raises(ValueError, match="calendar has no working time"):
        cal.add(start, timedelta(hours=1))
    with pytest.raises(ValueError, match="calendar has no working time"):
        cal.next_working_instant(start)
    assert cal.add(start, timedelta(0)) == start
    assert cal.working_time_between(start, start + timedelta(days=30)) == timedelta(0)
    assert not cal.is_working(start)


def test_calendar_whose_every_day_is_a_holiday_gives_up_instead_of_looping_forever() -> None:
    closed = GregorianHoliday(date(2026, 1, 1), date(2031, 12, 31), "Closed")
    cal = office(closed)
    start = local(on(THURSDAY, 2026, 1, 15), 9)

    with pytest.raises(ValueError, match=f"no working time in {MAX_IDLE_DAYS}"):
        cal.add(start, timedelta(hours=1))
    with pytest.raises(ValueError, match="no working time"):
        cal.next_working_instant(start)


def test_overlapping_windows_on_the_same_day_are_rejected() -> None:
    with pytest.raises(ValueError, match="overlap: Monday 08:00-12:00 and Monday 11:00-13:00"):
        WorkCalendar(
            RIYADH, (WorkingWindow(MONDAY, time(8), time(12)), WorkingWindow(MONDAY, time(11), time(13)))
        )
    with pytest.raises(ValueError, match="overlap"):
        WorkCalendar.weekly(RIYADH, days=(SUNDAY, SUNDAY))
    # Touching windows and the same hours on different days are fine.
    WorkCalendar(
        RIYADH, (WorkingWindow(MONDAY, time(8), time(12)), WorkingWindow(MONDAY, time(12), time(13)))
    )
    WorkCalendar(
        RIYADH, (WorkingWindow(MONDAY, time(8), time(12)), WorkingWindow(TUESDAY, time(8), time(12)))
    )


@pytest.mark.parametrize(
    ("weekday", "start", "end"),
    [(MONDAY, time(12), time(8)), (MONDAY, time(9), time(9)), (7, time(8), time(9)), (-1, time(8), time(9))],
)
def test_invalid_working_windows_are_rejected(weekday: int, start: time, end: time) -> None:
    with pytest.raises(ValueError):
        WorkingWindow(weekday, start, end)


def test_window_ending_at_midnight_means_until_end_of_day() -> None:
    window = WorkingWindow(FRIDAY, time(20), time(0))

    assert window.end_offset == timedelta(hours=24)
    assert window.label() == "Friday 20:00-24:00"


@pytest.mark.parametrize(
    "make",
    [
        lambda: GregorianHoliday(date(2026, 3, 2), date(2026, 3, 1), "Backwards"),
        lambda: AnnualGregorianHoliday(2, 30, 1, "No such day"),
        lambda: AnnualGregorianHoliday(9, 23, 0, "Zero days"),
        lambda: AnnualHijriHoliday(13, 1, 1, "No such month"),
        lambda: AnnualHijriHoliday(10, 31, 1, "No such day"),
        lambda: AnnualHijriHoliday(10, 1, 400, "Longer than a Hijri year"),
    ],
)
def test_invalid_holidays_are_rejected(make) -> None:
    with pytest.raises(ValueError):
        make()


def test_calendar_accepts_a_time_zone_key_and_is_a_hashable_value() -> None:
    by_key = WorkCalendar.weekly("Asia/Riyadh", holidays=(NATIONAL_DAY,))
    by_zone = WorkCalendar.weekly(RIYADH, holidays=[NATIONAL_DAY])
    by_key.is_holiday(date(2026, 9, 23))  # filling a cache must not change identity

    assert by_key.tz == RIYADH
    assert by_key == by_zone
    assert hash(by_key) == hash(by_zone)
    assert by_key != office()
