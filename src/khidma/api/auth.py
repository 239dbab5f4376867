"""Bearer-token authentication for the staff API."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from khidma.accounts.models import User
from khidma.accounts.services import api_token_authenticate
from khidma.cases.access import can_view_staff_api


class StaffToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = api_token_authenticate(secret=token)
        if user is None or not can_view_staff_api(user):
            return None
        request.user = user
        return user


def optional_token_user(request: HttpRequest) -> User | None:
    """The token's user when a valid Authorization header is present, for endpoints open to everyone."""
    header = request.headers.get("Authorization", "")
    scheme, _sep, secret = header.partition(" ")
    if scheme.lower() != "bearer" or not secret:
        return None
    return api_token_authenticate(secret=secret.strip())
