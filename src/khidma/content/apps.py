from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "khidma.content"
    label = "content"
    verbose_name = _("Advice and awareness")
