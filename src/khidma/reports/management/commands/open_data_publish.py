"""``khidma open-data-publish``: write the open-data files of the finished days that have none yet (the
worker does this every ten minutes)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from khidma.reports.opendata import open_data_publish_due


class Command(BaseCommand):
    help = "Publish the open-data files (CSV and GeoJSON) of finished days that have none yet."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=366, help="at most this many days in this run")

    def handle(self, *args, days: int, **options):
        self.stdout.write(f"{open_data_publish_due(limit=days)} days published.")
