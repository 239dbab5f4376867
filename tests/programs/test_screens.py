"""The programs' back-office screens (/staff/programs/): walk-ins at the counter, the volume heat map, home
visits and team calendars, proxy authorizations, applicant files and committee meetings; every refusal shown
on the page with the API's status, roles and other organizations kept out."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from khidma.cases import services as case_services
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.core import clock
from khidma.organizations.models import ServicePoint
from khidma.programs.applications import services as applications
from khidma.programs.models import (
    Application,
    Authorization,
    Meeting,
    ProgramEvent,
    UnitStop,
    Visit,
    WalkIn,
)
from khidma.programs.units import services as units
from khidma.programs.visits import services as visits

pytestmark = pytest.mark.django_db

RIYADH = ZoneInfo("Asia/Riyadh")
P = "/staff/programs"


@pytest.fixture
def login(client, staff):
    def as_(persona):
        client.logout()
        client.force_login(staff[persona])
        client.cookies["django_language"] = "en"
        return client

    return as_


def page(response) -> str:
    return response.content.decode()


def service_request(makkah, **extra):
    return case_services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="Elderly man cannot come to the office",
            channel="phone_940",
            kind="service_request",
            language="ar",
            **extra,
            reporter=Reporter(phone="0551234567"),
        )
    ).case


# --- Walk-ins ----------------------------------------------------------------------------------------------


def test_a_counter_agent_records_a_walk_in_with_defaults_from_their_post(login, makkah):
    hq = ServicePoint.objects.get(code="hq")
    hq.opening_hours = {d: [["00:00", "24:00"]] for d in ("sun", "mon", "tue", "wed", "thu", "fri", "sat")}
    hq.save()
    client = login("counter")
    form = page(client.get(f"{P}/walk-ins/"))
    assert 'name="service" required autofocus' in form
    assert 'name="service_point"' not in form  # one post: nothing to choose
    response = client.post(
        f"{P}/walk-ins/", {"service": "printing", "language": "ur", "category": "cleanliness"}
    )
    assert response.status_code == 302
    assert "language=ur" in response["Location"] and "service=printing" in response["Location"]
    item = WalkIn.objects.get()
    assert (item.service_point.code, item.service, item.language, item.category.code) == (
        "hq",
        "printing",
        "ur",
        "cleanliness",
    )
    assert item.out_of_hours is False and item.recorded_by.username == "khalid"
    again = page(client.get(response["Location"]))
    assert "Walk-in recorded." in again
    assert '<option value="printing" selected>' in again  # the next person is usually like the last one

    refused = client.post(f"{P}/walk-ins/", {"service": "", "language": "ar", "case": "2600000000"})
    assert refused.status_code in (400, 404)
    assert 'role="alert"' in page(refused) and WalkIn.objects.count() == 1


def test_a_walk_in_out_of_hours_is_kept_and_flagged(login, makkah):
    client = login("counter")  # hq has no hours in these tests: always closed
    response = client.post(f"{P}/walk-ins/", {"service": "inquiry", "language": "ar"}, follow=True)
    assert WalkIn.objects.get().out_of_hours is True
    assert "flagged" in page(response)


def test_walk_in_screen_is_refused_to_roles_without_a_counter(login):
    assert login("field_clean").get(f"{P}/walk-ins/").status_code == 403
    assert (
        login("field_clean").post(f"{P}/walk-ins/", {"service": "inquiry", "language": "ar"}).status_code
        == 403
    )
    assert not WalkIn.objects.exists()


# --- Volume ------------------------------------------------------------------------------------------------


def _walkins(staff, n, day):
    hq = ServicePoint.objects.get(code="hq")
    for i in range(n):
        with clock.at(datetime.datetime.combine(day, datetime.time(9 + i % 3, 10), tzinfo=RIYADH)):
            units.walkin_record(service_point=hq, by=staff["counter"], service="inquiry", language="ar")


def test_the_volume_heat_map_shows_counts_shades_and_totals_in_constant_queries(login, staff):
    day = datetime.datetime.now(RIYADH).date() - datetime.timedelta(days=1)
    _walkins(staff, 3, day)
    client = login("supervisor")
    url = f"{P}/volume/?start={day.isoformat()}&end={day.isoformat()}"
    with CaptureQueriesContext(connection) as few:
        html = page(client.get(url))
    assert '<span id="total">3</span>' in html
    assert 'data-point="hq"' in html and 'class="h5"' in html  # the busiest cell is the darkest
    _walkins(staff, 30, day)
    with CaptureQueriesContext(connection) as many:
        html = page(client.get(url))
    assert '<span id="total">33</span>' in html
    assert len(many) == len(few)
    assert login("counter").get(url).status_code == 403
    assert login("supervisor").get(f"{P}/volume/?start=2026-01-10&end=2026-01-01").status_code == 400


# --- Mobile units ------------------------------------------------------------------------------------------


def test_stops_are_planned_on_the_screen_and_a_double_booked_car_is_refused(login, makkah):
    ServicePoint.objects.create(organization=makkah, code="car_1", kind="mobile_car", names={"en": "Car 1"})
    client = login("supervisor")
    stop = {
        "unit": "car_1",
        "place": "Al-Ruwais Park",
        "lat": "21.45",
        "lon": "39.82",
        "weekdays": ["thu", "fri"],
    }
    assert client.post(f"{P}/stops/", {**stop, "starts": "16:00", "ends": "22:00"}).status_code == 302
    clash = client.post(f"{P}/stops/", {**stop, "weekdays": ["fri"], "starts": "20:00", "ends": "23:00"})
    assert clash.status_code == 409 and "already at Al-Ruwais Park" in page(clash)
    assert UnitStop.objects.count() == 1
    index = page(client.get(f"{P}/"))
    assert "Al-Ruwais Park" in index  # where the car is this week
    assert (
        login("counter")
        .post(f"{P}/stops/", {**stop, "weekdays": ["sat"], "starts": "16:00", "ends": "22:00"})
        .status_code
        == 403
    )


# --- Home visits -------------------------------------------------------------------------------------------


def test_home_visit_screens_schedule_refuse_double_booking_show_the_calendar_and_record_done(
    login, makkah, staff
):
    team = visits.team_create(organization=makkah, name="Team A", by=staff["admin"])
    # The first is the cleanliness officer's to complete: field staff work their department's cases.
    first, second = service_request(makkah, category="cleanliness"), service_request(makkah)
    client = login("agent")
    response = client.post(f"{P}/visits/", {"case": first.reference, "reason": "elderly", "note": "85"})
    assert response.status_code == 302
    visit = Visit.objects.get(case=first)
    other = visits.visit_record_eligibility(case=second, reason="ill", by=staff["agent"])
    day = (datetime.datetime.now(RIYADH) + datetime.timedelta(days=3)).date().isoformat()
    booked = client.post(
        f"{P}/visits/{visit.pk}/",
        {"op": "schedule", "team": team.pk, "date": day, "starts": "09:00", "ends": "11:00"},
    )
    assert booked.status_code == 302
    visit.refresh_from_db()
    assert visit.status == "scheduled" and visit.starts_at.astimezone(RIYADH).hour == 9

    clash = client.post(
        f"{P}/visits/{other.pk}/",
        {"op": "schedule", "team": team.pk, "date": day, "starts": "10:00", "ends": "12:00"},
    )
    assert clash.status_code == 409
    assert "Team A already has a visit from" in page(clash) and 'data-code="team_double_booked"' in page(
        clash
    )
    assert 'value="10:00"' in page(clash)  # what was typed is kept
    other.refresh_from_db()
    assert other.status == "eligible"
    client.cookies["django_language"] = "ar"  # the refusal in the person's language
    arabic = client.post(
        f"{P}/visits/{other.pk}/",
        {"op": "schedule", "team": team.pk, "date": day, "starts": "10:00", "ends": "12:00"},
    )
    assert arabic.status_code == 409 and "لدى Team A زيارة من" in page(arabic)
    client.cookies["django_language"] = "en"

    calendar = page(client.get(f"{P}/teams/{team.pk}/?start={day}"))
    assert first.reference in calendar and "09:00" in calendar

    assert (
        login("agent").post(f"{P}/visits/{visit.pk}/", {"op": "complete", "work_done": "x"}).status_code
        == 403
    )
    done = login("field_clean").post(
        f"{P}/visits/{visit.pk}/",
        {"op": "complete", "work_done": "Renewed the ID at home", "documents": "id_copy\nphoto"},
    )
    assert done.status_code == 302
    visit.refresh_from_db()
    assert visit.status == "completed" and visit.documents_collected == ["id_copy", "photo"]
    assert login("taif_supervisor").get(f"{P}/visits/{visit.pk}/").status_code == 404
    assert login("taif_supervisor").get(f"{P}/teams/{team.pk}/").status_code == 404


# --- Proxy authorizations ----------------------------------------------------------------------------------


def test_authorizations_are_listed_created_and_an_expired_one_refused(login, makkah):
    client = login("counter")
    future = (datetime.datetime.now(RIYADH) + datetime.timedelta(days=90)).date().isoformat()
    body = {
        "principal_name": "Salem Al-Otaibi",
        "relationship": "brother",
        "document_reference": "POA 1448/221",
        "expires_on": future,
        "proxy": "sara",
    }
    assert client.post(f"{P}/authorizations/", body).status_code == 302
    item = Authorization.objects.get()
    assert item.proxy.username == "sara"
    assert "Salem Al-Otaibi" in page(client.get(f"{P}/authorizations/"))
    expired = client.post(
        f"{P}/authorizations/", {**body, "principal_name": "Old", "expires_on": "2020-01-01"}
    )
    assert expired.status_code == 400 and "already expired" in page(expired)
    assert 'value="Old"' in page(expired)
    assert Authorization.objects.count() == 1
    assert login("field_clean").post(f"{P}/authorizations/", body).status_code == 403
    assert "Salem" not in page(login("taif_supervisor").get(f"{P}/authorizations/"))


# --- Association applications and the committee ------------------------------------------------------------


def test_the_applicant_file_through_check_research_committee_and_decision(login, makkah, staff):
    kind = applications.request_type_create(
        organization=makkah,
        code="support",
        names={"en": "Support request"},
        required_documents=["national_id", "income_proof"],
        min_decision_days=14,
        by=staff["admin"],
    )
    case = service_request(makkah)
    application = applications.application_submit(
        request_type=kind,
        case=case,
        declaration_accepted=True,
        declaration_channel="counter",
        documents=["national_id"],
        by=staff["counter"],
    )
    url = f"{P}/applications/{application.pk}/"
    researcher = login("researcher")
    assert "Support request" in page(researcher.get(url))
    assert researcher.post(url, {"op": "check"}).status_code == 302
    application.refresh_from_db()
    assert application.status == "incomplete" and application.missing_documents == ["income_proof"]
    checklist = page(researcher.get(url))
    assert (  # items by name, never by code
        '<li class="missing">✗ Proof of income</li>' in checklist
        and '<li class="given">✓ National ID</li>' in checklist
    )

    early = researcher.post(
        url, {"op": "research", "assessment": "Family of six", "recommendation": "approve"}
    )
    assert early.status_code == 409 and 'data-code="incomplete"' in page(early)
    assert researcher.post(url, {"op": "documents", "documents": "income_proof"}).status_code == 302
    assert researcher.post(url, {"op": "check"}).status_code == 302
    assert (
        researcher.post(
            url, {"op": "research", "assessment": "Family of six", "recommendation": "approve"}
        ).status_code
        == 302
    )
    application.refresh_from_db()
    assert application.status == "researched"

    committee = login("committee_1")
    in_15_days = (datetime.datetime.now(RIYADH) + datetime.timedelta(days=15)).date().isoformat()
    assert (
        committee.post(
            f"{P}/meetings/", {"title": "March committee", "date": in_15_days, "time": "10:00"}
        ).status_code
        == 302
    )
    meeting = Meeting.objects.get()
    murl = f"{P}/meetings/{meeting.pk}/"
    assert committee.post(murl, {"op": "agenda", "application": application.pk}).status_code == 302
    for persona in ("committee_2", "committee_1"):  # the quorum: two members vote
        committee = login(persona)
        vote = {"op": "vote", "application": application.pk, "vote": "approve"}
        assert committee.post(murl, vote).status_code == 302
    decide = {
        "op": "decide",
        f"include_{application.pk}": "on",
        f"reasons_{application.pk}": "Eligible",
        "minutes": "Met.",
    }
    too_early = committee.post(murl, decide)
    assert too_early.status_code == 409 and 'data-code="too_early"' in page(too_early)
    assert 'value="Eligible"' in page(too_early)
    application.refresh_from_db()
    meeting.refresh_from_db()
    assert application.status == "in_committee" and meeting.status == "open"

    with clock.at(clock.now() + datetime.timedelta(days=15)):
        assert committee.post(murl, decide).status_code == 302
    application.refresh_from_db()
    assert application.status == "approved" and application.decision_reasons == "Eligible"
    assert "Met." in page(committee.get(murl))

    counter = login("counter")
    assert counter.post(url, {"op": "register"}).status_code == 302
    assert counter.post(url, {"op": "deliver", "note": "Food basket delivered"}).status_code == 302
    application.refresh_from_db()
    assert application.status == "delivered"
    kinds = list(
        ProgramEvent.objects.filter(subject="application").order_by("id").values_list("kind", flat=True)
    )
    assert kinds[-3:] == ["approved", "registered", "delivered"]


def test_application_steps_respect_roles_and_organizations(login, makkah, staff):
    kind = applications.request_type_create(
        organization=makkah, code="support", names={"en": "Support"}, by=staff["admin"]
    )
    application = applications.application_submit(
        request_type=kind,
        case=service_request(makkah, category="cleanliness"),  # a file the cleanliness officer may see
        declaration_accepted=True,
        declaration_channel="web",
        by=staff["counter"],
    )
    url = f"{P}/applications/{application.pk}/"
    assert login("field_clean").post(url, {"op": "check"}).status_code == 403
    assert login("taif_supervisor").get(url).status_code == 404
    assert login("taif_supervisor").post(url, {"op": "check"}).status_code == 404
    assert Application.objects.get().status == "submitted"
    assert (
        login("counter")
        .post(f"{P}/meetings/", {"title": "x", "date": "2031-12-01", "time": "10:00"})
        .status_code
        == 403
    )


# --- The portal: where the mobile cars are -----------------------------------------------------------------


def test_the_portal_lists_where_a_mobile_car_stands_this_week(client, makkah, staff):
    car = ServicePoint.objects.create(
        organization=makkah, code="car_1", kind="mobile_car", names={"en": "Car 1"}
    )
    units.unit_stop_create(
        unit=car,
        place_names={"en": "Al-Zahir Park", "ar": "حديقة الزاهر"},
        lat=21.4335,
        lon=39.8045,
        weekdays=["sun", "mon", "tue", "wed", "thu", "fri", "sat"],
        starts=datetime.time(16),
        ends=datetime.time(22),
        by=staff["supervisor"],
    )
    client.cookies["django_language"] = "en"
    html = page(client.get("/help/service-points"))
    assert html.count("Al-Zahir Park") == 7  # every day of the coming week
    # Opening hours as English writes them (CLDR: narrow no-break spaces before PM, thin ones by the dash).
    assert "4:00\u202fPM\u2009–\u200910:00\u202fPM" in html and 'href="geo:21.433500,' in html
