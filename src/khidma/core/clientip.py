"""The client's address, the key of every per-address limit."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """KHIDMA_CLIENT_IP_HEADER when a reverse proxy sets it (the proxy must overwrite what the client sent),
    else the connection's address."""
    header = settings.KHIDMA_CLIENT_IP_HEADER
    if header:
        value = request.headers.get(header, "").split(",")[0].strip()
        try:
            return str(ipaddress.ip_address(value))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR") or None
