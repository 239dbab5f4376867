"""Association requests: submission with a declaration, the completeness check, social research, the
committee meeting and its decision (never before the minimum days), registration and delivery."""

import datetime

import pytest

from khidma.outbox.models import OutboundMessage
from khidma.programs.models import Application
from tests.programs.conftest import error, in_days, service_request, submit

pytestmark = pytest.mark.django_db(transaction=True)


def age(application_id, days):
    """Time passes: the application was submitted `days` ago."""
    Application.objects.filter(pk=application_id).update(
        submitted_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=days)
    )


def ready_for_committee(client_for, documents=("id_copy", "income_proof", "family_record")):
    counter = client_for("counter")
    case = service_request(counter, channel="counter")
    application = submit(counter, case["reference"], list(documents)).json()
    assert counter.post(f"/programs/applications/{application['id']}/check").json()["status"] == "in_research"
    response = client_for("researcher").post(
        f"/programs/applications/{application['id']}/research",
        json={"assessment": "Family of six in a rented room", "recommendation": "approve"},
    )
    assert response.status_code == 200, response.text
    return case, application


def test_the_whole_path_from_submission_to_delivery(client_for, housing):
    assert housing["min_decision_days"] == 14
    assert housing["max_decision_days"] == 30
    counter = client_for("counter")
    person = counter.post(
        "/programs/people", json={"name": "Umm Ali", "phone": "0551234567", "roles": ["member"]}
    ).json()
    case = service_request(counter, channel="counter")
    response = submit(counter, case["reference"], ["id_copy", "family_record"], person=person["id"])
    assert response.status_code == 201, response.text
    application = response.json()
    assert application["status"] == "submitted"
    assert application["declaration"]["channel"] == "counter"
    assert application["declaration"]["at"] == application["submitted_at"]
    submitted = datetime.datetime.fromisoformat(application["submitted_at"])
    assert datetime.datetime.fromisoformat(application["decision_due_at"]) == submitted + datetime.timedelta(
        days=30
    )
    assert datetime.datetime.fromisoformat(
        application["earliest_decision_at"]
    ) == submitted + datetime.timedelta(days=14)
    app_url = f"/programs/applications/{application['id']}"

    # Incomplete: back to the applicant with what is missing.
    checked = counter.post(f"{app_url}/check").json()
    assert checked["status"] == "incomplete"
    assert checked["missing_documents"] == ["income_proof"]
    detail = counter.get(f"/cases/{case['reference']}").json()
    assert detail["status"] == "on_hold"
    # The applicant is told what to bring in words, in the case's language — never the item's code.
    assert (
        "إثبات الدخل" in detail["events"][-1]["note"] and "income_proof" not in detail["events"][-1]["note"]
    )
    assert OutboundMessage.objects.filter(case__reference=case["reference"], template="question").exists()
    researcher = client_for("researcher")
    error(
        researcher.post(f"{app_url}/research", json={"assessment": "x", "recommendation": "approve"}),
        409,
        "incomplete",
    )

    # Re-submission adds the document; nothing already given is lost.
    resubmitted = counter.post(f"{app_url}/documents", json={"documents": ["income_proof"]}).json()
    assert resubmitted["status"] == "submitted"
    assert resubmitted["documents"] == ["id_copy", "family_record", "income_proof"]
    assert counter.get(f"/cases/{case['reference']}").json()["status"] != "on_hold"
    assert counter.post(f"{app_url}/check").json()["status"] == "in_research"

    researched = researcher.post(
        f"{app_url}/research", json={"assessment": "Six people, one room", "recommendation": "approve"}
    ).json()
    assert researched["status"] == "researched"
    assert researched["researcher"] == "latifa"

    chair = client_for("committee_1")
    meeting = chair.post(
        "/programs/meetings", json={"title": "Housing committee", "held_at": in_days(20)}
    ).json()
    meeting_url = f"/programs/meetings/{meeting['id']}"
    agenda = chair.post(f"{meeting_url}/agenda", json={"application": application["id"]}).json()
    assert [a["application"] for a in agenda["agenda"]] == [application["id"]]
    for persona, vote in [("committee_1", "approve"), ("committee_2", "approve"), ("committee_3", "reject")]:
        response = client_for(persona).post(
            f"{meeting_url}/votes", json={"application": application["id"], "vote": vote}
        )
        assert response.status_code == 200, response.text
    assert chair.get(meeting_url).json()["agenda"][0]["votes"] == {
        "saad": "approve",
        "mona": "approve",
        "yusuf": "reject",
    }

    decide = {
        "minutes": "Quorum present.",
        "decisions": [{"application": application["id"], "reasons": "Meets the criteria"}],
    }
    errors = error(chair.post(f"{meeting_url}/decide", json=decide), 409, "too_early")
    assert errors[0]["field"] == "decisions.0.application"
    assert counter.get(app_url).json()["status"] == "in_committee"

    age(application["id"], 15)
    response = chair.post(f"{meeting_url}/decide", json=decide)
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "decided"
    assert response.json()["minutes"] == "Quorum present."
    decided = counter.get(app_url).json()
    assert decided["status"] == "approved"
    assert decided["decision_reasons"] == "Meets the criteria"
    told = [
        e
        for e in counter.get(f"/cases/{case['reference']}").json()["events"]
        if e["public"] and e["kind"] == "note"
    ]
    assert "Meets the criteria" in told[-1]["note"]
    error(chair.post(f"{meeting_url}/decide", json=decide), 409, "invalid_transition")

    registered = counter.post(f"{app_url}/register", json={}).json()
    assert registered["status"] == "registered"
    assert registered["registration_number"] == case["reference"]
    delivered = counter.post(f"{app_url}/deliver", json={"note": "Keys handed over"}).json()
    assert delivered["status"] == "delivered"
    assert counter.get(f"/cases/{case['reference']}").json()["status"] == "resolved"
    assert [e["kind"] for e in delivered["events"]] == [
        "submitted",
        "returned_incomplete",
        "documents_added",
        "complete",
        "researched",
        "on_agenda",
        "approved",
        "registered",
        "delivered",
    ]

    history = counter.get(f"/programs/people/{person['id']}/history").json()
    assert [c["reference"] for c in history["cases"]] == [case["reference"]]
    assert [a["id"] for a in history["applications"]] == [application["id"]]
    assert "beneficiary" in history["person"]["roles"]


def test_a_recorded_rejection_closes_the_case_with_the_reasons(client_for, housing):
    case, application = ready_for_committee(client_for)
    supervisor = client_for("supervisor")
    meeting = supervisor.post("/programs/meetings", json={"title": "M", "held_at": in_days(20)}).json()
    supervisor.post(f"/programs/meetings/{meeting['id']}/agenda", json={"application": application["id"]})
    for persona in ("committee_1", "committee_2"):  # the quorum
        vote = {"application": application["id"], "vote": "reject"}
        assert (
            client_for(persona).post(f"/programs/meetings/{meeting['id']}/votes", json=vote).status_code
            == 200
        )
    age(application["id"], 20)
    body = {
        "minutes": "m",
        "decisions": [{"application": application["id"], "decision": "reject", "reasons": "Owns a house"}],
    }
    assert supervisor.post(f"/programs/meetings/{meeting['id']}/decide", json=body).status_code == 200
    assert supervisor.get(f"/programs/applications/{application['id']}").json()["status"] == "rejected"
    detail = supervisor.get(f"/cases/{case['reference']}").json()
    assert detail["status"] == "rejected"
    assert detail["events"][-1]["note"] == "Owns a house"


def test_a_tie_needs_a_recorded_decision(client_for, housing):
    _case, application = ready_for_committee(client_for)
    chair = client_for("committee_1")
    meeting = chair.post("/programs/meetings", json={"title": "M", "held_at": in_days(20)}).json()
    url = f"/programs/meetings/{meeting['id']}"
    chair.post(f"{url}/agenda", json={"application": application["id"]})
    chair.post(f"{url}/votes", json={"application": application["id"], "vote": "approve"})
    client_for("committee_2").post(f"{url}/votes", json={"application": application["id"], "vote": "reject"})
    age(application["id"], 14)
    body = {"minutes": "m", "decisions": [{"application": application["id"], "reasons": "r"}]}
    error(chair.post(f"{url}/decide", json=body), 400, "no_decision")


def test_refusals_and_roles(client_for, housing):
    counter = client_for("counter")
    case = service_request(counter, channel="counter")
    error(submit(counter, case["reference"], ["id_copy"], accepted=False), 400, "declaration_required")
    error(
        client_for("field_clean").post("/programs/request-types", json={"code": "x", "names": {"en": "X"}}),
        403,
        "forbidden",
    )
    error(counter.post("/programs/request-types", json={"code": "x", "names": {"en": "X"}}), 403, "forbidden")
    error(
        client_for("admin").post(
            "/programs/request-types", json={"code": "housing_unit", "names": {"en": "X"}}
        ),
        409,
        "already_exists",
    )
    error(
        client_for("admin").post(
            "/programs/request-types",
            json={"code": "y", "names": {"en": "Y"}, "min_decision_days": 20, "max_decision_days": 10},
        ),
        400,
        "invalid",
    )
    application = submit(counter, case["reference"], ["id_copy"]).json()
    error(submit(counter, case["reference"], ["id_copy"]), 409, "already_exists")
    url = f"/programs/applications/{application['id']}"
    error(
        counter.post(f"{url}/research", json={"assessment": "x", "recommendation": "approve"}),
        403,
        "forbidden",
    )
    error(client_for("committee_1").post(f"{url}/check"), 403, "forbidden")
    error(counter.post(f"{url}/register", json={}), 409, "invalid_transition")

    _case2, ready = ready_for_committee(client_for)
    supervisor = client_for("supervisor")
    meeting = supervisor.post("/programs/meetings", json={"title": "M", "held_at": in_days(20)}).json()
    murl = f"/programs/meetings/{meeting['id']}"
    error(
        counter.post("/programs/meetings", json={"title": "M", "held_at": in_days(20)}),
        403,
        "forbidden",
    )
    error(supervisor.post(f"{murl}/agenda", json={"application": application["id"]}), 409, "not_ready")
    error(
        client_for("committee_1").post(f"{murl}/votes", json={"application": ready["id"], "vote": "approve"}),
        409,
        "not_on_agenda",
    )
    supervisor.post(f"{murl}/agenda", json={"application": ready["id"]})
    error(
        supervisor.post(f"{murl}/votes", json={"application": ready["id"], "vote": "approve"}),
        403,
        "forbidden",
    )

    taif = client_for("taif_supervisor")
    error(taif.get(url), 404, "not_found")
    error(taif.post(f"{url}/check"), 404, "not_found")
    error(taif.get(murl), 404, "not_found")
    error(
        taif.post(
            f"{murl}/decide",
            json={
                "minutes": "m",
                "decisions": [{"application": ready["id"], "decision": "approve", "reasons": "r"}],
            },
        ),
        404,
        "not_found",
    )
    assert taif.get("/programs/applications").json() == []
    assert taif.get("/programs/request-types").json() == []
    error(
        taif.post(
            "/programs/applications",
            json={
                "request_type": "housing_unit",
                "case": case["reference"],
                "declaration": {"accepted": True, "channel": "counter"},
            },
        ),
        404,
        "not_found",
    )
