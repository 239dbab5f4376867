"""Pictures people upload, checked by what they contain: one checker for staff attachments, the portal's
photos and the knowledge base's images; and pictures encoded again with nothing but their pixels, which is
what the public may see of a photo (``strip_metadata``).

A small file can describe a huge picture (a "decompression bomb": a few hundred kilobytes of PNG that
inflate to gigabytes of pixels), so the picture's size is read from its header and refused before any
pixel is decoded; then the file is verified (a truncated or forged file fails) and, when the caller needs
the pixels, decoded. Any failure of the image library is "not a picture", never a server error.
"""

from __future__ import annotations

import io

from PIL import Image, ImageOps

# About 60 megapixels: more than any phone camera (a 50 MP phone's photo passes), far less than the
# hundreds of millions a decompression bomb claims. Decoded as RGBA that is at most about 240 MB.
MAX_PIXELS = 60_000_000

# Large enough for any detail a field team needs; a 12-megapixel original shrinks to about a tenth.
MAX_SIDE = 2048

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


def strip_metadata(image: Image.Image, image_format: str) -> bytes:
    """The picture's pixels encoded again with no metadata at all: no EXIF (position, device, time), no XMP,
    no ICC profile, no comments, no embedded thumbnail. Turned upright first, so dropping the orientation
    tag does not leave it lying on its side, and scaled to at most MAX_SIDE."""
    upright = ImageOps.exif_transpose(image)
    upright.thumbnail((MAX_SIDE, MAX_SIDE))
    if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    elif image_format in ("PNG", "WEBP") and upright.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        upright = upright.convert("RGBA")
    # Encoders copy some blocks (ICC profile, comment, XMP) from ``info`` when asked for nothing.
    upright.info = {}
    out = io.BytesIO()
    options = {"JPEG": {"quality": 85, "optimize": True}, "PNG": {"optimize": True}, "WEBP": {"quality": 85}}
    upright.save(out, image_format, **options[image_format])
    return out.getvalue()


def without_metadata(content: bytes) -> bytes:
    """A picture shown to the public (an after-photo on the tracking page or in a chat): ``content`` decoded
    and encoded again by ``strip_metadata``. Raises NotAnImage."""
    content_type, image = decode_image(content)
    with image:
        return strip_metadata(image, IMAGE_FORMATS[content_type][0])
