"""Reports accepted at once and made cases moments later: the public API's intake in a Hajj peak.

``case_accept`` validates a submission (every problem reported at once, as ``case_create`` does), gives it
its reference number and stores it — one short write, no triage — so the reporter has their number in a
few milliseconds however busy the season. The worker then makes the case exactly as ``case_create`` would
(triage, area, routing, targets, duplicates, the first SMS), claiming waiting submissions with a lease so
several workers share them and a worker that dies loses nothing: its lease runs out and another takes the
submission. A submission is made a case once: the reference is unique per organization.

With ``KHIDMA_INTAKE_DEFERRED=0`` the request makes the case itself right after accepting it (small
installations without a worker, and the test suite): the same two steps, in one request. So does every
request while more than ``KHIDMA_INTAKE_BACKLOG_LIMIT`` reports wait for the worker (``deferred``).
"""

from __future__ import annotations

import dataclasses
import datetime
import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from khidma.cases.intake import IntakeRequest, intake_validate
from khidma.cases.models import Case, IntakeSubmission
from khidma.cases.services import case_write, next_reference
from khidma.core import clock
from khidma.core.db import commit_without_waiting
from khidma.core.errors import DomainError
from khidma.core.memo import remembered
from khidma.organizations.models import Organization

logger = logging.getLogger("khidma.intake")

# How long a worker holds the submissions it claimed before another may take them.
LEASE = datetime.timedelta(minutes=2)


@dataclass(frozen=True)
class Acceptance:
    submission: IntakeSubmission
    created: bool  # False: a retry of a submission already accepted (same idempotency key and content)


def case_accept(*, request: IntakeRequest) -> Acceptance:
    """Validate and store a submission with its reference number; the case is made by ``submission_process``
    (in the worker, or at once when intake is not deferred)."""
    intake_validate(request)
    fingerprint = request.fingerprint()
    organization = request.organization
    key = request.idempotency_key
    now = clock.now()
    # The moment the person reported is the case's received time, however long the queue.
    stored = dataclasses.replace(request, received_at=request.received_at or now).to_data()
    try:
        with transaction.atomic():
            submission = IntakeSubmission.objects.create(
                organization=organization,
                reference=next_reference(organization, now=now),
                idempotency_key=key or None,
                fingerprint=fingerprint,
                request=stored,
                accepted_at=now,
            )
    except IntegrityError:
        # A retry under a key already used (the unique index answers, so a first attempt pays no look-up).
        existing = _replay(organization, key, fingerprint) if key else None
        if existing is None:
            raise
        return Acceptance(existing, created=False)
    return Acceptance(submission, created=True)


def _replay(organization: Organization, key: str, fingerprint: str) -> IntakeSubmission | None:
    existing = IntakeSubmission.objects.filter(organization=organization, idempotency_key=key).first()
    if existing is not None and existing.fingerprint != fingerprint:
        raise DomainError.single(
            "idempotency_key",
            "idempotency_key_reused",
            _("This idempotency key was already used for a different report."),
            status=409,
        )
    return existing


def submission_process(submission: IntakeSubmission) -> Case | None:
    """Make the case of an accepted submission (once: a second call returns the same case). Never loses the
    submission: when something it named has gone since it was accepted (a category retired a moment later),
    the case is made without it and triage decides; an unexpected failure is recorded and retried."""
    if submission.case_id is not None:
        return submission.case
    organization = submission.organization
    request = IntakeRequest.from_data(submission.request, organization=organization)
    try:
        try:
            intake = intake_validate(request)
        except DomainError:
            # Valid when accepted; a code it named has been retired since. Keep the report, drop the code.
            request = dataclasses.replace(request, category=None, service_point=None, area=None)
            intake = intake_validate(request)

        def link(case: Case) -> None:
            # Made again from the submission if a database crash loses it: no need to wait for the disk.
            commit_without_waiting()
            IntakeSubmission.objects.filter(pk=submission.pk).update(
                case=case, processed_at=clock.now(), claimed_until=None, error=""
            )

        result = case_write(
            intake, fingerprint=submission.fingerprint, reference=submission.reference, within=link
        )
    except Exception as exc:
        logger.exception("accepted report %s could not be made a case yet", submission.reference)
        IntakeSubmission.objects.filter(pk=submission.pk).update(error=f"{type(exc).__name__}: {exc}"[:2000])
        return None
    if not result.created:
        # Another worker (whose lease ran out) or a retry under the same key made it first.
        IntakeSubmission.objects.filter(pk=submission.pk, case__isnull=True).update(
            case=result.case, processed_at=clock.now(), claimed_until=None
        )
    submission.case = result.case
    return result.case


def submissions_process_due(*, limit: int = 200) -> int:
    """Claim waiting submissions (oldest first) and make their cases; returns how many were made. Safe
    from several workers: a conditional update claims each row for one of them."""
    now = clock.now()
    waiting = Q(processed_at__isnull=True) & (Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
    token = uuid.uuid4().hex
    with transaction.atomic():
        oldest = IntakeSubmission.objects.filter(waiting).order_by("accepted_at", "id")
        if connection.features.has_select_for_update_skip_locked:
            # Workers claiming at the same moment take the next rows instead of racing for the same ones
            # (the loser found nothing left to claim and rested).
            oldest = oldest.select_for_update(skip_locked=True)
        ids = list(oldest.values_list("pk", flat=True)[:limit])
        if not ids:
            return 0
        IntakeSubmission.objects.filter(waiting, pk__in=ids).update(
            claim=token, claimed_until=now + LEASE, attempts=F("attempts") + 1
        )
    made = 0
    mine = IntakeSubmission.objects.filter(claim=token, processed_at__isnull=True).select_related(
        "organization"
    )
    for submission in mine.order_by("accepted_at", "id"):
        if submission_process(submission) is not None:
            made += 1
    return made


def deferred() -> bool:
    """Whether an accepted report may be left to the worker: intake is deferred, and the worker is not too
    far behind. Past ``KHIDMA_INTAKE_BACKLOG_LIMIT`` waiting reports the request makes its case itself (a
    full queue's producer runs the task): the wait stays bounded — every accepted report a case, its first
    message out, within seconds of a peak ending — and intake slows to what the machine can fully process
    instead of taking reports faster than they can ever be made cases."""
    if not settings.KHIDMA_INTAKE_DEFERRED:
        return False
    limit = settings.KHIDMA_INTAKE_BACKLOG_LIMIT
    # Counted after this report was accepted: it is one of them.
    return limit <= 0 or _waiting_up_to(limit=limit + 1) <= limit


def submissions_waiting(*, at_least: int) -> int:
    """How many accepted reports wait for the worker, counted up to ``at_least`` (enough to decide)."""
    return IntakeSubmission.objects.filter(processed_at__isnull=True)[:at_least].count()


@remembered(seconds=1)
def _waiting_up_to(*, limit: int) -> int:
    """Accepted reports not yet cases, counted up to ``limit`` (the partial index holds only those): looked at
    once a second per process, not per request."""
    return submissions_waiting(at_least=limit)


def submission_get_waiting(*, organization: Organization, reference: str) -> IntakeSubmission | None:
    """An accepted report not yet made a case: the public pages answer "received" for it."""
    return IntakeSubmission.objects.filter(
        organization=organization, reference=reference, case__isnull=True
    ).first()
