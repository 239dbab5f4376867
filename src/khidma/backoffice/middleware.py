"""The back office and the admin refuse a session that has not passed two-step sign-in when its account
needs it (turned on, or required for the role): such a session is signed out and sent to sign in again.
Sign-in itself never lets one through (``backoffice.signin``); this catches sessions older than a device or
than ``KHIDMA_STAFF_2FA_REQUIRED``."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from urllib.parse import quote

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from khidma.accounts.twofactor import needs_second_step


@cache
def _paths() -> tuple[tuple[str, ...], frozenset[str]]:
    """The back office's and the admin's prefixes, and the pages of signing in and out that stay open (the
    page that sets two-step sign-in up is guarded: a session that skipped the code step may not add a
    device of its own)."""
    prefixes = (reverse("backoffice:home"), reverse("admin:index"))
    names = (
        "backoffice:login",
        "backoffice:sign-in-code",
        "backoffice:logout",
        "admin:login",
        "admin:logout",
    )
    return prefixes, frozenset(reverse(name) for name in names)


class StaffTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._guarded(request.path) and self._unverified(request):
            logout(request)
            return redirect(f"{reverse('backoffice:login')}?next={quote(request.get_full_path())}")
        return self.get_response(request)

    @staticmethod
    def _guarded(path: str) -> bool:
        prefixes, open_paths = _paths()
        return path.startswith(prefixes) and path not in open_paths

    @staticmethod
    def _unverified(request: HttpRequest) -> bool:
        user = request.user
        if not user.is_authenticated:
            return False
        is_verified = getattr(user, "is_verified", None)
        return needs_second_step(user) and not (is_verified and is_verified())
