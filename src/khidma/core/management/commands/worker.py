"""``khidma worker``: the background worker that runs enqueued tasks (Django's Tasks, database backend)."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the background worker until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="run what is queued, then exit")
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls when idle")

    def handle(self, *args, batch, interval, **options):
        arguments = ["--queue-name", "*", "--interval", str(interval), "--no-reload"]
        if batch:
            arguments.append("--batch")
        call_command("db_worker", *arguments, verbosity=options.get("verbosity", 1))
