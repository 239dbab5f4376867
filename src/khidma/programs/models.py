"""Service programs: home visits (Wajibuna), proxy services (Mansurin, Mutmainnun), association requests
with their committee meetings, and the people an organization serves. Data only: every write is in
services.py and appends a ProgramEvent in the same transaction."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from khidma.cases.models import Case, Channel
from khidma.core import clock
from khidma.organizations.models import Category, Organization, ServicePoint


class Team(models.Model):
    """A home-visit team; its calendar is the set of its scheduled visits."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, verbose_name=_("organization"))
    name = models.CharField(_("name"), max_length=200)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=clock.now)

    class Meta:
        verbose_name = _("home-visit team")
        verbose_name_plural = _("home-visit teams")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organization", "name"], name="team_name_per_org")]

    def __str__(self) -> str:
        return self.name


class EligibilityReason(models.TextChoices):
    ELDERLY = "elderly", _("Elderly")
    DISABLED = "disabled", _("Person with a disability")
    ILL = "ill", _("Ill")
    NO_TRANSPORT = "no_transport", _("No means of transport")


class VisitStatus(models.TextChoices):
    ELIGIBLE = "eligible", _("Eligible, not yet scheduled")
    SCHEDULED = "scheduled", _("Scheduled")
    COMPLETED = "completed", _("Completed")


class Visit(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, verbose_name=_("organization"))
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="visits", verbose_name=_("case"))
    reason = models.CharField(_("eligibility reason"), max_length=20, choices=EligibilityReason.choices)
    reason_note = models.TextField(_("eligibility note"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=VisitStatus.choices, default=VisitStatus.ELIGIBLE
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="visits", verbose_name=_("team")
    )
    starts_at = models.DateTimeField(_("window start"), null=True, blank=True)
    ends_at = models.DateTimeField(_("window end"), null=True, blank=True)
    work_done = models.TextField(_("what was done"), blank=True)
    documents_collected = models.JSONField(_("documents collected"), default=list, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=clock.now)

    class Meta:
        verbose_name = _("home visit")
        verbose_name_plural = _("home visits")
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["team", "starts_at"], name="visit_team_start")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.status}"


class Authorization(models.Model):
    """A principal's written authorization for an employee to act for them (a soldier at the border, a
    prisoner's family, someone abroad)."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, verbose_name=_("organization"))
    principal_name = models.CharField(_("principal"), max_length=200)
    principal_phone = models.CharField(_("principal phone"), max_length=20, blank=True)
    relationship = models.CharField(_("relationship to the principal"), max_length=100)
    document_reference = models.CharField(_("authorization document"), max_length=200)
    expires_on = models.DateField(_("expires on"))
    proxy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="proxy_authorizations",
        verbose_name=_("proxy employee"),
    )
    created_at = models.DateTimeField(_("created at"), default=clock.now)

    class Meta:
        verbose_name = _("authorization")
        verbose_name_plural = _("authorizations")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.principal_name} ({self.document_reference})"


class RequestType(models.Model):
    """A kind of association request and its workflow settings."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, verbose_name=_("organization"))
    code = models.SlugField(_("code"), max_length=64)
    names = models.JSONField(_("names"), default=dict)
    required_documents = models.JSONField(_("required documents"), default=list, blank=True)
    min_decision_days = models.PositiveSmallIntegerField(_("earliest decision (days)"), default=14)
    max_decision_days = models.PositiveSmallIntegerField(_("decision due within (days)"), default=30)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("request type")
        verbose_name_plural = _("request types")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "code"], name="request_type_code_per_org")
        ]

    def __str__(self) -> str:
        return self.code


class PersonRole(models.TextChoices):
    MEMBER = "member", _("Member")
    BENEFICIARY = "beneficiary", _("Beneficiary")
    SUPPORTER = "supporter", _("Supporter")
    VOLUNTEER = "volunteer", _("Volunteer")


class Person(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, verbose_name=_("organization"))
    name = models.CharField(_("name"), max_length=200)
    # The name folded for search (core.text.fold_for_search): found however it is spelt.
    name_folded = models.CharField(max_length=200, blank=True, db_index=True, editable=False)
    phone = models.CharField(_("phone"), max_length=20, blank=True, db_index=True)
    roles = models.JSONField(_("roles"), default=list, blank=True)
    cases = models.ManyToManyField(Case, blank=True, related_name="people", verbose_name=_("cases"))
    created_at = models.DateTimeField(_("created at"), default=clock.now)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class Committee(models.Model):
    """The body that decides association requests. A decision needs a quorum: at least ``quorum`` of its
    members must have voted on a file before the file is decided."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, verbose_name=_("organization"))
    name = models.CharField(_("name"), max_length=200)
    quorum = models.PositiveSmallIntegerField(
        _("quorum"), default=2, help_text=_("How many members must vote on a file before it is decided.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=clock.now)

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="committee_name_per_org"),
            models.CheckConstraint(condition=models.Q(quorum__gte=1), name="committee_quorum_at_least_one"),
        ]

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("Open")
        DECIDED = "decided", _("Decided")

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, verbose_name=_("organization"))
    # Empty only on meetings recorded before committees had a quorum.
    committee = models.ForeignKey(
        Committee,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("committee"),
    )
    title = models.CharField(_("title"), max_length=200)
    held_at = models.DateTimeField(_("held at"))
    status = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.OPEN)
    minutes = models.TextField(_("minutes"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=clock.now)

    class Meta:
        verbose_name = _("committee meeting")
        verbose_name_plural = _("committee meetings")
        ordering = ["-held_at", "-id"]

    def __str__(self) -> str:
        return self.title


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    INCOMPLETE = "incomplete", _("Incomplete: returned to the applicant")
    IN_RESEARCH = "in_research", _("Complete: social research")
    RESEARCHED = "researched", _("Researched: ready for the committee")
    IN_COMMITTEE = "in_committee", _("On a committee agenda")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    REGISTERED = "registered", _("Registered")
    DELIVERED = "delivered", _("Service delivered")


class Recommendation(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REJECT = "reject", _("Reject")


class Application(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, verbose_name=_("organization"))
    request_type = models.ForeignKey(RequestType, on_delete=models.PROTECT, verbose_name=_("request type"))
    case = models.OneToOneField(
        Case, on_delete=models.PROTECT, related_name="application", verbose_name=_("case")
    )
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
        verbose_name=_("applicant"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED
    )
    declared_at = models.DateTimeField(_("declaration made at"))
    declaration_channel = models.CharField(_("declaration channel"), max_length=20, choices=Channel.choices)
    submitted_at = models.DateTimeField(_("submitted at"))
    decision_due_at = models.DateTimeField(_("decision due"))
    documents = models.JSONField(_("documents supplied"), default=list, blank=True)
    missing_documents = models.JSONField(_("documents missing"), default=list, blank=True)
    research = models.TextField(_("social research"), blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=10, choices=Recommendation.choices, blank=True
    )
    researcher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("researcher"),
    )
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda",
        verbose_name=_("committee meeting"),
    )
    decision_reasons = models.TextField(_("reasons for the decision"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=40, blank=True)
    registered_at = models.DateTimeField(_("registered at"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["submitted_at", "id"]
        indexes = [models.Index(fields=["organization", "status"], name="application_org_status")]

    def __str__(self) -> str:
        return f"{self.request_type_id}/{self.case_id} {self.status}"


class Vote(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="votes")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vote = models.CharField(_("vote"), max_length=10, choices=Recommendation.choices)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "application", "member"], name="one_vote_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.member_id}: {self.vote}"


class ChecklistItem(models.Model):
    """A document an organization asks applicants for, named in its languages so that staff see words and
    can tick it by typing its name in any of them. Common documents have built-in names
    (``programs/data/checklist.json``); a row here adds an item or renames a built-in one."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, verbose_name=_("organization"))
    code = models.SlugField(_("code"), max_length=64)
    names = models.JSONField(
        _("names"), default=dict, help_text=_('Per language, e.g. {"ar": "…", "en": "…"}')
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "code"], name="checklist_item_code_per_org")
        ]

    def __str__(self) -> str:
        return self.code


def application_document_path(instance: ApplicationDocument, filename: str) -> str:
    # Named by content, never by the uploader's file name (which may carry personal data). Served only
    # through the back office and the API to staff who may see the application, never from MEDIA_URL.
    return f"programs/{instance.organization_id}/{instance.sha256[:2]}/{instance.sha256}{instance.extension}"


class ApplicationDocument(models.Model):
    """A document handed in with an application, as a file, with the checklist item it satisfies."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, verbose_name=_("organization"))
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="files", verbose_name=_("application")
    )
    # A checklist item's code; empty for a document that is not on the checklist.
    item = models.CharField(_("checklist item"), max_length=64, blank=True)
    file = models.FileField(_("file"), upload_to=application_document_path, max_length=300)
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    content_type = models.CharField(_("content type"), max_length=50)
    extension = models.CharField(max_length=8)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=clock.now)

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.item or self.original_name}"


class ProgramEvent(models.Model):
    """One change to a program record. Rows are only ever inserted: the programs' audit trail."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, db_index=False)
    subject = models.CharField(max_length=20)  # team, visit, authorization, application, meeting, …
    subject_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=40)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=clock.now)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("program event")
        verbose_name_plural = _("program events")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["organization", "subject", "subject_id"], name="program_event_subject")
        ]

    def __str__(self) -> str:
        return f"{self.subject}/{self.subject_id} {self.kind}"


# --- Mobile units, counters and walk-ins (Hadirin, Itlala, Mustamirun) ------------------------------------


class UnitStop(models.Model):
    """Where a mobile service car stands and when: a park on some weekdays (or on one date), between two
    times. Counters and extended-hours points keep their weekly hours on the ServicePoint itself; mosque
    counters' hours are computed from the prayer times (organizations/hours.py)."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, verbose_name=_("organization"))
    unit = models.ForeignKey(
        ServicePoint, on_delete=models.CASCADE, related_name="stops", verbose_name=_("mobile unit")
    )
    place_names = models.JSONField(_("place"), default=dict, help_text=_('Per language, e.g. {"ar": "…"}'))
    lat = models.FloatField(_("latitude"))
    lon = models.FloatField(_("longitude"))
    # Day keys as in opening hours ("sun", "mon", …); empty when the stop is for one date only.
    weekdays = models.JSONField(_("weekdays"), default=list, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    starts = models.TimeField(_("from"))
    ends = models.TimeField(_("until"))
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("mobile unit stop")
        verbose_name_plural = _("mobile unit stops")
        ordering = ["unit", "starts", "id"]

    def __str__(self) -> str:
        from khidma.core.languages import pick_name

        return f"{self.unit_id} @ {pick_name(self.place_names, None)}"


class WalkInService(models.TextChoices):
    INQUIRY = "inquiry", _("Inquiry")
    PRINTING = "printing", _("Printing (inquiry, licence)")
    REPORT = "report", _("Report or complaint")
    BUILDING_PERMIT = "building_permit", _("Building permit")
    COMMERCIAL = "commercial", _("Commercial activity")
    DEED = "deed", _("Deed registration")
    LAND_SORTING = "land_sorting", _("Land sorting")
    TECHNICAL_HELP = "technical_help", _("Technical help")
    REFERRAL = "referral", _("Referral")
    OTHER = "other", _("Other")


class WalkIn(models.Model):
    """One person served at a counter or a mobile unit, whether or not a case came of it."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, verbose_name=_("organization"))
    service_point = models.ForeignKey(
        ServicePoint, on_delete=models.PROTECT, related_name="walk_ins", verbose_name=_("service point")
    )
    service = models.CharField(_("service"), max_length=20, choices=WalkInService.choices)
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("category")
    )
    language = models.CharField(_("language"), max_length=8)
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("case")
    )
    at = models.DateTimeField(_("served at"))
    # Served while the point was not open by its hours (a queue served past closing time): kept and flagged.
    out_of_hours = models.BooleanField(_("out of hours"), default=False)
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    created_at = models.DateTimeField(_("created at"), default=clock.now)

    class Meta:
        verbose_name = _("walk-in transaction")
        verbose_name_plural = _("walk-in transactions")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["organization", "at"], name="walkin_org_at")]

    def __str__(self) -> str:
        return f"{self.service_point_id} {self.service} {self.at:%Y-%m-%d %H:%M}"
