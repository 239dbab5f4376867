"""Reads of organization data. Every function takes the organization it reads within."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet

from khidma.core import geo
from khidma.core.memo import remembered
from khidma.organizations.models import Area, Category, Department, Organization, ServicePoint


@remembered(seconds=30)
def organization_get_active(*, slug: str) -> Organization | None:
    """Remembered for 30 s per process: every public request names its organization, and organizations
    change rarely (an edit reaches every process within that time)."""
    return Organization.objects.filter(slug=slug, is_active=True).first()


def category_list_active(
    *, organization: Organization | None = None, organization_id: int | None = None
) -> QuerySet[Category]:
    """The categories people may choose, in the organization's order: the one place that says which are in
    use (every channel's list, the console, the back office's filters and forms)."""
    if organization is not None:
        organization_id = organization.pk
    return Category.objects.filter(organization_id=organization_id, is_active=True).select_related(
        "default_department"
    )


def category_get_active(*, organization: Organization, code: str) -> Category | None:
    """An active category by its code, from a per-process memory: every report names or is given one."""
    return _active_categories(organization_id=organization.pk).get(code)


@remembered(seconds=30, forget_on=(Category, Department))
def _active_categories(*, organization_id: int) -> dict[str, Category]:
    """Remembered for 30 s per process (at once in the process that edits one): intake reads a category for
    every report and an organization has a few tens that change with an administrator's edit."""
    return {category.code: category for category in category_list_active(organization_id=organization_id)}


def department_get(*, organization: Organization, code: str) -> Department | None:
    return Department.objects.filter(organization=organization, code=code, is_active=True).first()


def department_subtree_ids(*, department: Department) -> set[int]:
    """The department and every unit under it (the tree is shallow: directorate → department → unit)."""
    ids = {department.pk}
    frontier = [department.pk]
    while frontier:
        frontier = list(
            Department.objects.filter(organization_id=department.organization_id, parent_id__in=frontier)
            .exclude(pk__in=ids)
            .values_list("pk", flat=True)
        )
        ids.update(frontier)
    return ids


def service_point_get(*, organization: Organization, code: str) -> ServicePoint | None:
    return ServicePoint.objects.filter(organization=organization, code=code, is_active=True).first()


def area_get(*, organization: Organization, code: str) -> Area | None:
    return Area.objects.filter(organization=organization, code=code).first()


def area_for_point(*, organization: Organization, lat: float, lon: float) -> Area | None:
    """The area containing the point: the bounding boxes narrow it down, the polygon decides."""
    for area in _areas_of(organization_id=organization.pk):
        in_box = area.min_lat <= lat <= area.max_lat and area.min_lon <= lon <= area.max_lon
        if in_box and area.contains_point(lat, lon):
            return area
    return None


@remembered(seconds=30, forget_on=(Area,))
def _areas_of(*, organization_id: int) -> list[Area]:
    """An organization's areas with their polygons, remembered for 30 s per process: every report is placed
    by them, and an organization has tens to a few hundred areas that change with an import."""
    return list(Area.objects.filter(organization_id=organization_id).order_by("code"))


def area_point(area: Area) -> tuple[float, float]:
    """Where to put a report known only by its area (lat, lon): the area's centre when it lies inside the
    area, else a point surely inside it. Approximate by nature: the area, not the spot."""
    centre = (area.centre_lat, area.centre_lon)
    if None not in centre and area.contains_point(*centre):
        return centre
    lon, lat = geo.representative_point(area.boundary)
    return lat, lon


def _round(value):
    if isinstance(value, list):
        return [_round(item) for item in value]
    return round(float(value), 5)  # about a metre: plenty for drawing, and a smaller download


def areas_geojson(*, organization: Organization, name: Callable[[object], str]) -> dict:
    """The organization's boundary and areas as GeoJSON, for the maps of the portal and the back office.
    ``name`` picks how each is named for the reader (the portal and the back office choose differently)."""
    features = []
    if organization.boundary:
        features.append(
            {
                "type": "Feature",
                "properties": {"kind": "boundary", "name": name(organization)},
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
                "properties": {"kind": "area", "code": area.code, "name": name(area)},
                "geometry": {
                    "type": area.boundary["type"],
                    "coordinates": _round(area.boundary["coordinates"]),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
