"""Keeping the reporting rows (``CaseFact``) in step with the cases.

Every change to a case appends a ``CaseEvent`` in the same transaction (cases/services.py), so the worker
finds what changed by reading the events newer than the last it read, and recomputes those cases' rows.
Event ids are handed out when rows are inserted, not when their transaction commits: an event may become
visible after a newer one was read. Each row therefore remembers the newest event it saw, and every refresh
looks again at the last ``LOOKBACK`` events for one its row has not seen.

Cases inserted without events (a bulk import, the demo's season history, a benchmark) are picked up by
``facts_rebuild`` (``khidma reports-rebuild``), which recomputes every row.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Max, Q

from khidma.cases.models import Case, CaseEvent
from khidma.cases.selectors import REPORT_FILTERS
from khidma.core import clock
from khidma.reports.hotspots import cell_of
from khidma.reports.models import CaseFact, RefreshMark
from khidma.reports.summary import summary_rebuild, summary_refresh_days
from khidma.sla.engine import work_calendar
from khidma.sla.models import Calendar
from khidma.sla.worktime import WorkCalendar

# The fact column holding the answer to each drill-down filter.
FLAG_FIELDS: dict[str, str] = {name: name for name in REPORT_FILTERS} | {
    "open": "is_open",
    "closed": "is_closed",
}

LOOKBACK = 20_000
BATCH = 2_000
_MARK = "facts"

_COLUMNS = (
    "pk",
    "organization_id",
    "organization__time_zone",
    "received_at",
    "kind",
    "channel",
    "language",
    "status",
    "category_id",
    "department_id",
    "area_id",
    "service_point_id",
    "assignee_id",
    "womens_section",
    "lat",
    "lon",
    "first_responded_at",
    "closed_at",
    "sla_policy__calendar_id",
)
_UPDATE_FIELDS = [f.name for f in CaseFact._meta.concrete_fields if not f.primary_key]


@dataclass
class RefreshResult:
    cases: int = 0
    rebuilt: bool = False


def _seconds(start: datetime.datetime, end: datetime.datetime | None) -> int | None:
    if end is None:
        return None
    return max(0, int((end - start).total_seconds()))


def _work_seconds(calendar: WorkCalendar | None, start: datetime.datetime, end: datetime.datetime | None):
    if calendar is None or end is None or end <= start:
        return None if calendar is None or end is None else 0
    return int(calendar.working_time_between(start, end).total_seconds())


class _Calendars:
    """Working calendars by id, built once per refresh (work_calendar caches them per process too)."""

    def __init__(self) -> None:
        self._by_id: dict[int, WorkCalendar | None] = {}

    def get(self, calendar_id: int | None) -> WorkCalendar | None:
        if calendar_id is None:
            return None
        if calendar_id not in self._by_id:
            row = Calendar.objects.filter(pk=calendar_id).first()
            self._by_id[calendar_id] = work_calendar(row) if row else None
        return self._by_id[calendar_id]


def _facts(case_ids: list[int], calendars: _Calendars, now: datetime.datetime) -> list[CaseFact]:
    cases = Case.objects.filter(pk__in=case_ids)
    rows = cases.annotate(rating=F("satisfaction__rating")).values(*_COLUMNS, "rating")
    # One grouped query, not a subquery per case: right after a bulk insert the planner has no statistics,
    # and a correlated subquery then scans the events once per case. Read first, before the case rows and
    # flags (the rows are read last, in the loop): whatever changes in between makes a newer event than the
    # row records, so the row is recomputed at the next run rather than kept with a mix of old and new.
    newest = dict(
        CaseEvent.objects.filter(case_id__in=case_ids)
        .values("case_id")
        .annotate(newest=Max("id"))
        .values_list("case_id", "newest")
        .order_by()
    )
    # Each flag asks the queue's own condition of the batch: the same SQL the drill-down list runs.
    flags = {
        name: set(cases.filter(condition).values_list("pk", flat=True))
        for name, condition in REPORT_FILTERS.items()
    }
    zones: dict[str, zoneinfo.ZoneInfo] = {}
    facts = []
    for row in rows:
        zone = zones.setdefault(
            row["organization__time_zone"], zoneinfo.ZoneInfo(row["organization__time_zone"])
        )
        received = row["received_at"]
        local = received.astimezone(zone)
        calendar = calendars.get(row["sla_policy__calendar_id"])
        closed_at = row["closed_at"] if row["pk"] in flags["closed"] else None
        cell = cell_of(row["lat"], row["lon"])
        facts.append(
            CaseFact(
                case_id=row["pk"],
                organization_id=row["organization_id"],
                received_at=received,
                received_on=local.date(),
                hour=local.hour,
                kind=row["kind"],
                channel=row["channel"],
                language=row["language"],
                status=row["status"],
                category_id=row["category_id"],
                department_id=row["department_id"],
                area_id=row["area_id"],
                service_point_id=row["service_point_id"],
                assignee_id=row["assignee_id"],
                womens_section=row["womens_section"],
                rating=row["rating"],
                first_response_seconds=_seconds(received, row["first_responded_at"]),
                first_response_work_seconds=_work_seconds(calendar, received, row["first_responded_at"]),
                close_seconds=_seconds(received, closed_at),
                close_work_seconds=_work_seconds(calendar, received, closed_at),
                cell_y=cell[0] if cell else None,
                cell_x=cell[1] if cell else None,
                last_event_id=newest.get(row["pk"], 0),
                refreshed_at=now,
                **{FLAG_FIELDS[name]: row["pk"] in members for name, members in flags.items()},
            )
        )
    return facts


def _save(facts: list[CaseFact], *, summaries: bool = True) -> None:
    """Write the rows and, in the same transaction, the per-day sums of every day they were or now are in."""
    days = {(fact.organization_id, fact.received_on) for fact in facts}
    if summaries:
        days |= set(
            CaseFact.objects.filter(case_id__in=[fact.case_id for fact in facts])
            .values_list("organization_id", "received_on")
            .order_by()
        )
    CaseFact.objects.bulk_create(
        facts, update_conflicts=True, unique_fields=["case"], update_fields=_UPDATE_FIELDS
    )
    if summaries:
        summary_refresh_days(days)


def _batches(ids: Iterable[int]) -> Iterator[list[int]]:
    batch: list[int] = []
    for case_id in ids:
        batch.append(case_id)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def facts_refresh_cases(*, case_ids: Iterable[int]) -> int:
    """Recompute the rows of these cases now."""
    calendars, now, count = _Calendars(), clock.now(), 0
    for batch in _batches(case_ids):
        # Computed before the transaction (reads, and working time on each case's calendar: most of the
        # cost), so the write lock is held for the writes alone — on SQLite every other writer, a reporter's
        # request among them, waits for it. A case changed meanwhile has a newer event than its row says and
        # is recomputed at the next run.
        facts = _facts(batch, calendars, now)
        with transaction.atomic():
            _save(facts)
        count += len(facts)
    return count


def facts_rebuild() -> RefreshResult:
    """Recompute every case's row (after a bulk import, or the first time the worker runs), then every day's
    sums."""
    top = CaseEvent.objects.aggregate(top=Max("id"))["top"] or 0
    calendars, now, count, last = _Calendars(), clock.now(), 0, 0
    while True:
        batch = list(Case.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:BATCH])
        if not batch:
            break
        facts = _facts(batch, calendars, now)
        with transaction.atomic():
            _save(facts, summaries=False)
        count += len(facts)
        last = batch[-1]
    with transaction.atomic():
        summary_rebuild()
        RefreshMark.objects.update_or_create(name=_MARK, defaults={"event_id": top, "updated_at": now})
    return RefreshResult(cases=count, rebuilt=True)


def facts_refresh() -> RefreshResult:
    """Bring the rows of every case changed since the last run up to date (the worker runs this every
    minute). The first run, with nothing read yet, rebuilds every row."""
    mark = RefreshMark.objects.filter(name=_MARK).first()
    if mark is None:
        return facts_rebuild()
    top = CaseEvent.objects.aggregate(top=Max("id"))["top"] or 0
    low = max(0, mark.event_id - LOOKBACK)
    stale = (
        CaseEvent.objects.filter(id__gt=low)
        .filter(Q(case__report_fact__isnull=True) | Q(case__report_fact__last_event_id__lt=F("id")))
        .values_list("case_id", flat=True)
        .distinct()
    )
    count = facts_refresh_cases(case_ids=list(stale))
    RefreshMark.objects.filter(pk=mark.pk).update(event_id=max(top, mark.event_id), updated_at=clock.now())
    return RefreshResult(cases=count)


def facts_as_of() -> datetime.datetime | None:
    """When the rows were last brought up to date."""
    return RefreshMark.objects.filter(name=_MARK).values_list("updated_at", flat=True).first()
