"""Prepared replies: writing them (every problem at once), who may, which ones a case is offered, and the
migration that carried the one-language canned replies over."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from khidma.cases import selectors, services
from khidma.cases.intake import IntakeRequest
from khidma.cases.replies import prepared_reply_create, prepared_reply_set_active, prepared_reply_update
from khidma.core.errors import DomainError
from tests.i18n.conftest import CONTAINER_EMPTIED

pytestmark = pytest.mark.django_db


def _codes(exc: pytest.ExceptionInfo) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in exc.value.errors}


def test_a_reply_holds_each_language_with_its_title_and_text(makkah, staff):
    reply = prepared_reply_create(
        organization=makkah,
        by=staff["supervisor"],
        title={"ar": "تم التفريغ", "en": "Emptied", "bn": ""},
        text={"ar": CONTAINER_EMPTIED["ar"], "en": CONTAINER_EMPTIED["en"], "bn": "  "},
        actions=["resolve"],
        categories=["cleanliness"],
    )
    assert reply.key == "emptied"  # made from the English title
    assert set(reply.text) == {"ar", "en"}  # an empty language is missing, not blank
    assert [c.code for c in reply.categories.all()] == ["cleanliness"]
    assert reply.created_by == staff["supervisor"] and reply.is_active


def test_every_problem_is_reported_at_once_and_nothing_is_written(makkah, staff):
    with pytest.raises(DomainError) as refused:
        prepared_reply_create(
            organization=makkah,
            by=staff["admin"],
            key="Not a key!",
            title={"ar": "عنوان بلا نص", "en": ""},
            text={"en": "Text without a title"},
            actions=["resolve", "dance"],
            categories=["no-such-category"],
        )
    assert _codes(refused) == {
        ("key", "invalid"),
        ("body_ar", "required"),
        ("title_en", "required"),
        ("actions", "invalid_choice"),
        ("categories", "unknown_category"),
    }
    with pytest.raises(DomainError) as empty:
        prepared_reply_create(organization=makkah, by=None, key="x", title={}, text={}, actions=["note"])
    assert _codes(empty) == {("title_ar", "required")}
    from khidma.cases.models import PreparedReply

    assert not PreparedReply.objects.exists()


def test_keys_are_unique_within_an_organization_only(makkah, taif, replies):
    with pytest.raises(DomainError) as taken:
        prepared_reply_create(
            organization=makkah,
            by=None,
            key="container-emptied",
            title={"en": "t"},
            text={"en": "x"},
            actions=["note"],
        )
    assert _codes(taken) == {("key", "taken")}
    other = prepared_reply_create(
        organization=taif,
        by=None,
        key="container-emptied",
        title={"en": "t"},
        text={"en": "x"},
        actions=["note"],
    )
    assert other.organization == taif


def test_only_administrators_and_supervisors_keep_replies_and_never_another_organizations(staff, replies):
    reply = replies["emptied"]
    for persona in ("agent", "field_clean", "followup", "women"):
        with pytest.raises(DomainError) as denied:
            prepared_reply_set_active(reply=reply, by=staff[persona], active=False)
        assert denied.value.status == 403
    with pytest.raises(DomainError) as elsewhere:
        prepared_reply_update(
            reply=reply,
            by=staff["taif_supervisor"],
            key=reply.key,
            title=reply.title,
            text=reply.text,
            actions=reply.actions,
        )
    assert elsewhere.value.status == 404
    assert prepared_reply_set_active(reply=reply, by=staff["admin"], active=False).is_active is False


def test_a_case_is_offered_the_active_replies_of_its_action_and_category(makkah, staff, replies):
    clean = services.case_create(
        request=IntakeRequest(
            organization=makkah, description="نفايات", channel="web", category="cleanliness"
        )
    ).case
    light = services.case_create(
        request=IntakeRequest(
            organization=makkah, description="إنارة", channel="web", category="lighting_signs"
        )
    ).case
    keys = lambda case, action: [r.key for r in selectors.prepared_replies_fitting(case=case, action=action)]  # noqa: E731
    assert keys(clean, "resolve") == ["container-emptied"]
    assert keys(light, "resolve") == []  # a cleanliness reply is not offered for a broken lamp
    assert keys(light, "hold") == keys(clean, "hold") == ["need-exact-place"]  # no category: every case
    assert keys(clean, "refer") == ["water-company"]
    prepared_reply_set_active(reply=replies["place"], by=staff["supervisor"], active=False)
    assert keys(clean, "hold") == []


@pytest.mark.django_db(transaction=True)
def test_the_migration_carries_each_canned_reply_over_as_a_reply_in_its_language(makkah):
    executor = MigrationExecutor(connection)
    executor.migrate([("cases", "0014_event_kinds_for_erasure_and_code_locks")])
    old = executor.loader.project_state([("cases", "0014_event_kinds_for_erasure_and_code_locks")]).apps
    canned = old.get_model("cases", "CannedReply")
    first = canned.objects.create(
        organization_id=makkah.pk, title="فريق", language="ar", text="تم إرسال فريق"
    )
    canned.objects.create(
        organization_id=makkah.pk, title="Team sent", language="en", text="A team is on its way"
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    from khidma.cases.models import PreparedReply

    carried = {r.key: r for r in PreparedReply.objects.all()}
    assert set(carried) == {f"canned-{first.pk}", f"canned-{first.pk + 1}"}
    arabic = carried[f"canned-{first.pk}"]
    assert (arabic.title, arabic.text) == ({"ar": "فريق"}, {"ar": "تم إرسال فريق"})
    assert arabic.actions == ["resolve", "hold", "note"] and arabic.is_active
    assert "cases_cannedreply" not in connection.introspection.table_names()
