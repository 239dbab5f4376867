"""Benchmark: public intake (`POST /api/v1/reports`) side by side with django-helpdesk 2.6.1's ticket API.

Both servers run on this machine at the same time, each with 2 gunicorn worker processes, on SQLite in WAL
mode (and on PostgreSQL when `.ci/pg-start` can start a server). The load generator (below, standard library
only) alternates: peer, ours, peer, ours… — each run `CLIENTS` concurrent keep-alive clients for `SECONDS`
seconds after a short warm-up — and the figures quoted are the medians of the alternating runs.

Khidma runs as `make demo` does (`khidma serve` and the niced `khidma worker`, SMS to the file backend) with
the anonymous rate limits off (`KHIDMA_RATE_LIMITS=0`: one client address sends everything). A report counts
only when it is fully processed: after each Khidma run we wait (at most 60 s) until every accepted report is a
case — triaged, routed, targets set — and its reporter's first SMS has been written by the outbox's file
backend (`khidma intake-status` tells), before the peer's next run. So each run is judged on its own, and the
peer never runs while our worker drains (that took about a third of its rate: 92 reports/s where it makes
135 alone). A last Khidma run of `SUSTAINED_SECONDS` without a pause shows what the machine keeps up, fully
processed, past the backlog's bound.

The peer is installed and served by the scripts in `../shared/bench/peers/helpdesk/` (a developer's tool,
outside the project: set `KHIDMA_BENCH_PEER` to another folder holding `setup.sh`, `serve.sh`, `stop.sh`).
Without it, Khidma is measured alone.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEER = Path(os.environ.get("KHIDMA_BENCH_PEER", ROOT.parent / "shared" / "bench" / "peers" / "helpdesk"))
PEER_ROOT = Path(os.environ.get("PEER_ROOT", "/tmp/peer-helpdesk"))  # noqa: S108 - where the peer's scripts put it
PEER_PORT = 8101
CLIENTS = int(os.environ.get("KHIDMA_BENCH_CLIENTS", "16"))
SECONDS = float(os.environ.get("KHIDMA_BENCH_SECONDS", "10"))
ROUNDS = int(os.environ.get("KHIDMA_BENCH_ROUNDS", "3"))
SUSTAINED_SECONDS = float(os.environ.get("KHIDMA_BENCH_SUSTAINED_SECONDS", "30"))
WARM_UP = 2.0
DRAIN_LIMIT = 60.0
DATABASES = os.environ.get("KHIDMA_BENCH_DATABASES", "sqlite,postgres").split(",")

# Arabic reports like the ones residents send, spread over the city so that few are duplicates.
TEXTS = [
    "تسرب مياه مستمر من الأنبوب الرئيسي بالقرب من المسجد، والمياه تغمر الرصيف.",
    "أعمدة الإنارة في الحي مطفأة ليلاً مما يشكل خطراً على المارة والأطفال.",
    "حفرة عميقة في الطريق أمام بوابة المدرسة الابتدائية تسببت في أضرار للسيارات.",
    "لم يتم جمع النفايات منذ عدة أيام والروائح أصبحت مزعجة للسكان.",
    "الإشارة الضوئية عند التقاطع متوقفة عن العمل وقت الذروة، والازدحام شديد.",
]


@dataclass
class Target:
    name: str
    port: int
    path: str
    headers: dict[str, str]
    body: object  # callable(number) -> bytes
    ok: tuple[int, ...]


# The counts of `khidma intake-status` (cases/management/commands/intake_status.py) the benchmark needs.
STATUS_SQL = (
    "SELECT COUNT(*), "
    "COALESCE(SUM(CASE WHEN processed_at IS NULL THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN processed_at IS NULL AND error <> '' THEN 1 ELSE 0 END), 0) "
    "FROM cases_intakesubmission"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _khidma_body(number: int) -> bytes:
    report = {
        "description": f"{TEXTS[number % len(TEXTS)]} رقم {number}",
        "lat": round(21.38 + (number * 7919 % 1000) / 1000 * 0.12, 6),
        "lon": round(39.78 + (number * 104729 % 1000) / 1000 * 0.12, 6),
        "language": "ar",
        "reporter": {"phone": f"05{50000000 + (number % 1_000_000) * 37 % 50_000_000:08d}"},
    }
    return json.dumps(report, ensure_ascii=False).encode()


def _peer_body(queue: int):
    def body(number: int) -> bytes:
        ticket = {
            "queue": queue,
            "title": f"{TEXTS[number % len(TEXTS)][:40]} #{number}",
            "description": TEXTS[number % len(TEXTS)],
            "submitter_email": f"citizen{number % 997}@example.org",
            "priority": 1 + number % 5,
        }
        return json.dumps(ticket, ensure_ascii=False).encode()

    return body


def _load(target: Target, *, clients: int, seconds: float, first: int) -> dict:
    """`clients` threads post back to back; requests started after the warm-up are measured."""
    latencies: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    counter = iter(range(first, first + 10_000_000))
    start = time.perf_counter()
    measure_from = start + WARM_UP
    stop_at = measure_from + seconds

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", target.port, timeout=60)
        while True:
            began = time.perf_counter()
            if began >= stop_at:
                break
            with lock:
                number = next(counter)
            headers = {"Content-Type": "application/json", **target.headers}
            if target.name == "khidma":
                headers["Idempotency-Key"] = f"bench-{number}"
            try:
                conn.request("POST", target.path, body=target.body(number), headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", target.port, timeout=60)
                status = 0
            ended = time.perf_counter()
            if began >= measure_from:
                with lock:
                    latencies.append(ended - began)
                    if status not in target.ok:
                        errors.append(status)
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ordered = sorted(latencies)
    ok = len(latencies) - len(errors)
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "per_second": ok / seconds,
        "median_ms": statistics.median(ordered) * 1000 if ordered else 0.0,
        "p95_ms": ordered[int(len(ordered) * 0.95) - 1] * 1000 if ordered else 0.0,
        "p99_ms": ordered[int(len(ordered) * 0.99) - 1] * 1000 if ordered else 0.0,
        "sent": next(counter) - first,
    }


def _wait_for(port: int, path: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            if conn.getresponse().status < 500:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the server on port {port} did not start")


def _khidma(env: dict[str, str], *args: str, capture: bool = True) -> str:
    done = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "khidma", *args], env=env, check=True, capture_output=capture, text=True
    )
    return done.stdout or ""


class Khidma:
    def __init__(self, database_url: str, data_dir: str) -> None:
        self.port = _free_port()
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
            "WEB_CONCURRENCY": "2",
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
        }
        self.outbox = Path(data_dir) / "outbox.jsonl"
        self.processes: list[subprocess.Popen] = []

    def start(self) -> None:
        _khidma(self.env, "migrate", "--noinput")
        _khidma(self.env, "collectstatic", "--noinput")
        _khidma(self.env, "seed-demo", "--cases", "0")
        # The seeded history's housekeeping (a year of open-data files, the retention sweep, the dashboard's
        # rows) is done once here, as an installation running for a while has it done: the run measures
        # intake, not a first start catching up.
        _khidma(self.env, "worker", "--batch")
        for command in ("serve", "worker"):
            self.processes.append(
                subprocess.Popen(  # noqa: S603
                    [sys.executable, "-m", "khidma", command],
                    env=self.env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        _wait_for(self.port, "/api/v1/categories")
        # The worker loads the triage models at start; a first report made a case says it is ready.
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        conn.request(
            "POST",
            "/api/v1/reports",
            body=_khidma_body(999_999),
            headers={"Content-Type": "application/json"},
        )
        conn.getresponse().read()
        deadline = time.monotonic() + 300
        while self.status()["waiting"] and time.monotonic() < deadline:
            time.sleep(1)

    def target(self) -> Target:
        return Target("khidma", self.port, "/api/v1/reports", {}, _khidma_body, (200, 201, 202))

    def status(self) -> dict:
        """What `khidma intake-status` prints, read with one query: the benchmark looks every second while the
        worker drains, and starting a Django process for it each time would take the worker's processor."""
        url = self.env["DATABASE_URL"]
        if url.startswith("sqlite:///"):
            with sqlite3.connect(url.removeprefix("sqlite:///"), timeout=30) as db:
                row = db.execute(STATUS_SQL).fetchone()
        else:
            import psycopg

            with psycopg.connect(url) as db:
                row = db.execute(STATUS_SQL).fetchone()
        return dict(zip(("accepted", "waiting", "failing"), row, strict=True))

    def drain(self, label: str) -> dict:
        """Wait (at most `DRAIN_LIMIT` s) until every accepted report is a case and its first SMS is written;
        how long that took, and the counts when it ended."""
        began = time.monotonic()
        timeline = []  # (seconds after the run, reports waiting, first SMS not yet written)
        while True:
            status = self.status()
            unsent = max(status["accepted"] - self.first_messages_in_file(), 0)
            timeline.append((round(time.monotonic() - began), status["waiting"], unsent))
            if (status["waiting"] == 0 and unsent == 0) or time.monotonic() - began >= DRAIN_LIMIT:
                break
            time.sleep(0.5)
        print(f"intake {label} drain (s, waiting, unsent): {timeline[::2]}", file=sys.stderr)
        return {
            **status,
            "unsent": unsent,
            "seconds": time.monotonic() - began,
            "met": status["waiting"] == 0 and unsent == 0 and not status["failing"],
        }

    def first_messages_in_file(self) -> int:
        if not self.outbox.exists():
            return 0
        with self.outbox.open(encoding="utf-8") as handle:
            return sum(1 for line in handle if '"template": "received"' in line)

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


class Peer:
    def __init__(self, database: str) -> None:
        self.database = database

    @staticmethod
    def available() -> bool:
        return (PEER / "setup.sh").exists()

    def start(self) -> None:
        env = {**os.environ, "PEER_RESET": "1", "PEER_SQLITE_WAL": "1", "PEER_ROOT": str(PEER_ROOT)}
        if self.database == "postgres":
            url = subprocess.run([str(ROOT / ".ci" / "pg-start")], capture_output=True, text=True, check=True)  # noqa: S603
            host_port = url.stdout.strip().split("@", 1)[1].split("/", 1)[0]
            env.update(
                {"PEER_DB": "postgres", "PGHOST": host_port.split(":")[0], "PGPORT": host_port.split(":")[1]}
            )
            env.setdefault("PGUSER", "khidma")
        subprocess.run(["bash", str(PEER / "setup.sh")], env=env, check=True, capture_output=True)  # noqa: S603, S607
        subprocess.run(["bash", str(PEER / "stop.sh")], env=env, capture_output=True)  # noqa: S603, S607
        subprocess.run(["bash", str(PEER / "serve.sh")], env=env, check=True, capture_output=True)  # noqa: S603, S607

    def target(self) -> Target:
        credentials = dict(
            line.split("=", 1)
            for line in (PEER_ROOT / "credentials.env").read_text().splitlines()
            if "=" in line and not line.startswith("#")
        )
        token = credentials["HELPDESK_TOKEN"].strip().strip('"')
        queue = int(credentials["HELPDESK_QUEUE_ID"].strip().strip('"'))
        return Target(
            "helpdesk",
            PEER_PORT,
            "/api/tickets/",
            {"Authorization": f"Token {token}"},
            _peer_body(queue),
            (201,),
        )

    def stop(self) -> None:
        subprocess.run(["bash", str(PEER / "stop.sh")], capture_output=True)  # noqa: S603, S607


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def _figures(runs: list[dict]) -> str:
    return " | ".join(
        f"{_median(runs, key):.0f}" if key == "per_second" else f"{_median(runs, key):.1f}"
        for key in ("per_second", "median_ms", "p95_ms", "p99_ms")
    )


def run_one(label: str, database_url: str, peer_database: str) -> dict:
    with tempfile.TemporaryDirectory() as data_dir:
        ours = Khidma(database_url, data_dir)
        peer = Peer(peer_database) if Peer.available() else None
        try:
            ours.start()
            if peer is not None:
                peer.start()
            runs: dict[str, list[dict]] = {"helpdesk": [], "khidma": []}
            number = 0
            for _round in range(ROUNDS):
                for side in (peer, ours):
                    if side is None:
                        continue
                    result = _load(side.target(), clients=CLIENTS, seconds=SECONDS, first=number)
                    number += result["sent"] + 1
                    if side is ours:
                        # Each run is judged on its own: its reports fully processed within 60 s of its end.
                        # Waiting for that before the peer's next run also gives the peer a machine on which
                        # our worker is idle (draining during its runs took a third of its rate).
                        result["drain"] = ours.drain(label)
                    runs[side.target().name].append(result)
                    print(f"intake {label} {side.target().name}: {result}", file=sys.stderr)
            # Longer than the backlog's bound absorbs: past it the requests make their own cases, so this is
            # the rate a machine keeps up, fully processed, in a surge that does not end.
            sustained = _load(ours.target(), clients=CLIENTS, seconds=SUSTAINED_SECONDS, first=number)
            sustained["drain"] = ours.drain(label)
            print(f"intake {label} sustained: {sustained}", file=sys.stderr)
        finally:
            ours.stop()
            if peer is not None:
                peer.stop()
    return {"runs": runs, "sustained": sustained}


def _postgres(name: str) -> str | None:
    try:
        done = subprocess.run([str(ROOT / ".ci" / "pg-start")], capture_output=True, text=True, check=True)  # noqa: S603
    except (OSError, subprocess.CalledProcessError):
        return None
    base = done.stdout.strip().rsplit("/", 1)[0]
    script = (
        "import sys, psycopg\n"
        "with psycopg.connect(sys.argv[1] + '/postgres', autocommit=True) as c:\n"
        "    c.execute(f'DROP DATABASE IF EXISTS \"{sys.argv[2]}\"')\n"
        "    c.execute(f'CREATE DATABASE \"{sys.argv[2]}\"')\n"
    )
    subprocess.run([sys.executable, "-c", script, base, name], check=True, capture_output=True)  # noqa: S603
    return f"{base}/{name}"


def postgres_database(name: str) -> str | None:
    """A fresh, empty database on the throwaway PostgreSQL server of .ci/pg-start, or None without one (the
    back-office, SLA and reports benchmarks use it)."""
    return _postgres(name)


def run() -> str:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("SQLite (WAL)", f"sqlite:///{tmp}/bench.sqlite3", "sqlite")]
        postgres = _postgres("khidma_bench") if "postgres" in DATABASES else None
        if postgres:
            targets.append(("PostgreSQL", postgres, "postgres"))
        for label, url, peer_database in targets:
            rows.append((label, run_one(label, url, peer_database)))
    lines = [
        "## Intake: `POST /api/v1/reports` beside django-helpdesk",
        "",
        f"Side by side on this machine, alternating peer and Khidma {ROUNDS} times, each run {CLIENTS} "
        f"concurrent keep-alive clients for {SECONDS:.0f} s after a {WARM_UP:.0f} s warm-up; both servers "
        "have 2 gunicorn worker processes. Khidma runs as `make demo` does (server and niced worker, SMS to "
        "the file backend, anonymous rate limits off). The peer is django-helpdesk 2.6.1's "
        "`POST /api/tickets/` with token auth (`../shared/bench/peers/helpdesk/`). After each Khidma run "
        "the benchmark waits until its reports are fully processed (at most 60 s) before the peer's next "
        "run, so the peer never shares the machine with our worker. Medians of the runs; the load generator "
        f"shares the 2 cores. The last row is one more Khidma run of {SUSTAINED_SECONDS:.0f} s, longer "
        "than the backlog's bound absorbs.",
        "",
        "| database | server | per second | median ms | p95 ms | p99 ms | errors |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    notes = []
    for label, result in rows:
        for side in ("helpdesk", "khidma"):
            runs = result["runs"][side]
            if not runs:
                continue
            errors = sum(run["errors"] for run in runs)
            lines.append(f"| {label} | {side} | {_figures(runs)} | {errors} |")
        sustained = result["sustained"]
        lines.append(
            f"| {label} | khidma, {SUSTAINED_SECONDS:.0f} s without a pause | {_figures([sustained])} "
            f"| {sustained['errors']} |"
        )
        peer_rate = _median(result["runs"]["helpdesk"], "per_second") if result["runs"]["helpdesk"] else 0
        if peer_rate:
            ratio = _median(result["runs"]["khidma"], "per_second") / peer_rate
            notes.append(f"- {label}: Khidma/peer = **{ratio:.2f}×**.")
        drains = [run["drain"] for run in result["runs"]["khidma"]]
        seconds = ", ".join(f"{drain['seconds']:.0f}" for drain in drains)
        verdict = "met" if all(drain["met"] for drain in drains) else "**missed**"
        last = drains[-1]
        notes.append(
            f"- {label}: every report of each Khidma run fully processed — a case, and its first SMS "
            f"written — {seconds} s after the run's end (target 60 s: {verdict}); {last['accepted']} "
            f"accepted in all, {last['waiting']} waiting, {last['unsent']} first SMS unwritten, "
            f"{last['failing']} failing."
        )
        drain = sustained["drain"]
        versus = f", {sustained['per_second'] / peer_rate:.2f}× the peer's median" if peer_rate else ""
        notes.append(
            f"- {label}, {SUSTAINED_SECONDS:.0f} s without a pause: {sustained['per_second']:.0f} reports/s"
            f"{versus}, p99 {sustained['p99_ms']:.0f} ms; fully processed {drain['seconds']:.0f} s after "
            f"({'met' if drain['met'] else '**missed**'})."
        )
    if len(rows) == 1:
        notes.append("- PostgreSQL was not available on this machine (install Debian's `postgresql`).")
    return "\n".join([*lines, "", *notes])
