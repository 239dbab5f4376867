"""A link that opens the phone's own map app with the way to a place (field staff, mobile cars' stops).

Android hands a ``geo:`` URI (RFC 5870) to the map apps installed — Google Maps, Organic Maps, OsmAnd …
— and lets the person choose; the ``q=`` pin makes them route to the point rather than only centre on it.
iOS does not handle ``geo:`` at all (Safari calls it an invalid address), while an
``https://maps.apple.com/?daddr=…`` link opens Apple Maps with directions on an iPhone or iPad (and on a
Mac). The link is chosen from the browser's User-Agent; either kind names no third-party web site.
"""

from __future__ import annotations

import re

# iPadOS asks for desktop pages as "Macintosh"; a Mac opens maps.apple.com in its Maps app as well.
_APPLE = re.compile(r"iPhone|iPad|iPod|Macintosh", re.IGNORECASE)


def directions_url(lat: float, lon: float, *, user_agent: str = "") -> str:
    point = f"{lat:.6f},{lon:.6f}"
    if _APPLE.search(user_agent or ""):
        return f"https://maps.apple.com/?daddr={point}&dirflg=d"
    return f"geo:{point}?q={point}"
