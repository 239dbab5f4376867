"""Back-office preferences: a person's saved queue filters."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SavedFilter(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_filters")
    name = models.CharField(_("name"), max_length=80)
    queue = models.SlugField(_("queue"), max_length=20)
    # The queue page's query string (filters and search), replayed as it was saved.
    query = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("saved filter")
        verbose_name_plural = _("saved filters")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
