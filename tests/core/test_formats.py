"""Dates, digits, names and directions as each language writes them (khidma.core.formats, the
khidma_format template filters, the name fallback order and the organization's local days)."""

from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from khidma.core import formats
from khidma.core.languages import FALLBACKS, LANGUAGE_CODES, pick
from khidma.organizations.models import Organization

RIYADH = ZoneInfo("Asia/Riyadh")
# 12:30 UTC on 6 December 2026 is 15:30 in Makkah, 26 Jumada al-Akhirah 1448 on the Umm al-Qura calendar.
MOMENT = datetime.datetime(2026, 12, 6, 12, 30, tzinfo=datetime.UTC)
NUMERIC_DATE = re.compile(r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}")


def test_it_writes_the_arabic_date_day_first_with_the_hijri_date_beside_it():
    assert formats.dual_date(MOMENT, "ar", tz=RIYADH) == "الأحد، 6 ديسمبر 2026 · 26 جمادى الآخرة 1448هـ"
    assert formats.date_time(MOMENT, "ar", tz=RIYADH) == "6 ديسمبر 2026، 3:30 م"
    assert formats.date(MOMENT, "en", tz=RIYADH) == "December 6, 2026"
    assert formats.hijri(MOMENT, "en", tz=RIYADH) == "26 Jumada al-Akhirah 1448\u00a0AH"


def test_it_reads_the_day_in_the_organizations_time_zone():
    late = datetime.datetime(2026, 12, 6, 22, 30, tzinfo=datetime.UTC)  # already the 7th in Makkah
    assert formats.date(late, "en", tz=RIYADH) == "December 7, 2026"
    assert formats.date(late, "en", tz=datetime.UTC) == "December 6, 2026"
    with timezone.override(RIYADH):
        assert formats.date(late, "en") == "December 7, 2026"


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_no_language_gets_a_numeric_date_or_a_missing_hijri_month(language):
    for text in (
        formats.dual_date(MOMENT, language, tz=RIYADH),
        formats.date_time(MOMENT, language, tz=RIYADH),
        formats.date_time(MOMENT, language, tz=RIYADH, short=True),
    ):
        folded = text.translate(
            {0x6F0 + i: str(i) for i in range(10)} | {0x9E6 + i: str(i) for i in range(10)}
        )
        assert not NUMERIC_DATE.search(folded), (language, text)
    assert formats.hijri(MOMENT, language, tz=RIYADH)


def test_persian_and_bengali_write_their_own_digits_and_the_others_western_ones():
    assert formats.date(MOMENT, "fa", tz=RIYADH) == "۶ دسامبر ۲۰۲۶"
    assert formats.date(MOMENT, "bn", tz=RIYADH) == "৬ ডিসেম্বর, ২০২৬"
    assert formats.number(12345, "fa") == "۱۲٬۳۴۵"
    for language in ("ar", "ur", "hi", "en", "id"):
        assert re.search(r"\b2026\b", formats.date(MOMENT, language, tz=RIYADH)), language
    assert formats.number(1234.5, "id") == "1.234,5"


def test_durations_signs_and_relative_times():
    assert formats.duration(datetime.timedelta(days=2, hours=5, minutes=7), "en") == "2 days and 5 hours"
    assert formats.duration(-5400, "ar") == "ساعة و30 دقيقة"
    assert formats.duration(20, "en") == "0 minutes"
    assert formats.signed(-6, "en", unit="hour") == "−6 hr"
    assert formats.signed(3, "en") == "+3"
    assert formats.relative(MOMENT, "en", now=MOMENT - datetime.timedelta(hours=3)) == "in 3 hours"


def test_identifiers_are_isolated_left_to_right_and_escaped():
    assert formats.ltr("+966501159789") == '<bdi dir="ltr">+966501159789</bdi>'
    assert formats.ltr("<b>") == '<bdi dir="ltr">&lt;b&gt;</bdi>'
    assert formats.coordinates_html(21.390381, 39.705029) == '<bdi dir="ltr">21.39038, 39.70503</bdi>'


def test_the_filters_use_the_active_language_and_time_zone():
    template = Template(
        "{% load khidma_format %}{{ t|dual_datetime }}|{{ t|local_datetime:'short' }}|{{ n|signed:'hour' }}"
        "|{{ phone|ltr }}|{% coordinates 21.39038 39.70503 %}|{{ dept|local_name }}|{{ none|local_date }}"
    )
    context = Context(
        {"t": MOMENT, "n": -6, "phone": "+966501159789", "dept": {"ar": "إدارة النظافة", "en": "Cleanliness"}}
    )
    with translation.override("ur"), timezone.override(RIYADH):
        html = template.render(context)
    assert html.split("|") == [
        # Each part isolated: the Latin "AM"/"PM" of Urdu dates cannot reorder the digits around it.
        "<bdi>6 دسمبر، 2026</bdi> <bdi>3:30 PM</bdi> · <bdi>26 جمادی الثانی 1448ھ</bdi>",
        "<bdi>6 دسمبر</bdi> <bdi>3:30 PM</bdi>",
        # The signed number isolated left-to-right; "hours" stays in Urdu reading order after it.
        '<bdi><bdi dir="ltr">−6</bdi> گھنٹے</bdi>',
        '<bdi dir="ltr">+966501159789</bdi>',
        '<bdi dir="ltr">21.39038, 39.70503</bdi>',
        '<span lang="ar" dir="rtl">إدارة النظافة</span>',
        "",
    ]


def test_a_name_falls_back_to_what_the_reader_can_read():
    names = {"ar": "إدارة النظافة", "en": "Cleanliness Department", "ms": "Jabatan Kebersihan"}
    assert pick(names, "id") == ("Jabatan Kebersihan", "ms")  # Malay before English for Indonesians
    assert pick(names, "tr") == (
        "Cleanliness Department",
        "en",
    )  # never Arabic before English in Latin script
    assert pick(names, "bn") == ("Cleanliness Department", "en")
    assert pick(names, "ur") == ("إدارة النظافة", "ar")  # Urdu readers read the Arabic script
    assert pick({"ar": "النظافة"}, "fr") == ("النظافة", "ar")
    assert pick({"tr": "Temizlik"}, "ar") == ("Temizlik", "tr")  # any name rather than none
    assert pick({}, "en") == ("", "en")
    assert set(FALLBACKS) == set(LANGUAGE_CODES)
    for language in ("id", "ms", "tr", "fr", "hi", "bn"):  # not written in the Arabic script
        order = FALLBACKS[language]
        assert order.index("en") < order.index("ar"), language


def test_a_name_in_another_language_carries_its_language_and_direction():
    assert formats.name_html(pick({"en": "Street <cleaning>"}, "ar"), "ar") == (
        '<span lang="en" dir="ltr">Street &lt;cleaning&gt;</span>'
    )
    assert formats.name_html(pick({"ar": "النظافة"}, "ar"), "ar") == "النظافة"


def test_an_organization_has_its_zone_and_its_local_days():
    organization = Organization(slug="x", time_zone="Asia/Jakarta")
    assert organization.tz == ZoneInfo("Asia/Jakarta")
    start, end = organization.local_day_bounds(datetime.date(2026, 12, 6), datetime.date(2026, 12, 7))
    assert start == datetime.datetime(2026, 12, 5, 17, 0, tzinfo=datetime.UTC)
    assert end == datetime.datetime(2026, 12, 7, 17, 0, tzinfo=datetime.UTC)
    assert Organization(slug="y", time_zone="Not/AZone").tz == ZoneInfo("Asia/Riyadh")
