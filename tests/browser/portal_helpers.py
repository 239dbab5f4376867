"""Helpers for the portal's browser tests: a phone-sized page in a given language, photos, map pins."""

from __future__ import annotations

import gzip
from contextlib import contextmanager

from tests.portal.conftest import make_jpeg

PHONE = {"width": 390, "height": 844}


def warm_up_triage() -> None:
    """The first intake in a process builds the triage model (many seconds); do it before a browser waits."""
    from khidma.cases.triage import assess

    assess("warm up")


@contextmanager
def phone_page(browser, *, locale: str = "ar-SA", javascript: bool = True, geolocation=None):
    options = {"viewport": PHONE, "locale": locale, "java_script_enabled": javascript}
    if geolocation:
        options["geolocation"] = {"latitude": geolocation[0], "longitude": geolocation[1]}
        options["permissions"] = ["geolocation"]
    context = browser.new_context(**options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        yield page
    finally:
        context.close()


def photo(name: str = "IMG_0001.jpg", **kwargs) -> dict:
    return {"name": name, "mimeType": "image/jpeg", "buffer": make_jpeg(**kwargs)}


def wait_for_map(page) -> None:
    page.wait_for_selector("#map[data-ready='1']")


def pin_map(page, dx: float = 0.0, dy: float = 0.0) -> None:
    """Touch the map at its centre (moved by dx, dy pixels) and wait until the form holds the point."""
    wait_for_map(page)
    box = page.locator("#map").bounding_box()
    page.locator("#map").click(position={"x": box["width"] / 2 + dx, "y": box["height"] / 2 + dy})
    page.wait_for_function("() => document.getElementById('id_lat').value !== ''")


def wire_bytes(url: str, content_type: str, body: bytes) -> int:
    """What a response weighs on the wire in production: WhiteNoise serves static text gzipped (level 9)
    when that is smaller; fonts and images are sent as they are; the portal's pages and JSON are gzipped by
    Django (level 6, plus up to 100 random bytes against BREACH)."""
    textual = any(kind in content_type for kind in ("css", "javascript", "json", "svg"))
    if "/static/" in url and textual:
        return min(len(body), len(gzip.compress(body, 9)))
    if "html" in content_type or "json" in content_type:
        return min(len(body), len(gzip.compress(body, 6)) + 100)
    return len(body)
