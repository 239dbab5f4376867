"""The same submission retried — one after another or at the same moment — makes exactly one case."""

import threading

import httpx
import pytest

from khidma.cases.models import Case

pytestmark = pytest.mark.django_db(transaction=True)

BODY = {"description": "Street light broken near the school", "category": "lighting_signs"}


def test_a_retry_with_the_same_key_returns_the_first_case(api, makkah):
    first = api.post("/reports", json=BODY, headers={"Idempotency-Key": "app-42"})
    again = api.post("/reports", json=BODY, headers={"Idempotency-Key": "app-42"})
    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json()["reference"] == first.json()["reference"]
    assert Case.objects.count() == 1


def test_different_keys_make_different_cases(api, makkah):
    a = api.post("/reports", json=BODY, headers={"Idempotency-Key": "a"}).json()["reference"]
    b = api.post("/reports", json=BODY, headers={"Idempotency-Key": "b"}).json()["reference"]
    assert a != b


def test_reusing_a_key_for_a_different_report_is_a_conflict(api, makkah):
    api.post("/reports", json=BODY, headers={"Idempotency-Key": "k1"})
    other = api.post(
        "/reports",
        json={**BODY, "description": "Something else"},
        headers={"Idempotency-Key": "k1", "Accept-Language": "en"},
    )
    assert other.status_code == 409
    assert other.json()["errors"][0]["code"] == "idempotency_key_reused"
    assert Case.objects.count() == 1


def test_concurrent_retries_with_one_key_create_exactly_one_case(live_server, makkah):
    url = f"{live_server.url}/api/v1/reports"
    barrier = threading.Barrier(8)
    results: list[tuple[int, str]] = []
    lock = threading.Lock()

    def submit() -> None:
        with httpx.Client(timeout=60) as client:
            barrier.wait()
            response = client.post(url, json=BODY, headers={"Idempotency-Key": "burst-1"})
        with lock:
            results.append((response.status_code, response.json().get("reference", response.text)))

    threads = [threading.Thread(target=submit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sorted(status for status, _ in results)
    assert statuses == [200] * 7 + [201], results
    assert len({reference for _, reference in results}) == 1
    assert Case.objects.count() == 1


def test_concurrent_reports_without_keys_get_distinct_consecutive_numbers(live_server, makkah):
    url = f"{live_server.url}/api/v1/reports"
    barrier = threading.Barrier(6)
    references: list[str] = []

    def submit(n: int) -> None:
        with httpx.Client(timeout=60) as client:
            barrier.wait()
            references.append(
                client.post(url, json={**BODY, "description": f"report {n}"}).json()["reference"]
            )

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(references)) == 6
    sequences = sorted(int(r[2:-1]) for r in references)
    assert sequences == list(range(sequences[0], sequences[0] + 6))
