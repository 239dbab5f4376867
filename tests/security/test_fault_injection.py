"""Faults injected into real processes: a delivery worker killed with SIGKILL mid-batch, a web worker
(``khidma serve``, gunicorn) killed mid-request, and a gateway that answers 500 or never answers. Whatever
happens: nothing accepted is lost, nothing is sent twice, and every accepted report exists exactly once.

The subprocesses use the test database (committed data: these tests are transactional)."""

from __future__ import annotations

import concurrent.futures
import datetime
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest
from django.conf import settings
from django.db import connection

from khidma.cases import services
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case
from khidma.outbox.models import MessageStatus, OutboundMessage
from khidma.outbox.services import outbox_deliver_due

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]
KHIDMA = str(Path(sys.executable).parent / "khidma")


class Gateway:
    """A fake SMS gateway (Unifonic's shape). ``mode``: "ok", "500", "hang" (holds the request open until
    released — a gateway that never answers, or a worker caught mid-send)."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.hang_at: int | None = None  # hang on this request (1 = the first), whatever the mode
        self.received: list[str] = []  # the Body of every request that reached the gateway
        self.entered = threading.Event()
        self.release = threading.Event()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                form = parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
                gateway.received.append(form.get("Body", [""])[0])
                if gateway.mode == "hang" or len(gateway.received) == gateway.hang_at:
                    gateway.entered.set()
                    gateway.release.wait(60)
                    return  # closes without an answer
                status = 500 if gateway.mode == "500" else 200
                body = json.dumps(
                    {"success": status == 200, "data": {"MessageID": f"u-{len(gateway.received)}"}}
                )
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body.encode())

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def gateway(settings) -> Iterator[Gateway]:
    fake = Gateway()
    settings.KHIDMA_SMS_BACKEND = "unifonic"
    settings.KHIDMA_SMS_URL = fake.url
    yield fake
    fake.close()


def _database_url() -> str:
    """The test database, as DATABASE_URL for a subprocess."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _environment(**extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "KHIDMA_DATA_DIR": str(settings.DATA_DIR),
        "KHIDMA_DEFAULT_ORGANIZATION": "makkah",
        "KHIDMA_TASKS_BACKEND": "immediate",
        "KHIDMA_STATIC_MANIFEST": "0",
        # The request makes the case itself (no worker runs beside these servers), so "every accepted report
        # exactly once" is checked on cases; the deferred path's own crash safety is main's intake tests'.
        "KHIDMA_INTAKE_DEFERRED": "0",
        **extra,
    }


def _reports(makkah, count: int) -> list[Case]:
    return [
        services.case_create(
            request=IntakeRequest(
                organization=makkah,
                description=f"Rubbish piled up, report {n}",
                channel="phone_940",
                reporter=Reporter(phone=f"05512345{n:02d}"),
            )
        ).case
        for n in range(count)
    ]


def test_a_gateway_that_answers_500_or_never_answers_loses_nothing_and_sends_nothing_twice(
    makkah, gateway, settings
):
    settings.KHIDMA_OUTBOX_TIMEOUT_SECONDS = 1
    first, second = _reports(makkah, 2)
    gateway.mode = "500"
    assert outbox_deliver_due().retrying == 2  # the gateway's fault: both wait for another try
    assert set(OutboundMessage.objects.values_list("status", flat=True)) == {MessageStatus.QUEUED}

    gateway.mode = "hang"  # the request arrives, the answer never does
    OutboundMessage.objects.update(next_attempt_at=None)
    OutboundMessage.objects.filter(case=first).update(next_attempt_at=first.created_at)
    assert outbox_deliver_due().uncertain == 1
    in_doubt = OutboundMessage.objects.get(case=first)
    assert in_doubt.status == MessageStatus.UNCERTAIN and in_doubt.next_attempt_at is None

    gateway.mode = "ok"
    OutboundMessage.objects.filter(case=second).update(next_attempt_at=second.created_at)
    assert outbox_deliver_due().sent == 1
    assert outbox_deliver_due().sent == 0
    counts = Counter(gateway.received)
    # The message that may have gone out is never sent again; the other went out once after the 500.
    assert counts[in_doubt.text] == 2  # the 500, then the unanswered request: never a third
    assert counts[OutboundMessage.objects.get(case=second).text] == 2  # the 500, then the delivery


def test_a_delivery_worker_killed_mid_batch_leaves_one_message_in_doubt_and_sends_the_rest_once(
    makkah, gateway, settings
):
    cases = _reports(makkah, 4)
    # The worker's own delivery pass in another process, stopped with SIGKILL while it waits on the gateway
    # for the third message.
    gateway.hang_at = 3
    worker = subprocess.Popen(
        [
            KHIDMA,
            "shell",
            "-c",
            "from khidma.outbox.services import outbox_deliver_due; outbox_deliver_due()",
        ],
        env=_environment(KHIDMA_SMS_BACKEND="unifonic", KHIDMA_SMS_URL=gateway.url),
        cwd=ROOT,
    )
    try:
        assert gateway.entered.wait(120), "the worker never reached the gateway"
        worker.send_signal(signal.SIGKILL)
        worker.wait(30)
    finally:
        if worker.poll() is None:
            worker.kill()
    gateway.hang_at = None
    gateway.release.set()

    statuses = Counter(OutboundMessage.objects.values_list("status", flat=True))
    assert statuses == {MessageStatus.SENT: 2, MessageStatus.SENDING: 1, MessageStatus.QUEUED: 1}
    # The next worker, after the lease: the message in doubt becomes uncertain, the last one goes out.
    later = OutboundMessage.objects.order_by("-created_at").first().created_at
    later += datetime.timedelta(seconds=settings.KHIDMA_OUTBOX_LEASE_SECONDS + 60)
    result = outbox_deliver_due(now=later)
    assert (result.sent, result.uncertain) == (1, 1)
    counts = Counter(gateway.received)
    assert all(n == 1 for n in counts.values()), counts  # nothing reached the gateway twice
    assert len(counts) == len(cases)  # and every message reached it once (the one in doubt included)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").exists(), reason="finds gunicorn's worker processes through /proc")
def test_a_web_worker_killed_mid_request_loses_no_report_and_makes_none_twice(makkah):
    port = _free_port()
    server = subprocess.Popen(
        [KHIDMA, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2", "--threads", "2"],
        env=_environment(KHIDMA_ACCESS_LOG="0", KHIDMA_RATE_LIMITS="0"),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        deadline = time.monotonic() + 240  # the server loads the triage models before it listens
        while True:
            try:
                if httpx.get(f"{base}/categories", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None, "khidma serve stopped"
            assert time.monotonic() < deadline, "khidma serve did not start"
            time.sleep(1)

        def submit(n: int) -> int:
            # A client that retries with the same Idempotency-Key until it gets an answer, as documented.
            for _attempt in range(30):
                try:
                    response = httpx.post(
                        f"{base}/reports",
                        json={"description": f"Broken lamp number {n}"},
                        headers={"Idempotency-Key": f"fault-{n}"},
                        timeout=30,
                    )
                    if response.status_code in (200, 201):
                        return response.status_code
                except httpx.HTTPError:
                    pass
                time.sleep(0.5)
            raise AssertionError(f"report {n} was never accepted")

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            futures = [pool.submit(submit, n) for n in range(24)]
            time.sleep(0.5)
            for worker_pid in _children(server.pid)[:1]:  # one web worker dies with requests in flight
                os.kill(worker_pid, signal.SIGKILL)
            answers = [future.result(timeout=300) for future in futures]
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
    assert len(answers) == 24
    keys = Counter(
        Case.objects.filter(idempotency_key__startswith="fault-").values_list("idempotency_key", flat=True)
    )
    assert sorted(keys) == sorted(f"fault-{n}" for n in range(24))
    assert set(keys.values()) == {1}  # every accepted report exactly once


# --- PostgreSQL restarting under load ---------------------------------------------------------------------


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found else None


def _as_owner(*command: str) -> list[str]:
    # initdb and pg_ctl refuse to run as root; Debian's package creates the postgres user for this.
    runuser = shutil.which("runuser") or "/usr/sbin/runuser"
    return [runuser, "-u", "postgres", "--", *command] if os.getuid() == 0 else list(command)


@pytest.fixture
def throwaway_postgres() -> Iterator[tuple[str, Path]]:
    """A PostgreSQL server of this test's own (started by .ci/pg-start in a fresh folder on a free port),
    so it may be restarted without disturbing the database the suite runs on."""
    pg_bin = _pg_bin()
    if pg_bin is None:
        pytest.skip(
            "PostgreSQL's server programs are not installed (apt-get install postgresql; CI has them)"
        )
    # Not under pytest's temporary folder: its parents are closed to the postgres user that owns the cluster.
    folder = Path(tempfile.mkdtemp(prefix="khidma-pg-restart-"))
    os.chmod(folder, 0o777)  # noqa: S103 - the postgres user must create the cluster in it
    data = folder / "data"
    port = str(_free_port())
    url = subprocess.run(
        ["/bin/bash", str(ROOT / ".ci" / "pg-start")],
        env={**os.environ, "KHIDMA_PG_DIR": str(data), "KHIDMA_PG_PORT": port, "PG_FAST": "1"},
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout.strip()
    yield url, data
    subprocess.run(_as_owner(str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"), check=False)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="a PostgreSQL fault: runs in the suite's PostgreSQL pass (CI runs both)",
)
def test_postgresql_restarting_mid_burst_loses_no_report_and_makes_none_twice(throwaway_postgres, tmp_path):
    import psycopg

    url, data = throwaway_postgres
    outbox = tmp_path / "outbox.jsonl"
    environment = {
        **_environment(),
        "DATABASE_URL": url,
        "KHIDMA_SMS_BACKEND": "file",
        "KHIDMA_OUTBOX_FILE": str(outbox),
        "KHIDMA_ACCESS_LOG": "0",
        "KHIDMA_RATE_LIMITS": "0",
        "KHIDMA_DB_CONN_MAX_AGE": "60",
    }
    subprocess.run(
        [KHIDMA, "migrate", "--noinput", "-v", "0"], env=environment, cwd=ROOT, check=True, timeout=600
    )
    subprocess.run(
        [
            KHIDMA,
            "shell",
            "-c",
            "from khidma.organizations.models import Organization; "
            "Organization.objects.create(slug='makkah', names={'en': 'Makkah'})",
        ],
        env=environment,
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    port = _free_port()
    server = subprocess.Popen(
        [KHIDMA, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2", "--threads", "2"],
        env=environment,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    accepted = threading.Semaphore(0)
    try:
        deadline = time.monotonic() + 240
        while True:
            try:
                if httpx.get(f"{base}/categories", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "khidma serve did not start"
            time.sleep(1)

        def submit(n: int) -> None:
            for _attempt in range(120):
                try:
                    response = httpx.post(
                        f"{base}/reports",
                        json={"description": f"Broken lamp {n}", "reporter": {"phone": f"05512345{n:02d}"}},
                        headers={"Idempotency-Key": f"restart-{n}"},
                        timeout=30,
                    )
                    if response.status_code in (200, 201):
                        accepted.release()
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.5)
            raise AssertionError(f"report {n} was never accepted")

        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            futures = [pool.submit(submit, n) for n in range(30)]
            for _ in range(5):  # a few are in, the rest in flight or waiting: the database restarts
                assert accepted.acquire(timeout=120)
            subprocess.run(
                _as_owner(
                    str(_pg_bin() / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(data / "server.log"),
                    "-m",
                    "fast",
                    "-w",
                    "restart",
                ),
                check=True,
                stdout=subprocess.DEVNULL,  # the new server would hold a captured pipe open
                stderr=subprocess.DEVNULL,
                timeout=120,
            )
            for future in futures:
                future.result(timeout=600)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
    # The delivery worker's pass, then once more: each reporter hears once.
    for _ in range(2):
        subprocess.run(
            [
                KHIDMA,
                "shell",
                "-c",
                "from khidma.outbox.services import outbox_deliver_due; outbox_deliver_due()",
            ],
            env=environment,
            cwd=ROOT,
            check=True,
            timeout=300,
        )
    with psycopg.connect(url) as db:
        keys = Counter(
            row[0]
            for row in db.execute(
                "SELECT idempotency_key FROM cases_case WHERE idempotency_key LIKE 'restart-%'"
            )
        )
    assert sorted(keys) == sorted(f"restart-{n}" for n in range(30)) and set(keys.values()) == {1}
    lines = [json.loads(line) for line in outbox.read_text(encoding="utf-8").splitlines()]
    recipients = Counter(line["to"] for line in lines if line["template"] == "received")
    assert len(recipients) == 30 and set(recipients.values()) == {1}, recipients
