"""Service-level targets on cases: computing due dates, pausing, restarting, and the sweep that warns and
escalates. Due dates are data on the case (indexed); the sweep reads only cases whose timer is due.

Services call these helpers inside their own transactions; nothing here runs on its own except the sweep.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from khidma.cases.models import Case, CaseEvent, EventKind, Status
from khidma.core import clock
from khidma.sla.engine import policy_select, work_calendar
from khidma.sla.models import SlaPolicy
from khidma.sla.worktime import WorkCalendar

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
    "sla_first_response_breached",
    "sla_at_risk",
    "sla_escalation_level",
    "sla_next_check_at",
]


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


def _code(policy_id: int | None) -> str | None:
    if policy_id is None:
        return None
    return SlaPolicy.objects.filter(pk=policy_id).values_list("code", flat=True).first()


def _compute(case: Case, *, now: datetime.datetime) -> None:
    policy: SlaPolicy | None = case.sla_policy
    if policy is None:
        case.first_response_due_at = case.resolution_due_at = case.resolution_at_risk_at = None
        case.sla_next_check_at = None
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
    if case.resolution_due_at > now:
        case.sla_escalation_level = 0
    if case.resolution_at_risk_at > now:
        case.sla_at_risk = False
    if case.first_response_due_at is None or case.first_response_due_at > now:
        case.sla_first_response_breached = False
    schedule(case)


def schedule(case: Case) -> None:
    """Set the timer to the next moment the sweep has something to do for this case."""
    policy: SlaPolicy | None = case.sla_policy
    if policy is None or case.sla_paused_at is not None:
        case.sla_next_check_at = None
        return
    moments = []
    if case.first_response_due_at and not case.first_responded_at and not case.sla_first_response_breached:
        moments.append(case.first_response_due_at)
    if case.status not in STOPPED and case.resolution_due_at:
        if not case.sla_at_risk and case.sla_escalation_level == 0:
            moments.append(case.resolution_at_risk_at)
        if case.sla_escalation_level == 0:
            moments.append(case.resolution_due_at)
        elif case.sla_escalation_level == 1 and policy.second_escalation_minutes:
            moments.append(
                case.resolution_due_at + datetime.timedelta(minutes=policy.second_escalation_minutes)
            )
    case.sla_next_check_at = min(moments) if moments else None


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
        case.sla_at_risk = False
        case.sla_escalation_level = 0
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
        escalation_level=case.sla_escalation_level,
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


def _event(case: Case, kind: str, now: datetime.datetime, data: dict[str, Any]) -> CaseEvent:
    return CaseEvent(
        organization_id=case.organization_id,
        case=case,
        kind=kind,
        actor_label="system",
        created_at=now,
        is_public=False,
        data=data,
    )


def _advance(case: Case, now: datetime.datetime, result: SweepResult) -> list[CaseEvent]:
    """Everything that has come due for this case, oldest first; leaves the timer on the next moment."""
    events: list[CaseEvent] = []
    policy = case.sla_policy
    if (
        case.first_response_due_at
        and not case.first_responded_at
        and not case.sla_first_response_breached
        and case.first_response_due_at <= now
    ):
        case.sla_first_response_breached = True
        result.first_response_breached += 1
        events.append(
            _event(
                case, EventKind.SLA_FIRST_RESPONSE_BREACHED, now, {"due_at": _iso(case.first_response_due_at)}
            )
        )
    if case.status not in STOPPED and case.sla_paused_at is None and case.resolution_due_at:
        if not case.sla_at_risk and case.sla_escalation_level == 0 and case.resolution_at_risk_at <= now:
            case.sla_at_risk = True
            result.at_risk += 1
            events.append(_event(case, EventKind.SLA_AT_RISK, now, {"due_at": _iso(case.resolution_due_at)}))
        if case.sla_escalation_level == 0 and case.resolution_due_at <= now:
            case.sla_escalation_level = 1
            case.sla_at_risk = True
            result.breached += 1
            events.append(
                _event(
                    case, EventKind.SLA_BREACHED, now, {"due_at": _iso(case.resolution_due_at), "level": 1}
                )
            )
        if (
            case.sla_escalation_level == 1
            and policy is not None
            and policy.second_escalation_minutes
            and case.resolution_due_at + datetime.timedelta(minutes=policy.second_escalation_minutes) <= now
        ):
            case.sla_escalation_level = 2
            result.escalated += 1
            events.append(
                _event(
                    case, EventKind.SLA_ESCALATED, now, {"due_at": _iso(case.resolution_due_at), "level": 2}
                )
            )
    schedule(case)
    return events


_SWEEP_FIELDS = ["sla_first_response_breached", "sla_at_risk", "sla_escalation_level", "sla_next_check_at"]


def case_sla_sweep(*, now: datetime.datetime | None = None, batch_size: int = 1000) -> SweepResult:
    """Warn and escalate every case whose timer is due. Safe to run from several workers at once: each batch
    is claimed with SELECT … FOR UPDATE SKIP LOCKED (SQLite serializes writers instead), the events and the
    new timers are written in the same transaction, and a case whose timer moved is not due any more — so
    every warning and escalation happens exactly once."""
    now = now or clock.now()
    total = SweepResult()
    while True:
        batch = SweepResult()
        with transaction.atomic():
            cases = list(
                Case.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(sla_next_check_at__lte=now)
                .select_related("sla_policy")
                .order_by("sla_next_check_at", "pk")[:batch_size]
            )
            events: list[CaseEvent] = []
            for case in cases:
                events.extend(_advance(case, now, batch))
            batch.examined = len(cases)
            CaseEvent.objects.bulk_create(events)
            Case.objects.bulk_update(cases, _SWEEP_FIELDS)
        total.add(batch)
        if len(cases) < batch_size:
            return total
