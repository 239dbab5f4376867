"""Keeping the per-day sums (``FactDay``) in step with the reporting rows.

A day's sums are always rewritten whole from the reporting rows of the cases received that day, in the
transaction that changed those rows (reports/facts.py), so they can never drift from the rows: a report
added up from the sums counts exactly what the same report counted on the rows would. A refresh touches the
days of the cases it recomputed (a few a minute); ``summary_rebuild`` rewrites every day.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db import connection
from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When

from khidma.reports.figures import BOUNDS, DIMENSIONS, DURATIONS, FLAGS
from khidma.reports.models import CaseFact, FactDay

# Days rewritten per statement.
DAYS_PER_PASS = 31
# A key of PostgreSQL's transaction-level advisory locks: two workers never rewrite one organization's days at
# once (each would delete the other's rows, not yet committed, and both insert theirs).
_LOCK_CLASS = 7461


def _sums() -> dict:
    sums = {"received": Count("pk"), "rated": Count("rating"), "rating_sum": Sum("rating")}
    sums.update({flag: Count("pk", filter=Q(**{flag: True})) for flag in FLAGS})
    sums.update({f"rating_{n}": Count("pk", filter=Q(rating=n)) for n in range(1, 6)})
    return sums


def bucket_expression(column: str) -> Case:
    """The number of the bucket (``BOUNDS``) a duration falls in, worked out by the database."""
    whens = [When(**{f"{column}__lt": BOUNDS[n + 1]}, then=Value(n)) for n in range(len(BOUNDS) - 1)]
    return Case(*whens, default=Value(len(BOUNDS) - 1), output_field=IntegerField())


def _text(value) -> str | None:
    return None if value is None else str(value)


def _rewrite(organization_id: int, days: list[datetime.date], models: tuple) -> int:
    fact_model, day_model = models
    day_model.objects.filter(organization_id=organization_id, received_on__in=days).delete()
    facts = fact_model.objects.filter(organization_id=organization_id, received_on__in=days)
    rows = []
    sums = _sums()
    for dimension, column in (("all", None), *DIMENSIONS.items(), ("hour", "hour")):
        group = ["received_on", "womens_section", *([column] if column else [])]
        for row in facts.values(*group).annotate(**sums).order_by():
            rows.append(
                day_model(
                    organization_id=organization_id,
                    received_on=row["received_on"],
                    womens_section=row["womens_section"],
                    dimension=dimension,
                    value=_text(row[column]) if column else None,
                    **{name: row[name] or 0 for name in sums},
                )
            )
    for column in DURATIONS:
        buckets = (
            facts.filter(**{f"{column}__isnull": False})
            .annotate(bucket=bucket_expression(column))
            .values("received_on", "womens_section", "bucket")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for row in buckets:
            rows.append(
                day_model(
                    organization_id=organization_id,
                    received_on=row["received_on"],
                    womens_section=row["womens_section"],
                    dimension=column,
                    value=str(row["bucket"]),
                    received=row["n"],
                )
            )
    day_model.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def summary_refresh_days(days: Iterable[tuple[int, datetime.date]], *, models: tuple | None = None) -> int:
    """Rewrite the sums of these (organization, day) pairs from their reporting rows; call it inside the
    transaction that changed the rows. (``models``: the migration that adds the sums passes its own.)"""
    models = models or (CaseFact, FactDay)
    by_organization: dict[int, set[datetime.date]] = defaultdict(set)
    for organization_id, day in days:
        by_organization[organization_id].add(day)
    written = 0
    for organization_id in sorted(by_organization):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_LOCK_CLASS, organization_id])
        chosen = sorted(by_organization[organization_id])
        for start in range(0, len(chosen), DAYS_PER_PASS):
            written += _rewrite(organization_id, chosen[start : start + DAYS_PER_PASS], models)
    return written


def summary_rebuild(*, models: tuple | None = None) -> int:
    """Rewrite every day's sums (after the reporting rows were all recomputed, or written by hand)."""
    fact_model, day_model = models or (CaseFact, FactDay)
    day_model.objects.all().delete()
    days = fact_model.objects.values_list("organization_id", "received_on").distinct().order_by()
    return summary_refresh_days(list(days), models=(fact_model, day_model))
