"""Home visits (Wajibuna): the teams, a person's eligibility, a team booked for a time window (never twice at
once), the person told the date, and the visit done, which resolves the case."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.cases import notify
from khidma.cases import services as case_services
from khidma.cases.messages import TEMPLATES
from khidma.cases.models import Case
from khidma.core import clock, formats
from khidma.core.errors import Conflict, DomainError
from khidma.core.validation import clean_text, clean_text_list
from khidma.organizations.models import CaseKind, Organization
from khidma.programs import audit, casework
from khidma.programs.access import ensure_same_organization
from khidma.programs.models import EligibilityReason, Team, Visit, VisitStatus

# send_untranslated=True: these words go to the applicant as written when no translation backend can
# translate them; the program screens do not yet offer the confirmation the case page asks for
# (cases/wording.py). Texts made with casework.in_language() are already in the applicant's language.

NAME_MAX = 200
TEXT_MAX = 4000
DOCUMENT_MAX = 200
# The outbound template that tells a person the date of their visit (cases/messages.py). A person who can
# be reached only by email, or not at all, gets the date as a public case note instead.
VISIT_TEMPLATE = "visit_scheduled"


def _local(moment: datetime.datetime, organization: Organization) -> datetime.datetime:
    return moment.astimezone(organization.tz)


def _aware(field: str, value: datetime.datetime | None) -> datetime.datetime:
    if value is None:
        raise DomainError.single(field, "required", _("This field is required."))
    if value.tzinfo is None:
        raise DomainError.single(field, "naive_datetime", _("Give the time with its UTC offset."))
    return value


@transaction.atomic
def team_create(*, organization: Organization, name: str, by: User | None) -> Team:
    name = clean_text(name, field="name", limit=NAME_MAX, required=_("Name the team."))
    if Team.objects.filter(organization=organization, name=name).exists():
        raise Conflict.single("name", "already_exists", _("A team with this name already exists."))
    team = Team.objects.create(organization=organization, name=name, created_at=clock.now())
    audit.record("team", team, "created", by=by, data={"name": name})
    return team


@transaction.atomic
def visit_record_eligibility(*, case: Case, reason: str, note: str = "", by: User) -> Visit:
    """A person who cannot come (elderly, disabled, ill, no transport) is served at home."""
    if case.kind != CaseKind.SERVICE_REQUEST:
        raise DomainError.single(
            "case", "not_service_request", _("Home visits are for service requests only.")
        )
    if reason not in EligibilityReason.values:
        raise DomainError.single(
            "reason", "invalid_choice", _("This value is not one of the allowed choices.")
        )
    casework.ensure_case_open(case)
    note = clean_text(note, field="note", limit=TEXT_MAX)
    visit = Visit.objects.create(
        organization_id=case.organization_id,
        case=case,
        reason=reason,
        reason_note=note,
        created_at=clock.now(),
    )
    audit.record(
        "visit",
        visit,
        "eligibility_recorded",
        by=by,
        note=note,
        data={"case": case.reference, "reason": reason},
    )
    label = casework.in_language(
        case.language, _("Eligible for a home visit: %(reason)s."), reason=EligibilityReason(reason).label
    )
    case_services.case_add_note(case=case, by=by, text=f"{label} {note}".strip(), public=False)
    return visit


@transaction.atomic
def visit_schedule(
    *, visit: Visit, team: Team, starts_at: datetime.datetime, ends_at: datetime.datetime, by: User
) -> Visit:
    """Book a team for a time window. A team already out on another visit in that window is refused."""
    visit = Visit.objects.select_for_update().select_related("case", "organization").get(pk=visit.pk)
    ensure_same_organization("team", team, visit.organization_id)
    if visit.status == VisitStatus.COMPLETED:
        raise Conflict.single("status", "invalid_transition", _("This visit is already completed."))
    if not team.is_active:
        raise DomainError.single("team", "inactive", _("This team is not active."))
    starts_at, ends_at = _aware("starts_at", starts_at), _aware("ends_at", ends_at)
    if ends_at <= starts_at:
        raise DomainError.single("ends_at", "invalid", _("The window must end after it starts."))
    if ends_at <= clock.now():
        raise DomainError.single("starts_at", "in_past", _("The window is in the past."))
    casework.ensure_case_open(visit.case)
    # Lock the team so two people booking it at once see each other's booking.
    team = Team.objects.select_for_update().get(pk=team.pk)
    clash = (
        Visit.objects.filter(
            team=team, status=VisitStatus.SCHEDULED, starts_at__lt=ends_at, ends_at__gt=starts_at
        )
        .exclude(pk=visit.pk)
        .select_related("case")
        .first()
    )
    if clash is not None:
        start, end = _local(clash.starts_at, visit.organization), _local(clash.ends_at, visit.organization)
        raise Conflict.single(
            "starts_at",
            "team_double_booked",
            _("%(team)s already has a visit from %(start)s to %(end)s. Choose another time or team.")
            % {"team": team.name, "start": start.strftime("%Y-%m-%d %H:%M"), "end": end.strftime("%H:%M")},
        )
    rescheduled = visit.status == VisitStatus.SCHEDULED
    visit.team, visit.starts_at, visit.ends_at, visit.status = team, starts_at, ends_at, VisitStatus.SCHEDULED
    visit.save(update_fields=["team", "starts_at", "ends_at", "status"])
    audit.record(
        "visit",
        visit,
        "rescheduled" if rescheduled else "scheduled",
        by=by,
        data={"team": team.pk, "starts_at": starts_at.isoformat(), "ends_at": ends_at.isoformat()},
    )
    case = casework.take_case(visit.case, by)
    _tell_visit_date(visit, case, by=by)
    return visit


def _tell_visit_date(visit: Visit, case: Case, *, by: User) -> None:
    tz, language = visit.organization.tz, case.language
    # As the person's language writes them (CLDR): "الثلاثاء، 8 ديسمبر 2026", "9:00 ص" (docs/languages.md).
    values = {
        "date": formats.date(visit.starts_at, language, tz=tz, weekday=True),
        "start": formats.time(visit.starts_at, language, tz=tz),
        "end": formats.time(visit.ends_at, language, tz=tz),
    }
    with translation.override(language):
        text = str(_("Your home visit is booked for %(date)s, between %(start)s and %(end)s.") % values)
    address = notify.reporter_address(case)
    if VISIT_TEMPLATE in TEMPLATES and case.reporter_phone and address is not None:
        notify.reply(
            case,
            channel=address[0],
            recipient=case.reporter_phone,
            language=case.language,
            template=VISIT_TEMPLATE,
            ref=case.reference,
            **values,
        )
        case_services.case_add_note(case=case, by=by, text=text, public=False)
    else:
        # A public note reaches the reporter (SMS, WhatsApp or email) and shows on their tracking page.
        case_services.case_add_note(case=case, by=by, text=text, public=True, send_untranslated=True)


@transaction.atomic
def visit_complete(*, visit: Visit, work_done: str, documents: list[str] | None = None, by: User) -> Visit:
    """The team was there: what was done and which documents were collected. The case is resolved, which
    starts the closure confirmation and rating flow."""
    visit = Visit.objects.select_for_update().select_related("case").get(pk=visit.pk)
    if visit.status != VisitStatus.SCHEDULED:
        raise Conflict.single("status", "not_scheduled", _("Only a scheduled visit can be completed."))
    work_done = clean_text(
        work_done, field="work_done", limit=TEXT_MAX, required=_("Describe what was done.")
    )
    collected = clean_text_list(documents, limit=DOCUMENT_MAX)
    visit.status, visit.work_done, visit.documents_collected = VisitStatus.COMPLETED, work_done, collected
    visit.completed_at = clock.now()
    visit.save(update_fields=["status", "work_done", "documents_collected", "completed_at"])
    audit.record("visit", visit, "completed", by=by, note=work_done, data={"documents": collected})
    case = casework.take_case(visit.case, by)
    note = work_done
    if collected:
        note += " " + casework.in_language(
            case.language, _("Documents collected: %(list)s."), list=", ".join(collected)
        )
    case_services.case_resolve(case=case, by=by, note=note, send_untranslated=True)
    return visit
