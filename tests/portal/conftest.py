"""Helpers for the portal's tests: photos made on the spot, with and without a GPS position."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.i18n.conftest import replies  # noqa: F401 - Makkah's prepared replies in ten languages


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 4)
    return (float(degrees), float(minutes), seconds)


def make_jpeg(
    *, gps: tuple[float, float] | None = None, size=(64, 48), orientation: int | None = None, comment=b""
) -> bytes:
    """A small JPEG with the EXIF a phone writes: maker, model, serial number, time and (optionally) GPS."""
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, size[0] // 2, size[1]))  # left half blue: shows orientation
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Phone X 12"  # Model
    exif[0x0132] = "2025:01:02 03:04:05"  # DateTime
    exif[0xA431] = "SERIAL-123456"  # BodySerialNumber (in the Exif IFD in real files; fine here)
    if orientation:
        exif[0x0112] = orientation
    if gps:
        lat, lon = gps
        exif[0x8825] = {
            1: "N" if lat >= 0 else "S",
            2: _dms(lat),
            3: "E" if lon >= 0 else "W",
            4: _dms(lon),
        }
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), comment=comment or None, quality=90)
    return out.getvalue()


def make_png(size=(40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", size, (10, 120, 60, 255)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def jpeg_upload():
    def make(name="photo.jpg", **kwargs) -> SimpleUploadedFile:
        return SimpleUploadedFile(name, make_jpeg(**kwargs), "image/jpeg")

    return make
