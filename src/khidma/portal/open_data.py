"""The public open-data page, the catalogue of files (DCAT, JSON-LD) and the files themselves.

The files are written by the worker (reports/opendata.py); these views only list and serve them. A file
never changes once written, so it may be cached for good.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET

from khidma.organizations import selectors as org_selectors
from khidma.reports import opendata
from khidma.reports.models import OpenDataFile

# The page lists this many recent days; the catalogue lists them all.
RECENT_DAYS = 60


def _organization():
    organization = org_selectors.organization_get_active(slug=settings.KHIDMA_DEFAULT_ORGANIZATION)
    if organization is None or not opendata.publishers().filter(pk=organization.pk).exists():
        raise Http404
    return organization


def _file_url(request: HttpRequest, item: OpenDataFile) -> str:
    return request.build_absolute_uri(
        reverse("portal:open-data-file", kwargs={"day": item.day.isoformat(), "file_format": item.format})
    )


@gzip_page
@require_GET
def open_data(request: HttpRequest) -> HttpResponse:
    organization = _organization()
    days: dict[datetime.date, dict[str, OpenDataFile]] = {}
    for item in opendata.open_data_files(organization=organization)[: RECENT_DAYS * 2]:
        days.setdefault(item.day, {})[item.format] = item
    context = {
        "organization": organization,
        "days": [{"day": day, "files": files} for day, files in days.items()],
        "fields": opendata.FIELDS,
        "license": settings.KHIDMA_OPEN_DATA_LICENSE,
        "license_url": settings.KHIDMA_OPEN_DATA_LICENSE_URL,
        "catalogue_url": reverse("portal:open-data-catalogue"),
    }
    return render(request, "portal/open_data.html", context)


@require_GET
@cache_control(public=True, max_age=600)
def open_data_catalogue(request: HttpRequest) -> JsonResponse:
    organization = _organization()
    body = opendata.catalogue(
        organization=organization,
        url=lambda item: _file_url(request, item),
        page_url=request.build_absolute_uri(reverse("portal:open-data")),
        language=(get_language() or "en").split("-")[0],
    )
    return JsonResponse(body, content_type="application/ld+json", json_dumps_params={"ensure_ascii": False})


@require_GET
def open_data_file(request: HttpRequest, day: str, file_format: str) -> FileResponse:
    organization = _organization()
    try:
        when = datetime.date.fromisoformat(day)
    except ValueError as exc:
        raise Http404 from exc
    item = OpenDataFile.objects.filter(organization=organization, day=when, format=file_format).first()
    if item is None:
        raise Http404
    response = FileResponse(
        item.file.open("rb"),
        content_type=f"{opendata.MEDIA_TYPES[item.format]}; charset=utf-8",
        as_attachment=True,
        filename=f"{organization.slug}-reports-{item.day.isoformat()}.{item.format}",
    )
    # Written once and never again.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["ETag"] = f'"{item.sha256}"'
    return response
