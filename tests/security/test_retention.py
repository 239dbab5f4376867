"""Personal data kept for its purpose and no longer: reporters' names, phones, emails and photos are erased
a set time after closure (the case stays for statistics), and a reporter's data is exported or erased on
request by an administrator, each with an audit event."""

from __future__ import annotations

import datetime
import io
import json
import os

import pytest
from django.core.management import call_command

from khidma.cases import retention, services
from khidma.cases.attachments import attachment_add
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case, CaseEvent, EventKind
from khidma.core import clock
from khidma.outbox.models import OutboundMessage
from tests.conftest import HARAM
from tests.portal.conftest import make_jpeg

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def closed_case(makkah, staff, *, closed: datetime.datetime, phone: str = "0551234567", **fields) -> Case:
    from django.core.files.uploadedfile import SimpleUploadedFile

    with clock.at(closed - 2 * DAY):
        case = services.case_create(
            request=IntakeRequest(
                organization=makkah,
                description="Broken lamp by the school",
                channel="web",
                category="lighting_signs",
                lat=HARAM[0],
                lon=HARAM[1],
                reporter=Reporter(name="Ali Hassan", phone=phone, email="ali@example.com"),
                **fields,
            )
        ).case
        attachment_add(case=case, by=None, upload=SimpleUploadedFile("me.jpg", make_jpeg(), "image/jpeg"))
        attachment_add(
            case=case,
            by=staff["field_light"],
            upload=SimpleUploadedFile("after.jpg", make_jpeg(), "image/jpeg"),
        )
    # Closed that long ago (the lifecycle itself is tested elsewhere).
    Case.objects.filter(pk=case.pk).update(status="closed", closed_at=closed)
    case.refresh_from_db()
    return case


def test_the_sweep_erases_the_reporter_a_year_after_closure_and_keeps_the_case(
    makkah, staff, django_capture_on_commit_callbacks
):
    now = clock.now()
    old = closed_case(makkah, staff, closed=now - 366 * DAY)
    recent = closed_case(makkah, staff, closed=now - 300 * DAY, phone="0557654321")
    reporter_photo = old.attachments.get(uploaded_by__isnull=True)
    photo_path = reporter_photo.file.path

    with django_capture_on_commit_callbacks(execute=True):  # the files go once the erasure is committed
        assert retention.case_personal_data_sweep(now=now) == 1

    old.refresh_from_db()
    assert (old.reporter_name, old.reporter_phone, old.reporter_email) == ("", "", "")
    assert old.personal_data_erased_at is not None
    assert (old.category.code, old.lat, old.lon, old.description) == (
        "lighting_signs",
        HARAM[0],
        HARAM[1],
        "Broken lamp by the school",
    )
    assert list(old.attachments.values_list("uploaded_by__username", flat=True)) == [
        "majid"
    ]  # staff's photo stays
    assert not os.path.exists(photo_path)
    assert not OutboundMessage.objects.filter(case=old).exclude(recipient="").exists()
    event = CaseEvent.objects.get(case=old, kind=EventKind.PERSONAL_DATA_ERASED)
    assert event.is_public is False and event.data["reason"] == "retention" and event.actor is None
    assert set(event.data["fields"]) == {"reporter_name", "reporter_phone", "reporter_email"}
    assert old.events.filter(kind=EventKind.CREATED).exists()  # the timeline stays

    recent.refresh_from_db()
    assert recent.reporter_phone == "+966557654321" and recent.personal_data_erased_at is None
    assert retention.case_personal_data_sweep(now=now) == 0  # nothing twice


def test_each_organization_sets_its_own_retention_period(makkah, staff):
    makkah.personal_data_retention_days = 30
    makkah.save()
    now = clock.now()
    case = closed_case(makkah, staff, closed=now - 31 * DAY)
    assert retention.case_personal_data_sweep(now=now) == 1
    case.refresh_from_db()
    assert case.reporter_phone == ""


def test_an_open_case_keeps_its_reporter_however_old(makkah, staff):
    with clock.at(clock.now() - 900 * DAY):
        case = services.case_create(
            request=IntakeRequest(
                organization=makkah,
                description="Old open case",
                channel="web",
                reporter=Reporter(phone="0551234567"),
            )
        ).case
    assert retention.case_personal_data_sweep() == 0
    case.refresh_from_db()
    assert case.reporter_phone == "+966551234567"


def test_an_admin_exports_then_erases_a_reporters_data_with_audit_events(makkah, staff, client):
    now = clock.now()
    first = closed_case(makkah, staff, closed=now - 10 * DAY)
    second = closed_case(makkah, staff, closed=now - 5 * DAY)
    other = closed_case(makkah, staff, closed=now - 5 * DAY, phone="0557654321")
    client.force_login(staff["admin"])

    listed = client.get("/admin/cases/case/", {"q": "+966551234567"})
    assert listed.status_code == 200 and first.reference in listed.content.decode()
    assert other.reference not in listed.content.decode()

    exported = client.post(
        "/admin/cases/case/",
        {"action": "export_reporter_data", "_selected_action": [first.pk, second.pk]},
    )
    assert exported.status_code == 200 and exported["Content-Type"].startswith("application/json")
    data = json.loads(exported.content)
    assert {c["reference"] for c in data["cases"]} == {first.reference, second.reference}
    assert data["cases"][0]["reporter"] == {
        "name": "Ali Hassan",
        "phone": "+966551234567",
        "email": "ali@example.com",
    }
    assert CaseEvent.objects.filter(kind=EventKind.PERSONAL_DATA_EXPORTED, actor=staff["admin"]).count() == 2

    confirm = client.post(
        "/admin/cases/case/", {"action": "erase_reporter_data", "_selected_action": [first.pk]}
    )
    assert confirm.status_code == 200 and b"confirmed" in confirm.content
    first.refresh_from_db()
    assert first.reporter_phone == "+966551234567"  # nothing erased before the confirmation

    done = client.post(
        "/admin/cases/case/",
        {"action": "erase_reporter_data", "_selected_action": [first.pk], "confirmed": "yes"},
    )
    assert done.status_code == 302
    first.refresh_from_db()
    assert first.reporter_phone == "" and first.reporter_name == ""
    event = CaseEvent.objects.get(case=first, kind=EventKind.PERSONAL_DATA_ERASED)
    assert event.actor == staff["admin"] and event.data["reason"] == "request"


def test_the_command_exports_and_erases_by_phone(makkah, staff):
    case = closed_case(makkah, staff, closed=clock.now() - DAY)
    out = io.StringIO()
    call_command(
        "reporter_data", "--org", "makkah", "--phone", "055 123 4567", "--by", "reem", "--export", stdout=out
    )
    assert json.loads(out.getvalue())["cases"][0]["reference"] == case.reference
    call_command(
        "reporter_data", "--org", "makkah", "--phone", "0551234567", "--by", "reem", "--erase", stdout=out
    )
    case.refresh_from_db()
    assert case.reporter_phone == ""
    assert CaseEvent.objects.filter(
        case=case, kind=EventKind.PERSONAL_DATA_ERASED, actor__username="reem"
    ).exists()
