"""``{% directions_url lat lon %}``: the way to a place in the phone's own map app (core/directions.py)."""

from __future__ import annotations

from django import template

from khidma.core.directions import directions_url as build

register = template.Library()


@register.simple_tag(takes_context=True)
def directions_url(context, lat: float | None, lon: float | None) -> str:
    if lat is None or lon is None:
        return ""
    request = context.get("request")
    agent = request.headers.get("User-Agent", "") if request is not None else ""
    return build(float(lat), float(lon), user_agent=agent)
