"""Content for the knowledge-base and awareness tests: Makkah's topics, articles and posts, and Taif's."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from khidma.content import services

LANGUAGES = ["ar", "en", "ur", "id", "hi", "ms", "fa", "bn", "tr", "fr"]


def png_upload(name: str = "poster.png", size=(120, 80), color=(20, 120, 60)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), "image/png")


@pytest.fixture
def advice(makkah, staff):
    """Two topics; a published article in Arabic, English and Urdu only; a published FAQ with a hamza
    spelling; a draft."""
    admin = staff["admin"]
    building = services.topic_create(
        organization=makkah,
        by=admin,
        code="residential-building",
        names={"ar": "اشتراطات البناء السكني", "en": "Residential building rules"},
    )
    offices = services.topic_create(
        organization=makkah,
        by=admin,
        code="engineering-offices",
        names={"ar": "المكاتب الهندسية", "en": "Engineering offices"},
        sort_order=1,
    )
    setbacks = services.article_create(
        organization=makkah,
        by=admin,
        topic=building,
        slug="setbacks",
        translations={
            "ar": {
                "title": "الارتدادات في البناء السكني",
                "body": "يلزم ترك **ارتداد** لا يقل عن مترين.\n\n- أمامي\n- جانبي",
            },
            "en": {"title": "Setbacks for homes", "body": "Leave a **setback** of at least two metres."},
            "ur": {"title": "رہائشی عمارت میں فاصلہ", "body": "کم از کم دو میٹر کا فاصلہ چھوڑیں۔"},
        },
    )
    services.article_publish(article=setbacks, by=admin)
    faq = services.article_create(
        organization=makkah,
        by=admin,
        kind="faq",
        topic=offices,
        slug="office-categories",
        translations={
            "ar": {"title": "ما فئات المكاتب الهندسية؟", "body": "تصنف المكاتب إلى أربع فئات حسب الخبرة."},
            "en": {
                "title": "What are the engineering office categories?",
                "body": "Offices fall into four categories.",
            },
        },
    )
    services.article_publish(article=faq, by=admin)
    draft = services.article_create(
        organization=makkah,
        by=admin,
        slug="draft-investment",
        translations={"ar": {"title": "فرص استثمارية قادمة", "body": "مسودة لم تنشر"}},
    )
    return {"setbacks": setbacks, "faq": faq, "draft": draft, "building": building, "offices": offices}


@pytest.fixture
def taif_advice(taif, staff):
    article = services.article_create(
        organization=taif,
        by=staff["taif_supervisor"],
        slug="taif-roses",
        translations={
            "ar": {"title": "ورد الطائف والارتدادات", "body": "محتوى أمانة الطائف"},
            "en": {"title": "Taif setbacks", "body": "Taif only"},
        },
    )
    services.article_publish(article=article, by=staff["taif_supervisor"])
    post = services.post_create(
        organization=taif,
        by=staff["taif_supervisor"],
        slug="taif-post",
        image=png_upload(),
        translations={"en": {"title": "Taif awareness", "body": "Only for Taif"}},
    )
    services.post_publish(post=post, by=staff["taif_supervisor"])
    return {"article": article, "post": post}
