"""Simple line icons for the report categories, drawn for Khidma (24×24, stroked with the text colour).

A category whose code is not listed gets the generic icon; an installation's own codes can be added here.
"""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

_PATHS = {
    # A bug: body, head and legs.
    "animals_insects": '<ellipse cx="12" cy="14" rx="4" ry="5"/><circle cx="12" cy="7" r="2"/>'
    '<path d="M8 12H4M8 16H4M16 12h4M16 16h4M10 5 8 3M14 5l2-2"/>',
    # A bin with a lid.
    "cleanliness": '<path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6"/>',
    # A street lamp.
    "lighting_signs": '<path d="M8 21h8M12 21V8M12 8c0-3 2-5 5-5M14 6h6l-1 3h-4z"/>',
    # A shop front with an awning.
    "markets_shops": '<path d="M3 9l2-5h14l2 5M3 9c0 2 4 2 4 0 0 2 5 2 5 0 0 2 5 2 5 0 0 2 4 2 4 0'
    'M5 11v9h14v-9M10 20v-5h4v5"/>',
    # A road running into the distance.
    "roads_sidewalks": '<path d="M9 3 4 21M15 3l5 18M12 5v2M12 11v2M12 17v2"/>',
    # A building with a crane arm.
    "buildings_encroachments": '<path d="M4 21V9h8v12M12 21V5h8v16M2 21h20'
    'M7 12h2M7 16h2M15 8h2M15 12h2M15 16h2"/>',
    # Rain over waves.
    "floods": '<path d="M7 3v4M12 2v4M17 3v4M3 14c2-2 4-2 6 0s4 2 6 0 4-2 6 0'
    'M3 19c2-2 4-2 6 0s4 2 6 0 4-2 6 0"/>',
    # A tree and a bench.
    "parks_facilities": '<circle cx="8" cy="8" r="5"/><path d="M8 13v8M13 16h9M14 16v5M21 16v5M13 13h9"/>',
    # A wall with cracks and a stray line.
    "visual_distortion": '<rect x="3" y="4" width="18" height="16" rx="1"/><path d="M8 4l2 5-3 3 3 4-1 4'
    'M15 8l2 3-2 3"/>',
    # A car.
    "abandoned_vehicles": '<path d="M3 16v-4l2-5h14l2 5v4zM3 12h18"/><circle cx="7" cy="17" r="2"/>'
    '<circle cx="17" cy="17" r="2"/>',
    # A crescent.
    "burial": '<path d="M15 3a9 9 0 1 0 6 13A7 7 0 0 1 15 3z"/>',
    # A water drop and a lightning bolt.
    "partner_entities": '<path d="M8 3s-5 6-5 10a5 5 0 0 0 10 0c0-4-5-10-5-10zM17 3l-3 8h5l-3 8"/>',
    # Three dots in a speech bubble.
    "other": '<path d="M4 5h16v11H9l-5 4z"/><path d="M8 10.5h.01M12 10.5h.01M16 10.5h.01"/>',
}
# A question mark in a circle: "something else" and unknown codes.
_GENERIC = (
    '<circle cx="12" cy="12" r="9"/><path d="M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7M12 17h.01"/>'
)


def category_icon(code: str) -> SafeString:
    paths = mark_safe(_PATHS.get(code, _GENERIC))  # noqa: S308 - fixed markup from this module only
    return format_html(
        '<svg class="icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false" '
        'fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" '
        'stroke-linejoin="round">{}</svg>',
        paths,
    )
