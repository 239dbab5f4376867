"""Awareness posts on the portal: newest first, paginated, each with its page and its image, and an Atom
feed per language that a feed reader (here: xml.etree over a real socket) can read."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import httpx
import pytest
from django.utils import timezone

from khidma.content import services
from khidma.core import clock
from tests.content.conftest import png_upload

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _post(org, by, slug, when, translations, publish=True):
    with clock.at(when):
        post = services.post_create(
            organization=org, by=by, slug=slug, image=png_upload(), translations=translations
        )
        if publish:
            post = services.post_publish(post=post, by=by)
    return post


@pytest.fixture
def posts(makkah, staff):
    admin = staff["admin"]
    now = timezone.now()
    older = _post(
        makkah,
        admin,
        "water-heat",
        now - datetime.timedelta(days=3),
        {
            "ar": {"title": "اشرب الماء في الحر", "body": "احمل الماء معك.", "image_alt": "قارورة ماء"},
            "en": {
                "title": "Drink water in the heat",
                "body": "Carry **water** with you.",
                "image_alt": "A bottle",
            },
        },
    )
    newer = _post(
        makkah,
        admin,
        "litter",
        now - datetime.timedelta(days=1),
        {
            "ar": {"title": "لا ترمِ النفايات", "body": "استخدم الحاويات.", "image_alt": "حاوية"},
            "en": {"title": "Do not litter", "body": "Use the bins.", "image_alt": "A green bin"},
            "ur": {"title": "کچرا نہ پھینکیں", "body": "کوڑے دان استعمال کریں۔", "image_alt": "سبز کوڑے دان"},
        },
    )
    draft = _post(
        makkah, admin, "draft-post", now, {"en": {"title": "Not yet", "body": "Draft"}}, publish=False
    )
    return {"older": older, "newer": newer, "draft": draft}


@pytest.mark.django_db
def test_the_list_is_newest_first_with_images_and_a_feed_link(client, posts):
    page = client.get("/awareness", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert page.index("/awareness/litter") < page.index("/awareness/water-heat")
    assert "draft-post" not in page
    assert 'src="/awareness/litter/image" alt="A green bin" width="120" height="80"' in page
    assert '<link rel="alternate" type="application/atom+xml" hreflang="en"' in page
    assert 'href="/awareness/feed/en.atom"' in page


@pytest.mark.django_db
def test_the_list_is_paginated(client, makkah, staff):
    start = timezone.now() - datetime.timedelta(days=30)
    for n in range(12):
        _post(
            makkah,
            staff["admin"],
            f"post-{n}",
            start + datetime.timedelta(days=n),
            {"en": {"title": f"Post {n}"}},
        )
    first = client.get("/awareness", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert (
        "/awareness/post-11" in first and "/awareness/post-2" in first and '/awareness/post-1"' not in first
    )
    assert 'rel="next"' in first and "Page 1 of 2" in first
    second = client.get("/awareness", {"page": 2}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert (
        '/awareness/post-1"' in second
        and '/awareness/post-0"' in second
        and "/awareness/post-11" not in second
    )


@pytest.mark.django_db
def test_a_post_page_in_urdu_is_right_to_left_and_an_untranslated_one_falls_back(client, posts):
    page = client.get("/awareness/litter", HTTP_ACCEPT_LANGUAGE="ur").content.decode()
    assert '<html lang="ur" dir="rtl">' in page
    assert '<h1 lang="ur" dir="rtl">کچرا نہ پھینکیں</h1>' in page and "fallback-note" not in page
    page = client.get("/awareness/water-heat", HTTP_ACCEPT_LANGUAGE="ur").content.decode()
    assert '<h1 lang="ar" dir="rtl">اشرب الماء في الحر</h1>' in page and 'class="fallback-note"' in page


@pytest.mark.django_db
def test_images_are_served_for_published_posts_only(client, posts, taif_advice):
    response = client.get("/awareness/litter/image")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert client.get("/awareness/draft-post/image").status_code == 404
    assert client.get("/awareness/draft-post").status_code == 404
    # Another organization's post: not found, not listed.
    assert client.get("/awareness/taif-post").status_code == 404
    assert client.get("/awareness/taif-post/image").status_code == 404
    assert "taif-post" not in client.get("/awareness").content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_atom_feed_per_language_is_valid_and_holds_that_languages_posts(live_server, posts, taif_advice):
    with httpx.Client(base_url=live_server.url, timeout=30) as http:
        response = http.get("/awareness/feed/en.atom")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)  # noqa: S314 - our own server
        assert feed.tag == f"{ATOM}feed" and feed.get(XML_LANG) == "en"
        assert feed.find(f"{ATOM}title").text == "Holy Makkah Municipality — awareness posts"
        links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
        assert links["self"] == f"{live_server.url}/awareness/feed/en.atom"
        assert links["alternate"] == f"{live_server.url}/awareness"
        entries = feed.findall(f"{ATOM}entry")
        assert [e.find(f"{ATOM}title").text for e in entries] == ["Do not litter", "Drink water in the heat"]
        feed_updated = datetime.datetime.fromisoformat(feed.find(f"{ATOM}updated").text)
        for entry in entries:
            updated = datetime.datetime.fromisoformat(entry.find(f"{ATOM}updated").text)
            published = datetime.datetime.fromisoformat(entry.find(f"{ATOM}published").text)
            assert published <= updated <= feed_updated
            assert entry.find(f"{ATOM}id").text.startswith(f"{live_server.url}/awareness/")
            alternate = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
            assert http.get(alternate).status_code == 200
            enclosure = entry.find(f"{ATOM}link[@rel='enclosure']")
            assert enclosure.get("type") == "image/png"
            assert http.get(enclosure.get("href")).content.startswith(b"\x89PNG")
        summary = entries[1].find(f"{ATOM}summary")
        assert summary.get("type") == "html" and "<strong>water</strong>" in summary.text

        urdu = ET.fromstring(http.get("/awareness/feed/ur.atom").content)  # noqa: S314
        assert urdu.get(XML_LANG) == "ur"
        assert [e.find(f"{ATOM}title").text for e in urdu.findall(f"{ATOM}entry")] == ["کچرا نہ پھینکیں"]
        assert urdu.find(f"{ATOM}title").text == "أمانة العاصمة المقدسة — آگاہی پوسٹس"

        persian = ET.fromstring(http.get("/awareness/feed/fa.atom").content)  # noqa: S314
        assert persian.findall(f"{ATOM}entry") == []  # no post is written in Persian yet
        assert http.get("/awareness/feed/xx.atom").status_code == 404
