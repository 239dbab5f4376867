"""Open data: each finished day's public problems as CSV and GeoJSON, without personal data or private
cases, written once by the worker's job and served by the portal."""

from __future__ import annotations

import csv
import datetime
import io
import json

import pytest

from khidma.cases import services
from khidma.cases.intake import Principal
from khidma.cases.models import Case
from khidma.core import clock
from khidma.reports.models import OpenDataFile
from khidma.reports.opendata import FIELDS, open_data_publish, open_data_publish_due
from tests.reports.conftest import at, new_case

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 2)
SECRET = "Ahmad at 0551234567, the door code is 4471"


def _cases(makkah, staff):
    with clock.at(at(DAY.isoformat(), 9)):
        public = new_case(
            makkah,
            description=SECRET,
            channel="whatsapp",
            category="cleanliness",
            language="ar",
            lat=21.42349,
            lon=39.82671,
            reporter_name="Ahmad Saleh",
            reporter_phone="0551234567",
            reporter_email="ahmad@example.com",
        )
        private = [
            new_case(
                makkah,
                description="women " + SECRET,
                channel="counter",
                service_point="hq",
                womens_section=True,
                category="cleanliness",
                lat=21.43,
                lon=39.83,
            ),
            new_case(
                makkah,
                description="complaint " + SECRET,
                channel="web",
                kind="complaint",
                lat=21.44,
                lon=39.84,
            ),
            new_case(
                makkah,
                description="proxy " + SECRET,
                channel="counter",
                service_point="hq",
                category="lighting_signs",
                principal=Principal("Salem", "brother", "1448/221"),
                lat=21.45,
                lon=39.85,
            ),
        ]
    with clock.at(at(DAY.isoformat(), 23, 59)):
        # Received one minute before midnight: the same day. The next one is the next day's.
        late = new_case(
            makkah,
            description="late",
            channel="web",
            category="cleanliness",
            lat=21.50,
            lon=39.90,
        )
    with clock.at(at((DAY + datetime.timedelta(days=1)).isoformat(), 0, 1)):
        new_case(
            makkah,
            description="next day",
            channel="web",
            category="cleanliness",
            lat=21.51,
            lon=39.91,
        )
    with clock.at(at(DAY.isoformat(), 10)):
        public = services.case_assign(case=public, by=staff["supervisor"], department=public.department)
    with clock.at(at(DAY.isoformat(), 15)):
        public = services.case_resolve(
            case=public, by=staff["supervisor"], note="Cleaned", send_untranslated=True
        )
        public = services.case_close(case=public, by=staff["supervisor"])
    return public, private, late


def _files(makkah):
    return {f.format: f for f in OpenDataFile.objects.filter(organization=makkah, day=DAY)}


def test_a_day_is_published_as_csv_and_geojson_without_personal_data_or_private_cases(makkah, staff, taif):
    public, _private, late = _cases(makkah, staff)
    open_data_publish(organization=makkah, day=DAY)
    files = _files(makkah)
    body = files["csv"].file.open("rb").read()
    for secret in (SECRET, "Ahmad", "0551234567", "+966551234567", "ahmad@example.com", "door", "Salem"):
        assert secret.encode() not in body
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert list(rows[0]) == list(FIELDS)
    assert [row["reference"] for row in rows] == [public.reference, late.reference]
    first = rows[0]
    assert (first["category"], first["category_name_en"], first["category_name_ar"]) == (
        "cleanliness",
        "Cleanliness",
        "النظافة",
    )
    assert (first["area"], first["status"], first["closure_outcome"], first["channel"]) == (
        "west",
        "closed",
        "staff",
        "whatsapp",
    )
    # About 100 m: three decimals of a degree.
    assert (first["lat"], first["lon"]) == ("21.423", "39.827")
    assert first["received_at"] == "2026-11-02T09:00:00+03:00"
    assert first["closed_at"] == "2026-11-02T15:00:00+03:00"
    assert first["hours_to_close"] == "6.0"
    geo = json.loads(files["geojson"].file.open("rb").read())
    assert [f["properties"]["reference"] for f in geo["features"]] == [public.reference, late.reference]
    assert geo["features"][0]["geometry"] == {"type": "Point", "coordinates": [39.827, 21.423]}
    assert SECRET not in json.dumps(geo, ensure_ascii=False)


def test_a_published_day_never_changes_and_a_day_not_over_is_not_published(makkah, staff):
    public, _private, _late = _cases(makkah, staff)
    open_data_publish(organization=makkah, day=DAY)
    before = {k: (f.file.open("rb").read(), f.sha256) for k, f in _files(makkah).items()}
    services.case_reopen(case=Case.objects.get(pk=public.pk), by=staff["followup"], reason="Not clean")
    assert open_data_publish_due() >= 1  # the other finished days since the first case
    open_data_publish(organization=makkah, day=DAY)
    after = {k: (f.file.open("rb").read(), f.sha256) for k, f in _files(makkah).items()}
    assert after == before
    with pytest.raises(ValueError):
        open_data_publish(organization=makkah, day=makkah.local_today())  # its own day, not UTC's


def test_the_job_publishes_every_finished_day_once_for_municipalities_only(makkah, staff, taif):
    _cases(makkah, staff)
    taif.type = "association"
    taif.save()
    with clock.at(at("2026-11-05", 12)):
        new_case(taif, description="member request", channel="web", category="cleanliness")
        published = open_data_publish_due()
        assert published == 3  # 2, 3 and 4 November (the 5th is not over)
        assert open_data_publish_due() == 0
    assert set(OpenDataFile.objects.values_list("organization__slug", flat=True)) == {"makkah"}
    assert OpenDataFile.objects.filter(day=DAY + datetime.timedelta(days=1), format="csv").get().rows == 1


def test_the_portal_lists_the_files_serves_them_and_describes_them_in_a_catalogue(client, makkah, staff):
    _cases(makkah, staff)
    open_data_publish(organization=makkah, day=DAY)
    for language in ("ar", "en", "ur", "id", "hi", "ms", "fa", "bn", "tr", "fr"):
        page = client.get("/open-data/", HTTP_ACCEPT_LANGUAGE=language)
        assert page.status_code == 200
        assert f'lang="{language}"' in page.content.decode()
    html = client.get("/open-data/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "/open-data/2026-11-02.csv" in html and "CC BY 4.0" in html
    served = client.get("/open-data/2026-11-02.csv")
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == _files(makkah)["csv"].file.open("rb").read()
    assert "immutable" in served["Cache-Control"]
    catalogue = client.get("/open-data/catalog.json").json()
    assert catalogue["@type"] == "dcat:Catalog"
    dataset = catalogue["dcat:dataset"][0]
    assert dataset["dct:temporal"]["dcat:startDate"] == "2026-11-02"
    media = {d["dcat:mediaType"]: d for d in dataset["dcat:distribution"]}
    assert media["text/csv"]["dcat:downloadURL"].endswith("/open-data/2026-11-02.csv")
    assert media["text/csv"]["spdx:checksum"]["spdx:checksumValue"] == _files(makkah)["csv"].sha256
    assert client.get("/open-data/2026-11-03.csv").status_code == 404
    assert client.get("/open-data/not-a-day.csv").status_code == 404
