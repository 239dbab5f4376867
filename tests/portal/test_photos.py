"""The photo helper: positions read from EXIF, every metadata block gone after re-encoding."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from khidma.core.errors import DomainError
from khidma.portal.photos import MAX_SIDE, clean_photo, read_gps
from tests.portal.conftest import make_jpeg, make_png


def _open(content: bytes) -> Image.Image:
    return Image.open(io.BytesIO(content))


def test_the_gps_position_is_read_from_exif_in_decimal_degrees():
    assert read_gps(_open(make_jpeg(gps=(21.4225, 39.8262)))) == pytest.approx((21.4225, 39.8262), abs=1e-5)
    assert read_gps(_open(make_jpeg(gps=(-33.8688, -151.2093)))) == pytest.approx(
        (-33.8688, -151.2093), abs=1e-5
    )


def test_a_photo_without_gps_or_with_a_zero_fix_has_no_position():
    assert read_gps(_open(make_jpeg())) is None
    assert read_gps(_open(make_jpeg(gps=(0.0, 0.0)))) is None
    assert read_gps(_open(make_png())) is None


def test_cleaning_strips_every_metadata_block_but_keeps_the_position_aside(jpeg_upload):
    original = make_jpeg(gps=(21.4225, 39.8262), comment=b"owner: Ali Hassan")
    assert b"Exif" in original and b"PhoneMaker" in original and b"Ali Hassan" in original
    photo = clean_photo(SimpleUploadedFile("p.jpg", original, "image/jpeg"))
    assert photo.gps == pytest.approx((21.4225, 39.8262), abs=1e-5)
    assert photo.content_type == "image/jpeg" and photo.extension == ".jpg"
    for secret in (b"Exif", b"PhoneMaker", b"Phone X 12", b"SERIAL-123456", b"2025:01:02", b"Ali Hassan"):
        assert secret not in photo.content
    cleaned = _open(photo.content)
    assert cleaned.format == "JPEG"
    assert dict(cleaned.getexif()) == {}
    assert not {"exif", "comment", "icc_profile", "xmp"} & set(cleaned.info)
    assert read_gps(cleaned) is None


def test_cleaning_turns_the_picture_upright_before_dropping_the_orientation_tag():
    # Orientation 6: the camera was turned; the stored 64x48 picture is shown rotated to 48x64.
    photo = clean_photo(SimpleUploadedFile("p.jpg", make_jpeg(orientation=6), "image/jpeg"))
    assert _open(photo.content).size == (48, 64)


def test_big_photos_are_scaled_down_and_pngs_stay_pngs():
    photo = clean_photo(SimpleUploadedFile("big.jpg", make_jpeg(size=(4000, 3000)), "image/jpeg"))
    assert max(_open(photo.content).size) == MAX_SIDE
    png = clean_photo(SimpleUploadedFile("p.png", make_png(), "image/png"))
    assert png.content_type == "image/png" and _open(png.content).format == "PNG"


def test_a_forged_photo_is_refused_by_its_content_not_its_name():
    with pytest.raises(DomainError) as refused:
        clean_photo(SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 not a picture at all", "image/jpeg"))
    assert refused.value.errors[0].code == "unsupported_file_type"
    truncated = make_jpeg()[:200]
    with pytest.raises(DomainError):
        clean_photo(SimpleUploadedFile("cut.jpg", truncated, "image/jpeg"))
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
    with pytest.raises(DomainError):
        clean_photo(SimpleUploadedFile("doc.jpg", pdf, "image/jpeg"))


def test_an_oversized_photo_is_refused_before_it_is_read():
    with pytest.raises(DomainError) as refused:
        clean_photo(SimpleUploadedFile("p.jpg", make_jpeg(), "image/jpeg"), max_bytes=100)
    assert refused.value.errors[0].code == "file_too_large"
    assert refused.value.status == 413
