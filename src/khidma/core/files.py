"""What an uploaded file is, decided by its content — never by its name or declared type — and whether it may
be kept: a size limit, a list of allowed kinds, and for pictures a check that Pillow can read them and that
they are not decompression bombs (a small file that would decode into a huge picture)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import FileResponse
from django.utils.translation import gettext_lazy as _

from khidma.core.errors import DomainError
from khidma.core.images import IMAGE_FORMATS, MAX_PIXELS, NotAnImage, sniff_image, verify_image

JPEG, PNG, WEBP, PDF = "image/jpeg", "image/png", "image/webp", "application/pdf"


@dataclass(frozen=True)
class FileKind:
    content_type: str
    extension: str


def sniff(head: bytes) -> FileKind | None:
    """The kind of file from its first bytes (magic numbers), or None for anything else."""
    if head.startswith(b"%PDF-"):
        return FileKind(PDF, ".pdf")
    picture = sniff_image(head)
    if picture is not None:
        return FileKind(picture, IMAGE_FORMATS[picture][1])
    return None


def _picture_is_sound(content: bytes, max_pixels: int) -> bool:
    # The one image checker (core/images.py): a bomb, a truncated or a forged picture is refused.
    try:
        verify_image(content, max_pixels=max_pixels)
    except NotAnImage:
        return False
    return True


def read_checked(
    upload: Any,
    *,
    allowed: Collection[str],
    field: str,
    unsupported: Any,
    max_bytes: int | None = None,
    max_pixels: int = MAX_PIXELS,
) -> tuple[bytes, FileKind]:
    """The upload's bytes and kind. Raises DomainError: 413 ``file_too_large`` past ``max_bytes`` (default
    KHIDMA_MAX_ATTACHMENT_BYTES), 415 ``unsupported_file_type`` (with the ``unsupported`` message) for a kind
    not ``allowed``, a picture Pillow cannot read, or one larger than ``max_pixels``."""
    limit = max_bytes if max_bytes is not None else settings.KHIDMA_MAX_ATTACHMENT_BYTES
    too_large = DomainError.single(
        field,
        "file_too_large",
        _("The file is too large: at most %(mb)d MB.") % {"mb": limit // (1024 * 1024)},
        status=413,
    )
    if upload is None:
        raise DomainError.single(field, "required", _("Choose a file."))
    if upload.size is None or upload.size > limit:
        raise too_large
    content = upload.read(limit + 1)
    if len(content) > limit:
        raise too_large
    kind = sniff(content[:16])
    if kind is None or kind.content_type not in allowed:
        raise DomainError.single(field, "unsupported_file_type", unsupported, status=415)
    if kind.content_type.startswith("image/") and not _picture_is_sound(content, max_pixels):
        raise DomainError.single(field, "unsupported_file_type", unsupported, status=415)
    return content, kind


def private_file_response(file: Any, *, content_type: str, name: str) -> FileResponse:
    """A stored file for the person who may see it: shown inline, never cached by others, never sniffed into
    another type, and sandboxed so a document cannot run script in the site's name."""
    response = FileResponse(file.open("rb"), content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response
