"""Where a case taken at the agent console is: the point the agent clicked or typed, else the point of the
place they chose, so that every case placed by the agent has a map.

This is the console's one hook for places: a gazetteer (landmarks, streets, mosques by name) adds its own
choice here — a place code in the form's ``place`` value resolved to its point — before the area's.
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
    if lat is not None or lon is not None:
        return Point(lat, lon)  # typed or clicked: the agent's own point (intake checks it)
    if area:
        found = Area.objects.filter(organization=organization, code=area).first()
        if found is not None:
            return Point(*area_point(found))
    return Point(None, None)


def area_points(organization: Organization) -> dict[str, tuple[float, float]]:
    """Each area's point, for the console's map to jump to when the agent chooses an area (JavaScript);
    without it the server places the case the same way when it is created."""
    return {
        area.code: tuple(round(v, 6) for v in area_point(area))
        for area in Area.objects.filter(organization=organization).order_by("code")
    }
