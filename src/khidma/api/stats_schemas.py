"""Shapes of the statistics endpoints (GET /api/v1/stats/summary and /stats/timeseries)."""

from __future__ import annotations

import datetime

from ninja import Schema
from pydantic import Field


class DurationOut(Schema):
    median_seconds: int | None = Field(description="Half of the cases took at most this long")
    p90_seconds: int | None = Field(description="Nine cases in ten took at most this long")


class TimeTakenOut(Schema):
    elapsed: DurationOut
    working: DurationOut = Field(description="Counted on each case's service-level calendar")


class FirstResponseOut(Schema):
    met: int
    missed: int = Field(description="Answered after the target")
    overdue: int = Field(description="Not answered yet, past the target")
    compliance: float | None = Field(description="met / (met + missed + overdue)")


class ResolutionOut(Schema):
    met: int
    missed: int
    breached_open: int = Field(description="Still open past the resolution target")
    compliance: float | None = Field(description="met / (met + missed), over resolved cases")


class SatisfactionOut(Schema):
    count: int
    average: float | None
    distribution: dict[str, int] = Field(description='Ratings per value, "1" to "5"')


class FiguresOut(Schema):
    received: int
    open: int
    closed: int
    closure_rate: float | None = Field(description="closed / received")
    confirmed: int = Field(description="Closed with the reporter's confirmation (closure code)")
    unconfirmed: int = Field(description="Closed when the reporter did not answer")
    closed_by_staff: int
    reopened: int = Field(description="Reopened at least once")
    reopen_rate: float | None = Field(description="reopened / received")
    first_response: FirstResponseOut
    resolution: ResolutionOut
    satisfaction: SatisfactionOut
    time_to_first_response: TimeTakenOut
    time_to_close: TimeTakenOut


class BreakdownRowOut(Schema):
    key: str | None = Field(description="The code (a staff member's id for `assignee`); null for none")
    name: str
    received: int
    open: int
    closed: int
    closure_rate: float | None
    resolution_compliance: float | None
    satisfaction_average: float | None


class BacklogOut(Schema):
    min_age_days: int
    max_age_days: int | None
    open: int


class HotspotOut(Schema):
    category: str
    count: int
    south: float
    west: float
    north: float
    east: float


class PeriodOut(Schema):
    start: datetime.date = Field(alias="from")
    end: datetime.date = Field(alias="to")
    season: str | None = None


class SummaryOut(Schema):
    period: PeriodOut
    filters: dict[str, str]
    figures: FiguresOut
    previous_period: PeriodOut | None
    previous: FiguresOut | None = Field(description="The same figures for the period compared with")
    breakdowns: dict[str, list[BreakdownRowOut]] = Field(
        description="By channel, language, category, area, department, assignee, kind and service_point"
    )
    by_hour_of_day: list[int] = Field(description="Cases received in each hour of the day, 0 to 23")
    backlog: list[BacklogOut] = Field(description="Open cases by days since received")
    hotspots: list[HotspotOut]
    as_of: datetime.datetime | None = Field(description="When the figures were last brought up to date")


class PointOut(Schema):
    start: datetime.datetime = Field(description="Start of the day or hour, in the organization's time zone")
    received: int
    open: int
    closed: int
    closure_rate: float | None
    first_response_compliance: float | None
    resolution_compliance: float | None


class TimeseriesOut(Schema):
    interval: str
    period: PeriodOut
    filters: dict[str, str]
    points: list[PointOut]
