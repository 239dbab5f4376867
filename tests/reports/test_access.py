"""Who reads reports: supervisors, the follow-up unit, department heads (their department's subtree) and
organization administrators, each counting only the cases they may see; never another organization's."""

from __future__ import annotations

import pytest

from khidma.accounts.services import api_token_create
from tests.reports.test_dashboard import SEASON, _page, _tiles

pytestmark = pytest.mark.django_db

PAGES = (
    "/staff/dashboard/",
    "/staff/reports/",
    "/staff/reports/seasons/hajj-1447/",
    "/staff/reports/export.csv",
)


@pytest.mark.parametrize("persona", ["agent", "counter", "field_clean", "women"])
def test_roles_without_reports_are_refused_everywhere(client, hajj, staff, persona):
    client.force_login(staff[persona])
    for url in PAGES:
        assert client.get(url, SEASON).status_code == 403, url
    _token, secret = api_token_create(user=staff[persona], name="tests")
    for url in ("/api/v1/stats/summary", "/api/v1/stats/timeseries"):
        response = client.get(url, SEASON, HTTP_AUTHORIZATION=f"Bearer {secret}")
        assert response.status_code == 403
        assert response.json()["errors"][0]["code"] == "forbidden"


def test_signed_out_people_are_sent_to_sign_in(client, hajj):
    response = client.get("/staff/dashboard/")
    assert response.status_code == 302 and "/staff/login/" in response["Location"]


@pytest.mark.parametrize(
    ("persona", "received"),
    [
        ("supervisor", "7"),  # everything, the women's section's case too
        ("admin", "6"),  # not the women's section's
        ("followup", "6"),
        ("head_clean", "3"),  # cleanliness only: a, b, c
    ],
)
def test_each_role_counts_only_the_cases_it_may_see(client, hajj, staff, persona, received):
    client.force_login(staff[persona])
    html = _page(client, SEASON)
    assert _tiles(html)["Received"] == received
    for url in PAGES:
        assert client.get(url, SEASON).status_code == 200, url


def test_another_organization_counts_only_its_own_cases(client, hajj, staff):
    client.force_login(staff["taif_supervisor"])
    assert _tiles(_page(client, SEASON))["Received"] == "1"
