"""Open311 data: client API keys, what each category asks (service attributes), and what a client sent
with a request (answers, media URL) or with an update. Cases themselves stay in ``khidma.cases``."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from khidma.cases.models import Case, CaseEvent
from khidma.core import clock
from khidma.core.languages import pick_name
from khidma.organizations.models import Category, Organization


class ApiKey(models.Model):
    """A key for one client application of one organization. Only a hash is stored; the key is shown once."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, verbose_name=_("organization"))
    name = models.CharField(_("client application"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=12, editable=False, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=clock.now, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)
    # Empty: the installation's KHIDMA_OPEN311_RATE_LIMIT; 0: no limit for this client.
    rate_limit = models.PositiveIntegerField(
        _("requests per minute"),
        null=True,
        blank=True,
        help_text=_("Leave empty for the installation's default; 0 means no limit."),
    )
    request_count = models.PositiveBigIntegerField(_("requests"), default=0, editable=False)
    created_count = models.PositiveBigIntegerField(_("service requests created"), default=0, editable=False)
    throttled_count = models.PositiveBigIntegerField(
        _("requests refused (rate limit)"), default=0, editable=False
    )

    class Meta:
        verbose_name = _("Open311 API key")
        verbose_name_plural = _("Open311 API keys")
        ordering = ["organization", "-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ServiceDetail(models.Model):
    """What Open311 says about a category beyond its name: description, keywords, the notice shown after a
    request is made. Optional: a category without one is still a service."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, verbose_name=_("organization"))
    category = models.OneToOneField(
        Category, on_delete=models.CASCADE, related_name="open311_detail", verbose_name=_("category")
    )
    descriptions = models.JSONField(
        _("descriptions"), default=dict, blank=True, help_text=_('Per language, e.g. {"ar": "…", "en": "…"}')
    )
    keywords = models.CharField(_("keywords"), max_length=500, blank=True, help_text=_("Comma-separated."))
    notices = models.JSONField(
        _("service notices"),
        default=dict,
        blank=True,
        help_text=_('What happens next, per language, e.g. {"en": "Crews respond within two days."}'),
    )

    class Meta:
        verbose_name = _("Open311 service detail")
        verbose_name_plural = _("Open311 service details")

    def __str__(self) -> str:
        return str(self.category)

    def description_in(self, language: str | None = None) -> str:
        return pick_name(self.descriptions, language)

    def notice_in(self, language: str | None = None) -> str:
        return pick_name(self.notices, language)


class Datatype(models.TextChoices):
    STRING = "string", _("Short text")
    NUMBER = "number", _("Number")
    DATETIME = "datetime", _("Date and time")
    TEXT = "text", _("Long text")
    SINGLEVALUELIST = "singlevaluelist", _("One choice from a list")
    MULTIVALUELIST = "multivaluelist", _("Several choices from a list")


class ServiceAttribute(models.Model):
    """A question a category asks (Open311 service attribute)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, verbose_name=_("organization"))
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="open311_attributes", verbose_name=_("category")
    )
    code = models.SlugField(_("code"), max_length=64)
    datatype = models.CharField(_("type of answer"), max_length=20, choices=Datatype.choices)
    required = models.BooleanField(_("required"), default=False)
    # False: an informational line shown to the client, not a question.
    variable = models.BooleanField(_("asks for an answer"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    descriptions = models.JSONField(
        _("question"), default=dict, help_text=_('Per language, e.g. {"ar": "…", "en": "…"}')
    )
    datatype_descriptions = models.JSONField(
        _("answer hint"), default=dict, blank=True, help_text=_('Per language, e.g. {"en": "In metres"}')
    )
    # [{"key": "deep", "names": {"ar": "…", "en": "Deep"}}, …] for the list types.
    values = models.JSONField(_("choices"), default=list, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("Open311 service attribute")
        verbose_name_plural = _("Open311 service attributes")
        ordering = ["category", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["category", "code"], name="open311_attribute_code_per_category")
        ]

    def __str__(self) -> str:
        return f"{self.category.code}/{self.code}"

    def description_in(self, language: str | None = None) -> str:
        return pick_name(self.descriptions, language)

    def datatype_description_in(self, language: str | None = None) -> str:
        return pick_name(self.datatype_descriptions, language)

    @property
    def value_keys(self) -> list[str]:
        return [str(item.get("key", "")) for item in self.values or [] if isinstance(item, dict)]


class Submission(models.Model):
    """What an Open311 client sent with a new request beyond the case itself."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE)
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="open311_submission")
    api_key = models.ForeignKey(ApiKey, null=True, on_delete=models.SET_NULL, related_name="submissions")
    # {attribute code: answer}; a multivaluelist answer is a list of keys.
    attributes = models.JSONField(default=dict, blank=True)
    # Stored as given and never fetched by the server.
    media_url = models.URLField(max_length=2000, blank=True)
    device_id = models.CharField(max_length=200, blank=True)
    account_id = models.CharField(max_length=200, blank=True)
    address_id = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("Open311 submission")
        verbose_name_plural = _("Open311 submissions")

    def __str__(self) -> str:
        return f"{self.case_id}"


class ClientUpdate(models.Model):
    """A comment a client posted on a request (servicerequestupdates); the text is the linked public note."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="open311_updates")
    event = models.OneToOneField(CaseEvent, on_delete=models.CASCADE, related_name="open311_update")
    api_key = models.ForeignKey(ApiKey, null=True, on_delete=models.SET_NULL, related_name="updates")
    # The client's own id for the update: a retry with the same id returns the first one.
    client_update_id = models.CharField(max_length=200, blank=True)
    # The status the client asked for; recorded only, staff decide what the case becomes.
    requested_status = models.CharField(max_length=40, blank=True)
    client_updated_at = models.DateTimeField(null=True, blank=True)
    media_url = models.URLField(max_length=2000, blank=True)
    # Who wrote it, for staff only: never part of any Open311 answer.
    author_name = models.CharField(max_length=200, blank=True)
    author_email = models.EmailField(blank=True)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("Open311 client update")
        verbose_name_plural = _("Open311 client updates")
        constraints = [
            models.UniqueConstraint(
                fields=["api_key", "client_update_id"],
                condition=~Q(client_update_id=""),
                name="open311_update_id_per_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id}/{self.event_id}"
