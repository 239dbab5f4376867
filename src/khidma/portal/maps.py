"""What the portal's maps draw: the organization's own boundary and areas, and optionally a tile server.

No tile server is set by default, so nothing is fetched from anywhere else: the map then shows the
boundary and the areas on a plain background, which is enough to put a pin in the right neighbourhood.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from khidma.organizations import selectors
from khidma.organizations.models import Organization


def map_options() -> dict:
    return {
        "areas_url": reverse("portal:map-areas"),
        "tile_url": settings.KHIDMA_MAP_TILE_URL,
        "tile_attribution": settings.KHIDMA_MAP_TILE_ATTRIBUTION,
    }


def areas_geojson(organization: Organization) -> dict:
    return selectors.areas_geojson(organization=organization, name=lambda obj: obj.name_in())
