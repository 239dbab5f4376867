"""The portal's forms: what was typed, checked so that every problem shows at once, in the reader's tongue."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from khidma.cases.intake import ADDRESS_MAX, DESCRIPTION_MAX
from khidma.core.phones import normalize_phone

MAX_PHOTOS = 3


class ReportForm(forms.Form):
    category = forms.ChoiceField(label=_("What is wrong?"), required=False)
    description = forms.CharField(
        label=_("Describe it"),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Please describe the problem.")},
    )
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)
    address = forms.CharField(label=_("Address or landmark"), required=False, max_length=ADDRESS_MAX)
    # The key of a place chosen among the suggestions (report.js); the server finds typed places itself.
    place = forms.CharField(required=False, max_length=80, widget=forms.HiddenInput)
    phone = forms.CharField(label=_("Mobile number (optional)"), required=False, max_length=40)
    # A fresh random key per form shown: pressing "send" twice (or reloading the POST) makes one report.
    submission = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = list(categories)
        self.fields["category"].choices = [("", "")] + [(c.code, c.code) for c in self.categories]

    def clean_phone(self) -> str:
        raw = self.cleaned_data.get("phone", "").strip()
        if not raw:
            return ""
        try:
            return normalize_phone(raw)
        except ValueError as exc:
            raise ValidationError(_("This phone number is not valid."), code="invalid_phone") from exc

    def clean(self):
        data = super().clean()
        if (data.get("lat") is None) != (data.get("lon") is None):
            data["lat"] = data["lon"] = None
        return data


class AreaLookupForm(forms.Form):
    """A place typed (an address, a landmark, a neighbourhood, or coordinates) or a point from the phone."""

    q = forms.CharField(label=_("Place, neighbourhood or landmark"), required=False, max_length=200)
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        has_point = data.get("lat") is not None and data.get("lon") is not None
        if not has_point:
            data["lat"] = data["lon"] = None
        if not has_point and not (data.get("q") or "").strip():
            raise ValidationError(_("Type a place, or use your location."), code="required")
        return data
