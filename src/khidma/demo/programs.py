"""Demo: one example of each Makkah program (a home visit, a proxy authorization and its request) and, for
both associations — the neighbourhood centres and the housing cooperative — applicants' files in every
state, from one just taken in to one whose service was delivered, with documents as files, a committee with
a quorum of two, a decided meeting and an open one. History is replayed with ``clock.at`` so every date,
deadline and audit line is consistent, and everything goes through the services."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from contextlib import AbstractContextManager

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from khidma.cases import services as case_services
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Channel
from khidma.core import clock
from khidma.demo import data
from khidma.organizations.models import Organization
from khidma.programs.applications import services as applications
from khidma.programs.committees import services as committees
from khidma.programs.models import Application
from khidma.programs.proxies import services as proxies
from khidma.programs.visits import services as visits

User = get_user_model()

# Per association: its committee, its request types (code, ar, en, checklist) and its applicants (name,
# phone, request type, the state the demo leaves the file in).
ASSOCIATION_PROGRAMS = {
    "ahya": {
        "committee": "لجنة الدراسة",
        "types": [
            ("support", "طلب مساعدة", "Support request", ["national_id", "family_record", "income_proof"]),
            ("membership", "طلب عضوية", "Membership", ["national_id", "photo"]),
        ],
        "applicants": [
            ("أم خالد الحربي", "0551230101", "support", "delivered"),
            ("سالم العتيبي", "0551230102", "support", "rejected"),
            ("نوال الشريف", "0551230103", "support", "registered"),
            ("عبدالله القرشي", "0551230104", "membership", "approved"),
            ("فاطمة الزهراني", "0551230105", "support", "in_committee"),
            ("مريم الغامدي", "0551230106", "support", "researched"),
            ("حسن المالكي", "0551230107", "membership", "in_research"),
            ("أم سعد الثقفي", "0551230108", "support", "incomplete"),
            ("يوسف السلمي", "0551230109", "support", "submitted"),
        ],
    },
    "iskan": {
        "committee": "لجنة الإسكان",
        "types": [
            (
                "housing_unit",
                "وحدة سكنية",
                "Housing unit",
                ["national_id", "family_record", "income_proof", "salary_certificate", "lease_contract"],
            ),
            ("membership", "طلب عضوية", "Membership", ["national_id", "salary_certificate"]),
        ],
        "applicants": [
            ("محمد الشهري", "0552340101", "housing_unit", "delivered"),
            ("عائشة البقمي", "0552340102", "housing_unit", "rejected"),
            ("إبراهيم الجهني", "0552340103", "housing_unit", "registered"),
            ("ريم العمري", "0552340104", "membership", "approved"),
            ("خالد الحارثي", "0552340105", "housing_unit", "in_committee"),
            ("هيفاء الدوسري", "0552340106", "housing_unit", "researched"),
            ("ماجد اللحياني", "0552340107", "membership", "in_research"),
            ("نورة القحطاني", "0552340108", "housing_unit", "incomplete"),
            ("سعود المطيري", "0552340109", "housing_unit", "submitted"),
        ],
    },
}

# How far back each state's file was taken in (days), so that decided files were decided after their
# earliest decision day and the open meeting's file has waited long enough.
SUBMITTED_DAYS_AGO = {
    "delivered": 60,
    "rejected": 58,
    "registered": 56,
    "approved": 54,
    "in_committee": 20,
    "researched": 16,
    "in_research": 6,
    "incomplete": 3,
    "submitted": 0,
}
DECIDED = ("delivered", "rejected", "registered", "approved")


def _pdf() -> bytes:
    """A one-page PDF: the scanned form a member hands in."""
    stream = b"BT /F1 18 Tf 72 720 Td (Khidma demo document) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _photo_of_a_paper() -> bytes:
    """A phone's photo of a paper document: a white page with lines of text on a desk."""
    image = Image.new("RGB", (480, 640), (120, 96, 70))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 440, 600), fill=(250, 250, 246))
    for y in range(90, 560, 28):
        draw.rectangle((80, y, 400 - (y % 5) * 20, y + 8), fill=(60, 60, 70))
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def seed(makkah: Organization) -> None:
    _makkah(makkah)
    for slug, plan in ASSOCIATION_PROGRAMS.items():
        _association(Organization.objects.get(slug=slug), plan)


# --- Makkah: a home visit, a proxy --------------------------------------------------------------------------


def _makkah(makkah: Organization) -> None:
    staff = {u.username: u for u in User.objects.filter(organization=makkah)}
    boss, agent = staff["supervisor"], staff["agent940"]
    now = clock.now()
    teams = [
        visits.team_create(organization=makkah, name=name, by=boss)
        for name in ("فريق واجبنا 1", "فريق واجبنا 2")
    ]
    request = case_services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="والدي كبير في السن ولا يستطيع الحضور، نحتاج إصدار شهادة إتمام بناء",
            channel=Channel.PHONE_940,
            kind="service_request",
            language="ar",
            created_by=agent,
            reporter=Reporter(phone="0551230000", name="أبو أحمد"),
        )
    ).case
    visit = visits.visit_record_eligibility(case=request, reason="elderly", note="٨٥ عامًا", by=agent)
    start = (now + datetime.timedelta(days=1)).replace(hour=7, minute=0, second=0, microsecond=0)
    visits.visit_schedule(
        visit=visit, team=teams[0], starts_at=start, ends_at=start + datetime.timedelta(hours=1), by=boss
    )
    soldier = proxies.authorization_create(
        organization=makkah,
        principal_name="الجندي سالم العتيبي",
        relationship="شقيق",
        document_reference="وكالة 1448/221",
        expires_on=(now + datetime.timedelta(days=180)).date(),
        proxy=agent,
        principal_phone="0559998877",
        by=boss,
    )
    proxies.proxy_case_create(
        authorization=soldier,
        by=agent,
        description="تجديد رخصة بناء نيابة عن مرابط في الحد الجنوبي",
        channel=Channel.COUNTER,
        kind="service_request",
        language="ar",
        service_point="hq",
    )


# --- The associations: files in every state -----------------------------------------------------------------


def _association(org: Organization, plan: dict) -> None:
    staff = {u.username: u for u in User.objects.filter(organization=org)}
    slug = org.slug
    admin, researcher = staff[f"{slug}_admin"], staff[f"{slug}_researcher"]
    members = [staff[f"{slug}_committee"], staff[f"{slug}_member"]]
    now = clock.now()

    def at(days_ago: float) -> AbstractContextManager[None]:
        return clock.at(now - datetime.timedelta(days=days_ago))

    with at(90):
        committee = committees.committee_create(organization=org, name=plan["committee"], quorum=2, by=admin)
        types = {
            code: applications.request_type_create(
                organization=org,
                code=code,
                names=data.names("request_types", code, ar=ar, en=en),
                required_documents=documents,
                by=admin,
            )
            for code, ar, en, documents in plan["types"]
        }
    files: dict[str, list[Application]] = {}
    for index, (name, phone, type_code, state) in enumerate(plan["applicants"]):
        request_type = types[type_code]
        days = SUBMITTED_DAYS_AGO[state]
        required = request_type.required_documents
        brought = required if state != "incomplete" else required[:-1]  # the last one is missing
        with at(days):
            application = applications.application_intake(
                organization=org,
                request_type=request_type,
                applicant=applications.Applicant(name=name, phone=phone, role="member"),
                channel=[Channel.COUNTER, Channel.PHONE_940, Channel.LETTER][index % 3],
                service_point="office",
                documents=list(brought),
                declaration_accepted=True,
                by=researcher,
            )
            _attach(application, researcher, index)
        files.setdefault(state, []).append(application)
        if state == "submitted":
            continue
        with at(days - 0.2):
            application = applications.application_check(application=application, by=researcher)
        if state in {"incomplete", "in_research"}:
            continue
        with at(days - 2):
            applications.application_record_research(
                application=application,
                assessment=_assessment(state),
                recommendation="reject" if state == "rejected" else "approve",
                by=researcher,
            )

    # A meeting 40 days ago decided the older files; an open one in three days has a file with one vote.
    decided = [a for state in DECIDED for a in files.get(state, [])]
    with at(41):
        meeting = committees.meeting_create(
            organization=org,
            committee=committee,
            title="اجتماع اللجنة الشهري",
            held_at=now - datetime.timedelta(days=40),
            by=admin,
        )
        for application in decided:
            committees.meeting_add_to_agenda(meeting=meeting, application=application, by=admin)
    with at(40):
        for application in decided:
            vote = "reject" if application in files.get("rejected", []) else "approve"
            for member in members:
                committees.meeting_vote(meeting=meeting, application=application, vote=vote, by=member)
        committees.meeting_decide(
            meeting=meeting,
            decisions=[
                committees.Decision(application=a, reasons=_reasons(a in files.get("rejected", [])))
                for a in decided
            ],
            minutes="حضر جميع الأعضاء؛ نوقشت الملفات المدرجة وصدرت القرارات بالأغلبية.",
            by=members[0],
        )
    for application in files.get("registered", []) + files.get("delivered", []):
        with at(38):
            applications.application_register(application=application, by=admin)
    for application in files.get("delivered", []):
        with at(30):
            applications.application_deliver(
                application=application, note="تم تسليم الخدمة للمستفيد", by=admin
            )
    upcoming = committees.meeting_create(
        organization=org,
        committee=committee,
        title="اجتماع اللجنة القادم",
        held_at=(now.astimezone(org.tz) + datetime.timedelta(days=3)).replace(
            hour=18, minute=0, second=0, microsecond=0
        ),
        by=admin,
    )
    for application in files.get("in_committee", []):
        committees.meeting_add_to_agenda(meeting=upcoming, application=application, by=admin)
        committees.meeting_vote(meeting=upcoming, application=application, vote="approve", by=members[0])


def _attach(application: Application, by, index: int) -> None:
    """The first document handed in as a scanned PDF, and a phone photo of another one."""
    documents: list[tuple[str, Callable[[], bytes], str, str]] = [
        (application.documents[0], _pdf, "scan.pdf", "application/pdf"),
    ]
    if len(application.documents) > 1 and index % 2 == 0:
        documents.append((application.documents[1], _photo_of_a_paper, "photo.png", "image/png"))
    for item, make, name, content_type in documents:
        upload = SimpleUploadedFile(name, make(), content_type)
        applications.application_file_add(application=application, upload=upload, item=item, by=by)


def _assessment(state: str) -> str:
    if state == "rejected":
        return "الأسرة لديها دخل ثابت كافٍ ومسكن مملوك؛ لا تنطبق الشروط."
    return "زيارة منزلية: أسرة من ستة أفراد، دخل محدود ومسكن مستأجر؛ تنطبق الشروط."


def _reasons(rejected: bool) -> str:
    return "الدخل يتجاوز الحد المعتمد" if rejected else "استوفى الشروط والمستندات المطلوبة"
