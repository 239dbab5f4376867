"""``{% if user|can_edit_content %}``: the back office asks content/access.py, never a copy of its rule."""

from django import template

from khidma.content import access

register = template.Library()


@register.filter
def can_edit_content(user) -> bool:
    return access.can_edit(user)
