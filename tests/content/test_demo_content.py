"""The demo's knowledge base and awareness posts load through the services and show on the portal."""

from __future__ import annotations

import pytest
from PIL import Image

from khidma.content.models import Article, ArticleTranslation, Post, Topic
from khidma.demo.content import seed_content
from tests.content.conftest import LANGUAGES

pytestmark = pytest.mark.django_db


def test_the_demo_content_covers_every_topic_in_every_language(client, makkah, staff):
    seed_content(makkah)
    assert set(Topic.objects.values_list("code", flat=True)) == {
        "engineering-offices",
        "residential-building",
        "shops",
        "investment",
        "general",
    }
    assert Article.objects.filter(organization=makkah, is_published=True).count() == 8
    for article in Article.objects.all():
        assert sorted(article.translations.values_list("language", flat=True)) == sorted(LANGUAGES)
        assert article.created_by == staff["admin"] and article.topic is not None
    assert set(Article.objects.values_list("kind", flat=True)) == {"article", "faq"}
    posts = Post.objects.filter(organization=makkah, is_published=True)
    assert posts.count() == 4
    for post in posts:
        assert {"ar", "en", "ur", "id"} <= set(post.translations.values_list("language", flat=True))
        with Image.open(post.image.path) as image:
            assert image.size == (640, 360)
        assert all(t.image_alt for t in post.translations.all())
    # Every translation's text is there and searchable by its folded form.
    assert not ArticleTranslation.objects.filter(body="").exists()
    page = client.get("/help/advice/search", {"q": "اشتراطات"}, HTTP_ACCEPT_LANGUAGE="bn").content.decode()
    assert 'href="/help/advice/food-shop-requirements"' in page
    assert "খাদ্য দোকানের কারিগরি শর্ত" in page
    page = client.get("/awareness", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert page.index("report-it-to-940") < page.index("rain-and-valleys")
