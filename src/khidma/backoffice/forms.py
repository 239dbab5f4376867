from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from khidma.cases.models import Channel, Priority, Status
from khidma.core.languages import LANGUAGE_CODES
from khidma.organizations.models import CaseKind


class QueueFilters(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", "—"), *Status.choices])
    category = forms.CharField(label=_("Category"), required=False)
    area = forms.CharField(label=_("Area"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), required=False, choices=[("", "—"), *Channel.choices])
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", "—"), *[(c, c) for c in LANGUAGE_CODES]]
    )
    priority = forms.ChoiceField(label=_("Priority"), required=False, choices=[("", "—"), *Priority.choices])


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
    lat = forms.FloatField(label=_("Latitude"), required=False)
    lon = forms.FloatField(label=_("Longitude"), required=False)
    language = forms.ChoiceField(label=_("Caller's language"), required=False)
    principal_name = forms.CharField(label=_("Acting for (principal)"), required=False)
    principal_relationship = forms.CharField(label=_("Relationship"), required=False)
    authorization_document = forms.CharField(label=_("Authorization document"), required=False)

    def __init__(self, *args, categories=(), areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Let triage suggest")), *categories]
        self.fields["area"].choices = [("", "—"), *areas]
        from django.conf import settings

        self.fields["language"].choices = [("", _("Detect")), *settings.LANGUAGES]
