"""Pages show dates and times in the organization's time zone: the signed-in staff member's organization,
else the organization the public portal serves (``KHIDMA_DEFAULT_ORGANIZATION``)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from khidma.core import clock
from khidma.organizations.models import Organization

# Machine interfaces write ISO 8601 with offsets: they need no zone, and no query to find one.
_WITHOUT_PAGES = ("/api/", "/open311/", "/channels/", "/static/")


class OrganizationTimeZoneMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(_WITHOUT_PAGES):
            return self.get_response(request)
        timezone.activate(self._zone(request))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()

    @staticmethod
    def _zone(request: HttpRequest):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and getattr(user, "organization_id", None):
            return user.organization.tz
        name = (
            Organization.objects.filter(slug=settings.KHIDMA_DEFAULT_ORGANIZATION)
            .values_list("time_zone", flat=True)
            .first()
        )
        return clock.zone(name)
