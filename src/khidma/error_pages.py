"""The pages people see when something is missing, forbidden or broken (handler404/403/500 in urls.py).

With DEBUG off, Django calls these instead of its own unstyled English pages. The look follows the address:
the back office's (``/staff/``, ``/admin/``) or the portal's (everything else), in the reader's language;
the API keeps its JSON error shape. A 500 page must not fail in turn: if the styled page cannot be drawn
(the database is down, a template breaks), a plain page in the same language is sent instead.
"""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

_STAFF_PREFIXES = ("/staff/", "/admin/")
_JSON_PREFIXES = ("/api/", "/channels/")


def _texts(status: int) -> tuple[str, str, str]:
    """(code, title, explanation) for a status, in the active language."""
    if status == 404:
        return (
            "not_found",
            _("Page not found"),
            _("There is nothing at this address."),
        )
    if status == 403:
        return (
            "forbidden",
            _("Not allowed"),
            _("You may not open this page."),
        )
    return (
        "server_error",
        _("Something went wrong on our side"),
        _("Please try again in a few minutes. Anything you sent before this is safe."),
    )


def _page(request: HttpRequest, status: int) -> HttpResponse:
    code, title, explanation = _texts(status)
    if request.path.startswith(_JSON_PREFIXES):
        body = {"errors": [{"field": "", "code": code, "message": explanation}]}
        return JsonResponse(body, status=status)
    template = "backoffice/error.html" if request.path.startswith(_STAFF_PREFIXES) else "portal/error.html"
    context = {"status": status, "title": title, "explanation": explanation}
    try:
        return HttpResponse(render_to_string(template, context, request=request), status=status)
    except Exception:  # an error page must answer whatever broke
        logger.exception("the %s page could not be drawn", status)
        html = format_html(
            '<!doctype html><html lang="{}" dir="{}"><meta charset="utf-8"><title>{}</title>'
            "<h1>{}</h1><p>{}</p></html>",
            get_language() or "ar",
            "rtl" if get_language_bidi() else "ltr",
            title,
            title,
            explanation,
        )
        return HttpResponse(html, status=status)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 404)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 403)


def server_error(request: HttpRequest) -> HttpResponse:
    return _page(request, 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without its security token (an old tab, cookies off): a 403 in the page's language."""
    return _page(request, 403)
