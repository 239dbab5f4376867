"""Days as the organization lives them: "today" and a range of local days, in its time zone."""

from __future__ import annotations

import datetime
import zoneinfo

from khidma.core import clock
from khidma.organizations.models import Organization


def local_today(organization: Organization) -> datetime.date:
    return clock.now().astimezone(zoneinfo.ZoneInfo(organization.time_zone)).date()


def local_days(
    organization: Organization, start: datetime.date, end: datetime.date
) -> tuple[datetime.datetime, datetime.datetime]:
    """[start 00:00, the day after end 00:00) in the organization's time zone: the days, both included."""
    tz = zoneinfo.ZoneInfo(organization.time_zone)
    since = datetime.datetime.combine(start, datetime.time(), tzinfo=tz)
    until = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time(), tzinfo=tz)
    return since, until
