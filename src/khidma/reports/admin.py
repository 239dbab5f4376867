"""Seasons in the admin: organization administrators name their seasons by Hijri dates; saving works out the
Gregorian days (reports.seasons.season_save). The published open-data files are listed for reference."""

from __future__ import annotations

from django import forms
from django.contrib import admin

from khidma.core.admin import OrgScopedAdmin
from khidma.core.errors import DomainError
from khidma.reports.models import OpenDataFile, Season
from khidma.reports.seasons import season_check, season_save


class SeasonForm(forms.ModelForm):
    class Meta:
        model = Season
        fields = [
            "organization",
            "kind",
            "code",
            "names",
            "start_year",
            "start_month",
            "start_day",
            "end_year",
            "end_month",
            "end_day",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].required = False
        self.fields["code"].help_text = "hajj-1447, ramadan-1447… (empty: the kind and the first day's year)"


@admin.register(Season)
class SeasonAdmin(OrgScopedAdmin):
    form = SeasonForm
    list_display = ("code", "__str__", "kind", "starts_on", "ends_on", "organization")
    list_filter = ("kind", "organization")
    readonly_fields = ("starts_on", "ends_on")

    def save_model(self, request, obj, form, change):
        # The service computes the Gregorian days; the form checked the dates with the same rules.
        data = form.cleaned_data
        saved = season_save(
            organization=data.get("organization") or request.user.organization,
            kind=data["kind"],
            code=data.get("code") or "",
            names=data.get("names") or {},
            start=(data["start_year"], data["start_month"], data["start_day"]),
            end=(data["end_year"], data["end_month"], data["end_day"]),
            season=obj if change else None,
        )
        obj.pk, obj.starts_on, obj.ends_on = saved.pk, saved.starts_on, saved.ends_on

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)
        admin_user = request.user

        class Checked(form_class):
            def clean(self):
                data = super().clean()
                organization = data.get("organization") or getattr(admin_user, "organization", None)
                if organization is None or self.errors:
                    return data
                try:
                    season_check(
                        organization=organization,
                        kind=data.get("kind", ""),
                        code=data.get("code") or "",
                        start=(data.get("start_year"), data.get("start_month"), data.get("start_day")),
                        end=(data.get("end_year"), data.get("end_month"), data.get("end_day")),
                        season=obj,
                    )
                except DomainError as exc:
                    for error in exc.errors:
                        field = {"start": "start_day", "end": "end_day"}.get(error.field, error.field)
                        self.add_error(field if field in self.fields else None, str(error.message))
                return data

        return Checked


@admin.register(OpenDataFile)
class OpenDataFileAdmin(OrgScopedAdmin):
    list_display = ("day", "format", "rows", "size", "created_at", "organization")
    list_filter = ("format", "organization")
    readonly_fields = ("organization", "day", "format", "file", "rows", "size", "sha256", "created_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
