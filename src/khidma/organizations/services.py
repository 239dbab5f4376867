"""Writes of organization data: the one path through which areas get their geometry and places their
folded search key."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from khidma.core import geo
from khidma.core.languages import LANGUAGE_CODES
from khidma.core.text import fold_name
from khidma.organizations.models import Area, Organization, Place
from khidma.organizations.selectors import area_for_point


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


# --- The gazetteer ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlacesImported:
    created: int
    updated: int


def _place_names(properties: dict) -> dict[str, str]:
    """Names from ``names: {"ar": …}`` or, like import-areas, ``name_ar``/``name_en`` properties; only the
    ten public languages are kept."""
    names = properties.get("names") if isinstance(properties.get("names"), dict) else {}
    names = {**{k.removeprefix("name_"): v for k, v in properties.items() if k.startswith("name_")}, **names}
    return {code: str(value).strip() for code, value in names.items() if code in LANGUAGE_CODES and value}


def place_search_key(names: dict[str, str], aliases: list[str]) -> str:
    """Every name and alias folded for search, one per line, each once."""
    folded = {fold_name(text) for text in [*names.values(), *aliases]}
    return "\n".join(sorted(text for text in folded if text))


def place_upsert(
    *,
    organization: Organization,
    key: str,
    kind: str,
    names: dict[str, str],
    lat: float,
    lon: float,
    aliases: list[str] | None = None,
    area: Area | None = None,
    is_active: bool = True,
) -> tuple[Place, bool]:
    """Create or update the place ``key``; its area is the one containing the point unless given. The
    folded search key is derived here, never edited by hand. Answers the place and whether it is new."""
    aliases = [str(alias).strip() for alias in aliases or [] if str(alias).strip()]
    if area is None:
        area = area_for_point(organization=organization, lat=lat, lon=lon)
    return Place.objects.update_or_create(
        organization=organization,
        key=key,
        defaults={
            "kind": kind,
            "names": names,
            "aliases": aliases,
            "lat": lat,
            "lon": lon,
            "area": area,
            "search_key": place_search_key(names, aliases),
            "is_active": is_active,
        },
    )


def _place_problems(number: int, feature: object, areas: dict[str, Area], organization: Organization):
    """(the feature's fields, or None) and what is wrong with it, every problem at once."""
    problems: list[str] = []
    if not isinstance(feature, dict):
        return None, [f"feature {number}: not a GeoJSON Feature"]
    properties = feature.get("properties") or {}
    key = str(properties.get("key") or "")
    label = f"feature {number} ({key})" if key else f"feature {number}"
    if not re.fullmatch(r"[-a-z0-9_]{1,80}", key):
        problems.append(f"{label}: 'key' must be 1 to 80 lower-case letters, digits, - or _")
    kind = str(properties.get("kind") or "")
    if not re.fullmatch(r"[-a-z0-9_]{1,32}", kind):
        problems.append(f"{label}: 'kind' must be 1 to 32 lower-case letters, digits, - or _")
    names = _place_names(properties)
    if not names:
        problems.append(f"{label}: give at least one name in a public language ('names' or 'name_<lang>')")
    aliases = properties.get("aliases") or []
    if not isinstance(aliases, list):
        problems.append(f"{label}: 'aliases' must be a list of strings")
        aliases = []
    geometry = feature.get("geometry") or {}
    coordinates = geometry.get("coordinates") if geometry.get("type") == "Point" else None
    lat = lon = None
    if not (isinstance(coordinates, list) and len(coordinates) >= 2):
        problems.append(f"{label}: the geometry must be a Point [lon, lat]")
    else:
        try:
            lon, lat = float(coordinates[0]), float(coordinates[1])
        except (TypeError, ValueError):
            problems.append(f"{label}: the coordinates must be numbers")
        else:
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                problems.append(f"{label}: the coordinates are not a point on Earth (GeoJSON is [lon, lat])")
            elif not organization.contains_point(lat, lon):
                problems.append(f"{label}: the point is outside the organization's boundary")
    area_code = str(properties.get("area") or "")
    if area_code and area_code not in areas:
        problems.append(f"{label}: no area with the code {area_code!r}")
    fields = {
        "key": key,
        "kind": kind,
        "names": names,
        "aliases": aliases,
        "lat": lat,
        "lon": lon,
        "area": areas.get(area_code),
    }
    return fields, problems


@transaction.atomic
def places_import_geojson(*, organization: Organization, data: dict) -> PlacesImported:
    """Load a gazetteer: a GeoJSON FeatureCollection of Points whose properties are ``key``, ``kind``,
    ``names`` ({"ar": …, "en": …}, or ``name_<lang>``), ``aliases`` (other spellings) and optionally
    ``area`` (an area's code; else the area containing the point). Places are matched by ``key``: new ones
    are added, known ones replaced, others left as they are. Nothing is written unless every feature is
    valid; the ValueError lists every problem."""
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise ValueError("the file must be a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise ValueError("the FeatureCollection has no 'features' list")
    areas = {area.code: area for area in Area.objects.filter(organization=organization)}
    rows, problems, seen = [], [], set()
    for number, feature in enumerate(features, start=1):
        fields, found = _place_problems(number, feature, areas, organization)
        problems.extend(found)
        if fields and fields["key"] in seen:
            problems.append(f"feature {number} ({fields['key']}): the key is used twice")
        if fields:
            seen.add(fields["key"])
            rows.append(fields)
    if problems:
        raise ValueError("; ".join(problems))
    created = 0
    for fields in rows:
        _place, new = place_upsert(organization=organization, **fields)
        created += new
    return PlacesImported(created=created, updated=len(rows) - created)
