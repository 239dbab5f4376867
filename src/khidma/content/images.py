"""Images of awareness posts: accepted by what they contain, re-encoded without any metadata.

Like the portal's photos (portal/photos.py) the file's own bytes decide, checked by khidma.core.images (never
its name or declared type); the picture is decoded, turned upright, scaled down and encoded again, so no EXIF
(position, device, time), XMP, ICC profile or comment that a designer's tools left in it is published.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from PIL import ImageOps

from khidma.core.errors import DomainError
from khidma.core.images import IMAGE_FORMATS, NotAnImage, decode_image

MAX_SIDE = 1600


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    content_type: str
    extension: str
    width: int
    height: int


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
    try:
        content_type, image = decode_image(content)
        image_format, extension = IMAGE_FORMATS[content_type]
        with image:
            upright = ImageOps.exif_transpose(image)
    except (NotAnImage, OSError, ValueError) as exc:
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
