"""Pictures people upload, checked by what they contain: one checker for staff attachments, the portal's
photos and the knowledge base's images.

A small file can describe a huge picture (a "decompression bomb": a few hundred kilobytes of PNG that
inflate to gigabytes of pixels), so the picture's size is read from its header and refused before any
pixel is decoded; then the file is verified (a truncated or forged file fails) and, when the caller needs
the pixels, decoded. Any failure of the image library is "not a picture", never a server error.
"""

from __future__ import annotations

import io

from PIL import Image

# About 60 megapixels: more than any phone camera (a 50 MP phone's photo passes), far less than the
# hundreds of millions a decompression bomb claims. Decoded as RGBA that is at most about 240 MB.
MAX_PIXELS = 60_000_000

# Content type → (Pillow's format name, the extension files are stored with).
IMAGE_FORMATS: dict[str, tuple[str, str]] = {
    "image/jpeg": ("JPEG", ".jpg"),
    "image/png": ("PNG", ".png"),
    "image/webp": ("WEBP", ".webp"),
}


class NotAnImage(ValueError):
    """The bytes are not a whole picture of a kind we keep, or the picture is too large to decode."""


def sniff_image(head: bytes) -> str | None:
    """The content type the file's first bytes (its magic number) say, for the formats we keep."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def verify_image(content: bytes, *, max_pixels: int = MAX_PIXELS) -> str:
    """Check a picture without decoding its pixels; returns its content type or raises NotAnImage."""
    content_type = sniff_image(content[:16])
    if content_type is None:
        raise NotAnImage("not a JPEG, PNG or WebP file")
    try:
        with Image.open(io.BytesIO(content)) as probe:
            if probe.width * probe.height > max_pixels:
                raise NotAnImage(f"{probe.width}×{probe.height} pixels is more than we decode")
            probe.verify()
    except NotAnImage:
        raise
    except Exception as exc:  # any complaint of the image library (bomb, truncation, bad chunk): refused
        raise NotAnImage(str(exc)) from exc
    return content_type


def decode_image(content: bytes, *, max_pixels: int = MAX_PIXELS) -> tuple[str, Image.Image]:
    """The picture's content type and its decoded pixels, checked first as ``verify_image``; raises
    NotAnImage."""
    content_type = verify_image(content, max_pixels=max_pixels)
    try:
        image = Image.open(io.BytesIO(content))
        image.load()
    except Exception as exc:
        raise NotAnImage(str(exc)) from exc
    return content_type, image
