"""Bad input to the programs answers a clear 4xx with a code, never a 500: dates at the edges of the calendar
on every date filter, ids past what the database holds, characters no database keeps, invisible text."""

import pytest

from tests.programs.conftest import error, service_request

pytestmark = pytest.mark.django_db(transaction=True)

EDGES = ("0001-01-01", "9999-12-31")


def test_dates_at_the_edges_of_the_calendar_are_refused_on_every_date_filter(client_for):
    supervisor = client_for("supervisor")
    team = client_for("admin").post("/programs/teams", json={"name": "Team A"}).json()
    for day in EDGES:
        calendar = supervisor.get(f"/programs/teams/{team['id']}/calendar", params={"start": day, "end": day})
        error(calendar, 400, "out_of_range")
        error(supervisor.get("/programs/walk-ins", params={"date": day}), 400, "out_of_range")
        error(supervisor.get("/programs/volume", params={"start": day, "end": day}), 400, "out_of_range")
        error(supervisor.get("/programs/points/hq/schedule", params={"start": day}), 400, "out_of_range")
    error(
        supervisor.get("/programs/volume", params={"start": "2026-03-01", "end": "2026-01-01"}),
        400,
        "invalid",
    )


def test_ids_past_what_the_database_holds_are_not_found(client_for):
    supervisor = client_for("supervisor")
    for url in ("/programs/visits/{}", "/programs/applications/{}", "/programs/meetings/{}"):
        error(supervisor.get(url.format(2**63)), 404, "not_found")


def test_text_with_a_nul_byte_or_nothing_visible_is_refused(client_for):
    counter = client_for("counter")
    error(counter.post("/programs/people", json={"name": "Abu\u0000Salem"}), 400, "invalid_characters")
    error(counter.post("/programs/people", json={"name": "\u200b\u200b"}), 400, "required")
    case = service_request(client_for("agent"))
    visit = client_for("agent").post("/programs/visits", json={"case": case["reference"], "reason": "ill"})
    assert visit.status_code == 201, visit.text


def test_back_office_date_filters_at_the_edges_answer_400(client, staff):
    client.force_login(staff["supervisor"])
    client.cookies["django_language"] = "en"
    for day in EDGES:
        response = client.get(f"/staff/programs/volume/?start={day}&end={day}")
        assert response.status_code == 400 and 'data-code="out_of_range"' in response.content.decode()
    assert client.get("/staff/programs/visits/99999999999999999999/").status_code == 404
