"""How a program step touches the case it hangs on: the case must be open, it becomes the work of the person
acting, and what the case's timeline says is written in the case's language."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.cases import lifecycle
from khidma.cases import services as case_services
from khidma.cases.models import Case, Status
from khidma.core.errors import Conflict


def ensure_case_open(case: Case) -> None:
    if case.status not in lifecycle.OPEN_STATUSES:
        raise Conflict.single("case", "case_not_open", _("This case is no longer open."))


def take_case(case: Case, by: User) -> Case:
    """A case taken into a program is someone's work: assign it to the person acting when nobody has it."""
    case.refresh_from_db()
    if case.status in {Status.NEW, Status.TRIAGED}:
        case = case_services.case_assign(case=case, by=by, assignee=by)
    return case


def in_language(language: str, message: Any, **values: Any) -> str:
    """A message for the case's timeline (and so for the person), in the case's language."""
    with translation.override(language):
        return str(message) % values
