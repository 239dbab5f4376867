"""The women's section's privacy reaches the programs: a home visit or an application that hangs on one of the
section's cases is seen only by the section and supervisors (as the case itself is), through the API and the
back office; the section in turn sees only its own. Everyone else gets "not found", as for a row that does
not exist."""

import datetime

import pytest

from tests.programs.conftest import error, service_request, submit

pytestmark = pytest.mark.django_db(transaction=True)

TZ = datetime.timezone(datetime.timedelta(hours=3))
DOCUMENTS = ["id_copy", "income_proof", "family_record"]


def _team(client_for):
    response = client_for("admin").post("/programs/teams", json={"name": "Team W"})
    assert response.status_code == 201, response.text
    return response.json()


def _visit(client, reference):
    response = client.post("/programs/visits", json={"case": reference, "reason": "elderly", "note": "80"})
    assert response.status_code == 201, response.text
    return response.json()


def _schedule(client, visit, team, days):
    start = (datetime.datetime.now(TZ) + datetime.timedelta(days=days)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    response = client.post(
        f"/programs/visits/{visit['id']}/schedule",
        json={
            "team": team["id"],
            "starts_at": start.isoformat(),
            "ends_at": (start + datetime.timedelta(hours=2)).isoformat(),
        },
    )
    assert response.status_code == 200, response.text
    return start.date()


def test_a_womens_section_visit_is_hidden_from_staff_outside_the_section(client_for):
    women = client_for("women")
    case = service_request(women)
    assert case["womens_section"] is True
    visit = _visit(women, case["reference"])
    team = _team(client_for)
    day = _schedule(women, visit, team, days=2)

    general = service_request(client_for("agent"))
    assert general["womens_section"] is False
    other_visit = _visit(client_for("agent"), general["reference"])
    _schedule(client_for("agent"), other_visit, team, days=3)

    # the section and supervisors see it; the 940 agent, the counter and the researcher do not
    for persona in ("women", "supervisor"):
        assert client_for(persona).get(f"/programs/visits/{visit['id']}").status_code == 200, persona
    for persona in ("agent", "counter", "researcher", "admin"):
        error(client_for(persona).get(f"/programs/visits/{visit['id']}"), 404, "not_found")
    # …nor may they act on it
    error(
        client_for("researcher").post(f"/programs/visits/{visit['id']}/complete", json={"work_done": "x"}),
        404,
        "not_found",
    )
    # the section sees only its own side
    error(client_for("women").get(f"/programs/visits/{other_visit['id']}"), 404, "not_found")

    # the team's calendar shows each side its own visits
    period = {"start": day.isoformat(), "end": (day + datetime.timedelta(days=2)).isoformat()}

    def calendar(persona):
        response = client_for(persona).get(f"/programs/teams/{team['id']}/calendar", params=period)
        assert response.status_code == 200, response.text
        return {v["id"] for v in response.json()["visits"]}

    assert calendar("supervisor") == {visit["id"], other_visit["id"]}
    assert calendar("agent") == {other_visit["id"]}
    assert calendar("women") == {visit["id"]}


def test_a_womens_section_application_is_hidden_from_researchers_outside_the_section(client_for, housing):
    women = client_for("women")
    case = service_request(women)
    response = submit(women, case["reference"], DOCUMENTS)
    assert response.status_code == 201, response.text
    application = response.json()

    def listed(persona):
        response = client_for(persona).get("/programs/applications")
        assert response.status_code == 200, response.text
        return {a["id"] for a in response.json()}

    assert application["id"] in listed("supervisor")
    assert application["id"] in listed("women")
    assert application["id"] not in listed("researcher")
    assert application["id"] not in listed("counter")
    error(client_for("researcher").get(f"/programs/applications/{application['id']}"), 404, "not_found")
    error(
        client_for("researcher").post(f"/programs/applications/{application['id']}/check", json={}),
        404,
        "not_found",
    )
    assert client_for("supervisor").get(f"/programs/applications/{application['id']}").status_code == 200


def test_back_office_program_lists_follow_the_same_rule(client_for, client, staff):
    women = client_for("women")
    case = service_request(women)
    visit = _visit(women, case["reference"])

    def visits_page(persona):
        client.logout()
        client.force_login(staff[persona])
        client.cookies["django_language"] = "en"
        return client.get("/staff/programs/visits/")

    assert case["reference"] in visits_page("supervisor").content.decode()
    page = visits_page("counter")
    assert page.status_code == 200
    assert case["reference"] not in page.content.decode()
    client.force_login(staff["counter"])
    assert client.get(f"/staff/programs/visits/{visit['id']}/").status_code == 404
