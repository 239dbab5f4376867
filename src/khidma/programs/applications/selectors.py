"""Reads for association requests. Callers pass querysets already narrowed by ``programs.access.scoped``."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from khidma.programs.models import Application, ApplicationDocument, RequestType


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


def request_types_offered(request_types: QuerySet[RequestType]) -> QuerySet[RequestType]:
    return request_types.filter(is_active=True).order_by("code")


def request_type_find(request_types: QuerySet[RequestType], *, code: str) -> RequestType | None:
    return request_types.filter(code=code).first()


def application_file(application: Application, file_id: int) -> ApplicationDocument | None:
    """One of the application's files (callers have checked the application is the reader's to see)."""
    if not 0 < file_id < 2**63:
        return None
    return application.files.filter(pk=file_id).first()


def application_files(application: Application) -> list[ApplicationDocument]:
    return list(application.files.select_related("uploaded_by").order_by("uploaded_at", "id"))
