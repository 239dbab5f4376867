"""GeoReport v2 responses in XML (xml.etree) and JSON, and the standard's error list in either."""

from __future__ import annotations

import json
import re
from typing import Any
from xml.etree import ElementTree as ET

from django.http import HttpResponse

from khidma.core.errors import FieldError

XML = "xml"
JSON = "json"
CONTENT_TYPES = {XML: "text/xml; charset=utf-8", JSON: "application/json; charset=utf-8"}
# A list under one of these keys holds elements named in the singular.
ITEM_TAGS = {
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
    "notes": "note",
}
# Characters XML 1.0 cannot carry at all; they are dropped rather than breaking the document.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _fill(element: ET.Element, value: Any, tag: str) -> None:
    if isinstance(value, dict):
        for key, child in value.items():
            _fill(ET.SubElement(element, key), child, key)
    elif isinstance(value, list):
        item_tag = ITEM_TAGS.get(tag, "item")
        for child in value:
            _fill(ET.SubElement(element, item_tag), child, item_tag)
    else:
        element.text = _text(value)


def xml_document(root: str, data: Any, item: str | None = None) -> bytes:
    element = ET.Element(root)
    if isinstance(data, list):
        for child in data:
            _fill(ET.SubElement(element, item or "item"), child, item or "item")
    else:
        _fill(element, data, root)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)  # lazily translated text


def render(fmt: str, data: Any, *, root: str, item: str | None = None, status: int = 200) -> HttpResponse:
    """``data`` is a dict (one document) or a list (``root`` holding ``item`` elements; a JSON array)."""
    if fmt == JSON:
        body = json.dumps(_plain(data), ensure_ascii=False).encode()
    else:
        body = xml_document(root, _plain(data), item)
    return HttpResponse(body, status=status, content_type=CONTENT_TYPES[fmt])


def error_items(errors: list[FieldError], status: int) -> list[dict[str, Any]]:
    return [
        {"code": status, "description": f"{e.field}: {e.message}" if e.field else str(e.message)}
        for e in errors
    ]


def render_errors(fmt: str, errors: list[FieldError], status: int) -> HttpResponse:
    return render(fmt, error_items(errors, status), root="errors", item="error", status=status)
