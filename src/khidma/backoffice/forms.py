from __future__ import annotations

import json

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from khidma.backoffice import labels
from khidma.backoffice.labels import REPORT_FILTER_LABELS
from khidma.backoffice.widgets import ReadableDateInput
from khidma.cases.deadlines import STATE_LABELS
from khidma.cases.models import Channel, Priority, Status
from khidma.cases.queues import ORDERS
from khidma.core import validation
from khidma.core.languages import LANGUAGE_CODES
from khidma.organizations.models import CaseKind


class QueueFilters(forms.Form):
    """Narrowing a queue. Choices are the person's own organization's categories, areas and points."""

    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", "—"), *Status.choices])
    category = forms.ChoiceField(label=_("Category"), required=False)
    area = forms.ChoiceField(label=_("Area"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), required=False, choices=[("", "—"), *Channel.choices])
    language = forms.ChoiceField(label=_("Language"), required=False)
    priority = forms.ChoiceField(label=_("Priority"), required=False, choices=[("", "—"), *Priority.choices])
    sla_state = forms.ChoiceField(label=_("Service level"), required=False)
    service_point = forms.ChoiceField(label=_("Service point"), required=False)
    received_from = forms.DateField(label=_("Received from"), required=False, widget=ReadableDateInput())
    received_to = forms.DateField(label=_("Received until"), required=False, widget=ReadableDateInput())
    order = forms.ChoiceField(label=_("Order"), required=False, choices=list(ORDERS.items()))
    # The dashboard's links narrow a queue to exactly the cases a figure counted (cases.selectors).
    department = forms.ChoiceField(label=_("Department"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", "—"), *CaseKind.choices])
    assignee = forms.TypedChoiceField(label=_("Assigned to"), required=False, coerce=int, empty_value=None)
    outcome = forms.ChoiceField(
        label=_("Counted as"), required=False, choices=[("", "—"), *REPORT_FILTER_LABELS.items()]
    )
    rating = forms.TypedChoiceField(
        label=_("Rating"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—"), *((str(n), str(n)) for n in range(1, 6))],
    )
    hour = forms.TypedChoiceField(
        label=_("Hour received"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—"), *((str(n), f"{n:02d}:00–{n:02d}:59") for n in range(24))],
    )
    bbox = forms.CharField(label=_("Place (map cell)"), required=False, widget=forms.HiddenInput)

    # Shown at once; the others sit under "More filters" (open when one of them is in use).
    MAIN = ("q", "status", "category", "area", "order")

    def __init__(
        self,
        *args,
        categories=(),
        areas=(),
        service_points=(),
        departments=(),
        people=(),
        default_order="urgency",
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.fields["order"].initial = default_order
        if self.is_bound and not self.data.get("order"):
            self.data = self.data.copy()  # the select shows the queue's own order, not the first choice
            self.data["order"] = default_order
        # Languages by their names in the reader's language, in the order the organization lists them.
        self.fields["language"].choices = [("", "—"), *((c, labels.language_name(c)) for c in LANGUAGE_CODES)]
        self.fields["category"].choices = [("", "—"), *categories]
        self.fields["area"].choices = [("", "—"), *areas]
        self.fields["service_point"].choices = [("", "—"), *service_points]
        self.fields["department"].choices = [("", "—"), *departments]
        self.fields["assignee"].choices = [("", "—"), *((str(pk), name) for pk, name in people)]
        self.fields["sla_state"].choices = [
            ("", "—"),
            *((k, v) for k, v in STATE_LABELS.items() if k != "paused"),
        ]

    def main_fields(self):
        return [self[name] for name in self.MAIN]

    def more_fields(self):
        return [field for field in self if field.name not in self.MAIN]

    def more_in_use(self) -> bool:
        return any(self.data.get(field.name) for field in self.more_fields())

    def clean(self):
        data = super().clean()
        start, end = data.get("received_from"), data.get("received_to")
        for error in validation.date_errors(received_from=start, received_to=end):
            self.add_error(error.field, error.message)
            data.pop(error.field, None)
        start, end = data.get("received_from"), data.get("received_to")
        if start and end and end < start:
            self.add_error("received_to", _("The end date is before the start date."))
        return data

    def clean_bbox(self) -> tuple[float, float, float, float] | None:
        """South, west, north and east as the dashboard writes them ("21.417,39.825,21.42,39.828")."""
        text = self.cleaned_data.get("bbox", "").strip()
        if not text:
            return None
        try:
            south, west, north, east = (float(part) for part in text.split(","))
        except ValueError as exc:
            raise forms.ValidationError(_("This place is not a map cell."), code="invalid") from exc
        if not (-90 <= south < north <= 90 and -180 <= west < east <= 180):
            raise forms.ValidationError(_("This place is not a map cell."), code="invalid")
        return (south, west, north, east)


class ConsoleForm(forms.Form):
    """What an agent types while on the phone or at the counter."""

    phone = forms.CharField(label=_("Caller's phone"), required=False)
    name = forms.CharField(label=_("Caller's name"), required=False)
    description = forms.CharField(label=_("What is the problem?"), widget=forms.Textarea(attrs={"rows": 4}))
    kind = forms.ChoiceField(label=_("Kind"), choices=CaseKind.choices, initial=CaseKind.REPORT)
    category = forms.ChoiceField(label=_("Category"), required=False)
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices, initial=Priority.NORMAL)
    area = forms.ChoiceField(label=_("Area"), required=False)
    address = forms.CharField(label=_("Address or landmark"), required=False)
    # A gazetteer place chosen among the suggestions that appear as the address is typed.
    place = forms.CharField(required=False, max_length=80, widget=forms.HiddenInput)
    lat = forms.FloatField(label=_("Latitude"), required=False)
    lon = forms.FloatField(label=_("Longitude"), required=False)
    language = forms.ChoiceField(label=_("Caller's language"), required=False)
    principal_name = forms.CharField(label=_("Acting for (principal)"), required=False)
    principal_relationship = forms.CharField(label=_("Relationship"), required=False)
    authorization_document = forms.CharField(label=_("Authorization document"), required=False)
    channel = forms.ChoiceField(label=_("Received through"), choices=Channel.choices, required=False)
    womens_section = forms.BooleanField(label=_("For the women's section"), required=False)

    def __init__(
        self, *args, categories=(), areas=(), post_channel: str | None = None, area_points=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        # The post's own channel unless the agent says otherwise (a letter, an email); without a post, say it.
        self.fields["channel"].initial = post_channel
        self.fields["channel"].required = post_channel is None
        if post_channel is None:
            self.fields["channel"].choices = [("", "—"), *Channel.choices]
        self.fields["category"].choices = [("", _("Let triage suggest")), *categories]
        self.fields["area"].choices = [("", "—"), *areas]
        # Choosing an area moves the map's pin to it and fills in the point (backoffice.js); without
        # JavaScript the server does the same when the case is created (backoffice/places.py).
        self.fields["area"].widget.attrs["data-points"] = json.dumps(area_points or {})
        from django.conf import settings

        self.fields["language"].choices = [("", _("Detect")), *settings.LANGUAGES]
        # Partial updates while the agent types (htmx): triage's suggestion and the caller's earlier cases.
        self.fields["description"].widget.attrs.update(
            {
                "hx-post": reverse("backoffice:console-suggest"),
                "hx-trigger": "keyup changed delay:600ms",
                "hx-target": "#suggestion",
                "hx-swap": "outerHTML",
            }
        )
        self.fields["address"].widget.attrs.update(
            {
                "hx-get": reverse("backoffice:console-places"),
                # "input", not "keyup": text from an input method or a phone's keyboard sends no key events.
                "hx-trigger": "input changed delay:300ms",
                "hx-target": "#place-suggestions",
                "hx-swap": "outerHTML",
                "autocomplete": "off",
            }
        )
        self.fields["phone"].widget.attrs.update(
            {
                "hx-get": reverse("backoffice:console-history"),
                "hx-trigger": "keyup changed delay:500ms",
                "hx-target": "#history",
                "hx-swap": "outerHTML",
                "inputmode": "tel",
                "autocomplete": "off",
            }
        )
