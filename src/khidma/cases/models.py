"""Cases (reports, complaints, inquiries, requests), their append-only event log and attachments."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from khidma.core import clock
from khidma.core.languages import pick_name
from khidma.organizations.models import Area, CaseKind, Category, Department, Organization, ServicePoint


class Channel(models.TextChoices):
    PHONE_940 = "phone_940", _("940 phone")
    WHATSAPP = "whatsapp", _("WhatsApp")
    SMS = "sms", _("SMS")
    WEB = "web", _("Web")
    MOBILE_APP = "mobile_app", _("Mobile app")
    OPEN311 = "open311", _("Open311")
    COUNTER = "counter", _("Counter")
    MOBILE_UNIT = "mobile_unit", _("Mobile unit")
    MOSQUE_COUNTER = "mosque_counter", _("Mosque counter")
    EMAIL = "email", _("Email")
    LETTER = "letter", _("Letter")
    SOCIAL_MEDIA = "social_media", _("Social media")


# Channels where the reporter stands in front of staff, so the case records where.
IN_PERSON_CHANNELS = frozenset({Channel.COUNTER, Channel.MOBILE_UNIT, Channel.MOSQUE_COUNTER})

# The channel of a case an agent takes in at their post, when they do not say otherwise.
POST_CHANNELS = {
    ServicePoint.Kind.CALL_CENTRE: Channel.PHONE_940,
    ServicePoint.Kind.MOBILE_CAR: Channel.MOBILE_UNIT,
    ServicePoint.Kind.MOSQUE_COUNTER: Channel.MOSQUE_COUNTER,
    ServicePoint.Kind.MALL_COUNTER: Channel.COUNTER,
    ServicePoint.Kind.HEADQUARTERS: Channel.COUNTER,
    ServicePoint.Kind.SUB_MUNICIPALITY: Channel.COUNTER,
}


class Status(models.TextChoices):
    NEW = "new", _("New")
    TRIAGED = "triaged", _("Triaged")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    ON_HOLD = "on_hold", _("On hold")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")
    REJECTED = "rejected", _("Rejected")
    DUPLICATE = "duplicate", _("Duplicate")
    REFERRED = "referred", _("Referred")


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class Case(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, verbose_name=_("organization"))
    reference = models.CharField(_("reference number"), max_length=12, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=CaseKind.choices, default=CaseKind.REPORT)
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("category")
    )
    description = models.TextField(_("description"))
    language = models.CharField(_("language"), max_length=8)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    service_point = models.ForeignKey(
        ServicePoint, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("service point")
    )
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    address = models.CharField(_("address or landmark"), max_length=500, blank=True)
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("area"))

    reporter_name = models.CharField(_("reporter name"), max_length=200, blank=True)
    reporter_phone = models.CharField(_("reporter phone"), max_length=20, blank=True, db_index=True)
    reporter_email = models.EmailField(_("reporter email"), blank=True)
    # The reporter proved the phone is theirs with a code sent to it by SMS (cases/verification.py).
    reporter_phone_verified = models.BooleanField(_("phone verified by SMS"), default=False)

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    # Where an on_hold case returns when it resumes.
    status_before_hold = models.CharField(max_length=20, choices=Status.choices, blank=True, editable=False)
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("department")
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
        verbose_name=_("assignee"),
    )
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        verbose_name=_("duplicate of"),
    )
    referred_to = models.CharField(_("referred to"), max_length=200, blank=True)

    womens_section = models.BooleanField(_("women's section"), default=False)
    is_proxy = models.BooleanField(_("on behalf of a principal"), default=False)
    principal_name = models.CharField(_("principal"), max_length=200, blank=True)
    principal_relationship = models.CharField(_("relationship to the principal"), max_length=100, blank=True)
    authorization_document = models.CharField(_("authorization document"), max_length=200, blank=True)

    received_at = models.DateTimeField(_("received at"))
    created_at = models.DateTimeField(_("created at"), default=clock.now)
    # Set by the services on every change (not auto_now, so a replayed history keeps its own times).
    updated_at = models.DateTimeField(_("updated at"), default=clock.now)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # When the reporter's personal data was erased (retention period over, or at the reporter's request).
    personal_data_erased_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )

    # --- Service level (see cases/deadlines.py and docs/sla.md) ------------------------------------------
    sla_policy = models.ForeignKey(
        "sla.SlaPolicy",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("service-level policy"),
    )
    # When the resolution clock started: received_at, or the last reopening.
    sla_clock_start = models.DateTimeField(null=True, blank=True, editable=False)
    sla_paused_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Working time spent on hold since the clock started; due dates move by exactly this much.
    sla_paused_seconds = models.PositiveIntegerField(default=0, editable=False)
    first_response_due_at = models.DateTimeField(_("first response due"), null=True, blank=True)
    first_responded_at = models.DateTimeField(_("first responded at"), null=True, blank=True)
    resolution_due_at = models.DateTimeField(_("resolution due"), null=True, blank=True)
    resolution_at_risk_at = models.DateTimeField(null=True, blank=True, editable=False)

    # Reference, description and address folded by core.text.fold_for_search: what staff search matches.
    search_text = models.TextField(blank=True, editable=False)

    # --- Closure confirmation and follow-up (cases/closure.py) --------------------------------------------
    closure_code_hash = models.CharField(max_length=64, blank=True, editable=False)
    # While a resolved case waits for the reporter's answer: when silence closes it as unconfirmed.
    closure_due_at = models.DateTimeField(null=True, blank=True, editable=False)
    closure_outcome = models.CharField(
        _("closure"),
        max_length=12,
        blank=True,
        choices=[
            ("confirmed", _("Confirmed by the reporter")),
            ("unconfirmed", _("Closed without the reporter's answer")),
            ("staff", _("Closed by staff")),
        ],
    )
    # The follow-up unit's queue: a reporter said "not fixed", or rated the service poorly.
    needs_followup = models.BooleanField(_("needs follow-up"), default=False)

    # Retries of the same submission (Idempotency-Key header or a channel's message id) find this case.
    # NULL, not "", for "no key": the partial unique index then ignores keyless cases.
    idempotency_key = models.CharField(max_length=200, null=True, blank=True, editable=False)  # noqa: DJ001
    request_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.UniqueConstraint(fields=["organization", "reference"], name="case_reference_per_org"),
            models.UniqueConstraint(
                fields=["organization", "idempotency_key"],
                condition=Q(idempotency_key__isnull=False),
                name="case_idempotency_key_per_org",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "status", "received_at"], name="case_org_status_received"),
            # Queues list newest first, tie broken by id: read backwards, this index needs no sort.
            models.Index(fields=["organization", "received_at", "id"], name="case_org_received_id"),
            models.Index(fields=["organization", "department", "status"], name="case_org_dept_status"),
            models.Index(fields=["organization", "resolution_due_at"], name="case_org_resolution_due"),
            # The retention sweep's timer: closed cases whose reporter's data is still kept.
            models.Index(
                fields=["organization", "closed_at"],
                name="case_personal_data_due",
                condition=Q(closed_at__isnull=False, personal_data_erased_at__isnull=True),
            ),
            models.Index(
                fields=["organization", "category", "received_at"], name="case_org_category_received"
            ),
            models.Index(
                fields=["closure_due_at"], name="case_closure_due", condition=Q(closure_due_at__isnull=False)
            ),
            models.Index(
                fields=["organization", "needs_followup"],
                name="case_org_followup",
                condition=Q(needs_followup=True),
            ),
        ]
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return self.reference

    @property
    def has_location(self) -> bool:
        return self.lat is not None and self.lon is not None


class SlaTimer(models.Model):
    """The sweep's view of one case: when to look next and which warnings were given.

    Kept apart from the wide, heavily indexed case row on purpose: the sweep moves thousands of timers at a
    time, and moving one here updates two indexes instead of twenty.
    """

    case = models.OneToOneField(Case, primary_key=True, on_delete=models.CASCADE, related_name="sla_timer")
    # The next moment the sweep must look at this case; NULL when nothing is pending.
    next_check_at = models.DateTimeField(null=True, blank=True)
    first_response_breached = models.BooleanField(default=False)
    at_risk = models.BooleanField(_("at risk"), default=False)
    # 0: within target; 1: breached and escalated to the follow-up unit; 2: escalated a second time.
    escalation_level = models.PositiveSmallIntegerField(_("escalation level"), default=0)

    class Meta:
        verbose_name = _("service-level timer")
        verbose_name_plural = _("service-level timers")
        indexes = [
            models.Index(
                fields=["next_check_at"],
                name="sla_timer_next_check",
                condition=Q(next_check_at__isnull=False),
            ),
            # The at-risk and breached queues read the few timers that carry a warning.
            models.Index(fields=["case"], name="sla_timer_warned", condition=Q(at_risk=True)),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.next_check_at}"


class EventKind(models.TextChoices):
    CREATED = "created", _("Received")
    TRIAGED = "triaged", _("Classified and routed")
    ASSIGNED = "assigned", _("Assigned")
    TAKEN = "taken", _("Taken")
    UNASSIGNED = "unassigned", _("Unassigned")
    STARTED = "started", _("Work started")
    HELD = "held", _("Put on hold")
    RESUMED = "resumed", _("Resumed")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")
    REJECTED = "rejected", _("Rejected")
    MARKED_DUPLICATE = "marked_duplicate", _("Marked as a duplicate")
    REFERRED = "referred", _("Referred to a partner entity")
    PRIORITY_CHANGED = "priority_changed", _("Priority changed")
    CATEGORY_CHANGED = "category_changed", _("Category changed")
    NOTE = "note", _("Note")
    ATTACHMENT_ADDED = "attachment_added", _("Attachment added")
    CLOSURE_CONFIRMED = "closure_confirmed", _("The reporter confirmed it is fixed")
    CLOSURE_REJECTED = "closure_rejected", _("The reporter said it is not fixed")
    RATED = "rated", _("Rated by the reporter")
    CLOSURE_CODE_LOCKED = "closure_code_locked", _("Closure code locked after wrong tries")
    CLOSURE_CODE_SENT = "closure_code_sent", _("New closure code sent to the reporter")
    SLA_CHANGED = "sla_changed", _("Service level recomputed")
    SLA_FIRST_RESPONSE_BREACHED = "sla_first_response_breached", _("First response overdue")
    SLA_AT_RISK = "sla_at_risk", _("At risk of missing the target")
    SLA_BREACHED = "sla_breached", _("Target missed: escalated to the follow-up unit")
    SLA_ESCALATED = "sla_escalated", _("Escalated a second time")
    PERSONAL_DATA_EXPORTED = "personal_data_exported", _("The reporter's personal data was exported")
    PERSONAL_DATA_ERASED = "personal_data_erased", _("The reporter's personal data was erased")


class CaseEvent(models.Model):
    """One change to a case. Rows are only ever inserted: this is the audit trail and the public timeline."""

    # Both foreign keys are served by the composite indexes below, not indexes of their own: events are
    # written by the thousand in a sweep, and every index costs on each insert.
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, db_index=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events", db_index=False)
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    # No index: events are read by case, never by who acted, and the sweep writes them by the thousand.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, db_index=False
    )
    # Who acted when there is no user: "system", or the channel a reporter used.
    actor_label = models.CharField(max_length=50, blank=True)
    created_at = models.DateTimeField(default=clock.now)
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    is_public = models.BooleanField(default=False)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["case", "created_at"], name="event_case_created"),
            models.Index(fields=["organization", "created_at"], name="event_org_created"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind}"


def attachment_path(instance: Attachment, filename: str) -> str:
    # The stored name never reuses the uploader's file name, which may carry personal data.
    return f"cases/{instance.organization_id}/{instance.sha256[:2]}/{instance.sha256}{instance.extension}"


class Attachment(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=300)
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=50)
    extension = models.CharField(max_length=8)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    is_public = models.BooleanField(default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id}/{self.pk} {self.content_type}"


class ReferenceCounter(models.Model):
    """The last sequence number issued per organization and year; rows are locked while a case is created."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="reference_counter_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.organization_id}/{self.year}: {self.last_value}"


class IntakeSubmission(models.Model):
    """A report accepted with its reference number but not yet made a case: the public API answers at once
    and the worker triages, routes and writes the case moments later (cases/pending.py). Kept afterwards as
    the record of what was submitted, pointing at the case it became."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE)
    reference = models.CharField(max_length=12)
    idempotency_key = models.CharField(max_length=200, null=True, blank=True)  # noqa: DJ001
    fingerprint = models.CharField(max_length=64)
    # The IntakeRequest as JSON (cases/intake.py: IntakeRequest.to_data).
    request = models.JSONField()
    accepted_at = models.DateTimeField(default=clock.now)
    # A worker holds the row until this moment (its claim token in ``claim``); a worker that died lets it go
    # for another to take.
    claimed_until = models.DateTimeField(null=True, blank=True)
    claim = models.CharField(max_length=32, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    processed_at = models.DateTimeField(null=True, blank=True)
    case = models.OneToOneField(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="submission"
    )
    error = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "reference"], name="submission_reference_per_org"
            ),
            models.UniqueConstraint(
                fields=["organization", "idempotency_key"],
                condition=Q(idempotency_key__isnull=False),
                name="submission_idempotency_key_per_org",
            ),
        ]
        indexes = [
            # The worker's queue: only unprocessed rows are in it, so an idle sweep reads nothing.
            models.Index(
                fields=["accepted_at"], name="submission_waiting", condition=Q(processed_at__isnull=True)
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class Satisfaction(models.Model):
    """The reporter's rating of how their case was handled (1–5) and an optional comment."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT)
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="satisfaction")
    rating = models.PositiveSmallIntegerField(_("rating"))
    comment = models.TextField(_("comment"), blank=True)
    channel = models.CharField(_("channel"), max_length=20)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("satisfaction rating")
        verbose_name_plural = _("satisfaction ratings")
        constraints = [
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="rating_1_to_5")
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.rating}"


class TriageResult(models.Model):
    """What triage made of a case when it arrived: the suggestions shown in the triage queue, and whether the
    category was applied automatically. Corrections by staff are CATEGORY_CHANGED events marked as such."""

    case = models.OneToOneField(Case, primary_key=True, on_delete=models.CASCADE, related_name="triage")
    language = models.CharField(max_length=8, blank=True)
    language_confidence = models.FloatField(null=True, blank=True)
    category = models.CharField(max_length=64, blank=True)
    confidence = models.FloatField(null=True, blank=True)
    # [{"category": code, "confidence": 0.12}, ...]: the next two suggestions.
    alternatives = models.JSONField(default=list, blank=True)
    applied = models.BooleanField(default=False)
    urgent_terms = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("triage result")
        verbose_name_plural = _("triage results")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.category} ({self.confidence})"


class ReplyAction(models.TextChoices):
    """The actions a prepared reply can go with: each sends its words to the reporter."""

    RESOLVE = "resolve", _("Resolution")
    HOLD = "hold", _("Question while on hold")
    REJECT = "reject", _("Rejection")
    REFER = "refer", _("Referral")
    DUPLICATE = "duplicate", _("Duplicate")
    NOTE = "note", _("Public note")


class PreparedReply(models.Model):
    """A reply staff choose instead of typing, written once in each public language so that every reporter
    reads it in their own. Tagged with the actions it fits and, optionally, the categories it is for (none:
    every category). Writes are in cases/replies.py."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, verbose_name=_("organization"))
    # Stable name of the reply (data files, events and the API refer to it): Latin letters, digits, dashes.
    key = models.SlugField(_("key"), max_length=80)
    # {"ar": "…", "en": "…", …}: what staff see in the list; and what the reporter reads.
    title = models.JSONField(_("title"), default=dict)
    text = models.JSONField(_("text"), default=dict)
    # A list of ReplyAction values.
    actions = models.JSONField(_("actions"), default=list)
    categories = models.ManyToManyField(Category, blank=True, related_name="+", verbose_name=_("categories"))
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=clock.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), default=clock.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("prepared reply")
        verbose_name_plural = _("prepared replies")
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "key"], name="prepared_reply_key_per_org")
        ]

    def __str__(self) -> str:
        return self.key

    def title_in(self, language: str | None = None) -> str:
        return pick_name(self.title, language) or self.key


class PhoneVerification(models.Model):
    """A code sent by SMS to prove that a phone number belongs to the person reporting (optional on the
    portal). Only a hash of the code is kept; it expires, allows a few tries, and is used by one case."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE)
    # The random handle the report form carries between steps (never the code).
    key = models.CharField(max_length=32, unique=True)
    phone = models.CharField(_("phone"), max_length=20)
    code_hash = models.CharField(max_length=64)
    ip = models.GenericIPAddressField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=clock.now)
    expires_at = models.DateTimeField()
    verified_at = models.DateTimeField(null=True, blank=True)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("phone verification")
        verbose_name_plural = _("phone verifications")
        indexes = [
            models.Index(fields=["phone", "created_at"], name="phone_verification_phone"),
            models.Index(fields=["ip", "created_at"], name="phone_verification_ip"),
        ]

    def __str__(self) -> str:
        return f"{self.phone} ({'verified' if self.verified_at else 'pending'})"
