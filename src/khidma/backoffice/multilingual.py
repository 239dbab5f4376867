"""Forms that hold a text in each public language (advice, awareness posts, prepared replies): the inputs are
``title_<code>`` and ``body_<code>`` (``content/staff/_languages.html`` draws them), and a refused form comes
back with every problem beside its field and everything typed still there."""

from __future__ import annotations

from django.http import QueryDict
from django.utils.translation import get_language_info

from khidma.core.errors import DomainError
from khidma.core.languages import LANGUAGE_CODES, RTL_LANGUAGES


def form_errors(exc: DomainError) -> dict[str, list[str]]:
    """A domain error's messages by the form field they name ("__all__" for the form as a whole)."""
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        errors.setdefault(error.field or "__all__", []).append(str(error.message))
    return errors


def per_language_from(post_data: QueryDict) -> dict[str, dict[str, str]]:
    return {
        code: {
            "title": post_data.get(f"title_{code}", ""),
            "body": post_data.get(f"body_{code}", ""),
            "image_alt": post_data.get(f"image_alt_{code}", ""),
        }
        for code in LANGUAGE_CODES
    }


def language_rows(values: dict[str, dict[str, str]], errors: dict[str, list[str]]) -> list[dict]:
    """One row per public language for the form: its name in itself, direction, values and errors."""
    rows = []
    for code in LANGUAGE_CODES:
        given = values.get(code, {})
        field_errors = {
            part: errors.get(f"{part}_{code}", []) for part in ("title", "body", "image_alt", "name")
        }
        rows.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "dir": "rtl" if code in RTL_LANGUAGES else "ltr",
                "title": given.get("title", ""),
                "body": given.get("body", ""),
                "image_alt": given.get("image_alt", ""),
                "name_value": given.get("name", ""),
                "errors": field_errors,
                "has_errors": any(field_errors.values()),
                "open": code in ("ar", "en") or any(given.values()) or any(field_errors.values()),
            }
        )
    return rows


def presence(texts: dict[str, str]) -> list[dict]:
    """Each public language with whether ``texts`` has it, for lists that show what is still missing."""
    return [
        {"code": code, "name": get_language_info(code)["name_local"], "present": bool(texts.get(code))}
        for code in LANGUAGE_CODES
    ]
