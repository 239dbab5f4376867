"""Programs follow the cases' access and masking rules (issue 14, item 3), role by role, through HTTP.

A program row that hangs on a case (a home visit, an application, a walk-in) is seen by exactly the people
who see that case: department scope for field staff and their heads, the women's section's rule, and the
organization. For anyone else it is "not found", like the case. A principal's phone and authorization
document, and a person's phone, are shown in full only to the roles that see a reporter's contact details.
"""

import datetime

import pytest

from tests.programs.conftest import error, service_request, submit

pytestmark = pytest.mark.django_db(transaction=True)

TZ = datetime.timezone(datetime.timedelta(hours=3))
DOCUMENTS = ["id_copy", "income_proof", "family_record"]
# The cases' contact roles (cases.access.CONTACT_ROLES) and the rest of Makkah's cast.
CONTACT = ("agent", "counter", "followup", "supervisor", "women", "admin")
MASKED = ("field_clean", "field_light", "head_clean", "researcher", "committee_1")
OTHER_ORGANIZATION = ("taif_agent", "taif_supervisor")


@pytest.fixture
def as_(client_for):
    clients = {}

    def get(persona):
        if persona not in clients:
            clients[persona] = client_for(persona)
        return clients[persona]

    return get


def _authorization(client):
    response = client.post(
        "/programs/authorizations",
        json={
            "principal_name": "Sgt. Fahad Al-Otaibi",
            "principal_phone": "0559876543",
            "relationship": "brother",
            "document_reference": "WK-2026-1182",
            "expires_on": (datetime.date.today() + datetime.timedelta(days=90)).isoformat(),
        },
    )
    assert response.status_code == 201, response.text
    return response.json()


def test_a_principals_phone_and_document_are_masked_for_roles_that_do_not_see_contacts(as_):
    item = _authorization(as_("counter"))
    created = as_("counter").post(
        f"/programs/authorizations/{item['id']}/cases",
        json={"description": "Renew the building permit", "kind": "service_request", "channel": "counter"},
    )
    assert created.status_code == 201, created.text
    url = f"/programs/authorizations/{item['id']}"
    for persona in CONTACT:
        shown = as_(persona).get(url).json()
        assert shown["principal_phone"] == "+966559876543", persona
        assert shown["document_reference"] == "WK-2026-1182", persona
        assert shown["events"][-1]["data"]["document"] == "WK-2026-1182", persona
    for persona in MASKED:
        response = as_(persona).get(url)
        assert response.status_code == 200, persona
        shown = response.json()
        assert shown["principal_name"] == "Sgt. Fahad Al-Otaibi"
        assert "559876543" not in response.text and "WK-2026-1182" not in response.text, persona
        assert shown["principal_phone"].startswith("+966") and shown["principal_phone"].endswith("43")
        assert "•" in shown["principal_phone"]
        assert shown["document_reference"].endswith("182") and shown["document_reference"].startswith("•")
        assert "WK-2026" not in response.text, persona
    for persona in OTHER_ORGANIZATION:
        error(as_(persona).get(url), 404, "not_found")


def _cleanliness_visit(as_):
    """A home visit on a case of the cleanliness department, booked for the day after tomorrow."""
    case = service_request(as_("agent"), category="cleanliness")
    visit = as_("agent").post("/programs/visits", json={"case": case["reference"], "reason": "elderly"})
    assert visit.status_code == 201, visit.text
    team = as_("admin").post("/programs/teams", json={"name": "Team A"}).json()
    start = (datetime.datetime.now(TZ) + datetime.timedelta(days=2)).replace(hour=9, minute=0, microsecond=0)
    booked = as_("supervisor").post(
        f"/programs/visits/{visit.json()['id']}/schedule",
        json={
            "team": team["id"],
            "starts_at": start.isoformat(),
            "ends_at": (start + datetime.timedelta(hours=1)).isoformat(),
        },
    )
    assert booked.status_code == 200, booked.text
    return case, booked.json(), team, start.date()


def test_a_visit_on_a_case_outside_a_field_officers_department_is_not_found(as_):
    case, visit, team, day = _cleanliness_visit(as_)
    url = f"/programs/visits/{visit['id']}"
    period = {"start": day.isoformat(), "end": day.isoformat()}
    # Those who see the case see the visit, in its page and in the team's calendar.
    for persona in ("agent", "counter", "supervisor", "admin", "followup", "field_clean", "head_clean"):
        assert as_(persona).get(f"/cases/{case['reference']}").status_code == 200, persona
        assert as_(persona).get(url).status_code == 200, persona
        calendar = as_(persona).get(f"/programs/teams/{team['id']}/calendar", params=period).json()
        assert [v["id"] for v in calendar["visits"]] == [visit["id"]], persona
    # Lighting's officer gets 404 for the case, so for the visit too: reading, completing, the calendar.
    for persona in ("field_light", "women"):
        error(as_(persona).get(f"/cases/{case['reference']}"), 404, "not_found")
        error(as_(persona).get(url), 404, "not_found")
        calendar = as_(persona).get(f"/programs/teams/{team['id']}/calendar", params=period).json()
        assert calendar["visits"] == [], persona
    error(as_("field_light").post(f"{url}/complete", json={"work_done": "Done"}), 404, "not_found")
    for persona in OTHER_ORGANIZATION:
        error(as_(persona).get(url), 404, "not_found")
        error(as_(persona).get(f"/programs/teams/{team['id']}/calendar", params=period), 404, "not_found")
    # Given to him (with his department: a case goes only to someone who can work it), the lighting officer
    # sees the case and so the visit.
    assigned = as_("supervisor").post(
        f"/cases/{case['reference']}/assign", json={"department": "lighting", "assignee": "majid"}
    )
    assert assigned.status_code == 200, assigned.text
    assert as_("field_light").get(url).status_code == 200
    done = as_("field_light").post(f"{url}/complete", json={"work_done": "Renewed the ID at home"})
    assert done.status_code == 200, done.text


def test_an_application_on_a_case_outside_ones_department_is_not_found(as_, housing):
    case = service_request(as_("counter"), channel="counter", category="cleanliness")
    response = submit(as_("counter"), case["reference"], DOCUMENTS)
    assert response.status_code == 201, response.text
    application = response.json()
    url = f"/programs/applications/{application['id']}"
    for persona in ("counter", "researcher", "committee_1", "field_clean", "head_clean", "supervisor"):
        assert as_(persona).get(url).status_code == 200, persona
        assert application["id"] in [a["id"] for a in as_(persona).get("/programs/applications").json()]
    for persona in ("field_light", "women", *OTHER_ORGANIZATION):
        error(as_(persona).get(url), 404, "not_found")
        assert application["id"] not in [a["id"] for a in as_(persona).get("/programs/applications").json()]


def test_a_meetings_agenda_shows_each_member_only_the_files_they_may_see(as_, housing):
    women = as_("women")
    case = service_request(women)
    application = submit(women, case["reference"], DOCUMENTS).json()
    url = f"/programs/applications/{application['id']}"
    assert women.post(f"{url}/check").json()["status"] == "in_research"
    researched = as_("supervisor").post(
        f"{url}/research", json={"assessment": "Widow with three children", "recommendation": "approve"}
    )
    assert researched.status_code == 200, researched.text
    held_at = (datetime.datetime.now(TZ) + datetime.timedelta(days=30)).isoformat()
    meeting = as_("supervisor").post("/programs/meetings", json={"title": "Review", "held_at": held_at})
    meeting = meeting.json()
    agenda = as_("supervisor").post(
        f"/programs/meetings/{meeting['id']}/agenda", json={"application": application["id"]}
    )
    assert agenda.status_code == 200, agenda.text
    assert [a["case"] for a in agenda.json()["agenda"]] == [case["reference"]]
    seen = as_("committee_1").get(f"/programs/meetings/{meeting['id']}")
    assert seen.status_code == 200
    assert seen.json()["agenda"] == [] and case["reference"] not in seen.text


def test_the_audit_trail_names_no_case_the_reader_may_not_see(as_):
    item = _authorization(as_("women"))
    created = as_("women").post(
        f"/programs/authorizations/{item['id']}/cases",
        json={"description": "Renew the family card", "kind": "service_request", "channel": "counter"},
    )
    assert created.status_code == 201, created.text
    reference = created.json()["case"]
    mine = as_("women").get(f"/programs/authorizations/{item['id']}").json()
    assert mine["events"][-1]["data"]["case"] == reference
    # The section's case is not the 940 agent's to know of, not even by its number.
    response = as_("agent").get(f"/programs/authorizations/{item['id']}")
    assert response.status_code == 200
    assert response.json()["events"][-1]["data"]["case"] is None and reference not in response.text


def test_a_persons_phone_is_masked_for_roles_that_do_not_keep_the_register(as_):
    person = as_("counter").post("/programs/people", json={"name": "Abu Salem", "phone": "0551112222"}).json()
    url = f"/programs/people/{person['id']}/history"
    for persona in (*CONTACT, "researcher"):
        assert as_(persona).get(url).json()["person"]["phone"] == "+966551112222", persona
    for persona in ("field_clean", "head_clean", "committee_1"):
        response = as_(persona).get(url)
        assert response.status_code == 200 and "551112222" not in response.text, persona
        assert response.json()["person"]["phone"].endswith("22")
    for persona in OTHER_ORGANIZATION:
        error(as_(persona).get(url), 404, "not_found")


# --- The back office follows the same rules ---------------------------------------------------------------


@pytest.fixture
def page_as(client, staff):
    def get(persona, url):
        client.logout()
        client.force_login(staff[persona])
        client.cookies["django_language"] = "en"
        return client.get(url)

    return get


def test_back_office_visit_pages_follow_the_cases_department_scope(as_, page_as):
    case, visit, team, day = _cleanliness_visit(as_)
    url = f"/staff/programs/visits/{visit['id']}/"
    assert page_as("field_clean", url).status_code == 200
    assert page_as("field_light", url).status_code == 404
    assert page_as("taif_supervisor", url).status_code == 404
    assert case["reference"] in page_as("field_clean", "/staff/programs/visits/").content.decode()
    assert case["reference"] not in page_as("field_light", "/staff/programs/visits/").content.decode()
    calendar = f"/staff/programs/teams/{team['id']}/?start={day.isoformat()}"
    assert case["reference"] in page_as("field_clean", calendar).content.decode()
    assert case["reference"] not in page_as("field_light", calendar).content.decode()


def test_back_office_authorizations_mask_the_document_for_roles_that_do_not_see_contacts(as_, page_as):
    _authorization(as_("counter"))
    assert "WK-2026-1182" in page_as("counter", "/staff/programs/authorizations/").content.decode()
    for persona in ("field_clean", "researcher"):
        html = page_as(persona, "/staff/programs/authorizations/").content.decode()
        assert "Sgt. Fahad Al-Otaibi" in html and "WK-2026" not in html and "182" in html, persona
    assert "Sgt. Fahad" not in page_as("taif_supervisor", "/staff/programs/authorizations/").content.decode()
