"""The words staff read for the codes the domain keeps. Every staff page turns a code (an action, a channel,
a language, a status, an event kind, a person's username, a vote, a triage score) into words here, in the
reader's language, so no template prints a code and no two pages name the same thing differently.

Model choices keep their own labels (``Status.label`` …); the functions below are how pages reach them, with
the cases the choices do not cover (an actor that is a channel or the system, a language by its name).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import get_language_info, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from khidma.accounts.models import User
from khidma.cases.deadlines import STATE_LABELS
from khidma.cases.models import CaseEvent, Channel, EventKind, Priority, Status
from khidma.core.languages import pick_name

ACTION_LABELS = {
    "take": gettext_lazy("Take this case"),
    "assign": gettext_lazy("Assign"),
    "unassign": gettext_lazy("Unassign"),
    "start": gettext_lazy("Start work"),
    "hold": gettext_lazy("Put on hold with a question"),
    "resume": gettext_lazy("Resume"),
    "resolve": gettext_lazy("Resolve"),
    "close": gettext_lazy("Close"),
    "reopen": gettext_lazy("Reopen"),
    "reject": gettext_lazy("Reject"),
    "duplicate": gettext_lazy("Mark as duplicate"),
    "refer": gettext_lazy("Refer to a partner"),
    "priority": gettext_lazy("Change priority"),
    "category": gettext_lazy("Change category"),
    "note": gettext_lazy("Add a note or reply"),
    "confirm-closure": gettext_lazy("Enter the closure code"),
    "new-code": gettext_lazy("Send a new closure code"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


def person_name(user: User | None) -> str:
    """A person as colleagues know them: the full name; the username only when no name was given."""
    if user is None:
        return ""
    return user.get_full_name() or user.username


def language_name(code: str) -> str:
    """A language by its name in the reader's language ("Urdu", "الأردية"), never its code."""
    if not code:
        return ""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return _("Other language")


def language_own_name(code: str) -> str:
    """A language by its own name ("اردو", "Bahasa Indonesia"), as a visitor recognises it at a counter."""
    if not code:
        return ""
    try:
        return str(get_language_info(code)["name_local"])
    except KeyError:
        return _("Other language")


def channel_label(code: str) -> str:
    return str(Channel(code).label) if code in Channel.values else _("Other channel")


def status_label(code: str) -> str:
    return str(Status(code).label) if code in Status.values else ""


def priority_label(code: str) -> str:
    return str(Priority(code).label) if code in Priority.values else ""


def sla_state_label(state: str) -> str:
    return str(STATE_LABELS.get(state, STATE_LABELS["none"]))


def event_label(kind: str) -> str:
    return str(EventKind(kind).label) if kind in EventKind.values else _("Change")


def event_actor(event: CaseEvent) -> str:
    """Who acted: a member of staff by name; a reporter by the channel they used; the system's own steps
    (triage, the service-level sweep) as Khidma."""
    if event.actor_id:
        return person_name(event.actor)
    if event.actor_label in Channel.values:
        return _("The reporter, by %(channel)s") % {"channel": channel_label(event.actor_label)}
    if event.kind in {EventKind.CLOSURE_CONFIRMED, EventKind.CLOSURE_REJECTED, EventKind.RATED}:
        return _("The reporter")
    return _("Khidma (automatic)")


def percent(share: float | None) -> str:
    """A model's confidence (0–1) as a whole percentage, the sign placed as the language places it."""
    if share is None:
        return ""
    return _("%(percent)d%%") % {"percent": round(100 * share)}


def named(options: Iterable[Mapping[str, Any]], names: Mapping[str, str]) -> list[dict[str, Any]]:
    """Triage's suggestions ({category, confidence}) with the category's name and the confidence as a
    percentage. Left out: a category the organization does not have (or no longer uses), which staff could
    not apply, and an alternative below half a per cent, which is no suggestion at all."""
    usable = [option for option in options if option.get("category") in names]
    return [
        {**option, "name": names[option["category"]], "percent": percent(option.get("confidence"))}
        for n, option in enumerate(usable)
        if n == 0 or (option.get("confidence") or 0) >= 0.005
    ]


def triage_options(triage: Any, names: Mapping[str, str]) -> list[dict[str, Any]]:
    """A case's stored triage result as applicable suggestions (best first)."""
    if triage is None or not triage.category:
        return []
    first = {"category": triage.category, "confidence": triage.confidence}
    return named([first, *(triage.alternatives or [])], names)


def category_names(categories: Iterable[Any], language: str | None = None) -> dict[str, str]:
    return {c.code: c.name_in(language) for c in categories}


def working_hours(seconds: int | None) -> dict[str, Any] | None:
    """Working time left before a target (negative: past it) as words and a signed whole number of hours.
    The number is shown isolated (``<bdi dir="ltr">``) so "−6" does not read "6-" in a right-to-left line;
    the minus is the real minus sign."""
    if seconds is None:
        return None
    hours = round(abs(seconds) / 3600)
    late = seconds < 0
    if late:
        text = ngettext("%(n)d working hour late", "%(n)d working hours late", hours) % {"n": hours}
    elif hours == 0:
        text = _("less than a working hour left")
    else:
        text = ngettext("%(n)d working hour left", "%(n)d working hours left", hours) % {"n": hours}
    return {
        "hours": hours,
        "late": late,
        "signed": f"−{hours}" if late and hours else str(hours),
        "text": text,
    }


def name_in(names: Mapping[str, str] | None, language: str | None = None) -> str:
    """A name kept per language ({"ar": …, "en": …}) in the reader's language."""
    return pick_name(names or {}, language)


# What each figure of the dashboard counted, when its link narrows a queue (cases.selectors.REPORT_FILTERS).
REPORT_FILTER_LABELS = {
    "open": _("Open"),
    "closed": _("Closed"),
    "confirmed": _("Closure confirmed by the reporter"),
    "unconfirmed": _("Closed without the reporter's answer"),
    "closed_by_staff": _("Closed by staff"),
    "reopened": _("Reopened at least once"),
    "first_response_met": _("First response within target"),
    "first_response_missed": _("First response late"),
    "first_response_overdue": _("First response overdue"),
    "resolution_met": _("Resolved within target"),
    "resolution_missed": _("Resolved late"),
    "resolution_breached": _("Open past the resolution target"),
}
