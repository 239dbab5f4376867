"""Form widgets of the back office."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.urls import reverse

from khidma.core.templatetags.khidma_format import dual_date


def _as_date(value: object) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value or "").strip())
    except ValueError:
        return None


class ReadableDateInput(forms.DateInput):
    """A date field that also says the chosen date in the page's language, with its Hijri date.

    The browser draws a date field in its own locale, not the page's: an Arabic page in an English browser
    shows "12/06/2026", which reads as 12 June here. The line beside the field says "الأحد 6 ديسمبر 2026 ·
    25 جمادى الآخرة 1448هـ" — from the server when the page is drawn, and again (htmx) whenever the date is
    changed, from the same formatter as every other date on the page. The value sent stays ISO 8601."""

    input_type = "date"
    template_name = "backoffice/widgets/readable_date.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].update(
            {
                "hx-get": reverse("backoffice:date-reading"),
                "hx-trigger": "change",
                "hx-target": "next .date-reading",
                "hx-sync": "this:replace",
            }
        )
        context["reading"] = date_reading(value)
        return context


def date_reading(value: object) -> str:
    """The words ``ReadableDateInput`` shows for ``value`` (a date, or an ISO date as the browser sends
    it), or "" for anything else."""
    day = _as_date(value)
    return dual_date(day) if day else ""
