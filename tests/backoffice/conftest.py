"""A shift's worth of back-office data for the page-by-page tests: cases in every state a queue shows (new
with triage's suggestions, routed, assigned, taken, on hold, breached, resolved, rated, reopened, duplicate,
referred, a women's-section case, one reported by WhatsApp), and the programs' records (a home visit, a proxy
authorization, a mobile car's stop, a walk-in, an application on a committee's agenda with a vote), plus an
advice article. Descriptions are Arabic, as most reports are, so any Latin word on an Arabic page is ours."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import pytest

from khidma.accounts.models import User
from khidma.accounts.services import user_create
from khidma.cases import closure, services
from khidma.cases.deadlines import case_sla_sweep
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case, TriageResult
from khidma.content import services as content
from khidma.core import clock
from khidma.organizations.models import Organization, ServicePoint
from khidma.programs.applications import services as applications
from khidma.programs.committees import services as committees
from khidma.programs.proxies import services as proxies
from khidma.programs.units import services as units
from khidma.programs.visits import services as visits
from tests.conftest import AZIZIYAH, HARAM, PASSWORD
from tests.i18n.conftest import replies  # noqa: F401 - Makkah's prepared replies in ten languages


@dataclass
class Shift:
    cases: dict[str, Case] = field(default_factory=dict)
    urls: list[str] = field(default_factory=list)


@pytest.fixture
def association_staff(staff, makkah) -> dict[str, User]:
    """The programs' researcher and a committee member, with their names."""
    staff["researcher"] = user_create(
        organization=makkah,
        role="researcher",
        username="latifa",
        password=PASSWORD,
        first_name="لطيفة",
        last_name="الباحثة",
    )
    staff["committee"] = user_create(
        organization=makkah,
        role="committee",
        username="saad",
        password=PASSWORD,
        first_name="سعد",
        last_name="عضو اللجنة",
    )
    return staff


def new_case(
    makkah: Organization, *, reporter_name: str = "أبو علي", reporter_phone: str = "0551234567", **kwargs
):
    """A case as a 940 agent takes it in (cleanliness, the caller's name and phone) unless told otherwise."""
    values = {
        "description": "تراكم النفايات أمام المسجد منذ يومين",
        "channel": "phone_940",
        "category": "cleanliness",
    }
    request = IntakeRequest(
        organization=makkah,
        reporter=Reporter(name=reporter_name, phone=reporter_phone),
        **(values | kwargs),
    )
    return services.case_create(request=request).case


def _case(makkah: Organization, **kwargs) -> Case:
    return new_case(makkah, **({"lat": HARAM[0], "lon": HARAM[1]} | kwargs))


@pytest.fixture
def shift(makkah, staff, association_staff, policies) -> Shift:
    people = staff
    cases: dict[str, Case] = {}
    with clock.at(clock.now() - datetime.timedelta(days=12)):
        cases["breached"] = _case(makkah, description="حفرة كبيرة في الطريق", category="roads_sidewalks")
        cases["rated"] = _case(makkah)
    case_sla_sweep()  # the old ones are breached and escalated (events by the system)
    services.case_take(case=cases["rated"], by=people["field_clean"])
    services.case_resolve(case=cases["rated"], by=people["field_clean"], note="تم التنظيف")
    services.case_close(case=cases["rated"], by=people["followup"], note="أغلق")
    closure.case_rate(
        case=Case.objects.get(pk=cases["rated"].pk),
        code=None,
        from_reporter_phone=True,  # the reporter answered the rating SMS from their own phone
        rating=2,
        comment="تأخروا",
        channel="sms",
    )

    cases["triage"] = _case(
        makkah, description="الوضع سيء هنا الرجاء الحضور", category=None, lat=None, lon=None
    )
    TriageResult.objects.filter(case=cases["triage"]).update(
        category="cleanliness",
        confidence=0.62,
        alternatives=[
            {"category": "roads_sidewalks", "confidence": 0.21},
            {"category": "other", "confidence": 0.1},
        ],
    )
    cases["routed"] = _case(makkah, lat=AZIZIYAH[0], lon=AZIZIYAH[1], address="شارع العزيزية")
    cases["taken"] = _case(makkah, description="حاوية مكسورة", lat=21.43, lon=39.70)
    services.case_take(case=cases["taken"], by=people["field_clean"])
    services.case_start(case=cases["taken"], by=people["field_clean"], note="في الطريق")
    cases["held"] = _case(makkah, description="إنارة مطفأة", category="lighting_signs", lat=21.44, lon=39.71)
    services.case_assign(case=cases["held"], by=people["supervisor"], assignee=people["field_light"])
    services.case_hold(case=cases["held"], by=people["field_light"], reason="أين العمود بالضبط؟")
    services.case_set_priority(case=cases["held"], by=people["supervisor"], priority="urgent")
    cases["reopened"] = _case(makkah, description="نفايات مرة أخرى", lat=21.45, lon=39.72)
    services.case_assign(case=cases["reopened"], by=people["head_clean"], assignee=people["field_clean"])
    services.case_resolve(case=cases["reopened"], by=people["field_clean"], note="تم")
    services.case_reopen(case=cases["reopened"], by=people["followup"], reason="لم يصلح")
    services.case_add_note(case=cases["reopened"], by=people["followup"], text="اتصلت بالمبلغ", public=True)
    cases["duplicate"] = _case(makkah, description="نفس المشكلة", lat=None, lon=None)
    services.case_mark_duplicate(case=cases["duplicate"], by=people["agent"], original=cases["routed"])
    cases["referred"] = _case(makkah, description="تسرب مياه", category="roads_sidewalks", lat=None, lon=None)
    services.case_refer(case=cases["referred"], by=people["agent"], partner="شركة المياه الوطنية")
    cases["recategorized"] = _case(
        makkah, description="عمود مائل", category="roads_sidewalks", lat=21.46, lon=39.73
    )
    services.case_set_category(case=cases["recategorized"], by=people["agent"], category="lighting_signs")
    cases["whatsapp"] = _case(
        makkah, channel="whatsapp", description="Sampah menumpuk di jalan", language="id"
    )
    cases["women"] = _case(
        makkah, channel="counter", service_point="hq", womens_section=True, description="طلب"
    )
    cases["unassigned"] = _case(makkah, description="أكياس في الحديقة", lat=21.47, lon=39.74)
    services.case_assign(case=cases["unassigned"], by=people["head_clean"], assignee=people["field_clean"])
    services.case_unassign(case=cases["unassigned"], by=people["head_clean"], note="أعيدت للإدارة")

    # The programs: a home visit, a proxy, a mobile car's stop, a walk-in, an application before a committee.
    team = visits.team_create(organization=makkah, name="فريق الزيارات", by=people["admin"])
    visit_case = _case(makkah, kind="service_request", description="كبير سن لا يستطيع الحضور", category=None)
    visit = visits.visit_record_eligibility(case=visit_case, reason="elderly", by=people["agent"])
    start = clock.now() + datetime.timedelta(days=2)
    visits.visit_schedule(
        visit=visit,
        team=team,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        by=people["agent"],
    )
    proxies.authorization_create(
        organization=makkah,
        principal_name="الجندي سالم",
        principal_phone="0559876543",
        relationship="شقيق",
        document_reference="وكالة 1448/221",
        expires_on=(clock.now() + datetime.timedelta(days=60)).date(),
        proxy=people["counter"],
        by=people["counter"],
    )
    car = ServicePoint.objects.create(
        organization=makkah,
        code="car_1",
        kind="mobile_car",
        names={"ar": "السيارة المتنقلة", "en": "Mobile car"},
    )
    units.unit_stop_create(
        unit=car,
        place_names={"ar": "حديقة الرويس"},
        lat=21.45,
        lon=39.82,
        weekdays=["sun", "mon", "tue", "wed", "thu", "fri", "sat"],
        date=None,
        starts=datetime.time(16, 0),
        ends=datetime.time(22, 0),
        valid_from=None,
        valid_until=None,
        by=people["supervisor"],
    )
    units.walkin_record(
        service_point=ServicePoint.objects.get(code="hq", organization=makkah),
        by=people["counter"],
        service="inquiry",
        language="ur",
        category="cleanliness",
        case=None,
        at=None,
        note="",
    )
    kind = applications.request_type_create(
        organization=makkah,
        code="food_basket",
        names={"ar": "سلة غذائية", "en": "Food basket"},
        required_documents=["national_id", "income_proof"],
        min_decision_days=0,
        by=people["admin"],
    )
    application = applications.application_submit(
        request_type=kind,
        case=_case(makkah, kind="service_request", description="أسرة محتاجة", category=None),
        declaration_accepted=True,
        declaration_channel="counter",
        documents=["national_id", "income_proof"],
        by=people["counter"],
    )
    applications.application_check(application=application, by=people["researcher"])
    application.refresh_from_db()
    applications.application_record_research(
        application=application, assessment="أسرة من ستة", recommendation="approve", by=people["researcher"]
    )
    committees.committee_create(organization=makkah, name="لجنة الدراسة", quorum=1, by=None)
    meeting = committees.meeting_create(
        organization=makkah,
        title="لجنة رمضان",
        held_at=clock.now() + datetime.timedelta(days=1),
        by=people["committee"],
    )
    application.refresh_from_db()
    committees.meeting_add_to_agenda(meeting=meeting, application=application, by=people["committee"])
    application.refresh_from_db()
    committees.meeting_vote(meeting=meeting, application=application, vote="approve", by=people["committee"])

    topic = content.topic_create(
        organization=makkah, by=people["admin"], code="building", names={"ar": "البناء", "en": "Building"}
    )
    article = content.article_create(
        organization=makkah,
        by=people["admin"],
        topic=topic,
        slug="setbacks",
        translations={"ar": {"title": "الارتدادات", "body": "اترك مترين."}},
    )

    urls = [
        "/staff/",
        *(
            f"/staff/queue/{name}/"
            for name in (
                "mine",
                "department",
                "triage",
                "at_risk",
                "breached",
                "followup",
                "duplicates",
                "all",
            )
        ),
        *(f"/staff/cases/{case.reference}/" for case in cases.values()),
        "/staff/console/",
        "/staff/dashboard/",
        "/staff/programs/",
        "/staff/programs/walk-ins/",
        "/staff/programs/volume/",
        "/staff/programs/stops/",
        "/staff/programs/visits/",
        f"/staff/programs/visits/{visit.pk}/",
        f"/staff/programs/teams/{team.pk}/",
        "/staff/programs/authorizations/",
        "/staff/programs/applications/",
        "/staff/programs/applications/new/",
        f"/staff/programs/applications/{application.pk}/",
        "/staff/programs/meetings/",
        f"/staff/programs/meetings/{meeting.pk}/",
        "/staff/content/",
        f"/staff/content/articles/{article.pk}/",
        f"/staff/content/topics/{topic.pk}/",
    ]
    return Shift(cases=cases, urls=urls)
