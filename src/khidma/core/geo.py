"""Small, dependency-free planar geometry on (lon, lat) rings.

City-sized polygons are small enough that treating degrees as planar coordinates is accurate to metres,
which is all point-in-area routing needs. Polygons use GeoJSON conventions: a list of rings, the first the
outer boundary and the rest holes, each ring a list of [lon, lat] positions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Position = Sequence[float]
Ring = Sequence[Position]

EARTH_RADIUS_M = 6_371_008.8


@dataclass(frozen=True)
class BBox:
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    def contains(self, lon: float, lat: float) -> bool:
        return self.min_lon <= lon <= self.max_lon and self.min_lat <= lat <= self.max_lat


def _ring_contains(ring: Ring, lon: float, lat: float) -> bool:
    # Even-odd ray casting towards +lon.
    inside = False
    count = len(ring)
    j = count - 1
    for i in range(count):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat):
            x_cross = (xj - xi) * (lat - yi) / (yj - yi) + xi
            if lon < x_cross:
                inside = not inside
        j = i
    return inside


def polygon_contains(rings: Sequence[Ring], lon: float, lat: float) -> bool:
    if not rings or not _ring_contains(rings[0], lon, lat):
        return False
    return not any(_ring_contains(hole, lon, lat) for hole in rings[1:])


def multipolygon_contains(polygons: Iterable[Sequence[Ring]], lon: float, lat: float) -> bool:
    return any(polygon_contains(rings, lon, lat) for rings in polygons)


def geometry_polygons(geometry: dict) -> list[Sequence[Ring]]:
    """The polygons of a GeoJSON Polygon or MultiPolygon geometry; ValueError for anything else."""
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates")
    if kind == "Polygon" and isinstance(coordinates, list):
        polygons = [coordinates]
    elif kind == "MultiPolygon" and isinstance(coordinates, list):
        polygons = coordinates
    else:
        raise ValueError("geometry must be a GeoJSON Polygon or MultiPolygon")
    for rings in polygons:
        if not rings or any(len(ring) < 4 for ring in rings):
            raise ValueError("every polygon ring needs at least four positions")
        for ring in rings:
            for position in ring:
                lon, lat = float(position[0]), float(position[1])
                if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                    raise ValueError("coordinates must be longitude, latitude in degrees")
    return polygons


def geometry_bbox(geometry: dict) -> BBox:
    lons: list[float] = []
    lats: list[float] = []
    for rings in geometry_polygons(geometry):
        for position in rings[0]:
            lons.append(float(position[0]))
            lats.append(float(position[1]))
    return BBox(min(lons), min(lats), max(lons), max(lats))


def geometry_contains(geometry: dict, lon: float, lat: float) -> bool:
    return multipolygon_contains(geometry_polygons(geometry), lon, lat)


def representative_point(geometry: dict) -> tuple[float, float]:
    """A point (lon, lat) inside the geometry, for placing something "in this area" when its centre may fall
    outside (a crescent, a ring road): on the line across the middle of the largest polygon's bounding box,
    the middle of the widest stretch that lies inside."""
    polygons = geometry_polygons(geometry)

    def extent(rings: Sequence[Ring]) -> float:
        lons = [float(p[0]) for p in rings[0]]
        lats = [float(p[1]) for p in rings[0]]
        return (max(lons) - min(lons)) * (max(lats) - min(lats))

    rings = max(polygons, key=extent)
    lats = [float(p[1]) for p in rings[0]]
    # Slightly off the exact middle, so the line does not run through a vertex and count it twice.
    lat = (min(lats) + max(lats)) / 2 + (max(lats) - min(lats)) * 1e-7
    crossings: list[float] = []
    for ring in rings:
        for i in range(len(ring) - 1):
            (x1, y1), (x2, y2) = (
                (float(ring[i][0]), float(ring[i][1])),
                (
                    float(ring[i + 1][0]),
                    float(ring[i + 1][1]),
                ),
            )
            if (y1 > lat) != (y2 > lat):
                crossings.append(x1 + (x2 - x1) * (lat - y1) / (y2 - y1))
    crossings.sort()
    stretches = list(zip(crossings[::2], crossings[1::2], strict=False))
    if not stretches:
        lons = [float(p[0]) for p in rings[0]]
        return (min(lons) + max(lons)) / 2, lat
    west, east = max(stretches, key=lambda pair: pair[1] - pair[0])
    return (west + east) / 2, lat


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def voronoi_cells(sites: Sequence[tuple[float, float]], bounds: BBox) -> list[list[list[float]]]:
    """Approximate areas from their centres: each site's Voronoi cell clipped to ``bounds``.

    Returns one closed ring of [lon, lat] per site. Used to draw demo sub-municipality boundaries when only
    their centres are known; an installation loads official boundaries instead.
    """
    box = [
        (bounds.min_lon, bounds.min_lat),
        (bounds.max_lon, bounds.min_lat),
        (bounds.max_lon, bounds.max_lat),
        (bounds.min_lon, bounds.max_lat),
    ]
    cells = []
    for index, (sx, sy) in enumerate(sites):
        polygon = list(box)
        for other, (ox, oy) in enumerate(sites):
            if other == index:
                continue
            # Keep the half-plane of points closer to (sx, sy) than to (ox, oy): n·p <= c.
            nx, ny = ox - sx, oy - sy
            c = (ox * ox + oy * oy - sx * sx - sy * sy) / 2
            polygon = _clip(polygon, nx, ny, c)
        ring = [[round(x, 6), round(y, 6)] for x, y in polygon]
        ring.append(ring[0])
        cells.append(ring)
    return cells


def _clip(polygon: list[tuple[float, float]], nx: float, ny: float, c: float) -> list[tuple[float, float]]:
    """Sutherland–Hodgman clipping of a convex polygon by the half-plane nx*x + ny*y <= c."""
    result: list[tuple[float, float]] = []
    count = len(polygon)
    for i in range(count):
        px, py = polygon[i]
        qx, qy = polygon[(i + 1) % count]
        p_in = nx * px + ny * py <= c
        q_in = nx * qx + ny * qy <= c
        if p_in:
            result.append((px, py))
        if p_in != q_in:
            denominator = nx * (qx - px) + ny * (qy - py)
            t = (c - nx * px - ny * py) / denominator
            result.append((px + t * (qx - px), py + t * (qy - py)))
    return result
