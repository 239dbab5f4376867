"""Dates, digits and directions on the pages, in right-to-left languages: the tracking page and the staff
case page in Arabic, Urdu and Persian keep phone numbers, references, coordinates and signed numbers in
left-to-right isolates, write dates day-month-year with the month named and the Hijri date beside them."""

from __future__ import annotations

import datetime
import re

import pytest

from khidma.cases import services
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.core import clock

pytestmark = pytest.mark.django_db

# 6 December 2026, 15:30 in Makkah: 26 Jumada al-Akhirah 1448.
RECEIVED = datetime.datetime(2026, 12, 6, 12, 30, tzinfo=datetime.UTC)
NUMERIC_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
# What each language must show for the day received (Persian in its own digits).
DAY = {"ar": "6 ديسمبر 2026", "ur": "6 دسمبر، 2026", "fa": "۶ دسامبر ۲۰۲۶"}
HIJRI = {"ar": "26 جمادى الآخرة 1448هـ", "ur": "26 جمادی الثانی 1448ھ", "fa": "۲۶ جمادی‌الثانی ۱۴۴۸\u00a0ه‍.ق."}


@pytest.fixture
def case(makkah):
    with clock.at(RECEIVED):
        request = IntakeRequest(
            organization=makkah,
            description="Rubbish pile next to the bus stop",
            channel="web",
            category="cleanliness",
            lat=21.390381,
            lon=39.705029,
            reporter=Reporter(phone="0501159789"),
        )
        return services.case_create(request=request).case


def _text_of_dates(page: str) -> str:
    return re.sub(r"<[^>]+>", " ", page)


@pytest.mark.parametrize("language", ["ar", "ur", "fa"])
def test_the_staff_case_page_isolates_numbers_and_writes_dates_as_the_language_does(
    client, staff, case, language
):
    client.force_login(staff["supervisor"])
    page = client.get(f"/staff/cases/{case.reference}/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert 'dir="rtl"' in page and f'lang="{language}"' in page
    assert '<bdi dir="ltr">+966 50 115 9789</bdi>' in page  # not "966501159789+"
    assert f'<bdi dir="ltr">{case.reference}</bdi>' in page
    assert '<bdi dir="ltr">21.39038, 39.70503</bdi>' in page  # never "39,70503 ,21,39038"
    assert re.search(r'<bdi dir="ltr">[+−][^<]*</bdi>', page)  # working hours left, with its sign
    text = _text_of_dates(page)
    assert DAY[language] in text and HIJRI[language] in text
    assert not NUMERIC_DATE.search(text)
    assert "دسمبر 6," not in text and "ديسمبر 6," not in text


@pytest.mark.parametrize("language", ["ar", "ur", "fa"])
def test_the_tracking_page_does_the_same_for_the_reporter(client, case, language):
    page = client.get(f"/track/{case.reference}", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<bdi dir="ltr">{case.reference}</bdi>' in page
    text = _text_of_dates(page)
    assert DAY[language] in text and HIJRI[language] in text
    assert not NUMERIC_DATE.search(text)


def test_a_name_that_falls_back_carries_its_language(client, staff, case, makkah):
    # The test organization names its categories in Arabic and English only: Urdu readers get the Arabic
    # name marked as Arabic; Indonesian readers get the English one marked left-to-right.
    urdu = client.get(f"/track/{case.reference}", HTTP_ACCEPT_LANGUAGE="ur").content.decode()
    assert '<span lang="ar" dir="rtl">النظافة</span>' in urdu
    indonesian = client.get(f"/track/{case.reference}", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert '<span lang="en" dir="ltr">Cleanliness</span>' in indonesian
    assert "النظافة" not in indonesian
    arabic = client.get(f"/track/{case.reference}", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "<dd>النظافة</dd>" in arabic  # in the page's own language: no marking


def test_bengali_pages_write_dates_in_bengali_digits(client, case):
    page = client.get(f"/track/{case.reference}", HTTP_ACCEPT_LANGUAGE="bn").content.decode()
    assert "৬ ডিসেম্বর, ২০২৬" in page and "১৪৪৮" in page
    assert f'<bdi dir="ltr">{case.reference}</bdi>' in page  # the reference stays in Western digits
