from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict, key: str):
    return mapping.get(key, "")


@register.filter
def capped(count: int) -> str:
    from khidma.cases.queues import COUNT_CAP

    return f"{COUNT_CAP}+" if count > COUNT_CAP else str(count)


@register.filter
def sla_label(state: str) -> str:
    from khidma.cases.deadlines import STATE_LABELS

    return str(STATE_LABELS.get(state, state))


@register.filter
def action_label(action: str) -> str:
    from khidma.backoffice.labels import ACTION_LABELS

    return str(ACTION_LABELS.get(action, action))


@register.filter
def can_manage_replies(user) -> bool:
    """The back office asks cases/access.py, never a copy of its rule."""
    from khidma.cases.access import can_manage_replies as allowed

    return allowed(user)
