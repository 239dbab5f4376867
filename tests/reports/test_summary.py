"""The per-day sums (FactDay): a report added up from them says exactly what the same report counted on the
reporting rows says — every count, every breakdown, day, hour and backlog bucket, and every percentile — and
the worker keeps them in step with the rows."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from khidma.cases import services
from khidma.core import clock
from khidma.reports import access, figures
from khidma.reports.facts import facts_refresh
from khidma.reports.figures import BOUNDS, DURATIONS, ReportFilters, SummaryScope
from khidma.reports.models import CaseFact, FactDay
from khidma.reports.periods import Period
from khidma.reports.summary import summary_rebuild
from tests.reports.conftest import at

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 10)
HAJJ = Period("custom", datetime.date(2026, 5, 18), datetime.date(2026, 6, 1))
TWO_YEARS = Period("custom", datetime.date(2025, 1, 1), datetime.date(2026, 12, 31))


def _both(user, period: Period, filters: ReportFilters | None = None) -> tuple:
    """The same report counted on the rows and added up from the sums."""
    kwargs = {
        "organization": user.organization,
        "period": period,
        "filters": filters or ReportFilters(),
        "today": TODAY,
        "hotspot_days": 0,
        "breakdown_limit": None,
    }
    facts = access.facts_visible_to(user)
    scope = access.summary_scope(user)
    assert scope is not None
    return figures.report(facts, **kwargs), figures.report(facts, scope=scope, **kwargs)


def _same(rows, sums) -> None:
    for name in ("figures", "previous", "breakdowns", "days", "hours", "backlog", "hotspots"):
        assert getattr(rows, name) == getattr(sums, name), name


@pytest.mark.parametrize("persona", ["supervisor", "followup", "admin"])
@pytest.mark.parametrize("period", [HAJJ, TWO_YEARS], ids=["hajj", "two-years"])
def test_the_sums_count_exactly_what_the_rows_count(hajj, staff, persona, period):
    rows, sums = _both(staff[persona], period)
    assert rows.figures.received > 0
    _same(rows, sums)


def test_who_can_be_counted_from_the_sums(hajj, staff):
    assert access.summary_scope(staff["supervisor"]) == SummaryScope(staff["supervisor"].organization_id)
    assert access.summary_scope(staff["followup"]).womens_section is False  # not the women's section's
    assert access.summary_scope(staff["head_clean"]) is None  # a subtree: counted on the rows
    assert access.summary_scope(staff["agent"]) is None  # no reports at all


@pytest.mark.parametrize(
    "durations",
    [
        [0, 0, 0, 59, 60, 61, 3600, 3601, 86400, BOUNDS[-1] + 5],  # the first and the last buckets
        [7200] * 10,  # one value, one bucket
        [10 * n for n in range(1, 11)],  # a bucket's rows in several places of the order
        [BOUNDS[n] for n in range(10, 20)],  # each on a bucket's first second
        [BOUNDS[n] - 1 for n in range(10, 20)],  # each on a bucket's last second
    ],
    ids=["edges", "equal", "one-bucket", "bounds", "last-seconds"],
)
def test_percentiles_from_the_sums_are_exact(hajj, staff, durations):
    facts = CaseFact.objects.filter(organization=staff["supervisor"].organization).order_by("pk")
    ids = list(facts.values_list("pk", flat=True))
    for n, case_id in enumerate(ids):
        value = durations[n % len(durations)]
        CaseFact.objects.filter(pk=case_id).update(**dict.fromkeys(DURATIONS, value + n % 3))
    summary_rebuild()
    rows, sums = _both(staff["supervisor"], TWO_YEARS)
    assert rows.figures.durations == sums.figures.durations
    assert rows.figures.durations["close_seconds"][0.5] is not None


def test_sums_behind_the_rows_still_give_exact_percentiles(hajj, staff):
    FactDay.objects.filter(dimension="close_seconds").update(received=1)
    rows, sums = _both(staff["supervisor"], TWO_YEARS)
    assert rows.figures.durations == sums.figures.durations


def _sums() -> list[tuple]:
    fields = [field.name for field in FactDay._meta.concrete_fields if field.name != "id"]
    return sorted(FactDay.objects.values_list(*fields), key=repr)


def test_the_worker_rewrites_the_days_of_the_changed_cases(hajj, staff):
    before = _sums()
    assert before
    summary_rebuild()
    assert _sums() == before  # the refresh left them as a rebuild writes them
    boss, case = staff["supervisor"], hajj["b"]
    with clock.at(at("2026-06-12", 9)):
        case = services.case_assign(case=case, by=boss, department=case.department)
        services.case_resolve(case=case, by=boss, note="Fixed", send_untranslated=True)
    assert facts_refresh().cases == 1
    after = _sums()
    assert after != before
    summary_rebuild()
    assert _sums() == after
    rows, sums = _both(staff["supervisor"], HAJJ)
    _same(rows, sums)
    assert dataclasses.asdict(sums.figures)["is_open"] == dataclasses.asdict(rows.figures)["is_open"]


def test_a_filtered_report_is_counted_on_the_rows_and_agrees(hajj, staff):
    supervisor = staff["supervisor"]
    kwargs = {"organization": supervisor.organization, "period": HAJJ, "today": TODAY}
    facts = access.facts_visible_to(supervisor)
    filtered = figures.report(facts, filters=ReportFilters(channel="web"), **kwargs)
    whole = figures.report(facts, filters=ReportFilters(), scope=access.summary_scope(supervisor), **kwargs)
    by_channel = {row.key: row.figures for row in whole.breakdowns["channel"]}
    assert filtered.figures.received == by_channel["web"].received
    assert filtered.figures.is_closed == by_channel["web"].is_closed


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("channel", "web"),
        ("language", "ur"),
        ("category", "cleanliness"),
        ("area", "no-such-area"),
        ("kind", "report"),
        ("department", "cleanliness"),
    ],
)
def test_one_filter_compares_with_its_sums_as_the_rows_would(hajj, staff, name, value):
    supervisor = staff["supervisor"]
    kwargs = {
        "organization": supervisor.organization,
        "period": Period("custom", datetime.date(2026, 5, 25), datetime.date(2026, 6, 30)),
        "filters": ReportFilters(**{name: value}),
        "today": TODAY,
        "compare_durations": False,
    }
    facts = access.facts_visible_to(supervisor)
    rows = figures.report(facts, **kwargs)
    sums = figures.report(facts, scope=access.summary_scope(supervisor), **kwargs)
    assert rows.previous == sums.previous
    _same(rows, sums)
    if value in ("web", "cleanliness", "report"):
        assert rows.previous.received > 0
