"""Words for the programs' screens: people by their full name (username on hover), languages by their own
name. The words come from ``backoffice.labels``, like every other staff page's."""

from __future__ import annotations

from django import template

from khidma.backoffice import labels
from khidma.backoffice.templatetags.backoffice import person

register = template.Library()


@register.filter
def staff_name(user) -> str:
    """A member of staff by full name, with the username for those who need it on hover."""
    return person(user) if user is not None else "—"


register.filter("language_name", labels.language_own_name)
