"""Reads for association requests. Callers pass querysets already narrowed by ``programs.access.scoped``."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from khidma.programs.models import Application, RequestType


def earliest_decision_at(application: Application) -> datetime.datetime:
    """No decision may be issued before this: the request type's minimum days after submission."""
    return application.submitted_at + datetime.timedelta(days=application.request_type.min_decision_days)


def application_list(
    applications: QuerySet[Application], *, status: str | None = None
) -> QuerySet[Application]:
    if status:
        applications = applications.filter(status=status)
    return applications.select_related("case", "request_type", "person")


def application_detail(applications: QuerySet[Application]) -> QuerySet[Application]:
    return applications.select_related("case", "request_type", "person", "meeting", "researcher")


def request_type_find(request_types: QuerySet[RequestType], *, code: str) -> RequestType | None:
    return request_types.filter(code=code).first()
