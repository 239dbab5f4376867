"""Writes of organization data: the one path through which areas get their geometry."""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from khidma.core import geo
from khidma.organizations.models import Area, Organization


def area_upsert(
    *,
    organization: Organization,
    code: str,
    names: dict[str, str],
    boundary: dict,
    centre: tuple[float, float] | None = None,
) -> Area:
    """Create or update an area; the bounding-box columns are derived here, never edited by hand."""
    bbox = geo.geometry_bbox(boundary)  # also validates the geometry
    area, _created = Area.objects.update_or_create(
        organization=organization,
        code=code,
        defaults={
            "names": names,
            "boundary": boundary,
            "min_lat": bbox.min_lat,
            "max_lat": bbox.max_lat,
            "min_lon": bbox.min_lon,
            "max_lon": bbox.max_lon,
            "centre_lat": centre[0] if centre else (bbox.min_lat + bbox.max_lat) / 2,
            "centre_lon": centre[1] if centre else (bbox.min_lon + bbox.max_lon) / 2,
        },
    )
    return area


@transaction.atomic
def areas_import_geojson(*, organization: Organization, path: Path) -> list[Area]:
    """Load official boundaries from a GeoJSON FeatureCollection.

    Each feature needs a Polygon or MultiPolygon geometry, a ``code`` property (or ``name_en``) and names
    as ``name_<lang>`` (``name_ar``, ``name_en``, …). Existing areas with the same code are replaced;
    nothing is written unless every feature is valid.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        raise ValueError("the file must be a GeoJSON FeatureCollection")
    areas = []
    for number, feature in enumerate(data["features"], start=1):
        properties = feature.get("properties") or {}
        names = {
            key.removeprefix("name_"): str(value)
            for key, value in properties.items()
            if key.startswith("name_") and value
        }
        code = str(properties.get("code") or slugify(names.get("en", "")))
        if not code or not names:
            raise ValueError(f"feature {number} needs a 'code' and at least one 'name_<lang>' property")
        try:
            areas.append(
                area_upsert(
                    organization=organization, code=code, names=names, boundary=feature.get("geometry") or {}
                )
            )
        except ValueError as exc:
            raise ValueError(f"feature {number} ({code}): {exc}") from exc
    return areas
