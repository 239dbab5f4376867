"""The case lifecycle: which status may follow which. The only place these rules live."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from khidma.cases.models import Status
from khidma.core.errors import DomainError

# Statuses in which somebody still has work to do.
OPEN_STATUSES = frozenset(
    {Status.NEW, Status.TRIAGED, Status.ASSIGNED, Status.IN_PROGRESS, Status.ON_HOLD, Status.REOPENED}
)
# Statuses from which work may be done on the case (held cases come back through resume).
_WORKABLE = {Status.NEW, Status.TRIAGED, Status.ASSIGNED, Status.IN_PROGRESS, Status.REOPENED}

TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NEW: frozenset(
        {Status.TRIAGED, Status.ASSIGNED, Status.ON_HOLD, Status.REJECTED, Status.DUPLICATE, Status.REFERRED}
    ),
    Status.TRIAGED: frozenset(
        {Status.ASSIGNED, Status.ON_HOLD, Status.REJECTED, Status.DUPLICATE, Status.REFERRED}
    ),
    Status.ASSIGNED: frozenset(
        {
            Status.ASSIGNED,
            Status.IN_PROGRESS,
            Status.ON_HOLD,
            Status.RESOLVED,
            Status.REJECTED,
            Status.DUPLICATE,
            Status.REFERRED,
        }
    ),
    Status.IN_PROGRESS: frozenset(
        {Status.ASSIGNED, Status.ON_HOLD, Status.RESOLVED, Status.DUPLICATE, Status.REFERRED}
    ),
    # Leaving on_hold other than by resuming (resolve, reject, …) is allowed: the answer may settle it.
    Status.ON_HOLD: frozenset(
        {
            Status.NEW,
            Status.TRIAGED,
            Status.ASSIGNED,
            Status.IN_PROGRESS,
            Status.REOPENED,
            Status.RESOLVED,
            Status.REJECTED,
            Status.DUPLICATE,
            Status.REFERRED,
        }
    ),
    Status.REOPENED: frozenset(
        {
            Status.ASSIGNED,
            Status.IN_PROGRESS,
            Status.ON_HOLD,
            Status.RESOLVED,
            Status.REJECTED,
            Status.DUPLICATE,
            Status.REFERRED,
        }
    ),
    Status.RESOLVED: frozenset({Status.CLOSED, Status.REOPENED}),
    Status.CLOSED: frozenset({Status.REOPENED}),
    Status.REJECTED: frozenset({Status.REOPENED}),
    Status.DUPLICATE: frozenset({Status.REOPENED}),
    Status.REFERRED: frozenset({Status.CLOSED, Status.REOPENED}),
}


def can_transition(from_status: str, to_status: str) -> bool:
    return to_status in TRANSITIONS.get(from_status, frozenset())


def ensure_transition(from_status: str, to_status: str) -> None:
    if not can_transition(from_status, to_status):
        raise DomainError.single(
            "status",
            "invalid_transition",
            _("A case that is “%(current)s” cannot become “%(target)s”.")
            % {"current": Status(from_status).label, "target": Status(to_status).label},
            status=409,
        )


def ensure_workable(status: str) -> None:
    """For changes that keep the status (category, priority): only while the case is being worked on."""
    if status not in _WORKABLE and status != Status.ON_HOLD:
        raise DomainError.single(
            "status",
            "case_not_open",
            _("This case is “%(current)s”; reopen it before changing it.")
            % {"current": Status(status).label},
            status=409,
        )
