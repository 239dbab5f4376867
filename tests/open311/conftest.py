"""Open311 fixtures: an HTTP client on the live server, API keys, and a service with every kind of question.

``fetch`` asks for an endpoint in XML and in JSON, checks both against the response type's schema and
returns the JSON body (and the XML root) for assertions on values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree as ET

import httpx
import pytest

from khidma.open311.models import Datatype, ServiceAttribute, ServiceDetail
from khidma.open311.services import api_key_create
from khidma.organizations.models import Category, Organization
from tests.conftest import HARAM
from tests.open311 import schemas


@pytest.fixture
def o311(live_server) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=f"{live_server.url}/open311/v2", headers={"Accept-Language": "en"}, timeout=60
    ) as client:
        yield client


@pytest.fixture
def key(makkah: Organization) -> str:
    return api_key_create(organization=makkah, name="Makkah app")[1]


@pytest.fixture
def taif_key(taif: Organization) -> str:
    return api_key_create(organization=taif, name="Taif app")[1]


@pytest.fixture
def roads(makkah: Organization) -> Category:
    """roads_sidewalks with one question of each type, an informational line and Open311 details."""
    category = Category.objects.get(organization=makkah, code="roads_sidewalks")
    ServiceDetail.objects.create(
        organization=makkah,
        category=category,
        descriptions={"en": "Potholes, broken kerbs and sidewalks", "ar": "الحفر والأرصفة المكسورة"},
        keywords="pothole, sidewalk, حفرة",
        notices={"en": "A road crew inspects within two working days."},
    )
    questions = [
        ("depth", Datatype.NUMBER, True, {"en": "How deep is it (cm)?", "ar": "ما عمق الحفرة (سم)؟"}, []),
        (
            "size",
            Datatype.SINGLEVALUELIST,
            True,
            {"en": "How big is it?"},
            [
                {"key": "small", "names": {"en": "Smaller than a wheel", "ar": "أصغر من عجلة"}},
                {"key": "large", "names": {"en": "Larger than a wheel", "ar": "أكبر من عجلة"}},
            ],
        ),
        (
            "hazards",
            Datatype.MULTIVALUELIST,
            False,
            {"en": "What makes it dangerous?"},
            [
                {"key": "water", "names": {"en": "Filled with water"}},
                {"key": "night", "names": {"en": "Unlit at night"}},
                {"key": "school", "names": {"en": "Near a school"}},
            ],
        ),
        ("seen_at", Datatype.DATETIME, False, {"en": "When did you first see it?"}, []),
        ("landmark", Datatype.STRING, False, {"en": "Nearest landmark"}, []),
        ("details", Datatype.TEXT, False, {"en": "Anything else?"}, []),
    ]
    for order, (code, datatype, required, descriptions, values) in enumerate(questions, start=1):
        ServiceAttribute.objects.create(
            organization=makkah,
            category=category,
            code=code,
            datatype=datatype,
            required=required,
            order=order,
            descriptions=descriptions,
            values=values,
            datatype_descriptions={"en": "centimetres"} if code == "depth" else {},
        )
    ServiceAttribute.objects.create(
        organization=makkah,
        category=category,
        code="safety_note",
        datatype=Datatype.STRING,
        variable=False,
        order=0,
        descriptions={"en": "Keep away from traffic while you report."},
    )
    return category


@dataclass
class Fetched:
    status: int
    json: Any
    xml: ET.Element
    headers: httpx.Headers


def _fetch(
    client: httpx.Client,
    path: str,
    schema: Any,
    *,
    method: str = "GET",
    status: int = 200,
    params: dict | None = None,
    data: dict | None = None,
    headers: dict | None = None,
) -> Fetched:
    bodies: dict[str, Any] = {}
    last = None
    for fmt in ("xml", "json"):
        response = client.request(method, f"{path}.{fmt}", params=params, data=data, headers=headers)
        assert response.status_code == status, (fmt, response.status_code, response.text)
        if fmt == "xml":
            assert response.headers["content-type"].startswith("text/xml")
            bodies["xml"] = schemas.parse_xml(response.content, schema)
        else:
            assert response.headers["content-type"].startswith("application/json")
            bodies["json"] = response.json()
            schemas.check_json(bodies["json"], schema)
        last = response
    return Fetched(status, bodies["json"], bodies["xml"], last.headers)


@pytest.fixture
def fetch(o311) -> Callable[..., Fetched]:
    """``fetch(path, schema, ...)``: both formats, schema-checked. Not for POSTs that create."""

    def run(path: str, schema: Any, **kwargs) -> Fetched:
        return _fetch(o311, path, schema, **kwargs)

    return run


def pothole(**fields: Any) -> dict[str, Any]:
    """A valid POST /requests form for the roads service (add api_key)."""
    form = {
        "service_code": "roads_sidewalks",
        "description": "Deep pothole in the right lane",
        "lat": str(HARAM[0]),
        "long": str(HARAM[1]),
        "attribute[depth]": "12",
        "attribute[size]": "large",
    }
    form.update(fields)
    return {k: v for k, v in form.items() if v is not None}


def post_request(client: httpx.Client, form: dict, fmt: str = "json", **kwargs) -> httpx.Response:
    return client.post(f"/requests.{fmt}", data=form, **kwargs)


def error_descriptions(response: httpx.Response) -> list[str]:
    assert response.headers["content-type"].startswith("application/json"), response.text
    body = response.json()
    schemas.check_json(body, schemas.ERRORS)
    assert all(item["code"] == response.status_code for item in body)
    return [item["description"] for item in body]
