"""Proxy authorizations on screen: the list (valid or expired) and recording a new one. The principal's
authorization document is masked for roles that do not see reporters' contact details."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from khidma.accounts.models import User
from khidma.backoffice.programs.common import Outcome, attempt, page
from khidma.backoffice.programs.forms import AuthorizationForm
from khidma.backoffice.views import staff_required
from khidma.core.masking import mask_identifier
from khidma.programs import access
from khidma.programs.models import Authorization
from khidma.programs.proxies import selectors, services

LIST_MAX = 200


@staff_required
def authorizations(request: HttpRequest) -> HttpResponse:
    user: User = request.user
    candidates = selectors.proxy_candidates(organization=user.organization)
    form = AuthorizationForm(request.POST if request.method == "POST" else None, candidates=candidates)
    outcome = Outcome()
    if request.method == "POST":
        outcome = attempt(
            request,
            form,
            lambda data: services.authorization_create(
                organization=user.organization,
                principal_name=data["principal_name"],
                principal_phone=data["principal_phone"],
                relationship=data["relationship"],
                document_reference=data["document_reference"],
                expires_on=data["expires_on"],
                proxy=data["proxy"] or user,
                by=user,
            ),
            permission="authorization_manage",
            done=_("Authorization recorded."),
        )
        if outcome.done:
            return redirect(request.path)
    contact = access.can_see_contact(user)
    items = selectors.authorization_list(access.visible(user, Authorization))[:LIST_MAX]
    return page(
        request,
        "authorizations.html",
        {
            "authorizations": [
                {
                    "item": a,
                    "valid": selectors.authorization_is_valid(a),
                    "document": a.document_reference if contact else mask_identifier(a.document_reference),
                }
                for a in items
            ],
            "people": candidates,
            "can_manage": access.can(user, "authorization_manage"),
            "form": form,
            "errors": outcome.errors,
        },
        status=outcome.status,
    )
