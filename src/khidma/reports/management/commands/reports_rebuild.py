"""``khidma reports-rebuild``: recompute every case's reporting row and every day's sums (after a bulk import
of cases)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from khidma.reports.facts import facts_rebuild


class Command(BaseCommand):
    help = (
        "Recompute the dashboard's reporting rows of every case and the per-day sums "
        "(the worker keeps them up to date)."
    )

    def handle(self, *args, **options):
        result = facts_rebuild()
        self.stdout.write(f"{result.cases} cases counted.")
