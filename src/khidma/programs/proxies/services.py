"""Proxy services (Mansurin, Mutmainnun): an employee acts for a principal who cannot come (a soldier at the
border, a prisoner's family, someone abroad) under a written authorization, only while it is valid."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.cases import access as case_access
from khidma.cases import actions as case_actions
from khidma.cases import services as case_services
from khidma.cases.intake import Principal, Reporter, staff_intake_request
from khidma.cases.models import Case
from khidma.core import clock
from khidma.core.errors import Conflict, DomainError, FieldError
from khidma.core.phones import normalize_phone
from khidma.core.validation import clean_text
from khidma.organizations.models import Organization
from khidma.programs import access, audit, casework
from khidma.programs.models import Authorization

NAME_MAX = 200
RELATIONSHIP_MAX = 100
DOCUMENT_MAX = 200
NOTE_MAX = 4000


@transaction.atomic
def authorization_create(
    *,
    organization: Organization,
    principal_name: str,
    relationship: str,
    document_reference: str,
    expires_on: datetime.date | None,
    proxy: User,
    principal_phone: str = "",
    by: User,
) -> Authorization:
    errors: list[FieldError] = []
    principal_name = clean_text(
        principal_name,
        field="principal_name",
        limit=NAME_MAX,
        required=_("Name the principal."),
        errors=errors,
    )
    relationship = clean_text(
        relationship,
        field="relationship",
        limit=RELATIONSHIP_MAX,
        required=_("Give the relationship to the principal."),
        errors=errors,
    )
    document_reference = clean_text(
        document_reference,
        field="document_reference",
        limit=DOCUMENT_MAX,
        required=_("Give the authorization document's reference."),
        errors=errors,
    )
    phone = ""
    if principal_phone and principal_phone.strip():
        try:
            phone = normalize_phone(principal_phone)
        except ValueError:
            errors.append(
                FieldError("principal_phone", "invalid_phone", _("This phone number is not valid."))
            )
    if expires_on is None:
        errors.append(FieldError("expires_on", "required", _("Give the date the authorization expires.")))
    elif expires_on < organization.local_today():
        errors.append(FieldError("expires_on", "in_past", _("This authorization has already expired.")))
    if proxy.organization_id != organization.pk or not proxy.is_active:
        errors.append(FieldError("proxy", "unknown_user", _("Unknown user.")))
    if errors:
        raise DomainError(*errors)
    item = Authorization.objects.create(
        organization=organization,
        principal_name=principal_name,
        principal_phone=phone,
        relationship=relationship,
        document_reference=document_reference,
        expires_on=expires_on,
        proxy=proxy,
        created_at=clock.now(),
    )
    audit.record(
        "authorization",
        item,
        "created",
        by=by,
        data={"principal": principal_name, "proxy": proxy.username, "expires_on": expires_on.isoformat()},
    )
    return item


def authorization_ensure_usable(*, authorization: Authorization, by: User) -> None:
    """Only the named proxy (or a supervisor or administrator) acts, and only while it is valid."""
    if not access.may_act_for(by, authorization):
        raise DomainError.single(
            "authorization",
            "not_the_proxy",
            _("Only the named proxy employee may act for this principal."),
            status=403,
        )
    if authorization.expires_on < authorization.organization.local_today():
        raise Conflict.single(
            "authorization",
            "authorization_expired",
            _("This authorization expired on %(date)s. Ask the principal for a new one.")
            % {"date": authorization.expires_on.isoformat()},
        )


def _proxy_data(authorization: Authorization, by: User, case: Case, action: str) -> dict[str, Any]:
    return {
        "employee": by.username,
        "principal": authorization.principal_name,
        "relationship": authorization.relationship,
        "document": authorization.document_reference,
        "authorization": authorization.pk,
        "case": case.reference,
        "action": action,
    }


def proxy_case_create(
    *,
    authorization: Authorization,
    by: User,
    description: str,
    channel: str | None,
    kind: str | None = None,
    category: str | None = None,
    language: str | None = None,
    service_point: str | None = None,
) -> Case:
    """Submit a request for the principal: the case records them, and the audit records both people (in the
    case's own transaction, so triage runs before any write lock is taken). The staff intake rules apply as
    for any case staff take in (``cases.intake.staff_intake_request``: the channel and point of the
    person's post, the women's section's own requests in the section)."""
    authorization_ensure_usable(authorization=authorization, by=by)
    request = staff_intake_request(
        user=by,
        description=description,
        channel=channel,
        service_point=service_point,
        kind=kind,
        category=category,
        language=language,
        principal=Principal(
            name=authorization.principal_name,
            relationship=authorization.relationship,
            document=authorization.document_reference,
        ),
        reporter=Reporter(name=authorization.principal_name, phone=authorization.principal_phone),
    )

    def audit_row(case: Case) -> None:
        audit.record(
            "authorization",
            authorization,
            "proxy_action",
            by=by,
            data=_proxy_data(authorization, by, case, "create"),
        )

    return case_services.case_create(request=request, within=audit_row).case


@transaction.atomic
def proxy_case_act(
    *, authorization: Authorization, case: Case, by: User, action: str, note: str = ""
) -> Case:
    """A case action taken for the principal. The case timeline says for whom and under which document."""
    authorization_ensure_usable(authorization=authorization, by=by)
    access.ensure_same_organization("case", case, authorization.organization_id)
    on_behalf = casework.in_language(
        case.language,
        _("On behalf of %(principal)s (%(relationship)s), authorization %(document)s."),
        principal=authorization.principal_name,
        relationship=authorization.relationship,
        document=authorization.document_reference,
    )
    if action == "note":
        case_access.ensure_can_act(by, case, "note")
        body = clean_text(note, field="note", limit=NOTE_MAX, required=_("Write the note."))
        case_services.case_add_note(case=case, by=by, text=f"{on_behalf} {body}", public=False)
    else:
        case = case_actions.perform(by, case, action, case_actions.ActionInput(note=note))
        case_services.case_add_note(case=case, by=by, text=on_behalf, public=False)
    audit.record(
        "authorization",
        authorization,
        "proxy_action",
        by=by,
        note=note,
        data=_proxy_data(authorization, by, case, action),
    )
    case.refresh_from_db()
    return case
