"""What every programs screen shares: rendering with the back office's frame, the refusal page, a row the
person may see (or 404), and running one step of a POST — form, permission, service — so that a refusal is
shown on the same page in the person's language, with the status the API would give and what they typed."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from khidma.accounts.models import User
from khidma.backoffice.programs.forms import field_errors
from khidma.backoffice.views import _common
from khidma.core.errors import DomainError, FieldError
from khidma.programs import access, audit
from khidma.programs.applications.checklist import Checklist
from khidma.programs.models import ProgramEvent, Recommendation

M = TypeVar("M", bound=Model)
T = "backoffice/programs/"


def tz_of(user: User) -> zoneinfo.ZoneInfo:
    return user.organization.tz


def page(request: HttpRequest, template: str, context: dict, *, status: int = 200) -> HttpResponse:
    return render(request, T + template, {**_common(request), **context}, status=status)


def denied(request: HttpRequest) -> HttpResponse:
    return render(request, "backoffice/denied.html", _common(request), status=403)


def visible_or_404(user: User, rows: type[M] | QuerySet[M], pk: Any) -> M:
    item = access.get_visible(user, rows, pk)
    if item is None:
        raise Http404
    return item


class Outcome:
    """The result of one POST step: the service's return value, or the refusal to show."""

    def __init__(self, result: Any = None, status: int = 200, errors: list[FieldError] | None = None):
        self.result, self.status, self.errors = result, status, errors or []

    @property
    def done(self) -> bool:
        return not self.errors


def attempt(
    request: HttpRequest,
    form: forms.Form,
    action: Callable[[dict[str, Any]], Any],
    *,
    permission: str | None,
    done: str,
) -> Outcome:
    """Check the permission, then the form, then let the service decide; a success is a message on the next
    page."""
    try:
        if permission:
            access.ensure(request.user, permission)
        if not form.is_valid():
            return Outcome(status=400, errors=field_errors(form))
        result = action(form.cleaned_data)
    except DomainError as exc:
        return Outcome(status=exc.status, errors=exc.errors)
    messages.success(request, done)
    return Outcome(result)


def audit_lines(events: Iterable[ProgramEvent], checklist: Checklist | None = None) -> list[dict[str, Any]]:
    """The audit trail in words: what happened (never the row's code), who did it, and what it concerned —
    checklist items by name, recommendations and votes as words."""
    lines = []
    for event in events:
        data = event.data or {}
        details = ""
        documents = (
            data.get("missing") or data.get("added") or data.get("documents") or [data.get("item") or ""]
        )
        if checklist is not None and event.kind in _DOCUMENT_KINDS:
            details = ", ".join(checklist.labels([str(d) for d in documents if d]))
        for key in ("recommendation", "vote"):
            if data.get(key) in Recommendation.values:
                details = str(Recommendation(data[key]).label)
        lines.append(
            {
                "at": event.created_at,
                "label": audit.event_label(event.kind),
                "actor": event.actor,
                "details": details,
                "note": event.note,
            }
        )
    return lines


_DOCUMENT_KINDS = {"submitted", "returned_incomplete", "documents_added", "file_added"}
