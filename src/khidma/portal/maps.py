"""What the portal's maps draw: the organization's own boundary and areas, and optionally a tile server.

No tile server is set by default, so nothing is fetched from anywhere else: the map then shows the
boundary and the areas on a plain background, which is enough to put a pin in the right neighbourhood.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from khidma.organizations.models import Area, Organization
from khidma.portal.naming import display_name


def map_options() -> dict:
    return {
        "areas_url": reverse("portal:map-areas"),
        "tile_url": settings.KHIDMA_MAP_TILE_URL,
        "tile_attribution": settings.KHIDMA_MAP_TILE_ATTRIBUTION,
    }


def _round(value):
    if isinstance(value, list):
        return [_round(item) for item in value]
    return round(float(value), 5)  # about a metre: plenty for drawing, and a smaller download


def areas_geojson(organization: Organization) -> dict:
    features = []
    if organization.boundary:
        features.append(
            {
                "type": "Feature",
                "properties": {"kind": "boundary", "name": display_name(organization)},
                "geometry": {
                    "type": organization.boundary["type"],
                    "coordinates": _round(organization.boundary["coordinates"]),
                },
            }
        )
    for area in Area.objects.filter(organization=organization).order_by("code"):
        features.append(
            {
                "type": "Feature",
                "properties": {"kind": "area", "code": area.code, "name": display_name(area)},
                "geometry": {
                    "type": area.boundary["type"],
                    "coordinates": _round(area.boundary["coordinates"]),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
