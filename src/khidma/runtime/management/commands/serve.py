"""``khidma serve``: the production web server (gunicorn), the same one a deployment runs."""

from __future__ import annotations

import os

from django.core.management.base import BaseCommand
from gunicorn.app.base import BaseApplication

from khidma.env import env_int, env_str


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        # With preload_app the master loads Django and the triage models once; workers share them.
        from khidma.cases.triage import warm_up
        from khidma.wsgi import application

        warm_up()
        return application


class Command(BaseCommand):
    help = "Run the web server (gunicorn) on HOST:PORT with WEB_CONCURRENCY worker processes."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=env_str("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=env_int("PORT", 8000))
        parser.add_argument("--workers", type=int, default=env_int("WEB_CONCURRENCY", 2))
        parser.add_argument("--threads", type=int, default=env_int("KHIDMA_WEB_THREADS", 4))

    def handle(self, *args, host, port, workers, threads, **options):
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khidma.settings")
        _Gunicorn(
            {
                "bind": f"{host}:{port}",
                "workers": workers,
                # Threads let one process overlap requests that wait on the database.
                "threads": threads,
                "worker_class": "gthread",
                "timeout": env_int("KHIDMA_WEB_TIMEOUT", 30),
                "graceful_timeout": 10,
                "accesslog": "-" if env_str("KHIDMA_ACCESS_LOG", "1") != "0" else None,
                "limit_request_field_size": 16384,
                # gunicorn's maximum: longer addresses than the application's own limit (4096, answered 414
                # in the API's format by khidma.runtime.middleware) still reach the application.
                "limit_request_line": 8190,
                "preload_app": True,
            }
        ).run()
