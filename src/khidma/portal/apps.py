from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "khidma.portal"
    label = "portal"
    verbose_name = "Portal"
