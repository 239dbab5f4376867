"""The public side of the knowledge base ("Mustasharak Al-Amin": advice on engineering offices, building,
shops and investment) and the awareness posts ("Municipal Snap"), with an Atom feed per language.

Every page works without JavaScript. Text an organization has not translated into the reader's language is
shown in Arabic, else English, with a note saying so (content/selectors.py::translation_pick). The pages'
own strings live in the content app's catalogue (src/khidma/content/locale).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from khidma.content import markup
from khidma.content import selectors as content
from khidma.core.languages import LANGUAGE_CODES, RTL_LANGUAGES
from khidma.organizations import selectors as org_selectors

POSTS_PER_PAGE = 10
FEED_ENTRIES = 20


def _organization():
    organization = org_selectors.organization_get_active(slug=settings.KHIDMA_DEFAULT_ORGANIZATION)
    if organization is None:
        raise Http404
    return organization


def _language() -> str:
    return (get_language() or "ar").split("-")[0]


def _entry(item, language: str, *, with_body: bool = False) -> dict:
    picked = content.translation_pick(item.translations.all(), language)
    translation_ = picked.translation
    entry = {
        "item": item,
        "title": translation_.title if translation_ else item.slug,
        "fallback": picked.fallback,
        "lang": picked.language or language,
        "dir": "rtl" if (picked.language or language) in RTL_LANGUAGES else "ltr",
        "summary": markup.plain(translation_.body)[:220] if translation_ else "",
        "image_alt": getattr(translation_, "image_alt", "") if translation_ else "",
    }
    if with_body:
        entry["body"] = markup.render(translation_.body) if translation_ else ""
    return entry


@require_GET
def advice_index(request: HttpRequest) -> HttpResponse:
    """Topics, the search box, and each topic's articles and questions (answers open in <details>)."""
    organization = _organization()
    language = _language()
    articles = list(content.article_list_published(organization=organization))
    sections = []
    for topic in content.topic_list(organization=organization):
        mine = [a for a in articles if a.topic_id == topic.pk]
        if mine:
            sections.append({"topic": topic, "name": topic.name_in(), "articles": mine})
    loose = [a for a in articles if a.topic_id is None]
    if loose:
        sections.append({"topic": None, "name": "", "articles": loose})
    for section in sections:
        section["pages"] = [_entry(a, language) for a in section["articles"] if a.kind == "article"]
        section["faqs"] = [
            _entry(a, language, with_body=True) for a in section["articles"] if a.kind == "faq"
        ]
    return render(
        request,
        "content/advice_index.html",
        {"organization": organization, "sections": sections, "feed_language": language},
    )


@require_GET
def advice_search(request: HttpRequest) -> HttpResponse:
    organization = _organization()
    query = request.GET.get("q", "").strip()[:200]
    if not query:
        return redirect("portal:advice")
    language = _language()
    found = content.article_search(organization=organization, query=query, language=language)
    results = [_entry(a, language, with_body=a.kind == "faq") for a in found]
    return render(
        request,
        "content/advice_search.html",
        {"organization": organization, "query": query, "results": results},
        status=200 if results else 404,
    )


@require_GET
def advice_article(request: HttpRequest, slug: str) -> HttpResponse:
    organization = _organization()
    article = content.article_get_published(organization=organization, slug=slug)
    if article is None:
        raise Http404
    entry = _entry(article, _language(), with_body=True)
    return render(
        request,
        "content/advice_article.html",
        {
            "organization": organization,
            "entry": entry,
            "article": article,
            "topic_name": article.topic.name_in() if article.topic else "",
        },
    )


# --- Awareness posts ----------------------------------------------------------------------------------------


@require_GET
def awareness_list(request: HttpRequest) -> HttpResponse:
    organization = _organization()
    language = _language()
    page = Paginator(content.post_list_published(organization=organization), POSTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "content/awareness_list.html",
        {
            "organization": organization,
            "page": page,
            "entries": [_entry(post, language) for post in page.object_list],
            "feed_language": language,
        },
    )


@require_GET
def awareness_post(request: HttpRequest, slug: str) -> HttpResponse:
    organization = _organization()
    post = content.post_get_published(organization=organization, slug=slug)
    if post is None:
        raise Http404
    language = _language()
    return render(
        request,
        "content/awareness_post.html",
        {
            "organization": organization,
            "entry": _entry(post, language, with_body=True),
            "feed_language": language,
        },
    )


@require_GET
def awareness_image(request: HttpRequest, slug: str) -> FileResponse:
    post = content.post_get_published(organization=_organization(), slug=slug)
    if post is None or not post.image:
        raise Http404
    response = FileResponse(post.image.open("rb"), content_type=post.image_type or "application/octet-stream")
    response["Cache-Control"] = "public, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class AwarenessFeed(Feed):
    """The organization's published posts written in one language, newest first, as Atom."""

    feed_type = Atom1Feed

    def get_object(self, request, language):
        return {"organization": _organization(), "language": language, "request": request}

    # The titles come from the content app's templates, so their strings are in its catalogue.
    def title(self, obj):
        context = {"organization": obj["organization"].name_in()}
        return render_to_string("content/feed_title.txt", context).strip()

    def subtitle(self, obj):
        return render_to_string("content/feed_subtitle.txt").strip()

    def link(self, obj):
        return reverse("portal:awareness")

    def feed_url(self, obj):
        return reverse("portal:awareness-feed", kwargs={"language": obj["language"]})

    def author_name(self, obj):
        return obj["organization"].name_in()

    def items(self, obj):
        posts = content.post_list_published(organization=obj["organization"], language=obj["language"])
        rows = []
        for post in posts[:FEED_ENTRIES]:
            translation_ = next(t for t in post.translations.all() if t.language == obj["language"])
            rows.append({"post": post, "translation": translation_, "request": obj["request"]})
        return rows

    def item_title(self, item):
        return item["translation"].title

    def item_description(self, item):
        return markup.render(item["translation"].body)

    def item_link(self, item):
        return reverse("portal:awareness-post", kwargs={"slug": item["post"].slug})

    def item_guid(self, item):
        return item["request"].build_absolute_uri(self.item_link(item))

    def item_pubdate(self, item):
        return item["post"].published_at

    def item_updateddate(self, item):
        post = item["post"]
        return max(post.published_at, post.updated_at, item["translation"].updated_at)

    def item_enclosures(self, item):
        post = item["post"]
        if not post.image:
            return []
        url = item["request"].build_absolute_uri(
            reverse("portal:awareness-image", kwargs={"slug": post.slug})
        )
        return [Enclosure(url, str(post.image.size), post.image_type)]


_feed = AwarenessFeed()


@require_GET
def awareness_feed(request: HttpRequest, language: str) -> HttpResponse:
    if language not in LANGUAGE_CODES:
        raise Http404
    with translation.override(language):  # the feed's xml:lang and titles follow the feed's language
        return _feed(request, language=language)
