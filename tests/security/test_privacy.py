"""Private cases (the women's section's, complaints, proxies' cases) never reach anyone outside them: not
through duplicate linking, the public "already reported?" list, public tracking, Open311, notifications, the
back office or the admin. Each test reproduces a leak found by trying the platform as a stranger would."""

from __future__ import annotations

import re

import httpx
import pytest
from django.test import Client

from khidma.cases.models import Case, Status
from khidma.outbox.models import OutboundMessage
from tests.conftest import HARAM

pytestmark = pytest.mark.django_db(transaction=True)

RESOLUTION = "Lamp replaced by the section team"  # what the section writes when it fixes the light
POINT = {"lat": HARAM[0], "lon": HARAM[1]}


def _womens_case(client_for, **extra) -> str:
    """Huda of the women's section records a broken street light at a point, for a woman who called."""
    body = {
        "description": "The street light in front of the girls' school is broken",
        "category": "lighting_signs",
        "channel": "phone_940",
        "reporter": {"phone": "0551110001"},
        **POINT,
        **extra,
    }
    response = client_for("women").post("/cases", json=body)
    assert response.status_code == 201, response.text
    reference = response.json()["reference"]
    assert Case.objects.get(reference=reference).womens_section
    return reference


def _resolve(client: httpx.Client, reference: str) -> None:
    assert client.post(f"/cases/{reference}/assign", json={"department": "lighting"}).status_code == 200
    assert client.post(f"/cases/{reference}/start", json={}).status_code == 200
    response = client.post(f"/cases/{reference}/resolve", json={"note": RESOLUTION})
    assert response.status_code == 200, response.text


def _stranger_report(api: httpx.Client, phone: str = "0552220002") -> dict:
    response = api.post(
        "/reports",
        json={
            "description": "Street light broken here",
            "category": "lighting_signs",
            "reporter": {"phone": phone},
            **POINT,
        },
    )
    assert response.status_code == 201, response.text
    return response.json()


def _texts_to(phone_suffix: str) -> str:
    return " ".join(
        OutboundMessage.objects.filter(recipient__endswith=phone_suffix).values_list("text", flat=True)
    )


def test_a_womens_section_case_is_never_the_original_of_a_strangers_report(api, client_for, staff):
    women_ref = _womens_case(client_for)
    stranger = _stranger_report(api)

    assert stranger["status"] != Status.DUPLICATE
    assert Case.objects.get(reference=stranger["reference"]).duplicate_of_id is None
    assert women_ref not in _texts_to("552220002")

    # Fixing the women's case tells its own reporter, and nobody else.
    _resolve(client_for("women"), women_ref)
    assert RESOLUTION not in _texts_to("552220002")
    assert RESOLUTION in _texts_to("551110001")


def test_public_reports_are_still_linked_to_an_open_public_original(api, client_for, staff):
    first = _stranger_report(api, phone="0553330003")
    second = _stranger_report(api)
    assert second["status"] == Status.DUPLICATE
    assert first["reference"] in _texts_to("552220002")


def test_the_public_nearby_list_never_shows_a_private_case(api, client_for, staff):
    women_ref = _womens_case(client_for)
    complaint = client_for("agent").post(
        "/cases",
        json={
            "description": "A complaint about the lamp outside my house",
            "category": "lighting_signs",
            "kind": "complaint",
            "reporter": {"phone": "0554440004"},
            **POINT,
        },
    )
    assert complaint.status_code == 201, complaint.text
    public = _stranger_report(api, phone="0553330003")

    nearby = api.get("/reports/nearby", params={**POINT, "category": "lighting_signs"})
    assert nearby.status_code == 200
    listed = {row["reference"] for row in nearby.json()}
    assert listed == {public["reference"]}
    assert women_ref not in listed and complaint.json()["reference"] not in listed


def _reporter_link(phone_suffix: str) -> str:
    """The tracking link in the first message the reporter was sent."""
    text = OutboundMessage.objects.filter(recipient__endswith=phone_suffix).order_by("id").first().text
    return re.search(r"(/track/\S+)", text).group(1)


def test_public_tracking_shows_a_private_cases_notes_only_to_its_reporter(
    api, client_for, staff, live_server
):
    women_ref = _womens_case(client_for)
    _resolve(client_for("women"), women_ref)

    # A stranger who knows or guesses the number: the steps, not the notes.
    by_number = api.get(f"/reports/{women_ref}")
    assert by_number.status_code == 200
    assert RESOLUTION not in by_number.text
    assert all(item["note"] == "" for item in by_number.json()["timeline"])
    page = httpx.get(f"{live_server.url}/track/{women_ref}")
    assert page.status_code == 200 and RESOLUTION not in page.text

    # The reporter, with the link she was texted.
    link = _reporter_link("551110001")
    assert "?k=" in link
    key = link.split("?k=")[1]
    assert RESOLUTION in api.get(f"/reports/{women_ref}", params={"k": key}).text
    assert RESOLUTION in httpx.get(f"{live_server.url}{link}").text
    # A wrong key is no key.
    assert RESOLUTION not in api.get(f"/reports/{women_ref}", params={"k": "aaaaaaaaaa"}).text


def test_a_public_reports_link_carries_no_key_and_its_notes_are_public(api, client_for, staff):
    report = _stranger_report(api)
    assert "?k=" not in report["tracking_url"]
    assert "?k=" not in _reporter_link("552220002")


def test_open311_never_gives_a_private_cases_notes(api, client_for, staff, live_server):
    from khidma.open311.models import ApiKey  # noqa: F401  (the app is installed)

    women_ref = _womens_case(client_for)
    _resolve(client_for("women"), women_ref)
    for suffix in ("", "?extensions=true"):
        response = httpx.get(f"{live_server.url}/open311/v2/requests/{women_ref}.json{suffix}")
        assert response.status_code == 200, response.text
        assert RESOLUTION not in response.text
        assert response.json()[0]["status_notes"] is None


def test_an_sms_status_question_gives_a_stranger_no_key(client_for, staff, live_server):
    from khidma.channels.replies import handle_command
    from khidma.organizations.models import Organization

    women_ref = _womens_case(client_for)
    makkah = Organization.objects.get(slug="makkah")
    handle_command(makkah, channel="sms", sender="+966559990009", text=f"status {women_ref}", language="en")
    answer = OutboundMessage.objects.filter(recipient="+966559990009").get()
    assert women_ref in answer.text and "?k=" not in answer.text


def test_staff_cannot_link_across_the_womens_section(client_for, staff):
    public_ref = client_for("agent").post(
        "/cases",
        json={
            "description": "Light broken",
            "category": "lighting_signs",
            "reporter": {"phone": "0553330003"},
        },
    )
    assert public_ref.status_code == 201
    public_ref = public_ref.json()["reference"]
    women_ref = _womens_case(client_for, lat=None, lon=None)

    # The supervisor sees both, and still may not link them either way.
    supervisor = client_for("supervisor")
    for case, original in ((women_ref, public_ref), (public_ref, women_ref)):
        response = supervisor.post(f"/cases/{case}/duplicate", json={"duplicate_of": original})
        assert response.status_code == 400, response.text
        assert response.json()["errors"][0]["code"] == "private_original"


def test_another_agents_case_page_does_not_show_a_womens_section_reference(client_for, staff):
    """A link made before the rule existed is not followed on the case page of someone outside the section."""
    women_ref = _womens_case(client_for)
    public = client_for("agent").post(
        "/cases",
        json={
            "description": "Light broken",
            "category": "lighting_signs",
            "reporter": {"phone": "0553330003"},
        },
    )
    public_ref = public.json()["reference"]
    Case.objects.filter(reference=public_ref).update(
        duplicate_of=Case.objects.get(reference=women_ref), status=Status.DUPLICATE
    )
    browser = Client()
    browser.force_login(staff["agent"])
    page = browser.get(f"/staff/cases/{public_ref}/")
    assert page.status_code == 200
    assert women_ref not in page.content.decode()


def test_the_organization_admin_does_not_see_womens_section_cases_in_the_admin(client_for, staff):
    women_ref = _womens_case(client_for)
    women_case = Case.objects.get(reference=women_ref)
    public_ref = (
        client_for("agent")
        .post(
            "/cases",
            json={
                "description": "Light broken",
                "category": "lighting_signs",
                "reporter": {"phone": "0553330003"},
            },
        )
        .json()["reference"]
    )
    browser = Client()
    browser.force_login(staff["admin"])
    listing = browser.get("/admin/cases/case/")
    assert listing.status_code == 200
    assert public_ref in listing.content.decode()
    assert women_ref not in listing.content.decode()
    assert browser.get("/admin/cases/case/", {"q": women_ref}).context["cl"].result_count == 0
    change = browser.get(f"/admin/cases/case/{women_case.pk}/change/")
    assert change.status_code in (302, 404)
    assert women_ref not in change.content.decode()


def test_field_staff_see_a_proxy_cases_document_masked(client_for, staff):
    """A soldier's family files through an agent: the authorization document is personal data, masked for
    roles that do not talk to reporters (in the API and on the case page)."""
    created = client_for("agent").post(
        "/cases",
        json={
            "description": "Streetlight broken in front of the house",
            "category": "lighting_signs",
            "principal": {"name": "Saeed", "relationship": "son", "document": "AUTH-99887766"},
        },
    )
    assert created.status_code == 201, created.text
    reference = created.json()["reference"]
    assert client_for("agent").get(f"/cases/{reference}").json()["principal"]["document"] == "AUTH-99887766"
    seen = client_for("field_light").get(f"/cases/{reference}")
    assert seen.status_code == 200
    assert "99887766" not in seen.text
    browser = Client()
    browser.force_login(staff["field_light"])
    page = browser.get(f"/staff/cases/{reference}/")
    assert page.status_code == 200 and "99887766" not in page.content.decode()
