"""Photos people send with a report: checked by content, the GPS position read, every metadata block dropped.

A phone's photo carries where and when it was taken, the phone's make and serial numbers, sometimes a
thumbnail of the uncropped picture and the owner's name. The portal reads the position (a report needs a
place) and then keeps only the pixels: the picture is decoded and encoded again, turned upright first so
dropping the orientation tag does not leave it lying on its side.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import ExifTags, Image

from khidma.core.errors import DomainError
from khidma.core.images import IMAGE_FORMATS, MAX_SIDE, NotAnImage, decode_image, strip_metadata

__all__ = ["MAX_SIDE", "CleanPhoto", "clean_photo", "read_gps", "strip_metadata"]


@dataclass(frozen=True)
class CleanPhoto:
    content: bytes
    content_type: str
    extension: str
    gps: tuple[float, float] | None  # (lat, lon) from the original's EXIF, if it had one

    def as_upload(self, index: int = 1) -> SimpleUploadedFile:
        return SimpleUploadedFile(f"photo-{index}{self.extension}", self.content, self.content_type)


def _not_a_photo() -> DomainError:
    return DomainError.single(
        "photos", "unsupported_file_type", _("Only photos (JPEG, PNG or WebP) can be added."), status=415
    )


def _too_large(limit: int) -> DomainError:
    return DomainError.single(
        "photos",
        "file_too_large",
        _("The file is too large: at most %(mb)d MB.") % {"mb": limit // (1024 * 1024)},
        status=413,
    )


def _rational(value) -> float:
    # Pillow gives IFDRational values (or, from older writers, (numerator, denominator) pairs).
    if isinstance(value, tuple):
        numerator, denominator = value
        return numerator / denominator if denominator else 0.0
    return float(value)


def read_gps(image: Image.Image) -> tuple[float, float] | None:
    """(lat, lon) in decimal degrees from the picture's EXIF GPS block, or None when it has none or it is
    unusable (missing parts, out of range, or the 0,0 that some cameras write when they had no fix)."""
    try:
        gps = image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    except Exception:  # a damaged EXIF block only means "no position"
        return None
    try:
        lat_ref, lat_dms = gps[ExifTags.GPS.GPSLatitudeRef], gps[ExifTags.GPS.GPSLatitude]
        lon_ref, lon_dms = gps[ExifTags.GPS.GPSLongitudeRef], gps[ExifTags.GPS.GPSLongitude]
        lat = sum(_rational(part) / 60**i for i, part in enumerate(lat_dms))
        lon = sum(_rational(part) / 60**i for i, part in enumerate(lon_dms))
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return None
    if isinstance(lat_ref, bytes):
        lat_ref = lat_ref.decode("ascii", "ignore")
    if isinstance(lon_ref, bytes):
        lon_ref = lon_ref.decode("ascii", "ignore")
    lat = -lat if str(lat_ref).strip().upper() == "S" else lat
    lon = -lon if str(lon_ref).strip().upper() == "W" else lon
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None
    return round(lat, 6), round(lon, 6)


def clean_photo(upload, *, max_bytes: int | None = None) -> CleanPhoto:
    """Check an uploaded photo by what it contains, read its GPS position, and re-encode it without
    metadata. Raises DomainError (413 too large, 415 not a photo) with a message in the active language."""
    limit = max_bytes if max_bytes is not None else settings.KHIDMA_MAX_ATTACHMENT_BYTES
    if upload.size is None or upload.size > limit:
        raise _too_large(limit)
    content = upload.read()
    if len(content) > limit:
        raise _too_large(limit)
    try:
        # By content; a decompression bomb is refused before it is decoded.
        content_type, image = decode_image(content)
        image_format, extension = IMAGE_FORMATS[content_type]
        with image:
            gps = read_gps(image)
            cleaned = strip_metadata(image, image_format)
    except (NotAnImage, OSError, ValueError) as exc:  # NotAnImage, or re-encoding a damaged picture
        raise _not_a_photo() from exc
    return CleanPhoto(content=cleaned, content_type=content_type, extension=extension, gps=gps)
