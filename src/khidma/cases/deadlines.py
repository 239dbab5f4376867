"""Service-level targets on cases: computing due dates, pausing, restarting, and the sweep that warns and
escalates. Due dates are data on the case (indexed); the sweep reads only cases whose timer is due.

Services call these helpers inside their own transactions; nothing here runs on its own except the sweep.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.utils.translation import gettext_lazy as _

from khidma.cases.models import Case, CaseEvent, EventKind, SlaTimer, Status
from khidma.core import clock
from khidma.sla.engine import policy_select, work_calendar
from khidma.sla.models import SlaPolicy
from khidma.sla.worktime import WorkCalendar

STATE_LABELS = {
    "on_track": _("On track"),
    "at_risk": _("At risk"),
    "breached": _("Breached"),
    "met": _("Met"),
    "missed": _("Missed"),
    "paused": _("Paused"),
    "none": _("No target"),
}

# A case in one of these has had a human answer (the first-response target is met).
RESPONDED = frozenset(
    {
        Status.ASSIGNED,
        Status.IN_PROGRESS,
        Status.ON_HOLD,
        Status.RESOLVED,
        Status.CLOSED,
        Status.REJECTED,
        Status.DUPLICATE,
        Status.REFERRED,
    }
)
# In these the resolution clock has stopped.
STOPPED = frozenset({Status.RESOLVED, Status.CLOSED, Status.REJECTED, Status.DUPLICATE, Status.REFERRED})

SLA_FIELDS = [
    "sla_policy",
    "sla_clock_start",
    "sla_paused_at",
    "sla_paused_seconds",
    "first_response_due_at",
    "first_responded_at",
    "resolution_due_at",
    "resolution_at_risk_at",
]


def timer_of(case: Case) -> SlaTimer:
    """The case's timer, created in memory when it has none yet (``save_timer`` writes it)."""
    try:
        return case.sla_timer
    except SlaTimer.DoesNotExist:
        timer = SlaTimer(case=case)
        case.sla_timer = timer
        return timer


def save_timer(case: Case) -> None:
    """Write the timer after the case itself has been saved (services call this in the same transaction)."""
    timer = timer_of(case)
    timer.case = case
    # A new case's timer is inserted without first trying an UPDATE (its key is the case's: Django would).
    timer.save(force_insert=timer._state.adding)


def _iso(value: datetime.datetime | None) -> str | None:
    return value.isoformat() if value else None


def _calendar(case: Case) -> WorkCalendar | None:
    return work_calendar(case.sla_policy.calendar) if case.sla_policy_id else None


def apply_policy(case: Case, *, now: datetime.datetime) -> dict[str, Any] | None:
    """Choose the case's policy and compute its targets. Returns what changed (for an event), or None."""
    before = (case.sla_policy_id, case.first_response_due_at, case.resolution_due_at)
    policy = policy_select(
        organization_id=case.organization_id,
        kind=case.kind,
        category_id=case.category_id,
        priority=case.priority,
    )
    case.sla_policy = policy
    if case.sla_clock_start is None:
        case.sla_clock_start = case.received_at
    _compute(case, now=now)
    after = (case.sla_policy_id, case.first_response_due_at, case.resolution_due_at)
    if after == before:
        return None
    return {
        "policy": [
            getattr(policy, "code", None) if before[0] == case.sla_policy_id else _code(before[0]),
            getattr(policy, "code", None),
        ],
        "first_response_due_at": [_iso(before[1]), _iso(after[1])],
        "resolution_due_at": [_iso(before[2]), _iso(after[2])],
    }


def save_with_targets(case: Case, *, now: datetime.datetime) -> dict[str, Any] | None:
    """Choose the case's policy, compute its targets, then save the case and its timer — the one way a case
    whose category, priority or kind changed is written (in the caller's transaction). Returns what changed
    in the targets, for an event, or None."""
    change = apply_policy(case, now=now)
    case.save()
    save_timer(case)
    return change


def _code(policy_id: int | None) -> str | None:
    if policy_id is None:
        return None
    return SlaPolicy.objects.filter(pk=policy_id).values_list("code", flat=True).first()


def _compute(case: Case, *, now: datetime.datetime) -> None:
    policy: SlaPolicy | None = case.sla_policy
    if policy is None:
        case.first_response_due_at = case.resolution_due_at = case.resolution_at_risk_at = None
        timer_of(case).next_check_at = None
        return
    calendar = work_calendar(policy.calendar)
    paused = datetime.timedelta(seconds=case.sla_paused_seconds)
    if policy.first_response_minutes is not None:
        case.first_response_due_at = calendar.add(
            case.received_at, datetime.timedelta(minutes=policy.first_response_minutes)
        )
    else:
        case.first_response_due_at = None
    target = datetime.timedelta(minutes=policy.resolution_minutes)
    start = case.sla_clock_start or case.received_at
    case.resolution_due_at = calendar.add(start, target + paused)
    case.resolution_at_risk_at = calendar.add(start, target * policy.at_risk_ratio + paused)
    # A recomputation may move a target back into the future: warnings then apply afresh.
    timer = timer_of(case)
    if case.resolution_due_at > now:
        timer.escalation_level = 0
    if case.resolution_at_risk_at > now:
        timer.at_risk = False
    if case.first_response_due_at is None or case.first_response_due_at > now:
        timer.first_response_breached = False
    schedule(case)


def next_check(
    *,
    paused: bool,
    stopped: bool,
    first_response_due_at: datetime.datetime | None,
    first_responded_at: datetime.datetime | None,
    first_response_breached: bool,
    resolution_due_at: datetime.datetime | None,
    resolution_at_risk_at: datetime.datetime | None,
    at_risk: bool,
    escalation_level: int,
    second_escalation_minutes: int | None,
) -> datetime.datetime | None:
    """The next moment the sweep has something to do for a case, or None."""
    if paused:
        return None
    moments = []
    if first_response_due_at and not first_responded_at and not first_response_breached:
        moments.append(first_response_due_at)
    if not stopped and resolution_due_at and resolution_at_risk_at:
        if not at_risk and escalation_level == 0:
            moments.append(resolution_at_risk_at)
        if escalation_level == 0:
            moments.append(resolution_due_at)
        elif escalation_level == 1 and second_escalation_minutes:
            moments.append(resolution_due_at + datetime.timedelta(minutes=second_escalation_minutes))
    return min(moments) if moments else None


def schedule(case: Case) -> None:
    """Set the case's timer to the next moment the sweep has something to do for it."""
    timer = timer_of(case)
    policy: SlaPolicy | None = case.sla_policy
    if policy is None:
        timer.next_check_at = None
        return
    timer.next_check_at = next_check(
        paused=case.sla_paused_at is not None,
        stopped=case.status in STOPPED,
        first_response_due_at=case.first_response_due_at,
        first_responded_at=case.first_responded_at,
        first_response_breached=timer.first_response_breached,
        resolution_due_at=case.resolution_due_at,
        resolution_at_risk_at=case.resolution_at_risk_at,
        at_risk=timer.at_risk,
        escalation_level=timer.escalation_level,
        second_escalation_minutes=policy.second_escalation_minutes,
    )


def on_status_change(case: Case, *, from_status: str, now: datetime.datetime) -> None:
    """Keep the clock in step with a lifecycle move (called by services before saving)."""
    if case.status in RESPONDED and case.first_responded_at is None and from_status not in RESPONDED:
        case.first_responded_at = now
    if case.status == Status.ON_HOLD and from_status != Status.ON_HOLD:
        case.sla_paused_at = now
    elif from_status == Status.ON_HOLD and case.sla_paused_at is not None:
        calendar = _calendar(case)
        if calendar is not None:
            case.sla_paused_seconds += int(
                calendar.working_time_between(case.sla_paused_at, now).total_seconds()
            )
        case.sla_paused_at = None
        if case.sla_policy_id:
            _compute(case, now=now)
    if case.status == Status.REOPENED:
        # A reopened case gets a whole new resolution target from the moment of reopening.
        case.sla_clock_start = now
        case.sla_paused_seconds = 0
        case.sla_paused_at = None
        timer = timer_of(case)
        timer.at_risk = False
        timer.escalation_level = 0
        if case.sla_policy_id:
            _compute(case, now=now)
    schedule(case)


# --- Reading the clock ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    due_at: datetime.datetime | None
    done_at: datetime.datetime | None
    # Working seconds left before the due time (negative: overdue by that much); None when done or unset.
    remaining_seconds: int | None


@dataclass(frozen=True)
class SlaStatus:
    policy: str | None
    state: str  # on_track, at_risk, breached, met, missed, paused, none
    first_response: Target
    resolution: Target
    escalation_level: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def _remaining(calendar: WorkCalendar, now: datetime.datetime, due: datetime.datetime) -> int:
    if due >= now:
        return int(calendar.working_time_between(now, due).total_seconds())
    return -int(calendar.working_time_between(due, now).total_seconds())


def sla_status(case: Case, *, now: datetime.datetime | None = None) -> SlaStatus:
    now = now or clock.now()
    if not case.sla_policy_id or case.resolution_due_at is None:
        empty = Target(None, None, None)
        return SlaStatus(policy=None, state="none", first_response=empty, resolution=empty)
    calendar = work_calendar(case.sla_policy.calendar)
    reference_now = case.sla_paused_at or now  # a paused clock shows the time left when it stopped
    first = Target(
        case.first_response_due_at,
        case.first_responded_at,
        None
        if case.first_responded_at or case.first_response_due_at is None
        else _remaining(calendar, reference_now, case.first_response_due_at),
    )
    done_at = case.resolved_at if case.status in STOPPED else None
    resolution = Target(
        case.resolution_due_at,
        done_at,
        None if done_at else _remaining(calendar, reference_now, case.resolution_due_at),
    )
    if case.status in STOPPED:
        if case.resolved_at is None:
            state = "none"  # rejected, duplicate or referred: no resolution to measure
        else:
            state = "met" if case.resolved_at <= case.resolution_due_at else "missed"
    elif case.sla_paused_at is not None:
        state = "paused"
    elif now >= case.resolution_due_at:
        state = "breached"
    elif now >= case.resolution_at_risk_at:
        state = "at_risk"
    else:
        state = "on_track"
    return SlaStatus(
        policy=case.sla_policy.code,
        state=state,
        first_response=first,
        resolution=resolution,
        escalation_level=timer_of(case).escalation_level,
    )


# --- The sweep ----------------------------------------------------------------------------------------------


@dataclass
class SweepResult:
    examined: int = 0
    first_response_breached: int = 0
    at_risk: int = 0
    breached: int = 0
    escalated: int = 0

    def add(self, other: SweepResult) -> None:
        for name in ("examined", "first_response_breached", "at_risk", "breached", "escalated"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class _Due:
    """The columns the sweep needs, read as plain tuples: a batch is thousands of cases."""

    pk: int
    next_check_at: datetime.datetime | None
    first_response_breached: bool
    at_risk: bool
    escalation_level: int
    organization_id: int
    status: str
    first_response_due_at: datetime.datetime | None
    first_responded_at: datetime.datetime | None
    sla_paused_at: datetime.datetime | None
    resolution_due_at: datetime.datetime | None
    resolution_at_risk_at: datetime.datetime | None
    second_escalation_minutes: int | None
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


_DUE_COLUMNS = [
    "pk",
    "next_check_at",
    "first_response_breached",
    "at_risk",
    "escalation_level",
    "case__organization_id",
    "case__status",
    "case__first_response_due_at",
    "case__first_responded_at",
    "case__sla_paused_at",
    "case__resolution_due_at",
    "case__resolution_at_risk_at",
    "case__sla_policy__second_escalation_minutes",
]


def _advance(due: _Due, now: datetime.datetime, result: SweepResult) -> None:
    """Everything that has come due for this case, oldest first; then the timer moves to the next moment."""
    stopped = due.status in STOPPED
    if (
        due.first_response_due_at
        and not due.first_responded_at
        and not due.first_response_breached
        and due.first_response_due_at <= now
    ):
        due.first_response_breached = True
        result.first_response_breached += 1
        due.events.append(
            (EventKind.SLA_FIRST_RESPONSE_BREACHED, {"due_at": _iso(due.first_response_due_at)})
        )
    if not stopped and due.sla_paused_at is None and due.resolution_due_at and due.resolution_at_risk_at:
        breaching = due.escalation_level == 0 and due.resolution_due_at <= now
        # A warning that the target is at risk is pointless once it is missed (after a worker outage both
        # moments can pass at once): then only the breach is written.
        if (
            not due.at_risk
            and due.escalation_level == 0
            and due.resolution_at_risk_at <= now
            and not breaching
        ):
            due.at_risk = True
            result.at_risk += 1
            due.events.append((EventKind.SLA_AT_RISK, {"due_at": _iso(due.resolution_due_at)}))
        if breaching:
            due.escalation_level = 1
            due.at_risk = True
            result.breached += 1
            due.events.append((EventKind.SLA_BREACHED, {"due_at": _iso(due.resolution_due_at), "level": 1}))
        second = due.second_escalation_minutes
        if (
            due.escalation_level == 1
            and second
            and due.resolution_due_at + datetime.timedelta(minutes=second) <= now
        ):
            due.escalation_level = 2
            result.escalated += 1
            due.events.append((EventKind.SLA_ESCALATED, {"due_at": _iso(due.resolution_due_at), "level": 2}))
    due.next_check_at = next_check(
        paused=due.sla_paused_at is not None,
        stopped=stopped,
        first_response_due_at=due.first_response_due_at,
        first_responded_at=due.first_responded_at,
        first_response_breached=due.first_response_breached,
        resolution_due_at=due.resolution_due_at,
        resolution_at_risk_at=due.resolution_at_risk_at,
        at_risk=due.at_risk,
        escalation_level=due.escalation_level,
        second_escalation_minutes=due.second_escalation_minutes,
    )


_EVENT_COLUMNS = [
    "organization_id",
    "case_id",
    "kind",
    "actor_label",
    "created_at",
    "from_status",
    "to_status",
    "is_public",
    "note",
    "data",
]


def _save(batch: list[_Due], now: datetime.datetime) -> None:
    """Write a batch's events and moved timers in two statements on PostgreSQL (arrays unnested), or as
    prepared statements on SQLite, which runs in-process. Building model objects, or Django's bulk_update
    with a CASE expression per field and row, would cost more than the sweep's own work."""
    ops = connection.ops
    events = [(due, kind, json.dumps(data)) for due in batch for kind, data in due.events]
    event_table = ops.quote_name(CaseEvent._meta.db_table)
    timer_table = ops.quote_name(SlaTimer._meta.db_table)
    columns = ", ".join(ops.quote_name(c) for c in _EVENT_COLUMNS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if events:
                cursor.execute(
                    f"INSERT INTO {event_table} ({columns}) "  # noqa: S608 - names from the models
                    "SELECT o, c, k, 'system', %s, '', '', false, '', d::jsonb "
                    "FROM unnest(%s::bigint[], %s::bigint[], %s::text[], %s::text[]) AS u(o, c, k, d)",
                    [
                        now,
                        [e[0].organization_id for e in events],
                        [e[0].pk for e in events],
                        [e[1] for e in events],
                        [e[2] for e in events],
                    ],
                )
            cursor.execute(
                f"UPDATE {timer_table} AS t SET next_check_at = v.n, first_response_breached = v.f, "  # noqa: S608
                "at_risk = v.r, escalation_level = v.l "
                "FROM unnest(%s::bigint[], %s::timestamptz[], %s::bool[], %s::bool[], %s::int[]) "
                "AS v(i, n, f, r, l) WHERE t.case_id = v.i",
                [
                    [d.pk for d in batch],
                    [d.next_check_at for d in batch],
                    [d.first_response_breached for d in batch],
                    [d.at_risk for d in batch],
                    [d.escalation_level for d in batch],
                ],
            )
            return
        adapt = ops.adapt_datetimefield_value
        when = adapt(now)
        if events:
            cursor.executemany(
                f"INSERT INTO {event_table} ({columns}) "  # noqa: S608
                f"VALUES (%s, %s, %s, 'system', %s, '', '', %s, '', %s)",
                [(due.organization_id, due.pk, kind, when, False, data) for due, kind, data in events],
            )
        cursor.executemany(
            f"UPDATE {timer_table} SET next_check_at = %s, first_response_breached = %s, "  # noqa: S608
            "at_risk = %s, escalation_level = %s WHERE case_id = %s",
            [
                (
                    adapt(d.next_check_at) if d.next_check_at else None,
                    d.first_response_breached,
                    d.at_risk,
                    d.escalation_level,
                    d.pk,
                )
                for d in batch
            ],
        )


def case_sla_sweep(*, now: datetime.datetime | None = None, batch_size: int = 10000) -> SweepResult:
    """Warn and escalate every case whose timer is due. Safe to run from several workers at once: each batch
    of timers is claimed with SELECT … FOR UPDATE SKIP LOCKED (SQLite serializes writers instead), the events
    and the moved timers are written in the same transaction, and a timer that moved is not due any more —
    so every warning and escalation happens exactly once."""
    now = now or clock.now()
    total = SweepResult()
    while True:
        batch = SweepResult()
        with transaction.atomic():
            rows = (
                SlaTimer.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(next_check_at__lte=now)
                .order_by("next_check_at")  # the partial index gives this order without sorting
                .values_list(*_DUE_COLUMNS)[:batch_size]
            )
            due = [_Due(*row) for row in rows]
            for item in due:
                _advance(item, now, batch)
            batch.examined = len(due)
            _save(due, now)
        total.add(batch)
        if len(due) < batch_size:
            return total
