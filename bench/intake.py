"""Benchmark: POST /api/v1/reports throughput and latency under concurrent load, through the real server.

Starts `khidma serve` (gunicorn, the production server) on a fresh database, warms it up, then sends a fixed
number of reports from concurrent keep-alive clients and measures each request's latency. The load
generator runs on the same 2-core machine as the server, so the figures are a floor, not a ceiling.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = {
    "description": "Garbage has not been collected for three days near the hotel",
    "category": "cleanliness",
    "lat": 21.4152,
    "lon": 39.8558,
    "reporter": {"phone": "0551234567"},
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _khidma(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "-m", "khidma", *args], env=env, check=True, capture_output=True)  # noqa: S603


def _wait_for(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/v1/categories")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server did not start")


def _body(rng: random.Random) -> bytes:
    # Places spread over the city, so that few reports are duplicates of each other (as in real traffic).
    report = {
        **REPORT,
        "lat": round(rng.uniform(21.35, 21.55), 5),
        "lon": round(rng.uniform(39.75, 39.95), 5),
    }
    return json.dumps(report).encode()


def _client(
    port: int, count: int, latencies: list[float], errors: list[int], start: threading.Barrier
) -> None:
    rng = random.Random(threading.get_ident())
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    start.wait()
    for _ in range(count):
        body = _body(rng)
        began = time.perf_counter()
        conn.request("POST", "/api/v1/reports", body=body, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        latencies.append(time.perf_counter() - began)
        if response.status != 201:
            errors.append(response.status)


def run_one(database_url: str, *, requests: int, clients: int, workers: int) -> dict:
    with tempfile.TemporaryDirectory() as data_dir:
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "KHIDMA_DATA_DIR": data_dir,
            "KHIDMA_ACCESS_LOG": "0",
            "KHIDMA_LOG_LEVEL": "WARNING",
            "KHIDMA_STATIC_MANIFEST": "0",
            "WEB_CONCURRENCY": str(workers),
            # Every request comes from one address here: the anonymous request limits would refuse the
            # load after ten. For benchmarks on one machine only (docs/security-abuse.md).
            "KHIDMA_RATE_LIMITS": "0",
        }
        _khidma(env, "migrate", "--noinput")
        _khidma(env, "seed-demo", "--cases", "0")
        port = _free_port()
        env.update({"HOST": "127.0.0.1", "PORT": str(port)})
        server = subprocess.Popen(
            [sys.executable, "-m", "khidma", "serve"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            _wait_for(port)
            warm: list[float] = []
            _client(port, 50, warm, [], threading.Barrier(1))
            latencies: list[float] = []
            errors: list[int] = []
            barrier = threading.Barrier(clients + 1)
            per_client = requests // clients
            threads = [
                threading.Thread(target=_client, args=(port, per_client, latencies, errors, barrier))
                for _ in range(clients)
            ]
            for thread in threads:
                thread.start()
            barrier.wait()
            began = time.perf_counter()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - began
        finally:
            server.terminate()
            server.wait(timeout=30)
    ordered = sorted(latencies)
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "seconds": elapsed,
        "throughput": len(latencies) / elapsed,
        "median_ms": statistics.median(ordered) * 1000,
        "p95_ms": ordered[int(len(ordered) * 0.95) - 1] * 1000,
        "p99_ms": ordered[int(len(ordered) * 0.99) - 1] * 1000,
    }


def postgres_database(name: str) -> str | None:
    """A fresh, empty database on the throwaway PostgreSQL server of .ci/pg-start, or None without one."""
    try:
        done = subprocess.run([str(ROOT / ".ci" / "pg-start")], capture_output=True, text=True, check=True)  # noqa: S603
    except (OSError, subprocess.CalledProcessError):
        return None
    base = done.stdout.strip().rsplit("/", 1)[0]
    subprocess.run([sys.executable, "-c", _RECREATE, base, name], check=True, capture_output=True)  # noqa: S603
    return f"{base}/{name}"


# Drop and create the benchmark database so every run starts empty.
_RECREATE = """
import sys, psycopg
with psycopg.connect(sys.argv[1] + "/postgres", autocommit=True) as conn:
    conn.execute(f'DROP DATABASE IF EXISTS "{sys.argv[2]}"')
    conn.execute(f'CREATE DATABASE "{sys.argv[2]}"')
"""


def run(*, requests: int = 2000, clients: int = 8, workers: int = 2) -> str:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("SQLite (WAL)", f"sqlite:///{tmp}/bench.sqlite3")]
        postgres = postgres_database("khidma_bench")
        if postgres:
            targets.append(("PostgreSQL", postgres))
        for name, url in targets:
            result = run_one(url, requests=requests, clients=clients, workers=workers)
            rows.append((name, result))
            print(f"intake {name}: {result}", file=sys.stderr)
    lines = [
        "## Intake: `POST /api/v1/reports`",
        "",
        f"{requests} reports from {clients} concurrent keep-alive clients against `khidma serve` "
        f"(gunicorn, {workers} worker processes × 4 threads) on a fresh database, after 50 warm-up requests. "
        "Each report is validated, triaged (language, category, danger words), placed in its area, checked "
        "for duplicates nearby, routed, numbered and written with its events and its SMS to the outbox. "
        "The load generator shares the machine's 2 cores with the server.",
        "",
        "| database | reports/s | median ms | p95 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, r in rows:
        figures = f"{r['throughput']:.0f} | {r['median_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f}"
        lines.append(f"| {name} | {figures} | {r['errors']} |")
    if len(rows) == 1:
        lines += ["", "PostgreSQL was not available on this machine (install Debian's `postgresql`)."]
    return "\n".join(lines)
