"""Organizations and the things each one owns: departments, areas, service points and categories.

Every row outside this module belongs to exactly one Organization; selectors always filter by it.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from khidma.core import clock, geo
from khidma.core.languages import Name, pick


class CaseKind(models.TextChoices):
    REPORT = "report", _("Report")
    COMPLAINT = "complaint", _("Complaint")
    INQUIRY = "inquiry", _("Inquiry")
    SUGGESTION = "suggestion", _("Suggestion")
    PRAISE = "praise", _("Praise")
    SERVICE_REQUEST = "service_request", _("Service request")


class NamedMixin(models.Model):
    """Names per language as a JSON object {"ar": ..., "en": ...}.

    ``name_in`` is the one place that chooses a name for a reader: the reader's language, else the
    languages that reader is likeliest to read (``khidma.core.languages.FALLBACKS``). Pages that must mark a
    name in another language with its ``lang``/``dir`` use ``name_for`` (or the ``local_name`` filter).
    """

    names = models.JSONField(
        _("names"), default=dict, help_text=_('Per language, e.g. {"ar": "…", "en": "…"}')
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name_in()

    def name_in(self, language: str | None = None) -> str:
        """The name for a reader of ``language`` (default: the active language)."""
        return pick(self.names, language).text

    def name_for(self, language: str | None = None) -> Name:
        """The name for a reader of ``language`` and the language it is written in."""
        return pick(self.names, language)


class Organization(NamedMixin):
    class Type(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        ASSOCIATION = "association", _("Community association")

    slug = models.SlugField(_("slug"), unique=True)
    type = models.CharField(_("type"), max_length=20, choices=Type.choices, default=Type.MUNICIPALITY)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Asia/Riyadh")
    default_language = models.CharField(_("default language"), max_length=8, default="ar")
    # The area served, as a GeoJSON Polygon/MultiPolygon; empty means reports may come from anywhere.
    boundary = models.JSONField(_("boundary"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    # Personal data of reporters (names, phones, emails, their photos) is erased this many days after a case
    # closes; the case itself stays for statistics (docs/security.md#personal-data).
    personal_data_retention_days = models.PositiveIntegerField(
        _("keep reporters' personal data for (days after closure)"),
        default=365,
        validators=[MinValueValidator(30)],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["slug"]

    def contains_point(self, lat: float, lon: float) -> bool:
        if not self.boundary:
            return True
        return geo.geometry_contains(self.boundary, lon, lat)

    @property
    def tz(self) -> ZoneInfo:
        """The organization's time zone: every local date, day range and time shown is read in it."""
        return clock.zone(self.time_zone)

    def local_today(self) -> datetime.date:
        return clock.now().astimezone(self.tz).date()

    def local_day_bounds(
        self, first: datetime.date, last: datetime.date | None = None
    ) -> tuple[datetime.datetime, datetime.datetime]:
        """From the midnight that starts ``first`` to the one that ends ``last`` (default: ``first``),
        local to the organization: ``received_at >= start and received_at < end``."""
        return clock.day_bounds(first, last, tz=self.tz)


class OrgOwned(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, verbose_name=_("organization"))

    class Meta:
        abstract = True


class Department(NamedMixin, OrgOwned):
    """A node of the organization chart: directorate → department → unit."""

    class Level(models.TextChoices):
        DIRECTORATE = "directorate", _("Directorate")
        DEPARTMENT = "department", _("Department")
        UNIT = "unit", _("Unit")

    code = models.SlugField(_("code"), max_length=64)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices, default=Level.DEPARTMENT)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent"),
    )
    email = models.EmailField(_("email"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        constraints = [
            models.UniqueConstraint(fields=["organization", "code"], name="department_code_per_org")
        ]
        ordering = ["organization", "code"]


class Area(NamedMixin, OrgOwned):
    """A sub-municipality or neighbourhood: the unit of geography that routing and reports use."""

    code = models.SlugField(_("code"), max_length=64)
    boundary = models.JSONField(_("boundary"), help_text=_("GeoJSON Polygon or MultiPolygon, lon/lat"))
    # The bounding box is kept in indexed columns so a point lookup reads only the few candidate areas.
    min_lat = models.FloatField(editable=False, default=0)
    max_lat = models.FloatField(editable=False, default=0)
    min_lon = models.FloatField(editable=False, default=0)
    max_lon = models.FloatField(editable=False, default=0)
    centre_lat = models.FloatField(_("centre latitude"), null=True, blank=True)
    centre_lon = models.FloatField(_("centre longitude"), null=True, blank=True)

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        constraints = [models.UniqueConstraint(fields=["organization", "code"], name="area_code_per_org")]
        indexes = [
            models.Index(
                fields=["organization", "min_lat", "max_lat", "min_lon", "max_lon"], name="area_bbox"
            )
        ]
        ordering = ["organization", "code"]

    def contains_point(self, lat: float, lon: float) -> bool:
        return geo.geometry_contains(self.boundary, lon, lat)


class ServicePoint(NamedMixin, OrgOwned):
    class Kind(models.TextChoices):
        HEADQUARTERS = "headquarters", _("Headquarters")
        SUB_MUNICIPALITY = "sub_municipality", _("Sub-municipality centre")
        MALL_COUNTER = "mall_counter", _("Mall counter")
        MOBILE_CAR = "mobile_car", _("Mobile service car")
        MOSQUE_COUNTER = "mosque_counter", _("Mosque counter")
        CALL_CENTRE = "call_centre", _("Call centre")

    code = models.SlugField(_("code"), max_length=64)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("area"))
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    # {"sun": [["08:00", "14:00"], ["16:00", "21:00"]], ...}; mosque counters are computed from prayer times.
    opening_hours = models.JSONField(_("weekly opening hours"), default=dict, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("service point")
        verbose_name_plural = _("service points")
        constraints = [
            models.UniqueConstraint(fields=["organization", "code"], name="service_point_code_per_org")
        ]
        ordering = ["organization", "code"]


class Category(NamedMixin, OrgOwned):
    code = models.SlugField(_("code"), max_length=64)
    kind = models.CharField(
        _("kind of case"), max_length=20, choices=CaseKind.choices, default=CaseKind.REPORT
    )
    default_department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("default department")
    )
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [models.UniqueConstraint(fields=["organization", "code"], name="category_code_per_org")]
        ordering = ["organization", "sort_order", "code"]


# Labels of the kinds of place the demo gazetteer uses; an official list may bring others (shown unlabelled).
PLACE_KIND_LABELS = {
    "holy_site": _("Holy site"),
    "mosque": _("Mosque"),
    "gate": _("Gate"),
    "landmark": _("Landmark"),
    "street": _("Street"),
    "neighbourhood": _("Neighbourhood"),
    "district": _("District"),
    "zone": _("Zone"),
    "hospital": _("Hospital"),
    "station": _("Station"),
    "bus_station": _("Bus station"),
    "train_station": _("Train station"),
    "bridge": _("Bridge"),
    "tunnel": _("Tunnel"),
    "market": _("Market"),
    "mall": _("Shopping centre"),
    "hotel": _("Hotel"),
    "park": _("Park"),
    "government": _("Government office"),
    "camp": _("Camp"),
    "camp_area": _("Camp area"),
}


class Place(NamedMixin, OrgOwned):
    """A place as people name it — a gate of the Holy Mosque, a landmark, a street, a hospital, a station, a
    neighbourhood — with its names in the ten languages and its common spellings: the gazetteer that the
    place boxes search (``organizations/gazetteer.py``). Loaded by ``khidma import-places`` (GeoJSON)."""

    key = models.SlugField(_("key"), max_length=80)
    kind = models.SlugField(_("kind"), max_length=32)
    aliases = models.JSONField(_("other spellings"), default=list, blank=True)
    lat = models.FloatField(_("latitude"))
    lon = models.FloatField(_("longitude"))
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("area"))
    # Every name and alias folded by core.text.fold_name, one per line: what search matches (on PostgreSQL
    # through a trigram index, migration 0002).
    search_key = models.TextField(editable=False, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        constraints = [models.UniqueConstraint(fields=["organization", "key"], name="place_key_per_org")]
        indexes = [models.Index(fields=["organization", "kind"], name="place_kind")]
        ordering = ["organization", "key"]

    @property
    def kind_label(self) -> str:
        return str(PLACE_KIND_LABELS.get(self.kind, ""))
