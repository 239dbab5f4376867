from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    name = "khidma.translation"
    label = "translation"
    verbose_name = _("Machine translation")
