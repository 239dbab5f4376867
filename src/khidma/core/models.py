"""Shared tables: the counters of the rate limiter (``khidma.core.ratelimit``) when no Redis is configured."""

from __future__ import annotations

from django.db import models


class RateCounter(models.Model):
    """How many times something happened in the current window, for one limit and one client. Written only by
    ``khidma.core.ratelimit`` with an atomic upsert, so every server process and machine shares it.

    The key is a keyed hash of the limit and the client (an address, a phone number, a user name): the table
    holds no personal data. Times are seconds since the epoch, read from ``khidma.core.clock``."""

    key = models.CharField(max_length=64, unique=True)
    window_start = models.FloatField()
    count = models.PositiveIntegerField(default=0)
    last_at = models.FloatField()
    # When the row stops mattering; the worker deletes rows past it (an indexed timer, like every other).
    expires_at = models.FloatField(db_index=True)

    class Meta:
        verbose_name = "rate counter"
        verbose_name_plural = "rate counters"

    def __str__(self) -> str:
        return f"{self.key[:12]}… {self.count}"
