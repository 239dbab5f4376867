"""Where a case taken at the agent console is: the point the agent clicked or typed; a chosen area or
gazetteer place otherwise (intake gives the case that place's point, so every case placed by the agent has a
map).

In the browser, any place picker moves the console's pin through one event (``khidma:place`` with
``{lat, lon}`` on the map); the gazetteer's suggestions use it.
"""

from __future__ import annotations

from dataclasses import dataclass

from khidma.organizations.models import Area, Organization
from khidma.organizations.selectors import area_point


@dataclass(frozen=True)
class Point:
    lat: float | None
    lon: float | None


def console_point(
    organization: Organization, *, lat: float | None, lon: float | None, area: str | None
) -> Point:
    """The point the agent clicked or typed; none when it is only the chosen area's point (the console's map
    fills that in as a convenience). Intake then places the case at the area's point itself, marked as
    standing for the whole area, so two reports placed by area are never linked as duplicates by distance."""
    if lat is None or lon is None or not area:
        return Point(lat, lon)
    found = Area.objects.filter(organization=organization, code=area).first()
    if found is not None and (round(lat, 6), round(lon, 6)) == tuple(round(v, 6) for v in area_point(found)):
        return Point(None, None)
    return Point(lat, lon)


def area_points(organization: Organization) -> dict[str, tuple[float, float]]:
    """Each area's point, for the console's map to jump to when the agent chooses an area (JavaScript);
    without it the server places the case the same way when it is created."""
    return {
        area.code: tuple(round(v, 6) for v in area_point(area))
        for area in Area.objects.filter(organization=organization).order_by("code")
    }
