"""Personas the programs need besides the shared cast: Latifa the social researcher and three committee
members of Makkah (Saad, Mona, Yusuf), and Makkah's review committee (a quorum of two)."""

import datetime

import pytest

from khidma.accounts.services import user_create
from khidma.programs.committees.services import committee_create
from tests.conftest import PASSWORD

QUORUM = 2


def in_days(days: int) -> str:
    """A meeting time ``days`` from now (committees meet after a file's earliest decision day)."""
    moment = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=3))) + datetime.timedelta(
        days=days
    )
    return moment.replace(hour=18, minute=0, second=0, microsecond=0).isoformat()


@pytest.fixture(autouse=True)
def program_staff(staff, makkah):
    for persona, username, role in [
        ("researcher", "latifa", "researcher"),
        ("committee_1", "saad", "committee"),
        ("committee_2", "mona", "committee"),
        ("committee_3", "yusuf", "committee"),
    ]:
        staff[persona] = user_create(organization=makkah, role=role, username=username, password=PASSWORD)
    return staff


@pytest.fixture(autouse=True)
def review_committee(makkah, program_staff):
    return committee_create(organization=makkah, name="Review committee", quorum=QUORUM, by=None)


def service_request(client, **fields):
    body = {
        "description": "طلب خدمة: كبير سن لا يستطيع الحضور",
        "kind": "service_request",
        "channel": "phone_940",
        "reporter": {"name": "Umm Ali", "phone": "0551234567"},
    }
    body.update(fields)
    response = client.post("/cases", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def error(response, status, code):
    assert response.status_code == status, response.text
    codes = [e["code"] for e in response.json()["errors"]]
    assert code in codes, codes
    return response.json()["errors"]


@pytest.fixture
def housing(client_for):
    response = client_for("admin").post(
        "/programs/request-types",
        json={
            "code": "housing_unit",
            "names": {"ar": "وحدة سكنية", "en": "Housing unit"},
            "required_documents": ["id_copy", "income_proof", "family_record"],
        },
    )
    assert response.status_code == 201, response.text
    return response.json()


def submit(client, reference, documents, person=None, accepted=True):
    body = {
        "request_type": "housing_unit",
        "case": reference,
        "documents": documents,
        "declaration": {"accepted": accepted, "channel": "counter"},
    }
    if person:
        body["person"] = person
    return client.post("/programs/applications", json=body)
