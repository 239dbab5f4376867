"""Benchmark: what one report costs at each stage of intake, in one process (no HTTP, no other load).

The intake benchmark measures the machine under load; this one says where the work is. For each database a
fresh one is migrated and seeded (`seed-demo --cases 0`), the triage models are loaded, then `REPORTS`
Arabic reports with a point (the intake benchmark's texts) go through the three stages one after another:

1. *accept*: `POST /api/v1/reports` through Django's test client (validation, idempotency, the reference,
   the submission row, the 202 answer);
2. *case*: the worker's `submissions_process_due` (triage, area, routing, duplicates, targets, events, the
   first message written to the outbox);
3. *first SMS*: the worker's `outbox_deliver_due` to the file backend.

Wall-clock and CPU milliseconds per report of this process (the database server's own CPU shows in the wall
time on PostgreSQL), and the SQL statements per report.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = int(os.environ.get("KHIDMA_BENCH_STAGE_REPORTS", "1000"))


def _inner(database_url: str) -> dict:
    data = tempfile.mkdtemp()
    os.environ.update(
        {
            "DATABASE_URL": database_url,
            "KHIDMA_DATA_DIR": data,
            "DJANGO_SETTINGS_MODULE": "khidma.settings",
            "KHIDMA_LOG_LEVEL": "WARNING",
            "KHIDMA_SMS_BACKEND": "file",
            "KHIDMA_OUTBOX_FILE": f"{data}/outbox.jsonl",
            "KHIDMA_RATE_LIMITS": "0",
            "KHIDMA_STATIC_MANIFEST": "0",
            # Every report waits for the worker here, however many: the stages are measured apart.
            "KHIDMA_INTAKE_BACKLOG_LIMIT": "0",
        }
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from bench.intake import _khidma_body
    from khidma.cases.submissions import submissions_process_due
    from khidma.cases.triage import warm_up
    from khidma.outbox.services import outbox_deliver_due

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    call_command("seed_demo", "--cases", "0", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    warm_up()
    client = Client()

    def accept() -> None:
        for number in range(REPORTS):
            response = client.post("/api/v1/reports", _khidma_body(number), content_type="application/json")
            assert response.status_code == 202, response.content

    def cases() -> None:
        while submissions_process_due(limit=100):
            pass

    def first_sms() -> None:
        while outbox_deliver_due().sent:
            pass

    from khidma.cases.models import Case
    from khidma.outbox.models import OutboundMessage

    # The demo's seasons are there too (as in the intake benchmark): a realistic table to write into.
    before = Case.objects.count()
    first_sms()  # the demo's own messages due now, so that the stage below sends only these reports'
    sent_before = OutboundMessage.objects.filter(template="received", sent_at__isnull=False).count()
    stages = {}
    for name, work in (("accept", accept), ("case", cases), ("first SMS", first_sms)):
        statements = [0]

        def count(execute, sql, params, many, context, statements=statements):
            statements[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            wall, cpu = time.perf_counter(), time.process_time()
            work()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        stages[name] = {
            "wall_ms": wall / REPORTS * 1000,
            "cpu_ms": cpu / REPORTS * 1000,
            "queries": statements[0] / REPORTS,
        }
    assert Case.objects.count() - before == REPORTS
    sent = OutboundMessage.objects.filter(template="received", sent_at__isnull=False).count() - sent_before
    assert sent == REPORTS, sent
    return stages


def _measure(database_url: str) -> dict:
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, __file__, "--inner", database_url],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": f"{ROOT}:{ROOT / 'src'}"},
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def run() -> str:
    from bench.intake import _postgres

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        rows.append(("SQLite (WAL)", _measure(f"sqlite:///{tmp}/stages.sqlite3")))
    postgres = _postgres("khidma_bench_stages")
    if postgres:
        rows.append(("PostgreSQL", _measure(postgres)))
    lines = [
        "## Intake: one report's cost per stage",
        "",
        f"{REPORTS} Arabic reports with a point through each stage in turn, in one process (no HTTP, no "
        "other load; `bench/stages.py`): *accept* is `POST /api/v1/reports` through Django's test "
        "client, *case* the worker making the accepted reports cases (triage, area, routing, duplicates,"
        " targets, events, the first message written), *first SMS* the worker sending them to the file "
        "backend. Milliseconds per report: wall clock, and this process's CPU (on PostgreSQL the "
        "server's own work shows in the wall time); SQL statements per report. PostgreSQL as `.ci/pg-"
        "start` starts it (durable: fsync on).",
        "",
        "| database | stage | wall ms | CPU ms | statements |",
        "|---|---|---:|---:|---:|",
    ]
    for label, stages in rows:
        for name, figures in stages.items():
            lines.append(
                f"| {label} | {name} | {figures['wall_ms']:.2f} | {figures['cpu_ms']:.2f} | "
                f"{figures['queries']:.1f} |"
            )
        total = sum(figures["cpu_ms"] for figures in stages.values())
        lines.append(
            f"| {label} | **all three** | {sum(f['wall_ms'] for f in stages.values()):.2f} | "
            f"{total:.2f} | {sum(f['queries'] for f in stages.values()):.1f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--inner"]:
        print(json.dumps(_inner(sys.argv[2])))
    else:
        print(run())
