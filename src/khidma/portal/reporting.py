"""Turning a filled-in report form into a case: photos cleaned, the place settled, then the one intake path.

The case is created only through ``khidma.cases.services.case_create`` and its photos only through
``khidma.cases.attachments.attachment_add``, in one transaction, so a report never lands without the photos
that were accepted with it. Everything here is checked before anything is written, and every problem is
reported at once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from khidma.cases import limits
from khidma.cases.attachments import attachment_add
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case, Channel
from khidma.cases.services import case_create
from khidma.cases.verification import (
    phone_verification_check,
    phone_verification_start,
    phone_verified,
)
from khidma.core.errors import DomainError
from khidma.core.ratelimit import RateLimited
from khidma.organizations import gazetteer
from khidma.organizations.models import Organization
from khidma.portal import pending
from khidma.portal.forms import MAX_PHOTOS, ReportForm
from khidma.portal.photos import CleanPhoto, clean_photo

# Where case_create's field names show on the form.
_FIELDS = {
    "description": "description",
    "category": "category",
    "lat": "place",
    "lon": "place",
    "address": "place",
    "reporter.phone": "phone",
}


@dataclass
class Outcome:
    case: Case | None = None
    created: bool = False
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    kept: list[str] = field(default_factory=list)  # tokens of the photos kept for the corrected form
    place_from_photo: bool = False
    place_from_name: str = ""  # the gazetteer place a typed address was taken as, named for the reader
    verification: dict = field(default_factory=dict)  # {"key": …, "verified": bool} for the corrected form
    retry_after: int = 0  # refused by a rate limit: seconds to wait


def submit_report(
    *,
    organization: Organization,
    form: ReportForm,
    uploads: list,
    kept_tokens: list[str],
    language: str,
    verification_key: str = "",
    ip: str | None = None,
) -> Outcome:
    outcome = Outcome()
    try:
        limits.intake_allow(ip=ip, phone=form.data.get("phone", ""))
    except RateLimited as exc:
        # Nothing is lost: the form comes back with everything typed and the photos kept.
        outcome.retry_after = exc.retry_after
        for error in exc.errors:  # the number's limit beside the number, the address's above the form
            outcome.errors[_FIELDS.get(error.field, "limit")].append(str(error.message))
    form_ok = form.is_valid()
    for name, messages in form.errors.items():
        where = {"lat": "place", "lon": "place", "address": "place", "__all__": "form"}.get(name, name)
        outcome.errors[where].extend(messages)

    photos, new_photos = _photos(outcome, uploads, kept_tokens)

    data = form.cleaned_data if form_ok else {}
    phone = data.get("phone", "")
    verified = phone_verified(organization=organization, key=verification_key, phone=phone)
    outcome.verification = {"key": verification_key, "verified": verified}
    if phone and not verified and settings.KHIDMA_PHONE_VERIFICATION_REQUIRED:
        outcome.errors["phone"].append(
            _("Confirm this number with the code we send you by SMS, or leave the number out.")
        )
    lat, lon = data.get("lat"), data.get("lon")
    address = data.get("address", "")
    place = gazetteer.chosen_place(organization=organization, key=data.get("place", ""), lat=lat, lon=lon)
    if place is not None:
        lat = lon = None  # the pin is where the suggestion put it: the place stands for the point
    if form_ok and lat is None and place is None:
        for photo in photos:
            if photo.gps and organization.contains_point(*photo.gps):
                (lat, lon), outcome.place_from_photo = photo.gps, True
                break
        if lat is None and address:
            # Without a pin, a typed landmark the gazetteer knows ("Ajyad", "باب الملك") gives the point.
            place = gazetteer.place_for_text(organization=organization, text=address)
            if place is not None:
                outcome.place_from_name = place.name_in(language)
        if lat is None and place is None and not address:
            outcome.errors["place"].append(
                _("Say where it is: use your location, put a pin on the map, or type an address or landmark.")
            )

    if not outcome.errors:

        def with_the_case(case) -> None:
            # In the case's own transaction: a report is never saved without its photos.
            for index, photo in enumerate(photos, start=1):
                attachment_add(case=case, by=None, upload=photo.as_upload(index))

        try:
            result = case_create(
                request=IntakeRequest(
                    organization=organization,
                    description=data["description"],
                    channel=Channel.WEB,
                    language=language,
                    category=data.get("category") or None,
                    lat=lat,
                    lon=lon,
                    address=address,
                    place=place.key if place is not None else None,
                    idempotency_key=data.get("submission") or None,
                    reporter=Reporter(phone=data.get("phone", "")),
                    phone_verification_key=verification_key if verified else None,
                ),
                within=with_the_case,
            )
        except DomainError as exc:
            for error in exc.errors:
                outcome.errors[_FIELDS.get(error.field, "form")].append(str(error.message))
        else:
            for token in outcome.kept:
                pending.discard(token)
            outcome.kept = []
            outcome.case, outcome.created = result.case, result.created
            return outcome

    # Refused: keep the photos that were fine so the person need not choose them again.
    outcome.kept.extend(pending.keep(photo) for photo in new_photos)
    return outcome


def _photos(outcome, uploads: list, kept_tokens: list[str]) -> tuple[list[CleanPhoto], list[CleanPhoto]]:
    """The kept photos (their tokens go to ``outcome.kept``) and the new uploads, cleaned; problems go to
    ``outcome.errors["photos"]``. Returns (every photo, the new ones)."""
    photos: list[CleanPhoto] = []
    for token in kept_tokens[:MAX_PHOTOS]:
        photo = pending.take(token)
        if photo is not None:
            photos.append(photo)
            outcome.kept.append(token)
    uploads = [upload for upload in uploads if upload and upload.size]
    if len(photos) + len(uploads) > MAX_PHOTOS:
        outcome.errors["photos"].append(
            ngettext(
                "You can add at most %(count)d photo.", "You can add at most %(count)d photos.", MAX_PHOTOS
            )
            % {"count": MAX_PHOTOS}
        )
        uploads = uploads[: max(0, MAX_PHOTOS - len(photos))]
    new_photos: list[CleanPhoto] = []
    for upload in uploads:
        try:
            new_photos.append(clean_photo(upload))
        except DomainError as exc:
            outcome.errors["photos"].extend(
                _("%(file)s: %(problem)s") % {"file": upload.name, "problem": error.message}
                if upload.name
                else str(error.message)
                for error in exc.errors
            )
    photos.extend(new_photos)
    return photos, new_photos


# --- Checking the phone by SMS, a step inside the report form ----------------------------------------------


PHONE_ACTIONS = frozenset({"send_code", "check_code"})


@dataclass
class PhoneStep:
    """The outcome of "send me a code" or "check the code". Without JavaScript the form comes back with it
    and with everything typed (photos kept as on a refused form); with JavaScript it is answered as JSON."""

    key: str = ""
    phone: str = ""
    verified: bool = False
    notice: str = ""
    status: int = 200
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    kept: list[str] = field(default_factory=list)

    @property
    def verification(self) -> dict:
        return {"key": self.key, "verified": self.verified, "sent": bool(self.key), "phone": self.phone}

    def as_json(self) -> dict:
        return {
            **self.verification,
            "notice": self.notice,
            "errors": {name: [str(m) for m in messages] for name, messages in self.errors.items()},
        }


def phone_step(
    *,
    organization: Organization,
    action: str,
    data,
    language: str,
    ip: str | None,
    uploads: list = (),
    kept_tokens: list[str] = (),
) -> PhoneStep:
    step = PhoneStep(key=(data.get("verification") or "")[:32])
    try:
        if action == "send_code":
            verification = phone_verification_start(
                organization=organization, phone=data.get("phone", ""), language=language, ip=ip
            )
            step.key, step.phone = verification.key, verification.phone
            step.notice = _("We sent a code by SMS to %(phone)s. It is valid for 10 minutes.") % {
                "phone": f"\u2066{verification.phone}\u2069"  # isolated left-to-right in any script
            }
        else:
            verification = phone_verification_check(
                organization=organization, key=step.key, code=data.get("code", "")
            )
            step.phone, step.verified = verification.phone, True
            step.notice = _("Your number is confirmed. We will send updates to it.")
    except DomainError as exc:
        step.status = exc.status
        for error in exc.errors:
            step.errors[error.field or "phone"].append(str(error.message))
        if step.key and action == "check_code":
            step.phone = data.get("phone", "")
    if uploads or kept_tokens:
        outcome = Outcome()
        _all, new_photos = _photos(outcome, list(uploads), list(kept_tokens))
        step.kept = outcome.kept + [pending.keep(photo) for photo in new_photos]
        for name, messages in outcome.errors.items():
            step.errors[name].extend(messages)
    return step
