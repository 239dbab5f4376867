"""Files attached to cases: accepted by what they contain, never by their name or declared type."""

from __future__ import annotations

import hashlib
import io

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from khidma.accounts.models import User
from khidma.cases.models import Attachment, Case, EventKind
from khidma.cases.services import lock_case, record_event
from khidma.core.errors import DomainError

# Magic numbers of the formats we keep: photos and PDF documents.
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"%PDF-", "application/pdf", ".pdf"),
)


def sniff(head: bytes) -> tuple[str, str] | None:
    for signature, content_type, extension in _SIGNATURES:
        if head.startswith(signature):
            return content_type, extension
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp", ".webp"
    return None


def _unsupported() -> DomainError:
    return DomainError.single(
        "file",
        "unsupported_file_type",
        _("Only photos (JPEG, PNG, WebP) and PDF documents can be attached."),
        status=415,
    )


@transaction.atomic
def attachment_add(*, case: Case, by: User | None, upload: UploadedFile, public: bool = False) -> Attachment:
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
            with Image.open(io.BytesIO(content)) as image:
                image.verify()  # a truncated or forged image fails here
        except (UnidentifiedImageError, OSError, SyntaxError) as exc:
            raise _unsupported() from exc
    case = lock_case(case)
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
    attachment.save()
    record_event(
        case,
        EventKind.ATTACHMENT_ADDED,
        by=by,
        public=public,
        data={"attachment": attachment.pk, "content_type": content_type},
    )
    return attachment
