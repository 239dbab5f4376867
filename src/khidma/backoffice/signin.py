"""Staff sign-in pages, for the back office and the admin alike (``/staff/login/`` and ``/admin/login/``):
the password, then — when the account needs it — the code from an authenticator app, and the page that
sets two-step sign-in up. The rules (slowing down, locks, who needs a code) are ``accounts.signin`` and
``accounts.twofactor``; nobody is signed in before every step has passed.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import login as auth_login
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from khidma.accounts import signin, twofactor
from khidma.accounts.models import User
from khidma.core.clientip import client_ip
from khidma.core.ratelimit import wait_message

PENDING = "khidma_signin_pending"
PENDING_SECONDS = 300  # the password step is good for five minutes


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


def _render(request: HttpRequest, template: str, context: dict, status: int, wait: int = 0) -> HttpResponse:
    response = render(request, template, {"next": _next_url(request), **context}, status=status)
    if wait:
        response["Retry-After"] = str(wait)
    return response


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
def sign_in(request: HttpRequest) -> HttpResponse:
    return _sign_in(request, template="backoffice/login.html", form_class=AuthenticationForm, extra={})


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
def admin_sign_in(request: HttpRequest) -> HttpResponse:
    """The admin's sign-in page in the admin's own look, with the same rules (and then the same code step)."""
    extra = {
        **admin.site.each_context(request),
        "title": _("Log in"),
        "app_path": request.get_full_path(),
        "username": request.user.get_username(),
    }
    return _sign_in(
        request, template="admin/khidma_login.html", form_class=AdminAuthenticationForm, extra=extra
    )


def _sign_in(request: HttpRequest, *, template: str, form_class: type, extra: dict) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    typed = request.POST.get("username", "")[:150]
    context: dict = {**extra, "form": form_class(request, data=data), "typed": typed}
    if request.method != "POST":
        return _render(request, template, context, 200)
    ip = client_ip(request)
    refusal = signin.login_refusal(username=typed, ip=ip)
    if refusal is not None:
        # Answered before the password is even checked; the name typed stays in the form.
        context["form"] = form_class(request, initial={"username": typed})
        context["error"] = refusal.message
        return _render(request, template, context, 429, wait=refusal.seconds)
    form = context["form"]
    if not form.is_valid():
        refusal = signin.login_failure_record(username=typed, ip=ip)
        context["error"] = _("Your username and password did not match. Please try again.")
        context["wait"] = refusal.message if refusal else ""
        return _render(request, template, context, 400)
    user = form.get_user()
    if twofactor.needs_second_step(user):
        request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "at": time.time(),
            "next": _next_url(request),
        }
        step = "backoffice:sign-in-code" if twofactor.confirmed_device(user) else "backoffice:two-step"
        return redirect(step)
    signin.login_success_record(username=typed)
    auth_login(request, user)
    return redirect(_next_url(request) or resolve_url(settings.LOGIN_REDIRECT_URL))


def _pending(request: HttpRequest) -> tuple[User, dict] | None:
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return None
    user = User.objects.filter(pk=pending["user"], is_active=True).first()
    return (user, pending) if user is not None else None


def _complete(request: HttpRequest, user: User, pending: dict, device) -> HttpResponse:
    """Every step passed: sign in, mark the session as having passed the code step, and go on."""
    request.session.pop(PENDING, None)
    signin.login_success_record(username=user.username)
    auth_login(request, user, backend=pending["backend"])
    otp_login(request, device)
    return redirect(pending.get("next") or resolve_url(settings.LOGIN_REDIRECT_URL))


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def sign_in_code(request: HttpRequest) -> HttpResponse:
    """The second step: the six-digit code from the person's authenticator app."""
    found = _pending(request)
    if found is None:
        messages.info(request, _("Please sign in again."))
        return redirect("backoffice:login")
    user, pending = found
    if twofactor.confirmed_device(user) is None:
        return redirect("backoffice:two-step")
    context: dict = {}
    if request.method == "POST":
        ip = client_ip(request)
        refusal = signin.login_refusal(username=user.username, ip=ip)
        if refusal is not None:
            context["error"] = refusal.message
            return _render(request, "backoffice/sign_in_code.html", context, 429, wait=refusal.seconds)
        device, wait = twofactor.two_factor_verify(user=user, token=request.POST.get("code", ""))
        if device is not None:
            return _complete(request, user, pending, device)
        if wait:
            context["error"] = _("Too many wrong codes. %(wait)s") % {"wait": wait_message(wait)}
            return _render(request, "backoffice/sign_in_code.html", context, 429, wait=wait)
        refusal = signin.login_failure_record(username=user.username, ip=ip)
        context["error"] = _("This code is not right. Type the code your app shows now.")
        context["wait"] = refusal.message if refusal else ""
        return _render(request, "backoffice/sign_in_code.html", context, 400)
    return _render(request, "backoffice/sign_in_code.html", context, 200)


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def two_step(request: HttpRequest) -> HttpResponse:
    """Set up two-step sign-in (signed in, or half-way through signing in when it is required), see whether
    it is on, and turn it off when the role allows."""
    pending = None
    if request.user.is_authenticated:
        user = request.user
    else:
        found = _pending(request)
        if found is None or not twofactor.two_factor_required(found[0]):
            return redirect(f"{reverse('backoffice:login')}?next={reverse('backoffice:two-step')}")
        user, pending = found
    ip = client_ip(request)
    required = twofactor.two_factor_required(user)
    device = twofactor.confirmed_device(user)
    context: dict = {"required": required, "pending": pending is not None, "enabled": device is not None}
    status = 200
    if device is not None and request.user.is_authenticated:
        if request.method == "POST" and request.POST.get("action") == "remove" and not required:
            checked, _wait_for = twofactor.two_factor_verify(user=user, token=request.POST.get("code", ""))
            if checked is not None:
                twofactor.two_factor_remove(user=user, by=user, ip=ip)
                messages.success(request, _("Two-step sign-in is off."))
                return redirect("backoffice:two-step")
            context["error"] = _("This code is not right. Type the code your app shows now.")
            status = 400
        return _render(request, "backoffice/two_step.html", context, status)
    setup = twofactor.enrolment_device(user)
    if request.method == "POST":
        if twofactor.two_factor_enrol(user=user, device=setup, token=request.POST.get("code", ""), ip=ip):
            if pending is not None:
                return _complete(request, user, pending, setup)
            otp_login(request, setup)
            messages.success(
                request, _("Two-step sign-in is on. You will be asked for a code when you sign in.")
            )
            return redirect("backoffice:two-step")
        if pending is not None:
            signin.login_failure_record(username=user.username, ip=ip)
        context["error"] = _("This code is not right. Check the time on your phone and type the code again.")
        status = 400
    context.update(
        {
            "qr": twofactor.enrolment_qr_svg(setup),
            "secret": twofactor.enrolment_secret(setup),
            "app_link": setup.config_url,  # otpauth://, opened by the authenticator app on a phone
        }
    )
    return _render(request, "backoffice/two_step.html", context, status)
