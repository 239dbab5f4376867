"""Nothing about a reporter ever leaves through Open311, and each jurisdiction sees only its own data."""

import pytest

from khidma.cases import services as cases
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case
from khidma.open311.models import Submission
from tests.open311 import schemas
from tests.open311.conftest import error_descriptions, post_request, pothole

pytestmark = pytest.mark.django_db(transaction=True)

PERSONAL = {
    "first_name": "Zubaida",
    "last_name": "Qasimi",
    "phone": "0551234567",
    "email": "zubaida.q@example.org",
    "device_id": "device-4c1f",
    "account_id": "acct-zq-88",
}
NEEDLES = ["Zubaida", "Qasimi", "551234567", "zubaida.q", "device-4c1f", "acct-zq-88"]


def test_no_personal_data_in_any_answer(o311, key, roads, staff, makkah):
    created = post_request(o311, pothole(api_key=key, **PERSONAL))
    assert created.status_code == 201
    # The creating client gets its own account_id back, and nothing else about the person.
    assert all(n not in created.text for n in NEEDLES if n != "acct-zq-88")
    reference = created.json()[0]["service_request_id"]
    # Another channel's reporter, too.
    other = cases.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="Broken lamp",
            language="en",
            channel="phone_940",
            service_point="call_centre",
            category="lighting_signs",
            reporter=Reporter(name="Zubaida Qasimi", phone="0551234567", email="zubaida.q@example.org"),
        )
    ).case
    cases.case_hold(case=other, by=staff["agent"], reason="Asked for the pole number.")
    o311.post(
        "/servicerequestupdates.json",
        data={
            "api_key": key,
            "service_request_id": reference,
            "description": "Still there.",
            **{k: PERSONAL[k] for k in ("first_name", "last_name", "email")},
        },
    )
    paths = [
        ("/discovery", {}),
        ("/services", {}),
        ("/services/roads_sidewalks", {}),
        ("/requests", {}),
        ("/requests", {"extensions": "true"}),
        ("/requests", {"service_request_id": f"{reference},{other.reference}", "extensions": "true"}),
        (f"/requests/{reference}", {"extensions": "true"}),
        (f"/requests/{other.reference}", {}),
        (f"/tokens/{reference}", {}),
        ("/servicerequestupdates", {}),
        ("/servicerequestupdates", {"extensions": "true"}),
    ]
    for path, params in paths:
        for fmt in ("xml", "json"):
            response = o311.get(f"{path}.{fmt}", params=params)
            assert response.status_code == 200, (path, response.text)
            for needle in NEEDLES:
                assert needle not in response.text, (path, fmt, needle)
    assert Case.objects.get(reference=reference).reporter_email == PERSONAL["email"]
    assert Submission.objects.get(case__reference=reference).device_id == PERSONAL["device_id"]


def test_each_jurisdiction_sees_only_its_own_services_and_requests(o311, key, taif_key, roads, fetch, taif):
    makkah_ref = post_request(o311, pothole(api_key=key)).json()[0]["service_request_id"]
    taif_form = {
        "api_key": taif_key,
        "service_code": "cleanliness",
        "description": "Taif bins",
        "address_string": "Shubra",
    }
    taif_ref = post_request(o311, {**taif_form, "jurisdiction_id": "taif"}).json()[0]["service_request_id"]
    # Reference numbers are per organization: both may well be the same digits.
    assert makkah_ref == taif_ref

    taif_services = fetch("/services", schemas.SERVICES, params={"jurisdiction_id": "taif"}).json
    assert [s["service_code"] for s in taif_services] == ["cleanliness"]
    fetch("/services/roads_sidewalks", schemas.ERRORS, status=404, params={"jurisdiction_id": "taif"})

    taif_requests = fetch("/requests", schemas.REQUESTS, params={"jurisdiction_id": "taif"}).json
    assert [r["description"] for r in taif_requests] == ["Taif bins"]
    makkah_requests = fetch("/requests", schemas.REQUESTS, params={"jurisdiction_id": "makkah"}).json
    assert [r["description"] for r in makkah_requests] == ["Deep pothole in the right lane"]
    # Without jurisdiction_id, reads serve the installation's default organization (Makkah).
    assert fetch("/requests", schemas.REQUESTS).json == makkah_requests
    one = fetch(f"/requests/{taif_ref}", schemas.REQUESTS, params={"jurisdiction_id": "taif"}).json
    assert one[0]["description"] == "Taif bins"
    taif_updates = fetch("/servicerequestupdates", schemas.UPDATES, params={"jurisdiction_id": "taif"}).json
    assert {u["service_request_id"] for u in taif_updates} == {taif_ref}
    assert len(taif_updates) == 2  # received, triaged: none of Makkah's


def test_a_taif_request_is_not_found_in_makkah(o311, taif_key, fetch, makkah, taif):
    form = {
        "api_key": taif_key,
        "service_code": "cleanliness",
        "description": "Taif only",
        "address_string": "Hawiyah",
    }
    taif_ref = post_request(o311, form).json()[0]["service_request_id"]
    fetch(f"/requests/{taif_ref}", schemas.ERRORS, status=404, params={"jurisdiction_id": "makkah"})
    assert fetch("/requests", schemas.REQUESTS, params={"service_request_id": taif_ref}).json == []


def test_an_unknown_jurisdiction_is_404(o311, makkah, fetch):
    for path in ("/services", "/requests", "/servicerequestupdates", "/discovery"):
        fetch(path, schemas.ERRORS, status=404, params={"jurisdiction_id": "jeddah"})
    assert error_descriptions(o311.get("/services.json", params={"jurisdiction_id": "jeddah"})) == [
        "jurisdiction_id: Unknown jurisdiction."
    ]


def test_with_a_single_organization_the_jurisdiction_may_be_omitted(fetch, taif, settings):
    settings.KHIDMA_DEFAULT_ORGANIZATION = "not-installed"
    assert [s["service_code"] for s in fetch("/services", schemas.SERVICES).json] == ["cleanliness"]


def test_with_several_organizations_and_no_default_the_jurisdiction_is_needed(fetch, makkah, taif, settings):
    settings.KHIDMA_DEFAULT_ORGANIZATION = "not-installed"
    fetch("/services", schemas.ERRORS, status=404)
