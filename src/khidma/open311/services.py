"""Writes of the Open311 interface: API keys and their rate limit, new requests (always through
``khidma.cases.services.case_create``) and client updates (through ``case_add_note``)."""

from __future__ import annotations

import datetime
import decimal
import hashlib
import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from khidma.cases.intake import DESCRIPTION_MAX, IntakeRequest, Reporter
from khidma.cases.models import Case, Channel
from khidma.cases.references import parse_reference
from khidma.cases.services import NOTE_MAX, case_add_note, case_create
from khidma.core import clock, ratelimit
from khidma.core.errors import DomainError, FieldError
from khidma.core.languages import is_supported
from khidma.core.ratelimit import Limit, Rate
from khidma.open311 import conf, dates, selectors
from khidma.open311.models import ApiKey, ClientUpdate, Datatype, ServiceAttribute, Submission
from khidma.organizations.models import Organization

KEY_PREFIX = "o311_"
ID_MAX = 200
CLIENT_KEY_MAX = 150
STRING_MAX = 1000
MEDIA_URL_MAX = 2000
# A retried POST from the same device with the same content inside this time makes no second case.
DEVICE_RETRY_WINDOW = datetime.timedelta(minutes=10)

# case_create names its fields after Khidma's API; clients know them by their Open311 names.
_OPEN311_FIELD = {
    "lon": "long",
    "address": "address_string",
    "category": "service_code",
    "reporter.phone": "phone",
    "reporter.email": "email",
    "reporter.name": "first_name",
    "language": "locale",
}


# --- API keys -----------------------------------------------------------------------------------------------


def hash_key(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def api_key_create(
    *, organization: Organization, name: str, rate_limit: int | None = None
) -> tuple[ApiKey, str]:
    """A new key for a client application. Returns the stored row and the key, which is never shown again."""
    name = (name or "").strip()
    if not name:
        raise DomainError.single("name", "required", _("Name the client application."))
    if len(name) > 100:
        raise DomainError.single("name", "too_long", _("The name is too long."))
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey.objects.create(
        organization=organization,
        name=name,
        prefix=secret[:12],
        key_hash=hash_key(secret),
        rate_limit=rate_limit,
    )
    return key, secret


def api_key_fill_secret(*, key: ApiKey) -> str:
    """Give an unsaved key (made in the admin) its secret; returns the secret to show once."""
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    key.prefix = secret[:12]
    key.key_hash = hash_key(secret)
    return secret


def api_key_revoke(*, key: ApiKey) -> None:
    ApiKey.objects.filter(pk=key.pk, revoked_at__isnull=True).update(revoked_at=clock.now())


def api_key_use(*, secret: str | None, required: bool) -> ApiKey | None:
    """The client's key, counted against its rate limit. A missing key is fine for reads; a wrong or revoked
    key is refused (403) everywhere, so a client notices at once."""
    secret = (secret or "").strip()
    if not secret:
        if required:
            raise DomainError.single("api_key", "api_key_required", _("Send your api_key."), status=403)
        return None
    key = (
        ApiKey.objects.select_related("organization")
        .filter(key_hash=hash_key(secret), revoked_at__isnull=True, organization__is_active=True)
        .first()
        if secret.startswith(KEY_PREFIX)
        else None
    )
    if key is None:
        raise DomainError.single("api_key", "invalid_api_key", _("This api_key is not valid."), status=403)
    _count_use(key)
    return key


def _count_use(key: ApiKey) -> None:
    """Each key's requests per minute, counted by the shared limiter (every server process and machine sees
    the same count); the key's row keeps the totals the admin shows."""
    now = clock.now()
    ApiKey.objects.filter(pk=key.pk).update(request_count=F("request_count") + 1, last_used_at=now)
    limit = key.rate_limit if key.rate_limit is not None else conf.rate_limit()
    try:
        ratelimit.hit(
            Limit("open311-key", fixed=(Rate(limit, 60),)),
            str(key.pk),
            field="api_key",
            message=lambda seconds: str(_("Too many requests: try again in a minute.")),
        )
    except ratelimit.RateLimited:
        ApiKey.objects.filter(pk=key.pk).update(throttled_count=F("throttled_count") + 1)
        raise


def api_key_ensure_serves(*, key: ApiKey | None, organization: Organization) -> None:
    if key is not None and key.organization_id != organization.pk:
        raise DomainError.single(
            "api_key", "invalid_api_key", _("This api_key is not valid for this jurisdiction."), status=403
        )


# --- Attribute answers ----------------------------------------------------------------------------------


def _number(text: str) -> int | float | None:
    try:
        value = decimal.Decimal(text)
    except decimal.InvalidOperation:
        return None
    if not value.is_finite():
        return None
    return int(value) if value == value.to_integral_value() and abs(value) < 10**15 else float(value)


def validate_answers(
    *, attributes: list[ServiceAttribute], raw: dict[str, list[str]], tz: datetime.tzinfo
) -> tuple[dict[str, Any], list[FieldError]]:
    """Check answers against the service definition: required, type and allowed values. Returns the clean
    answers by code and every problem found."""
    answers: dict[str, Any] = {}
    errors: list[FieldError] = []
    pending = {code: list(values) for code, values in raw.items()}
    for attribute in attributes:
        given = [v.strip() for v in pending.pop(attribute.code, []) if v and v.strip()]
        name = f"attribute[{attribute.code}]"
        if not attribute.variable:
            continue
        if not given:
            if attribute.required:
                errors.append(FieldError(name, "required", _("This question must be answered.")))
            continue
        if attribute.datatype != Datatype.MULTIVALUELIST and len(given) > 1:
            errors.append(FieldError(name, "invalid", _("Give one answer only.")))
            continue
        value = given[0]
        if attribute.datatype in {Datatype.STRING, Datatype.TEXT}:
            limit = STRING_MAX if attribute.datatype == Datatype.STRING else DESCRIPTION_MAX
            if len(value) > limit:
                errors.append(
                    FieldError(
                        name,
                        "too_long",
                        _("The answer is too long: at most %(max)d characters.") % {"max": limit},
                    )
                )
            else:
                answers[attribute.code] = value
        elif attribute.datatype == Datatype.NUMBER:
            number = _number(value)
            if number is None:
                errors.append(FieldError(name, "invalid", _("The answer must be a number.")))
            else:
                answers[attribute.code] = number
        elif attribute.datatype == Datatype.DATETIME:
            moment = dates.parse_iso(value, tz)
            if moment is None:
                errors.append(
                    FieldError(name, "invalid", _("The answer must be a date and time in ISO 8601."))
                )
            else:
                answers[attribute.code] = dates.iso(moment, tz)
        else:
            keys = attribute.value_keys
            unknown = [v for v in given if v not in keys]
            if unknown:
                errors.append(FieldError(name, "invalid_choice", _("This answer is not one of the choices.")))
            elif attribute.datatype == Datatype.SINGLEVALUELIST:
                answers[attribute.code] = value
            else:
                answers[attribute.code] = list(dict.fromkeys(given))
    for code in pending:
        errors.append(
            FieldError(f"attribute[{code}]", "unknown_attribute", _("This service has no such question."))
        )
    return answers, errors


# --- Requests -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestForm:
    """A POST /requests as received: every value still text."""

    service_code: str = ""
    description: str = ""
    lat: str = ""
    long: str = ""
    address_string: str = ""
    address_id: str = ""
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    phone: str = ""
    device_id: str = ""
    account_id: str = ""
    media_url: str = ""
    locale: str = ""
    idempotency_key: str = ""
    attributes: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class RequestResult:
    case: Case
    created: bool
    account_id: str


def _coordinate(name: str, text: str, errors: list[FieldError]) -> float | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if value != value or value in (float("inf"), float("-inf")):
        errors.append(FieldError(name, "invalid_coordinates", _("These are not valid coordinates.")))
        return None
    return value


def _media_url(name: str, text: str, errors: list[FieldError]) -> str:
    text = (text or "").strip()
    if not text:
        return ""
    try:
        if len(text) > MEDIA_URL_MAX:
            raise ValidationError("too long")
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        errors.append(FieldError(name, "invalid", _("media_url must be an http or https address.")))
        return ""
    return text


def _short(name: str, text: str, errors: list[FieldError], limit: int = ID_MAX) -> str:
    text = (text or "").strip()
    if len(text) > limit:
        errors.append(FieldError(name, "too_long", _("This value is too long.")))
    return text


def _renamed(exc: DomainError) -> DomainError:
    errors = [FieldError(_OPEN311_FIELD.get(e.field, e.field), e.code, e.message) for e in exc.errors]
    return DomainError(*errors, status=exc.status)


def _fingerprint(*parts: Any) -> str:
    return hashlib.sha256(
        json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str).encode()
    ).hexdigest()


def request_create(
    *, organization: Organization, api_key: ApiKey, form: RequestForm, fallback_language: str | None
) -> RequestResult:
    """Validate an Open311 POST, create the case through ``case_create`` and keep the answers and media URL.

    Retries do not duplicate: with an explicit key (``Idempotency-Key`` header or ``idempotency_key``) the
    same key returns the first case; with only a ``device_id``, the same content from the same device and
    client within ten minutes does.
    """
    tz = organization.tz
    errors: list[FieldError] = []
    service_code = form.service_code.strip()
    attributes: list[ServiceAttribute] = []
    category = None
    if not service_code:
        errors.append(FieldError("service_code", "required", _("Choose a service (service_code).")))
    else:
        category = selectors.service_find(organization=organization, code=service_code)
        if category is None:
            errors.append(FieldError("service_code", "unknown_service", _("Unknown service.")))
        else:
            attributes = selectors.attribute_list(category=category)
    lat = _coordinate("lat", form.lat, errors)
    lon = _coordinate("long", form.long, errors)
    address_string = _short("address_string", form.address_string, errors, 500)
    address_id = _short("address_id", form.address_id, errors)
    located = lat is not None or lon is not None or address_string or address_id
    if not located and not any(e.field in {"lat", "long"} for e in errors):
        errors.append(
            FieldError("lat", "location_required", _("Give a location: lat and long, or address_string."))
        )
    media_url = _media_url("media_url", form.media_url, errors)
    device_id = _short("device_id", form.device_id, errors)
    account_id = _short("account_id", form.account_id, errors)
    client_key = _short("idempotency_key", form.idempotency_key, errors, CLIENT_KEY_MAX)
    answers: dict[str, Any] = {}
    if category is not None:
        answers, answer_errors = validate_answers(attributes=attributes, raw=form.attributes, tz=tz)
        errors.extend(answer_errors)
    language = form.locale.strip().split("-")[0].lower() if form.locale.strip() else None
    if language is not None and not is_supported(language):
        language = None
    if errors:
        raise DomainError(*errors)

    address = address_string or address_id
    reporter_name = " ".join(p for p in (form.first_name.strip(), form.last_name.strip()) if p)
    idempotency_key = _idempotency_key(organization, api_key, client_key, device_id, form, answers, media_url)

    def with_the_case(case: Case) -> None:
        # In the case's own transaction: the client's answers and media are never lost from a new request.
        Submission.objects.create(
            organization=organization,
            case=case,
            api_key=api_key,
            attributes=answers,
            media_url=media_url,
            device_id=device_id,
            account_id=account_id,
            address_id=address_id,
        )
        ApiKey.objects.filter(pk=api_key.pk).update(created_count=F("created_count") + 1)
        # Staff read it in the organization's language, whatever language the client used.
        with translation.override(organization.default_language):
            summary = _staff_summary(attributes, answers, media_url, organization.default_language)
        if summary:
            # Staff read cases in the back office, not in this app's tables: give them the answers there.
            case_add_note(case=case, by=None, text=summary, public=False)

    try:
        result = case_create(
            request=IntakeRequest(
                organization=organization,
                description=form.description,
                channel=Channel.OPEN311,
                language=language,
                fallback_language=fallback_language,
                category=service_code,
                lat=lat,
                lon=lon,
                address=address,
                idempotency_key=idempotency_key,
                reporter=Reporter(name=reporter_name, phone=form.phone, email=form.email),
            ),
            within=with_the_case,
        )
        if not result.created:
            return _replayed(result.case, answers, media_url)
    except DomainError as exc:
        raise _renamed(exc) from exc
    return RequestResult(result.case, True, account_id)


def _idempotency_key(
    organization: Organization,
    api_key: ApiKey,
    client_key: str,
    device_id: str,
    form: RequestForm,
    answers: dict[str, Any],
    media_url: str,
) -> str | None:
    if client_key:
        return f"open311:{api_key.pk}:{client_key}"
    if not device_id:
        return None
    content = _fingerprint(
        device_id,
        form.service_code.strip(),
        form.description.strip(),
        form.lat.strip(),
        form.long.strip(),
        form.address_string.strip(),
        form.address_id.strip(),
        form.email.strip(),
        form.first_name.strip(),
        form.last_name.strip(),
        form.phone.strip(),
        answers,
        media_url,
    )[:40]
    # Fixed windows, and a retry that crosses into the next window still finds the previous one.
    window = int(clock.now().timestamp() // DEVICE_RETRY_WINDOW.total_seconds())
    previous = f"open311:{api_key.pk}:device:{content}:{window - 1}"
    if selectors.case_with_idempotency_key(organization=organization, key=previous) is not None:
        return previous
    return f"open311:{api_key.pk}:device:{content}:{window}"


def _replayed(case: Case, answers: dict[str, Any], media_url: str) -> RequestResult:
    submission = Submission.objects.filter(case=case).first()
    if submission is not None and (submission.attributes != answers or submission.media_url != media_url):
        raise DomainError.single(
            "idempotency_key",
            "idempotency_key_reused",
            _("This idempotency key was already used for a different report."),
            status=409,
        )
    return RequestResult(case, False, submission.account_id if submission else "")


def _staff_summary(
    attributes: list[ServiceAttribute], answers: dict[str, Any], media_url: str, language: str
) -> str:
    lines = []
    for attribute in attributes:
        if attribute.code not in answers:
            continue
        value = answers[attribute.code]
        shown = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        lines.append(f"{attribute.description_in(language) or attribute.code}: {shown}")
    if media_url:
        lines.append(str(_("Photo or video: %(url)s") % {"url": media_url}))
    if not lines:
        return ""
    heading = str(_("Answers sent through Open311:"))
    return "\n".join([heading, *lines])[:NOTE_MAX]


# --- Updates (servicerequestupdates) --------------------------------------------------------------------


@dataclass(frozen=True)
class UpdateForm:
    service_request_id: str = ""
    update_id: str = ""
    status: str = ""
    updated_datetime: str = ""
    description: str = ""
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    media_url: str = ""


def update_create(
    *, organization: Organization, api_key: ApiKey, form: UpdateForm
) -> tuple[ClientUpdate, bool]:
    """A client's comment on a request, kept as a public note. The same ``update_id`` from the same client
    returns the first update. The status a client sends is recorded but changes nothing: staff decide."""
    tz = organization.tz
    errors: list[FieldError] = []
    reference = form.service_request_id.strip()
    if not reference:
        errors.append(
            FieldError("service_request_id", "required", _("Say which request (service_request_id)."))
        )
    description = form.description.strip()
    if not description:
        errors.append(FieldError("description", "required", _("Write the update.")))
    elif len(description) > NOTE_MAX:
        errors.append(
            FieldError(
                "description",
                "too_long",
                _("The text is too long: at most %(max)d characters.") % {"max": NOTE_MAX},
            )
        )
    client_update_id = _short("update_id", form.update_id, errors)
    status = _short("status", form.status, errors, 40)
    client_time = None
    if form.updated_datetime.strip():
        client_time = dates.parse_iso(form.updated_datetime, tz)
        if client_time is None:
            errors.append(FieldError("updated_datetime", "invalid", _("Give the time in ISO 8601.")))
    email = form.email.strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(FieldError("email", "invalid_email", _("This email address is not valid.")))
    author = _short(
        "first_name", " ".join(p for p in (form.first_name.strip(), form.last_name.strip()) if p), errors
    )
    media_url = _media_url("media_url", form.media_url, errors)
    if errors:
        raise DomainError(*errors)
    try:
        case = selectors.case_for_update(organization=organization, reference=parse_reference(reference))
    except DomainError as exc:
        raise _renamed_to("service_request_id", exc) from exc
    if client_update_id:
        existing = selectors.update_by_client_id(api_key=api_key, client_update_id=client_update_id)
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            event = case_add_note(case=case, by=None, text=description, public=True)
            update = ClientUpdate.objects.create(
                organization=organization,
                case=case,
                event=event,
                api_key=api_key,
                client_update_id=client_update_id,
                requested_status=status,
                client_updated_at=client_time,
                media_url=media_url,
                author_name=author,
                author_email=email,
            )
    except IntegrityError:
        existing = selectors.update_by_client_id(api_key=api_key, client_update_id=client_update_id)
        if not client_update_id or existing is None:
            raise
        return existing, False
    return update, True


def _renamed_to(name: str, exc: DomainError) -> DomainError:
    return DomainError(*[FieldError(name, e.code, e.message) for e in exc.errors], status=exc.status)


# --- Service definitions ---------------------------------------------------------------------------------


def service_attribute_problems(
    *, organization: Organization | None, category, datatype: str | None, values: Any, descriptions: Any
) -> list[tuple[str, Any]]:
    """What is wrong with a service attribute an administrator is saving, as (field, message) pairs."""
    problems: list[tuple[str, Any]] = []
    if organization is not None and category is not None and category.organization_id != organization.pk:
        problems.append(("category", _("This category belongs to another organization.")))
    if not isinstance(descriptions, dict) or not any(
        isinstance(v, str) and v.strip() for v in descriptions.values()
    ):
        problems.append(("descriptions", _('Write the question in at least one language: {"ar": "…"}.')))
    is_list = datatype in {Datatype.SINGLEVALUELIST, Datatype.MULTIVALUELIST}
    items = values if isinstance(values, list) else None
    if items is None:
        problems.append(("values", _("Choices are a list.")))
    elif is_list:
        keys = [item.get("key") if isinstance(item, dict) else None for item in items]
        if not items:
            problems.append(("values", _("A list question needs at least one choice.")))
        elif any(not isinstance(k, str) or not k.strip() for k in keys) or len(set(keys)) != len(keys):
            problems.append(
                (
                    "values",
                    _('Every choice needs its own "key", e.g. [{"key": "deep", "names": {"en": "Deep"}}].'),
                )
            )
        elif any(not isinstance(item.get("names", {}), dict) for item in items):
            problems.append(("values", _('"names" of a choice is an object per language.')))
    elif items:
        problems.append(("values", _("Only list questions have choices.")))
    return problems
