"""Proxy services (Mansurin, Mutmainnun): authorizations, and requests and case actions for a principal."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Router, Status

from khidma.accounts.models import User
from khidma.api.auth import StaffToken
from khidma.api.programs import presenters
from khidma.api.programs.lookups import scoped_get, visible_case
from khidma.api.programs.schemas import (
    ERRORS,
    AuthorizationIn,
    AuthorizationOut,
    ProxyActIn,
    ProxyActOut,
    ProxyCaseIn,
    ProxyCaseOut,
)
from khidma.cases import access as case_access
from khidma.core.errors import DomainError
from khidma.programs import access
from khidma.programs.models import Authorization
from khidma.programs.proxies import selectors, services

router = Router(tags=["programs"], auth=StaffToken())


@router.post("/authorizations", response={201: AuthorizationOut, **ERRORS})
def authorization_create(request: HttpRequest, payload: AuthorizationIn):
    user: User = request.auth
    access.ensure(user, "authorization_manage")
    proxy = user
    if payload.proxy:
        proxy = selectors.proxy_find(organization=user.organization, username=payload.proxy)
        if proxy is None:
            raise DomainError.single("proxy", "unknown_user", _("Unknown user."))
    item = services.authorization_create(
        organization=user.organization,
        principal_name=payload.principal_name,
        principal_phone=payload.principal_phone,
        relationship=payload.relationship,
        document_reference=payload.document_reference,
        expires_on=payload.expires_on,
        proxy=proxy,
        by=user,
    )
    return Status(201, presenters.authorization(item, user))


@router.get("/authorizations/{authorization_id}", response={200: AuthorizationOut, **ERRORS})
def authorization_get(request: HttpRequest, authorization_id: int):
    """An authorization and its audit trail; the principal's phone and document are masked for roles that do
    not see reporters' phones."""
    user: User = request.auth
    item = scoped_get(
        user,
        selectors.authorization_list(access.visible(user, Authorization)),
        authorization_id,
        "authorization",
    )
    return presenters.authorization(item, user)


@router.post("/authorizations/{authorization_id}/cases", response={201: ProxyCaseOut, **ERRORS})
def proxy_case_create(request: HttpRequest, authorization_id: int, payload: ProxyCaseIn):
    """Submit a request for the principal (needs a valid authorization held by the caller)."""
    user: User = request.auth
    access.ensure(user, "proxy_act")
    if not case_access.can_create_cases(user):
        raise DomainError.single("", "forbidden", _("Your role does not allow creating cases."), status=403)
    item = scoped_get(user, Authorization, authorization_id, "authorization")
    post = user.service_point
    case = services.proxy_case_create(
        authorization=item,
        by=user,
        description=payload.description,
        channel=payload.channel,
        kind=payload.kind,
        category=payload.category,
        language=payload.language,
        service_point=payload.service_point or (post.code if post else None),
    )
    return Status(
        201,
        {
            "case": case.reference,
            "status": case.status,
            "principal": case.principal_name,
            "authorization": presenters.authorization(item, user),
        },
    )


@router.post("/authorizations/{authorization_id}/act", response={200: ProxyActOut, **ERRORS})
def proxy_case_act(request: HttpRequest, authorization_id: int, payload: ProxyActIn):
    """Take a case action (`note`, `hold`, `resolve`, …) for the principal."""
    user: User = request.auth
    access.ensure(user, "proxy_act")
    item = scoped_get(user, Authorization, authorization_id, "authorization")
    case = visible_case(user, payload.case)
    case = services.proxy_case_act(
        authorization=item, case=case, by=user, action=payload.action, note=payload.note
    )
    return {
        "case": case.reference,
        "status": case.status,
        "authorization": presenters.authorization(item, user),
    }
