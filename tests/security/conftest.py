"""Helpers of the security suite: the Django test client with a persona's API token (no live server, so the
suite stays quick), and a public report made through the API."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from khidma.accounts.services import api_token_create


class ApiClient:
    """JSON calls to API v1 through Django's test client, as one persona (or anonymously)."""

    def __init__(self, client: Client, token: str | None = None, language: str = "en") -> None:
        self.client = client
        self.headers = {"Accept-Language": language}
        if token:
            self.headers["Authorization"] = f"Bearer {token}"

    def get(self, path: str, params: dict | None = None, **extra):
        return self.client.get(f"/api/v1{path}", params or {}, headers=self.headers, **extra)

    def post(self, path: str, body=None, **extra):
        return self.client.post(
            f"/api/v1{path}",
            body if body is not None else {},
            content_type="application/json",
            headers=self.headers,
            **extra,
        )

    def raw(self, method: str, path: str, data: bytes | str = b"", content_type: str = "application/json"):
        return self.client.generic(
            method, f"/api/v1{path}", data, content_type=content_type, headers=self.headers
        )


@pytest.fixture
def public_api(client) -> ApiClient:
    return ApiClient(client)


@pytest.fixture
def staff_api(staff) -> Callable[[str], ApiClient]:
    def make(persona: str) -> ApiClient:
        _token, secret = api_token_create(user=staff[persona], name="security tests")
        return ApiClient(Client(), secret)

    return make


@pytest.fixture(autouse=True)
def _quick_triage(_triage_models) -> None:
    """The triage models are trained once per session, before the first report."""
