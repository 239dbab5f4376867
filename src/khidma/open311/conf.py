"""Settings the Open311 interface reads, with the standard's defaults."""

from __future__ import annotations

import datetime

from django.conf import settings

# GeoReport v2: start_date and end_date may be at most 90 days apart; without dates, the last 90 days.
WINDOW = datetime.timedelta(days=90)
DEFAULT_MAX_REQUESTS = 1000
DEFAULT_RATE_LIMIT = 60


def max_requests() -> int:
    """How many requests one GET answers at most (and the largest page_size). The standard says 1000."""
    return int(getattr(settings, "KHIDMA_OPEN311_MAX_REQUESTS", DEFAULT_MAX_REQUESTS))


def rate_limit() -> int:
    """Requests per API key per minute (KHIDMA_OPEN311_RATE_LIMIT); 0 turns the limit off."""
    return int(getattr(settings, "KHIDMA_OPEN311_RATE_LIMIT", DEFAULT_RATE_LIMIT))
