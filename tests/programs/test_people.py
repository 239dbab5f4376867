"""People an association serves, and their history across requests."""

import pytest

from tests.programs.conftest import error, service_request

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_persons_history_lists_their_cases(client_for):
    counter = client_for("counter")
    response = counter.post(
        "/programs/people",
        json={"name": "Abu Salem", "phone": "0551112222", "roles": ["volunteer", "supporter"]},
    )
    assert response.status_code == 201, response.text
    person = response.json()
    assert person["phone"] == "+966551112222"
    first = service_request(counter, channel="counter")
    second = service_request(counter, channel="counter")
    for case in (first, second, first):
        assert (
            counter.post(
                f"/programs/people/{person['id']}/cases", json={"case": case["reference"]}
            ).status_code
            == 200
        )
    history = counter.get(f"/programs/people/{person['id']}/history").json()
    assert sorted(c["reference"] for c in history["cases"]) == sorted(
        [first["reference"], second["reference"]]
    )
    assert history["applications"] == []


def test_people_refusals(client_for):
    counter = client_for("counter")
    error(counter.post("/programs/people", json={"name": "X", "roles": ["king"]}), 400, "invalid_choice")
    error(counter.post("/programs/people", json={"name": "", "roles": []}), 400, "required")
    error(counter.post("/programs/people", json={"name": "X", "phone": "12"}), 400, "invalid_phone")
    error(client_for("field_clean").post("/programs/people", json={"name": "X"}), 403, "forbidden")
    person = counter.post("/programs/people", json={"name": "X"}).json()
    taif = client_for("taif_supervisor")
    error(taif.get(f"/programs/people/{person['id']}/history"), 404, "not_found")
    taif_case = service_request(client_for("taif_agent"))
    error(
        counter.post(f"/programs/people/{person['id']}/cases", json={"case": taif_case["reference"]}),
        404,
        "not_found",
    )
