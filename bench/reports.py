"""Benchmark: the dashboard, the season report and a day's open-data files over 1,000,000 cases on PostgreSQL
(targets: dashboard p95 < 500 ms with any filter, season report < 2 s, a day's open-data files < 1 s).

The cases (four years at about 690 a day, spread over channels, languages, categories, areas, statuses and
hours) are inserted with one INSERT … SELECT; their reporting rows are computed from them with another (the
columns the worker's refresh would write; the refresh itself is timed on a sample of 2,000 cases). Pages
are rendered through the real views with Django's test client in the same process: server time, no network.
"""

from __future__ import annotations

import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = int(os.environ.get("KHIDMA_BENCH_REPORTS_CASES", "1000000"))
REQUESTS = 25
WARM_UP = 5
CATEGORIES = (
    "cleanliness", "lighting_signs", "markets_shops", "roads_sidewalks", "visual_distortion",
    "abandoned_vehicles", "buildings_encroachments", "animals_insects", "floods", "parks_facilities",
    "burial", "partner_entities", "other",
)  # fmt: skip
AREAS = (
    ("ajyad", 21.4178, 39.8322), ("al_misfalah", 21.4041, 39.8230), ("al_aziziyah", 21.4152, 39.8558),
    ("al_ghazzah", 21.426, 39.829), ("al_maabdah", 21.4353, 39.8485), ("al_utaybiyah", 21.4525, 39.8185),
    ("al_shawqiyah", 21.3853, 39.7975), ("al_sharaye", 21.5130, 39.9174), ("al_umrah", 21.5615, 39.8128),
    ("bahra", 21.4023, 39.4504),
)  # fmt: skip
CHANNELS = ("phone_940", "phone_940", "whatsapp", "whatsapp", "open311", "web", "counter", "mobile_app")
LANGUAGES = ("ar", "ar", "ar", "ar", "ar", "ur", "en", "id", "bn", "hi", "fa", "tr", "ms", "fr")


def _case_sql(org, categories, areas, departments, policy, points, start: datetime.datetime) -> str:
    """One INSERT … SELECT over generate_series: every column from the series number g."""
    n_cat, n_area = len(categories), len(areas)
    category = f"(ARRAY[{','.join(str(c.pk) for c in categories)}])[1 + (g * 7) % {n_cat}]"
    department = f"(ARRAY[{','.join(str(d) for d in departments)}])[1 + (g * 7) % {n_cat}]"
    area = f"(ARRAY[{','.join(str(a.pk) for a in areas)}])[1 + (g * 3) % {n_area}]"
    lat = f"(ARRAY[{','.join(str(a.centre_lat) for a in areas)}])[1 + (g * 3) % {n_area}]"
    lon = f"(ARRAY[{','.join(str(a.centre_lon) for a in areas)}])[1 + (g * 3) % {n_area}]"
    channel = f"(ARRAY[{','.join(repr(c) for c in CHANNELS)}])[1 + (g * 5) % {len(CHANNELS)}]"
    language = f"(ARRAY[{','.join(repr(c) for c in LANGUAGES)}])[1 + (g * 11) % {len(LANGUAGES)}]"
    point = (
        f"CASE WHEN {channel} = 'counter' THEN {points[0]} WHEN {channel} = 'phone_940' THEN {points[1]} END"
    )
    # 126 s apart: a million cases over four years, ending now; the hour of the day varies with g.
    received = f"(TIMESTAMPTZ '{start.isoformat()}' + g * interval '126 seconds')"
    outcome = "(g * 37) % 100"  # 0–79 closed, 80–85 open, 86–90 duplicate, 91–95 rejected, 96–99 referred
    status = (
        f"CASE WHEN {outcome} < 80 THEN 'closed' WHEN {outcome} < 86 THEN 'in_progress' "
        f"WHEN {outcome} < 91 THEN 'duplicate' WHEN {outcome} < 96 THEN 'rejected' ELSE 'referred' END"
    )
    closure = (
        f"CASE WHEN {outcome} < 44 THEN 'confirmed' WHEN {outcome} < 68 THEN 'unconfirmed' "
        f"WHEN {outcome} < 80 THEN 'staff' ELSE '' END"
    )
    responded = f"{received} + ((g % 17) * interval '20 minutes')"
    resolved = f"CASE WHEN {outcome} < 80 THEN {received} + ((g % 53) * interval '1 hour') END"
    closed = (
        f"CASE WHEN {outcome} < 80 OR {outcome} BETWEEN 86 AND 95 "
        f"THEN {received} + ((g % 53 + 3) * interval '1 hour') END"
    )
    columns = {
        "organization_id": str(org.pk),
        "reference": "lpad(g::text, 10, '0')",
        "kind": "'report'",
        "category_id": category,
        "description": "'Garbage has not been collected'",
        "language": language,
        "channel": channel,
        "service_point_id": point,
        "lat": f"{lat} + ((g::bigint * 7919) % 1000 - 500) / 40000.0",
        "lon": f"{lon} + ((g::bigint * 104729) % 1000 - 500) / 40000.0",
        "address": "''",
        "area_id": area,
        "reporter_name": "''",
        "reporter_phone": "''",
        "reporter_email": "''",
        "reporter_phone_verified": "false",
        "status": status,
        "status_before_hold": "''",
        "priority": "'normal'",
        "department_id": department,
        "referred_to": "''",
        "womens_section": "(g % 50 = 0)",
        "is_proxy": "false",
        "principal_name": "''",
        "principal_relationship": "''",
        "authorization_document": "''",
        "received_at": received,
        "created_at": received,
        "updated_at": received,
        "resolved_at": resolved,
        "closed_at": closed,
        "sla_policy_id": str(policy.pk),
        "sla_clock_start": received,
        "sla_paused_seconds": "0",
        "first_response_due_at": f"{received} + interval '4 hours'",
        "first_responded_at": responded,
        "resolution_due_at": f"{received} + interval '48 hours'",
        "resolution_at_risk_at": f"{received} + interval '38 hours'",
        "search_text": "lpad(g::text, 10, '0') || ' garbage has not been collected'",
        "closure_code_hash": "''",
        "closure_outcome": closure,
        "needs_followup": "false",
        "request_fingerprint": "''",
    }
    names = ", ".join(columns)
    values = ", ".join(columns.values()).replace("%", "%%")
    return f"INSERT INTO cases_case ({names}) SELECT {values} FROM generate_series(1, %s) AS g"  # noqa: S608


FACTS_SQL = """
INSERT INTO reports_casefact (case_id, organization_id, received_at, received_on, hour, kind, channel,
  language, status, category_id, department_id, area_id, service_point_id, assignee_id, womens_section,
  is_open, is_closed, confirmed, unconfirmed, closed_by_staff, reopened, first_response_met,
  first_response_missed, first_response_overdue, resolution_met, resolution_missed, resolution_breached,
  rating, first_response_seconds, first_response_work_seconds, close_seconds, close_work_seconds,
  cell_y, cell_x, last_event_id, refreshed_at)
SELECT c.id, c.organization_id, c.received_at, (c.received_at AT TIME ZONE 'Asia/Riyadh')::date,
  extract(hour FROM c.received_at AT TIME ZONE 'Asia/Riyadh'), c.kind, c.channel, c.language, c.status,
  c.category_id, c.department_id, c.area_id, c.service_point_id, c.assignee_id, c.womens_section,
  c.status IN ('new','triaged','assigned','in_progress','on_hold','reopened'), c.status = 'closed',
  c.status = 'closed' AND c.closure_outcome = 'confirmed',
  c.status = 'closed' AND c.closure_outcome = 'unconfirmed',
  c.status = 'closed' AND c.closure_outcome = 'staff', c.id %% 97 = 0,
  c.first_responded_at <= c.first_response_due_at, c.first_responded_at > c.first_response_due_at, false,
  coalesce(c.resolved_at <= c.resolution_due_at, false), coalesce(c.resolved_at > c.resolution_due_at, false),
  c.status IN ('in_progress') AND c.resolution_due_at < now(),
  CASE WHEN c.id %% 3 = 0 AND c.status = 'closed' THEN 1 + c.id %% 5 END,
  extract(epoch FROM c.first_responded_at - c.received_at)::int,
  extract(epoch FROM c.first_responded_at - c.received_at)::int / 3,
  CASE WHEN c.status = 'closed' THEN extract(epoch FROM c.closed_at - c.received_at)::int END,
  CASE WHEN c.status = 'closed' THEN extract(epoch FROM c.closed_at - c.received_at)::int / 3 END,
  floor(c.lat / 0.003)::int, floor(c.lon / 0.003)::int, 0, now()
FROM cases_case c
"""


def _timed(client, url: str, params: dict) -> dict:
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get(url, params)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, params, response.status_code)
    measured = sorted(timings[WARM_UP:])
    return {"median": statistics.median(measured), "p95": measured[int(len(measured) * 0.95) - 1]}


def _inner(database_url: str) -> dict:
    os.environ.update(
        {
            "DATABASE_URL": database_url,
            "KHIDMA_DATA_DIR": tempfile.mkdtemp(),
            "DJANGO_SETTINGS_MODULE": "khidma.settings",
            "KHIDMA_LOG_LEVEL": "WARNING",
            "KHIDMA_STATIC_MANIFEST": "0",
        }
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from khidma.accounts.services import user_create
    from khidma.cases.models import Case
    from khidma.core import clock
    from khidma.organizations.models import Area, Category, Department, Organization, ServicePoint
    from khidma.reports.facts import facts_refresh_cases
    from khidma.reports.opendata import open_data_publish
    from khidma.reports.seasons import seasons_standard
    from khidma.reports.summary import summary_rebuild
    from khidma.sla.models import Calendar, SlaPolicy

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    org = Organization.objects.create(slug="bench", names={"en": "Bench"}, time_zone="Asia/Riyadh")
    calendar = Calendar.objects.create(
        organization=org,
        code="business",
        windows={d: [["07:30", "14:30"]] for d in ("sun", "mon", "tue", "wed", "thu")},
    )
    policy = SlaPolicy.objects.create(
        organization=org,
        code="report",
        calendar=calendar,
        resolution_minutes=1260,
        first_response_minutes=240,
    )
    departments = [
        Department.objects.create(organization=org, code=f"dept_{code}", names={"en": code})
        for code in CATEGORIES
    ]
    categories = [
        Category.objects.create(organization=org, code=code, names={"en": code}, default_department=dept)
        for code, dept in zip(CATEGORIES, departments, strict=True)
    ]
    areas = []
    for code, lat, lon in AREAS:
        box = {"type": "Polygon", "coordinates": [[[lon - 0.05, lat - 0.05], [lon + 0.05, lat - 0.05],
               [lon + 0.05, lat + 0.05], [lon - 0.05, lat + 0.05], [lon - 0.05, lat - 0.05]]]}  # fmt: skip
        areas.append(
            Area.objects.create(organization=org, code=code, names={"en": code}, boundary=box, centre_lat=lat,
                                centre_lon=lon, min_lat=lat - 0.05, max_lat=lat + 0.05, min_lon=lon - 0.05,
                                max_lon=lon + 0.05)
        )  # fmt: skip
    points = [
        ServicePoint.objects.create(organization=org, code="hq", kind="headquarters", names={"en": "HQ"}).pk,
        ServicePoint.objects.create(
            organization=org, code="c940", kind="call_centre", names={"en": "940"}
        ).pk,
    ]
    seasons_standard(organization=org, year=1446)
    seasons_standard(organization=org, year=1447)
    now = clock.now()
    start = now - datetime.timedelta(seconds=126 * CASES)
    began = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            _case_sql(org, categories, areas, [d.pk for d in departments], policy, points, start), [CASES]
        )
        cursor.execute("ANALYZE cases_case")
    insert_s = time.perf_counter() - began
    began = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(FACTS_SQL.replace("%%", "%"))
        cursor.execute("ANALYZE reports_casefact")
    facts_s = time.perf_counter() - began
    # The per-day sums of those rows, as `khidma reports-rebuild` writes them.
    began = time.perf_counter()
    sums = summary_rebuild()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE reports_factday")
    sums_s = time.perf_counter() - began
    # The worker's refresh, timed on a sample (the production code: flags by the queue's own conditions,
    # working time on the case's calendar).
    sample = list(Case.objects.order_by("-id").values_list("pk", flat=True)[:2000])
    began = time.perf_counter()
    facts_refresh_cases(case_ids=sample)
    refresh_ms_per_1000 = (time.perf_counter() - began) * 1000 / len(sample) * 1000

    supervisor = user_create(
        organization=org,
        role="supervisor",
        username="boss",
        password="bench-pass-2026",  # noqa: S106
    )
    head = user_create(
        organization=org, role="department_head", username="head", password="bench-pass-2026",  # noqa: S106
        department=departments[0],
    )  # fmt: skip
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(supervisor)
    pages: dict[str, dict] = {}
    dashboard = "/staff/dashboard/"
    pages["dashboard: this Hijri month (default)"] = _timed(client, dashboard, {})
    for preset in ("today", "week", "month"):
        pages[f"dashboard: {preset}"] = _timed(client, dashboard, {"preset": preset})
    for name, value in (
        ("department", "dept_cleanliness"),
        ("area", "ajyad"),
        ("channel", "whatsapp"),
        ("category", "lighting_signs"),
        ("language", "ur"),
        ("kind", "report"),
        ("assignee", str(supervisor.pk)),
    ):
        pages[f"dashboard: this Hijri month, {name}"] = _timed(client, dashboard, {name: value})
    season = {"preset": "season", "season": "hajj-1447"}
    pages["dashboard: Hajj 1447"] = _timed(client, dashboard, season)
    year = {
        "preset": "custom",
        "start": str((now - datetime.timedelta(days=364)).date()),
        "end": str(now.date()),
    }
    pages["dashboard: custom, one year"] = _timed(client, dashboard, year)
    # A filter is counted on the reporting rows (the per-day sums are not kept per pair of dimensions): one
    # that keeps a thirteenth of the year, and one that keeps all of it (every benchmark case is a report).
    pages["dashboard: custom, one year, category"] = _timed(
        client, dashboard, {**year, "category": "lighting_signs"}
    )
    pages["dashboard: custom, one year, kind (every case)"] = _timed(
        client, dashboard, {**year, "kind": "report"}
    )
    pages["season report: Hajj 1447 (page)"] = _timed(client, "/staff/reports/seasons/hajj-1447/", {})
    for file_format in ("pdf", "xlsx", "csv"):
        pages[f"season report: Hajj 1447 ({file_format.upper()})"] = _timed(
            client, f"/staff/reports/export.{file_format}", season
        )
    # For scale: a back-office page measured in the same run (docs/benchmarks.md, "Back office").
    pages["for scale: the queue of all cases"] = _timed(client, "/staff/queue/all/", {})
    head_client = Client(HTTP_ACCEPT_LANGUAGE="en")
    head_client.force_login(head)
    pages["dashboard: department head (subtree)"] = _timed(head_client, dashboard, {})
    # A day's open-data files (CSV and GeoJSON), written through the storage API; each run a new day.
    timings = []
    day = (now - datetime.timedelta(days=40)).date()
    rows = 0
    for n in range(10):
        began = time.perf_counter()
        files = open_data_publish(organization=org, day=day - datetime.timedelta(days=n))
        timings.append((time.perf_counter() - began) * 1000)
        rows = files[0].rows
    return {
        "cases": CASES,
        "insert_s": insert_s,
        "facts_s": facts_s,
        "sums_s": sums_s,
        "sums": sums,
        "refresh_ms_per_1000": refresh_ms_per_1000,
        "pages": pages,
        "open_data": {"median": statistics.median(timings), "max": max(timings), "rows": rows},
    }


def _target(page: str) -> int | None:
    """Issue #18's target for a page's p95 in ms: the dashboard 500, the season report and its files 2,000."""
    if page.startswith("dashboard"):
        return 500
    if page.startswith("season report"):
        return 2000
    return None


def run() -> str:
    from bench.intake import postgres_database

    url = postgres_database("khidma_bench_reports")
    lines = ["## Reports", ""]
    if url is None:
        return "\n".join([*lines, "PostgreSQL was not available on this machine."])
    done = subprocess.run(  # noqa: S603
        [sys.executable, str(Path(__file__)), "--inner", url],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if done.returncode != 0:
        raise RuntimeError(f"reports benchmark failed:\n{done.stderr[-3000:]}")
    f = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"reports: {f}", file=sys.stderr)
    lines += [
        f"The dashboard, the season report and its exports, rendered by the real views (Django's test "
        f"client, no network) for a supervisor over {f['cases']:,} cases on PostgreSQL — four years at "
        f"about 690 a day, the last Hajj season among them (inserted in {f['insert_s']:.0f} s, their "
        f"reporting rows in {f['facts_s']:.0f} s, their {f['sums']:,} per-day sums in {f['sums_s']:.0f} s). "
        f"{REQUESTS} requests each, the first {WARM_UP} as "
        "warm-up. Targets: the dashboard with any filter p95 under 500 ms, a season report under 2 s, a "
        "day's open-data files under 1 s.",
        "",
        "| page | median ms | p95 ms | target (p95) |",
        "|---|---:|---:|---|",
    ]
    missed = []
    for name, r in f["pages"].items():
        target = _target(name)
        verdict = "—"
        if target is not None:
            verdict = f"< {target:,} ms: {'met' if r['p95'] < target else '**missed**'}"
            if r["p95"] >= target:
                missed.append(name)
        lines.append(f"| {name} | {r['median']:.0f} | {r['p95']:.0f} | {verdict} |")
    od = f["open_data"]
    lines += [
        "",
        f"A day's open-data files (CSV and GeoJSON of its {od['rows']:,} public reports, written through the "
        f"storage API): median **{od['median']:.0f} ms**, slowest {od['max']:.0f} ms of 10 days "
        f"(target 1,000 ms: {'met' if od['max'] < 1000 else '**missed**'}).",
        "",
        "Targets missed in this run: " + (", ".join(missed) if missed else "none") + ".",
        "",
        f"The worker's refresh of reporting rows and of their days' sums (the queue's conditions per row, "
        f"working time on each case's calendar): {f['refresh_ms_per_1000']:.0f} ms per 1,000 changed cases.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--inner":
        sys.path.insert(0, str(ROOT / "src"))
        sys.path.insert(0, str(ROOT))
        print(json.dumps(_inner(sys.argv[2]), default=str))
    else:
        sys.path.insert(0, str(ROOT))
        print(run())
