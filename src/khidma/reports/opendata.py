"""Open data: each day's reports as CSV and GeoJSON files, published once the day is over.

What a file holds is chosen here and nowhere else. Only public problems are published (cases/privacy.py:
never a women's-section case, a proxy's, a complaint, an inquiry, a suggestion or praise), and of them only
what says nothing about the person who reported: the reference, the category, the area, the status and
closure outcome, the dates, the time to close, the channel and the place rounded to about 100 metres. Never
the description, a name, a phone number, an email, a photo or a note.

A day's files are written by the worker (``open_data_publish_due``) after the day ends in the
organization's time zone, through Django's storage API, and never written again: what was published stays
as it was published (the status is the one the report had then).
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import zoneinfo
from collections.abc import Callable

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Min, QuerySet

from khidma.cases.models import Case, Status
from khidma.cases.privacy import public_problems
from khidma.core import clock
from khidma.organizations.models import Organization
from khidma.reports.models import OpenDataFile

FIELDS = (
    "reference",
    "category",
    "category_name_ar",
    "category_name_en",
    "area",
    "area_name_ar",
    "area_name_en",
    "status",
    "closure_outcome",
    "received_at",
    "closed_at",
    "hours_to_close",
    "lat",
    "lon",
    "channel",
)
# Three decimals of a degree: 111 m of latitude, about 104 m of longitude at Makkah.
COORDINATE_DECIMALS = 3
MEDIA_TYPES = {OpenDataFile.Format.CSV: "text/csv", OpenDataFile.Format.GEOJSON: "application/geo+json"}
# At most this many days are written by one run of the job (a new installation catches up in one).
DAYS_PER_RUN = 366


def publishers() -> QuerySet[Organization]:
    """Organizations whose reports are published: municipalities. An association's requests are about its
    members, never public problems of a city."""
    return Organization.objects.filter(is_active=True, type=Organization.Type.MUNICIPALITY)


def _zone(organization: Organization) -> zoneinfo.ZoneInfo:
    return organization.tz


def _day_bounds(
    organization: Organization, day: datetime.date
) -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.datetime.combine(day, datetime.time(), tzinfo=_zone(organization))
    return start, start + datetime.timedelta(days=1)


def _name(names: dict, language: str) -> str:
    return (names or {}).get(language, "")


def open_data_rows(*, organization: Organization, day: datetime.date) -> list[dict]:
    """The public problems received on ``day`` (in the organization's time zone), as published."""
    start, end = _day_bounds(organization, day)
    zone = _zone(organization)
    cases = public_problems(
        Case.objects.filter(organization=organization, received_at__gte=start, received_at__lt=end)
    ).order_by("received_at", "id")
    rows = []
    for case in cases.values(
        "reference",
        "category__code",
        "category__names",
        "area__code",
        "area__names",
        "status",
        "closure_outcome",
        "received_at",
        "closed_at",
        "lat",
        "lon",
        "channel",
    ):
        closed = case["status"] == Status.CLOSED and case["closed_at"] is not None
        received = case["received_at"].astimezone(zone).replace(second=0, microsecond=0)
        has_place = case["lat"] is not None and case["lon"] is not None
        rows.append(
            {
                "reference": case["reference"],
                "category": case["category__code"] or "",
                "category_name_ar": _name(case["category__names"], "ar"),
                "category_name_en": _name(case["category__names"], "en"),
                "area": case["area__code"] or "",
                "area_name_ar": _name(case["area__names"], "ar"),
                "area_name_en": _name(case["area__names"], "en"),
                "status": case["status"],
                "closure_outcome": case["closure_outcome"] if closed else "",
                "received_at": received.isoformat(),
                "closed_at": case["closed_at"].astimezone(zone).replace(second=0, microsecond=0).isoformat()
                if closed
                else "",
                "hours_to_close": round((case["closed_at"] - case["received_at"]).total_seconds() / 3600, 1)
                if closed
                else None,
                "lat": round(case["lat"], COORDINATE_DECIMALS) if has_place else None,
                "lon": round(case["lon"], COORDINATE_DECIMALS) if has_place else None,
                "channel": case["channel"],
            }
        )
    return rows


def to_csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return out.getvalue().encode("utf-8")


def to_geojson(rows: list[dict]) -> bytes:
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]}
            if row["lat"] is not None
            else None,
            "properties": {key: row[key] for key in FIELDS if key not in ("lat", "lon")},
        }
        for row in rows
    ]
    body = {"type": "FeatureCollection", "features": features}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


WRITERS: dict[str, Callable[[list[dict]], bytes]] = {
    OpenDataFile.Format.CSV: to_csv,
    OpenDataFile.Format.GEOJSON: to_geojson,
}


def open_data_publish(*, organization: Organization, day: datetime.date) -> list[OpenDataFile]:
    """Write the day's files unless they exist. A day not yet over is refused: its file would change."""
    today = clock.now().astimezone(_zone(organization)).date()
    if day >= today:
        raise ValueError("a day is published once it is over")
    existing = {f.format: f for f in OpenDataFile.objects.filter(organization=organization, day=day)}
    rows = open_data_rows(organization=organization, day=day) if len(existing) < len(WRITERS) else []
    written = []
    for file_format, writer in WRITERS.items():
        if file_format in existing:
            written.append(existing[file_format])
            continue
        body = writer(rows)
        item = OpenDataFile(
            organization=organization,
            day=day,
            format=file_format,
            rows=len(rows),
            size=len(body),
            sha256=hashlib.sha256(body).hexdigest(),
        )
        try:
            with transaction.atomic():
                item.file.save(f"{day.isoformat()}.{file_format}", ContentFile(body), save=False)
                item.save()
        except IntegrityError:
            # Another worker published it meanwhile; theirs stands (our copy of the bytes goes).
            item.file.storage.delete(item.file.name)
            item = OpenDataFile.objects.get(organization=organization, day=day, format=file_format)
        written.append(item)
    return written


def open_data_publish_due(*, limit: int = DAYS_PER_RUN) -> int:
    """Publish the finished days that have no files yet, oldest first, within KHIDMA_OPEN_DATA_DAYS."""
    published = 0
    for organization in publishers():
        yesterday = clock.now().astimezone(_zone(organization)).date() - datetime.timedelta(days=1)
        first_case = Case.objects.filter(organization=organization).aggregate(first=Min("received_at"))[
            "first"
        ]
        if first_case is None:
            continue
        first = max(
            first_case.astimezone(_zone(organization)).date(),
            yesterday - datetime.timedelta(days=settings.KHIDMA_OPEN_DATA_DAYS - 1),
        )
        done = set(
            OpenDataFile.objects.filter(
                organization=organization, day__gte=first, format=OpenDataFile.Format.CSV
            ).values_list("day", flat=True)
        )
        day = first
        while day <= yesterday and published < limit:
            if day not in done:
                open_data_publish(organization=organization, day=day)
                published += 1
            day += datetime.timedelta(days=1)
    return published


def open_data_files(*, organization: Organization) -> QuerySet[OpenDataFile]:
    return OpenDataFile.objects.filter(organization=organization).order_by("-day", "format")


def catalogue(
    *, organization: Organization, url: Callable[[OpenDataFile], str], page_url: str, language: str = "en"
) -> dict:
    """A DCAT catalogue (JSON-LD) of the published files: one dataset per day, one distribution per format."""
    by_day: dict[datetime.date, list[OpenDataFile]] = {}
    for item in open_data_files(organization=organization):
        by_day.setdefault(item.day, []).append(item)
    name = organization.name_in(language)
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "spdx": "http://spdx.org/rdf/terms#",
            "foaf": "http://xmlns.com/foaf/0.1/",
        },
        "@type": "dcat:Catalog",
        "dct:title": f"{name}: reports",
        "dct:description": (
            "Reports of problems in public space received each day: category, area, status, closure, dates, "
            "time to close, channel and a place rounded to about 100 m. No personal data; private cases are "
            "never published."
        ),
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": name},
        "dct:license": settings.KHIDMA_OPEN_DATA_LICENSE_URL,
        "foaf:homepage": page_url,
        "dcat:dataset": [
            {
                "@type": "dcat:Dataset",
                "dct:identifier": f"{organization.slug}-reports-{day.isoformat()}",
                "dct:title": f"{name}: reports received on {day.isoformat()}",
                "dct:temporal": {
                    "@type": "dct:PeriodOfTime",
                    "dcat:startDate": day.isoformat(),
                    "dcat:endDate": day.isoformat(),
                },
                "dct:issued": min(item.created_at for item in items).isoformat(),
                "dct:license": settings.KHIDMA_OPEN_DATA_LICENSE_URL,
                "dcat:distribution": [
                    {
                        "@type": "dcat:Distribution",
                        "dcat:downloadURL": url(item),
                        "dcat:mediaType": MEDIA_TYPES[item.format],
                        "dcat:byteSize": item.size,
                        "spdx:checksum": {
                            "spdx:algorithm": "spdx:checksumAlgorithm_sha256",
                            "spdx:checksumValue": item.sha256,
                        },
                        "dct:extent": f"{item.rows} reports",
                    }
                    for item in sorted(items, key=lambda i: i.format)
                ],
            }
            for day, items in by_day.items()
        ],
    }
