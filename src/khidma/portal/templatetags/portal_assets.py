"""`{% inline_css "portal/portal.css" %}`: a small style sheet written into the page instead of linked.

On a slow mobile connection every request that blocks the first paint costs a round trip (about two seconds
on a "3G" link, docs/benchmarks.md); the portal's own style sheet is small, so the page carries it. Relative
`url(...)` references are rewritten to the files' static URLs (hashed names in production), so a style sheet
that refers to images or fonts works the same written into the page.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils.safestring import mark_safe

register = template.Library()

_URL = re.compile(r"url\((['\"]?)(?!data:|https?:|/)([^'\")]+)\1\)")


def _read(path: str) -> str:
    found = finders.find(path)
    if not found:
        raise template.TemplateSyntaxError(f"inline_css: no static file {path}")
    with open(found, encoding="utf-8") as handle:
        css = handle.read()
    folder = posixpath.dirname(path)
    css = _URL.sub(lambda m: f'url("{static(posixpath.normpath(posixpath.join(folder, m.group(2))))}")', css)
    return css.replace("</", "<\\/")  # nothing in a style sheet may close the element early


_cached = cache(_read)


@register.simple_tag
def inline_css(path: str) -> str:
    css = _read(path) if settings.DEBUG else _cached(path)  # read again at every page while developing
    return mark_safe(f"<style>{css}</style>")  # noqa: S308 - our own static files
