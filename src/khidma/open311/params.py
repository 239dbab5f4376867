"""Reading GeoReport v2 parameters from a request. Unknown parameters are ignored, as clients send extras."""

from __future__ import annotations

import datetime
import re

from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext_lazy as _

from khidma.cases.references import parse_reference
from khidma.core import clock, validation
from khidma.core.errors import DomainError, FieldError
from khidma.core.languages import is_supported
from khidma.open311 import conf, dates
from khidma.open311.selectors import RequestQuery, UpdateQuery
from khidma.open311.services import RequestForm, UpdateForm

_ATTRIBUTE = re.compile(r"^attribute\[([^\[\]]+)\](\[\])?$")
STATUSES = ("open", "closed")


def value(request: HttpRequest, name: str) -> str:
    """A parameter from the form body (POST) or the query string."""
    if request.method == "POST" and name in request.POST:
        return request.POST.get(name, "")
    return request.GET.get(name, "")


def locale(request: HttpRequest) -> str | None:
    """The ``locale`` parameter (``ar``, ``en-US``…) when it names a supported language."""
    raw = request.GET.get("locale") or (request.POST.get("locale") if request.method == "POST" else "") or ""
    code = raw.strip().replace("_", "-").split("-")[0].lower()
    return code if code and is_supported(code) else None


def api_key(request: HttpRequest) -> str:
    return value(request, "api_key")


def jurisdiction_id(request: HttpRequest) -> str:
    return value(request, "jurisdiction_id").strip()


def idempotency_key(request: HttpRequest) -> str:
    return (request.headers.get("Idempotency-Key") or value(request, "idempotency_key")).strip()


def _flag(params: QueryDict, name: str) -> bool:
    return params.get(name, "").strip().lower() in {"true", "1", "yes"}


def flag(request: HttpRequest, name: str) -> bool:
    return _flag(request.GET, name)


def reference(raw: str, name: str) -> str:
    """A canonical reference number; a mistyped one is a 400 naming the parameter."""
    try:
        return parse_reference(raw)
    except DomainError as exc:
        raise DomainError(*[FieldError(name, e.code, e.message) for e in exc.errors]) from exc


def _int(params: QueryDict, name: str, default: int, low: int, high: int, errors: list[FieldError]) -> int:
    raw = params.get(name, "").strip()
    if not raw:
        return default
    try:
        number = int(raw)
    except ValueError:
        number = low - 1
    if not low <= number <= high:
        errors.append(
            FieldError(
                name,
                "invalid",
                _("Give a whole number from %(low)d to %(high)d.") % {"low": low, "high": high},
            )
        )
        return default
    return number


def _paging(params: QueryDict, errors: list[FieldError]) -> tuple[int, int]:
    cap = conf.max_requests()
    page = _int(params, "page", 1, 1, 1_000_000, errors)
    page_size = _int(params, "page_size", cap, 1, cap, errors)
    return (page - 1) * page_size, page_size


def _window(
    params: QueryDict, tz: datetime.tzinfo, errors: list[FieldError]
) -> tuple[datetime.datetime, datetime.datetime]:
    """start_date and end_date at most 90 days apart; without them, the last 90 days."""
    found: dict[str, datetime.datetime | None] = {}
    for name in ("start_date", "end_date"):
        raw = params.get(name, "").strip()
        found[name] = dates.parse_iso(raw, tz) if raw else None
        if raw and found[name] is None:
            errors.append(
                FieldError(name, "invalid", _("Give the date in ISO 8601 (2026-01-31T08:00:00+03:00)."))
            )
    far = validation.date_errors(**found)
    if far:  # year 1 or 9999: the 90-day window around it would overflow
        errors.extend(far)
        now = clock.now()
        return now - conf.WINDOW, now
    start, end = found["start_date"], found["end_date"]
    if start is None and end is None:
        end = clock.now()
        start = end - conf.WINDOW
    elif end is None:
        end = start + conf.WINDOW
    elif start is None:
        start = end - conf.WINDOW
    if end < start:
        errors.append(FieldError("end_date", "invalid", _("end_date is before start_date.")))
    elif end - start > conf.WINDOW:
        errors.append(
            FieldError(
                "end_date", "window_too_long", _("start_date and end_date may be at most 90 days apart.")
            )
        )
    return start, end


def request_query(request: HttpRequest, tz: datetime.tzinfo) -> RequestQuery:
    params = request.GET
    errors: list[FieldError] = []
    offset, limit = _paging(params, errors)
    extensions = _flag(params, "extensions")
    raw_ids = params.get("service_request_id", "").strip()
    if raw_ids:
        references = []
        for raw in raw_ids.split(","):
            if raw.strip():
                try:
                    references.append(reference(raw, "service_request_id"))
                except DomainError as exc:
                    errors.extend(exc.errors)
        if errors:
            raise DomainError(*errors)
        return RequestQuery(references=references, offset=offset, limit=limit, extensions=extensions)
    start, end = _window(params, tz, errors)
    statuses = [s.strip().lower() for s in params.get("status", "").split(",") if s.strip()]
    if any(s not in STATUSES for s in statuses):
        errors.append(FieldError("status", "invalid_choice", _("status is open or closed.")))
    codes = [c.strip() for c in params.get("service_code", "").split(",") if c.strip()]
    if errors:
        raise DomainError(*errors)
    return RequestQuery(
        service_codes=codes or None,
        start=start,
        end=end,
        statuses=statuses or None,
        offset=offset,
        limit=limit,
        extensions=extensions,
    )


def update_query(request: HttpRequest, tz: datetime.tzinfo) -> tuple[UpdateQuery, bool]:
    params = request.GET
    errors: list[FieldError] = []
    offset, limit = _paging(params, errors)
    start, end = _window(params, tz, errors)
    if errors:
        raise DomainError(*errors)
    return UpdateQuery(start=start, end=end, offset=offset, limit=limit), _flag(params, "extensions")


def attributes(form: QueryDict) -> dict[str, list[str]]:
    """``attribute[code]=x`` and ``attribute[code][]=x&attribute[code][]=y`` as {code: [values]}."""
    found: dict[str, list[str]] = {}
    for key in form:
        match = _ATTRIBUTE.match(key)
        if match:
            found.setdefault(match.group(1), []).extend(form.getlist(key))
    return found


def request_form(request: HttpRequest) -> RequestForm:
    form = request.POST
    return RequestForm(
        service_code=form.get("service_code", ""),
        description=form.get("description", ""),
        lat=form.get("lat", ""),
        long=form.get("long", ""),
        address_string=form.get("address_string", ""),
        address_id=form.get("address_id", ""),
        email=form.get("email", ""),
        first_name=form.get("first_name", ""),
        last_name=form.get("last_name", ""),
        phone=form.get("phone", ""),
        device_id=form.get("device_id", ""),
        account_id=form.get("account_id", ""),
        media_url=form.get("media_url", ""),
        locale=locale(request) or "",
        idempotency_key=idempotency_key(request),
        attributes=attributes(form),
    )


def update_form(request: HttpRequest) -> UpdateForm:
    form = request.POST
    return UpdateForm(
        service_request_id=form.get("service_request_id", ""),
        update_id=form.get("update_id", ""),
        status=form.get("status", ""),
        updated_datetime=form.get("updated_datetime", ""),
        description=form.get("description", ""),
        email=form.get("email", ""),
        first_name=form.get("first_name", ""),
        last_name=form.get("last_name", ""),
        media_url=form.get("media_url", ""),
    )
