"""Benchmark: the Hajj peak (issue #19) — 10,000 reports in 10 minutes through four channels while 20 staff
work the back office.

Khidma runs as `make demo` does — `khidma serve` (gunicorn, 2 worker processes × 4 threads) and one niced
`khidma worker`, SMS, WhatsApp and email to the `file` backend — with the anonymous rate limits off
(`KHIDMA_RATE_LIMITS=0`: one client address sends everything), on a fresh data dir and database seeded with
`khidma seed-demo`, once on PostgreSQL (`PG_FAST=1 .ci/pg-start`) and once on SQLite.

The load generator below (standard library only) is open loop: every report has its send time on a schedule
spread evenly over the duration, and a slow server does not slow the offered load (each send runs on its own
thread from a pool that grows as needed). The channels, interleaved so that each holds its share all along:

- public API `POST /api/v1/reports` (50 %), JSON with the reporter's phone and an `Idempotency-Key`;
- WhatsApp Cloud API webhooks (30 %), Meta-shaped bodies signed with `X-Hub-Signature-256`: each report is a
  new conversation from a phone of its own — the description, then the location, `0` (no photo) and `1` (the
  suggested category, or the first of the list) — and, as a person does, each message is sent once the answer
  to the one before has been written by the WhatsApp file backend;
- Open311 `POST /open311/v2/requests.json` (10 %), form-encoded, with a key made by `khidma open311-key`;
- SMS gateway webhooks `POST /channels/sms/inbound` (10 %) with the gateway's `X-Khidma-Secret`.

Texts are reports of the triage corpus (`src/khidma/triage/data/`) in ten languages, half of them Arabic;
each submission carries a unique token in its text. A request refused by the network or answered 5xx is
retried twice with the same idempotency key or message id, as clients and gateways do. At the same time 20
signed-in staff (the demo's personas, signed in through `/staff/login/`) loop: a queue page, a case page and,
on one visit in three, take, assign or an internal note through the page's own form (with its CSRF token),
2–6 s between pages; every staff request's latency is kept.

Afterwards: a submission is **lost** when it was acknowledged but no case carries its token, **duplicated**
when more than one does. The outbox is drained when every acknowledged report's first message ("received",
with its reference) has been written by the file backend; its time is counted from the end of the schedule
(the last report's first send). The backlog at the end of the peak is what `khidma intake-status` and the
incoming-message table hold then.

Knobs: `KHIDMA_PEAK_REPORTS` (10000), `KHIDMA_PEAK_SECONDS` (600), `KHIDMA_PEAK_DATABASES`
("postgres,sqlite"). Try it small: `KHIDMA_PEAK_REPORTS=300 KHIDMA_PEAK_SECONDS=60 python bench/run.py peak`.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import heapq
import hmac
import http.client
import http.cookies
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from bench.intake import _free_port, _khidma, _wait_for

ROOT = Path(__file__).resolve().parent.parent
REPORTS = int(os.environ.get("KHIDMA_PEAK_REPORTS", "10000"))
SECONDS = float(os.environ.get("KHIDMA_PEAK_SECONDS", "600"))
DATABASES = [d.strip() for d in os.environ.get("KHIDMA_PEAK_DATABASES", "postgres,sqlite").split(",")]
DRAIN_TARGET = 120.0
# How long we wait after the schedule for the outbox to drain before calling it not drained.
DRAIN_LIMIT = min(600.0, max(180.0, SECONDS))
# Ten slots, interleaved: API 50 %, WhatsApp 30 %, Open311 10 %, SMS 10 %.
PATTERN = ("api", "whatsapp", "api", "whatsapp", "api", "open311", "api", "whatsapp", "api", "sms")
CHANNELS = {
    "api": "public API",
    "whatsapp": "WhatsApp",
    "open311": "Open311",
    "sms": "SMS",
}
# The reporters' languages (about half Arabic, as in the directorate's Hajj figures; docs/demo-data.md).
LANGUAGES = {"ar": 50, "ur": 10, "en": 8, "id": 8, "bn": 6, "hi": 5, "fa": 4, "tr": 4, "ms": 3, "fr": 2}
# Pilgrims write on WhatsApp from their own country's numbers: the prefix before a running number.
WHATSAPP_PREFIX = {
    "ar": "96658",
    "ur": "92345",
    "en": "44779",
    "id": "62813",
    "bn": "880171",
    "hi": "91981",
    "fa": "98912",
    "tr": "90532",
    "ms": "6012",
    "fr": "3361",
}
WHATSAPP_SECRET = "peak-bench-app-secret"  # noqa: S105 - a throwaway secret shared with the server we start
SMS_SECRET = "peak-bench-gateway-secret"  # noqa: S105
PASSWORD = "khidma-demo"  # noqa: S105 - the demo's password (docs/demo-data.md)
RETRIES = 2
TIMEOUT = 60
STAFF_THINK = (2.0, 6.0)
STAFF_ACT = 1 / 3
# 20 staff at work in the peak: several 940 agents and counters, field staff, a head, the follow-up unit, a
# supervisor, an administrator; each with the queues they open (the first is where they land).
STAFF = [
    *[("agent940", ("triage", "all"))] * 4,
    *[("counter", ("triage", "all"))] * 2,
    ("hadirin_car", ("triage", "all")),
    ("itlala_mosque", ("triage", "all")),
    ("mustamirun", ("triage", "all")),
    ("mall_counter", ("triage", "all")),
    ("women", ("triage", "all")),
    *[("field_clean", ("mine", "department"))] * 3,
    ("field_light", ("mine", "department")),
    ("head_clean", ("department", "at_risk")),
    *[("followup", ("breached", "followup"))] * 2,
    ("supervisor", ("at_risk", "breached", "all")),
    ("admin", ("all", "duplicates")),
]
NOTE = "متابعة داخلية أثناء الذروة: تم التواصل مع الفريق الميداني."
CASE_LINK = re.compile(r'href="/staff/cases/(\d+)/"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ACTION_FORM = re.compile(r'<form method="post" action="/staff/cases/\d+/([a-z-]+)/"')


def _corpus() -> dict[str, list[tuple[str, str]]]:
    """(text, category) of the triage corpus by language."""
    by_language: dict[str, list[tuple[str, str]]] = {}
    for path in sorted((ROOT / "src" / "khidma" / "triage" / "data").glob("corpus_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                by_language.setdefault(row["language"], []).append((row["text"], row["category"]))
    return by_language


def _percentile(ordered: list[float], share: float) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, int(len(ordered) * share) - 1))]


def _figures(seconds: list[float]) -> dict:
    ordered = sorted(seconds)
    return {
        "n": len(ordered),
        "p50_ms": statistics.median(ordered) * 1000 if ordered else 0.0,
        "p95_ms": _percentile(ordered, 0.95) * 1000,
        "p99_ms": _percentile(ordered, 0.99) * 1000,
        "max_ms": ordered[-1] * 1000 if ordered else 0.0,
    }


# --- the reports ------------------------------------------------------------------------------------------


@dataclass
class Submission:
    number: int
    channel: str
    due: float  # monotonic send time of its first request
    language: str
    text: str
    category: str
    lat: float
    lon: float
    phone: str  # E.164, as the outbox writes it
    token: str
    steps: int = 1  # requests (WhatsApp: messages) it takes
    acked: int = 0  # requests acknowledged so far
    scheduled: int = 1  # requests put on the schedule so far
    state: str = "pending"  # pending, acknowledged, refused (a final 4xx or failure), unfinished
    first_sent: float | None = None
    acknowledged_at: float | None = None
    statuses: list[int] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    retries: int = 0
    failures: list[int] = field(default_factory=list)  # 5xx or no answer (0), retried or not
    acked_at: list[float] = field(default_factory=list)  # when each request was acknowledged
    replies: list[tuple[float, str]] = field(default_factory=list)  # (seen at, template) from the outbox file
    waits: list[float] = field(default_factory=list)  # WhatsApp: acknowledged → its answer written


def _submissions(start: float) -> list[Submission]:
    corpus = _corpus()
    rng = random.Random(1447)
    languages = list(LANGUAGES)
    weights = list(LANGUAGES.values())
    items = []
    for number in range(REPORTS):
        channel = PATTERN[number % len(PATTERN)]
        language = rng.choices(languages, weights)[0]
        text, category = rng.choice(corpus[language])
        token = f"peak-{number:06d}"
        if channel == "whatsapp":
            phone = f"+{WHATSAPP_PREFIX[language]}{number:07d}"
        else:
            phone = f"+96657{number:07d}"
        items.append(
            Submission(
                number=number,
                channel=channel,
                due=start + number * SECONDS / REPORTS,
                language=language,
                text=f"{text} ({token})",
                category=category,
                lat=round(21.38 + rng.random() * 0.12, 6),
                lon=round(39.78 + rng.random() * 0.12, 6),
                phone=phone,
                token=token,
                steps=4 if channel == "whatsapp" else 1,
            )
        )
    return items


def _whatsapp_body(item: Submission, step: int) -> bytes:
    if step == 0:
        message = {"type": "text", "text": {"body": item.text}}
    elif step == 1:
        location = {"latitude": item.lat, "longitude": item.lon, "name": "موقع البلاغ"}
        message = {"type": "location", "location": location}
    else:
        message = {"type": "text", "text": {"body": "0" if step == 2 else "1"}}
    sender = item.phone.removeprefix("+")
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "966920000000", "phone_number_id": "1234"},
        "contacts": [{"profile": {"name": "Reporter"}, "wa_id": sender}],
        "messages": [
            {
                "from": sender,
                "id": f"wamid.{item.token}.{step}",
                "timestamp": str(int(time.time())),
                **message,
            }
        ],
    }
    body = {
        "object": "whatsapp_business_account",
        "entry": [{"id": "55", "changes": [{"field": "messages", "value": value}]}],
    }
    return json.dumps(body, ensure_ascii=False).encode()


def _request(item: Submission, step: int, api_key: str) -> tuple[str, bytes, dict[str, str]]:
    """Path, body and headers of a submission's request (a WhatsApp conversation's message ``step``)."""
    if item.channel == "api":
        report = {
            "description": item.text,
            "lat": item.lat,
            "lon": item.lon,
            "reporter": {"phone": "0" + item.phone.removeprefix("+966")},
        }
        headers = {
            "Content-Type": "application/json",
            "Idempotency-Key": item.token,
            "Accept-Language": item.language,
        }
        return "/api/v1/reports", json.dumps(report, ensure_ascii=False).encode(), headers
    if item.channel == "open311":
        form = {
            "api_key": api_key,
            "service_code": item.category,
            "lat": item.lat,
            "long": item.lon,
            "description": item.text,
            "phone": "0" + item.phone.removeprefix("+966"),
            "idempotency_key": item.token,
        }
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept-Language": item.language}
        return "/open311/v2/requests.json", urllib.parse.urlencode(form).encode(), headers
    if item.channel == "sms":
        form = {"from": item.phone, "text": item.text, "id": f"gw-{item.token}"}
        headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Khidma-Secret": SMS_SECRET}
        return "/channels/sms/inbound", urllib.parse.urlencode(form).encode(), headers
    raw = _whatsapp_body(item, step)
    signature = "sha256=" + hmac.new(WHATSAPP_SECRET.encode(), raw, hashlib.sha256).hexdigest()
    headers = {"Content-Type": "application/json", "X-Hub-Signature-256": signature}
    return "/channels/whatsapp/webhook", raw, headers


OK = {"api": (200, 201, 202), "open311": (200, 201), "sms": (200,), "whatsapp": (200,)}


def _call(port: int, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> tuple:
    """One request on a new connection (each reporter is another client): status (0 when the network
    failed), headers, body, seconds."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    began = time.perf_counter()
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        return response.status, response.headers, data, time.perf_counter() - began
    except (OSError, http.client.HTTPException):
        return 0, None, b"", time.perf_counter() - began
    finally:
        conn.close()


class Scheduler:
    """Runs callables at their time on a pool that grows as needed (open loop)."""

    def __init__(self) -> None:
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=768, thread_name_prefix="peak")
        self.heap: list[tuple[float, int, object]] = []
        self.condition = threading.Condition()
        self.counter = 0
        self.stopped = False
        self.thread = threading.Thread(target=self._run, name="peak-scheduler", daemon=True)
        self.thread.start()

    def at(self, when: float, job) -> None:
        with self.condition:
            self.counter += 1
            heapq.heappush(self.heap, (when, self.counter, job))
            self.condition.notify()

    def _run(self) -> None:
        while True:
            with self.condition:
                while not self.stopped and (not self.heap or self.heap[0][0] > time.monotonic()):
                    wait = self.heap[0][0] - time.monotonic() if self.heap else None
                    self.condition.wait(timeout=wait)
                if self.stopped:
                    return
                _when, _n, job = heapq.heappop(self.heap)
            try:
                self.pool.submit(job)
            except RuntimeError:  # the pool was shut down meanwhile: the run is over
                return

    def stop(self) -> None:
        with self.condition:
            self.stopped = True
            self.condition.notify()
        self.pool.shutdown(wait=True, cancel_futures=True)


class Reporters:
    """The submissions, their requests, and the outbox file read as the reporters' phones would."""

    def __init__(self, port: int, api_key: str, outbox: Path, start: float) -> None:
        self.port = port
        self.api_key = api_key
        self.outbox = outbox
        self.items = _submissions(start)
        self.by_phone = {item.phone: item for item in self.items}
        self.lock = threading.Lock()
        self.scheduler = Scheduler()
        self.lags: list[float] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.last_received = 0.0
        self.extra_received = 0  # "received" lines beyond the first to one reporter
        self.stop_reading = threading.Event()
        self.reader = threading.Thread(target=self._read_outbox, name="peak-outbox", daemon=True)

    def start(self) -> None:
        self.reader.start()
        for item in self.items:
            self.scheduler.at(item.due, lambda item=item: self._send(item, 0, item.due))

    def _send(self, item: Submission, step: int, due: float) -> None:
        began = time.monotonic()
        with self.lock:
            self.lags.append(began - due)
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
            if step == 0:
                item.first_sent = began
        path, body, headers = _request(item, step, self.api_key)
        status = 0
        seconds = 0.0
        for attempt in range(RETRIES + 1):
            status, _headers, data, seconds = _call(self.port, "POST", path, body, headers)
            if status != 0 and status < 500:
                break
            item.failures.append(status)
            if attempt < RETRIES:
                item.retries += 1
                time.sleep(1 + attempt)
        accepted = status in OK[item.channel]
        if accepted and item.channel == "sms":
            accepted = json.loads(data or b"{}").get("accepted") is True
        with self.lock:
            self.in_flight -= 1
            item.statuses.append(status)
            item.latencies.append(seconds)
            if not accepted:
                item.state = "refused"
                return
            item.acked = step + 1
            item.acked_at.append(time.monotonic())
            if item.acked == item.steps:
                item.state = "acknowledged"
                item.acknowledged_at = time.monotonic()
                return
        self._next_message(item)

    def _next_message(self, item: Submission) -> None:
        """WhatsApp: the next message once the last one is acknowledged and its answer has been written."""
        with self.lock:
            step = item.acked
            ready = item.state == "pending" and item.scheduled == step and len(item.replies) >= step
            if ready:
                item.scheduled += 1
                item.waits.append(max(0.0, item.replies[step - 1][0] - item.acked_at[step - 1]))
        if ready:
            now = time.monotonic()
            self.scheduler.at(now, lambda: self._send(item, step, now))

    def _read_outbox(self) -> None:
        offset = 0
        rest = b""
        while not self.stop_reading.wait(0.2):
            if not self.outbox.exists():
                continue
            with self.outbox.open("rb") as handle:
                handle.seek(offset)
                chunk = handle.read()
            offset += len(chunk)
            lines = (rest + chunk).split(b"\n")
            rest = lines.pop()
            now = time.monotonic()
            for line in lines:
                if not line.strip():
                    continue
                message = json.loads(line)
                item = self.by_phone.get(message.get("to", ""))
                if item is None:
                    continue
                with self.lock:
                    if message.get("template") == "received":
                        if any(template == "received" for _at, template in item.replies):
                            self.extra_received += 1
                        self.last_received = now
                    item.replies.append((now, message.get("template", "")))
                if item.channel == "whatsapp":
                    self._next_message(item)

    def received(self, item: Submission) -> float | None:
        for at, template in item.replies:
            if template == "received":
                return at
        return None

    def waiting(self) -> list[Submission]:
        """Acknowledged (or still talking, for WhatsApp) but without the first message written yet."""
        with self.lock:
            return [
                item
                for item in self.items
                if item.state in ("acknowledged", "pending") and item.first_sent is not None
                if self.received(item) is None
            ]

    def stop(self) -> None:
        self.scheduler.stop()
        self.stop_reading.set()
        self.reader.join()
        with self.lock:
            for item in self.items:
                if item.state == "pending":
                    item.state = "unfinished" if item.first_sent is not None else "not sent"


# --- the staff --------------------------------------------------------------------------------------------


class Browser:
    """A signed-in staff member's browser: cookies, forms with their CSRF token."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def go(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str, float]:
        headers = {"Accept": "text/html", "Accept-Language": "ar"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        status, response_headers, data, seconds = _call(self.port, method, path, body, headers)
        location = ""
        if response_headers is not None:
            for value in response_headers.get_all("Set-Cookie") or []:
                cookie = http.cookies.SimpleCookie()
                cookie.load(value)
                for name, morsel in cookie.items():
                    if morsel["max-age"] == "0" or not morsel.value:
                        self.cookies.pop(name, None)
                    else:
                        self.cookies[name] = morsel.value
            location = response_headers.get("Location", "")
        return status, data.decode("utf-8", "replace"), location, seconds

    def sign_in(self, username: str) -> bool:
        status, page, _location, _seconds = self.go("GET", "/staff/login/")
        token = CSRF.search(page)
        if status != 200 or token is None:
            return False
        form = {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token.group(1)}
        status, _page, location, _seconds = self.go("POST", "/staff/login/", form)
        return status == 302 and "/login/" not in location


@dataclass
class StaffRecord:
    kind: str  # queue, case, action, other
    seconds: float
    status: int


def _kind(path: str) -> str:
    if path.startswith("/staff/queue/"):
        return "queue"
    if path.startswith("/staff/cases/"):
        return "case"
    return "other"


class Staff:
    def __init__(self, port: int) -> None:
        self.port = port
        self.records: list[StaffRecord] = []
        self.sign_in_failed: list[str] = []
        self.lock = threading.Lock()
        self.people: list[tuple[str, tuple[str, ...], Browser]] = []
        self.actions: dict[str, int] = {}
        self.signed_out = 0  # redirected to the sign-in page: the session was lost

    def sign_in(self) -> None:
        for username, queues in STAFF:
            browser = Browser(self.port)
            if browser.sign_in(username):
                self.people.append((username, queues, browser))
            else:
                self.sign_in_failed.append(username)

    def _record(self, kind: str, seconds: float, status: int) -> None:
        with self.lock:
            self.records.append(StaffRecord(kind, seconds, status))

    def _get(self, browser: Browser, path: str) -> tuple[int, str]:
        """A page, following redirects as a browser does; each request is measured."""
        for _ in range(4):
            status, page, location, seconds = browser.go("GET", path)
            self._record(_kind(path), seconds, status)
            if status not in (301, 302, 303) or not location:
                return status, page
            path = urllib.parse.urlsplit(location).path
            if path.startswith("/staff/login/"):
                with self.lock:
                    self.signed_out += 1
        return status, page

    def work(self, number: int, stop_at: float) -> None:
        username, queues, browser = self.people[number]
        rng = random.Random(number)

        def think() -> bool:
            time.sleep(max(0.0, min(rng.uniform(*STAFF_THINK), stop_at - time.monotonic())))
            return time.monotonic() < stop_at

        # Staff arrive over the first seconds, not all at the same instant.
        time.sleep(rng.uniform(0, STAFF_THINK[1]))
        while time.monotonic() < stop_at:
            # Their usual queue; when it is empty, the next one they work from, then all cases.
            chosen = queues[0] if rng.random() < 0.6 else rng.choice(queues)
            references: list[str] = []
            for queue in dict.fromkeys([chosen, *queues, "all"]):
                status, page = self._get(browser, f"/staff/queue/{queue}/")
                references = CASE_LINK.findall(page) if status == 200 else []
                if not think():
                    return
                if references:
                    break
            if not references:
                continue
            reference = rng.choice(references)
            status, page = self._get(browser, f"/staff/cases/{reference}/")
            if not think():
                return
            if status != 200 or rng.random() >= STAFF_ACT:
                continue
            action, form = self._choose(page, reference, username, rng)
            token = CSRF.search(page)
            if action is None or token is None:
                continue
            form["csrfmiddlewaretoken"] = token.group(1)
            status, _page, location, seconds = browser.go("POST", f"/staff/cases/{reference}/{action}/", form)
            self._record("action", seconds, status)
            with self.lock:
                self.actions[action] = self.actions.get(action, 0) + (status == 302)
                self.signed_out += "/staff/login/" in location
            if status == 302 and location:
                self._get(browser, urllib.parse.urlsplit(location).path)
            if not think():
                return

    @staticmethod
    def _choose(page: str, reference: str, username: str, rng: random.Random) -> tuple[str | None, dict]:
        """Take, assign or a note, as the case page offers them to this person."""
        offered = set(ACTION_FORM.findall(page))
        if "take" in offered and rng.random() < 0.6:
            return "take", {}
        if "assign" in offered and rng.random() < 0.6:
            start = page.find(f'action="/staff/cases/{reference}/assign/"')
            chunk = page[start : page.find("</form>", start)]
            department = re.search(r'<select name="department">(.*?)</select>', chunk, re.S)
            people = re.search(r'<select name="assignee">(.*?)</select>', chunk, re.S)
            chosen = (
                re.search(r'<option value="([^"]+)" selected', department.group(1)) if department else None
            )
            names = re.findall(r'<option value="([^"]+)" title=', people.group(1)) if people else []
            if chosen and names:
                return "assign", {"department": chosen.group(1), "assignee": rng.choice(names)}
        if "note" in offered:
            return "note", {"note": f"{NOTE} ({username})"}
        return None, {}


# --- the servers ------------------------------------------------------------------------------------------

# Run inside `khidma shell`: the backlog, and every case carrying a submission's token.
SNAPSHOT = """
import json
from django.db.models import Count, Q
from khidma.cases.models import IntakeSubmission
from khidma.channels.models import Conversation, InboundMessage
from khidma.outbox.models import OutboundMessage
submissions = IntakeSubmission.objects.aggregate(
    accepted=Count("pk"),
    waiting=Count("pk", filter=Q(processed_at__isnull=True)),
    failing=Count("pk", filter=Q(processed_at__isnull=True) & ~Q(error="")),
)
inbound = InboundMessage.objects.aggregate(
    received=Count("pk"),
    waiting=Count("pk", filter=Q(processed_at__isnull=True)),
    failed=Count("pk", filter=~Q(error="")),
)
outbox = dict(OutboundMessage.objects.values_list("status").annotate(n=Count("pk")))
print("PEAK " + json.dumps({
    "submissions": submissions,
    "inbound": inbound,
    "inbound_errors": list(InboundMessage.objects.exclude(error="").values_list("error", flat=True)[:5]),
    "conversations_open": Conversation.objects.exclude(state="done").count(),
    "outbox": outbox,
}))
"""
CASES = """
import json, re
from django.db.models import Count
from khidma.cases.models import Case
from khidma.outbox.models import OutboundMessage
token = re.compile(r"peak-[0-9]{6}")
counts = {}
marked = Case.objects.filter(description__contains="peak-")
for text in marked.values_list("description", flat=True).iterator():
    for found in set(token.findall(text)):
        counts[found] = counts.get(found, 0) + 1
received = dict(
    OutboundMessage.objects.filter(template="received", case__description__contains="peak-")
    .values_list("status").annotate(n=Count("pk"))
)
print("PEAK " + json.dumps({"tokens": counts, "received": received}))
"""


def _shell(env: dict[str, str], code: str) -> dict:
    out = _khidma(env, "shell", "-c", code)
    line = [line for line in out.splitlines() if line.startswith("PEAK ")][-1]
    return json.loads(line.removeprefix("PEAK "))


class Khidma:
    def __init__(self, database_url: str, data_dir: str) -> None:
        self.port = _free_port()
        self.data_dir = Path(data_dir)
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "KHIDMA_DATA_DIR": data_dir,
            "KHIDMA_ACCESS_LOG": "0",
            "KHIDMA_LOG_LEVEL": "WARNING",
            "KHIDMA_SMS_BACKEND": "file",
            "KHIDMA_WHATSAPP_BACKEND": "file",
            "KHIDMA_EMAIL_BACKEND": "file",
            "KHIDMA_OUTBOX_FILE": f"{data_dir}/outbox.jsonl",
            "KHIDMA_RATE_LIMITS": "0",
            "WHATSAPP_APP_SECRET": WHATSAPP_SECRET,
            "KHIDMA_SMS_INBOUND_SECRET": SMS_SECRET,
            "WEB_CONCURRENCY": "2",
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
        }
        self.outbox = self.data_dir / "outbox.jsonl"
        self.processes: list[subprocess.Popen] = []
        self.logs: list[Path] = []

    def prepare(self) -> dict:
        """Migrate, collect static files, seed the demo and make an Open311 key; how long the seed took."""
        _khidma(self.env, "migrate", "--noinput")
        _khidma(self.env, "collectstatic", "--noinput")
        began = time.monotonic()
        seeded = _khidma(self.env, "seed-demo")
        seed_seconds = time.monotonic() - began
        cases = re.search(r"Loaded the demo: (\d+) cases", seeded)
        key = _khidma(
            self.env, "open311-key", "--org", "makkah", "--name", "Hajj peak benchmark", "--rate-limit", "0"
        ).split()[-1]
        return {"seed_s": seed_seconds, "seed_cases": int(cases.group(1)) if cases else 0, "key": key}

    def start(self) -> None:
        for command in ("serve", "worker"):
            log = self.data_dir / f"{command}.log"
            self.logs.append(log)
            with log.open("wb") as handle:
                self.processes.append(
                    subprocess.Popen(  # noqa: S603 - our own interpreter and module
                        [sys.executable, "-m", "khidma", command],
                        env=self.env,
                        stdout=handle,
                        stderr=subprocess.STDOUT,
                    )
                )
        _wait_for(self.port, "/api/v1/categories")
        # The worker loads the triage models at start; a first report made a case says it is ready.
        _call(
            self.port,
            "POST",
            "/api/v1/reports",
            json.dumps(
                {"description": "عمود إنارة مطفأ قرب المسجد", "lat": 21.4225, "lon": 39.8262}
            ).encode(),
            {"Content-Type": "application/json"},
        )
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            status = json.loads(_khidma(self.env, "intake-status").strip().splitlines()[-1])
            if not status["waiting"]:
                break
            time.sleep(1)

    def problems(self) -> list[str]:
        """What the server and the worker logged as errors (gunicorn's and the application's, tracebacks)."""
        found = []
        for log in self.logs:
            if log.exists():
                for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
                    if any(word in line for word in ("ERROR", "CRITICAL", "Traceback")):
                        found.append(f"{log.stem}: {line[:300]}")
        return found

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def run_one(label: str, database_url: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="khidma-peak-") as data_dir:
        server = Khidma(database_url, data_dir)
        try:
            prepared = server.prepare()
            server.start()
            staff = Staff(server.port)
            staff.sign_in()
            start = time.monotonic() + 2.0
            end = start + SECONDS
            reporters = Reporters(server.port, prepared["key"], server.outbox, start)
            reporters.start()
            workers = [
                threading.Thread(target=staff.work, args=(number, end), name=f"staff-{number}", daemon=True)
                for number in range(len(staff.people))
            ]
            for worker in workers:
                worker.start()
            time.sleep(max(0.0, end - time.monotonic()))
            # The end of the peak: the last report's first request has just been sent.
            peak_end = time.monotonic()
            waiting_at_end = len(reporters.waiting())
            backlog = _shell(server.env, SNAPSHOT)
            backlog["taken_after_s"] = time.monotonic() - peak_end
            for worker in workers:
                worker.join(timeout=TIMEOUT + 10)
            print(f"peak {label}: schedule done; {waiting_at_end} without a first message", file=sys.stderr)
            # Drained: every acknowledged report's first message written by the file backend. When nothing
            # moves for a while, ask the database whether anything is still to come.
            still = len(reporters.waiting())
            moved_at = time.monotonic()
            while still and time.monotonic() - peak_end < DRAIN_LIMIT:
                time.sleep(0.5)
                now_waiting = len(reporters.waiting())
                if now_waiting != still:
                    still, moved_at = now_waiting, time.monotonic()
                elif time.monotonic() - moved_at > 30:
                    status = _shell(server.env, SNAPSHOT)
                    pending = (
                        status["submissions"]["waiting"]
                        + status["inbound"]["waiting"]
                        + status["outbox"].get("queued", 0)
                        + status["outbox"].get("sending", 0)
                    )
                    if not pending:
                        break
                    moved_at = time.monotonic()
            reporters.stop()
            final = _shell(server.env, SNAPSHOT)
            cases = _shell(server.env, CASES)
            problems = server.problems()
        finally:
            server.stop()
    return {
        "prepared": prepared,
        "items": reporters.items,
        "lags": reporters.lags,
        "most_in_flight": reporters.most_in_flight,
        "extra_received": reporters.extra_received,
        "last_received": reporters.last_received,
        "peak_end": peak_end,
        "waiting_at_end": waiting_at_end,
        "backlog": backlog,
        "final": final,
        "cases": cases,
        "staff": staff,
        "problems": problems,
    }


def _postgres(name: str) -> tuple[str | None, str]:
    """A fresh database on the throwaway server (`PG_FAST=1 .ci/pg-start`), and whether fsync is off."""
    try:
        done = subprocess.run(  # noqa: S603
            [str(ROOT / ".ci" / "pg-start")],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PG_FAST": "1"},
        )
    except (OSError, subprocess.CalledProcessError):
        return None, ""
    base = done.stdout.strip().rsplit("/", 1)[0]
    script = (
        "import sys, psycopg\n"
        "with psycopg.connect(sys.argv[1] + '/postgres', autocommit=True) as c:\n"
        "    c.execute(f'DROP DATABASE IF EXISTS \"{sys.argv[2]}\"')\n"
        "    c.execute(f'CREATE DATABASE \"{sys.argv[2]}\"')\n"
        "    print(c.execute('SHOW fsync').fetchone()[0])\n"
    )
    fsync = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script, base, name], check=True, capture_output=True, text=True
    ).stdout.strip()
    return f"{base}/{name}", fsync


# --- the section ------------------------------------------------------------------------------------------


def _summary(result: dict) -> dict:
    tokens = result["cases"]["tokens"]
    rows = {}
    for channel in CHANNELS:
        items = [item for item in result["items"] if item.channel == channel]
        sent = [item for item in items if item.first_sent is not None]
        acknowledged = [item for item in sent if item.state == "acknowledged"]
        rows[channel] = {
            "sent": len(sent),
            "accepted": len(acknowledged),
            "refused": sum(item.state == "refused" for item in sent),
            "unfinished": sum(item.state == "unfinished" for item in sent),
            "lost": sum(tokens.get(item.token, 0) == 0 for item in acknowledged),
            "duplicated": sum(tokens.get(item.token, 0) > 1 for item in sent),
            "retries": sum(item.retries for item in sent),
            "failures": sorted(status for item in sent for status in item.failures),
            "answer": _figures([s for item in sent for s in item.latencies]),
            "statuses": sorted({s for item in sent for s in item.statuses if s not in OK[channel]}),
            "reference": _figures(
                [
                    received - item.first_sent
                    for item in acknowledged
                    if (received := next((at for at, t in item.replies if t == "received"), None))
                ]
            ),
        }
    whatsapp = [
        item for item in result["items"] if item.channel == "whatsapp" and item.state == "acknowledged"
    ]
    rows["whatsapp"]["conversation"] = _figures(
        [item.acknowledged_at - item.first_sent for item in whatsapp if item.acknowledged_at]
    )
    rows["whatsapp"]["reply_wait"] = _figures([wait for item in whatsapp for wait in item.waits])
    return rows


def _staff_rows(staff: Staff) -> dict[str, dict]:
    rows = {}
    kinds = {"queue": "queue page", "case": "case page", "action": "take / assign / note (POST)"}
    for kind, name in [*kinds.items(), ("all", "every staff request")]:
        records = [r for r in staff.records if kind == "all" or r.kind == kind]
        rows[name] = {
            **_figures([r.seconds for r in records]),
            "errors": sum(r.status == 0 or r.status >= 500 for r in records),
            "refused": sum(400 <= r.status < 500 for r in records),
            "statuses": sorted({r.status for r in records if r.status == 0 or r.status >= 400}),
        }
    return rows


def _ms(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def run() -> str:
    results = []
    notes = []
    with tempfile.TemporaryDirectory() as tmp:
        for database in filter(None, DATABASES):
            if database == "postgres":
                url, fsync = _postgres("khidma_bench_peak")
                if url is None:
                    notes.append(
                        "- PostgreSQL was not available on this machine (install Debian's `postgresql`)."
                    )
                    continue
                label = "PostgreSQL" + (" (fsync off)" if fsync == "off" else "")
            elif database == "sqlite":
                url, label = f"sqlite:///{tmp}/peak.sqlite3", "SQLite (WAL)"
            else:
                raise SystemExit(f"KHIDMA_PEAK_DATABASES: unknown database {database!r} (postgres, sqlite)")
            print(f"peak {label}: {REPORTS} reports in {SECONDS:.0f} s", file=sys.stderr)
            result = run_one(label, url)
            for problem in result["problems"][:20]:
                print(f"peak {label}: {problem}", file=sys.stderr)
            results.append((label, result))
    return section(results, notes)


def section(results: list[tuple[str, dict]], notes: list[str]) -> str:
    rate = REPORTS / SECONDS
    small = REPORTS != 10_000 or SECONDS != 600
    lines = [
        "## Hajj peak: four channels and 20 staff at once",
        "",
        f"{REPORTS:,} reports offered in {SECONDS:.0f} s ({rate:.1f}/s, open loop: each report's send "
        "time fixed in advance and spread evenly, whatever the server answers) — public API "
        "`POST /api/v1/reports` 50 %, signed WhatsApp Cloud API webhooks 30 % (each a new phone's "
        "conversation: the description, the location, `0` for no photo, `1` for the category; each message "
        "sent once the answer to the one before was written), Open311 `POST /open311/v2/requests.json` 10 % "
        "and SMS gateway webhooks 10 % — texts of the triage corpus in ten languages, half Arabic, each with "
        f"a unique token. At the same time {len(STAFF)} staff signed in as the demo's personas (940 and "
        "counter agents, field staff, a head, the follow-up unit, a supervisor, an administrator) loop over "
        "a queue page, a case page and, one visit in three, take / assign / an internal note through the "
        "page's form, "
        f"{STAFF_THINK[0]:.0f}–{STAFF_THINK[1]:.0f} s between pages. Khidma runs as `make demo` does: "
        "`khidma serve` (gunicorn, 2 processes × 4 threads) and one niced `khidma worker`, SMS, WhatsApp and "
        "email to the `file` backend, rate limits off, a fresh data dir and database seeded by "
        "`khidma seed-demo`. The load generator (`bench/peak.py`, standard library) shares the 2 cores. One "
        "run per database; medians and percentiles of that run.",
    ]
    if small:
        lines += [
            "",
            f"**Small-scale run ({REPORTS:,} reports in {SECONDS:.0f} s), not the issue's 10,000 in 10 "
            "minutes**: these figures do not tell whether the peak target is met.",
        ]
    lines += [
        "",
        "Reports. *Lost*: acknowledged, and no case carries its token; *duplicated*: more than one case "
        "does. *Answer*: the HTTP answer to each request (WhatsApp: each message); *reference*: from the "
        "first send (WhatsApp: the conversation's first message) to the reporter's first message with the "
        "reference, written by the file backend.",
        "",
        "| database | channel | sent | accepted | lost | duplicated | answer p50 / p95 / p99 ms "
        "| reference p50 / p95 s |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    summaries = {}
    for label, result in results:
        rows = _summary(result)
        summaries[label] = rows
        for channel, row in rows.items():
            answer = row["answer"]
            reference = row["reference"]
            lines.append(
                f"| {label} | {CHANNELS[channel]} | {row['sent']:,} | {row['accepted']:,} | {row['lost']} "
                f"| {row['duplicated']} | {_ms(answer['p50_ms'])} / {_ms(answer['p95_ms'])} / "
                f"{_ms(answer['p99_ms'])} | {reference['p50_ms'] / 1000:.1f} / "
                f"{reference['p95_ms'] / 1000:.1f} |"
            )
    lines += [
        "",
        "Staff pages during the peak (each request, redirects followed as a browser does; errors: 5xx or no "
        "answer; refused: 4xx, e.g. a case another person took first):",
        "",
        "| database | request | count | p50 ms | p95 ms | p99 ms | errors | refused |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, result in results:
        for name, row in _staff_rows(result["staff"]).items():
            lines.append(
                f"| {label} | {name} | {row['n']:,} | {_ms(row['p50_ms'])} | {_ms(row['p95_ms'])} "
                f"| {_ms(row['p99_ms'])} | {row['errors']} | {row['refused']} |"
            )
    lines += [
        "",
        "After the peak. *Backlog*: at the end of the schedule, accepted API/Open311 reports waiting for the "
        "worker (`khidma intake-status`) and incoming WhatsApp/SMS messages not yet processed; *drained*: "
        "from the last report's first send until every accepted report's first message was written by the "
        f"file backend (target: within {DRAIN_TARGET:.0f} s).",
        "",
        "| database | backlog: reports / messages | accepted without a first message then | first messages "
        "written | drained after |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, result in results:
        rows = summaries[label]
        accepted = sum(row["accepted"] for row in rows.values())
        written = sum(
            1
            for item in result["items"]
            if item.state == "acknowledged" and any(t == "received" for _at, t in item.replies)
        )
        drained = written == accepted
        after = max(0.0, result["last_received"] - result["peak_end"]) if drained else None
        result["drained_after"] = after
        backlog = result["backlog"]
        lines.append(
            f"| {label} | {backlog['submissions']['waiting']:,} / {backlog['inbound']['waiting']:,} "
            f"| {result['waiting_at_end']:,} | {written:,} of {accepted:,} "
            f"| {f'{after:.0f} s' if after is not None else f'not within {DRAIN_LIMIT:.0f} s'} |"
        )
    lines.append("")
    for label, result in results:
        rows = summaries[label]
        offered = sum(row["sent"] for row in rows.values())
        accepted = sum(row["accepted"] for row in rows.values())
        lost = sum(row["lost"] for row in rows.values())
        duplicated = sum(row["duplicated"] for row in rows.values())
        after = result["drained_after"]
        verdicts = []
        if after is None:
            verdicts.append(
                f"**target missed**: the outbox was not drained {DRAIN_LIMIT:.0f} s after the peak"
            )
        elif after > DRAIN_TARGET:
            verdicts.append(f"**target missed**: the outbox was drained {after:.0f} s after the last report")
        else:
            verdicts.append(f"the outbox was drained {after:.0f} s after the last report (target met)")
        if accepted < offered:
            verdicts.append(f"**{offered - accepted} of {offered:,} reports not accepted**")
        if lost or duplicated:
            verdicts.append(f"**{lost} lost, {duplicated} duplicated**")
        else:
            verdicts.append("none lost or duplicated")
        notes.append(f"- {label}: " + "; ".join(verdicts) + ".")
        prepared = result["prepared"]
        lags = sorted(result["lags"])
        whatsapp = rows["whatsapp"]
        details = [
            f"seed-demo took {prepared['seed_s']:.0f} s ({prepared['seed_cases']:,} cases)",
            f"the generator sent each request at most {lags[-1] * 1000:.0f} ms after its time "
            f"(p99 {_percentile(lags, 0.99) * 1000:.0f} ms; at most {result['most_in_flight']} in flight)"
            if lags
            else "nothing sent",
            f"a WhatsApp conversation took {whatsapp['conversation']['p50_ms'] / 1000:.1f} s "
            f"(p95 {whatsapp['conversation']['p95_ms'] / 1000:.1f} s), each answer written "
            f"{whatsapp['reply_wait']['p50_ms'] / 1000:.1f} s "
            f"(p95 {whatsapp['reply_wait']['p95_ms'] / 1000:.1f} s) after the message",
        ]
        unfinished = sum(row["unfinished"] for row in rows.values())
        refused = {CHANNELS[c]: row["statuses"] for c, row in rows.items() if row["refused"]}
        retries = sum(row["retries"] for row in rows.values())
        if unfinished:
            details.append(f"**{unfinished} WhatsApp conversations never got the answer they waited for**")
        if refused:
            details.append(f"refused with {refused}")
        failures = {CHANNELS[c]: len(row["failures"]) for c, row in rows.items() if row["failures"]}
        if failures:
            seen = sorted({status for row in rows.values() for status in row["failures"]})
            details.append(
                f"**answered 5xx or not at all (0): {failures}, statuses {seen}**; "
                f"{retries} retries with the same key or message id"
            )
        table = result["cases"]["received"]
        details.append(
            f"the outbox table holds {sum(table.values()):,} first messages of these reports "
            f"({', '.join(f'{count:,} {status}' for status, count in sorted(table.items()))})"
        )
        staff = result["staff"]
        done = ", ".join(f"{count} {action}" for action, count in sorted(staff.actions.items()))
        details.append(f"{len(staff.people)} staff signed in and did {done or 'no action'}")
        staff_statuses = _staff_rows(staff)["every staff request"]["statuses"]
        if staff_statuses:
            details.append(f"**staff requests answered {staff_statuses}**")
        if staff.signed_out:
            details.append(f"**{staff.signed_out} staff requests were sent back to the sign-in page**")
        listed = sum(
            1
            for item in result["items"]
            if item.channel == "whatsapp" and len(item.replies) > 2 and item.replies[2][1] == "ask_category"
        )
        if listed:
            details.append(
                f"{listed} WhatsApp reporters got the list of categories (no suggestion) and answered `1`"
            )
        if result["extra_received"]:
            details.append(f"**{result['extra_received']} reporters got a second first message**")
        final = result["final"]
        if final["submissions"]["failing"] or final["inbound"]["failed"]:
            details.append(
                f"**{final['submissions']['failing']} accepted reports failing, "
                f"{final['inbound']['failed']} incoming messages failed**"
            )
        if result["problems"]:
            details.append(
                f"**the server and worker logged {len(result['problems'])} error lines** "
                f"(first: `{result['problems'][0]}`)"
            )
        if staff.sign_in_failed:
            details.append(f"**sign-in failed for {', '.join(staff.sign_in_failed)}**")
        notes.append(f"- {label}: " + "; ".join(details) + ".")
    return "\n".join([*lines, *notes])
