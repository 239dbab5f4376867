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
from khidma.cases.lifecycle import OPEN_STATUSES
from khidma.cases.models import Case
from khidma.core import geo

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


def warm_up() -> None:
    """Train or load the models once, before the web server forks its workers, so that no reporter waits
    for it (the language model trains at first use; the category model too without a saved one)."""
    assess("warm up: the street light is broken")


def assess(text: str) -> Assessment:
    """Never raises: a failing model leaves the case to people, it does not lose the report."""
    result = Assessment()
    if not text.strip():
        return result
    try:
        from khidma.triage import language, priority

        guess = language.detect(text)
        result.language, result.language_confidence = guess.code, float(guess.confidence)
        prediction = category_model().predict(text)
        result.category, result.confidence = prediction.category, float(prediction.confidence)
        result.alternatives = [{"category": c, "confidence": float(p)} for c, p in prediction.alternatives]
        hint = priority.assess(text)
        result.urgent_terms = list(hint.matched) if hint.urgent else []
    except Exception:
        logger.exception("triage failed; the case goes to the triage queue")
    return result


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
    candidates = (
        privacy.public_problems(Case.objects.all())
        .filter(
            organization_id=organization_id,
            category_id=category_id,
            status__in=OPEN_STATUSES,
            received_at__gte=since,
            lat__range=(lat - d_lat, lat + d_lat),
            lon__range=(lon - d_lon, lon + d_lon),
        )
        .exclude(pk=exclude_id)
        .select_related("category")
    )
    found = [(case, geo.haversine_m(lat, lon, case.lat, case.lon)) for case in candidates]
    found = [(case, distance) for case, distance in found if distance <= radius_m]
    found.sort(key=lambda pair: (pair[1], pair[0].received_at))
    return found[:limit]


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
