"""Prepared replies: every write. Organization administrators and supervisors keep them (cases/access.py).

A reply is given as ``title`` and ``text``, each ``{"ar": …, "en": …}`` over the ten public languages; a
language is present when it has both, missing when it has neither, and an error when it has only one.
Errors name the staff form's inputs, all at once: ``key``, ``title_ar``, ``body_ur`` (a text), ``actions``,
``categories``. Choosing a reply for an action is in cases/wording.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.cases import access
from khidma.cases.models import PreparedReply, ReplyAction
from khidma.core import clock
from khidma.core.errors import DomainError, FieldError
from khidma.core.languages import LANGUAGE_CODES
from khidma.organizations.models import Category, Organization

TITLE_MAX = 120
# The text goes inside an SMS frame: long texts cost several parts (docs/channels.md).
TEXT_MAX = 1000
KEY_MAX = 80
_KEY = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")

PerLanguage = Mapping[str, str]


def _clean_languages(title: PerLanguage, text: PerLanguage) -> tuple[dict, dict, list[FieldError]]:
    titles: dict[str, str] = {}
    texts: dict[str, str] = {}
    errors: list[FieldError] = []
    for language in LANGUAGE_CODES:
        heading = (title.get(language) or "").strip()
        words = (text.get(language) or "").strip()
        if not heading and not words:
            continue
        if not heading:
            errors.append(FieldError(f"title_{language}", "required", _("Enter a title.")))
        elif len(heading) > TITLE_MAX:
            errors.append(
                FieldError(
                    f"title_{language}",
                    "too_long",
                    _("The title is too long: at most %(n)d characters.") % {"n": TITLE_MAX},
                )
            )
        if not words:
            errors.append(FieldError(f"body_{language}", "required", _("Enter the text.")))
        elif len(words) > TEXT_MAX:
            errors.append(
                FieldError(
                    f"body_{language}",
                    "too_long",
                    _("The text is too long: at most %(n)d characters.") % {"n": TEXT_MAX},
                )
            )
        titles[language], texts[language] = heading, words
    if not titles and not errors:
        errors.append(
            FieldError("title_ar", "required", _("Write the title and text in at least one language."))
        )
    return titles, texts, errors


def _clean_key(organization_id: int, key: str, titles: dict, exclude: PreparedReply | None):
    key = (key or "").strip().lower()
    if not key:
        for language in ("en", "fr", "id", "ms", "tr"):
            key = slugify(titles.get(language, ""))[:KEY_MAX].strip("-")
            if key:
                break
    if not key:
        return "", [FieldError("key", "required", _("Enter a key: Latin letters, digits and dashes."))]
    if len(key) > KEY_MAX or not _KEY.match(key):
        return key, [
            FieldError("key", "invalid", _("The key may only hold Latin letters, digits and dashes."))
        ]
    taken = PreparedReply.objects.filter(organization_id=organization_id, key=key)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.exists():
        return key, [FieldError("key", "taken", _("This key is already used."))]
    return key, []


def _clean_actions(actions: Iterable[str]) -> tuple[list[str], list[FieldError]]:
    chosen = [a for a in ReplyAction.values if a in set(actions)]
    if not chosen or len(chosen) != len(set(actions)):
        return chosen, [
            FieldError("actions", "invalid_choice", _("Choose the actions this reply goes with."))
        ]
    return chosen, []


def _clean_categories(organization_id: int, codes: Iterable[str]) -> tuple[list[Category], list[FieldError]]:
    codes = {c for c in codes if c}
    found = list(Category.objects.filter(organization_id=organization_id, code__in=codes))
    if len(found) != len(codes):
        return found, [FieldError("categories", "unknown_category", _("Unknown category."))]
    return found, []


def _clean(organization_id, *, key, title, text, actions, categories, exclude=None):
    titles, texts, errors = _clean_languages(title, text)
    key, key_errors = _clean_key(organization_id, key, titles, exclude)
    chosen_actions, action_errors = _clean_actions(actions)
    chosen_categories, category_errors = _clean_categories(organization_id, categories)
    errors = key_errors + errors + action_errors + category_errors
    if errors:
        raise DomainError(*errors)
    return key, titles, texts, chosen_actions, chosen_categories


@transaction.atomic
def prepared_reply_create(
    *,
    organization: Organization,
    by: User | None,
    key: str = "",
    title: PerLanguage,
    text: PerLanguage,
    actions: Iterable[str],
    categories: Iterable[str] = (),
) -> PreparedReply:
    if by is not None:
        access.ensure_can_manage_replies(by, organization.pk)
    key, titles, texts, actions, chosen = _clean(
        organization.pk, key=key, title=title, text=text, actions=list(actions), categories=categories
    )
    now = clock.now()
    reply = PreparedReply.objects.create(
        organization=organization,
        key=key,
        title=titles,
        text=texts,
        actions=actions,
        created_at=now,
        created_by=by,
        updated_at=now,
        updated_by=by,
    )
    reply.categories.set(chosen)
    return reply


@transaction.atomic
def prepared_reply_update(
    *,
    reply: PreparedReply,
    by: User | None,
    key: str,
    title: PerLanguage,
    text: PerLanguage,
    actions: Iterable[str],
    categories: Iterable[str] = (),
) -> PreparedReply:
    if by is not None:
        access.ensure_can_manage_replies(by, reply.organization_id)
    reply = PreparedReply.objects.select_for_update().get(pk=reply.pk)
    key, titles, texts, actions, chosen = _clean(
        reply.organization_id,
        key=key,
        title=title,
        text=text,
        actions=list(actions),
        categories=categories,
        exclude=reply,
    )
    reply.key, reply.title, reply.text, reply.actions = key, titles, texts, actions
    reply.updated_at, reply.updated_by = clock.now(), by
    reply.save()
    reply.categories.set(chosen)
    return reply


@transaction.atomic
def prepared_reply_set_active(*, reply: PreparedReply, by: User | None, active: bool) -> PreparedReply:
    """Deactivate (or bring back) a reply. A deactivated reply is no longer offered; events that quote it
    keep its key and the texts that were sent."""
    if by is not None:
        access.ensure_can_manage_replies(by, reply.organization_id)
    reply = PreparedReply.objects.select_for_update().get(pk=reply.pk)
    reply.is_active = active
    reply.updated_at, reply.updated_by = clock.now(), by
    reply.save(update_fields=["is_active", "updated_at", "updated_by"])
    return reply


def prepared_reply_load(*, organization: Organization, entries: Iterable[Mapping]) -> int:
    """Create or update replies from data (``[{"key", "actions", "categories", "title", "text"}]``, the shape
    of demo/data/prepared_replies.json); categories the organization does not have are left out. Returns
    how many were written."""
    known = set(Category.objects.filter(organization=organization).values_list("code", flat=True))
    written = 0
    for entry in entries:
        fields = {
            "title": entry.get("title") or {},
            "text": entry.get("text") or {},
            "actions": entry.get("actions") or [],
            "categories": [c for c in entry.get("categories") or [] if c in known],
        }
        existing = PreparedReply.objects.filter(organization=organization, key=entry.get("key", "")).first()
        if existing is None:
            prepared_reply_create(organization=organization, by=None, key=entry.get("key", ""), **fields)
        else:
            prepared_reply_update(reply=existing, by=None, key=existing.key, **fields)
        written += 1
    return written
