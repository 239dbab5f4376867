from django.apps import AppConfig


class RuntimeConfig(AppConfig):
    """Start-up: the web server, the background worker and both together (`khidma serve`, `worker`, `run`).
    The top layer: it wires every other app together and nothing imports it."""

    name = "khidma.runtime"
    label = "runtime"
    verbose_name = "Khidma runtime"
