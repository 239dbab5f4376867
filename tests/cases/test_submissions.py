"""The public API in a peak: a report is accepted at once with its number, and the worker makes it a case
(triaged, routed, the first SMS sent) moments later — never twice, never lost."""

from __future__ import annotations

import datetime
import json
import re
import time
from io import StringIO

import httpx
import pytest
from django.core.management import call_command

from khidma.cases import submissions
from khidma.cases.models import Case, IntakeSubmission
from khidma.core import clock
from khidma.organizations.models import Category
from khidma.outbox.models import OutboundMessage
from tests.conftest import HARAM

pytestmark = pytest.mark.django_db(transaction=True)

REPORT = {
    "description": "Garbage has not been collected for three days near the hotel",
    "category": "cleanliness",
    "lat": HARAM[0],
    "lon": HARAM[1],
    "reporter": {"phone": "0551234567"},
}


@pytest.fixture
def deferred(settings):
    settings.KHIDMA_INTAKE_DEFERRED = True


def test_a_report_is_accepted_at_once_and_becomes_a_case_in_the_worker(api, makkah, deferred, live_server):
    response = api.post("/reports", json=REPORT, headers={"Idempotency-Key": "k-1"})
    assert response.status_code == 202, response.text
    accepted = response.json()
    reference = accepted["reference"]
    assert accepted["status"] == "received" and accepted["category"] is None
    assert f"/track/{reference}?k=" in accepted["tracking_url"]
    assert not Case.objects.exists() and not OutboundMessage.objects.exists()

    # Meanwhile the number already answers, on the API and on the tracking page.
    followed = api.get(f"/reports/{reference}")
    assert followed.status_code == 200 and followed.json()["status"] == "received"
    page = httpx.get(f"{live_server.url}/track/{reference}")
    assert page.status_code == 200 and reference in page.text

    assert submissions.submissions_process_due() == 1
    case = Case.objects.get()
    assert case.reference == reference
    assert (case.category.code, case.department.code, case.status) == (
        "cleanliness",
        "cleanliness",
        "triaged",
    )
    assert OutboundMessage.objects.filter(case=case, template="received").count() == 1
    assert api.get(f"/reports/{reference}").json()["status"] == "triaged"
    assert submissions.submissions_process_due() == 0  # made once


def test_a_retry_gets_the_same_number_before_and_after_the_case_is_made(api, makkah, deferred):
    first = api.post("/reports", json=REPORT, headers={"Idempotency-Key": "k-2"})
    retry = api.post("/reports", json=REPORT, headers={"Idempotency-Key": "k-2"})
    assert (first.status_code, retry.status_code) == (202, 200)
    assert retry.json()["reference"] == first.json()["reference"]
    submissions.submissions_process_due()
    again = api.post("/reports", json=REPORT, headers={"Idempotency-Key": "k-2"})
    assert again.status_code == 200 and again.json()["reference"] == first.json()["reference"]
    assert again.json()["status"] == "triaged"
    other = api.post(
        "/reports", json={**REPORT, "description": "Another thing"}, headers={"Idempotency-Key": "k-2"}
    )
    assert other.status_code == 409
    assert other.json()["errors"][0]["code"] == "idempotency_key_reused"
    assert Case.objects.count() == 1 and IntakeSubmission.objects.count() == 1


def test_every_problem_is_reported_at_once_and_nothing_is_stored(api, makkah, deferred):
    response = api.post(
        "/reports", json={"description": " ", "category": "nope", "reporter": {"phone": "12"}, "lat": 21.0}
    )
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {
        "description",
        "category",
        "reporter.phone",
        "lon",
    }
    assert not IntakeSubmission.objects.exists()


def test_a_worker_that_died_lets_another_take_its_reports(api, makkah, deferred):
    reference = api.post("/reports", json=REPORT).json()["reference"]
    # A worker claimed it and died before making the case.
    IntakeSubmission.objects.update(claim="dead", claimed_until=clock.now() + submissions.LEASE)
    assert submissions.submissions_process_due() == 0  # still held
    with clock.at(clock.now() + submissions.LEASE + datetime.timedelta(seconds=1)):
        assert submissions.submissions_process_due() == 1
    assert Case.objects.get().reference == reference
    submission = IntakeSubmission.objects.get()
    assert submission.attempts == 1 and submission.processed_at is not None


def test_processing_twice_makes_one_case(api, makkah, deferred):
    api.post("/reports", json=REPORT)
    submission = IntakeSubmission.objects.get()
    first = submissions.submission_process(submission)
    again = submissions.submission_process(IntakeSubmission.objects.get())
    stale = submissions.submission_process(submission.__class__.objects.get(pk=submission.pk))
    assert first.pk == again.pk == stale.pk and Case.objects.count() == 1


def test_a_category_retired_in_between_does_not_lose_the_report(api, makkah, deferred):
    api.post("/reports", json={**REPORT, "description": "Something is wrong here"})
    # Retired as an administrator does (a saved row; other processes see it within their 30 s memory).
    category = Category.objects.get(organization=makkah, code="cleanliness")
    category.is_active = False
    category.save()
    assert submissions.submissions_process_due() == 1
    case = Case.objects.get()
    assert case.description == "Something is wrong here"
    assert case.category is None or case.category.code != "cleanliness"


def test_the_case_keeps_the_time_the_person_reported(api, makkah, deferred):
    api.post("/reports", json=REPORT)
    accepted_at = IntakeSubmission.objects.get().accepted_at
    with clock.at(clock.now() + datetime.timedelta(minutes=3)):
        submissions.submissions_process_due()
    assert Case.objects.get().received_at == accepted_at


def _database_url() -> str:
    from django.db import connection

    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    port = f":{db['PORT']}" if db["PORT"] else ""
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}{port}/{db['NAME']}"


def test_the_worker_makes_the_accepted_reports(api, makkah, deferred, tmp_path):
    """The real `khidma worker --batch`, in its own process, against this test's database."""
    import os
    import subprocess
    import sys

    reference = api.post("/reports", json=REPORT).json()["reference"]
    env = {**os.environ, "DATABASE_URL": _database_url(), "KHIDMA_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "khidma", "worker", "--batch"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert re.search(r"^accepted reports( and messages)?: 1$", done.stdout, re.M), done.stdout
    assert Case.objects.get().reference == reference


def test_intake_status_tells_how_many_accepted_reports_still_wait(api, makkah, deferred):
    """What an operator watches in a peak (and the intake benchmark waits on)."""

    def status() -> dict:
        out = StringIO()
        call_command("intake_status", stdout=out)
        return json.loads(out.getvalue())

    for n in range(3):
        assert api.post("/reports", json=REPORT, headers={"Idempotency-Key": f"s-{n}"}).status_code == 202
    assert status() == {
        "accepted": 3,
        "waiting": 3,
        "failing": 0,
        "cases": 0,
        "first_messages_written": 0,
        "first_messages_sent": 0,
    }
    assert submissions.submissions_process_due() == 3
    after = status()
    assert (after["waiting"], after["cases"], after["first_messages_written"]) == (0, 3, 3)


def test_the_worker_makes_a_case_in_a_fixed_number_of_queries(api, makkah, deferred):
    """What the worker reads for every report (categories, service-level policies, routing rules, triage
    settings, areas) comes from the process's memory after the first: a case costs its own reads and writes
    only. Pinned so that a new per-report look-up is a decision, not an accident."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # As most public reports come: no category, triage chooses and routes (an automatic event).
    untold = {key: value for key, value in REPORT.items() if key != "category"}
    words = "لم يتم جمع النفايات منذ عدة أيام والروائح أصبحت مزعجة للسكان"
    api.post("/reports", json={**untold, "description": f"{words} عند الفندق الأول"})
    assert submissions.submissions_process_due() == 1  # fills the memories
    api.post("/reports", json={**untold, "description": f"{words} عند الفندق الثاني", "lat": HARAM[0] + 0.05})
    with CaptureQueriesContext(connection) as queries:
        assert submissions.submissions_process_due() == 1
    case = Case.objects.get(description__contains="الثاني")
    assert case.category.code == "cleanliness" and case.events.filter(data__auto=True).exists()
    statements = [q["sql"].split()[0].upper() for q in queries.captured_queries]
    reads = statements.count("SELECT")
    writes = sum(statements.count(verb) for verb in ("INSERT", "UPDATE"))
    # The claim and the claimed rows, the nearby open cases (duplicates).
    assert reads <= 3, [q["sql"][:120] for q in queries.captured_queries]
    # The claim; the case, its timer, two events, the triage result, the rate counter of "received" SMS,
    # the message; the submission marked done.
    assert writes <= 9, [q["sql"][:120] for q in queries.captured_queries]


def test_when_too_many_reports_wait_the_request_makes_its_case_itself(api, makkah, deferred, settings):
    """A bounded queue: past the limit the request does the worker's part, so a peak can never leave more
    accepted reports waiting than the worker finishes in seconds."""
    from khidma.core.memo import forget_all

    settings.KHIDMA_INTAKE_BACKLOG_LIMIT = 2
    for n in range(2):
        response = api.post("/reports", json={**REPORT, "description": f"Garbage near hotel {n}"})
        assert response.status_code == 202, response.text
        forget_all()  # the waiting count is looked at once a second: a second later
    assert IntakeSubmission.objects.filter(case__isnull=True).count() == 2
    response = api.post("/reports", json={**REPORT, "description": "Garbage near the third hotel"})
    assert response.status_code == 201, response.text
    made = response.json()
    assert made["category"]["code"] == "cleanliness" and made["status"] == "triaged"
    case = Case.objects.get(reference=made["reference"])
    assert IntakeSubmission.objects.get(reference=made["reference"]).case == case
    assert OutboundMessage.objects.filter(case=case, template="received").exists()
    # The worker takes the two still waiting, and nothing twice.
    assert submissions.submissions_process_due() == 2
    assert Case.objects.count() == 3


def test_no_backlog_limit_leaves_every_report_to_the_worker(api, makkah, deferred, settings):
    settings.KHIDMA_INTAKE_BACKLOG_LIMIT = 0
    for n in range(3):
        assert api.post("/reports", json={**REPORT, "description": f"Garbage {n}"}).status_code == 202
    assert Case.objects.count() == 0


def test_housekeeping_waits_while_accepted_reports_wait(api, makkah, deferred, monkeypatch):
    """In a peak the worker makes reporters' cases first: the dashboard's refresh, the open-data files, the
    retention sweep and the rate counters' purge wait for a later round; the rest (service levels, staff
    alerts, incoming messages, translations) go on."""
    from khidma.reports.models import CaseFact
    from khidma.runtime.management.commands import worker

    monkeypatch.setattr(worker, "_HOUSEKEEPING_WAITS_FOR", 1)
    jobs = {name: job for name, _every, job in worker._jobs()}
    housekeeping = {"report figures", "open data", "personal data retention", "expired rate counters"}
    assert api.post("/reports", json=REPORT).status_code == 202
    for name, job in jobs.items():
        assert (job() == worker.POSTPONED) == (name in housekeeping), name
    assert not CaseFact.objects.exists()
    assert submissions.submissions_process_due() == 1
    for name in housekeeping:
        assert jobs[name]() != worker.POSTPONED
    assert CaseFact.objects.count() == 1


def test_on_sqlite_the_worker_makes_cases_and_sends_their_messages_in_one_loop(api, makkah, deferred):
    """SQLite has one writer at a time: the two loops run one after the other in one thread (on PostgreSQL
    each has its own, so one's waits for the server overlap the other's work)."""
    from django.db import connection

    from khidma.runtime.management.commands import worker

    loops = worker._loops()
    if connection.vendor != "sqlite":
        assert [name for name, *_ in loops] == ["accepted reports", "deliver messages"]
        return
    assert [name for name, *_ in loops] == ["accepted reports and messages"]
    _name, _full, _rest, work = loops[0]
    assert api.post("/reports", json=REPORT).status_code == 202
    assert work() == 1
    case = Case.objects.get()
    assert case.messages.get().status == "sent"


def test_the_worker_makes_cases_in_one_process_per_core_unless_told(monkeypatch):
    from khidma.runtime.management.commands import worker

    monkeypatch.delenv("KHIDMA_WORKER_INTAKE_PROCESSES", raising=False)
    monkeypatch.setattr(worker.os, "cpu_count", lambda: 4)
    assert worker._intake_processes() == 4
    monkeypatch.setattr(worker.os, "cpu_count", lambda: None)
    assert worker._intake_processes() == 1
    monkeypatch.setenv("KHIDMA_WORKER_INTAKE_PROCESSES", "3")
    assert worker._intake_processes() == 3


def test_a_further_intake_process_makes_the_cases_once_and_stops_with_the_worker(makkah, _triage_models):
    """The worker forks its further intake processes (PostgreSQL's answers and SQLite's write lock left one
    process waiting half the time): here one, forked from this process, makes every accepted report a case
    — no report twice — while this process makes none, and ends when the worker stops it."""
    from khidma.cases.intake import IntakeRequest, Reporter
    from khidma.runtime.management.commands import worker

    references = {
        submissions.case_accept(
            request=IntakeRequest(
                organization=makkah,
                channel="web",
                description=f"Street light {n} has been off for a week",
                lat=HARAM[0] + n / 10_000,
                lon=HARAM[1],
                reporter=Reporter(phone=f"05512300{n:02d}"),
            )
        ).submission.reference
        for n in range(40)
    }
    processes = worker._IntakeProcesses(1)
    try:
        deadline = time.monotonic() + 60
        while submissions.submissions_waiting(at_least=1) and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        processes.stop_all()
    (child,) = processes.children
    assert child.exitcode == 0  # stopped between two batches, not killed
    assert sorted(Case.objects.values_list("reference", flat=True)) == sorted(references)
    assert not IntakeSubmission.objects.filter(case__isnull=True).exists()


def test_a_further_intake_process_stops_when_told_or_when_its_worker_is_gone():
    import multiprocessing
    import os
    import signal

    from khidma.runtime.management.commands import worker

    previous = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
    try:
        worker_stop = multiprocessing.get_context("fork").Event()
        for number in previous:  # a flag, not an exit nor a KeyboardInterrupt in the middle of a case
            running = worker._IntakeProcessStop(worker_stop, os.getppid())
            assert not running.is_set()
            os.kill(os.getpid(), number)
            assert running.is_set()

        running = worker._IntakeProcessStop(worker_stop, os.getppid())
        worker_stop.set()
        assert running.is_set()

        orphan = worker._IntakeProcessStop(multiprocessing.get_context("fork").Event(), os.getppid() + 1)
        assert orphan.is_set()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def test_on_postgresql_a_worker_claims_the_next_reports_while_another_holds_the_first(makkah):
    """Two intake processes claiming at the same moment: the second takes the next rows (SKIP LOCKED)
    instead of waiting for the first's, or finding nothing left and resting."""
    import threading

    from django.db import connection, transaction

    if not connection.features.has_select_for_update_skip_locked:
        pytest.skip("PostgreSQL's SKIP LOCKED: runs in the suite's PostgreSQL pass (CI runs both)")
    from khidma.cases.intake import IntakeRequest

    references = [
        submissions.case_accept(
            request=IntakeRequest(organization=makkah, channel="web", description=f"Pothole {n} on the road")
        ).submission.reference
        for n in range(4)
    ]
    holding, release = threading.Event(), threading.Event()

    def other_worker() -> None:
        with transaction.atomic():
            first = IntakeSubmission.objects.order_by("accepted_at", "id").select_for_update()[:2]
            assert len(list(first)) == 2
            holding.set()
            release.wait(30)
        connection.close()

    made: list[int] = []

    def this_worker() -> None:
        made.append(submissions.submissions_process_due(limit=2))
        connection.close()

    other = threading.Thread(target=other_worker)
    other.start()
    assert holding.wait(10)
    claiming = threading.Thread(target=this_worker)
    claiming.start()
    claiming.join(timeout=15)
    finished = not claiming.is_alive()
    release.set()
    other.join()
    claiming.join()
    assert finished, "the claim waited for the other worker's rows"
    assert made == [2]
    assert sorted(Case.objects.values_list("reference", flat=True)) == sorted(references[2:])
