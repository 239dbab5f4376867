"""Seasons, the reporting row kept for every case, and the open-data files published per day."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from khidma.cases.models import Case
from khidma.core import clock
from khidma.organizations.models import Area, Category, Department, NamedMixin, Organization, ServicePoint


class Season(NamedMixin):
    """A named range of Hijri dates (Hajj 1447: 1–15 Dhu al-Hijjah 1447), with its Gregorian dates worked out
    on the Umm al-Qura calendar when it is saved (reports/seasons.py)."""

    class Kind(models.TextChoices):
        HAJJ = "hajj", _("Hajj")
        RAMADAN = "ramadan", _("Ramadan")
        UMRAH = "umrah", _("Umrah")
        OTHER = "other", _("Other")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, verbose_name=_("organization"))
    code = models.SlugField(_("code"), max_length=64)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.OTHER)
    start_year = models.PositiveSmallIntegerField(_("first day: Hijri year"))
    start_month = models.PositiveSmallIntegerField(_("first day: Hijri month"))
    start_day = models.PositiveSmallIntegerField(_("first day: day of the month"))
    end_year = models.PositiveSmallIntegerField(_("last day: Hijri year"))
    end_month = models.PositiveSmallIntegerField(_("last day: Hijri month"))
    end_day = models.PositiveSmallIntegerField(_("last day: day of the month"))
    # Umm al-Qura dates, both days included; written by reports.seasons.season_save, never typed.
    starts_on = models.DateField(_("first day"), editable=False)
    ends_on = models.DateField(_("last day"), editable=False)

    class Meta:
        verbose_name = _("season")
        verbose_name_plural = _("seasons")
        ordering = ["organization", "-starts_on"]
        constraints = [models.UniqueConstraint(fields=["organization", "code"], name="season_code_per_org")]
        indexes = [models.Index(fields=["organization", "kind", "starts_on"], name="season_org_kind_start")]


class CaseFact(models.Model):
    """What the dashboard, the season reports and the statistics API count, one row per case: the case's
    dimensions, the answers to each drill-down filter (computed with the very conditions the staff queue
    applies, cases.selectors.REPORT_FILTERS) and its durations in elapsed and working time.

    Kept up to date by the worker from the case events (reports/facts.py), so a page counts a narrow table
    by an indexed day instead of the wide case table, and working time (which needs each case's calendar) is
    computed once per change, not once per page view. Column names follow the case's own where the access
    rule reads them, so ``cases.access.case_visibility_q`` applies to these rows unchanged.
    """

    case = models.OneToOneField(Case, primary_key=True, on_delete=models.CASCADE, related_name="report_fact")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, db_index=False)
    received_at = models.DateTimeField()
    # The day and hour the case was received, in the organization's time zone.
    received_on = models.DateField()
    hour = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20)
    channel = models.CharField(max_length=20)
    language = models.CharField(max_length=8)
    status = models.CharField(max_length=20)
    category = models.ForeignKey(
        Category, null=True, on_delete=models.SET_NULL, db_index=False, related_name="+"
    )
    department = models.ForeignKey(
        Department, null=True, on_delete=models.SET_NULL, db_index=False, related_name="+"
    )
    area = models.ForeignKey(Area, null=True, on_delete=models.SET_NULL, db_index=False, related_name="+")
    service_point = models.ForeignKey(
        ServicePoint, null=True, on_delete=models.SET_NULL, db_index=False, related_name="+"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, db_index=False, related_name="+"
    )
    womens_section = models.BooleanField(default=False)
    # One column per drill-down filter (cases.selectors.REPORT_FILTERS): true when the queue lists the case.
    is_open = models.BooleanField(default=False)
    is_closed = models.BooleanField(default=False)
    confirmed = models.BooleanField(default=False)
    unconfirmed = models.BooleanField(default=False)
    closed_by_staff = models.BooleanField(default=False)
    reopened = models.BooleanField(default=False)
    first_response_met = models.BooleanField(default=False)
    first_response_missed = models.BooleanField(default=False)
    first_response_overdue = models.BooleanField(default=False)
    resolution_met = models.BooleanField(default=False)
    resolution_missed = models.BooleanField(default=False)
    resolution_breached = models.BooleanField(default=False)
    rating = models.PositiveSmallIntegerField(null=True)
    # Seconds from receipt to the first human answer and to closure: elapsed, and working time on the case's
    # service-level calendar (NULL without a calendar, or before it happened).
    first_response_seconds = models.PositiveIntegerField(null=True)
    first_response_work_seconds = models.PositiveIntegerField(null=True)
    close_seconds = models.PositiveIntegerField(null=True)
    close_work_seconds = models.PositiveIntegerField(null=True)
    # The cell of the hotspot grid the case lies in (reports/hotspots.py); NULL without a location.
    cell_y = models.IntegerField(null=True)
    cell_x = models.IntegerField(null=True)
    # The newest event of the case when this row was computed: a newer event makes the row stale.
    last_event_id = models.BigIntegerField(default=0)
    refreshed_at = models.DateTimeField(default=clock.now)

    class Meta:
        indexes = [models.Index(fields=["organization", "received_on"], name="fact_org_received_on")]

    def __str__(self) -> str:
        return f"{self.case_id} ({self.received_on})"


class FactDay(models.Model):
    """One day's counts of one organization, per value of one dimension: the reporting rows (``CaseFact``)
    of the cases received that day, summed (reports/summary.py). A report over many days adds up a few
    hundred of these rows a day instead of counting every case's row again.

    ``dimension`` is ``all`` (one row: the day's totals), a breakdown's dimension (``channel``,
    ``category``… with ``value`` the code or id as text, NULL when the case has none), ``hour`` (of the
    day), or a duration column (``first_response_seconds``…) with ``value`` the number of its bucket
    (reports.summary.BOUNDS) and ``received`` the cases whose duration falls in it. Rows are kept apart by
    the women's-section flag so the access rule applies to them. The worker rewrites a day's rows whenever
    it refreshes the reporting row of a case received that day, in the same transaction.
    """

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, db_index=False)
    received_on = models.DateField()
    womens_section = models.BooleanField(default=False)
    dimension = models.CharField(max_length=32)
    # NULL (not ""): a case without a category differs from a code that is empty.
    value = models.CharField(max_length=64, null=True)  # noqa: DJ001
    received = models.PositiveIntegerField(default=0)
    is_open = models.PositiveIntegerField(default=0)
    is_closed = models.PositiveIntegerField(default=0)
    confirmed = models.PositiveIntegerField(default=0)
    unconfirmed = models.PositiveIntegerField(default=0)
    closed_by_staff = models.PositiveIntegerField(default=0)
    reopened = models.PositiveIntegerField(default=0)
    first_response_met = models.PositiveIntegerField(default=0)
    first_response_missed = models.PositiveIntegerField(default=0)
    first_response_overdue = models.PositiveIntegerField(default=0)
    resolution_met = models.PositiveIntegerField(default=0)
    resolution_missed = models.PositiveIntegerField(default=0)
    resolution_breached = models.PositiveIntegerField(default=0)
    rated = models.PositiveIntegerField(default=0)
    rating_sum = models.PositiveIntegerField(default=0)
    rating_1 = models.PositiveIntegerField(default=0)
    rating_2 = models.PositiveIntegerField(default=0)
    rating_3 = models.PositiveIntegerField(default=0)
    rating_4 = models.PositiveIntegerField(default=0)
    rating_5 = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["organization", "received_on"], name="factday_org_received_on")]

    def __str__(self) -> str:
        return f"{self.organization_id} {self.received_on} {self.dimension}={self.value}"


class RefreshMark(models.Model):
    """How far the worker has read the case events (reports/facts.py)."""

    name = models.CharField(max_length=32, unique=True)
    event_id = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(default=clock.now)

    def __str__(self) -> str:
        return f"{self.name}: {self.event_id}"


def open_data_path(instance: OpenDataFile, filename: str) -> str:
    return f"open-data/{instance.organization.slug}/{instance.day.isoformat()}.{instance.format}"


class OpenDataFile(models.Model):
    """One day's published reports in one format. Written once, after the day is over, and never again."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        GEOJSON = "geojson", "GeoJSON"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE)
    day = models.DateField()
    format = models.CharField(max_length=8, choices=Format.choices)
    file = models.FileField(upload_to=open_data_path, max_length=300)
    rows = models.PositiveIntegerField()
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("open-data file")
        verbose_name_plural = _("open-data files")
        ordering = ["organization", "-day", "format"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "day", "format"], name="open_data_file_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.organization_id}/{self.day}.{self.format}"
