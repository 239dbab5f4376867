"""Every write to the knowledge base and the awareness posts. Keyword-only, named ``<entity>_<verb>``.

Who may edit is decided by content/access.py and asked by the interface before it calls a service (the rule
every domain follows: docs/architecture.md, "Where checks live"). Each function validates everything first
and reports every problem at once (``DomainError`` with one ``FieldError`` per field, the fields named like
the staff form's inputs: ``slug``, ``title_ar``, ``image``…), and records who changed what and when
(``created_by``/``updated_by`` with the time from ``khidma.core.clock``).

Translations are given as ``{"ar": {"title": …, "body": …}, "en": {…}}``; the mapping is the complete set:
a language that is missing, or whose title and text are both empty, has no translation afterwards.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from khidma.content.images import clean_image
from khidma.content.markup import plain
from khidma.content.models import Article, ArticleTranslation, Post, PostTranslation, Topic
from khidma.core import clock
from khidma.core.errors import DomainError, FieldError
from khidma.core.languages import LANGUAGE_CODES
from khidma.core.text import fold_for_search
from khidma.organizations.models import Organization

Translations = Mapping[str, Mapping[str, str]]

TITLE_MAX = 200
ARTICLE_BODY_MAX = 20_000
POST_BODY_MAX = 1_000
ALT_MAX = 300
_NO_TRANSLATION = _("Write the title and text in at least one language.")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _clean_translations(
    translations: Translations, *, body_max: int, with_alt: bool = False
) -> tuple[dict[str, dict[str, str]], list[FieldError]]:
    cleaned: dict[str, dict[str, str]] = {}
    errors: list[FieldError] = []
    for language in LANGUAGE_CODES:
        given = translations.get(language) or {}
        title = (given.get("title") or "").strip()
        body = (given.get("body") or "").strip()
        alt = (given.get("image_alt") or "").strip() if with_alt else ""
        if not (title or body or alt):
            continue
        if not title:
            errors.append(FieldError(f"title_{language}", "required", _("Enter a title.")))
        elif len(title) > TITLE_MAX:
            errors.append(
                FieldError(
                    f"title_{language}",
                    "too_long",
                    _("The title is too long: at most %(n)d characters.") % {"n": TITLE_MAX},
                )
            )
        if len(body) > body_max:
            errors.append(
                FieldError(
                    f"body_{language}",
                    "too_long",
                    _("The text is too long: at most %(n)d characters.") % {"n": body_max},
                )
            )
        if len(alt) > ALT_MAX:
            errors.append(
                FieldError(
                    f"image_alt_{language}",
                    "too_long",
                    _("The description is too long: at most %(n)d characters.") % {"n": ALT_MAX},
                )
            )
        cleaned[language] = {"title": title, "body": body, "image_alt": alt}
    if not cleaned and not errors:
        errors.append(FieldError("title_ar", "required", _NO_TRANSLATION))
    return cleaned, errors


def _slug(
    value: str, *, translations: Mapping[str, Mapping[str, str]], model, organization_id: int, exclude=None
) -> tuple[str, list[FieldError]]:
    slug = (value or "").strip().lower()
    if not slug:
        for language in ("en", "fr", "id", "ms", "tr"):
            slug = slugify((translations.get(language) or {}).get("title", ""))[:80].strip("-")
            if slug:
                break
    if not slug:
        return "", [FieldError("slug", "required", _("Enter an address: Latin letters, digits and dashes."))]
    if len(slug) > 80 or not _SLUG.match(slug):
        return slug, [
            FieldError("slug", "invalid", _("The address may only hold Latin letters, digits and dashes."))
        ]
    taken = model.objects.filter(organization_id=organization_id, slug=slug)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.exists():
        return slug, [FieldError("slug", "taken", _("This address is already used."))]
    return slug, []


def _raise(errors: list[FieldError]) -> None:
    if errors:
        raise DomainError(*errors)


# --- Topics ---------------------------------------------------------------------------------------------


def _clean_topic(*, organization_id: int, code: str, names: Mapping[str, str], exclude=None):
    errors: list[FieldError] = []
    code = (code or "").strip().lower()
    names = {k: v.strip() for k, v in names.items() if k in LANGUAGE_CODES and (v or "").strip()}
    if not code or not _SLUG.match(code) or len(code) > 50:
        errors.append(FieldError("code", "invalid", _("Enter a code: Latin letters, digits and dashes.")))
    else:
        taken = Topic.objects.filter(organization_id=organization_id, code=code)
        if exclude is not None:
            taken = taken.exclude(pk=exclude.pk)
        if taken.exists():
            errors.append(FieldError("code", "taken", _("This code is already used.")))
    if not names:
        errors.append(FieldError("name_ar", "required", _("Name the topic in at least one language.")))
    for language, name in names.items():
        if len(name) > TITLE_MAX:
            errors.append(
                FieldError(
                    f"name_{language}",
                    "too_long",
                    _("The title is too long: at most %(n)d characters.") % {"n": TITLE_MAX},
                )
            )
    _raise(errors)
    return code, names


@transaction.atomic
def topic_create(
    *, organization: Organization, by, code: str, names: Mapping[str, str], sort_order: int = 0
) -> Topic:
    code, names = _clean_topic(organization_id=organization.pk, code=code, names=names)
    now = clock.now()
    return Topic.objects.create(
        organization=organization,
        code=code,
        names=names,
        sort_order=sort_order,
        created_at=now,
        created_by=by,
        updated_at=now,
        updated_by=by,
    )


@transaction.atomic
def topic_update(*, topic: Topic, by, code: str, names: Mapping[str, str], sort_order: int = 0) -> Topic:
    code, names = _clean_topic(organization_id=topic.organization_id, code=code, names=names, exclude=topic)
    topic.code, topic.names, topic.sort_order = code, names, sort_order
    topic.updated_at, topic.updated_by = clock.now(), by
    topic.save()
    return topic


# --- Articles -------------------------------------------------------------------------------------------


def _article_fields(
    *, organization_id: int, kind: str, topic, slug: str, translations: Translations, exclude
):
    cleaned, errors = _clean_translations(translations, body_max=ARTICLE_BODY_MAX)
    if kind not in Article.Kind.values:
        errors.append(FieldError("kind", "invalid", _("Choose article or question.")))
    topic = _resolve_topic(organization_id, topic)
    if topic is False:
        errors.append(FieldError("topic", "invalid", _("Choose one of the topics.")))
    slug, slug_errors = _slug(
        slug, translations=cleaned, model=Article, organization_id=organization_id, exclude=exclude
    )
    _raise(slug_errors + errors)
    return slug, cleaned, topic


def _resolve_topic(organization_id: int, topic):
    """A Topic of the organization, None for none, or False when ``topic`` (a Topic or its id as given by
    a form) is not one of the organization's topics."""
    if topic in (None, ""):
        return None
    if isinstance(topic, Topic):
        return topic if topic.organization_id == organization_id else False
    try:
        pk = int(topic)
    except (TypeError, ValueError):
        return False
    return Topic.objects.filter(organization_id=organization_id, pk=pk).first() or False


def _save_article_translations(article: Article, cleaned: dict[str, dict[str, str]], by, now) -> None:
    existing = {t.language: t for t in article.translations.all()}
    for language, values in cleaned.items():
        row = existing.pop(language, None) or ArticleTranslation(article=article, language=language)
        if row.pk and row.title == values["title"] and row.body == values["body"]:
            continue  # unchanged: keep who last changed it
        row.title, row.body = values["title"], values["body"]
        row.search_text = fold_for_search(f"{values['title']} {plain(values['body'])}")
        row.updated_at, row.updated_by = now, by
        row.save()
    for row in existing.values():
        row.delete()


@transaction.atomic
def article_create(
    *,
    organization: Organization,
    by,
    kind: str = Article.Kind.ARTICLE,
    topic: Topic | int | str | None = None,
    slug: str = "",
    translations: Translations,
    sort_order: int = 0,
) -> Article:
    slug, cleaned, topic = _article_fields(
        organization_id=organization.pk,
        kind=kind,
        topic=topic,
        slug=slug,
        translations=translations,
        exclude=None,
    )
    now = clock.now()
    article = Article.objects.create(
        organization=organization,
        kind=kind,
        topic=topic,
        slug=slug,
        sort_order=sort_order,
        created_at=now,
        created_by=by,
        updated_at=now,
        updated_by=by,
    )
    _save_article_translations(article, cleaned, by, now)
    return article


@transaction.atomic
def article_update(
    *,
    article: Article,
    by,
    kind: str,
    topic: Topic | int | str | None,
    slug: str,
    translations: Translations,
    sort_order: int = 0,
) -> Article:
    article = Article.objects.select_for_update().get(pk=article.pk)
    slug, cleaned, topic = _article_fields(
        organization_id=article.organization_id,
        kind=kind,
        topic=topic,
        slug=slug,
        translations=translations,
        exclude=article,
    )
    now = clock.now()
    article.kind, article.topic, article.slug, article.sort_order = kind, topic, slug, sort_order
    article.updated_at, article.updated_by = now, by
    article.save()
    _save_article_translations(article, cleaned, by, now)
    return article


def _set_published(obj, *, by, published: bool):
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    now = clock.now()
    obj.is_published = published
    if published and obj.published_at is None:
        obj.published_at = now
    obj.updated_at, obj.updated_by = now, by
    obj.save(update_fields=["is_published", "published_at", "updated_at", "updated_by"])
    return obj


@transaction.atomic
def article_publish(*, article: Article, by) -> Article:
    if not article.translations.exists():
        raise DomainError.single("", "no_translation", _NO_TRANSLATION)
    return _set_published(article, by=by, published=True)


@transaction.atomic
def article_unpublish(*, article: Article, by) -> Article:
    return _set_published(article, by=by, published=False)


# --- Awareness posts ------------------------------------------------------------------------------------


def _post_fields(*, organization_id: int, slug: str, translations: Translations, image, exclude, need_image):
    cleaned, errors = _clean_translations(translations, body_max=POST_BODY_MAX, with_alt=True)
    slug, slug_errors = _slug(
        slug, translations=cleaned, model=Post, organization_id=organization_id, exclude=exclude
    )
    errors = slug_errors + errors
    checked = None
    if image is not None:
        try:
            checked = clean_image(image)
        except DomainError as exc:
            errors.extend(exc.errors)
    elif need_image:
        errors.append(FieldError("image", "required", _("Choose an image.")))
    _raise(errors)
    return slug, cleaned, checked


def _save_post(post: Post, *, cleaned, checked, by, now) -> None:
    old_name = post.image.name if checked is not None and post.image else ""
    if checked is not None:
        post.image.save(f"{uuid.uuid4().hex}{checked.extension}", ContentFile(checked.content), save=False)
        post.image_type = checked.content_type
        post.image_width, post.image_height = checked.width, checked.height
    post.save()
    if old_name:
        storage = post.image.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    existing = {t.language: t for t in post.translations.all()}
    for language, values in cleaned.items():
        row = existing.pop(language, None) or PostTranslation(post=post, language=language)
        new = (values["title"], values["body"], values["image_alt"])
        if row.pk and (row.title, row.body, row.image_alt) == new:
            continue
        row.title, row.body, row.image_alt = values["title"], values["body"], values["image_alt"]
        row.updated_at, row.updated_by = now, by
        row.save()
    for row in existing.values():
        row.delete()


@transaction.atomic
def post_create(*, organization: Organization, by, slug: str = "", image, translations: Translations) -> Post:
    """A new awareness post (unpublished). ``image`` is an uploaded file; it is checked by its content and
    stored re-encoded, without metadata, under the data directory's media folder."""
    slug, cleaned, checked = _post_fields(
        organization_id=organization.pk,
        slug=slug,
        translations=translations,
        image=image,
        exclude=None,
        need_image=True,
    )
    now = clock.now()
    post = Post(
        organization=organization, slug=slug, created_at=now, created_by=by, updated_at=now, updated_by=by
    )
    _save_post(post, cleaned=cleaned, checked=checked, by=by, now=now)
    return post


@transaction.atomic
def post_update(*, post: Post, by, slug: str, translations: Translations, image=None) -> Post:
    """Change a post; without a new ``image`` the current one stays."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    slug, cleaned, checked = _post_fields(
        organization_id=post.organization_id,
        slug=slug,
        translations=translations,
        image=image,
        exclude=post,
        need_image=not post.image,
    )
    now = clock.now()
    post.slug, post.updated_at, post.updated_by = slug, now, by
    _save_post(post, cleaned=cleaned, checked=checked, by=by, now=now)
    return post


@transaction.atomic
def post_publish(*, post: Post, by) -> Post:
    if not post.translations.exists():
        raise DomainError.single("", "no_translation", _NO_TRANSLATION)
    return _set_published(post, by=by, published=True)


@transaction.atomic
def post_unpublish(*, post: Post, by) -> Post:
    return _set_published(post, by=by, published=False)
