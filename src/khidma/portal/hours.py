"""Opening hours live in the domain (khidma.organizations.hours); the portal's pages import them from here
as before."""

from khidma.organizations.hours import (  # noqa: F401
    DAY_KEYS,
    MAKKAH,
    RAMADAN,
    Opening,
    PrayerWindow,
    Today,
    is_always_open,
    is_ramadan,
    openings_on,
    prayer_window,
    today,
)
