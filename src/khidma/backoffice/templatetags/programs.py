"""Words for the programs' screens: people by their full name (username on hover), languages by name."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language_info

register = template.Library()


@register.filter
def staff_name(user) -> str:
    """A member of staff by full name, with the username for those who need it on hover."""
    if user is None:
        return "—"
    return format_html('<span title="{}">{}</span>', user.username, user.get_full_name() or user.username)


@register.filter
def language_name(code: str) -> str:
    """A language by its own name (العربية, English, اردو…), as people recognise it."""
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code
