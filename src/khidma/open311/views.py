"""GeoReport v2 endpoints. Each view parses, calls services or selectors, and renders; the decorator picks
the language, turns refusals into the standard's error list and exempts the API from CSRF (API keys, not
cookies, authenticate it)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from khidma.cases import limits
from khidma.core import validation
from khidma.core.clientip import client_ip
from khidma.core.errors import DomainError, FieldError
from khidma.core.ratelimit import RateLimited
from khidma.open311 import params, presenters, renderers, selectors, services
from khidma.open311.models import ApiKey
from khidma.organizations.models import Organization

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Context:
    organization: Organization
    api_key: ApiKey | None

    @property
    def tz(self):
        return self.organization.tz


def endpoint(*methods: str) -> Callable:
    def decorate(view: Callable) -> Callable:
        @csrf_exempt
        @functools.wraps(view)
        def handler(request: HttpRequest, fmt: str | None = None, **kwargs) -> HttpResponse:
            fmt = fmt or renderers.XML
            try:
                language = params.locale(request)  # reads the form of a POST, which may be refused
            except (RequestDataTooBig, SuspiciousOperation):
                language = None  # the view meets the same refusal and answers it
            with translation.override(language) if language else nullcontext():
                response = _answer(view, methods, request, fmt, **kwargs)
                response["Content-Language"] = translation.get_language()
            return response

        return handler

    return decorate


def _answer(
    view: Callable, methods: tuple[str, ...], request: HttpRequest, fmt: str, **kwargs
) -> HttpResponse:
    try:
        # A NUL byte or a lone surrogate in any parameter is refused before it reaches a query.
        validation.ensure_clean_data(
            {**request.GET.dict(), **(request.POST.dict() if request.method == "POST" else {})}
        )
        if request.method not in methods:
            response = renderers.render_errors(
                fmt, [FieldError("", "method_not_allowed", _("Method not allowed."))], 405
            )
            response["Allow"] = ", ".join(methods)
            return response
        return view(request, fmt, **kwargs)
    except RateLimited as exc:
        response = renderers.render_errors(fmt, exc.errors, exc.status)
        response["Retry-After"] = str(exc.retry_after)
        return response
    except DomainError as exc:
        return renderers.render_errors(fmt, exc.errors, exc.status)
    except RequestDataTooBig:
        return renderers.render_errors(
            fmt, [FieldError("", "body_too_large", _("The request is too large."))], 413
        )
    except SuspiciousOperation:  # too many fields, malformed multipart
        return renderers.render_errors(
            fmt, [FieldError("", "invalid", _("The request could not be read."))], 400
        )
    except Exception:
        logger.exception("unhandled error in %s %s", request.method, request.path)
        message = _("Something went wrong on our side. Nothing was saved.")
        return renderers.render_errors(fmt, [FieldError("", "server_error", message)], 500)


def _context(request: HttpRequest, *, key_required: bool = False, lookup: bool = False) -> Context:
    """The jurisdiction and the client's key. ``lookup``: a read of reports that, without a key, counts
    against the per-address limit of public lookups (a key has its own limit)."""
    api_key = services.api_key_use(secret=params.api_key(request), required=key_required)
    if lookup and api_key is None:
        limits.lookup_allow(ip=client_ip(request))
    organization = selectors.jurisdiction_get(
        jurisdiction_id=params.jurisdiction_id(request), api_key=api_key
    )
    services.api_key_ensure_serves(key=api_key, organization=organization)
    return Context(organization, api_key)


def base_url(request: HttpRequest) -> str:
    base = settings.KHIDMA_PUBLIC_BASE_URL
    path = "/open311/v2/"
    return f"{base}{path}" if base else request.build_absolute_uri(path)


# --- Endpoints --------------------------------------------------------------------------------------------


@endpoint("GET")
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    ctx = _context(request)
    body = presenters.discovery(url=base_url(request), contact=ctx.organization.name_in())
    return renderers.render(fmt, body, root="discovery")


@endpoint("GET")
def service_list(request: HttpRequest, fmt: str) -> HttpResponse:
    ctx = _context(request)
    rows = selectors.service_list(organization=ctx.organization)
    return renderers.render(fmt, [presenters.service(r) for r in rows], root="services", item="service")


@endpoint("GET")
def service_definition(request: HttpRequest, fmt: str, service_code: str) -> HttpResponse:
    ctx = _context(request)
    category = selectors.service_get(organization=ctx.organization, code=service_code)
    body = presenters.service_definition(category, selectors.attribute_list(category=category))
    return renderers.render(fmt, body, root="service_definition")


@endpoint("GET", "POST")
def requests(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _request_create(request, fmt)
    ctx = _context(request, lookup=True)
    query = params.request_query(request, ctx.tz)
    cases = selectors.request_search(organization=ctx.organization, query=query)
    details = selectors.service_details(organization=ctx.organization)
    items = [presenters.request(c, tz=ctx.tz, details=details, extensions=query.extensions) for c in cases]
    return renderers.render(fmt, items, root="service_requests", item="request")


def _request_create(request: HttpRequest, fmt: str) -> HttpResponse:
    ctx = _context(request, key_required=True)
    form = params.request_form(request)
    # The key has its own limit; the phone number its client names is limited like any anonymous report's.
    limits.intake_allow(ip=None, phone=form.phone, phone_field="phone")
    result = services.request_create(
        organization=ctx.organization,
        api_key=ctx.api_key,
        form=form,
        fallback_language=translation.get_language(),
    )
    detail = selectors.service_details(organization=ctx.organization).get(result.case.category_id or 0)
    body = [presenters.created(result.case, account_id=result.account_id, detail=detail)]
    return renderers.render(
        fmt, body, root="service_requests", item="request", status=201 if result.created else 200
    )


@endpoint("GET")
def request_detail(request: HttpRequest, fmt: str, request_id: str) -> HttpResponse:
    ctx = _context(request, lookup=True)
    reference = params.reference(request_id, "service_request_id")
    extensions = params.flag(request, "extensions")
    case = selectors.request_get(organization=ctx.organization, reference=reference, extensions=extensions)
    details = selectors.service_details(organization=ctx.organization)
    body = [presenters.request(case, tz=ctx.tz, details=details, extensions=extensions)]
    return renderers.render(fmt, body, root="service_requests", item="request")


@endpoint("GET")
def token(request: HttpRequest, fmt: str, token: str) -> HttpResponse:
    ctx = _context(request, lookup=True)
    case = selectors.request_get(organization=ctx.organization, reference=params.reference(token, "token"))
    return renderers.render(fmt, [presenters.token(case)], root="service_requests", item="request")


@endpoint("GET", "POST")
def updates(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        ctx = _context(request, key_required=True)
        update, created = services.update_create(
            organization=ctx.organization, api_key=ctx.api_key, form=params.update_form(request)
        )
        body = [presenters.update_created(update)]
        return renderers.render(
            fmt, body, root="service_request_updates", item="request_update", status=201 if created else 200
        )
    ctx = _context(request, lookup=True)
    query, extensions = params.update_query(request, ctx.tz)
    events = selectors.update_search(organization=ctx.organization, query=query)
    items = [presenters.update(e, tz=ctx.tz, extensions=extensions) for e in events]
    return renderers.render(fmt, items, root="service_request_updates", item="request_update")


@endpoint("GET", "POST")
def not_found(request: HttpRequest, fmt: str, **kwargs) -> HttpResponse:
    raise DomainError.single("", "not_found", _("There is nothing at this address."), status=404)
