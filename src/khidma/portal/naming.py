"""Names of categories, areas and service points as the portal shows them.

Organizations name things in Arabic and usually English. A reader of a left-to-right language whose own
name is missing gets the English name before the Arabic one: an Indonesian or Hindi speaker is likelier to
read English, and the page then needs no Arabic font.
"""

from __future__ import annotations

from django.utils.translation import get_language

from khidma.core.languages import RTL_LANGUAGES, pick_name


def display_name(obj) -> str:
    language = (get_language() or "ar").split("-")[0]
    return pick_name(obj.names, language, fallback="ar" if language in RTL_LANGUAGES else "en")
