"""API v1 fuzzed against its own OpenAPI description (schemathesis): no input may make the server answer
5xx, and every answer must match the description (status codes, content type, JSON shapes). Each operation
gets valid inputs (positive) and inputs that break the description (negative), anonymously and with a
supervisor's token. Budget and seed: tests/fuzz/budget.toml."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, seed, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from khidma.accounts.services import api_token_create

pytestmark = pytest.mark.django_db
BUDGET = tomllib.loads((Path(__file__).parent / "budget.toml").read_text(encoding="utf-8"))
EXAMPLES = int(os.environ.get("KHIDMA_FUZZ_EXAMPLES", BUDGET["max_examples"]))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def api_schema(makkah, staff, _triage_models):
    # The application itself, called through WSGI inside the test's database transaction: the code a
    # gunicorn worker runs, without a socket, so two callers × 51 operations fit the budget. As Django's
    # test client does, the start and end of a request must not close the test's connection.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


def fuzz(schema, headers: dict[str, str]) -> list[str]:
    """Every operation in both generation modes; returns the failures, each named by its operation."""
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @seed(BUDGET["seed"])
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,  # no example database on disk: the seed alone decides what runs
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
                report_multiple_bugs=False,
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def run(case) -> None:
                case.call_and_validate(headers=headers, checks=CHECKS)

            try:
                run()
            except Exception as exc:  # a check failed: keep going, report every operation at once
                failures.append(f"{operation.label} ({mode.value}): {exc}"[:3000])
    return failures


def test_anonymous_callers_never_get_a_server_error_or_an_undescribed_answer(api_schema):
    failures = fuzz(api_schema, {})
    assert not failures, "\n\n".join(failures)


def test_staff_callers_never_get_a_server_error_or_an_undescribed_answer(api_schema, staff):
    token = api_token_create(user=staff["supervisor"], name="fuzz")[1]
    failures = fuzz(api_schema, {"Authorization": f"Bearer {token}"})
    assert not failures, "\n\n".join(failures)
