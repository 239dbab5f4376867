"""Triage at intake: the language, a category with its confidence and alternatives, danger words that make
a case urgent, the route to a department or partner, and duplicates nearby.

The models live in ``khidma.triage`` (plain Python); this module applies their answers to a case.
"""

from __future__ import annotations

import datetime
import logging
import math
import threading
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from khidma.cases import privacy
from khidma.cases.intake import ValidIntake, fallback_language
from khidma.cases.lifecycle import OPEN_STATUSES
from khidma.cases.models import Case, Priority
from khidma.core import geo
from khidma.core.languages import is_supported
from khidma.organizations import selectors as org_selectors
from khidma.organizations.models import Area, CaseKind, Category
from khidma.triage.routing import Route, route, settings_for

logger = logging.getLogger("khidma.triage")


@dataclass
class Assessment:
    language: str | None = None
    language_confidence: float | None = None
    category: str | None = None
    confidence: float | None = None
    alternatives: list[dict] = field(default_factory=list)
    urgent_terms: list[str] = field(default_factory=list)


_model_lock = threading.Lock()
_installation_model: tuple[float, object] | None = None


def category_model():
    """The installation's own model when `khidma triage-train` has made one, else the shipped corpus's."""
    global _installation_model
    from khidma.triage import classifier

    path = Path(settings.KHIDMA_TRIAGE_MODEL)
    if path.exists():
        mtime = path.stat().st_mtime
        with _model_lock:
            if _installation_model is None or _installation_model[0] != mtime:
                _installation_model = (mtime, classifier.CategoryModel.load(path))
            return _installation_model[1]
    return classifier.get_model()


def language_of(text: str, fallback: str) -> str:
    """The language a message is written in, for answering it; ``fallback`` when the detector fails."""
    try:
        from khidma.triage.language import detect

        return detect(text).code
    except Exception:  # a missing or failing detector must not lose the message
        logger.exception("language detection failed")
        return fallback


def suggest_category(text: str) -> str | None:
    """Triage's best category for a text (the installation's retrained model when there is one)."""
    return assess(text).category


def warm_up() -> None:
    """Train or load the models once, before the web server forks its workers, so that no reporter waits
    for it (the language model trains at first use; the category model too without a saved one)."""
    assess("warm up: the street light is broken")


def assess(text: str, *, language: str | None = None) -> Assessment:
    """Never raises: a failing model leaves the case to people, it does not lose the report. ``language``:
    already known (a channel detected it to answer in it), so it is not detected twice."""
    result = Assessment()
    if not text.strip():
        return result
    try:
        from khidma.triage import language as languages
        from khidma.triage import priority

        if language:
            result.language, result.language_confidence = language, 1.0
        else:
            guess = languages.detect(text)
            result.language, result.language_confidence = guess.code, float(guess.confidence)
        prediction = category_model().predict(text)
        result.category, result.confidence = prediction.category, float(prediction.confidence)
        result.alternatives = [{"category": c, "confidence": float(p)} for c, p in prediction.alternatives]
        hint = priority.assess(text)
        result.urgent_terms = list(hint.matched) if hint.urgent else []
    except Exception:
        logger.exception("triage failed; the case goes to the triage queue")
    return result


@dataclass(frozen=True, kw_only=True)
class TriageDecision:
    """Everything intake decides about a submission before it writes anything: what the models said, and
    what the case becomes."""

    assessment: Assessment | None  # None when the channel said everything triage would have guessed
    language: str
    category: Category | None
    applied: bool  # the category is triage's, above the organization's threshold
    priority: str
    kind: str
    area: Area | None
    route: Route | None  # the department or partner the case goes to; None without a category
    duplicate_of: tuple[Case, float] | None  # an open public problem nearby, and how far (metres)


def triage_decide(intake: ValidIntake, *, now: datetime.datetime) -> TriageDecision:
    """The one place intake consults triage: language, category (applied only above the organization's
    threshold), urgency, area, route and a duplicate nearby. Reads only, so every channel calls it outside
    any transaction (the models cost milliseconds; a write lock must not wait for them)."""
    request = intake.request
    organization = intake.organization
    language, category, priority = request.language, intake.category, request.priority
    assessment = None
    applied = False
    if language is None or category is None or priority is None:
        assessment = assess(intake.description, language=language)
        # A text with too few letters to tell (a number, "hi") keeps the channel's or request's language.
        sure = (assessment.language_confidence or 0) >= 0.5
        if language is None and assessment.language and is_supported(assessment.language) and sure:
            language = assessment.language
        if category is None and assessment.category:
            candidate = org_selectors.category_get_active(organization=organization, code=assessment.category)
            threshold = settings_for(organization.pk).auto_apply_threshold
            if candidate is not None and (assessment.confidence or 0) >= threshold:
                category, applied = candidate, True
        if priority is None and assessment.urgent_terms:
            priority = Priority.URGENT
    kind = request.kind or (category.kind if category else CaseKind.REPORT)
    area = intake.area
    if request.lat is not None and request.lon is not None:
        area = org_selectors.area_for_point(organization=organization, lat=request.lat, lon=request.lon)
    elif intake.place is not None and area is None:
        place = intake.place
        area = place.area or org_selectors.area_for_point(
            organization=organization, lat=place.lat, lon=place.lon
        )
    destination = route(category=category, area_id=area.pk if area else None, kind=kind) if category else None
    # Only public problems are linked automatically: a private case is never told "already reported" about
    # someone else's case, nor offered as the original of a stranger's report. A case referred to a partner
    # at once is not linked either.
    public = privacy.public_problem(
        kind=kind, womens_section=request.womens_section, is_proxy=intake.principal is not None
    )
    # A gazetteer place's point stands for the whole place: it says nothing about distance.
    placed = request.lat is not None and request.lon is not None
    referred = destination is not None and bool(destination.partner)
    duplicate_of = None
    if category is not None and placed and public and not referred:
        duplicate_of = _duplicate_candidate(
            organization_id=organization.pk,
            category_id=category.pk,
            lat=request.lat,
            lon=request.lon,
            now=now,
        )
    return TriageDecision(
        assessment=assessment,
        language=language or fallback_language(request),
        category=category,
        applied=applied,
        priority=priority or Priority.NORMAL,
        kind=kind,
        area=area,
        route=destination,
        duplicate_of=duplicate_of,
    )


def _duplicate_candidate(
    *, organization_id: int, category_id: int, lat: float, lon: float, now: datetime.datetime
) -> tuple[Case, float] | None:
    options = settings_for(organization_id)
    found = nearby_open(
        organization_id=organization_id,
        category_id=category_id,
        lat=lat,
        lon=lon,
        radius_m=options.duplicate_radius_m,
        since=now - datetime.timedelta(days=options.duplicate_window_days),
        limit=1,
    )
    if not found:
        return None
    original, distance = found[0]
    # Point at the root, so chains of duplicates never form.
    while original.duplicate_of_id is not None:
        original = original.duplicate_of
    return original, distance


def nearby_open(
    *,
    organization_id: int,
    category_id: int,
    lat: float,
    lon: float,
    radius_m: float,
    since: datetime.datetime,
    exclude_id: int | None = None,
    limit: int = 5,
) -> list[tuple[Case, float]]:
    """Open public problems of the category within ``radius_m`` received since ``since``, nearest first.

    Only public problems (cases/privacy.py): the answer is shown to strangers — on the public "already
    reported?" list and as the original a new report is linked to — so a women's-section case, a complaint
    or a proxy's case is never among them."""
    d_lat = radius_m / 111_320
    d_lon = radius_m / (111_320 * max(math.cos(math.radians(lat)), 0.01))
    candidates = privacy.public_problems(Case.objects.all()).filter(
        organization_id=organization_id,
        category_id=category_id,
        status__in=OPEN_STATUSES,
        received_at__gte=since,
        lat__range=(lat - d_lat, lat + d_lat),
        lon__range=(lon - d_lon, lon + d_lon),
    )
    if exclude_id is not None:
        candidates = candidates.exclude(pk=exclude_id)
    # Every new report with a point asks this, and usually nothing is near: read only what the distance needs
    # (a whole case row, with its category, costs more to build than the look-up itself) and load the cases
    # kept.
    points = candidates.order_by().values_list("pk", "lat", "lon", "received_at")
    nearest = sorted(
        (distance, received_at, pk)
        for pk, case_lat, case_lon, received_at in points
        if (distance := geo.haversine_m(lat, lon, case_lat, case_lon)) <= radius_m
    )[:limit]
    if not nearest:
        return []
    cases = Case.objects.select_related("category").in_bulk([pk for _, _, pk in nearest])
    return [(cases[pk], distance) for distance, _, pk in nearest if pk in cases]


def classify_text(text: str) -> dict:
    """The JSON contract of `khidma triage-classify` and POST /api/v1/triage/classify."""
    result = assess(text)
    return {
        "language": result.language,
        "category": result.category,
        "confidence": result.confidence,
        "alternatives": result.alternatives,
    }


def training_examples() -> list[tuple[str, str]]:
    """(text, category) of closed cases whose category a person set, confirmed or corrected: a category
    changed by staff (a correction), chosen by staff at intake, or applied by triage and left unchanged
    until the case was closed."""
    from khidma.cases.models import CaseEvent, EventKind, Status

    corrected = set(
        CaseEvent.objects.filter(kind=EventKind.CATEGORY_CHANGED, data__corrected=True).values_list(
            "case_id", flat=True
        )
    )
    examples = []
    closed = Case.objects.filter(status=Status.CLOSED, category__isnull=False).select_related("category")
    for case in closed.iterator():
        if case.pk in corrected or case.created_by_id is not None or hasattr(case, "triage"):
            examples.append((case.description, case.category.code))
    return examples
