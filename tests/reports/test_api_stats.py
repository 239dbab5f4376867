"""GET /api/v1/stats/summary and /stats/timeseries: the dashboard's figures for programs."""

from __future__ import annotations

import pytest

from khidma.accounts.services import api_token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(client, staff):
    def get(url: str, persona: str = "supervisor", **params):
        _token, secret = api_token_create(user=staff[persona], name="tests")
        return client.get(url, params, HTTP_AUTHORIZATION=f"Bearer {secret}", HTTP_ACCEPT_LANGUAGE="en")

    return get


def test_the_summary_of_a_season(call, hajj):
    body = call("/api/v1/stats/summary", season="hajj-1447").json()
    assert body["period"] == {"from": "2026-05-18", "to": "2026-06-01", "season": "hajj-1447"}
    figures = body["figures"]
    assert (figures["received"], figures["open"], figures["closed"]) == (7, 4, 3)
    assert (figures["confirmed"], figures["unconfirmed"], figures["closed_by_staff"]) == (1, 1, 1)
    assert figures["satisfaction"] == {
        "count": 2,
        "average": 3.5,
        "distribution": {"1": 0, "2": 1, "3": 0, "4": 0, "5": 1},
    }
    assert figures["time_to_close"]["elapsed"]["median_seconds"] > 0
    assert body["previous_period"]["season"] == "hajj-1446"
    assert body["previous"]["received"] == 2
    channels = {row["key"]: row for row in body["breakdowns"]["channel"]}
    assert channels["web"]["received"] == 3 and channels["web"]["name"] == "Web"
    assert sum(row["received"] for row in body["breakdowns"]["category"]) == 7
    assert sum(body["by_hour_of_day"]) == 7
    assert body["hotspots"][0]["category"] == "cleanliness" and body["hotspots"][0]["count"] == 3


def test_the_summary_of_days_with_filters(call, hajj, staff):
    body = call(
        "/api/v1/stats/summary", **{"from": "2026-05-20", "to": "2026-05-21", "channel": "web"}
    ).json()
    assert body["figures"]["received"] == 1  # a
    assert body["filters"] == {"channel": "web"}
    fahd = staff["field_clean"].pk
    body = call("/api/v1/stats/summary", season="hajj-1447", assignee=fahd).json()
    assert body["figures"]["received"] == 2


def test_the_timeseries_per_day_and_per_hour(call, hajj):
    body = call("/api/v1/stats/timeseries", season="hajj-1447").json()
    assert body["interval"] == "day" and len(body["points"]) == 15
    assert sum(point["received"] for point in body["points"]) == 7
    assert body["points"][2]["start"] == "2026-05-20T00:00:00+03:00"
    assert body["points"][2]["received"] == 2
    hours = call("/api/v1/stats/timeseries", season="hajj-1447", interval="hour").json()
    assert [p["start"] for p in hours["points"]][:2] == [
        "2026-05-20T10:00:00+03:00",
        "2026-05-20T11:00:00+03:00",
    ]


@pytest.mark.parametrize(
    ("params", "field", "code"),
    [
        ({}, "from", "required"),
        ({"from": "2026-05-20", "to": "2026-05-01"}, "to", "before_start"),
        ({"from": "2020-01-01", "to": "2026-05-01"}, "to", "too_long"),
        ({"from": "2026-13-01"}, "from", "invalid"),
        ({"season": "hajj-1400"}, "season", "not_found"),
        ({"from": "2026-05-01", "channel": "fax"}, "channel", "invalid_choice"),
    ],
)
def test_bad_periods_and_filters_answer_with_codes(call, hajj, params, field, code):
    response = call("/api/v1/stats/summary", **params)
    assert response.status_code in {400, 404}
    assert (response.json()["errors"][0]["field"], response.json()["errors"][0]["code"]) == (field, code)


def test_hourly_series_are_limited_to_a_month(call, hajj):
    response = call(
        "/api/v1/stats/timeseries", **{"from": "2026-01-01", "to": "2026-05-01", "interval": "hour"}
    )
    assert response.status_code == 400
    response = call("/api/v1/stats/timeseries", season="hajj-1447", interval="week")
    assert response.json()["errors"][0]["code"] == "invalid_choice"


def test_the_endpoints_are_typed_in_openapi(client):
    schema = client.get("/api/v1/openapi.json").json()
    summary = schema["paths"]["/api/v1/stats/summary"]["get"]
    assert {p["name"] for p in summary["parameters"]} >= {"from", "to", "season", "department", "channel"}
    assert "SummaryOut" in schema["components"]["schemas"]
    assert "interval" in {p["name"] for p in schema["paths"]["/api/v1/stats/timeseries"]["get"]["parameters"]}
