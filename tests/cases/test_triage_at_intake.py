"""Triage applied to incoming reports: the category above the organization's threshold, the triage queue
below it, urgency, routing rules, referral to partners, and duplicates nearby.

The model's answers are fixed here (``assess`` is replaced) so these tests pin the rules applied to them;
tests/triage tests the model itself, and test_real_model_end_to_end runs the two together."""

from __future__ import annotations

import pytest

from khidma.cases import triage
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case, TriageResult
from khidma.cases.services import case_create
from khidma.organizations.models import Category, Department
from khidma.outbox.models import OutboundMessage
from khidma.triage.models import RoutingRule, TriageSettings
from tests.conftest import AZIZIYAH, HARAM

pytestmark = pytest.mark.django_db


@pytest.fixture
def model_says(monkeypatch):
    def fix(
        category: str | None, confidence: float = 0.9, language: str = "ar", urgent: list[str] | None = None
    ):
        answer = triage.Assessment(
            language=language,
            language_confidence=0.99,
            category=category,
            confidence=confidence,
            alternatives=[
                {"category": "other", "confidence": 0.05},
                {"category": "floods", "confidence": 0.03},
            ],
            urgent_terms=urgent or [],
        )
        monkeypatch.setattr(triage, "assess", lambda text, language=None: answer)

    return fix


def report(makkah, **fields) -> Case:
    fields.setdefault("description", "something")
    return case_create(request=IntakeRequest(organization=makkah, channel="web", **fields)).case


def test_a_confident_category_is_applied_and_recorded(makkah, model_says):
    model_says("lighting_signs", confidence=0.93)
    case = report(makkah)
    assert (case.category.code, case.department.code, case.status) == (
        "lighting_signs",
        "lighting",
        "triaged",
    )
    triaged = case.events.get(kind="triaged")
    assert triaged.data["auto"] is True and triaged.data["confidence"] == 0.93
    result = TriageResult.objects.get(case=case)
    assert result.applied and result.alternatives[0]["category"] == "other"


def test_below_the_threshold_the_case_waits_in_triage_with_suggestions(makkah, model_says):
    TriageSettings.objects.create(organization=makkah, auto_apply_threshold=0.8)
    model_says("lighting_signs", confidence=0.7)
    case = report(makkah)
    assert case.category is None and case.status == "new"
    result = TriageResult.objects.get(case=case)
    assert (result.category, result.applied) == ("lighting_signs", False)


def test_a_category_the_organization_does_not_have_is_never_applied(makkah, model_says):
    model_says("burial", confidence=0.99)
    assert report(makkah).category is None


def test_the_language_is_detected_when_not_given(makkah, model_says):
    model_says("cleanliness", language="ur")
    assert report(makkah).language == "ur"
    assert report(makkah, language="fr").language == "fr"


def test_danger_words_make_a_report_urgent_unless_staff_set_the_priority(makkah, model_says):
    model_says("cleanliness", urgent=["fire"])
    assert report(makkah).priority == "urgent"
    assert report(makkah, priority="low").priority == "low"


def test_routing_rules_most_specific_wins(makkah, model_says):
    category = Category.objects.get(organization=makkah, code="cleanliness")
    east_team = Department.objects.create(
        organization=makkah, code="east_cleaning", names={"en": "East team"}
    )
    complaints = Department.objects.create(
        organization=makkah, code="clean_complaints", names={"en": "Complaints"}
    )
    from khidma.organizations.models import Area

    east = Area.objects.get(organization=makkah, code="east")
    RoutingRule.objects.create(organization=makkah, category=category, area=east, department=east_team)
    RoutingRule.objects.create(
        organization=makkah, category=category, kind="complaint", department=complaints
    )
    model_says("cleanliness")
    assert report(makkah, lat=AZIZIYAH[0], lon=AZIZIYAH[1]).department == east_team
    assert report(makkah, lat=HARAM[0], lon=HARAM[1]).department.code == "cleanliness"
    assert report(makkah, kind="complaint").department == complaints
    assert report(makkah, kind="complaint", lat=AZIZIYAH[0], lon=AZIZIYAH[1]).department == east_team


def test_a_partner_rule_refers_the_case_and_tells_the_reporter(makkah, model_says):
    category = Category.objects.create(organization=makkah, code="partner_entities", names={"en": "Partners"})
    RoutingRule.objects.create(organization=makkah, category=category, partner="National Water Company")
    model_says("partner_entities")
    case = report(makkah, reporter=Reporter(phone="0551234567"))
    assert (case.status, case.referred_to) == ("referred", "National Water Company")
    assert OutboundMessage.objects.filter(case=case, template="referred").exists()


def test_a_report_of_the_same_problem_nearby_is_linked_and_its_reporter_told_when_fixed(
    makkah, model_says, staff
):
    from khidma.cases import services

    model_says("cleanliness")
    first = report(makkah, lat=HARAM[0], lon=HARAM[1])
    # ~55 m away
    near = report(makkah, lat=HARAM[0] + 0.0005, lon=HARAM[1], reporter=Reporter(phone="0551112233"))
    far = report(makkah, lat=HARAM[0] + 0.01, lon=HARAM[1])  # ~1.1 km away
    assert (near.status, near.duplicate_of_id) == ("duplicate", first.pk)
    assert near.events.get(kind="marked_duplicate").data["auto"] is True
    assert far.status == "triaged" and far.duplicate_of_id is None
    assert OutboundMessage.objects.filter(case=near, template="duplicate").exists()
    services.case_assign(case=first, by=staff["supervisor"], department=first.department)
    services.case_resolve(case=first, by=staff["supervisor"], note="تم تنظيف الموقع")
    told = OutboundMessage.objects.get(case=near, template="duplicate_fixed")
    assert "تم تنظيف الموقع" in told.text


def test_only_open_reports_within_the_window_are_duplicates(makkah, model_says, staff):
    import datetime

    from khidma.cases import services
    from khidma.core import clock

    model_says("cleanliness")
    with clock.at(clock.now() - datetime.timedelta(days=10)):
        old = report(makkah, lat=HARAM[0], lon=HARAM[1])
    assert report(makkah, lat=HARAM[0], lon=HARAM[1]).duplicate_of_id is None  # the old one is outside 7 days
    services.case_reject(case=old, by=staff["supervisor"], reason="بلاغ تجريبي")


@pytest.mark.django_db(transaction=True)
def test_nearby_endpoint_lists_open_reports_without_personal_data(api, makkah, model_says):
    model_says("cleanliness")
    first = report(
        makkah, lat=HARAM[0], lon=HARAM[1], reporter=Reporter(phone="0551234567"), description="secret words"
    )
    listing = api.get(
        "/reports/nearby", params={"lat": HARAM[0] + 0.0003, "lon": HARAM[1], "category": "cleanliness"}
    )
    assert listing.status_code == 200
    (item,) = listing.json()
    assert item["reference"] == first.reference and 25 < item["distance_m"] < 45
    assert "secret" not in listing.text and "551234567" not in listing.text
    assert (
        api.get(
            "/reports/nearby", params={"lat": HARAM[0], "lon": HARAM[1], "category": "lighting_signs"}
        ).json()
        == []
    )
    bad = api.get("/reports/nearby", params={"lat": HARAM[0], "lon": HARAM[1], "category": "nope"})
    assert bad.status_code == 400


def test_a_failing_model_never_loses_the_report(makkah, monkeypatch):
    def broken(text):
        raise RuntimeError("model file corrupt")

    from khidma.triage import language

    monkeypatch.setattr(language, "detect", broken, raising=False)
    case = report(makkah, description="حاوية ممتلئة")
    assert case.pk and case.status == "new"
