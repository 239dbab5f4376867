"""Files attached to cases: accepted by what they contain, never by their name or declared type."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.cases.models import Attachment, Case, EventKind
from khidma.cases.services import lock_case, record_event
from khidma.core.errors import DomainError
from khidma.core.images import IMAGE_FORMATS, NotAnImage, sniff_image, verify_image, without_metadata


def sniff(head: bytes) -> tuple[str, str] | None:
    """The content type and extension of the formats we keep (photos and PDF), by the file's first bytes."""
    if head.startswith(b"%PDF-"):
        return "application/pdf", ".pdf"
    content_type = sniff_image(head)
    if content_type is None:
        return None
    return content_type, IMAGE_FORMATS[content_type][1]


def _unsupported() -> DomainError:
    return DomainError.single(
        "file",
        "unsupported_file_type",
        _("Only photos (JPEG, PNG, WebP) and PDF documents can be attached."),
        status=415,
    )


def attachment_add(*, case: Case, by: User | None, upload: UploadedFile, public: bool = False) -> Attachment:
    """Check the file, store it, then record it on the case. The checks and the file are done before the
    case row is locked, so no transaction is held open while a picture is verified or a file written."""
    limit = settings.KHIDMA_MAX_ATTACHMENT_BYTES
    if upload.size is None or upload.size > limit:
        raise DomainError.single(
            "file",
            "file_too_large",
            _("The file is too large: at most %(mb)d MB.") % {"mb": limit // (1024 * 1024)},
            status=413,
        )
    content = upload.read()
    kind = sniff(content[:16])
    if kind is None:
        raise _unsupported()
    content_type, extension = kind
    if content_type.startswith("image/"):
        try:
            verify_image(content)  # truncated, forged, or a decompression bomb
            if public:
                # Shown to reporters (the tracking page, a WhatsApp chat): only the pixels, never where the
                # officer's phone was, which phone it is, or when.
                content = without_metadata(content)
        except NotAnImage as exc:
            raise _unsupported() from exc
    digest = hashlib.sha256(content).hexdigest()
    attachment = Attachment(
        organization_id=case.organization_id,
        case=case,
        original_name=(upload.name or "")[:255],
        content_type=content_type,
        extension=extension,
        size=len(content),
        sha256=digest,
        is_public=public,
        uploaded_by=by,
    )
    attachment.file.save(f"upload{extension}", ContentFile(content), save=False)
    try:
        with transaction.atomic():
            locked = lock_case(case)
            attachment.case = locked
            attachment.save()
            record_event(
                locked,
                EventKind.ATTACHMENT_ADDED,
                by=by,
                public=public,
                data={"attachment": attachment.pk, "content_type": content_type},
            )
    except BaseException:
        attachment.file.delete(save=False)  # no row points at it
        raise
    return attachment
