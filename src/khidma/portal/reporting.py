"""Turning a filled-in report form into a case: photos cleaned, the place settled, then the one intake path.

The case is created only through ``khidma.cases.services.case_create`` and its photos only through
``khidma.cases.attachments.attachment_add``, in one transaction, so a report never lands without the photos
that were accepted with it. Everything here is checked before anything is written, and every problem is
reported at once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from khidma.cases.attachments import attachment_add
from khidma.cases.models import Case, Channel
from khidma.cases.services import case_create
from khidma.core.errors import DomainError
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


def submit_report(
    *,
    organization: Organization,
    form: ReportForm,
    uploads: list,
    kept_tokens: list[str],
    language: str,
) -> Outcome:
    outcome = Outcome()
    form_ok = form.is_valid()
    for name, messages in form.errors.items():
        where = {"lat": "place", "lon": "place", "address": "place", "__all__": "form"}.get(name, name)
        outcome.errors[where].extend(messages)

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

    data = form.cleaned_data if form_ok else {}
    lat, lon = data.get("lat"), data.get("lon")
    address = data.get("address", "")
    if form_ok and lat is None:
        for photo in photos:
            if photo.gps and organization.contains_point(*photo.gps):
                (lat, lon), outcome.place_from_photo = photo.gps, True
                break
        if lat is None and not address:
            outcome.errors["place"].append(
                _("Say where it is: use your location, put a pin on the map, or type an address or landmark.")
            )

    if not outcome.errors:
        try:
            with transaction.atomic():
                result = case_create(
                    organization=organization,
                    description=data["description"],
                    channel=Channel.WEB,
                    language=language,
                    category=data.get("category") or None,
                    lat=lat,
                    lon=lon,
                    address=address,
                    reporter_phone=data.get("phone", ""),
                    idempotency_key=(data.get("submission") or None),
                )
                if result.created:
                    for index, photo in enumerate(photos, start=1):
                        attachment_add(case=result.case, by=None, upload=photo.as_upload(index))
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
