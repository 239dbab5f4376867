"""A small schema language for GeoReport v2 responses, checked in both XML and JSON.

A schema is a record (a dict: key -> type, in the standard's element order), a ``ListOf(item_tag, schema)``
or a scalar type. JSON must have exactly the record's keys with values of the right type (``None`` where a
type is optional); XML must have exactly the record's child elements, in order, with text that parses as
the type (empty where optional), and list containers whose children all carry the item tag.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree as ET


@dataclass(frozen=True)
class Scalar:
    kind: str  # str, int, number, bool, datetime, scalar (a string or a number)
    optional: bool = False
    choices: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ListOf:
    tag: str
    item: Any


STR = Scalar("str")
OPT_STR = Scalar("str", optional=True)
INT = Scalar("int")
NUMBER = Scalar("number")
OPT_NUMBER = Scalar("number", optional=True)
BOOL = Scalar("bool")
DATETIME = Scalar("datetime")
OPT_DATETIME = Scalar("datetime", optional=True)
STATUS = Scalar("str", choices=("open", "closed"))
ANSWER = Scalar("scalar")

_OFFSET = re.compile(r"(Z|[+-]\d\d:\d\d)$")

# --- Response types -------------------------------------------------------------------------------------

ENDPOINT = {
    "specification": STR,
    "url": STR,
    "changeset": DATETIME,
    "type": Scalar("str", choices=("production", "test")),
    "formats": ListOf("format", Scalar("str", choices=("text/xml", "application/json"))),
}
DISCOVERY = {
    "changeset": DATETIME,
    "contact": STR,
    "key_service": STR,
    "endpoints": ListOf("endpoint", ENDPOINT),
}
SERVICE = {
    "service_code": STR,
    "service_name": STR,
    "description": OPT_STR,
    "metadata": BOOL,
    "type": Scalar("str", choices=("realtime", "batch", "blackbox")),
    "keywords": OPT_STR,
    "group": STR,
}
SERVICES = ListOf("service", SERVICE)
ATTRIBUTE = {
    "variable": BOOL,
    "code": STR,
    "datatype": Scalar(
        "str", choices=("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist")
    ),
    "required": BOOL,
    "datatype_description": OPT_STR,
    "order": INT,
    "description": STR,
    "values": ListOf("value", {"key": STR, "name": STR}),
}
SERVICE_DEFINITION = {"service_code": STR, "attributes": ListOf("attribute", ATTRIBUTE)}
REQUEST = {
    "service_request_id": STR,
    "status": STATUS,
    "status_notes": OPT_STR,
    "service_name": OPT_STR,
    "service_code": OPT_STR,
    "description": OPT_STR,
    "agency_responsible": OPT_STR,
    "service_notice": OPT_STR,
    "requested_datetime": DATETIME,
    "updated_datetime": DATETIME,
    "expected_datetime": OPT_DATETIME,
    "address": OPT_STR,
    "address_id": OPT_STR,
    "zipcode": OPT_STR,
    "lat": OPT_NUMBER,
    "long": OPT_NUMBER,
    "media_url": OPT_STR,
}
REQUESTS = ListOf("request", REQUEST)
EXTENDED = {
    "detailed_status": STR,
    "detailed_status_name": STR,
    "attributes": ListOf("attribute", {"code": STR, "values": ListOf("value", ANSWER)}),
    "notes": ListOf("note", {"datetime": DATETIME, "type": STR, "summary": STR, "description": OPT_STR}),
}
REQUESTS_EXTENDED = ListOf("request", {**REQUEST, "extended_attributes": EXTENDED})
CREATED = ListOf("request", {"service_request_id": STR, "service_notice": OPT_STR, "account_id": OPT_STR})
TOKENS = ListOf("request", {"service_request_id": STR, "token": STR})
UPDATE = {
    "update_id": STR,
    "service_request_id": STR,
    "status": STATUS,
    "updated_datetime": DATETIME,
    "description": STR,
    "media_url": OPT_STR,
}
UPDATES = ListOf("request_update", UPDATE)
UPDATES_EXTENDED = ListOf("request_update", {**UPDATE, "detailed_status": STR})
UPDATE_CREATED = ListOf("request_update", {"update_id": STR})
ERRORS = ListOf("error", {"code": INT, "description": STR})

# Root element of each response type in XML.
ROOTS = {
    id(DISCOVERY): "discovery",
    id(SERVICES): "services",
    id(SERVICE_DEFINITION): "service_definition",
    id(REQUESTS): "service_requests",
    id(REQUESTS_EXTENDED): "service_requests",
    id(CREATED): "service_requests",
    id(TOKENS): "service_requests",
    id(UPDATES): "service_request_updates",
    id(UPDATES_EXTENDED): "service_request_updates",
    id(UPDATE_CREATED): "service_request_updates",
    id(ERRORS): "errors",
}

# --- Checking -----------------------------------------------------------------------------------------------


class SchemaError(AssertionError):
    pass


def _fail(path: str, message: str) -> None:
    raise SchemaError(f"{path}: {message}")


def _check_text(text: str, spec: Scalar, path: str) -> None:
    if text == "":
        if not spec.optional and spec.kind != "str":
            _fail(path, "empty")
        return
    if spec.kind == "int":
        if not re.fullmatch(r"-?\d+", text):
            _fail(path, f"not an integer: {text!r}")
    elif spec.kind == "number":
        try:
            float(text)
        except ValueError:
            _fail(path, f"not a number: {text!r}")
    elif spec.kind == "bool":
        if text not in ("true", "false"):
            _fail(path, f"not a boolean: {text!r}")
    elif spec.kind == "datetime":
        _check_datetime(text, path)
    if spec.choices is not None and text not in spec.choices:
        _fail(path, f"{text!r} not one of {spec.choices}")


def _check_datetime(text: str, path: str) -> None:
    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        _fail(path, f"not ISO 8601: {text!r}")
    if value.tzinfo is None or not _OFFSET.search(text):
        _fail(path, f"no UTC offset: {text!r}")


def check_json(value: Any, spec: Any, path: str = "$") -> None:
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            _fail(path, f"expected an object, got {type(value).__name__}")
        if set(value) != set(spec):
            _fail(path, f"keys {sorted(value)} != {sorted(spec)}")
        for key, child in spec.items():
            check_json(value[key], child, f"{path}.{key}")
    elif isinstance(spec, ListOf):
        if not isinstance(value, list):
            _fail(path, f"expected an array, got {type(value).__name__}")
        for i, item in enumerate(value):
            check_json(item, spec.item, f"{path}[{i}]")
    else:
        if value is None:
            if not spec.optional:
                _fail(path, "null")
            return
        expected = {
            "str": (str,),
            "int": (int,),
            "number": (int, float),
            "bool": (bool,),
            "datetime": (str,),
            "scalar": (str, int, float),
        }[spec.kind]
        if isinstance(value, bool) and spec.kind != "bool":
            _fail(path, "a boolean where another type belongs")
        if not isinstance(value, expected):
            _fail(path, f"expected {spec.kind}, got {type(value).__name__}")
        if spec.kind == "datetime":
            _check_datetime(value, path)
        if spec.choices is not None and value not in spec.choices:
            _fail(path, f"{value!r} not one of {spec.choices}")
        if spec.kind == "str" and not spec.optional and not value and spec.choices is None:
            _fail(path, "empty string")


def check_xml(element: ET.Element, spec: Any, path: str) -> None:
    if isinstance(spec, dict):
        tags = [child.tag for child in element]
        if tags != list(spec):
            _fail(path, f"children {tags} != {list(spec)}")
        for child, (key, child_spec) in zip(element, spec.items(), strict=True):
            check_xml(child, child_spec, f"{path}/{key}")
    elif isinstance(spec, ListOf):
        if (element.text or "").strip():
            _fail(path, "text in a list element")
        for i, child in enumerate(element):
            if child.tag != spec.tag:
                _fail(path, f"child <{child.tag}> where <{spec.tag}> belongs")
            check_xml(child, spec.item, f"{path}/{spec.tag}[{i}]")
    else:
        if len(element):
            _fail(path, "child elements in a value")
        text = element.text or ""
        _check_text(text, spec, path)
        if spec.kind == "str" and not spec.optional and not text and spec.choices is None:
            _fail(path, "empty")


def parse_xml(body: bytes, spec: Any) -> ET.Element:
    root = ET.fromstring(body)  # noqa: S314 - our own server's answer
    expected = ROOTS[id(spec)]
    if root.tag != expected:
        _fail("/", f"root <{root.tag}> != <{expected}>")
    check_xml(root, spec, f"/{expected}")
    return root


def xml_records(root: ET.Element) -> list[dict[str, str]]:
    """The first level of a list document as {tag: text} records, for assertions on values."""
    return [{child.tag: child.text or "" for child in item} for item in root]
