"""Hotspots: places where several reports of one category were received close together in a few days.

The map is cut into a fixed grid of cells about 330 m on a side (0.003° of latitude and longitude); a
hotspot is a cell holding at least ``MIN_REPORTS`` reports of one category. A fixed grid (rather than
clusters grown around each report) gives every hotspot an exact box, so its link lists exactly the cases it
counted (the queue's ``bbox`` filter), and the cell of a case is computed once, when its row is refreshed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db.models import Count, QuerySet

STEP = 0.003
MIN_REPORTS = 3


def bounds(y: int, x: int) -> tuple[float, float, float, float]:
    """The cell's box (south, west, north, east): south and west included, north and east not."""
    return (y * STEP, x * STEP, (y + 1) * STEP, (x + 1) * STEP)


def _index(value: float, step: float) -> int:
    n = math.floor(value / step)
    # Division and multiplication round differently: settle on the side the box comparison will take.
    if value < n * step:
        n -= 1
    elif value >= (n + 1) * step:
        n += 1
    return n


def cell_of(lat: float | None, lon: float | None) -> tuple[int, int] | None:
    if lat is None or lon is None:
        return None
    return (_index(lat, STEP), _index(lon, STEP))


@dataclass(frozen=True)
class Hotspot:
    category_id: int
    y: int
    x: int
    count: int

    @property
    def box(self) -> tuple[float, float, float, float]:
        return bounds(self.y, self.x)

    @property
    def centre(self) -> tuple[float, float]:
        south, west, north, east = self.box
        return ((south + north) / 2, (west + east) / 2)


def hotspots(facts: QuerySet, *, limit: int = 20, minimum: int = MIN_REPORTS) -> list[Hotspot]:
    """The busiest cells of ``facts`` (already narrowed to the cases and days wanted), busiest first."""
    rows = (
        facts.filter(cell_y__isnull=False, category_id__isnull=False)
        .values("category_id", "cell_y", "cell_x")
        .annotate(n=Count("pk"))
        .filter(n__gte=minimum)
        .order_by("-n", "category_id", "cell_y", "cell_x")[:limit]
    )
    return [Hotspot(r["category_id"], r["cell_y"], r["cell_x"], r["n"]) for r in rows]
