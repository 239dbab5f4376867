"""Template filters of the back office: thin doors to ``backoffice.labels`` (words for codes)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from khidma.backoffice import labels
from khidma.backoffice.widgets import ReadableDateInput

register = template.Library()


@register.filter
def get_item(mapping: dict, key: str):
    return mapping.get(key, "")


@register.filter
def capped(count: int) -> str:
    from khidma.cases.queues import COUNT_CAP

    return f"{COUNT_CAP}+" if count > COUNT_CAP else str(count)


register.filter("sla_label", labels.sla_state_label)
register.filter("action_label", labels.action_label)
register.filter("language_name", labels.language_name)
register.filter("channel_label", labels.channel_label)
register.filter("status_label", labels.status_label)
register.filter("priority_label", labels.priority_label)
register.filter("event_actor", labels.event_actor)
register.filter("percent", labels.percent)
register.filter("name_in", labels.name_in)


@register.filter
def language_names(codes) -> str:
    """Languages named in words, in the page's language ("Urdu, Bengali"), never their codes."""
    return ", ".join(labels.language_name(code) for code in codes or ())


@register.filter
def can_manage_replies(user) -> bool:
    """The back office asks cases/access.py, never a copy of its rule."""
    from khidma.cases.access import can_manage_replies as allowed

    return allowed(user)


@register.filter
def person(user) -> str:
    """A colleague by full name, with the username on hover (people search the admin by it). Isolated, so an
    Arabic name in an English line (or the reverse) does not carry the words around it into its direction."""
    if user is None:
        return ""
    name = labels.person_name(user)
    if name == user.username:
        return format_html("<bdi>{}</bdi>", name)
    return format_html('<bdi title="{}">{}</bdi>', user.username, name)


@register.simple_tag
def date_input(name: str, value: object = None, *, required: bool = False) -> str:
    """A date field that says its date in the page's language (``ReadableDateInput``), for the pages that
    write their fields by hand."""
    return ReadableDateInput().render(name, value, attrs={"required": True} if required else {})
