"""The report form without a browser: what is stored, what the person sees, and that nothing typed is lost."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from khidma.cases.models import Attachment, Case
from tests.conftest import AZIZIYAH, HARAM
from tests.portal.conftest import make_jpeg

pytestmark = pytest.mark.django_db


def _post(client, language="ar", files=(), **fields):
    data = {
        "description": "عمود إنارة مطفأ",
        "category": "lighting_signs",
        "address": "",
        "phone": "",
        **fields,
    }
    if files:
        data["photos"] = list(files)
    return client.post("/report", data, HTTP_ACCEPT_LANGUAGE=language)


def test_the_form_offers_the_active_categories_right_to_left_in_arabic(client, makkah):
    page = client.get("/report", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert 'dir="rtl"' in page and 'lang="ar"' in page
    assert "الإنارة واللوحات الإرشادية" in page and "<svg" in page
    assert 'value="retired"' not in page
    assert 'enctype="multipart/form-data"' in page


def test_a_report_with_a_typed_landmark_and_no_phone_says_to_keep_the_number(client, makkah):
    response = _post(client, address="بجوار بوابة الملك فهد")
    assert response.status_code == 302 and response["Location"] == "/report/sent"
    case = Case.objects.get()
    assert (case.channel, case.language, case.category.code) == ("web", "ar", "lighting_signs")
    assert case.address == "بجوار بوابة الملك فهد" and case.lat is None
    page = client.get("/report/sent", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert case.reference in page
    assert "Keep this number" in page


def test_a_phone_is_normalized_and_the_confirmation_says_updates_come_by_sms(client, makkah):
    _post(client, language="en", lat=str(AZIZIYAH[0]), lon=str(AZIZIYAH[1]), phone="٠٥٥١٢٣٤٥٦٧")
    case = Case.objects.get()
    assert case.reporter_phone == "+966551234567"
    assert case.area.code == "east" and case.language == "en"
    page = client.get("/report/sent", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "by SMS" in page and "+966" in page and "551234567" not in page


def test_an_invalid_phone_is_explained_in_arabic_and_everything_typed_comes_back(client, makkah):
    response = _post(client, address="حي العزيزية، شارع 5", phone="12345", category="cleanliness")
    assert response.status_code == 400
    page = response.content.decode()
    assert "رقم الهاتف هذا غير صالح" in page
    assert "عمود إنارة مطفأ" in page and "حي العزيزية، شارع 5" in page and 'value="12345"' in page
    assert re.search(r'value="cleanliness"\s+checked', page)
    assert not Case.objects.exists()


def test_a_photo_without_a_place_gives_the_place_and_is_stored_without_its_metadata(client, makkah):
    photo = SimpleUploadedFile("IMG_0001.jpg", make_jpeg(gps=HARAM, comment=b"owner: Ali"), "image/jpeg")
    response = _post(client, files=[photo])
    assert response.status_code == 302
    case = Case.objects.get()
    assert (round(case.lat, 4), round(case.lon, 4)) == HARAM and case.area.code == "west"
    attachment = Attachment.objects.get(case=case)
    stored = attachment.file.read()
    assert b"Exif" not in stored and b"PhoneMaker" not in stored and b"Ali" not in stored
    assert Image.open(io.BytesIO(stored)).format == "JPEG" and not attachment.is_public
    assert "from your photo" in client.get("/report/sent", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_a_place_typed_or_pinned_wins_over_the_photo_position(client, makkah):
    photo = SimpleUploadedFile("a.jpg", make_jpeg(gps=HARAM), "image/jpeg")
    _post(client, files=[photo], lat=str(AZIZIYAH[0]), lon=str(AZIZIYAH[1]))
    assert Case.objects.get().area.code == "east"


def test_without_any_place_the_form_asks_where(client, makkah):
    response = _post(client, language="en")
    assert response.status_code == 400
    assert "Say where it is" in response.content.decode()
    assert not Case.objects.exists()


def test_a_pin_outside_the_city_is_refused_with_the_domain_message(client, makkah):
    response = _post(client, language="en", lat="24.7136", lon="46.6753")
    assert response.status_code == 400
    assert "outside the area" in response.content.decode()
    assert not Case.objects.exists()


def test_a_forged_photo_is_refused_and_nothing_is_created_or_lost(client, makkah):
    forged = SimpleUploadedFile("photo.jpg", b"<?php echo 'hi'; ?>" * 20, "image/jpeg")
    response = _post(client, language="en", files=[forged], address="Ajyad street", phone="0551234567")
    assert response.status_code == 400
    page = response.content.decode()
    assert "photo.jpg" in page and "Only photos" in page
    assert "Ajyad street" in page and "0551234567" in page
    assert not Case.objects.exists() and not Attachment.objects.exists()


def test_an_oversized_photo_is_refused_in_arabic(client, makkah, settings):
    settings.KHIDMA_MAX_ATTACHMENT_BYTES = 1024 * 1024
    big = SimpleUploadedFile("big.jpg", b"\xff\xd8\xff" + b"\0" * (1024 * 1024 + 10), "image/jpeg")
    response = _post(client, files=[big], address="المسفلة")
    assert response.status_code == 400
    assert "حجم الملف كبير جدًا" in response.content.decode()
    assert not Case.objects.exists()


def test_good_photos_are_kept_while_the_person_corrects_another_field(client, makkah):
    photo = SimpleUploadedFile("a.jpg", make_jpeg(gps=HARAM), "image/jpeg")
    first = _post(client, language="en", files=[photo], phone="123")
    assert first.status_code == 400
    tokens = re.findall(r'name="kept_photo" value="([^"]+)"', first.content.decode())
    assert len(tokens) == 1
    second = _post(client, language="en", kept_photo=tokens, phone="")
    assert second.status_code == 302
    case = Case.objects.get()
    assert Attachment.objects.filter(case=case).count() == 1
    assert case.area.code == "west"  # the kept photo's position still counts


def test_a_forged_kept_photo_token_is_ignored(client, makkah):
    response = _post(client, language="en", kept_photo=["../../etc/passwd"], address="Ajyad")
    assert response.status_code == 302
    assert not Attachment.objects.exists()


def test_at_most_three_photos(client, makkah):
    photos = [SimpleUploadedFile(f"{i}.jpg", make_jpeg(), "image/jpeg") for i in range(4)]
    response = _post(client, language="en", files=photos, address="Ajyad")
    assert response.status_code == 400
    assert "at most 3 photos" in response.content.decode()
    assert not Case.objects.exists()


def test_sending_the_same_form_twice_makes_one_report(client, makkah):
    for _ in range(2):
        response = _post(client, language="en", address="Ajyad", submission="a1b2c3")
        assert response.status_code == 302
    assert Case.objects.count() == 1


def test_the_confirmation_page_without_a_report_leads_back_to_the_form(client, makkah):
    assert client.get("/report/sent")["Location"] == "/report"


def test_the_map_draws_the_boundary_and_areas_from_our_own_data(client, makkah):
    data = client.get("/map/areas.json", HTTP_ACCEPT_LANGUAGE="ar").json()
    kinds = [(f["properties"]["kind"], f["properties"].get("code")) for f in data["features"]]
    assert kinds == [("boundary", None), ("area", "east"), ("area", "west")]
    assert data["features"][2]["properties"]["name"] == "الغرب"
