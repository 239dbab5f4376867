from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "khidma.core"
    label = "core"
    verbose_name = "Khidma core"
