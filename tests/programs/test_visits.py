"""Home visits (Wajibuna): eligibility, a team booked for a window, the person told the date, completion."""

import datetime

import pytest

from khidma.outbox.models import OutboundMessage
from khidma.programs.models import ProgramEvent
from tests.programs.conftest import error, service_request

pytestmark = pytest.mark.django_db(transaction=True)

TZ = datetime.timezone(datetime.timedelta(hours=3))


def window(days, hour, hours=2):
    start = (datetime.datetime.now(TZ) + datetime.timedelta(days=days)).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )
    return start.isoformat(), (start + datetime.timedelta(hours=hours)).isoformat()


def make_team(client_for, name="Team A"):
    response = client_for("admin").post("/programs/teams", json={"name": name})
    assert response.status_code == 201, response.text
    return response.json()


def eligible(client, reference, reason="elderly"):
    response = client.post("/programs/visits", json={"case": reference, "reason": reason, "note": "85 years"})
    assert response.status_code == 201, response.text
    return response.json()


def test_a_visit_is_scheduled_the_person_is_told_and_completion_resolves_the_case(client_for):
    agent = client_for("agent")
    case = service_request(agent, category="cleanliness")  # the cleanliness officer's to complete
    team = make_team(client_for)
    visit = eligible(agent, case["reference"])
    assert visit["status"] == "eligible"
    assert visit["reason"] == "elderly"

    start, end = window(3, 9)
    response = agent.post(
        f"/programs/visits/{visit['id']}/schedule",
        json={"team": team["id"], "starts_at": start, "ends_at": end},
    )
    assert response.status_code == 200, response.text
    scheduled = response.json()
    assert scheduled["status"] == "scheduled"
    assert scheduled["team"]["name"] == "Team A"
    assert [e["kind"] for e in scheduled["events"]] == ["eligibility_recorded", "scheduled"]

    detail = agent.get(f"/cases/{case['reference']}").json()
    assert detail["status"] == "assigned"
    # The person is told by the visit_scheduled template in their language; the case keeps an internal note.
    assert not [e for e in detail["events"] if e["kind"] == "note" and e["public"]]
    notes = [e["note"] for e in detail["events"] if e["kind"] == "note"]
    assert any("9:00" in note or "٩" in note for note in notes)
    told = OutboundMessage.objects.get(case__reference=case["reference"], template="visit_scheduled")
    assert case["reference"] in told.text and told.recipient == "+966551234567"
    assert "زيارتكم المنزلية" in told.text  # the case's language

    day = datetime.date.fromisoformat(start[:10])
    calendar = agent.get(
        f"/programs/teams/{team['id']}/calendar", params={"start": day.isoformat(), "end": day.isoformat()}
    )
    assert calendar.status_code == 200, calendar.text
    assert [v["id"] for v in calendar.json()["visits"]] == [visit["id"]]
    other_day = (day + datetime.timedelta(days=1)).isoformat()
    empty = agent.get(f"/programs/teams/{team['id']}/calendar", params={"start": other_day, "end": other_day})
    assert empty.json()["visits"] == []

    field = client_for("field_clean")
    done = field.post(
        f"/programs/visits/{visit['id']}/complete",
        json={"work_done": "Renewed the ID at home", "documents": ["id_copy", "photo"]},
    )
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "completed"
    assert done.json()["documents_collected"] == ["id_copy", "photo"]
    detail = agent.get(f"/cases/{case['reference']}").json()
    assert detail["status"] == "resolved"
    assert "Renewed the ID at home" in detail["events"][-1]["note"]
    assert ProgramEvent.objects.filter(subject="visit", subject_id=visit["id"], kind="completed").exists()


def test_a_team_is_never_double_booked(client_for):
    agent = client_for("agent")
    team = make_team(client_for)
    first = eligible(agent, service_request(agent)["reference"])
    second = eligible(agent, service_request(agent)["reference"], reason="no_transport")
    start, end = window(2, 10)
    assert (
        agent.post(
            f"/programs/visits/{first['id']}/schedule",
            json={"team": team["id"], "starts_at": start, "ends_at": end},
        ).status_code
        == 200
    )
    overlap_start, overlap_end = window(2, 11)
    response = agent.post(
        f"/programs/visits/{second['id']}/schedule",
        json={"team": team["id"], "starts_at": overlap_start, "ends_at": overlap_end},
    )
    errors = error(response, 409, "team_double_booked")
    assert "Team A" in errors[0]["message"]
    assert agent.get(f"/programs/visits/{second['id']}").json()["status"] == "eligible"
    # Right after the first visit is fine, and so is another team at the same time.
    after_start, after_end = window(2, 12)
    assert (
        agent.post(
            f"/programs/visits/{second['id']}/schedule",
            json={"team": team["id"], "starts_at": after_start, "ends_at": after_end},
        ).status_code
        == 200
    )
    other = make_team(client_for, "Team B")
    third = eligible(agent, service_request(agent)["reference"], reason="ill")
    assert (
        agent.post(
            f"/programs/visits/{third['id']}/schedule",
            json={"team": other["id"], "starts_at": start, "ends_at": end},
        ).status_code
        == 200
    )


def test_refusals(client_for):
    agent = client_for("agent")
    team = make_team(client_for)
    case = service_request(agent)
    report = service_request(agent, kind="report", category="cleanliness")
    error(
        agent.post("/programs/visits", json={"case": report["reference"], "reason": "ill"}),
        400,
        "not_service_request",
    )
    error(
        agent.post("/programs/visits", json={"case": case["reference"], "reason": "bored"}),
        400,
        "invalid_choice",
    )
    error(
        client_for("field_clean").post("/programs/visits", json={"case": case["reference"], "reason": "ill"}),
        403,
        "forbidden",
    )
    error(client_for("counter").post("/programs/teams", json={"name": "X"}), 403, "forbidden")
    visit = eligible(agent, case["reference"])
    start, end = window(1, 9)
    error(
        agent.post(
            f"/programs/visits/{visit['id']}/schedule",
            json={"team": team["id"], "starts_at": end, "ends_at": start},
        ),
        400,
        "invalid",
    )
    error(
        agent.post(
            f"/programs/visits/{visit['id']}/schedule",
            json={"team": team["id"], "starts_at": start[:19], "ends_at": end[:19]},
        ),
        400,
        "naive_datetime",
    )
    error(agent.post(f"/programs/visits/{visit['id']}/complete", json={"work_done": "x"}), 403, "forbidden")
    error(
        client_for("supervisor").post(f"/programs/visits/{visit['id']}/complete", json={"work_done": "x"}),
        409,
        "not_scheduled",
    )

    # Another organization sees none of it.
    taif = client_for("taif_supervisor")
    error(taif.get(f"/programs/visits/{visit['id']}"), 404, "not_found")
    error(
        taif.post(
            f"/programs/visits/{visit['id']}/schedule",
            json={"team": team["id"], "starts_at": start, "ends_at": end},
        ),
        404,
        "not_found",
    )
    error(
        taif.get(
            f"/programs/teams/{team['id']}/calendar", params={"start": "2026-01-01", "end": "2026-01-02"}
        ),
        404,
        "not_found",
    )
    error(taif.post("/programs/visits", json={"case": case["reference"], "reason": "ill"}), 404, "not_found")
    assert taif.get("/programs/teams").json() == []
    taif_team = client_for("taif_supervisor").post("/programs/teams", json={"name": "Taif team"}).json()
    error(
        agent.post(
            f"/programs/visits/{visit['id']}/schedule",
            json={"team": taif_team["id"], "starts_at": start, "ends_at": end},
        ),
        404,
        "not_found",
    )


def test_errors_come_in_the_request_language(client_for):
    agent = client_for("agent", language="ar")
    case = service_request(agent)
    response = agent.post("/programs/visits", json={"case": case["reference"], "reason": "bored"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] != "This value is not one of the allowed choices."
