"""Headers and protocol errors every response gets, before any application code runs.

Security headers: the Content-Security-Policy of settings.KHIDMA_CONTENT_SECURITY_POLICY on every response
(Django's SecurityMiddleware adds HSTS, nosniff and the referrer policy; X-Frame-Options comes from its own
middleware).

Protocol errors on API paths in the API's error shape.

Django and ninja answer a wrong method (405) and a body over ``KHIDMA_MAX_BODY_BYTES`` (413) in HTML or
with an empty body; a program calling the API reads JSON. An address longer than ``MAX_URL_LENGTH`` is
refused here (414) before any view runs — on API paths as JSON, elsewhere as text. ``khidma serve`` lets
gunicorn read request lines up to its maximum (8190 bytes) so that this answer, not gunicorn's own, is
what a client sees."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from khidma.api.errors import error_body
from khidma.core.errors import FieldError

MAX_URL_LENGTH = 4096
_API = "/api/"


def _messages() -> dict[int, FieldError]:
    return {
        405: FieldError("", "method_not_allowed", _("Method not allowed.")),
        413: FieldError("", "body_too_large", _("The request is too large.")),
        414: FieldError("", "uri_too_long", _("The address is too long.")),
    }


class ProtocolErrorsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        api = request.path.startswith(_API)
        if len(request.get_full_path()) > MAX_URL_LENGTH:
            if api:
                return JsonResponse(error_body([_messages()[414]]), status=414)
            return HttpResponse(_("The address is too long."), status=414, content_type="text/plain")
        response = self.get_response(request)
        if (
            api
            and response.status_code in (405, 413)
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            status = response.status_code
            answer = JsonResponse(error_body([_messages()[status]]), status=status)
            if response.has_header("Allow"):
                answer["Allow"] = response["Allow"]
            return answer
        return response


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.KHIDMA_CONTENT_SECURITY_POLICY:
            response.headers.setdefault("Content-Security-Policy", settings.KHIDMA_CONTENT_SECURITY_POLICY)
        return response
