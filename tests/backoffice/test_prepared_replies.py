"""The back office's prepared replies: the list shows each language present or missing, create and edit
keep what was typed on a refused form, deactivate; the case page offers the fitting replies in each
action's form (without JavaScript) and says when typed words would reach a reporter of another language."""

from __future__ import annotations

import pytest

from khidma.cases import services
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case, CaseEvent, PreparedReply
from khidma.outbox.models import OutboundMessage
from tests.i18n.conftest import ARABIC_NOTE, CONTAINER_EMPTIED

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_the_list_shows_which_languages_each_reply_is_missing(client, staff, replies):
    client.force_login(staff["supervisor"])
    page = client.get("/staff/replies/", **EN).content.decode()
    row = page[page.index('id="reply-water-company"') :]
    row = row[: row.index("</tr>")]
    assert "8 languages missing" in row and "<del>bn</del>" in row and "<del>ar</del>" not in row
    full = page[page.index('id="reply-container-emptied"') :]
    assert "missing" not in full[: full.index("</tr>")]


def test_only_administrators_and_supervisors_reach_the_reply_pages(client, staff, replies):
    for persona in ("agent", "field_clean", "followup"):
        client.force_login(staff[persona])
        assert client.get("/staff/replies/").status_code == 403
        assert (
            client.post(f"/staff/replies/{replies['emptied'].pk}/active/", {"active": "0"}).status_code == 403
        )
    client.force_login(staff["taif_supervisor"])
    assert client.get(f"/staff/replies/{replies['emptied'].pk}/").status_code == 404
    client.force_login(staff["admin"])
    assert client.get("/staff/replies/").status_code == 200
    assert "Prepared replies" in client.get("/staff/replies/", **EN).content.decode()


def test_a_refused_reply_comes_back_with_everything_typed_and_a_good_one_is_saved(client, makkah, staff):
    client.force_login(staff["admin"])
    form = {
        "key": "",
        "actions": ["resolve", "note"],
        "categories": ["cleanliness"],
        "title_ar": "تم التفريغ",
        "body_ar": "",
        "title_en": "Emptied",
        "body_en": "The container was emptied.",
    }
    refused = client.post("/staff/replies/new/", form, **EN)
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "Enter the text." in page and 'value="تم التفريغ"' in page and "The container was emptied." in page
    assert not PreparedReply.objects.exists()
    saved = client.post("/staff/replies/new/", {**form, "body_ar": "تم تفريغ الحاوية."}, **EN)
    reply = PreparedReply.objects.get()
    assert saved["Location"] == f"/staff/replies/{reply.pk}/?done=created"
    assert (reply.key, reply.actions, reply.text["ar"]) == (
        "emptied",
        ["resolve", "note"],
        "تم تفريغ الحاوية.",
    )
    edited = client.post(
        f"/staff/replies/{reply.pk}/", {**form, "key": "emptied", "body_ar": "تم.", "actions": ["hold"]}
    )
    assert edited.status_code == 302
    reply.refresh_from_db()
    assert reply.actions == ["hold"] and reply.text["ar"] == "تم." and reply.updated_by == staff["admin"]
    client.post(f"/staff/replies/{reply.pk}/active/", {"active": "0"})
    reply.refresh_from_db()
    assert not reply.is_active


def _assigned(makkah, staff, language: str, phone: str) -> Case:
    case = services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="নোংরা জমে আছে",
            channel="web",
            category="cleanliness",
            language=language,
            reporter=Reporter(phone=phone),
        )
    ).case
    return services.case_assign(case=case, by=staff["supervisor"], department=case.department)


def test_the_case_page_offers_the_replies_that_fit_each_action(client, makkah, staff, replies):
    case = _assigned(makkah, staff, "bn", "0551000301")
    client.force_login(staff["supervisor"])
    page = client.get(f"/staff/cases/{case.reference}/", **EN).content.decode()
    resolve = page[page.index('id="action-resolve"') :]
    resolve = resolve[: resolve.index("</details>")]
    assert f'<option value="{replies["emptied"].pk}">' in resolve
    assert str(replies["place"].pk) not in resolve.split('name="reply"')[1].split("</select>")[0]
    refer = page[page.index('id="action-refer"') :]
    assert "not written in Bengali" in refer[: refer.index("</details>")]


def test_choosing_a_reply_without_javascript_sends_it_in_the_reporters_language(
    client, makkah, staff, replies
):
    case = _assigned(makkah, staff, "bn", "0551000302")
    client.force_login(staff["supervisor"])
    response = client.post(
        f"/staff/cases/{case.reference}/resolve/", {"reply": replies["emptied"].pk, "note": ""}
    )
    assert response.status_code == 302
    message = OutboundMessage.objects.get(case=case, template="resolved")
    assert CONTAINER_EMPTIED["bn"] in message.text


def test_the_form_says_typed_words_would_not_be_translated_and_sends_them_only_when_confirmed(
    client,
    makkah,
    staff,
    replies,
):
    case = _assigned(makkah, staff, "bn", "0551000303")
    client.force_login(staff["supervisor"])
    page = client.get(f"/staff/cases/{case.reference}/", **EN).content.decode()
    assert "The reporter reads Bengali, and a text you type is not translated." in page
    refused = client.post(f"/staff/cases/{case.reference}/resolve/", {"note": ARABIC_NOTE}, **EN)
    assert refused.status_code == 409
    again = refused.content.decode()
    form = again[again.index('<details open id="action-resolve">') :]  # the form comes back open
    form = form[: form.index("</details>")]
    assert (
        f">{ARABIC_NOTE}</textarea>" in form and 'name="send_untranslated"' in form and 'role="alert"' in form
    )
    assert Case.objects.get(pk=case.pk).status == "assigned"
    client.post(f"/staff/cases/{case.reference}/resolve/", {"note": ARABIC_NOTE, "send_untranslated": "on"})
    event = CaseEvent.objects.get(case=case, kind="resolved")
    assert event.data["sent_untranslated"] == ["bn"]


def test_htmx_gets_the_refused_form_back_in_place(client, makkah, staff):
    case = _assigned(makkah, staff, "bn", "0551000304")
    client.force_login(staff["supervisor"])
    part = client.post(
        f"/staff/cases/{case.reference}/resolve/", {"note": ARABIC_NOTE}, HTTP_HX_REQUEST="true", **EN
    ).content.decode()
    assert part.startswith('<div id="case">') and f">{ARABIC_NOTE}</textarea>" in part
