"""The lifecycle table, checked exhaustively through the service functions that enforce it."""

import pytest

from khidma.cases import lifecycle, services
from khidma.cases.intake import IntakeRequest
from khidma.cases.models import Case, Status
from khidma.core.errors import DomainError

pytestmark = pytest.mark.django_db

# How a case reaches each status from "new", through the services, so every path is a real one.
ROUTES = {
    Status.NEW: [],
    Status.TRIAGED: ["category"],
    Status.ASSIGNED: ["assign"],
    Status.IN_PROGRESS: ["assign", "start"],
    Status.ON_HOLD: ["hold"],
    Status.RESOLVED: ["assign", "resolve"],
    Status.CLOSED: ["assign", "resolve", "close"],
    Status.REOPENED: ["assign", "resolve", "reopen"],
    Status.REJECTED: ["reject"],
    Status.DUPLICATE: ["duplicate"],
    Status.REFERRED: ["refer"],
}


def _do(step: str, case: Case, staff, original: Case) -> Case:
    boss = staff["supervisor"]
    dept = staff["field_clean"].department
    return {
        "category": lambda: services.case_set_category(case=case, by=boss, category="cleanliness"),
        "assign": lambda: services.case_assign(case=case, by=boss, department=dept),
        "start": lambda: services.case_start(case=case, by=boss),
        "hold": lambda: services.case_hold(case=case, by=boss, reason="أي مبنى بالضبط؟"),
        "resume": lambda: services.case_resume(case=case, by=boss),
        "resolve": lambda: services.case_resolve(case=case, by=boss, note="تمت المعالجة"),
        "close": lambda: services.case_close(case=case, by=boss),
        "reopen": lambda: services.case_reopen(case=case, by=boss, reason="again"),
        "reject": lambda: services.case_reject(case=case, by=boss, reason="بلاغ غير صحيح"),
        "duplicate": lambda: services.case_mark_duplicate(case=case, by=boss, original=original),
        "refer": lambda: services.case_refer(case=case, by=boss, partner="Water company"),
    }[step]()


# Each action and the status it leads to (resume returns to where the case was; tested separately).
ACTION_TARGET = {
    "assign": Status.ASSIGNED,
    "start": Status.IN_PROGRESS,
    "hold": Status.ON_HOLD,
    "resolve": Status.RESOLVED,
    "close": Status.CLOSED,
    "reopen": Status.REOPENED,
    "reject": Status.REJECTED,
    "duplicate": Status.DUPLICATE,
    "refer": Status.REFERRED,
}


def _new_case(makkah) -> Case:
    return services.case_create(
        request=IntakeRequest(organization=makkah, description="d", channel="web")
    ).case


@pytest.mark.parametrize("start", list(ROUTES))
@pytest.mark.parametrize("action", list(ACTION_TARGET))
def test_each_action_from_each_status_follows_the_table(makkah, staff, start, action):
    original = _new_case(makkah)
    case = _new_case(makkah)
    for step in ROUTES[start]:
        case = _do(step, case, staff, original)
    assert case.status == start
    events_before = case.events.count()
    target = ACTION_TARGET[action]
    if lifecycle.can_transition(start, target):
        case = _do(action, case, staff, original)
        assert case.status == target
        assert case.events.count() == events_before + 1
        event = case.events.order_by("-id").first()
        assert (event.from_status, event.to_status) == (start, target)
    else:
        with pytest.raises(DomainError) as refused:
            _do(action, case, staff, original)
        assert refused.value.errors[0].code == "invalid_transition"
        assert refused.value.status == 409
        case.refresh_from_db()
        assert case.status == start
        assert case.events.count() == events_before


@pytest.mark.parametrize(
    "before", [Status.NEW, Status.TRIAGED, Status.ASSIGNED, Status.IN_PROGRESS, Status.REOPENED]
)
def test_resume_returns_a_held_case_to_where_it_was(makkah, staff, before):
    original = _new_case(makkah)
    case = _new_case(makkah)
    for step in ROUTES[before]:
        case = _do(step, case, staff, original)
    case = services.case_hold(case=case, by=staff["supervisor"], reason="بانتظار رد المبلغ")
    case = services.case_resume(case=case, by=staff["supervisor"])
    assert case.status == before


def test_resume_is_only_for_held_cases(makkah, staff):
    case = _new_case(makkah)
    with pytest.raises(DomainError) as refused:
        services.case_resume(case=case, by=staff["supervisor"])
    assert refused.value.errors[0].code == "invalid_transition"


def test_every_status_has_a_row_in_the_table():
    assert set(lifecycle.TRANSITIONS) == set(Status.values)
    for targets in lifecycle.TRANSITIONS.values():
        assert targets <= set(Status.values)


def test_duplicates_point_at_the_root_case(makkah, staff):
    root, middle, last = _new_case(makkah), _new_case(makkah), _new_case(makkah)
    services.case_mark_duplicate(case=middle, by=None, original=root)
    middle.refresh_from_db()
    last = services.case_mark_duplicate(case=last, by=None, original=middle)
    assert last.duplicate_of_id == root.pk
