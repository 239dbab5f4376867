"""Images of awareness posts: accepted by what they contain, re-encoded without any metadata.

Like the portal's photos (portal/photos.py) the file's own bytes decide (never its name or declared type),
the picture is decoded, turned upright, scaled down and encoded again, so no EXIF (position, device, time),
XMP, ICC profile or comment that a designer's tools left in it is published.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from khidma.core.errors import DomainError

MAX_SIDE = 1600
MAX_PIXELS = 40_000_000
_FORMATS = {"image/jpeg": ("JPEG", ".jpg"), "image/png": ("PNG", ".png"), "image/webp": ("WEBP", ".webp")}


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    content_type: str
    extension: str
    width: int
    height: int


def _sniff(head: bytes) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def not_an_image() -> DomainError:
    return DomainError.single(
        "image", "unsupported_file_type", _("The image must be a JPEG, PNG or WebP picture."), status=415
    )


def clean_image(upload, *, max_bytes: int | None = None) -> CleanImage:
    limit = max_bytes if max_bytes is not None else settings.KHIDMA_MAX_ATTACHMENT_BYTES
    if upload.size is None or upload.size > limit:
        raise DomainError.single(
            "image",
            "file_too_large",
            _("The image is too large: at most %(mb)d MB.") % {"mb": limit // (1024 * 1024)},
            status=413,
        )
    content = upload.read()
    content_type = _sniff(content[:16])
    if content_type is None:
        raise not_an_image()
    image_format, extension = _FORMATS[content_type]
    try:
        with Image.open(io.BytesIO(content)) as probe:
            if probe.width * probe.height > MAX_PIXELS:
                raise not_an_image()
            probe.verify()  # a truncated or forged file fails here
        with Image.open(io.BytesIO(content)) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise not_an_image() from exc
    upright.thumbnail((MAX_SIDE, MAX_SIDE))
    if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    elif upright.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        upright = upright.convert("RGBA")
    upright.info = {}  # encoders copy ICC profiles, comments and XMP from here
    out = io.BytesIO()
    options = {"JPEG": {"quality": 85, "optimize": True}, "PNG": {"optimize": True}, "WEBP": {"quality": 85}}
    upright.save(out, image_format, **options[image_format])
    return CleanImage(out.getvalue(), content_type, extension, upright.width, upright.height)
