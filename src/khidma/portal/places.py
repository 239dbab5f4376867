"""Finding which sub-municipality serves a place: from a point, or from what a person typed.

There is no street-level geocoder here: a typed place is matched against the names the organization gave its
areas and service points, in every language, forgiving the usual differences in spelling
(``khidma.core.text.fold_name``: the article "al-"/"ال", hamza forms, tā' marbūṭa, diacritics, Urdu and
Persian letters, transliteration variants, digits of every script). Typed coordinates ("21.42, 39.82") are
read as a point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import QuerySet

from khidma.core.phones import fold_digits
from khidma.core.text import fold_name
from khidma.organizations import gazetteer
from khidma.organizations import selectors as org_selectors
from khidma.organizations.models import Area, Organization, ServicePoint

_COORDINATES = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,،;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$")
MIN_MATCH = 3


def parse_coordinates(text: str) -> tuple[float, float] | None:
    match = _COORDINATES.match(fold_digits(text).replace("٫", "."))
    if not match:
        return None
    lat, lon = float(match.group(1)), float(match.group(2))
    if -90 <= lat <= 90 and -180 <= lon <= 180:
        return lat, lon
    return None


def service_points(organization: Organization) -> QuerySet[ServicePoint]:
    return (
        ServicePoint.objects.filter(organization=organization, is_active=True)
        .select_related("area")
        .order_by("kind", "code")
    )


@dataclass(frozen=True)
class Match:
    area: Area
    via: str  # the name that matched (an area's or a service point's), as the organization wrote it


def _names(obj) -> list[str]:
    return [name for name in (obj.names or {}).values() if name]


def _matches(query: str, name: str) -> bool:
    wanted, candidate = fold_name(query), fold_name(name)
    if len(candidate) < MIN_MATCH or len(wanted) < MIN_MATCH:
        return False
    return candidate in wanted or wanted in candidate


def areas_for_text(organization: Organization, text: str) -> list[Match]:
    """Areas whose name, or whose service points' names, the text mentions (or is part of), and the area of
    the gazetteer place the text names ("Kudai", "Jamarat", "مستشفى أجياد")."""
    found: dict[int, Match] = {}
    place = gazetteer.place_for_text(organization=organization, text=text)
    if place is not None and place.area_id:
        found[place.area_id] = Match(place.area, place.name_in())
    for area in Area.objects.filter(organization=organization).order_by("code"):
        for name in _names(area):
            if _matches(text, name):
                found.setdefault(area.pk, Match(area, name))
    for point in service_points(organization).filter(area__isnull=False):
        for name in _names(point):
            if _matches(text, name):
                found.setdefault(point.area_id, Match(point.area, name))
    return list(found.values())


def area_for_point(organization: Organization, lat: float, lon: float) -> Area | None:
    return org_selectors.area_for_point(organization=organization, lat=lat, lon=lon)


def centres_of(organization: Organization, area: Area) -> list[ServicePoint]:
    """The sub-municipality centres (and other counters) in an area, the centre first."""
    points = list(service_points(organization).filter(area=area))
    points.sort(key=lambda p: (p.kind != ServicePoint.Kind.SUB_MUNICIPALITY, p.code))
    return points


def find_areas(
    organization: Organization, *, q: str = "", lat: float | None = None, lon: float | None = None
):
    """The areas that serve a point, typed coordinates or a typed place, best first."""
    point = (lat, lon) if lat is not None and lon is not None else parse_coordinates(q or "")
    if point is not None:
        area = area_for_point(organization, *point)
        return [Match(area, "")] if area else []
    return areas_for_text(organization, q or "")
