"""The people an organization serves (members, beneficiaries, supporters, volunteers) and the cases they are
linked to."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.cases.models import Case
from khidma.core import clock
from khidma.core.errors import DomainError
from khidma.core.phones import normalize_phone
from khidma.core.text import fold_for_search
from khidma.core.validation import clean_text
from khidma.organizations.models import Organization
from khidma.programs import audit
from khidma.programs.access import ensure_same_organization
from khidma.programs.models import Person, PersonRole

NAME_MAX = 200


def _roles(values: list[str] | None) -> list[str]:
    roles = []
    for value in values or []:
        if value not in PersonRole.values:
            raise DomainError.single(
                "roles", "invalid_choice", _("This value is not one of the allowed choices.")
            )
        if value not in roles:
            roles.append(value)
    return roles


@transaction.atomic
def person_create(
    *, organization: Organization, name: str, phone: str = "", roles: list[str] | None = None, by: User | None
) -> Person:
    name = clean_text(name, field="name", limit=NAME_MAX, required=_("Give the person's name."))
    normalized = ""
    if phone and phone.strip():
        try:
            normalized = normalize_phone(phone)
        except ValueError as exc:
            raise DomainError.single("phone", "invalid_phone", _("This phone number is not valid.")) from exc
    person = Person.objects.create(
        organization=organization,
        name=name,
        name_folded=fold_for_search(name)[:200],
        phone=normalized,
        roles=_roles(roles),
        created_at=clock.now(),
    )
    audit.record("person", person, "created", by=by, data={"roles": person.roles})
    return person


@transaction.atomic
def person_link_case(*, person: Person, case: Case, by: User | None) -> Person:
    ensure_same_organization("case", case, person.organization_id)
    if not person.cases.filter(pk=case.pk).exists():
        person.cases.add(case)
        audit.record("person", person, "case_linked", by=by, data={"case": case.reference})
    return person
