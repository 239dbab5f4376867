"""Machine translations, kept once per text and language pair: the same report, reply or note is never sent
to the translation server twice."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from khidma.core import clock


class Translation(models.Model):
    # sha256 of the source text: the lookup key (texts are too long to index as they are).
    source_hash = models.CharField(max_length=64)
    source_language = models.CharField(_("from"), max_length=8)
    target_language = models.CharField(_("into"), max_length=8)
    source_text = models.TextField(_("original"))
    text = models.TextField(_("translation"))
    backend = models.CharField(_("translated by"), max_length=30)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("machine translation")
        verbose_name_plural = _("machine translations")
        constraints = [
            models.UniqueConstraint(
                fields=["source_hash", "source_language", "target_language"], name="translation_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_language}→{self.target_language}: {self.text[:40]}"
