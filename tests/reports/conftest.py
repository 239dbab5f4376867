"""Two Hajj seasons of Makkah's cases, each at a known stage of its life, and the helpers to read reports.

Hajj 1447 (18 May – 1 June 2026), as the personas handled it:

- ``a``: a web report in English (cleanliness, by the Haram), resolved, confirmed by the reporter, rated 5;
- ``b``: a WhatsApp report in Arabic in the same spot, still open (its first answer is overdue);
- ``c``: a 940 call in Urdu in the same spot, taken by Sara, assigned to Fahd, closed by staff, rated 2;
- ``d``: a counter report (lighting, Aziziyah), resolved then reopened — open again;
- ``e``: a web report (lighting), resolved and closed without the reporter's answer;
- ``w``: a women's-section case at the headquarters counter, open;
- ``complaint``: a complaint (private), open.

Hajj 1446 (28 May – 11 June 2025): two reports, one closed. Taif has a case in Hajj 1447 too.
"""

from __future__ import annotations

import datetime
import re
import zoneinfo
from dataclasses import dataclass

import pytest

from khidma.cases import closure, services
from khidma.cases.deadlines import case_sla_sweep
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case
from khidma.core import clock
from khidma.reports.facts import facts_refresh
from khidma.reports.seasons import seasons_standard
from tests.conftest import AZIZIYAH, HARAM

RIYADH = zoneinfo.ZoneInfo("Asia/Riyadh")


def at(day: str, hour: int = 10, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=RIYADH)


@dataclass
class Season:
    cases: dict[str, Case]


def new_case(org, **fields) -> Case:
    """A case through the one intake path; the reporter's name, phone and email as keywords."""
    reporter = Reporter(
        name=fields.pop("reporter_name", ""),
        phone=fields.pop("reporter_phone", ""),
        email=fields.pop("reporter_email", ""),
    )
    return services.case_create(request=IntakeRequest(organization=org, reporter=reporter, **fields)).case


def _create(org, when, **fields) -> Case:
    with clock.at(when):
        return new_case(org, **fields)


@pytest.fixture
def hajj(makkah, taif, staff, policies) -> dict[str, Case]:
    seasons_standard(organization=makkah, year=1446)
    seasons_standard(organization=makkah, year=1447)
    seasons_standard(organization=taif, year=1447)
    boss, agent, field, followup = (
        staff["supervisor"],
        staff["agent"],
        staff["field_clean"],
        staff["followup"],
    )
    # Three places in one hotspot cell (21.420–21.423 N, 39.825–39.828 E), each over 150 m from the others, so
    # intake does not take them for duplicates of one another.
    south, east = (21.4205, 39.8262), (21.4215, 39.8278)
    cases = {
        "a": _create(
            makkah,
            at("2026-05-20"),
            description="Rubbish by the Haram gate",
            channel="web",
            category="cleanliness",
            language="en",
            lat=HARAM[0],
            lon=HARAM[1],
        ),
        "b": _create(
            makkah,
            at("2026-05-20", 11),
            description="النفايات متراكمة",
            channel="whatsapp",
            category="cleanliness",
            language="ar",
            lat=south[0],
            lon=south[1],
        ),
        "c": _create(
            makkah,
            at("2026-05-21", 21),
            description="کچرا پڑا ہے",
            channel="phone_940",
            service_point="call_centre",
            category="cleanliness",
            language="ur",
            lat=east[0],
            lon=east[1],
            created_by=agent,
        ),
        "d": _create(
            makkah,
            at("2026-05-22", 9),
            description="عمود إنارة مطفأ",
            channel="counter",
            service_point="hq",
            category="lighting_signs",
            language="ar",
            lat=AZIZIYAH[0],
            lon=AZIZIYAH[1],
        ),
        "e": _create(
            makkah,
            at("2026-05-25", 14),
            description="Street light off",
            channel="web",
            category="lighting_signs",
            language="en",
            lat=AZIZIYAH[0],
            lon=AZIZIYAH[1] + 0.01,
        ),
        "w": _create(
            makkah,
            at("2026-05-23"),
            description="طلب للقسم النسائي",
            channel="counter",
            service_point="hq",
            category="cleanliness",
            language="ar",
            womens_section=True,
        ),
        "complaint": _create(
            makkah,
            at("2026-05-24"),
            description="شكوى من تأخر الرد",
            channel="web",
            kind="complaint",
            language="ar",
        ),
        "old_open": _create(
            makkah,
            at("2025-05-30"),
            description="Old rubbish",
            channel="web",
            category="cleanliness",
            language="en",
            lat=HARAM[0],
            lon=HARAM[1],
        ),
        "old_closed": _create(
            makkah,
            at("2025-06-01"),
            description="Old light",
            channel="phone_940",
            category="lighting_signs",
            language="ar",
        ),
        "taif": _create(
            taif,
            at("2026-05-20"),
            description="Taif rubbish",
            channel="web",
            category="cleanliness",
            language="ar",
        ),
    }
    a, c, d, e = cases["a"], cases["c"], cases["d"], cases["e"]
    with clock.at(at("2026-05-20", 11)):
        a = services.case_assign(case=a, by=boss, department=a.department, assignee=field)
    with clock.at(at("2026-05-21", 10)):
        a = services.case_resolve(case=a, by=field, note="Cleaned", send_untranslated=True)
    with clock.at(at("2026-05-21", 12)):
        a = closure.case_confirm_closure(case=a, code=None, channel="sms", from_reporter_phone=True)
        closure.case_rate(case=a, code=None, rating=5, channel="sms", from_reporter_phone=True)
    with clock.at(at("2026-05-22", 8)):
        c = services.case_assign(case=c, by=boss, department=c.department, assignee=field)
    with clock.at(at("2026-05-23", 8)):
        c = services.case_resolve(case=c, by=field, note="Cleaned", send_untranslated=True)
    with clock.at(at("2026-05-24", 8)):
        c = services.case_close(case=c, by=boss, note="Done")
        closure.case_rate(case=c, code=None, rating=2, channel="sms", from_reporter_phone=True)
    with clock.at(at("2026-05-22", 10)):
        d = services.case_assign(case=d, by=boss, department=d.department)
    with clock.at(at("2026-05-23", 10)):
        d = services.case_resolve(case=d, by=boss, note="Fixed", send_untranslated=True)
    with clock.at(at("2026-05-24", 10)):
        services.case_reopen(case=d, by=followup, reason="Still dark")
    with clock.at(at("2026-05-25", 15)):
        e = services.case_assign(case=e, by=boss, department=e.department)
        services.case_resolve(case=e, by=boss, note="Fixed", send_untranslated=True)
    closure.case_close_unconfirmed_due(now=at("2026-06-10"))
    with clock.at(at("2025-06-01", 12)):
        old = cases["old_closed"]
        old = services.case_assign(case=old, by=boss, department=old.department)
        old = services.case_resolve(case=old, by=boss, note="Fixed", send_untranslated=True)
        services.case_close(case=old, by=boss)
    case_sla_sweep()
    facts_refresh()
    return {name: Case.objects.get(pk=case.pk) for name, case in cases.items()}


# --- Reading pages -----------------------------------------------------------------------------------------

QUEUE_COUNT = re.compile(r'<span class="count" role="status">([^<]+)</span>')
LINKED_NUMBER = re.compile(r'<a href="(/staff/queue/all/\?[^"]+)">(?:<bdi>)?([0-9,]+)(?:</bdi>)?</a>')


def queue_count(client, href: str) -> int:
    html = client.get(href.replace("&amp;", "&")).content.decode()
    match = QUEUE_COUNT.search(html)
    assert match, href
    return int(match.group(1).replace(",", ""))


def linked_numbers(html: str) -> list[tuple[str, int]]:
    return [
        (href.replace("&amp;", "&"), int(number.replace(",", "")))
        for href, number in LINKED_NUMBER.findall(html)
    ]
