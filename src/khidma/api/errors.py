"""One error shape for every API failure: {"errors": [{"field", "code", "message"}]}, translated."""

from __future__ import annotations

import json
import logging

from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from khidma.core import validation
from khidma.core.errors import DomainError, FieldError
from khidma.core.ratelimit import RateLimited

logger = logging.getLogger(__name__)


def error_body(errors: list[FieldError]) -> dict:
    return {"errors": [e.as_dict() for e in errors]}


def _response(api: NinjaAPI, request: HttpRequest, status: int, *errors: FieldError) -> HttpResponse:
    return api.create_response(request, error_body(list(errors)), status=status)


def _field_path(location: list) -> str:
    if location and location[0] == "query":
        # A repeated query parameter (status=a&status=b) is named, not its position in the list.
        location = [p for p in location if not isinstance(p, int)]
    # ninja reports ("body", "payload", "reporter", "phone"); clients know the field as "reporter.phone".
    parts = [
        str(p) for p in location if p not in ("body", "query", "path", "form", "file", "payload", "header")
    ]
    return ".".join(parts)


def _validation_item(item: dict) -> FieldError:
    kind = item.get("type", "")
    field = _field_path(list(item.get("loc", [])))
    if kind == "missing":
        return FieldError(field, "required", _("This field is required."))
    if kind in {"json_invalid", "model_attributes_type", "dict_type", "model_type"}:
        if field:  # a string or a number where an object belongs ("reporter": "bob")
            return FieldError(field, "invalid", _("This value must be an object."))
        return FieldError(field, "malformed_json", _("The request body is not a valid JSON object."))
    if kind == "out_of_range":
        return validation.out_of_range(field)
    if kind == "enum" or kind == "literal_error":
        return FieldError(field, "invalid_choice", _("This value is not one of the allowed choices."))
    if kind.startswith("string_too_long"):
        return FieldError(field, "too_long", _("This value is too long."))
    return FieldError(field, "invalid", _("This value is not valid."))


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(DomainError)
    def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
        response = _response(api, request, exc.status, *exc.errors)
        if isinstance(exc, RateLimited):
            response["Retry-After"] = str(exc.retry_after)
        return response

    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return _response(api, request, 400, *[_validation_item(item) for item in exc.errors])

    @api.exception_handler(AuthenticationError)
    def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return _response(
            api,
            request,
            401,
            FieldError("authorization", "unauthenticated", _("Sign in with a valid API token.")),
        )

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        cause = exc.__cause__
        if isinstance(cause, DomainError):  # the parser refused a field of the body
            return _response(api, request, cause.status, *cause.errors)
        if isinstance(cause, RequestDataTooBig):
            return _response(
                api, request, 413, FieldError("", "body_too_large", _("The request is too large."))
            )
        if isinstance(cause, (json.JSONDecodeError, UnicodeDecodeError)) or exc.status_code == 400:
            return _response(
                api, request, 400, FieldError("", "malformed_json", _("The request body is not valid JSON."))
            )
        if exc.status_code == 405:
            return _response(
                api, request, 405, FieldError("", "method_not_allowed", _("Method not allowed."))
            )
        return _response(api, request, exc.status_code, FieldError("", "error", str(exc)))

    @api.exception_handler(Exception)
    def unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        if isinstance(exc, RequestDataTooBig):
            return _response(
                api, request, 413, FieldError("", "body_too_large", _("The request is too large."))
            )
        if isinstance(exc, (OperationalError, InterfaceError)):
            # The database is restarting or unreachable: a client should try again (with its
            # Idempotency-Key, a retry never makes a second report).
            logger.warning("database unavailable in %s %s: %s", request.method, request.path, exc)
            response = _response(
                api,
                request,
                503,
                FieldError("", "unavailable", _("The service is busy or restarting. Please try again.")),
            )
            response["Retry-After"] = "5"
            return response
        logger.exception("unhandled error in %s %s", request.method, request.path)
        return _response(
            api,
            request,
            500,
            FieldError("", "server_error", _("Something went wrong on our side. Nothing was saved.")),
        )
