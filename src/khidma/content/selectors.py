"""Reads of the knowledge base and the awareness posts. Public reads take the organization the portal
serves; staff reads take a queryset already narrowed by content/access.py."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from khidma.content.models import Article, ArticleTranslation, Post, PostTranslation, Topic
from khidma.core.text import fold_for_search
from khidma.organizations.models import Organization

# When the reader's language has no translation: Arabic (the source), then English, then any.
FALLBACK_ORDER = ("ar", "en")
MAX_QUERY_TERMS = 8


@dataclass(frozen=True)
class Picked:
    """A translation chosen for a reader; ``fallback`` is True when it is not in the reader's language."""

    translation: ArticleTranslation | PostTranslation | None
    fallback: bool

    @property
    def language(self) -> str:
        return self.translation.language if self.translation else ""


def translation_pick(translations, language: str) -> Picked:
    """The reader's language, else Arabic, else English, else whatever exists."""
    by_language = {t.language: t for t in translations}
    if language in by_language:
        return Picked(by_language[language], False)
    for code in FALLBACK_ORDER:
        if code in by_language:
            return Picked(by_language[code], True)
    first = next(iter(by_language.values()), None)
    return Picked(first, first is not None)


def topic_list(*, organization: Organization) -> QuerySet[Topic]:
    return Topic.objects.filter(organization=organization)


def _published_articles(organization: Organization) -> QuerySet[Article]:
    return (
        Article.objects.filter(organization=organization, is_published=True)
        .select_related("topic")
        .prefetch_related("translations")
    )


def article_list_published(*, organization: Organization) -> QuerySet[Article]:
    return _published_articles(organization).order_by("topic__sort_order", "sort_order", "slug")


def article_get_published(*, organization: Organization, slug: str) -> Article | None:
    return _published_articles(organization).filter(slug=slug).first()


def search_terms(query: str) -> list[str]:
    return [term for term in fold_for_search(query).split(" ") if term][:MAX_QUERY_TERMS]


def article_search(*, organization: Organization, query: str, language: str = "") -> list[Article]:
    """Published articles whose title and text, in any language, hold every word of the query however it is
    spelled (hamza and alef forms, ta marbuta, diacritics, digits, accents and case are folded).

    Articles whose title holds the words come first; among them, those matched in the reader's language."""
    terms = search_terms(query)
    if not terms:
        return []
    matches = ArticleTranslation.objects.filter(
        article__organization=organization, article__is_published=True
    )
    for term in terms:
        matches = matches.filter(search_text__contains=term)
    hits: dict[int, tuple[int, int]] = {}
    for article_id, lang, title in matches.values_list("article_id", "language", "title")[:500]:
        folded_title = fold_for_search(title)
        rank = (0 if all(t in folded_title for t in terms) else 1, 0 if lang == language else 1)
        hits[article_id] = min(hits.get(article_id, rank), rank)
    articles = _published_articles(organization).filter(pk__in=hits)
    return sorted(articles, key=lambda a: (*hits[a.pk], a.sort_order, a.slug))


def _published_posts(organization: Organization) -> QuerySet[Post]:
    return (
        Post.objects.filter(organization=organization, is_published=True)
        .prefetch_related("translations")
        .order_by("-published_at", "-id")
    )


def post_list_published(*, organization: Organization, language: str | None = None) -> QuerySet[Post]:
    """Newest first; with ``language``, only posts written in that language (the feeds)."""
    posts = _published_posts(organization)
    if language:
        posts = posts.filter(translations__language=language)
    return posts


def post_get_published(*, organization: Organization, slug: str) -> Post | None:
    return _published_posts(organization).filter(slug=slug).first()


# --- Staff ------------------------------------------------------------------------------------------------


def article_list_for_staff(articles: QuerySet[Article]) -> QuerySet[Article]:
    return (
        articles.select_related("topic", "updated_by")
        .prefetch_related("translations")
        .order_by("topic__sort_order", "sort_order", "slug")
    )


def post_list_for_staff(posts: QuerySet[Post]) -> QuerySet[Post]:
    return posts.select_related("updated_by").prefetch_related("translations").order_by("-created_at", "-id")
