from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "khidma.api"
    label = "api"
    verbose_name = "API"
