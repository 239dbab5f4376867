"""The back office and the admin refuse a session that has not passed two-step sign-in when its account
needs it (turned on, or required for the role): such a session is signed out and sent to sign in again.
Sign-in itself never lets one through (``backoffice.signin``); this catches sessions older than a device or
than ``KHIDMA_STAFF_2FA_REQUIRED``."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from khidma.accounts.twofactor import needs_second_step


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
        if not (path.startswith(reverse("backoffice:home")) or path.startswith(reverse("admin:index"))):
            return False
        open_paths = (
            "backoffice:login",
            "backoffice:sign-in-code",
            "backoffice:two-step",
            "backoffice:logout",
        )
        return path not in {reverse(name) for name in open_paths} and path != reverse("admin:login")

    @staticmethod
    def _unverified(request: HttpRequest) -> bool:
        user = request.user
        if not user.is_authenticated:
            return False
        is_verified = getattr(user, "is_verified", None)
        return needs_second_step(user) and not (is_verified and is_verified())
