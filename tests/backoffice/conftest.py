"""Fixtures the back office's tests share with others."""

from tests.i18n.conftest import replies  # noqa: F401 - Makkah's prepared replies in ten languages
