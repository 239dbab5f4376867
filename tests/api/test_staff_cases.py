"""Staff work cases over the API: taking them in, finding them, and every lifecycle action."""

import datetime

import pytest

from khidma.cases.models import Case, CaseEvent

pytestmark = pytest.mark.django_db(transaction=True)


def create(client, **fields):
    body = {
        "description": "النفايات متراكمة أمام المدرسة",
        "category": "cleanliness",
    }
    body.update(fields)
    if client.headers.get("X-Persona-Post") == "none":
        body.setdefault("channel", "phone_940")
    response = client.post("/cases", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def act(client, reference, action, **body):
    return client.post(f"/cases/{reference}/{action}", json=body)


def test_an_agent_takes_a_call_and_the_channel_and_post_come_from_their_post(client_for):
    agent = client_for("agent")
    case = create(agent, reporter={"name": "Ali", "phone": "0551234567"})
    assert case["channel"] == "phone_940"
    assert case["service_point"]["code"] == "call_centre"
    assert case["reporter"]["phone"] == "+966551234567"
    assert [e["kind"] for e in case["events"]] == ["created", "triaged"]
    assert case["events"][0]["actor"] == "sara"


def test_a_counter_case_needs_no_channel_and_a_mosque_case_needs_its_point(client_for):
    counter = client_for("counter")
    assert create(counter)["channel"] == "counter"
    agent = client_for("agent")
    response = agent.post(
        "/cases", json={"description": "d", "channel": "mosque_counter", "service_point": ""}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "service_point"
    assert (
        create(agent, channel="mosque_counter", service_point="mosque_1")["service_point"]["code"]
        == "mosque_1"
    )


def test_a_letter_can_be_backdated_but_not_into_the_future(client_for):
    agent = client_for("agent")
    received = "2026-03-01T09:30:00+03:00"
    case = create(agent, channel="letter", received_at=received)
    assert datetime.datetime.fromisoformat(case["received_at"]) == datetime.datetime.fromisoformat(received)
    future = (datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=2)).isoformat()
    response = agent.post("/cases", json={"description": "d", "channel": "letter", "received_at": future})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "in_future"


def test_proxy_work_records_the_principal(client_for):
    agent = client_for("agent")
    case = create(
        agent,
        principal={"name": "Sgt. Saleh", "relationship": "brother", "document": "Authorization 1447/55"},
    )
    assert case["principal"] == {
        "name": "Sgt. Saleh",
        "relationship": "brother",
        "document": "Authorization 1447/55",
    }


def test_the_whole_lifecycle_through_the_api_with_one_event_per_change(client_for):
    agent, head, field, followup = (
        client_for("agent"),
        client_for("head_clean"),
        client_for("field_clean"),
        client_for("followup"),
    )
    reference = create(agent)["reference"]
    assert act(head, reference, "assign", assignee="fahd").json()["status"] == "assigned"
    assert act(field, reference, "start").json()["status"] == "in_progress"
    held = act(field, reference, "hold", note="نرجو إرسال صورة للموقع بالضبط")
    assert held.json()["status"] == "on_hold"
    assert act(field, reference, "resume").json()["status"] == "in_progress"
    resolved = act(field, reference, "resolve", note="تم تنظيف الموقع وتفريغ الحاوية")
    assert resolved.json()["status"] == "resolved"
    assert resolved.json()["resolved_at"] is not None
    assert (
        act(followup, reference, "reopen", note="Reporter says it is dirty again").json()["status"]
        == "reopened"
    )
    assert act(field, reference, "resolve", note="تم التنظيف مرة أخرى").json()["status"] == "resolved"
    closed = act(followup, reference, "close", note="Reporter confirmed")
    assert closed.json()["status"] == "closed"
    kinds = [e["kind"] for e in closed.json()["events"]]
    assert kinds == [
        "created",
        "triaged",
        "assigned",
        "started",
        "held",
        "resumed",
        "resolved",
        "reopened",
        "resolved",
        "closed",
    ]
    transitions = [(e["from_status"], e["to_status"]) for e in closed.json()["events"][2:]]
    assert transitions[0] == ("triaged", "assigned")
    assert transitions[-1] == ("resolved", "closed")


def test_public_timeline_shows_public_steps_and_notes_only(client_for, api):
    agent, supervisor = client_for("agent"), client_for("supervisor")
    reference = create(agent)["reference"]
    act(supervisor, reference, "note", note="internal: contractor is slow", public=False)
    act(supervisor, reference, "note", note="أرسلنا فريقاً إلى الموقع.", public=True)
    timeline = api.get(f"/reports/{reference}").json()["timeline"]
    notes = [item["note"] for item in timeline if item["note"]]
    assert notes == ["أرسلنا فريقاً إلى الموقع."]


def test_an_illegal_transition_is_a_clear_409_and_changes_nothing(client_for):
    agent, field = client_for("agent"), client_for("field_clean")
    reference = create(agent)["reference"]
    before = CaseEvent.objects.count()
    response = act(field, reference, "resolve", note="done")  # triaged cases are not resolved unassigned
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "invalid_transition"
    assert Case.objects.get(reference=reference).status == "triaged"
    assert CaseEvent.objects.count() == before


def test_closed_cases_only_reopen(client_for):
    supervisor = client_for("supervisor")
    reference = create(supervisor)["reference"]
    act(supervisor, reference, "assign", department="cleanliness")
    act(supervisor, reference, "resolve", note="تمت المعالجة")
    act(supervisor, reference, "close")
    for action, body in [
        ("start", {}),
        ("hold", {"note": "q"}),
        ("priority", {"priority": "urgent"}),
        ("category", {"category": "lighting_signs"}),
    ]:
        response = act(supervisor, reference, action, **body)
        assert response.status_code == 409, action
    assert act(supervisor, reference, "reopen", note="again").json()["status"] == "reopened"


def test_actions_that_need_a_reason_refuse_without_one(client_for):
    supervisor = client_for("supervisor")
    reference = create(supervisor)["reference"]
    for action in ("hold", "reject", "refer"):
        response = act(supervisor, reference, action)
        assert response.status_code == 400, action
        assert response.json()["errors"][0]["code"] == "required"


def test_refer_reject_and_duplicate(client_for):
    supervisor = client_for("supervisor")
    original = create(supervisor)["reference"]
    copy = create(supervisor)["reference"]
    dup = act(supervisor, copy, "duplicate", duplicate_of=original)
    assert dup.json()["status"] == "duplicate"
    assert dup.json()["duplicate_of"] == original
    self_dup = act(supervisor, original, "duplicate", duplicate_of=original)
    assert self_dup.status_code == 400
    referred = act(
        supervisor,
        create(supervisor)["reference"],
        "refer",
        partner="National Water Company",
        note="تسرب في أنبوب المياه",
    )
    assert referred.json()["status"] == "referred"
    assert referred.json()["referred_to"] == "National Water Company"
    rejected = act(supervisor, create(supervisor)["reference"], "reject", note="رسالة تجريبية وليست بلاغًا")
    assert rejected.json()["status"] == "rejected"


def test_category_correction_reroutes_and_is_recorded_as_a_correction(client_for, makkah):
    from khidma.triage.models import TriageSettings

    TriageSettings.objects.create(organization=makkah, auto_apply_threshold=1.01)  # leave it to people
    agent = client_for("agent")
    reference = create(agent, category=None)["reference"]
    case = act(agent, reference, "category", category="lighting_signs").json()
    assert case["status"] == "triaged"
    assert case["department"]["code"] == "lighting"
    change = next(e for e in case["events"] if e["kind"] == "category_changed")
    assert change["data"]["category"] == [None, "lighting_signs"]
    assert change["data"]["corrected"] is True


def test_priority_change_is_an_event(client_for):
    agent = client_for("agent")
    reference = create(agent)["reference"]
    case = act(agent, reference, "priority", priority="urgent", note="live wire").json()
    assert case["priority"] == "urgent"
    assert case["events"][-1]["data"] == {"priority": ["normal", "urgent"]}
    bad = act(agent, reference, "priority", priority="apocalyptic")
    assert bad.status_code == 400


def test_list_filters_search_and_paging(client_for):
    agent = client_for("agent")
    a = create(agent, description="Graffiti on the school wall")["reference"]
    create(agent, description="Lamp post dark", category="lighting_signs")
    create(agent, description="Rubbish", reporter={"phone": "0551112233"})
    listing = agent.get("/cases", params={"category": "lighting_signs"}).json()
    assert listing["count"] == 1 and listing["items"][0]["description"] == "Lamp post dark"
    assert agent.get("/cases", params={"q": "graffiti"}).json()["items"][0]["reference"] == a
    assert agent.get("/cases", params={"q": a}).json()["count"] == 1
    assert agent.get("/cases", params={"q": "0551112233"}).json()["count"] == 1
    page = agent.get("/cases", params={"page_size": 2, "page": 2}).json()
    assert page["count"] == 3 and len(page["items"]) == 1
    assert agent.get("/cases", params={"status": ["triaged", "new"]}).json()["count"] == 3
    assert agent.get("/cases", params={"page_size": 1000}).status_code == 400


def test_unknown_action_is_404_and_unknown_people_are_refused(client_for):
    supervisor = client_for("supervisor")
    reference = create(supervisor)["reference"]
    assert act(supervisor, reference, "teleport").status_code == 404
    response = act(supervisor, reference, "assign", assignee="nobody")
    assert response.status_code == 400 and response.json()["errors"][0]["code"] == "unknown_user"
    response = act(supervisor, reference, "assign", department="nowhere")
    assert response.status_code == 400 and response.json()["errors"][0]["code"] == "unknown_department"


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_photos_and_pdfs_attach_and_are_served_only_to_staff(client_for, live_server):
    import httpx

    agent = client_for("agent")
    reference = create(agent)["reference"]
    uploaded = agent.post(f"/cases/{reference}/attachments", files={"file": ("photo.png", PNG, "image/png")})
    assert uploaded.status_code == 201, uploaded.text
    assert uploaded.json()["content_type"] == "image/png"
    pdf = agent.post(
        f"/cases/{reference}/attachments",
        files={"file": ("letter.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n", "application/pdf")},
    )
    assert pdf.status_code == 201
    fetched = agent.get(uploaded.json()["url"].split("/api/v1", 1)[1])
    assert fetched.status_code == 200 and fetched.content == PNG
    assert httpx.get(uploaded.json()["url"]).status_code == 401
    detail = agent.get(f"/cases/{reference}").json()
    assert len(detail["attachments"]) == 2
    assert detail["events"][-1]["kind"] == "attachment_added"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.png", b"MZ\x90\x00 this is a Windows executable"),
        ("photo.jpg", b"<html><script>alert(1)</script></html>"),
        ("fake.png", b"\x89PNG\r\n\x1a\n but then garbage"),
    ],
)
def test_files_that_are_not_really_photos_or_pdfs_are_refused(client_for, name, content):
    agent = client_for("agent", language="ar")
    reference = create(agent)["reference"]
    response = agent.post(f"/cases/{reference}/attachments", files={"file": (name, content, "image/png")})
    assert response.status_code == 415
    error = response.json()["errors"][0]
    assert error["code"] == "unsupported_file_type"
    assert any("\u0600" <= ch <= "\u06ff" for ch in error["message"])
    assert Case.objects.get(reference=reference).attachments.count() == 0


def test_oversized_files_are_refused(client_for, settings):
    settings.KHIDMA_MAX_ATTACHMENT_BYTES = 1024
    agent = client_for("agent")
    reference = create(agent)["reference"]
    response = agent.post(
        f"/cases/{reference}/attachments",
        files={"file": ("big.pdf", b"%PDF-" + b"0" * 4096, "application/pdf")},
    )
    assert response.status_code == 413
    assert response.json()["errors"][0]["code"] == "file_too_large"


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("إنارة الشارع مطفأة", "اناره"),  # hamza on alef, ta marbuta
        ("مستشفى الملك", "مستشفي"),  # alef maqsura
        ("الـــشـــارع مظلم", "الشارع"),  # tatweel
        ("حُفْرَة كبيرة", "حفره"),  # diacritics
        ("کوڑا کرکٹ گلی میں", "كوڑا"),  # Urdu kaf
        ("Café dirty kitchen", "cafe"),  # Latin accents
    ],
)
def test_search_finds_arabic_and_other_scripts_however_they_are_spelled(client_for, stored, typed):
    agent = client_for("agent")
    reference = create(agent, description=stored)["reference"]
    found = agent.get("/cases", params={"q": typed}).json()
    assert [item["reference"] for item in found["items"]] == [reference]


def test_field_staff_take_an_unassigned_case_and_a_head_gives_it_back(client_for):
    reference = create(client_for("agent"))["reference"]  # routed to cleanliness, nobody has it yet
    fahd, majid, head = client_for("field_clean"), client_for("field_light"), client_for("head_clean")
    taken = fahd.post(f"/cases/{reference}/take", json={"note": "أنا قريب"})
    assert taken.status_code == 200, taken.text
    body = taken.json()
    assert (body["assignee"], body["status"], body["events"][-1]["kind"]) == ("fahd", "assigned", "taken")
    # Once someone has it, nobody else takes it; another department does not even see it.
    again = head.post(f"/cases/{reference}/take", json={})
    assert again.status_code == 409 and again.json()["errors"][0]["code"] == "already_assigned"
    assert majid.post(f"/cases/{reference}/take", json={}).status_code == 404
    # Agents hand work out; they do not take it. Field staff do not give it back; heads do.
    assert client_for("agent").post(f"/cases/{reference}/take", json={}).status_code == 403
    assert fahd.post(f"/cases/{reference}/unassign", json={}).status_code == 403
    back = head.post(f"/cases/{reference}/unassign", json={"note": "عاجل لغيره"})
    assert back.status_code == 200
    assert (back.json()["assignee"], back.json()["status"]) == (None, "assigned")
    assert head.post(f"/cases/{reference}/unassign", json={}).status_code == 409  # nobody has it now
    assert list(
        CaseEvent.objects.filter(case__reference=reference, kind__in=["taken", "unassigned"])
        .order_by("id")
        .values_list("kind", "actor__username")
    ) == [("taken", "fahd"), ("unassigned", "abdullah")]


def test_a_head_gives_work_only_to_people_of_their_department(client_for):
    reference = create(client_for("agent"))["reference"]
    head = client_for("head_clean")
    refused = act(head, reference, "assign", assignee="majid")  # lighting
    assert refused.status_code == 400 and refused.json()["errors"][0]["code"] == "cannot_work_case"
    assert act(head, reference, "assign", assignee="sara").status_code == 400  # an agent works no cases
    assert act(head, reference, "assign", assignee="fahd").json()["assignee"] == "fahd"
