"""Staff screens for prepared replies (/staff/replies/): the list with each language present or missing,
a new reply, editing one, and deactivating it. Organization administrators and supervisors keep them
(cases/access.py); views read the form, call cases.replies and render, like the content screens."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from khidma.cases import access, replies, selectors
from khidma.cases.models import PreparedReply, ReplyAction
from khidma.core.errors import DomainError
from khidma.organizations import selectors as org_selectors

from .multilingual import form_errors, language_rows, per_language_from, presence

DONE = {"created", "saved", "deactivated", "activated"}


def manager_required(view):
    @wraps(view)
    @login_required(login_url="backoffice:login")
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not access.can_manage_replies(request.user):
            return render(request, "backoffice/denied.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _get(request: HttpRequest, pk: int) -> PreparedReply:
    reply = access.replies_visible_to(request.user).filter(pk=pk).first()
    if reply is None:
        raise Http404
    return reply


@manager_required
def reply_list(request: HttpRequest) -> HttpResponse:
    language = get_language()
    labels = dict(ReplyAction.choices)
    rows = [
        {
            "reply": reply,
            "title": reply.title_in(language),
            "actions": [labels.get(a, a) for a in reply.actions],
            "categories": [c.name_in(language) for c in reply.categories.all()],
            "languages": presence(reply.text),
            "missing": sum(1 for row in presence(reply.text) if not row["present"]),
        }
        for reply in selectors.prepared_reply_list(access.replies_visible_to(request.user))
    ]
    return render(
        request,
        "backoffice/replies/list.html",
        {"rows": rows, "done": request.GET.get("done") if request.GET.get("done") in DONE else ""},
    )


def _values(request: HttpRequest) -> dict:
    given = per_language_from(request.POST)
    return {
        "key": request.POST.get("key", ""),
        "title": {code: parts["title"] for code, parts in given.items()},
        "text": {code: parts["body"] for code, parts in given.items()},
        "actions": request.POST.getlist("actions"),
        "categories": request.POST.getlist("categories"),
    }


def _page(request, *, reply, values, errors, status=200):
    language = get_language()
    per_language = {
        code: {"title": values["title"].get(code, ""), "body": values["text"].get(code, "")}
        for code in set(values["title"]) | set(values["text"])
    }
    categories = org_selectors.category_list_active(organization_id=request.user.organization_id)
    return render(
        request,
        "backoffice/replies/form.html",
        {
            "reply": reply,
            "values": values,
            "languages": language_rows(per_language, errors),
            "errors": errors,
            "action_choices": ReplyAction.choices,
            "category_choices": [(c.code, c.name_in(language)) for c in categories.order_by("code")],
            "done": request.GET.get("done") if request.GET.get("done") in DONE else "",
        },
        status=status,
    )


@manager_required
def reply_new(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        values = _values(request)
        try:
            reply = replies.prepared_reply_create(
                organization=request.user.organization, by=request.user, **values
            )
        except DomainError as exc:
            return _page(request, reply=None, values=values, errors=form_errors(exc), status=400)
        return redirect(reverse("backoffice:reply", args=[reply.pk]) + "?done=created")
    values = {"key": "", "title": {}, "text": {}, "actions": [], "categories": []}
    return _page(request, reply=None, values=values, errors={})


@manager_required
def reply_edit(request: HttpRequest, pk: int) -> HttpResponse:
    reply = _get(request, pk)
    if request.method == "POST":
        values = _values(request)
        try:
            replies.prepared_reply_update(reply=reply, by=request.user, **values)
        except DomainError as exc:
            return _page(request, reply=reply, values=values, errors=form_errors(exc), status=400)
        return redirect(reverse("backoffice:reply", args=[reply.pk]) + "?done=saved")
    values = {
        "key": reply.key,
        "title": reply.title,
        "text": reply.text,
        "actions": reply.actions,
        "categories": [c.code for c in reply.categories.all()],
    }
    return _page(request, reply=reply, values=values, errors={})


@manager_required
@require_POST
def reply_active(request: HttpRequest, pk: int) -> HttpResponse:
    reply = _get(request, pk)
    active = request.POST.get("active") == "1"
    replies.prepared_reply_set_active(reply=reply, by=request.user, active=active)
    return redirect(reverse("backoffice:replies") + ("?done=activated" if active else "?done=deactivated"))
