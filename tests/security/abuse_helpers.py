"""Helpers shared by the abuse tests (rate limits, closure guessing, staff sign-in, two-step sign-in)."""

from __future__ import annotations

import re

from django.conf import settings
from django.db import connection

from khidma.cases import services
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case
from khidma.outbox.models import OutboundMessage
from tests.conftest import HARAM

PROXY_HEADER = "X-Real-IP"


def from_address(address: str) -> dict[str, str]:
    """Headers of a request that a reverse proxy says comes from ``address`` (KHIDMA_CLIENT_IP_HEADER)."""
    return {PROXY_HEADER: address, "Accept-Language": "en"}


def resolved_case(makkah, staff, *, phone: str = "0551234567", channel: str = "web") -> tuple[Case, str]:
    """A case waiting for its reporter's "is it fixed?", and the closure code the reporter was sent."""
    case = services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="Street lamp broken",
            channel=channel,
            category="lighting_signs",
            lat=HARAM[0],
            lon=HARAM[1],
            reporter=Reporter(phone=phone),
            language="en",
        )
    ).case
    services.case_assign(case=case, by=staff["supervisor"], department=staff["field_light"].department)
    case = services.case_resolve(case=case, by=staff["supervisor"], note="Replaced the lamp.")
    return case, latest_code(case)


def latest_code(case: Case) -> str:
    text = OutboundMessage.objects.filter(case=case, template="resolved").order_by("-pk").first().text
    return re.search(r"\b(\d{6})\b", text).group(1)


def wrong(code: str, n: int = 0) -> str:
    """A six-digit code that is not ``code`` (a different one for each ``n``)."""
    candidate = f"{(int(code) + 1 + n) % 1_000_000:06d}"
    return candidate


def database_url() -> str:
    """The test database as a URL, for a second process that must share it (counters across processes)."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{host}:{port}/{db['NAME']}"


def data_dir() -> str:
    return str(settings.DATA_DIR)
