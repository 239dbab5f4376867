from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "khidma.demo"
    label = "demo"
    verbose_name = "Demo data"
