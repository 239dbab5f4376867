"""What a channel hands to intake, and the checks every submission passes before anything is written.

Every channel — the public API, the portal, Open311, WhatsApp, SMS, the staff API and the agent console, the
programs' proxies, commands — builds one ``IntakeRequest`` and gives it to ``services.case_create``. The
request is a plain value: it can be stored and processed later (``pending.py``) exactly as if it had been
processed at once. ``intake_validate`` reports every problem at once; the staff rules (which channel and
service point a case taken in at a post gets, and the women's section's own intake) live in
``staff_intake_request`` so the API and the console cannot disagree.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import Role, User
from khidma.cases import access
from khidma.cases.models import IN_PERSON_CHANNELS, POST_CHANNELS, Channel, Priority
from khidma.core import clock, validation
from khidma.core.errors import DomainError, FieldError
from khidma.core.languages import is_supported
from khidma.core.phones import normalize_phone
from khidma.organizations import gazetteer
from khidma.organizations import selectors as org_selectors
from khidma.organizations.models import Area, CaseKind, Category, Organization, Place, ServicePoint

DESCRIPTION_MAX = 4000
ADDRESS_MAX = 500
NAME_MAX = 200
IDEMPOTENCY_KEY_MAX = 200


@dataclass(frozen=True, kw_only=True)
class Reporter:
    name: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Principal:
    """The person a proxy acts for (a soldier at the border, a prisoner's family, someone abroad)."""

    name: str
    relationship: str = ""
    document: str = ""


@dataclass(frozen=True, kw_only=True)
class IntakeRequest:
    """One submission, as the channel received it. Only ``organization``, ``description`` and ``channel``
    are required; triage fills in what the channel did not say."""

    organization: Organization
    description: str
    channel: str
    language: str | None = None
    # The language of the page or request, used when the text is too short to tell its own.
    fallback_language: str | None = None
    kind: str | None = None
    category: str | None = None
    priority: str | None = None
    service_point: str | None = None
    lat: float | None = None
    lon: float | None = None
    address: str = ""
    # The area (sub-municipality) code, when there is no point: an agent placing a caller's report.
    area: str | None = None
    # A gazetteer place's key ("mina", "ajyad"): without a point of its own, the report takes the place's
    # point and area. That point stands for a whole landmark or neighbourhood, so it never makes the report
    # a duplicate of another by distance (two reports "at Mina" are not one problem).
    place: str | None = None
    reporter: Reporter = field(default_factory=Reporter)
    received_at: datetime.datetime | None = None
    womens_section: bool = False
    principal: Principal | None = None
    idempotency_key: str | None = None
    created_by: User | None = None
    # The reporter proved the phone is theirs with a code sent to it (the portal's SMS check): its key.
    phone_verification_key: str | None = None

    def fingerprint(self) -> str:
        """What makes two submissions "the same" for idempotency: the content, not who or when."""
        parts = (
            (self.description or "").strip(),
            self.channel,
            self.category,
            self.lat,
            self.lon,
            (self.address or "").strip(),
            _normal_phone(self.reporter.phone),
            (self.reporter.email or "").strip(),
            self.kind,
            self.service_point,
        )
        if self.place:  # only when given, so submissions without one keep the fingerprints they had
            parts += (self.place,)
        return hashlib.sha256(json.dumps(parts, ensure_ascii=False, default=str).encode()).hexdigest()

    def to_data(self) -> dict[str, Any]:
        """A JSON-ready form, for a request stored to be processed later."""
        data = {name: getattr(self, name) for name in _PLAIN_FIELDS}
        data["organization_id"] = self.organization.pk
        data["created_by_id"] = self.created_by.pk if self.created_by else None
        data["received_at"] = self.received_at.isoformat() if self.received_at else None
        data["reporter"] = asdict(self.reporter)
        data["principal"] = asdict(self.principal) if self.principal else None
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any], *, organization: Organization) -> IntakeRequest:
        values = dict(data)
        values.pop("organization_id", None)
        created_by_id = values.pop("created_by_id", None)
        values["reporter"] = Reporter(**values.get("reporter") or {})
        values["principal"] = Principal(**values["principal"]) if values.get("principal") else None
        if values.get("received_at"):
            values["received_at"] = datetime.datetime.fromisoformat(values["received_at"])
        values["created_by"] = User.objects.filter(pk=created_by_id).first() if created_by_id else None
        return cls(organization=organization, **values)


# The fields of IntakeRequest stored as they are (the others need converting: rows, times, nested values).
_PLAIN_FIELDS = tuple(
    f.name
    for f in fields(IntakeRequest)
    if f.name not in {"organization", "created_by", "received_at", "reporter", "principal"}
)


@dataclass(frozen=True, kw_only=True)
class ValidIntake:
    """A request that passed every check, with its codes resolved to rows and its texts cleaned."""

    request: IntakeRequest
    description: str
    category: Category | None
    service_point: ServicePoint | None
    area: Area | None  # given by code; a point's area is found later, with the rest of the decision
    address: str
    reporter: Reporter  # phone normalized to E.164, texts stripped
    principal: Principal | None
    place: Place | None = None  # the gazetteer place standing for the point, when the request has none

    @property
    def organization(self) -> Organization:
        return self.request.organization

    @property
    def lat(self) -> float | None:
        return self._point()[0]

    @property
    def lon(self) -> float | None:
        return self._point()[1]

    def _point(self) -> tuple[float | None, float | None]:
        """Where the case goes on the map: its gazetteer place's point, else the request's, else (an agent
        placing a caller's report by area) a point of the area, so every placed case has a map. A place's
        or an area's point stands for the whole place: triage never links duplicates by it (only
        ``request.lat/lon`` count)."""
        if self.place is not None:
            return self.place.lat, self.place.lon
        if self.request.lat is not None and self.request.lon is not None:
            return self.request.lat, self.request.lon
        if self.area is not None:
            return org_selectors.area_point(self.area)
        return None, None


def _normal_phone(phone: str) -> str:
    try:
        return normalize_phone(phone) if phone and phone.strip() else ""
    except ValueError:
        return phone.strip()


def intake_validate(request: IntakeRequest) -> ValidIntake:
    """Every check a submission must pass, reported all at once (``DomainError`` with one ``FieldError`` per
    problem). Reads only; writes nothing."""
    organization = request.organization
    given = request.reporter
    principal = request.principal
    errors: list[FieldError] = validation.text_errors(
        description=request.description,
        address=request.address,
        area=request.area,
        category=request.category,
        service_point=request.service_point,
        idempotency_key=request.idempotency_key,
        **{"reporter.name": given.name, "reporter.phone": given.phone, "reporter.email": given.email},
        **(
            {
                "principal.name": principal.name,
                "principal.relationship": principal.relationship,
                "principal.document": principal.document,
            }
            if principal
            else {}
        ),
    )
    if errors:
        raise DomainError(*errors)  # nothing below can work on text that cannot be stored
    description = (request.description or "").strip()
    if validation.is_blank(description):  # blank, or only zero-width and direction characters
        errors.append(FieldError("description", "required", _("Please describe the problem.")))
    elif len(description) > DESCRIPTION_MAX:
        errors.append(
            FieldError(
                "description",
                "too_long",
                _("The description is too long: at most %(max)d characters.") % {"max": DESCRIPTION_MAX},
            )
        )
    if request.channel not in Channel.values:
        errors.append(FieldError("channel", "unknown_channel", _("Unknown channel.")))
    if request.kind is not None and request.kind not in CaseKind.values:
        errors.append(FieldError("kind", "unknown_kind", _("Unknown kind of case.")))
    if request.priority is not None and request.priority not in Priority.values:
        errors.append(FieldError("priority", "unknown_priority", _("Unknown priority.")))
    if request.language is not None and not is_supported(request.language):
        errors.append(FieldError("language", "unsupported_language", _("This language is not supported.")))

    category: Category | None = None
    if request.category:
        category = org_selectors.category_get_active(organization=organization, code=request.category)
        if category is None:
            errors.append(FieldError("category", "unknown_category", _("Unknown category.")))

    point: ServicePoint | None = None
    if request.service_point:
        point = org_selectors.service_point_get(organization=organization, code=request.service_point)
        if point is None:
            errors.append(FieldError("service_point", "unknown_service_point", _("Unknown service point.")))
    elif request.channel in IN_PERSON_CHANNELS:
        errors.append(
            FieldError("service_point", "required", _("Say at which service point the report was received."))
        )

    errors.extend(_location_errors(organization, request.lat, request.lon))
    area: Area | None = None
    if request.area and (request.lat is None or request.lon is None):
        area = org_selectors.area_get(organization=organization, code=request.area)
        if area is None:
            errors.append(FieldError("area", "unknown_area", _("Unknown area.")))
    place: Place | None = None
    if request.place:
        place = gazetteer.place_get(organization=organization, key=request.place)
        if place is None:
            errors.append(FieldError("place", "unknown_place", _("Unknown place.")))
        elif request.lat is not None and request.lon is not None:
            place = None  # a point of the reporter's own is more precise than the place's
    address = (request.address or "").strip()
    if len(address) > ADDRESS_MAX:
        errors.append(
            FieldError(
                "address",
                "too_long",
                _("The address is too long: at most %(max)d characters.") % {"max": ADDRESS_MAX},
            )
        )

    phone = ""
    if given.phone and given.phone.strip():
        try:
            phone = normalize_phone(given.phone)
        except ValueError:
            errors.append(FieldError("reporter.phone", "invalid_phone", _("This phone number is not valid.")))
    email = (given.email or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(
                FieldError("reporter.email", "invalid_email", _("This email address is not valid."))
            )
    name = (given.name or "").strip()
    if len(name) > NAME_MAX:
        errors.append(FieldError("reporter.name", "too_long", _("The name is too long.")))

    received_at = request.received_at
    if received_at is not None:
        if received_at.tzinfo is None:
            errors.append(
                FieldError("received_at", "naive_datetime", _("Give the time with its UTC offset."))
            )
        elif received_at > clock.now() + datetime.timedelta(minutes=5):
            errors.append(FieldError("received_at", "in_future", _("The received time is in the future.")))
        else:
            # Shown in Hijri and run through the service levels' Hijri holidays: the Umm al-Qura tables.
            first, last = validation.HIJRI_FIRST_DATE, validation.HIJRI_LAST_DATE
            errors.extend(validation.date_errors(first=first, last=last, received_at=received_at))
    if principal is not None:
        if not principal.name.strip():
            errors.append(FieldError("principal.name", "required", _("Name the person you act for.")))
        principal = Principal(
            principal.name.strip(), principal.relationship.strip(), principal.document.strip()
        )
    key = request.idempotency_key
    if key is not None and not 1 <= len(key) <= IDEMPOTENCY_KEY_MAX:
        errors.append(
            FieldError("idempotency_key", "invalid", _("The idempotency key must be 1 to 200 characters."))
        )
    if errors:
        raise DomainError(*errors)
    return ValidIntake(
        request=request,
        description=description,
        category=category,
        service_point=point,
        area=area,
        address=address,
        reporter=Reporter(name=name, phone=phone, email=email),
        principal=principal,
        place=place,
    )


def _location_errors(organization: Organization, lat: float | None, lon: float | None) -> list[FieldError]:
    if lat is None and lon is None:
        return []
    if lat is None or lon is None:
        return [
            FieldError("lat" if lat is None else "lon", "required", _("Give both latitude and longitude."))
        ]
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return [FieldError("lat", "invalid_coordinates", _("These are not valid coordinates."))]
    if not organization.contains_point(lat, lon):
        return [
            FieldError(
                "lat",
                "outside_area",
                _("This place is outside the area that %(organization)s serves.")
                % {"organization": organization.name_in()},
            )
        ]
    return []


def fallback_language(request: IntakeRequest) -> str:
    """The case's language when neither the channel nor triage can tell: the page's, else the
    organization's."""
    language = request.fallback_language
    if language and is_supported(language.split("-")[0]):
        return language.split("-")[0]
    return request.organization.default_language


# --- Staff intake -------------------------------------------------------------------------------------------


def staff_intake_request(
    *,
    user: User,
    description: str,
    channel: str | None = None,
    service_point: str | None = None,
    womens_section: bool = False,
    **fields: Any,
) -> IntakeRequest:
    """A case a member of staff takes in for someone (by phone, at a counter, from a letter or an import).
    The same rules for the staff API and the agent console:

    - the channel is the one given, else the channel of the person's post (a 940 agent: the 940 phone; a
      mosque counter: the mosque counter…); someone without a post must say it;
    - the service point is the one given, else the person's post when the case came in through the post's
      own channel (a letter registered at headquarters was not received at the counter);
    - the women's section's own intake belongs to it, and anyone may flag a case for it.
    """
    if not access.can_create_cases(user):
        raise DomainError.single("", "forbidden", _("Your role does not allow creating cases."), status=403)
    post = user.service_point
    post_channel = POST_CHANNELS.get(post.kind) if post else None
    channel = channel or post_channel
    if channel is None:
        raise DomainError.single("channel", "required", _("Say through which channel the case arrived."))
    if service_point is None and post is not None and channel == post_channel:
        service_point = post.code
    return IntakeRequest(
        organization=user.organization,
        description=description,
        channel=channel,
        service_point=service_point or None,
        womens_section=womens_section or user.role == Role.WOMENS_SECTION,
        created_by=user,
        **fields,
    )
