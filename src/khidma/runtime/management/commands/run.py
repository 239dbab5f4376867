"""``khidma run``: the web server and the background worker together until Ctrl-C (what `make demo` runs)."""

from __future__ import annotations

import signal
import subprocess
import sys

from django.core.management.base import BaseCommand

from khidma.env import env_int, env_str


class Command(BaseCommand):
    help = "Run the web server and the background worker together until interrupted."

    def handle(self, *args, **options):
        host = env_str("HOST", "127.0.0.1")
        port = env_int("PORT", 8000)
        base = f"http://{host}:{port}"
        self.stdout.write(
            "\n".join(
                [
                    "",
                    f"Khidma is starting on {base}/",
                    f"  public portal    {base}/",
                    f"  staff (back office) {base}/staff/",
                    f"  admin (Arabic)   {base}/admin/",
                    f"  API docs         {base}/api/v1/docs",
                    f"  OpenAPI          {base}/api/v1/openapi.json",
                    "Press Ctrl-C to stop.",
                    "",
                ]
            )
        )
        command = [sys.executable, "-m", "khidma"]
        worker = subprocess.Popen([*command, "worker"])  # noqa: S603 - our own interpreter and module
        server = subprocess.Popen([*command, "serve"])  # noqa: S603
        children = (server, worker)

        def stop(signum, frame):
            # Ctrl-C in a terminal already reached both children (one process group); anything else
            # (SIGTERM from a supervisor, or one child dying) is passed on as a graceful stop.
            if signum == signal.SIGINT:
                return
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGINT if child is worker else signal.SIGTERM)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        # Whichever ends first (Ctrl-C, or a crash) brings the other down too.
        while all(child.poll() is None for child in children):
            try:
                server.wait(timeout=1)
            except subprocess.TimeoutExpired:
                continue
        stop(signal.SIGTERM, None)
        for child in children:
            child.wait(timeout=15)
