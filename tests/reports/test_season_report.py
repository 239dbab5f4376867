"""Seasons on the Umm al-Qura calendar, and the season report compared with the season before."""

from __future__ import annotations

import csv
import datetime
import io

import pytest

from khidma.core.errors import DomainError
from khidma.reports.models import Season
from khidma.reports.seasons import season_previous, season_save

pytestmark = pytest.mark.django_db


def test_a_season_gets_its_gregorian_days_from_the_umm_al_qura_calendar(makkah):
    hajj = season_save(organization=makkah, kind="hajj", start=(1447, 12, 1), end=(1447, 12, 15))
    assert (hajj.starts_on, hajj.ends_on) == (datetime.date(2026, 5, 18), datetime.date(2026, 6, 1))
    assert hajj.code == "hajj-1447"
    ramadan = season_save(organization=makkah, kind="ramadan", start=(1447, 9, 1), end=(1447, 9, 29))
    assert ramadan.starts_on == datetime.date(2026, 2, 18)


def test_a_season_with_impossible_dates_is_refused_with_every_reason(makkah):
    season_save(organization=makkah, kind="hajj", start=(1447, 12, 1), end=(1447, 12, 15))
    with pytest.raises(DomainError) as caught:
        # Dhu al-Hijjah 1447 has 29 days; the code is taken by the first season.
        season_save(
            organization=makkah, kind="hajj", start=(1447, 12, 30), end=(1447, 12, 2), code="hajj-1447"
        )
    assert {(e.field, e.code) for e in caught.value.errors} == {
        ("start", "invalid_date"),
        ("code", "duplicate"),
    }
    with pytest.raises(DomainError) as caught:
        season_save(organization=makkah, kind="ramadan", start=(1447, 9, 10), end=(1447, 9, 2))
    assert [(e.field, e.code) for e in caught.value.errors] == [("end", "before_start")]
    assert Season.objects.count() == 1


def test_the_previous_season_is_the_one_of_the_same_kind_before(hajj, makkah):
    season = Season.objects.get(organization=makkah, code="hajj-1447")
    assert season_previous(season).code == "hajj-1446"
    assert season_previous(season_previous(season)) is None


def _csv(client, url: str, params=None) -> list[list[str]]:
    response = client.get(url, params or {}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_season_report_compares_each_figure_with_the_season_before(client, hajj, staff):
    client.force_login(staff["supervisor"])
    page = client.get("/staff/reports/seasons/hajj-1447/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Hajj season 1447 AH" in page
    assert "Compared with" in page
    rows = _csv(client, "/staff/reports/export.csv", {"preset": "season", "season": "hajj-1447"})
    figures = {(row[1], row[2]): row[3] for row in rows if row[0] == "Figures"}
    # Hajj 1447: seven cases received, three closed; Hajj 1446: two, one closed.
    assert figures[("Received", "Value")] == "7"
    assert figures[("Received", "Previous period")] == "2"
    assert figures[("Received", "Change")] == "5"
    assert figures[("Received", "Change (%)")] == "2.5"
    assert figures[("Closed", "Previous period")] == "1"
    assert figures[("Closure rate", "Previous period")] == "0.5"


def test_the_season_report_shows_peaks_hotspots_and_service_points(client, hajj, staff):
    client.force_login(staff["supervisor"])
    page = client.get(
        "/staff/reports/", {"preset": "season", "season": "hajj-1447"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    html = page.content.decode()
    assert "Peak days" in html and "Peak hours" in html
    # a, b and c lie in one cell by the Haram: the season's top hotspot, counted whether open or closed.
    assert "Top hotspots" in html
    rows = _csv(client, "/staff/reports/export.csv", {"preset": "season", "season": "hajj-1447"})
    hotspots = [row for row in rows if row[0] == "Hotspots" and row[2] == "Reports"]
    assert hotspots[0][1] == "Cleanliness" and hotspots[0][3] == "3"
    points = {row[1]: row[3] for row in rows if row[0] == "By service point" and row[2] == "Received"}
    assert points["Headquarters"] == "2"  # d and the women's section's case
    assert points["940"] == "1"


def test_a_season_of_another_organization_is_not_found(client, hajj, staff):
    client.force_login(staff["taif_supervisor"])
    assert client.get("/staff/reports/seasons/hajj-1446/").status_code == 404


def test_an_administrator_sets_a_season_in_the_admin_by_its_hijri_days(client, makkah, staff):
    client.force_login(staff["admin"])
    form = {
        "kind": "ramadan",
        "code": "",
        "names": '{"ar": "رمضان 1448", "en": "Ramadan 1448"}',
        "start_year": 1448,
        "start_month": 9,
        "start_day": 1,
        "end_year": 1448,
        "end_month": 9,
        "end_day": 31,
    }
    refused = client.post("/admin/reports/season/add/", form, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 200
    assert "There is no such day in the Umm al-Qura calendar." in refused.content.decode()
    assert not Season.objects.exists()
    response = client.post("/admin/reports/season/add/", {**form, "end_day": 29}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    season = Season.objects.get()
    assert (season.code, season.organization, season.starts_on) == (
        "ramadan-1448",
        makkah,
        datetime.date(2027, 2, 8),
    )
