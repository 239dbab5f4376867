"""Proxy services (Mansurin, Mutmainnun): an employee acts for a principal under a valid authorization."""

import datetime

import pytest

from khidma.cases.models import Case
from khidma.programs.models import Authorization, ProgramEvent
from tests.programs.conftest import error, service_request

pytestmark = pytest.mark.django_db(transaction=True)


def authorize(client, **fields):
    body = {
        "principal_name": "Sgt. Fahad Al-Otaibi",
        "principal_phone": "0559876543",
        "relationship": "brother",
        "document_reference": "WK-2026-1182",
        "expires_on": (datetime.date.today() + datetime.timedelta(days=90)).isoformat(),
    }
    body.update(fields)
    response = client.post("/programs/authorizations", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def test_a_proxy_submits_and_follows_a_request_for_the_principal(client_for):
    counter = client_for("counter")
    item = authorize(counter)
    assert item["proxy"] == "khalid"
    assert item["valid"] is True
    assert item["principal_phone"] == "+966559876543"

    response = counter.post(
        f"/programs/authorizations/{item['id']}/cases",
        json={"description": "Renew the building permit", "kind": "service_request", "channel": "counter"},
    )
    assert response.status_code == 201, response.text
    reference = response.json()["case"]
    case = Case.objects.get(reference=reference)
    assert case.is_proxy
    assert case.principal_name == "Sgt. Fahad Al-Otaibi"
    assert case.authorization_document == "WK-2026-1182"

    response = counter.post(
        f"/programs/authorizations/{item['id']}/act",
        json={"case": reference, "action": "note", "note": "Called the principal's family"},
    )
    assert response.status_code == 200, response.text
    timeline = counter.get(f"/cases/{reference}").json()["events"]
    assert "On behalf of Sgt. Fahad Al-Otaibi" in timeline[-1]["note"]
    assert "Called the principal's family" in timeline[-1]["note"]

    response = counter.post(
        f"/programs/authorizations/{item['id']}/act",
        json={"case": reference, "action": "hold", "note": "Waiting for the principal's signature"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "on_hold"

    actions = ProgramEvent.objects.filter(subject="authorization", subject_id=item["id"], kind="proxy_action")
    assert [a.data["action"] for a in actions] == ["create", "note", "hold"]
    for action in actions:
        assert action.data["employee"] == "khalid"
        assert action.data["principal"] == "Sgt. Fahad Al-Otaibi"
        assert action.data["document"] == "WK-2026-1182"
    assert [e["kind"] for e in counter.get(f"/programs/authorizations/{item['id']}").json()["events"]] == [
        "created",
        "proxy_action",
        "proxy_action",
        "proxy_action",
    ]


def test_an_expired_authorization_is_refused(client_for):
    counter = client_for("counter")
    case = service_request(client_for("agent"))
    past = (datetime.date.today() - datetime.timedelta(days=2)).isoformat()
    error(
        counter.post(
            "/programs/authorizations",
            json={
                "principal_name": "P",
                "relationship": "son",
                "document_reference": "D",
                "expires_on": past,
            },
        ),
        400,
        "in_past",
    )

    item = authorize(counter)
    Authorization.objects.filter(pk=item["id"]).update(
        expires_on=datetime.date.today() - datetime.timedelta(days=1)
    )
    assert counter.get(f"/programs/authorizations/{item['id']}").json()["valid"] is False
    error(
        counter.post(
            f"/programs/authorizations/{item['id']}/act",
            json={"case": case["reference"], "action": "note", "note": "x"},
        ),
        409,
        "authorization_expired",
    )
    error(
        counter.post(
            f"/programs/authorizations/{item['id']}/cases", json={"description": "d", "channel": "counter"}
        ),
        409,
        "authorization_expired",
    )
    assert not ProgramEvent.objects.filter(kind="proxy_action").exists()


def test_only_the_named_proxy_acts_and_other_organizations_see_nothing(client_for):
    counter = client_for("counter")
    case = service_request(client_for("agent"))
    item = authorize(counter)
    body = {"case": case["reference"], "action": "note", "note": "x"}
    error(
        client_for("agent").post(f"/programs/authorizations/{item['id']}/act", json=body),
        403,
        "not_the_proxy",
    )
    error(
        client_for("field_clean").post(f"/programs/authorizations/{item['id']}/act", json=body),
        403,
        "forbidden",
    )
    error(client_for("field_clean").post("/programs/authorizations", json={}), 403, "forbidden")
    # A supervisor may step in for an absent proxy.
    assert (
        client_for("supervisor").post(f"/programs/authorizations/{item['id']}/act", json=body).status_code
        == 200
    )
    taif = client_for("taif_supervisor")
    error(taif.get(f"/programs/authorizations/{item['id']}"), 404, "not_found")
    error(taif.post(f"/programs/authorizations/{item['id']}/act", json=body), 404, "not_found")
    error(authorize_error(counter, proxy="taif_agent"), 400, "unknown_user")
    missing = counter.post("/programs/authorizations", json={})
    assert {e["field"] for e in error(missing, 400, "required")} >= {
        "principal_name",
        "relationship",
        "document_reference",
        "expires_on",
    }


def authorize_error(client, **fields):
    body = {
        "principal_name": "P",
        "relationship": "son",
        "document_reference": "D",
        "expires_on": "2099-01-01",
    }
    body.update(fields)
    return client.post("/programs/authorizations", json=body)
