"""The staff web application: queues, the case page and the agent console (the dashboard and the season
reports are in reports_views.py). Views are thin:
they read through selectors and queues, and write only through cases.actions and cases.services."""

from __future__ import annotations

import datetime
import uuid
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

from khidma.accounts.models import Role, User
from khidma.cases import access, actions, deadlines, queues
from khidma.cases import selectors as case_selectors
from khidma.cases.intake import Principal, Reporter, staff_intake_request
from khidma.cases.lifecycle import OPEN_STATUSES, TRANSITIONS
from khidma.cases.models import POST_CHANNELS, Case, Priority, Status
from khidma.cases.references import parse_reference
from khidma.cases.services import case_create
from khidma.cases.translations import case_translations_for_staff
from khidma.cases.triage import classify_text
from khidma.core import clock
from khidma.core.errors import DomainError
from khidma.core.masking import mask_identifier
from khidma.core.phones import format_phone, mask_phone, normalize_phone
from khidma.organizations import gazetteer
from khidma.organizations import selectors as organization_selectors
from khidma.organizations.models import Area, Department, ServicePoint
from khidma.reports import access as reports_access
from khidma.translation.services import translation_enabled

from . import labels, places, widgets
from .forms import ConsoleForm, QueueFilters
from .models import SavedFilter


class CappedPaginator(Paginator):
    """Pages through at most COUNT_CAP cases: past that, people narrow the queue with filters."""

    @cached_property
    def count(self) -> int:
        return queues.capped_count(self.object_list)


def staff_required(view):
    @wraps(view)
    @login_required(login_url="backoffice:login")
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not access.can_view_staff_api(request.user):
            return render(request, "backoffice/denied.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def is_htmx(request: HttpRequest) -> bool:
    """A partial update asked for by htmx: answer with the fragment, not the page (every page also works as
    a plain form without JavaScript, so both answers exist)."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def _common(request: HttpRequest) -> dict:
    user: User = request.user
    return {
        "saved_filters": SavedFilter.objects.filter(user=user),
        "counts": queues.queue_counts(user),
        "queue_names": queues.QUEUES,
        "can_console": access.can_create_cases(user),
        "can_dashboard": reports_access.can_view_reports(user),
        "today": clock.now(),
    }


# Where each role starts the day: supervisors on the dashboard, everyone else on the queue they work from
# (intake on triage, field staff on their own cases, heads on their department, the follow-up unit on the
# breached cases); association researchers and committees on their applications and meetings.
LANDING: dict[str, tuple[str, dict[str, str]]] = {
    Role.SUPERVISOR: ("backoffice:dashboard", {}),
    Role.AGENT_940: ("backoffice:queue", {"name": "triage"}),
    Role.COUNTER_AGENT: ("backoffice:queue", {"name": "triage"}),
    Role.WOMENS_SECTION: ("backoffice:queue", {"name": "triage"}),
    Role.FIELD_STAFF: ("backoffice:queue", {"name": "mine"}),
    Role.DEPARTMENT_HEAD: ("backoffice:queue", {"name": "department"}),
    Role.FOLLOWUP: ("backoffice:queue", {"name": "breached"}),
    Role.ORG_ADMIN: ("backoffice:queue", {"name": "all"}),
    Role.RESEARCHER: ("backoffice:programs:applications", {}),
    Role.COMMITTEE: ("backoffice:programs:meetings", {}),
}


@staff_required
def home(request: HttpRequest) -> HttpResponse:
    name, kwargs = LANDING.get(request.user.role, ("backoffice:queue", {"name": "mine"}))
    return redirect(name, **kwargs)


def _choices(user: User, language: str) -> dict[str, list[tuple[str, str]]]:
    organization = user.organization_id
    return {
        "categories": [
            (c.code, c.name_in(language))
            for c in organization_selectors.category_list_active(organization_id=organization)
        ],
        "areas": [
            (a.code, a.name_in(language))
            for a in Area.objects.filter(organization_id=organization).order_by("code")
        ],
        "service_points": [
            (p.code, p.name_in(language))
            for p in ServicePoint.objects.filter(organization_id=organization, is_active=True).order_by(
                "code"
            )
        ],
        "departments": [
            (d.code, d.name_in(language))
            for d in Department.objects.filter(organization_id=organization).order_by("code")
        ],
        "people": [
            (person.pk, person.get_full_name() or person.username)
            for person in User.objects.filter(organization_id=organization)
            .exclude(role="")
            .order_by("first_name", "last_name", "username")
        ],
    }


def _day_start(day: datetime.date | None, *, plus_days: int = 0) -> datetime.datetime | None:
    if day is None:
        return None
    return timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=plus_days), datetime.time())
    )


@staff_required
def queue_view(request: HttpRequest, name: str) -> HttpResponse:
    if name not in queues.QUEUES:
        raise Http404
    user: User = request.user
    choices = _choices(user, request.LANGUAGE_CODE)
    filters = QueueFilters(request.GET or None, default_order=queues.default_order(name), **choices)
    cases = queues.queue(user, name)
    how = queues.default_order(name)
    if filters.is_valid():
        data = filters.cleaned_data
        how = data["order"] or how
        cases = case_selectors.case_filter(
            cases,
            case_selectors.CaseFilters(
                status=[data["status"]] if data["status"] else None,
                category=data["category"] or None,
                area=data["area"] or None,
                channel=data["channel"] or None,
                language=data["language"] or None,
                priority=data["priority"] or None,
                service_point=data["service_point"] or None,
                received_from=_day_start(data["received_from"]),
                received_to=_day_start(data["received_to"], plus_days=1),  # the end day is included
                sla_state=data["sla_state"] or None,
                q=data["q"] or None,
                department=data["department"] or None,
                kind=data["kind"] or None,
                assignee=data["assignee"],
                outcome=data["outcome"] or None,
                rating=data["rating"],
                hour=data["hour"],
                bbox=data["bbox"],
            ),
            search_contact=access.can_see_contact(user),
        )
    elif filters.is_bound:
        cases = cases.none()  # a refused filter shows its error, never the unfiltered queue
    cases = queues.order(case_selectors.case_list_related(cases), how)
    suggest = name == "triage"  # cases waiting for a category: show triage's first guess on each row
    if suggest:
        cases = cases.select_related("triage")
    page = CappedPaginator(cases, 25).get_page(request.GET.get("page"))
    may_take = access.take_rule(user)
    names = dict(choices["categories"])
    rows = []
    for case in page.object_list:
        sla = deadlines.sla_status(case)
        guesses = labels.triage_options(getattr(case, "triage", None), names) if suggest else []
        rows.append(
            {
                "case": case,
                "sla": sla,
                "left": labels.working_hours(sla.resolution.remaining_seconds),
                "take": may_take(case),
                "suggestion": guesses[0] if guesses and not case.category_id else None,
            }
        )
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "name": name,
        "title": queues.QUEUES[name],
        "page": page,
        "rows": rows,
        "filters": filters,
        "query": params.urlencode(),
        "departments": Department.objects.filter(organization_id=user.organization_id, is_active=True),
        "people": case_selectors.people_with_workload(access.assignable_people(user)),
        "priorities": Priority.choices,
        "can_assign": "assign" in access.ROLE_ACTIONS.get(user.role, ()),
        "can_prioritize": "priority" in access.ROLE_ACTIONS.get(user.role, ()),
    }
    # A refused filter is a 400 that shows the form's errors (htmx swaps 400 fragments, see backoffice.js).
    status = 400 if filters.is_bound and not filters.is_valid() else 200
    if is_htmx(request):
        return render(request, "backoffice/_queue_results.html", context, status=status)
    return render(request, "backoffice/queue.html", {**_common(request), **context}, status=status)


def _visible(user: User, reference: str) -> Case:
    try:
        return access.case_get_visible(user, parse_reference(reference))
    except DomainError as exc:
        raise Http404 from exc


def _reply_options(case: Case, language: str) -> dict[str, list[dict]]:
    """The prepared replies offered in each action's form, titled in the reader's language; a reply without
    the reporter's language says so (it is then translated, or needs a confirmation)."""
    names = dict(settings.LANGUAGES)
    return {
        action: [
            {
                "pk": reply.pk,
                "title": reply.title_in(language),
                "missing": None if reply.text.get(case.language) else names.get(case.language, case.language),
            }
            for reply in replies
        ]
        for action, replies in case_selectors.prepared_replies_for_case(case).items()
    }


def _case_context(request: HttpRequest, case: Case, failed: dict | None = None) -> dict:
    user: User = request.user
    language = request.LANGUAGE_CODE
    allowed = [a for a in access.ACTIONS if a in access.ROLE_ACTIONS.get(user.role, ())]
    possible = TRANSITIONS.get(case.status, frozenset())
    show = {
        "take": access.can_take(user, case)
        and (Status.ASSIGNED in possible or case.status == Status.ON_HOLD),
        "assign": Status.ASSIGNED in possible,
        "unassign": case.assignee_id is not None and case.status in OPEN_STATUSES,
        "start": Status.IN_PROGRESS in possible,
        "hold": Status.ON_HOLD in possible,
        "resume": case.status == Status.ON_HOLD,
        "resolve": Status.RESOLVED in possible,
        "close": (Status.CLOSED in possible and case.status != Status.RESOLVED)
        or case.status == Status.REFERRED,
        "reopen": Status.REOPENED in possible,
        "reject": Status.REJECTED in possible,
        "duplicate": Status.DUPLICATE in possible,
        "refer": Status.REFERRED in possible,
        "priority": case.status in OPEN_STATUSES,
        "category": case.status in OPEN_STATUSES,
        "note": True,
        "confirm-closure": case.status == Status.RESOLVED and bool(case.closure_code_hash),
        "new-code": case.status == Status.RESOLVED and bool(case.closure_code_hash),
    }
    actions_shown = [a for a in allowed if show.get(a)]
    sla = deadlines.sla_status(case)
    categories = list(organization_selectors.category_list_active(organization_id=user.organization_id))
    contact = access.can_see_contact(user)
    events = list(case_selectors.case_events(case))
    translating = translation_enabled()
    return {
        "case": case,
        "sla": sla,
        "sla_policy": case.sla_policy.name_in(language) if case.sla_policy_id else "",
        "left": labels.working_hours(sla.resolution.remaining_seconds),
        "events": events,
        "translations": case_translations_for_staff(case, events, language=language),
        "reply_titles": case_selectors.prepared_reply_titles(events, language=language),
        "principal_document": case.authorization_document
        if contact
        else mask_identifier(case.authorization_document),
        "attachments": case.attachments.select_related("uploaded_by").order_by("created_at"),
        # Taking is the one-click action: offered apart from the others, first.
        "take": "take" in actions_shown,
        "actions": [a for a in actions_shown if a != "take"],
        "photo_actions": actions.PHOTO_ACTIONS,
        "phone": format_phone(case.reporter_phone) if contact else mask_phone(case.reporter_phone),
        "phone_link": case.reporter_phone if contact else "",
        "departments": Department.objects.filter(organization_id=user.organization_id, is_active=True),
        "people": case_selectors.people_with_workload(access.assignable_people(user, case))
        if "assign" in actions_shown
        else [],
        "categories": categories,
        "priorities": Priority.choices,
        # Links are checked both ways: only cases this person may see (never a women's-section case to
        # someone outside the section, even through a link made before cases/privacy.py existed).
        "duplicates": access.cases_visible_to(user).filter(duplicate_of=case).only("reference"),
        "original": access.cases_visible_to(user).filter(pk=case.duplicate_of_id).only("reference").first()
        if case.duplicate_of_id
        else None,
        "replies": _reply_options(case, language),
        "reply_actions": actions.REPLY_ACTIONS,
        "reader_language": dict(settings.LANGUAGES).get(case.language, case.language),
        "translating": translating,
        # Typed words would reach this reporter in another language untranslated: the forms say so.
        "mismatch_likely": not translating and case.language != (user.language or "ar"),
        "outbox": case_selectors.case_messages(case),
        "failed": failed or {},
        # Triage's suggestions while the case has no category, each a one-click "change category" form.
        "suggestions": labels.triage_options(
            getattr(case, "triage", None), labels.category_names(categories, language)
        )
        if not case.category_id
        else [],
        "can_categorize": "category" in actions_shown,
        "map_tile_url": settings.KHIDMA_MAP_TILE_URL,
        "map_tile_attribution": settings.KHIDMA_MAP_TILE_ATTRIBUTION,
    }


@staff_required
def case_view(request: HttpRequest, reference: str) -> HttpResponse:
    case = _visible(request.user, reference)
    return render(request, "backoffice/case.html", {**_common(request), **_case_context(request, case)})


@staff_required
@require_POST
def case_action(request: HttpRequest, reference: str, action: str) -> HttpResponse:
    user: User = request.user
    case = _visible(user, reference)
    post = request.POST
    note = post.get("note", "")
    reply = post.get("reply", "")
    if reply and not reply.isdigit():  # the form's list sends ids; anything else is not from it
        return HttpResponseBadRequest(_("Choose a reply from the list."))
    given = actions.ActionInput(
        note=note,
        public=post.get("public") == "on",
        department=post.get("department") or None,
        assignee=post.get("assignee") or None,
        priority=post.get("priority") or None,
        category=post.get("category") or None,
        duplicate_of=post.get("duplicate_of") or None,
        partner=post.get("partner") or None,
        photo=request.FILES.get("photo"),
        reply=int(reply) if reply.isdigit() else None,
        send_untranslated=post.get("send_untranslated") == "on",
    )
    try:
        actions.perform(user, case, action, given)
    except DomainError as exc:
        for error in exc.errors:
            messages.error(request, str(error.message))
        # The form comes back open with what was typed, and says what to do about a reporter's language.
        failed = {
            "action": action,
            "note": note,
            "reply": reply,
            "mismatch": any(e.code == "language_mismatch" for e in exc.errors),
        }
        case = _visible(user, reference)
        context = _case_context(request, case, failed)
        if is_htmx(request):
            return render(request, "backoffice/_case_body.html", {**context, "partial": True})
        return render(request, "backoffice/case.html", {**_common(request), **context}, status=exc.status)
    messages.success(request, _("Done."))
    back = post.get("next", "")
    if back and _same_site_path(request, back):
        return redirect(back)  # an action taken from a queue row returns to the queue
    if not is_htmx(request):
        if not access.cases_visible_to(user).filter(pk=case.pk).exists():
            return redirect("backoffice:home")  # the change took the case out of this person's sight
        return redirect("backoffice:case", reference=case.reference)
    try:
        case = _visible(user, reference)
    except Http404:
        # The change took the case out of this person's sight (another department): back to their queues.
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse("backoffice:home")
        return response
    return render(request, "backoffice/_case_body.html", {**_case_context(request, case), "partial": True})


@staff_required
@require_GET
def attachment_file(request: HttpRequest, reference: str, pk: int) -> FileResponse:
    """A case's photo or document, for staff who may see the case (never public, never cached by others)."""
    case = _visible(request.user, reference)
    item = case.attachments.filter(pk=pk).first()
    if item is None:
        raise Http404
    response = FileResponse(item.file.open("rb"), content_type=item.content_type)
    response["Content-Disposition"] = f'inline; filename="{item.pk}{item.extension}"'
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@staff_required
@require_GET
@cache_control(private=True, max_age=3600)
def map_areas(request: HttpRequest) -> JsonResponse:
    """The person's organization's boundary and areas, drawn under the case's pin and the console's map."""
    language = request.LANGUAGE_CODE
    return JsonResponse(
        organization_selectors.areas_geojson(
            organization=request.user.organization, name=lambda obj: obj.name_in(language)
        )
    )


# Intake's field names (cases.services.case_create) → the console's fields, so an error shows beside the
# field it is about; anything else shows above the form.
CONSOLE_FIELDS = {
    "description": "description",
    "kind": "kind",
    "category": "category",
    "priority": "priority",
    "language": "language",
    "lat": "lat",
    "lon": "lon",
    "area": "area",
    "address": "address",
    "reporter.name": "name",
    "reporter.phone": "phone",
    "principal.name": "principal_name",
}


@staff_required
def console(request: HttpRequest) -> HttpResponse:
    """Phone and walk-in intake: keyboard-first, the caller's history by phone, triage suggestions."""
    user: User = request.user
    if not access.can_create_cases(user):
        return render(request, "backoffice/denied.html", status=403)
    language = request.LANGUAGE_CODE
    categories = [
        (c.code, c.name_in(language))
        for c in organization_selectors.category_list_active(organization_id=user.organization_id)
    ]
    areas = [
        (a.code, a.name_in(language))
        for a in Area.objects.filter(organization_id=user.organization_id).order_by("code")
    ]
    post = user.service_point
    posted = request.POST
    if "pick_category" in posted:
        # A suggestion chosen without JavaScript: the form comes back with that category, nothing created.
        posted = posted.copy()
        posted["category"] = posted["pick_category"]
    form = ConsoleForm(
        posted or None,
        categories=categories,
        areas=areas,
        post_channel=POST_CHANNELS.get(post.kind) if post else None,
        area_points=places.area_points(user.organization),
        initial={"phone": request.GET.get("phone", "")},
    )
    if user.role == Role.WOMENS_SECTION:
        del form.fields["womens_section"]  # the section's own intake is always its own
    history = _caller_history(user, posted.get("phone") or request.GET.get("phone") or "")
    suggestion = None
    if request.method == "POST" and ("suggest" in posted or "pick_category" in posted):
        suggestion = _suggestion(posted.get("description", ""), user, language)
        form.errors.clear()  # not a submission: no "this field is required" yet
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        principal = None
        if data["principal_name"]:
            principal = Principal(
                data["principal_name"], data["principal_relationship"], data["authorization_document"]
            )
        place = _console_place(user, data)
        if place is not None:
            point = places.Point(None, None)  # the place's point stands for it (see IntakeRequest.place)
        else:
            point = places.console_point(
                user.organization, lat=data["lat"], lon=data["lon"], area=data["area"]
            )
        try:
            result = case_create(
                request=staff_intake_request(
                    user=user,
                    description=data["description"],
                    channel=data["channel"] or None,
                    womens_section=data.get("womens_section", False),
                    kind=data["kind"],
                    category=data["category"] or None,
                    priority=data["priority"] if data["priority"] != Priority.NORMAL else None,
                    language=data["language"] or None,
                    fallback_language=language,
                    lat=point.lat,
                    lon=point.lon,
                    address=data["address"],
                    area=data["area"] or None,
                    place=place.key if place is not None else None,
                    reporter=Reporter(name=data["name"], phone=data["phone"]),
                    principal=principal,
                    idempotency_key=request.POST.get("idempotency_key") or None,
                )
            )
        except DomainError as exc:
            for error in exc.errors:
                form.add_error(CONSOLE_FIELDS.get(error.field), str(error.message))
        else:
            messages.success(request, _("Case %(ref)s created.") % {"ref": result.case.reference})
            return redirect("backoffice:case", reference=result.case.reference)
    return render(
        request,
        "backoffice/console.html",
        {
            **_common(request),
            "form": form,
            "history": history,
            "suggestion": suggestion,
            "idempotency_key": request.POST.get("idempotency_key") or uuid.uuid4().hex,
            "map_tile_url": settings.KHIDMA_MAP_TILE_URL,
            "map_tile_attribution": settings.KHIDMA_MAP_TILE_ATTRIBUTION,
        },
    )


def _console_place(user: User, data: dict):
    """The gazetteer place a console case is placed by: the one chosen among the suggestions while the pin
    has not moved, else — without a point or an area — the one the typed address names, if it is sure."""
    chosen = gazetteer.chosen_place(
        organization=user.organization, key=data.get("place", ""), lat=data["lat"], lon=data["lon"]
    )
    if chosen is not None or data["lat"] is not None or data["area"] or not data["address"]:
        return chosen
    return gazetteer.place_for_text(organization=user.organization, text=data["address"])


@login_required(login_url="backoffice:login")
@require_GET
def date_reading(request: HttpRequest) -> HttpResponse:
    """A date field's words for the date just chosen (htmx, ``widgets.ReadableDateInput``): the field's own
    parameter, whatever its name."""
    value = next(iter(request.GET.values()), "")
    return HttpResponse(widgets.date_reading(value))


@staff_required
@require_GET
def console_places(request: HttpRequest) -> HttpResponse:
    """Gazetteer places matching the address as the agent types it (htmx)."""
    user: User = request.user
    matches = gazetteer.place_search(
        organization=user.organization, query=request.GET.get("address", ""), limit=6
    )
    return render(request, "backoffice/_console_places.html", {"matches": matches})


def _caller_history(user: User, phone_text: str) -> list[Case]:
    """The caller's earlier cases, for roles that may see phone numbers."""
    if not phone_text.strip() or not access.can_see_contact(user):
        return []
    try:
        phone = normalize_phone(phone_text.strip())
    except ValueError:
        return []
    return list(
        access.cases_visible_to(user)
        .filter(reporter_phone=phone)
        .select_related("category")
        .order_by("-received_at")[:10]
    )


def _suggestion(text: str, user: User, language: str) -> dict | None:
    """Triage's reading of the description: the categories by name with their confidence as a percentage,
    and the language it detected by its name."""
    if len(text.split()) < 2:
        return None
    result = classify_text(text[:4000])
    names = labels.category_names(
        organization_selectors.category_list_active(organization_id=user.organization_id), language
    )
    options = [{"category": result["category"], "confidence": result["confidence"]}, *result["alternatives"]]
    return {
        "language": labels.language_name(result["language"] or ""),
        "options": labels.named(options, names),
    }


@staff_required
@require_POST
def console_suggest(request: HttpRequest) -> HttpResponse:
    """The triage suggestion as the agent types the description (htmx; the console's button does the same
    without JavaScript)."""
    if not access.can_create_cases(request.user):
        return HttpResponse(status=403)
    suggestion = _suggestion(request.POST.get("description", ""), request.user, request.LANGUAGE_CODE)
    return render(request, "backoffice/_console_suggestion.html", {"suggestion": suggestion})


@staff_required
@require_GET
def console_history(request: HttpRequest) -> HttpResponse:
    """The caller's earlier cases as the agent types the phone number (htmx)."""
    if not access.can_create_cases(request.user):
        return HttpResponse(status=403)
    history = _caller_history(request.user, request.GET.get("phone", ""))
    return render(request, "backoffice/_console_history.html", {"history": history})


BULK_ACTIONS = ("assign", "unassign", "priority")


@staff_required
@require_POST
def bulk_action(request: HttpRequest) -> HttpResponse:
    """Assign (to a department, a person or both), unassign or reprioritize many cases at once; each case
    gets its own event, and a case the person may not change is skipped and named."""
    user: User = request.user
    action = request.POST.get("action", "")
    back = request.POST.get("next") or ""
    if not _same_site_path(request, back):
        back = reverse("backoffice:home")
    if action not in BULK_ACTIONS:
        messages.error(request, _("Choose what to do with the selected cases."))
        return redirect(back)
    given = actions.ActionInput(
        department=request.POST.get("department") or None,
        assignee=request.POST.get("assignee") or None,
        priority=request.POST.get("priority") or None,
    )
    done, failed = 0, []
    for reference in request.POST.getlist("cases"):
        case = access.cases_visible_to(user).filter(reference=reference).first()
        if case is None:
            failed.append(reference)
            continue
        try:
            actions.perform(user, case, action, given)
            done += 1
        except DomainError as exc:
            failed.append(
                _("%(reference)s (%(reason)s)") % {"reference": reference, "reason": exc.errors[0].message}
            )
    if done:
        messages.success(request, ngettext("%(n)d case updated.", "%(n)d cases updated.", done) % {"n": done})
    if failed:
        messages.error(request, _("Not changed: %(list)s") % {"list": ", ".join(failed)})
    return redirect(back)


def _same_site_path(request: HttpRequest, target: str) -> bool:
    """Only a path of this site (``/staff/…``): no scheme, no other host, and neither ``//evil.example`` nor
    ``/\\evil``, which browsers read as addresses of another site."""
    return (
        target.startswith("/")
        and not target.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(target, allowed_hosts=None, require_https=request.is_secure())
    )


@staff_required
@require_POST
def filter_save(request: HttpRequest) -> HttpResponse:
    """Keep the current queue and its filters under a name, for this person only."""
    name = request.POST.get("name", "").strip()[:80]
    queue = request.POST.get("queue", "")
    if not name or queue not in queues.QUEUES:
        messages.error(request, _("Give the filter a name."))
        return redirect("backoffice:home")
    query = request.POST.get("query", "")[:500]
    SavedFilter.objects.update_or_create(
        user=request.user, name=name, defaults={"queue": queue, "query": query}
    )
    messages.success(request, _("Filter saved."))
    return redirect(f"/staff/queue/{queue}/?{query}" if query else f"/staff/queue/{queue}/")


@staff_required
@require_POST
def filter_delete(request: HttpRequest, pk: int) -> HttpResponse:
    SavedFilter.objects.filter(user=request.user, pk=pk).delete()
    return redirect("backoffice:home")
