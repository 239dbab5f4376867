"""The public tracking link of a case: the one address every channel gives the reporter."""

from __future__ import annotations

from django.conf import settings

from khidma.cases import privacy
from khidma.cases.models import Case, IntakeSubmission

# The query parameter that carries the reporter's key (see cases/privacy.py).
KEY_PARAMETER = "k"


def tracking_path(case: Case, *, for_reporter: bool = True) -> str:
    """``for_reporter``: the link goes to the case's own reporter (their phone or email, or the answer to
    their own submission), so it may carry their key; anyone else gets the bare link."""
    path = f"/track/{case.reference}"
    if for_reporter and not privacy.is_public_problem(case):
        # A private case's notes are shown only to its reporter: their link carries the proof.
        path += f"?{KEY_PARAMETER}={privacy.reporter_key(case)}"
    return path


def tracking_url(case: Case, *, for_reporter: bool = True) -> str:
    return f"{settings.KHIDMA_PUBLIC_BASE_URL}{tracking_path(case, for_reporter=for_reporter)}"


def tracking_url_for(submission: IntakeSubmission) -> str:
    """The link given to the reporter with an accepted report's number, before the case exists: it carries
    their key, so it keeps working if the case turns out private (cases/privacy.py)."""
    key = privacy.reporter_key(submission)
    return f"{settings.KHIDMA_PUBLIC_BASE_URL}/track/{submission.reference}?{KEY_PARAMETER}={key}"
