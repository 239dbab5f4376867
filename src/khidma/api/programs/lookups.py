"""Finding the rows a request names, as the caller may see them: another organization's row, or one hanging
on a case the caller may not see, is "not found" (404), exactly like a row that does not exist."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.cases.models import Case
from khidma.core.errors import NotFound
from khidma.organizations.models import ServicePoint
from khidma.programs import access
from khidma.programs.units.selectors import point_find

M = TypeVar("M", bound=Model)


def scoped_get(user: User, rows: type[M] | QuerySet[M], pk: int, field: str) -> M:
    item = access.get_visible(user, rows, pk)
    if item is None:
        raise NotFound.single(field, "not_found", _("Not found."))
    return item


def visible_case(user: User, reference: str) -> Case:
    return access.case_visible(user, reference)


def find_point(user: User, code: str, field: str = "service_point") -> ServicePoint:
    point = point_find(organization=user.organization, code=code)
    if point is None:
        raise NotFound.single(field, "not_found", _("Not found."))
    return point
