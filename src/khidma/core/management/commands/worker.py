"""``khidma worker``: runs enqueued tasks (Django's Tasks, database backend) and the periodic sweeps."""

from __future__ import annotations

import logging
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from khidma.env import env_int

logger = logging.getLogger("khidma.worker")


def _periodic(stop: threading.Event, every: float) -> None:
    # Timers are data: each sweep reads only what is due through an indexed column and claims rows, so
    # running it from every worker is safe; this loop merely wakes it up.
    from khidma.cases.deadlines import case_sla_sweep

    while not stop.wait(every):
        try:
            result = case_sla_sweep()
            if result.examined:
                logger.info("sla sweep: %s", result)
        except Exception:
            logger.exception("sla sweep failed; trying again in %s s", every)
        finally:
            close_old_connections()


class Command(BaseCommand):
    help = "Run the background worker until stopped."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", action="store_true", help="run what is queued and one sweep, then exit"
        )
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls when idle")

    def handle(self, *args, batch, interval, **options):
        arguments = ["--queue-name", "*", "--interval", str(interval), "--no-reload"]
        if batch:
            call_command("sla_sweep")
            call_command("db_worker", *arguments, "--batch", verbosity=options.get("verbosity", 1))
            return
        stop = threading.Event()
        sweeper = threading.Thread(
            target=_periodic,
            args=(stop, env_int("KHIDMA_SLA_SWEEP_SECONDS", 60)),
            name="sla-sweep",
            daemon=True,
        )
        sweeper.start()
        try:
            call_command("db_worker", *arguments, verbosity=options.get("verbosity", 1))
        finally:
            stop.set()
