"""Association applications in the back office (issue 17, item 8), through HTTP: a researcher takes an
application for a member who comes in or calls (found on the register or recorded), the checklist ticks by a
document's name in any language, documents come as files checked by their content and are shown only to
staff who may see the application, committees decide only with a quorum, and a meeting dated before a
file's earliest decision day is refused for that file. Staff read words, not codes."""

import datetime
import re
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from khidma.cases.models import Case
from khidma.core import clock
from khidma.programs.applications import services as applications
from khidma.programs.models import Application, ApplicationDocument, Meeting, Person
from tests.programs.conftest import error, in_days, service_request

pytestmark = pytest.mark.django_db

P = "/staff/programs"
TZ = datetime.timezone(datetime.timedelta(hours=3))
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _png(width: int, height: int, pixels: bytes | None = None) -> bytes:
    """A PNG with the given header; its pixel data may be far smaller than the header promises."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    raw = pixels if pixels is not None else b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def support(makkah, staff):
    return applications.request_type_create(
        organization=makkah,
        code="support",
        names={"ar": "طلب مساعدة", "en": "Support request"},
        required_documents=["national_id", "income_proof", "family_record"],
        by=staff["admin"],
    )


@pytest.fixture
def login(client, staff):
    def as_(persona, language="en"):
        client.logout()
        client.force_login(staff[persona])
        client.cookies["django_language"] = language
        return client

    return as_


def html(response) -> str:
    return response.content.decode()


def visible_text(response) -> str:
    """What a person reads: the page without its tags, scripts and attributes."""
    text = re.sub(r"<(script|style|title)\b.*?</\1>", " ", html(response), flags=re.S)
    text = re.sub(r"<(br|/?p|/?li|/?td|/?th|/?tr|/?h\d|/?dd|/?dt|/?option)\b[^>]*>", " ", text)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text))


SNAKE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


# --- Taking an application in -------------------------------------------------------------------------------


def test_a_researcher_records_an_application_for_a_member_who_calls(login, support):
    client = login("researcher")
    new = f"{P}/applications/new/?type=support"
    nobody = client.get(f"{new}&q=0551112222")
    assert nobody.status_code == 200 and 'id="not-found"' in html(nobody)
    assert 'value="0551112222"' in html(nobody)  # the number searched for is the new person's
    body = {
        "name": "Umm Salem",
        "phone": "0551112222",
        "role": "beneficiary",
        "channel": "phone_940",
        "documents": ["national_id"],
        "other_documents": "إثبات الدخل\nLetter from the school",
        "declaration": "on",
    }
    refused = client.post(f"{new}&q=0551112222", {**body, "declaration": ""})
    assert refused.status_code == 400 and 'data-code="declaration_required"' in html(refused)
    assert 'value="Umm Salem"' in html(refused) and not Case.objects.exists()  # nothing half-made, kept

    response = client.post(f"{new}&q=0551112222", body)
    assert response.status_code == 302, html(response)
    application = Application.objects.get()
    assert response["Location"] == f"{P}/applications/{application.pk}/"
    # "إثبات الدخل" ticked income_proof; a document that is not an item is kept as typed.
    assert application.documents == ["national_id", "income_proof", "Letter from the school"]
    assert application.declaration_channel == "phone_940" and application.request_type.code == "support"
    person = application.person
    assert (person.name, person.phone, person.roles) == ("Umm Salem", "+966551112222", ["beneficiary"])
    case = application.case
    assert (case.kind, case.channel, case.reporter_phone) == ("service_request", "phone_940", "+966551112222")
    page = client.get(response["Location"])
    assert "✓ Proof of income" in visible_text(page) and "✗ Family record" in visible_text(page)

    # She calls again: found by her number however it is typed, and not recorded twice.
    found = client.get(f"{new}&q=055 111 2222")
    assert f'href="?person={person.pk}&amp;type=support"' in html(found)
    chosen = client.get(f"{new}&person={person.pk}")
    assert "Umm Salem" in html(chosen) and "Earlier applications:" in visible_text(chosen)
    again = client.post(
        f"{new}&person={person.pk}",
        {"channel": "phone_940", "documents": ["family_record"], "declaration": "on"},
    )
    assert again.status_code == 302
    assert Person.objects.count() == 1 and person.applications.count() == 2


def test_an_applicant_who_comes_in_is_recorded_at_a_service_point(login, support, makkah):
    client = login("researcher")  # no post of her own: she says where the person came in
    body = {"name": "Abu Fahd", "role": "member", "channel": "counter", "declaration": "on"}
    missing = client.post(f"{P}/applications/new/?type=support", body)
    assert missing.status_code == 400 and 'data-code="required"' in html(missing)
    response = client.post(f"{P}/applications/new/?type=support", {**body, "service_point": "hq"})
    assert response.status_code == 302
    assert Application.objects.get().case.service_point.code == "hq"


def test_taking_applications_in_is_for_intake_roles_and_people_are_found_by_whole_numbers(login, support):
    assert login("field_clean").get(f"{P}/applications/new/").status_code == 403
    assert login("committee_1").get(f"{P}/applications/new/").status_code == 403
    client = login("researcher")
    recorded = client.post(
        f"{P}/applications/new/?type=support",
        {"name": "أم سالم", "phone": "0551112222", "channel": "letter", "declaration": "on"},
    )
    assert recorded.status_code == 302
    assert 'id="found"' not in html(client.get(f"{P}/applications/new/?q=0551112"))  # part of a number
    assert 'id="found"' in html(client.get(f"{P}/applications/new/?q=٠٥٥١١١٢٢٢٢"))  # Arabic-Indic digits
    assert "أم سالم" in html(client.get(f"{P}/applications/new/?q=ام سالم"))  # spelt without the hamza


@pytest.mark.django_db(transaction=True)
def test_the_api_takes_an_application_in_and_finds_people(client_for, support):
    researcher = client_for("researcher")
    body = {
        "request_type": "support",
        "applicant": {"name": "Umm Salem", "phone": "0551112222", "role": "member"},
        "channel": "phone_940",
        "documents": ["Justificatif de revenus", "الهوية الوطنية"],
        "declaration_accepted": True,
    }
    error(
        researcher.post("/programs/applications/intake", json={**body, "declaration_accepted": False}),
        400,
        "declaration_required",
    )
    response = researcher.post("/programs/applications/intake", json=body)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["documents"] == ["income_proof", "national_id"]
    assert [(c["item"], c["label"], c["given"]) for c in created["checklist"]] == [
        ("national_id", "National ID", True),
        ("income_proof", "Proof of income", True),
        ("family_record", "Family record", False),
    ]
    people = researcher.get("/programs/people", params={"q": "+966 55 111 2222"}).json()
    assert [p["name"] for p in people] == ["Umm Salem"]
    again = researcher.post(
        "/programs/applications/intake",
        json={
            "request_type": "support",
            "person": people[0]["id"],
            "channel": "letter",
            "declaration_accepted": True,
        },
    )
    assert again.status_code == 201 and again.json()["person"] == people[0]["id"]
    error(client_for("field_clean").post("/programs/applications/intake", json=body), 403, "forbidden")
    error(client_for("field_clean").get("/programs/people", params={"q": "0551112222"}), 403, "forbidden")


# --- The checklist by name, in any language -----------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_document_named_in_any_language_ticks_its_item(client_for, support, makkah, staff):
    case = service_request(client_for("counter"), channel="counter")
    application = applications.application_submit(
        request_type=support,
        case=Case.objects.get(reference=case["reference"]),
        declaration_accepted=True,
        declaration_channel="counter",
        documents=["اثبات الدخل"],  # without the hamza, as people type it
        by=staff["counter"],
    )
    assert application.documents == ["income_proof"]
    counter = client_for("counter")
    url = f"/programs/applications/{application.pk}/documents"
    added = counter.post(url, json={"documents": ["  Livret de famille ", "national id"]}).json()
    assert added["documents"] == ["income_proof", "family_record", "national_id"]
    assert all(c["given"] for c in added["checklist"])
    error(counter.post(url, json={"documents": ["سجل الأسرة"]}), 400, "required")  # already given

    # An organization's own item, named in its languages, ticks the same way; and request types ask for it.
    admin = client_for("admin")
    item = {"code": "zakat_letter", "names": {"ar": "خطاب الزكاة", "ur": "زکوٰۃ کا خط", "en": "Zakat letter"}}
    assert admin.post("/programs/checklist-items", json=item).status_code == 200
    error(client_for("counter").post("/programs/checklist-items", json=item), 403, "forbidden")
    created = admin.post(
        "/programs/request-types",
        json={"code": "zakat", "names": {"en": "Zakat"}, "required_documents": ["زکوٰۃ کا خط", "National ID"]},
    )
    assert created.status_code == 201 and created.json()["required_documents"] == [
        "zakat_letter",
        "national_id",
    ]
    error(
        admin.post(
            "/programs/request-types",
            json={"code": "z2", "names": {"en": "Z"}, "required_documents": ["x_y"]},
        ),
        400,
        "unknown_checklist_item",
    )
    labels = {
        i["code"]: i["label"] for i in client_for("counter", "ar").get("/programs/checklist-items").json()
    }
    assert labels["zakat_letter"] == "خطاب الزكاة" and labels["income_proof"] == "إثبات الدخل"


# --- Documents as files -------------------------------------------------------------------------------------


@pytest.fixture
def file_page(login, support, staff, makkah):
    application = applications.application_intake(
        organization=makkah,
        request_type=support,
        applicant=applications.Applicant(name="Umm Salem", phone="0551112222"),
        channel="phone_940",
        declaration_accepted=True,
        by=staff["researcher"],
    )
    return application, f"{P}/applications/{application.pk}/"


def test_a_document_uploaded_as_a_file_ticks_its_item_and_is_served_only_to_staff_who_see_the_file(
    login, file_page, client
):
    application, url = file_page
    client = login("researcher")
    upload = SimpleUploadedFile("passport scan.pdf", PDF, "application/pdf")
    response = client.post(url, {"op": "file", "item": "national_id", "file": upload})
    assert response.status_code == 302, html(response)
    document = ApplicationDocument.objects.get()
    assert (document.item, document.content_type, document.size) == (
        "national_id",
        "application/pdf",
        len(PDF),
    )
    assert "passport" not in document.file.name and document.file.name.startswith("programs/")
    application.refresh_from_db()
    assert application.documents == ["national_id"]
    page = html(client.get(url))
    link = f"{P}/applications/{application.pk}/files/{document.pk}"
    assert f'href="{link}"' in page
    served = client.get(link)
    assert served.status_code == 200 and b"".join(served.streaming_content) == PDF
    assert served["Content-Type"] == "application/pdf" and served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Security-Policy"] == "sandbox" and "private" in served["Cache-Control"]
    # Only staff who may see the application: not another department's officer, not another organization,
    # not the public, not straight from the media folder.
    assert login("field_light").get(link).status_code == 404
    assert login("taif_supervisor").get(link).status_code == 404
    client.logout()
    assert client.get(link).status_code == 302  # to the sign-in page
    assert client.get(f"/media/{document.file.name}").status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "status"),
    [
        ("letter.pdf", b"Dear committee, please help.", 415),  # a text file named .pdf
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64, 415),  # a JPEG that is only a header
        ("bomb.png", _png(30000, 30000, pixels=b"\x00" * 1024), 415),  # 900 megapixels promised
        ("page.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", 415),  # not a kind of document kept here
    ],
)
def test_files_are_checked_by_their_content(login, file_page, name, content, status):
    _application, url = file_page
    response = login("researcher").post(
        url, {"op": "file", "item": "national_id", "file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == status and 'data-code="unsupported_file_type"' in html(response)
    assert not ApplicationDocument.objects.exists()


def test_a_file_too_large_is_refused_and_a_photo_is_kept(login, file_page, settings):
    _application, url = file_page
    client = login("researcher")
    settings.KHIDMA_MAX_ATTACHMENT_BYTES = 1024 * 1024
    large = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024), "application/pdf")
    response = client.post(url, {"op": "file", "item": "income_proof", "file": large})
    assert response.status_code == 413 and 'data-code="file_too_large"' in html(response)
    photo = SimpleUploadedFile("family.png", _png(40, 30), "image/png")
    assert client.post(url, {"op": "file", "item": "family_record", "file": photo}).status_code == 302
    assert ApplicationDocument.objects.get().content_type == "image/png"


@pytest.mark.django_db(transaction=True)
def test_the_api_takes_and_serves_files(client_for, file_page):
    application, _url = file_page
    researcher = client_for("researcher")
    url = f"/programs/applications/{application.pk}/files"
    response = researcher.post(
        url, files={"file": ("a.pdf", PDF, "application/pdf")}, data={"item": "إثبات الدخل"}
    )
    assert response.status_code == 201, response.text
    created = response.json()
    assert (created["item"], created["item_label"]) == ("income_proof", "Proof of income")
    served = researcher.get(f"{url}/{created['id']}")
    assert served.status_code == 200 and served.content == PDF
    detail = researcher.get(f"/programs/applications/{application.pk}").json()
    assert [f["id"] for f in detail["files"]] == [created["id"]]
    error(
        researcher.post(url, files={"file": ("a.pdf", b"not a pdf", "application/pdf")}),
        415,
        "unsupported_file_type",
    )
    error(client_for("taif_supervisor").get(f"{url}/{created['id']}"), 404, "not_found")
    error(client_for("field_light").get(f"{url}/{created['id']}"), 404, "not_found")


# --- The committee: quorum and the meeting's date -----------------------------------------------------------


@pytest.fixture
def researched(support, makkah, staff):
    """A complete file whose social research is done, submitted 20 days ago."""
    with clock.at(clock.now() - datetime.timedelta(days=20)):
        application = applications.application_intake(
            organization=makkah,
            request_type=support,
            applicant=applications.Applicant(name="Umm Salem"),
            channel="letter",
            documents=["national_id", "income_proof", "family_record"],
            declaration_accepted=True,
            by=staff["researcher"],
        )
        applications.application_check(application=application, by=staff["researcher"])
        applications.application_record_research(
            application=application,
            assessment="Widow, three children",
            recommendation="approve",
            by=staff["researcher"],
        )
    return application


def test_a_committee_decides_only_with_its_quorum(login, researched, staff):
    for persona, first, last in [("committee_1", "Saad", "Al-Harbi"), ("committee_2", "Mona", "Al-Qurashi")]:
        staff[persona].first_name, staff[persona].last_name = first, last
        staff[persona].save()
    client = login("committee_1")
    today = datetime.datetime.now(TZ).date().isoformat()
    assert (
        client.post(f"{P}/meetings/", {"title": "Review", "date": today, "time": "08:00"}).status_code == 302
    )
    meeting = Meeting.objects.get()
    murl = f"{P}/meetings/{meeting.pk}/"
    assert client.post(murl, {"op": "agenda", "application": researched.pk}).status_code == 302
    assert (
        client.post(murl, {"op": "vote", "application": researched.pk, "vote": "approve"}).status_code == 302
    )
    decide = {
        "op": "decide",
        f"include_{researched.pk}": "on",
        f"reasons_{researched.pk}": "Eligible",
        "minutes": "m",
    }
    refused = client.post(murl, decide)
    assert refused.status_code == 409 and 'data-code="no_quorum"' in html(refused)
    assert "No quorum for this file: at least 2 committee members must vote on it; 1 voted." in html(refused)
    researched.refresh_from_db()
    assert researched.status == "in_committee"
    # Votes read as words with the member's full name (the username on hover), never "saad (approve)".
    page = visible_text(client.get(murl))
    assert "Saad Al-Harbi: Approve" in page and "(approve)" not in page and "saad:" not in page
    assert "1 vote of 2 needed" in page

    assert (
        login("committee_2")
        .post(murl, {"op": "vote", "application": researched.pk, "vote": "approve"})
        .status_code
        == 302
    )
    assert login("committee_1").post(murl, decide).status_code == 302
    researched.refresh_from_db()
    assert researched.status == "approved"


@pytest.mark.django_db(transaction=True)
def test_the_quorum_is_configured_by_leads(client_for, review_committee):
    url = f"/programs/committees/{review_committee.pk}/quorum"
    error(client_for("committee_1").post(url, json={"quorum": 1}), 403, "forbidden")
    error(client_for("admin").post(url, json={"quorum": 0}), 400, "invalid")
    assert client_for("admin").post(url, json={"quorum": 3}).json()["quorum"] == 3
    error(client_for("taif_supervisor").post(url, json={"quorum": 1}), 404, "not_found")
    created = client_for("supervisor").post("/programs/committees", json={"name": "Housing", "quorum": 1})
    assert created.status_code == 201
    # Two committees now: a meeting says which one meets.
    error(
        client_for("supervisor").post("/programs/meetings", json={"title": "M", "held_at": in_days(20)}),
        400,
        "required",
    )
    meeting = client_for("supervisor").post(
        "/programs/meetings", json={"title": "M", "held_at": in_days(20), "committee": created.json()["id"]}
    )
    assert meeting.status_code == 201 and meeting.json()["quorum"] == 1


def test_a_meeting_dated_before_a_files_earliest_decision_day_is_refused_for_that_file(
    login, support, makkah, staff
):
    with clock.at(clock.now() - datetime.timedelta(days=3)):  # submitted 3 days ago: decidable in 11 days
        application = applications.application_intake(
            organization=makkah,
            request_type=support,
            applicant=applications.Applicant(name="Abu Fahd"),
            channel="letter",
            documents=["national_id", "income_proof", "family_record"],
            declaration_accepted=True,
            by=staff["researcher"],
        )
        applications.application_check(application=application, by=staff["researcher"])
        applications.application_record_research(
            application=application, assessment="Needs help", recommendation="approve", by=staff["researcher"]
        )
    client = login("committee_1")
    soon = (datetime.datetime.now(TZ) + datetime.timedelta(days=2)).date().isoformat()
    client.post(f"{P}/meetings/", {"title": "Soon", "date": soon, "time": "10:00"})
    meeting = Meeting.objects.get()
    refused = client.post(f"{P}/meetings/{meeting.pk}/", {"op": "agenda", "application": application.pk})
    assert refused.status_code == 409 and 'data-code="meeting_too_early"' in html(refused)
    assert "before the earliest day a decision may be issued on this file" in html(refused)
    application.refresh_from_db()
    assert application.status == "researched" and application.meeting is None
    later = (datetime.datetime.now(TZ) + datetime.timedelta(days=12)).date().isoformat()
    client.post(f"{P}/meetings/", {"title": "Later", "date": later, "time": "10:00"})
    meeting = Meeting.objects.get(title="Later")
    assert (
        client.post(
            f"{P}/meetings/{meeting.pk}/", {"op": "agenda", "application": application.pk}
        ).status_code
        == 302
    )


# --- Words, not codes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_application_screens_show_words_not_codes(login, researched, staff, language):
    client = login("supervisor", language)
    meeting = client.post(f"{P}/meetings/", {"title": "Review", "date": "2031-01-01", "time": "10:00"})
    assert meeting.status_code == 302
    murl = meeting["Location"]
    client.post(murl, {"op": "agenda", "application": researched.pk})
    login("committee_1", language).post(murl, {"op": "vote", "application": researched.pk, "vote": "reject"})
    client = login("researcher", language)
    pages = [
        f"{P}/applications/",
        f"{P}/applications/new/",
        f"{P}/applications/new/?q=Umm",
        f"{P}/applications/new/?type=support",
        f"{P}/applications/{researched.pk}/",
        f"{P}/meetings/",
        murl,
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        codes = set(SNAKE.findall(visible_text(response)))
        assert not codes, (url, codes)
        assert ">approve<" not in html(response) and ">reject<" not in html(response)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_program_page_shows_words_not_codes(login, researched, makkah, staff, language):
    """The other programs' pages too: languages by name, people by full name, events as words."""
    from khidma.programs.proxies import services as proxies
    from khidma.programs.units import services as units
    from khidma.programs.visits import services as visits

    for persona, first, last in [
        ("counter", "Khalid", "Al-Zahrani"),
        ("supervisor", "Mohammed", "Al-Maliki"),
    ]:
        staff[persona].first_name, staff[persona].last_name = first, last
        staff[persona].save()
    hq = makkah.servicepoint_set.get(code="hq")
    units.walkin_record(service_point=hq, by=staff["counter"], service="building_permit", language="ur")
    proxies.authorization_create(
        organization=makkah,
        principal_name="Salem",
        relationship="brother",
        document_reference="POA 1",
        expires_on=datetime.date.today() + datetime.timedelta(days=30),
        proxy=staff["counter"],
        by=staff["supervisor"],
    )
    team = visits.team_create(organization=makkah, name="Team A", by=staff["supervisor"])
    visit = visits.visit_record_eligibility(
        case=researched.case, reason="no_transport", by=staff["supervisor"]
    )
    start = datetime.datetime.now(TZ) + datetime.timedelta(days=1)
    visits.visit_schedule(
        visit=visit,
        team=team,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        by=staff["supervisor"],
    )
    client = login("supervisor", language)
    pages = [
        f"{P}/",
        f"{P}/walk-ins/?service_point=hq",
        f"{P}/volume/",
        f"{P}/stops/",
        f"{P}/visits/",
        f"{P}/visits/{visit.pk}/",
        f"{P}/teams/{team.pk}/",
        f"{P}/authorizations/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        text = visible_text(response)
        assert not set(SNAKE.findall(text)), (url, set(SNAKE.findall(text)))
        words = f" {text} ".split()
        for code in ("khalid", "mohammed", "ur", "building_permit", "no_transport", "eligibility_recorded"):
            assert code not in words, (url, code)
    assert "اردو" in html(client.get(f"{P}/walk-ins/?service_point=hq"))  # the language by its own name
