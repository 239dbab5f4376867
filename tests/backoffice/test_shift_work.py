"""A shift in the back office, through its pages: where each role lands, taking and sharing work, queues in
order of urgency, the case page in the field (directions, a call, the clock in words), triage's suggestions
applied with one click, and the console placing a case by its area. Every form works without JavaScript."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from khidma.cases import services
from khidma.cases.deadlines import case_sla_sweep
from khidma.cases.models import Case, CaseEvent, TriageResult
from khidma.core import clock
from khidma.organizations.models import Area
from tests.backoffice.conftest import new_case
from tests.conftest import HARAM

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _case(makkah, **kwargs) -> Case:
    # No point by default: two reports at one spot would be linked as duplicates.
    return new_case(makkah, **({"description": "تراكم النفايات أمام المسجد"} | kwargs))


def _page(client, url: str, **extra) -> str:
    response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


# --- Landing ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "landing"),
    [
        ("supervisor", "/staff/dashboard/"),
        ("agent", "/staff/queue/triage/"),
        ("counter", "/staff/queue/triage/"),
        ("field_clean", "/staff/queue/mine/"),
        ("head_clean", "/staff/queue/department/"),
        ("followup", "/staff/queue/breached/"),
        ("admin", "/staff/queue/all/"),
    ],
)
def test_each_role_lands_where_it_works(client, staff, persona, landing):
    client.force_login(staff[persona])
    response = client.get("/staff/")
    assert response.status_code == 302 and response["Location"] == landing
    assert client.get(landing).status_code == 200


# --- Taking and sharing work --------------------------------------------------------------------------------


def test_field_staff_take_an_unassigned_case_of_their_department_from_the_case_page(client, makkah, staff):
    case = _case(makkah)
    client.force_login(staff["field_clean"])
    page = _page(client, f"/staff/cases/{case.reference}/")
    assert f'action="/staff/cases/{case.reference}/take/"' in page
    response = client.post(f"/staff/cases/{case.reference}/take/", {"note": ""})
    assert response.status_code == 302 and response["Location"] == f"/staff/cases/{case.reference}/"
    case.refresh_from_db()
    assert (case.assignee, case.status) == (staff["field_clean"], "assigned")
    event = CaseEvent.objects.get(case=case, kind="taken")
    assert event.actor == staff["field_clean"] and event.data["assignee"] == "fahd"
    page = _page(client, f"/staff/cases/{case.reference}/")
    assert "/take/" not in page  # theirs now: nothing to take
    assert "فهد الغامدي" in page and 'title="fahd"' in page  # by name, the username on hover


def test_a_case_someone_has_cannot_be_taken_and_other_departments_do_not_see_it(client, makkah, staff):
    case = _case(makkah)
    services.case_take(case=case, by=staff["field_clean"])
    client.force_login(staff["head_clean"])
    assert "/take/" not in _page(client, f"/staff/cases/{case.reference}/")
    response = client.post(f"/staff/cases/{case.reference}/take/", HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert "Someone already has this case." in response.content.decode()
    assert Case.objects.get(pk=case.pk).assignee == staff["field_clean"]
    client.force_login(staff["field_light"])
    assert client.post(f"/staff/cases/{case.reference}/take/").status_code == 404
    women = _case(makkah, channel="counter", service_point="hq", womens_section=True)
    client.force_login(staff["women"])
    assert f"/staff/cases/{women.reference}/take/" in _page(client, f"/staff/cases/{women.reference}/")


def test_a_queue_row_offers_take_and_returns_to_the_queue_without_javascript(client, makkah, staff):
    mine, free = _case(makkah), _case(makkah, description="حاوية مكسورة")
    services.case_assign(case=mine, by=staff["head_clean"], assignee=staff["field_clean"])
    client.force_login(staff["field_clean"])
    queue = _page(client, "/staff/queue/department/")
    assert queue.count('class="take"') == 1
    assert f'formaction="/staff/cases/{free.reference}/take/"' in queue
    response = client.post(
        f"/staff/cases/{free.reference}/take/", {"next": "/staff/queue/department/", "cases": []}
    )
    assert response["Location"] == "/staff/queue/department/"
    assert Case.objects.get(pk=free.pk).assignee == staff["field_clean"]
    # An address elsewhere is never followed.
    other = _case(makkah)
    response = client.post(f"/staff/cases/{other.reference}/take/", {"next": "https://evil.example/"})
    assert response["Location"] == f"/staff/cases/{other.reference}/"


def test_a_head_chooses_among_their_own_staff_with_their_open_workload(client, makkah, staff):
    case = _case(makkah)
    for _ in range(2):
        services.case_assign(case=_case(makkah), by=staff["head_clean"], assignee=staff["field_clean"])
    client.force_login(staff["head_clean"])
    page = _page(client, f"/staff/cases/{case.reference}/", HTTP_ACCEPT_LANGUAGE="en")
    form = re.search(r'<select name="assignee">(.*?)</select>', page, re.S).group(1)
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', form)
    assert [value for value, _label in options] == ["", "abdullah", "fahd"]
    assert dict(options)["fahd"] == "فهد الغامدي · Cleanliness Department · 2 open cases"
    assert dict(options)["abdullah"].endswith("· 0 open cases")
    # Someone of another department is refused, and nothing changes.
    response = client.post(
        f"/staff/cases/{case.reference}/assign/",
        {"assignee": "majid"},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert "This person cannot work this case" in response.content.decode()
    assert Case.objects.get(pk=case.pk).assignee is None


def test_unassign_gives_a_case_back_to_its_department(client, makkah, staff):
    case = _case(makkah)
    services.case_take(case=case, by=staff["field_clean"])
    services.case_start(case=case, by=staff["field_clean"])
    client.force_login(staff["field_clean"])
    assert "/unassign/" not in _page(client, f"/staff/cases/{case.reference}/")
    client.force_login(staff["head_clean"])
    assert f"/staff/cases/{case.reference}/unassign/" in _page(client, f"/staff/cases/{case.reference}/")
    client.post(f"/staff/cases/{case.reference}/unassign/", {"note": "للمناوبة المسائية"})
    case.refresh_from_db()
    assert (case.assignee, case.status, case.department.code) == (None, "assigned", "cleanliness")
    event = CaseEvent.objects.get(case=case, kind="unassigned")
    assert (event.actor, event.note, event.from_status) == (
        staff["head_clean"],
        "للمناوبة المسائية",
        "in_progress",
    )


def test_bulk_assignment_to_a_person_names_what_it_could_not_change(client, makkah, staff):
    first, second = _case(makkah), _case(makkah)
    lighting = _case(makkah, category="lighting_signs")
    client.force_login(staff["supervisor"])
    response = client.post(
        "/staff/bulk/",
        {
            "action": "assign",
            "assignee": "fahd",
            "cases": [first.reference, second.reference, lighting.reference],
            "next": "/staff/queue/all/",
        },
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    page = response.content.decode()
    assert "2 cases updated." in page and f"Not changed: {lighting.reference}" in page
    assert set(Case.objects.filter(assignee=staff["field_clean"]).values_list("pk", flat=True)) == {
        first.pk,
        second.pk,
    }
    assert CaseEvent.objects.filter(kind="assigned", data__assignee__1="fahd").count() == 2
    client.post(
        "/staff/bulk/", {"action": "unassign", "cases": [first.reference], "next": "/staff/queue/all/"}
    )
    assert Case.objects.get(pk=first.pk).assignee is None


# --- Queues -------------------------------------------------------------------------------------------------


def test_work_queues_put_breached_then_at_risk_then_the_soonest_due_first(client, makkah, staff, policies):
    now = clock.now()
    with clock.at(now - datetime.timedelta(days=10)):
        breached = _case(makkah, description="قديم جدا")
    with clock.at(now - datetime.timedelta(days=4)):
        at_risk = _case(makkah, description="قريب من الموعد")
    fresh = _case(makkah, description="جديد")
    urgent = _case(makkah, description="عاجل", priority="urgent")  # 24 hours on the 24/7 clock: due soonest
    case_sla_sweep()
    client.force_login(staff["head_clean"])
    page = _page(client, "/staff/queue/department/", HTTP_ACCEPT_LANGUAGE="en")
    order = re.findall(r'data-reference="(\d+)"', page)
    assert order == [breached.reference, at_risk.reference, urgent.reference, fresh.reference]
    assert '<option value="urgency" selected>' in page
    newest = re.findall(r'data-reference="(\d+)"', _page(client, "/staff/queue/department/?order=newest"))
    assert newest == [urgent.reference, fresh.reference, at_risk.reference, breached.reference]
    # Each row says the state in words, with the time left or past, not by colour alone.
    row = page.split(f'data-reference="{breached.reference}"')[1].split("</tr>")[0]
    assert 'class="due due-breached"' in row and "working hours late" in row
    assert re.search(r'<small class="hijri">[^<0-9]*\d+ [^<]+</small>', row)  # the Hijri day and month


def test_all_cases_stay_newest_first_and_the_order_can_be_chosen(client, makkah, staff):
    older, newer = _case(makkah), _case(makkah)
    client.force_login(staff["supervisor"])
    page = _page(client, "/staff/queue/all/")
    assert re.findall(r'data-reference="(\d+)"', page) == [newer.reference, older.reference]
    assert '<option value="newest" selected>' in page
    oldest = _page(client, "/staff/queue/all/?order=oldest", **HTMX)
    assert re.findall(r'data-reference="(\d+)"', oldest) == [older.reference, newer.reference]


def test_a_queue_page_costs_the_same_queries_for_ten_cases_or_thirty(client, makkah, staff, policies):
    """The queue shows area, assignee, due time and the take button without a query per row."""

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/staff/queue/department/").status_code == 200
        return len(captured)

    client.force_login(staff["head_clean"])
    for n in range(10):
        case = _case(makkah)
        if n % 2:
            services.case_assign(case=case, by=staff["head_clean"], assignee=staff["field_clean"])
    few = queries()
    for _ in range(20):
        _case(makkah)
    assert queries() == few
    # Session, user, its two-step device, organization, the filters' lists (departments and people too, for
    # the dashboard's links), the queue counts and the page itself.
    assert few <= 25


def test_the_queue_page_documents_its_keyboard_shortcuts_and_loads_no_inline_script(client, staff):
    client.force_login(staff["agent"])
    page = _page(client, "/staff/queue/triage/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Keyboard shortcuts" in page and "<kbd>j</kbd>" in page and "<kbd>t</kbd>" in page
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    assert scripts and all('src="' in attrs and not body.strip() for attrs, body in scripts)
    assert " on" + "click=" not in page and "javascript:" not in page


# --- The case page in the field -----------------------------------------------------------------------------

ANDROID = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Version/17.4 Mobile Safari"
)


def test_the_case_page_opens_the_phones_map_app_and_calls_the_reporter(client, makkah, staff):
    case = _case(makkah, lat=HARAM[0], lon=HARAM[1])
    client.force_login(staff["agent"])
    android = _page(client, f"/staff/cases/{case.reference}/", HTTP_USER_AGENT=ANDROID)
    assert 'href="geo:21.422500,39.826200?q=21.422500,39.826200"' in android
    iphone = _page(client, f"/staff/cases/{case.reference}/", HTTP_USER_AGENT=IPHONE)
    assert 'href="https://maps.apple.com/?daddr=21.422500,39.826200&amp;dirflg=d"' in iphone
    assert 'href="tel:+966551234567"' in android
    assert '<bdi dir="ltr">+966 55 123 4567</bdi>' in android  # formatted, isolated from the Arabic around it
    # Field staff may not see the number: no call link, the masked number only.
    services.case_take(case=case, by=staff["field_clean"])
    client.force_login(staff["field_clean"])
    page = _page(client, f"/staff/cases/{case.reference}/", HTTP_USER_AGENT=ANDROID)
    assert "tel:" not in page and "+966551234567" not in page and "+966•••••••67" in page
    assert 'href="geo:' in page


def test_working_hours_past_the_target_read_as_a_negative_number_and_in_words(
    client, makkah, staff, policies
):
    with clock.at(clock.now() - datetime.timedelta(days=10)):
        late = _case(makkah)
    client.force_login(staff["supervisor"])
    page = _page(client, f"/staff/cases/{late.reference}/", HTTP_ACCEPT_LANGUAGE="en")
    hours = re.search(r'Working hours left: <bdi><bdi dir="ltr">−(\d+)</bdi> hr</bdi>', page)
    assert hours and int(hours.group(1)) > 0
    assert f"{hours.group(1)} working hours late" in page


def test_triage_suggestions_name_the_category_and_apply_with_one_click(client, makkah, staff):
    case = _case(makkah, category=None, description="الوضع سيء", lat=None, lon=None)
    TriageResult.objects.filter(case=case).update(
        category="lighting_signs",
        confidence=0.82,
        alternatives=[
            {"category": "cleanliness", "confidence": 0.16},
            {"category": "no_such", "confidence": 0.02},
        ],
    )
    client.force_login(staff["agent"])
    page = _page(client, f"/staff/cases/{case.reference}/", HTTP_ACCEPT_LANGUAGE="en")
    suggestions = page.split('class="hint suggestions"')[1].split("</div>")[0]
    assert (
        "Lighting and signs <small>82%</small>" in suggestions
        and "Cleanliness <small>16%</small>" in suggestions
    )
    assert "no_such" not in suggestions and "0.82" not in suggestions
    assert suggestions.count(f'action="/staff/cases/{case.reference}/category/"') == 2
    queue = _page(client, "/staff/queue/triage/", HTTP_ACCEPT_LANGUAGE="en")
    row = queue.split(f'data-reference="{case.reference}"')[1].split("</tr>")[0]
    assert "Suggested: Lighting and signs (82%)" in row
    client.post(f"/staff/cases/{case.reference}/category/", {"category": "lighting_signs"})
    case.refresh_from_db()
    assert case.category.code == "lighting_signs" and case.status == "triaged"
    assert CaseEvent.objects.get(case=case, kind="category_changed").data["corrected"] is True


def test_the_timeline_names_people_channels_and_the_system(client, makkah, staff, policies):
    with clock.at(clock.now() - datetime.timedelta(days=10)):
        case = _case(makkah, channel="whatsapp")
    case_sla_sweep()
    services.case_assign(case=case, by=staff["supervisor"], assignee=staff["field_clean"])
    client.force_login(staff["supervisor"])
    page = _page(client, f"/staff/cases/{case.reference}/", HTTP_ACCEPT_LANGUAGE="en")
    timeline = page.split('class="timeline"')[1]
    assert "The reporter, by WhatsApp" in timeline
    assert "Khidma (automatic)" in timeline  # the sweep's escalation
    assert (
        "محمد المالكي" in timeline
        and ">system<" not in timeline
        and "mohammed" not in timeline.replace('title="mohammed"', "")
    )


# --- The console --------------------------------------------------------------------------------------------


def test_a_case_placed_by_its_area_gets_the_areas_point_and_a_map(client, makkah, staff):
    client.force_login(staff["agent"])
    response = client.post(
        "/staff/console/",
        {
            "description": "حفرة في الشارع الرئيسي",
            "kind": "report",
            "priority": "normal",
            "category": "roads_sidewalks",
            "area": "east",
            "idempotency_key": "k1",
        },
    )
    assert response.status_code == 302
    case = Case.objects.get()
    east = Area.objects.get(code="east")
    assert (case.area, round(case.lat, 4), round(case.lon, 4)) == (
        east,
        round(east.centre_lat, 4),
        round(east.centre_lon, 4),
    )
    assert 'id="case-map"' in _page(client, response["Location"])


def test_two_reports_placed_by_one_area_are_not_duplicates_by_distance(client, makkah, staff):
    """The area's point stands for the whole area: the second caller's pothole in "east" is not the first's,
    whether the server placed it or the console's map filled in the area's point."""
    client.force_login(staff["agent"])
    east = Area.objects.get(code="east")
    filled_in = {"lat": f"{east.centre_lat:.6f}", "lon": f"{east.centre_lon:.6f}"}  # by the console's map
    for key, point in (("a1", {}), ("a2", filled_in)):
        response = client.post(
            "/staff/console/",
            {
                "description": "حفرة في الشارع",
                "kind": "report",
                "priority": "normal",
                "category": "roads_sidewalks",
                "area": "east",
                "idempotency_key": key,
                **point,
            },
        )
        assert response.status_code == 302
    cases = list(Case.objects.order_by("pk"))
    assert len(cases) == 2
    assert [c.duplicate_of_id for c in cases] == [None, None]
    assert all(c.lat is not None and c.area == east for c in cases)


def test_the_console_keeps_the_agents_own_point_and_offers_area_points_to_its_map(client, makkah, staff):
    client.force_login(staff["agent"])
    page = _page(client, "/staff/console/")
    assert 'data-points="{&quot;east&quot;: [' in page
    client.post(
        "/staff/console/",
        {
            "description": "حفرة",
            "kind": "report",
            "priority": "normal",
            "area": "east",
            "lat": "21.4",
            "lon": "39.9",
        },
    )
    assert (Case.objects.get().lat, Case.objects.get().lon) == (21.4, 39.9)


def test_a_suggestion_chosen_without_javascript_fills_the_category_and_creates_nothing(client, makkah, staff):
    client.force_login(staff["agent"])
    response = client.post(
        "/staff/console/",
        {
            "description": "إنارة الشارع مطفأة منذ يومين",
            "pick_category": "lighting_signs",
            "idempotency_key": "k",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    page = response.content.decode()
    assert response.status_code == 200 and not Case.objects.exists()
    assert '<option value="lighting_signs" selected>' in page
    assert "This field is required" not in page
    assert 'name="pick_category"' in page and "%</small>" in page


def test_console_errors_sit_beside_their_field_in_words(client, makkah, staff):
    client.force_login(staff["agent"])
    response = client.post(
        "/staff/console/",
        {
            "description": "حفرة",
            "kind": "report",
            "priority": "normal",
            "phone": "12",
            "idempotency_key": "e",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    page = response.content.decode()
    phone_field = page.split('class="field f-phone')[1].split("</div>")[0]
    assert "This phone number is not valid." in phone_field
    assert "reporter.phone" not in page
