"""Fetching a WhatsApp image through the Graph API media endpoint (two requests: the URL, then the bytes)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from django.conf import settings

MAX_BYTES = 10 * 1024 * 1024


class MediaUnavailable(Exception):
    pass


def _get(url: str) -> bytes:
    if not url.startswith(("https://", "http://")):
        raise MediaUnavailable(f"refusing to fetch {url[:40]!r}")
    headers = {"Authorization": f"Bearer {settings.KHIDMA_WHATSAPP_TOKEN}"}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - scheme checked above
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - configured Graph URL
            return response.read(MAX_BYTES + 1)
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise MediaUnavailable(str(exc)) from exc


def fetch_whatsapp_media(media_id: str) -> bytes:
    if not settings.KHIDMA_WHATSAPP_TOKEN:
        raise MediaUnavailable("no WhatsApp token configured")
    meta = json.loads(_get(f"{settings.KHIDMA_WHATSAPP_GRAPH_URL}/{media_id}") or b"{}")
    if not meta.get("url"):
        raise MediaUnavailable(f"no URL for media {media_id}")
    content = _get(meta["url"])
    if len(content) > MAX_BYTES:
        raise MediaUnavailable("media too large")
    return content
