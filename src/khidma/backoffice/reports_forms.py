"""The dashboard's and the season report's choice of period and filters (one form for both, and for the
exports: a report's URL is shareable and its export writes the same choice)."""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from khidma.backoffice.reports_present import language_name
from khidma.backoffice.widgets import ReadableDateInput
from khidma.cases.models import Channel
from khidma.organizations.models import CaseKind
from khidma.reports import periods
from khidma.reports.figures import ReportFilters
from khidma.reports.models import Season


class ReportForm(forms.Form):
    preset = forms.ChoiceField(label=_("Dates"), required=False, choices=list(periods.PRESETS.items()))
    season = forms.ChoiceField(label=_("Season"), required=False)
    start = forms.DateField(label=_("From"), required=False, widget=ReadableDateInput())
    end = forms.DateField(label=_("Until"), required=False, widget=ReadableDateInput())
    department = forms.ChoiceField(label=_("Department"), required=False)
    area = forms.ChoiceField(label=_("Area"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), required=False, choices=[("", "—"), *Channel.choices])
    language = forms.ChoiceField(label=_("Language"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", "—"), *CaseKind.choices])
    assignee = forms.TypedChoiceField(label=_("Staff member"), required=False, coerce=int, empty_value=None)

    # Shown at once; the narrowing filters sit under "More filters" (open when one is in use).
    MAIN = ("preset", "season", "start", "end")

    def __init__(self, *args, seasons=(), departments=(), areas=(), categories=(), people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.seasons: dict[str, Season] = {season.code: season for season in seasons}
        self.fields["season"].choices = [("", "—"), *((s.code, str(s)) for s in seasons)]
        self.fields["department"].choices = [("", "—"), *departments]
        self.fields["area"].choices = [("", "—"), *areas]
        self.fields["category"].choices = [("", "—"), *categories]
        self.fields["language"].choices = [
            ("", "—"),
            *((c, language_name(c)) for c, _n in settings.LANGUAGES),
        ]
        self.fields["assignee"].choices = [("", "—"), *((str(pk), name) for pk, name in people)]

    def main_fields(self):
        return [self[name] for name in self.MAIN]

    def more_fields(self):
        return [field for field in self if field.name not in self.MAIN]

    def more_in_use(self) -> bool:
        return any(self.data.get(field.name) for field in self.more_fields())

    def clean(self):
        data = super().clean()
        preset = data.get("preset") or ""
        if preset == "season" and not data.get("season"):
            self.add_error("season", _("Choose a season."))
        if preset == "custom":
            start, end = data.get("start"), data.get("end")
            if not start:
                self.add_error("start", _("Give the first day."))
            if not end:
                self.add_error("end", _("Give the last day."))
            if start and end and end < start:
                self.add_error("end", _("The end date is before the start date."))
            elif start and end and (end - start).days >= periods.MAX_DAYS:
                self.add_error("end", _("Choose at most two years."))
        return data

    def period(self, *, today: datetime.date, default: periods.Period) -> periods.Period:
        """The period chosen (call after is_valid()); ``default`` when none was."""
        data = self.cleaned_data
        preset = data.get("preset") or ("season" if data.get("season") else "")
        if preset == "season" and data.get("season") in self.seasons:
            return periods.season_period(self.seasons[data["season"]])
        if preset == "custom":
            return periods.Period("custom", data["start"], data["end"])
        if preset in {"today", "week", "hijri_month", "month"}:
            return periods.preset_period(preset, today=today)
        return default

    def filters(self) -> ReportFilters:
        data = self.cleaned_data
        return ReportFilters(
            department=data.get("department") or None,
            area=data.get("area") or None,
            channel=data.get("channel") or None,
            category=data.get("category") or None,
            language=data.get("language") or None,
            kind=data.get("kind") or None,
            assignee=data.get("assignee"),
        )
