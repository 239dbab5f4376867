"""The closure code and the satisfaction survey, by link (API), by reply and by staff on site."""

from __future__ import annotations

import datetime
import re

import pytest

from khidma.cases import closure, services
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case, Satisfaction
from khidma.core import clock
from khidma.outbox.models import OutboundMessage

pytestmark = pytest.mark.django_db


def resolved_case(makkah, staff) -> tuple[Case, str]:
    case = services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="Lamp broken",
            channel="sms",
            category="lighting_signs",
            language="en",
            reporter=Reporter(phone="0551234567"),
        )
    ).case
    boss = staff["supervisor"]
    services.case_assign(case=case, by=boss, department=staff["field_light"].department)
    case = services.case_resolve(case=case, by=staff["supervisor"], note="Replaced the lamp.")
    text = OutboundMessage.objects.get(case=case, template="resolved").text
    code = re.search(r"\b(\d{6})\b", text).group(1)
    return case, code


def test_resolving_sends_a_one_time_code_with_the_question(makkah, staff):
    case, code = resolved_case(makkah, staff)
    text = OutboundMessage.objects.get(case=case, template="resolved").text
    assert "Replaced the lamp." in text and "Is it fixed?" in text
    assert code not in case.closure_code_hash  # only a keyed hash is stored
    assert closure.code_matches(case, code)
    assert not closure.code_matches(case, "000000" if code != "000000" else "111111")


def test_the_right_code_closes_the_case_as_confirmed_and_asks_for_a_rating(makkah, staff):
    case, code = resolved_case(makkah, staff)
    case = closure.case_confirm_closure(case=case, code=code, channel="web")
    assert (case.status, case.closure_outcome) == ("closed", "confirmed")
    assert OutboundMessage.objects.filter(case=case, template="rate").exists()
    rating = closure.case_rate(case=case, code=code, rating=5, channel="web", comment="Quick work")
    assert rating.rating == 5 and not Case.objects.get(pk=case.pk).needs_followup


def test_a_wrong_code_is_refused_and_changes_nothing(makkah, staff):
    from khidma.core.errors import DomainError

    case, code = resolved_case(makkah, staff)
    with pytest.raises(DomainError) as refused:
        closure.case_confirm_closure(
            case=case, code="999999" if code != "999999" else "111111", channel="web"
        )
    assert refused.value.errors[0].code == "wrong_code"
    assert Case.objects.get(pk=case.pk).status == "resolved"


def test_not_fixed_and_ratings_need_the_same_proof_as_a_confirmation(makkah, staff):
    """The closure code is checked by the services, so no channel can skip it."""
    from khidma.core.errors import DomainError

    case, code = resolved_case(makkah, staff)
    wrong = "999999" if code != "999999" else "111111"
    with pytest.raises(DomainError) as refused:
        closure.case_reject_closure(case=case, code=wrong, channel="web", reason="Still dark")
    assert refused.value.errors[0].code == "wrong_code"
    assert Case.objects.get(pk=case.pk).status == "resolved"
    # A reply from the reporter's own phone is proof enough.
    assert closure.case_reject_closure(
        case=case, code=None, channel="sms", from_reporter_phone=True
    ).status == ("reopened")
    case, code = resolved_case(makkah, staff)
    closure.case_confirm_closure(case=case, code=code, channel="web")
    with pytest.raises(DomainError) as refused:
        closure.case_rate(case=case, code=wrong, rating=1, channel="web")
    assert refused.value.errors[0].code == "wrong_code"
    assert not Satisfaction.objects.filter(case=case).exists()


def test_not_fixed_reopens_for_the_follow_up_unit(makkah, staff):
    case, code = resolved_case(makkah, staff)
    case = closure.case_reject_closure(case=case, code=code, channel="sms", reason="Still dark")
    assert case.status == "reopened" and case.needs_followup
    assert case.events.order_by("-id").first().kind == "closure_rejected"
    assert OutboundMessage.objects.filter(case=case, template="reopened").exists()


def test_silence_closes_as_unconfirmed_after_the_window(makkah, staff, settings):
    case, _code = resolved_case(makkah, staff)
    assert closure.case_close_unconfirmed_due(now=clock.now() + datetime.timedelta(days=2)) == 0
    later = clock.now() + datetime.timedelta(days=settings.KHIDMA_CLOSURE_CONFIRM_DAYS, minutes=1)
    assert closure.case_close_unconfirmed_due(now=later) == 1
    case.refresh_from_db()
    assert (case.status, case.closure_outcome) == ("closed", "unconfirmed")
    assert closure.case_close_unconfirmed_due(now=later) == 0


def test_a_low_rating_goes_to_the_follow_up_queue_and_ratings_are_once(makkah, staff):
    from khidma.core.errors import DomainError

    case, code = resolved_case(makkah, staff)
    closure.case_confirm_closure(case=case, code=code, channel="web")
    closure.case_rate(case=case, code=code, rating=2, channel="sms", comment="Took too long")
    assert Case.objects.get(pk=case.pk).needs_followup
    with pytest.raises(DomainError):
        closure.case_rate(case=case, code=code, rating=4, channel="sms")
    assert Satisfaction.objects.get(case=case).rating == 2


@pytest.mark.django_db(transaction=True)
def test_the_reporter_confirms_and_rates_by_link_over_http(api, makkah, staff):
    case, code = resolved_case(makkah, staff)
    wrong = api.post(
        f"/reports/{case.reference}/closure",
        json={"code": "12", "fixed": True},
        headers={"Accept-Language": "ar"},
    )
    assert wrong.status_code == 400
    done = api.post(f"/reports/{case.reference}/closure", json={"code": code, "fixed": True})
    assert done.status_code == 200 and done.json()["status"] == "closed"
    rated = api.post(f"/reports/{case.reference}/rating", json={"code": code, "rating": 4, "comment": "Good"})
    assert rated.status_code == 200
    again = api.post(f"/reports/{case.reference}/rating", json={"code": code, "rating": 4})
    assert again.status_code == 409


@pytest.mark.django_db(transaction=True)
def test_not_fixed_by_link_reopens(api, makkah, staff):
    case, code = resolved_case(makkah, staff)
    answer = api.post(
        f"/reports/{case.reference}/closure", json={"code": code, "fixed": False, "comment": "No"}
    )
    assert answer.json()["status"] == "reopened"


@pytest.mark.django_db(transaction=True)
def test_a_field_officer_enters_the_code_given_on_site(client_for, makkah, staff):
    case, code = resolved_case(makkah, staff)
    officer = client_for("field_light")
    response = officer.post(f"/cases/{case.reference}/confirm-closure", json={"note": code})
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "closed"
    assert response.json()["events"][-1]["kind"] == "closure_confirmed"
