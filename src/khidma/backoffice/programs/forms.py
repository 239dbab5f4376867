"""The programs' back-office forms: what each screen accepts, parsed and checked for shape. Choices come from
the person's own organization (passed in by the view from selectors); what the records may become is left
to the domain services, whose refusals the screens show in the person's language."""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from khidma.core.errors import FieldError
from khidma.core.languages import LANGUAGE_CODES
from khidma.programs.models import EligibilityReason, PersonRole, Recommendation, WalkInService
from khidma.programs.schedules import DAY_KEYS

_HH_MM = ["%H:%M", "%H:%M:%S"]


def field_errors(form: forms.Form) -> list[FieldError]:
    """The form's problems in the shape the domain's refusals have, so one template shows both."""
    return [
        FieldError(field if field != "__all__" else "", error.code or "invalid", message)
        for field, errors in form.errors.as_data().items()
        for error in errors
        for message in error.messages
    ]


def lines(text: str) -> list[str]:
    """Names typed one per line or separated by commas."""
    return [part.strip() for part in (text or "").replace(",", "\n").splitlines() if part.strip()]


class _LocalTimes(forms.Form):
    """A form whose date and times are local to the organization (``tz``)."""

    def __init__(self, *args: Any, tz: zoneinfo.ZoneInfo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tz = tz

    def local(self, day: datetime.date | None, time: datetime.time | None) -> datetime.datetime | None:
        if day is None or time is None:
            return None
        return datetime.datetime.combine(day, time, tzinfo=self.tz)


# --- Counters and mobile units ----------------------------------------------------------------------------


class WalkInForm(_LocalTimes):
    service = forms.ChoiceField(label=_("Service"), choices=WalkInService.choices)
    language = forms.ChoiceField(label=_("Language"), choices=[(c, c) for c in LANGUAGE_CODES])
    category = forms.ChoiceField(label=_("Category"), required=False)
    case = forms.CharField(label=_("Case reference (optional)"), required=False, max_length=40)
    time = forms.TimeField(
        label=_("Time (empty: now)"),
        required=False,
        input_formats=_HH_MM,
        error_messages={"invalid": _("Give the time as HH:MM.")},
    )
    note = forms.CharField(label=_("Note"), required=False)
    service_point = forms.CharField(label=_("Service point"), required=False)

    def __init__(
        self,
        *args: Any,
        points: Iterable[str],
        categories: Iterable[tuple[str, str]],
        post: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.points, self.post = set(points), post
        self.fields["category"].choices = [("", "—"), *categories]

    def clean_service_point(self) -> str:
        """The person's post unless they chose another point they may record at."""
        code = self.cleaned_data.get("service_point") or self.post
        if code not in self.points:
            raise forms.ValidationError(_("Choose the service point."), code="required")
        return code

    def at(self, today: datetime.date) -> datetime.datetime | None:
        """The time typed, today, in local time; None: now."""
        return self.local(today, self.cleaned_data.get("time"))


class VolumeForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False)
    end = forms.DateField(label=_("To"), required=False)
    service_point = forms.CharField(label=_("Service point"), required=False)


class StopForm(forms.Form):
    unit = forms.ChoiceField(label=_("Unit"), error_messages={"required": _("Choose the mobile unit.")})
    place = forms.CharField(label=_("Place (park)"), required=False, max_length=200)
    # Coordinates the domain checks (inside the area served); a malformed number is simply missing.
    lat = forms.CharField(label=_("Latitude"), required=False)
    lon = forms.CharField(label=_("Longitude"), required=False)
    weekdays = forms.MultipleChoiceField(
        label=_("Every week on"), required=False, choices=[(d, d) for d in DAY_KEYS]
    )
    date = forms.DateField(label=_("or on one date"), required=False)
    starts = forms.TimeField(label=_("From"), required=False, input_formats=_HH_MM)
    ends = forms.TimeField(label=_("Until"), required=False, input_formats=_HH_MM)
    valid_from = forms.DateField(label=_("Valid from"), required=False)
    valid_until = forms.DateField(label=_("Valid until"), required=False)

    def __init__(self, *args: Any, units: Iterable[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = list(units)
        self.fields["unit"].error_messages["invalid_choice"] = _("Choose the mobile unit.")

    def coordinates(self) -> tuple[float | None, float | None]:
        try:
            return float(self.cleaned_data["lat"]), float(self.cleaned_data["lon"])
        except (TypeError, ValueError):
            return None, None

    def place_names(self, language: str) -> dict[str, str]:
        name = self.cleaned_data["place"].strip()
        return {language: name} if name else {}


class StopRemoveForm(forms.Form):
    deactivate = forms.IntegerField(min_value=1)


# --- Home visits ------------------------------------------------------------------------------------------


class EligibilityForm(forms.Form):
    case = forms.CharField(label=_("Case reference"), max_length=40)
    reason = forms.ChoiceField(label=_("Reason"), choices=EligibilityReason.choices)
    note = forms.CharField(label=_("Note"), required=False)


class ScheduleForm(_LocalTimes):
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        error_messages={"required": _("Choose a team."), "invalid_choice": _("Choose a team.")},
    )
    date = forms.DateField(label=_("Date"), required=False)
    starts = forms.TimeField(label=_("From"), required=False, input_formats=_HH_MM)
    ends = forms.TimeField(label=_("Until"), required=False, input_formats=_HH_MM)

    def __init__(self, *args: Any, teams: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["starts_at"] = self.local(data.get("date"), data.get("starts"))
        data["ends_at"] = self.local(data.get("date"), data.get("ends"))
        if "team" in data and (data["starts_at"] is None or data["ends_at"] is None):
            raise forms.ValidationError(_("Give the date and the window's start and end."), code="invalid")
        return data


class CompleteVisitForm(forms.Form):
    work_done = forms.CharField(label=_("What was done"), required=False)
    documents = forms.CharField(label=_("Documents collected (one per line)"), required=False)

    def clean_documents(self) -> list[str]:
        return lines(self.cleaned_data["documents"])


class TeamWeekForm(forms.Form):
    start = forms.DateField(required=False)


# --- Proxy services ---------------------------------------------------------------------------------------


class AuthorizationForm(forms.Form):
    principal_name = forms.CharField(label=_("Principal"), required=False)
    principal_phone = forms.CharField(label=_("Principal's phone"), required=False)
    relationship = forms.CharField(label=_("Relationship to the principal"), required=False)
    document_reference = forms.CharField(label=_("Authorization document"), required=False)
    expires_on = forms.DateField(label=_("Expires on"), required=False)
    proxy = forms.ModelChoiceField(
        label=_("Proxy employee"),
        queryset=None,
        required=False,
        to_field_name="username",
        error_messages={"invalid_choice": _("Unknown user.")},
    )

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proxy"].queryset = candidates


# --- Association requests and committees ------------------------------------------------------------------


class DocumentsForm(forms.Form):
    documents = forms.CharField(label=_("Documents (one per line)"), required=False)

    def clean_documents(self) -> list[str]:
        return lines(self.cleaned_data["documents"])


class ResearchForm(forms.Form):
    assessment = forms.CharField(label=_("Assessment"), required=False)
    recommendation = forms.ChoiceField(label=_("Recommendation"), choices=Recommendation.choices)


class RegisterForm(forms.Form):
    registration_number = forms.CharField(label=_("Registration number"), required=False)


class DeliverForm(forms.Form):
    note = forms.CharField(label=_("What was delivered"), required=False)


class EmptyForm(forms.Form):
    """A step with nothing to fill in (the completeness check)."""


class ApplicationFilterForm(forms.Form):
    status = forms.CharField(required=False)


class MeetingForm(_LocalTimes):
    title = forms.CharField(label=_("Title"), required=False)
    committee = forms.ModelChoiceField(
        label=_("Committee"),
        queryset=None,
        required=False,
        error_messages={"invalid_choice": _("Choose the committee that meets.")},
    )
    date = forms.DateField(label=_("Date"), required=False)
    time = forms.TimeField(label=_("Time"), required=False, input_formats=_HH_MM)

    def __init__(self, *args: Any, committees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["held_at"] = self.local(data.get("date"), data.get("time"))
        if data["held_at"] is None:
            raise forms.ValidationError(_("Give the meeting's date and time."), code="invalid")
        return data


class ApplicationChoiceForm(forms.Form):
    """One file of a list: to put on the agenda."""

    application = forms.ModelChoiceField(
        label=_("Application"),
        queryset=None,
        error_messages={
            "required": _("Choose an application."),
            "invalid_choice": _("Choose an application."),
        },
    )

    def __init__(self, *args: Any, applications: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications


class VoteForm(ApplicationChoiceForm):
    vote = forms.ChoiceField(label=_("Vote"), choices=Recommendation.choices)


class DecideForm(forms.Form):
    """The decisions on a meeting's agenda: per file, whether to decide it now, the recorded decision (empty:
    the members' majority) and the reasons; and the minutes."""

    minutes = forms.CharField(label=_("Minutes of the meeting"), required=False)

    def __init__(self, *args: Any, agenda: list, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agenda = agenda
        for application in agenda:
            self.fields[f"include_{application.pk}"] = forms.BooleanField(required=False)
            self.fields[f"decision_{application.pk}"] = forms.ChoiceField(
                required=False, choices=[("", "—"), *Recommendation.choices]
            )
            self.fields[f"reasons_{application.pk}"] = forms.CharField(required=False)

    def typed(self, application: Any) -> dict[str, Any]:
        """What was typed for one file, to show again (every file is included on a fresh form)."""
        if not self.is_bound:
            return {"include": True, "decision": "", "reasons": ""}
        return {
            "include": bool(self[f"include_{application.pk}"].value()),
            "decision": self[f"decision_{application.pk}"].value() or "",
            "reasons": self[f"reasons_{application.pk}"].value() or "",
        }

    def decisions(self) -> list[tuple[Any, str | None, str]]:
        """(application, decision or None, reasons) for each file included."""
        data = self.cleaned_data
        return [
            (a, data[f"decision_{a.pk}"] or None, data[f"reasons_{a.pk}"])
            for a in self.agenda
            if data[f"include_{a.pk}"]
        ]


# --- Taking an application in -------------------------------------------------------------------------------

# How a member reaches the association, as the researcher would say it (stored as the case's channel).
INTAKE_CHANNELS = (
    ("counter", _("Came in person")),
    ("phone_940", _("Called by phone")),
    ("letter", _("Sent a letter")),
)


class IntakeLookupForm(forms.Form):
    """The first steps, by plain links and GET forms: find the person, choose the request type."""

    q = forms.CharField(required=False, max_length=100)
    person = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)
    type = forms.CharField(required=False, max_length=64)


class IntakeForm(forms.Form):
    """The application itself: a new person's details (when none was found), how they came, what they ask
    for, the documents they brought (ticked, or named in any language), and their declaration."""

    name = forms.CharField(label=_("Full name"), required=False, max_length=200)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=30)
    role = forms.ChoiceField(
        label=_("Registered as"), choices=PersonRole.choices, initial=PersonRole.MEMBER, required=False
    )
    channel = forms.ChoiceField(label=_("How they came"), choices=INTAKE_CHANNELS, initial="counter")
    service_point = forms.ChoiceField(label=_("Service point"), required=False)
    description = forms.CharField(label=_("What they ask for (optional)"), required=False)
    documents = forms.MultipleChoiceField(label=_("Documents handed in"), required=False)
    other_documents = forms.CharField(label=_("Other documents handed in"), required=False)
    declaration = forms.BooleanField(label=_("The applicant declares that the data is true"), required=False)

    def __init__(
        self,
        *args: Any,
        items: Iterable[tuple[str, str]],
        points: Iterable[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["documents"].choices = list(items)
        self.fields["service_point"].choices = [("", "—"), *points]

    def handed_in(self) -> list[str]:
        """Ticked items, then the names typed (the service ticks the items those names name)."""
        return [*self.cleaned_data["documents"], *lines(self.cleaned_data["other_documents"])]


class FileForm(forms.Form):
    """A document handed in as a file, with the checklist item it satisfies."""

    file = forms.FileField(label=_("File (PDF, JPEG or PNG)"), required=False)
    item = forms.ChoiceField(label=_("Checklist item"), required=False)

    def __init__(self, *args: Any, items: Iterable[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [*items, ("", _("Another document"))]


# --- Committees ---------------------------------------------------------------------------------------------


class CommitteeForm(forms.Form):
    name = forms.CharField(label=_("Committee"), required=False)
    quorum = forms.IntegerField(label=_("Quorum"), required=False)


class QuorumForm(forms.Form):
    committee = forms.IntegerField(min_value=1, max_value=2**63 - 1)
    quorum = forms.IntegerField(label=_("Quorum"), required=False)
