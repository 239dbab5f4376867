import pytest

from khidma.core import geo
from khidma.core.phones import mask_phone, normalize_phone


@pytest.mark.parametrize(
    "typed",
    ["0551234567", "055 123 4567", "+966551234567", "00966551234567", "966551234567", "٠٥٥١٢٣٤٥٦٧"],
)
def test_saudi_numbers_typed_any_way_become_the_same_e164(typed):
    assert normalize_phone(typed) == "+966551234567"


def test_foreign_numbers_keep_their_country():
    assert normalize_phone("+62 812-3456-7890") == "+6281234567890"


@pytest.mark.parametrize("typed", ["123", "05512", "hello", "+966 12", ""])
def test_impossible_numbers_are_refused(typed):
    with pytest.raises(ValueError):
        normalize_phone(typed)


def test_a_number_read_again_is_not_parsed_again(monkeypatch):
    """Intake reads one reporter's number several times (rate limit, validation, fingerprint; again in the
    worker): a process parses it once. A refused number is refused every time."""
    import phonenumbers

    from khidma.core import phones

    phones._e164.cache_clear()  # what earlier tests in this process parsed is remembered
    parsed = []
    real_parse = phonenumbers.parse
    monkeypatch.setattr(phonenumbers, "parse", lambda *a, **k: parsed.append(a[0]) or real_parse(*a, **k))
    for typed in ("0551230001", " 0551230001", "٠٥٥١٢٣٠٠٠١", "0551230001"):
        assert normalize_phone(typed) == "+966551230001"
    assert parsed == ["0551230001"]
    for _ in range(2):
        with pytest.raises(ValueError):
            normalize_phone("05512")
    assert parsed.count("05512") == 2


def test_masking_keeps_country_code_and_last_two_digits():
    assert mask_phone("+966551234567") == "+966•••••••67"


SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]}
WITH_HOLE = {
    "type": "Polygon",
    "coordinates": [
        [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
        [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]],
    ],
}


def test_point_in_polygon_respects_holes():
    assert geo.geometry_contains(SQUARE, 5, 5)
    assert not geo.geometry_contains(SQUARE, 11, 5)
    assert not geo.geometry_contains(WITH_HOLE, 5, 5)
    assert geo.geometry_contains(WITH_HOLE, 2, 2)


def test_multipolygon_and_bbox():
    multi = {
        "type": "MultiPolygon",
        "coordinates": [SQUARE["coordinates"], [[[20, 20], [30, 20], [30, 30], [20, 20]]]],
    }
    assert geo.geometry_contains(multi, 25, 22)
    assert geo.geometry_bbox(multi) == geo.BBox(0, 0, 30, 30)


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point", "coordinates": [1, 2]},
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]},
        {"type": "Polygon", "coordinates": [[[0, 0], [200, 0], [1, 1], [0, 0]]]},
    ],
)
def test_bad_geometries_are_refused(geometry):
    with pytest.raises(ValueError):
        geo.geometry_polygons(geometry)


def test_voronoi_cells_partition_the_box_by_nearest_centre():
    sites = [(1.0, 1.0), (9.0, 1.0), (5.0, 9.0)]
    cells = geo.voronoi_cells(sites, geo.BBox(0, 0, 10, 10))
    for x in range(0, 11):
        for y in range(0, 11):
            px, py = x + 0.013, y + 0.007  # avoid points exactly on a boundary
            if not (0 <= px <= 10 and 0 <= py <= 10):
                continue
            nearest = min(range(3), key=lambda i: (sites[i][0] - px) ** 2 + (sites[i][1] - py) ** 2)
            inside = [i for i, ring in enumerate(cells) if geo.polygon_contains([ring], px, py)]
            assert inside == [nearest]


def test_haversine_distance_between_haram_and_aziziyah():
    assert 4_000 < geo.haversine_m(21.4225, 39.8262, 21.4152, 39.8700) < 5_000
