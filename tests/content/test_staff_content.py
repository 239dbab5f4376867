"""The back office's content screens: who may use them, writing and publishing through the forms, refused
input coming back translated with everything typed still there, and other organizations kept out."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from khidma.content import access, services
from khidma.content.models import Article, ArticleTranslation, Post, Topic
from tests.content.conftest import LANGUAGES

pytestmark = pytest.mark.django_db


def _article_form(**values) -> dict:
    data = {"kind": "article", "topic": "", "slug": "", "sort_order": "0"}
    for code in LANGUAGES:
        data[f"title_{code}"] = ""
        data[f"body_{code}"] = ""
    data.update(values)
    return data


@pytest.mark.parametrize("persona", ["admin", "supervisor"])
def test_admins_and_supervisors_write_and_publish_advice(client, makkah, staff, persona):
    client.force_login(staff[persona])
    assert client.get("/staff/content/").status_code == 200
    topic = services.topic_create(
        organization=makkah, by=staff["admin"], code="shops", names={"ar": "المحلات", "en": "Shops"}
    )
    response = client.post(
        "/staff/content/articles/new/",
        _article_form(
            kind="faq",
            topic=str(topic.pk),
            title_ar="ما اشتراطات محلات الأغذية؟",
            body_ar="- تهوية جيدة\n- شهادة صحية للعاملين",
            title_en="What do food shops need?",
            body_en="Good ventilation and health certificates.",
        ),
    )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/staff/content/articles/{article.pk}/?done=created"
    assert article.slug == "what-do-food-shops-need"  # made from the English title
    assert (article.kind, article.topic, article.is_published) == ("faq", topic, False)
    assert article.created_by == staff[persona] and article.updated_by == staff[persona]
    assert client.get("/help/advice/what-do-food-shops-need").status_code == 404  # a draft

    # Edit one language, add another, publish.
    form = _article_form(
        kind="faq",
        topic=str(topic.pk),
        slug=article.slug,
        title_ar="ما اشتراطات محلات الأغذية؟",
        body_ar="- تهوية جيدة\n- شهادة صحية للعاملين",
        title_en="What do food shops need?",
        body_en="Ventilation, health certificates and a clean water tank.",
        title_fr="De quoi un commerce alimentaire a-t-il besoin ?",
        body_fr="Ventilation, certificats sanitaires et réservoir d’eau propre.",
    )
    assert client.post(f"/staff/content/articles/{article.pk}/", form).status_code == 302
    assert set(article.translations.values_list("language", flat=True)) == {"ar", "en", "fr"}
    assert ArticleTranslation.objects.get(article=article, language="en").updated_by == staff[persona]
    response = client.post(f"/staff/content/articles/{article.pk}/publish/", {"publish": "1"})
    assert response["Location"].endswith("?done=published")
    article.refresh_from_db()
    assert article.is_published and article.published_at is not None
    page = client.get("/help/advice", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "De quoi un commerce alimentaire a-t-il besoin ?" in page
    # The edit page says it is published and links to the portal.
    page = client.get(f"/staff/content/articles/{article.pk}/?done=published").content.decode()
    assert 'id="done"' in page and 'href="/help/advice/what-do-food-shops-need"' in page
    # Withdrawn again.
    client.post(f"/staff/content/articles/{article.pk}/publish/", {"publish": "0"})
    assert client.get("/help/advice/what-do-food-shops-need").status_code == 404


def test_an_empty_title_comes_back_translated_with_everything_typed(client, makkah, staff):
    client.force_login(staff["admin"])
    client.post("/i18n/setlang/", {"language": "ar", "next": "/staff/content/"})
    body = "نص المقال كما كتبه الموظف <b>مع وسم</b>"
    response = client.post(
        "/staff/content/articles/new/",
        _article_form(slug="Bad Slug!", body_ar=body, title_en="Kept title", body_en="Kept text"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "اكتب عنوانًا." in page  # "Enter a title." beside the Arabic title
    assert 'id="error_title_ar"' in page and 'aria-invalid="true"' in page
    assert "لا يقبل العنوان إلا الحروف اللاتينية والأرقام والشرطات." in page
    assert "نص المقال كما كتبه الموظف &lt;b&gt;مع وسم&lt;/b&gt;</textarea>" in page
    assert 'value="Kept title"' in page and ">Kept text</textarea>" in page and 'value="Bad Slug!"' in page
    assert not Article.objects.exists()


def test_a_duplicate_address_is_refused_in_english(client, makkah, staff):
    services.article_create(
        organization=makkah, by=staff["admin"], slug="permits", translations={"en": {"title": "Permits"}}
    )
    client.force_login(staff["supervisor"])
    response = client.post(
        "/staff/content/articles/new/",
        _article_form(slug="permits", title_en="Permits again"),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "This address is already used." in response.content.decode()


def test_a_post_with_a_bad_image_is_refused_and_keeps_the_text(client, makkah, staff):
    client.force_login(staff["admin"])
    forged = SimpleUploadedFile("poster.png", b"<html>not a picture</html>", "image/png")
    data = {"slug": "heat", "title_ar": "الحر", "body_ar": "اشرب الماء", "title_en": "Heat", "image": forged}
    response = client.post("/staff/content/posts/new/", data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    page = response.content.decode()
    assert "The image must be a JPEG, PNG or WebP picture." in page and 'id="error_image"' in page
    assert 'value="الحر"' in page and ">اشرب الماء</textarea>" in page and 'value="Heat"' in page
    assert not Post.objects.exists()
    # Without any image at all.
    response = client.post(
        "/staff/content/posts/new/", {"slug": "heat", "title_en": "Heat"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400 and "Choose an image." in response.content.decode()


def test_a_post_is_created_with_a_clean_image_and_published(client, makkah, staff, tmp_path):
    client.force_login(staff["supervisor"])

    source = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    Image.new("RGB", (3000, 1500), (200, 40, 40)).save(source, "JPEG", exif=exif.tobytes())
    upload = SimpleUploadedFile("big.jpg", source.getvalue(), "image/jpeg")
    response = client.post(
        "/staff/content/posts/new/",
        {
            "slug": "clean-streets",
            "title_ar": "شوارع نظيفة",
            "title_en": "Clean streets",
            "image_alt_en": "A street",
            "image": upload,
        },
    )
    post = Post.objects.get()
    assert response.status_code == 302
    assert (post.image_width, post.image_height, post.image_type) == (1600, 800, "image/jpeg")
    stored = post.image.path
    assert str(stored).startswith(str(tmp_path))  # under the (test) data directory's media folder
    with Image.open(stored) as image:
        assert not image.getexif()  # no metadata kept
    assert (
        client.get(f"/staff/content/posts/{post.pk}/image").status_code == 200
    )  # editors see the draft's image
    assert client.post(f"/staff/content/posts/{post.pk}/publish/", {"publish": "1"}).status_code == 302
    assert client.get("/awareness/clean-streets").status_code == 200


@pytest.mark.parametrize("persona", ["agent", "counter", "field_clean", "head_clean", "followup", "women"])
def test_other_roles_are_refused(client, advice, staff, persona):
    client.force_login(staff[persona])
    for url in (
        "/staff/content/",
        "/staff/content/articles/new/",
        f"/staff/content/articles/{advice['setbacks'].pk}/",
    ):
        assert client.get(url).status_code == 403
    response = client.post(f"/staff/content/articles/{advice['setbacks'].pk}/publish/", {"publish": "0"})
    assert response.status_code == 403
    advice["setbacks"].refresh_from_db()
    assert advice["setbacks"].is_published


def test_signed_out_visitors_are_sent_to_sign_in(client, advice):
    response = client.get("/staff/content/")
    assert response.status_code == 302 and response["Location"].startswith("/staff/login/")


def test_another_organizations_staff_cannot_see_or_change_makkahs_content(client, advice, staff):
    client.force_login(staff["taif_supervisor"])
    setbacks = advice["setbacks"]
    assert client.get(f"/staff/content/articles/{setbacks.pk}/").status_code == 404
    assert client.post(f"/staff/content/articles/{setbacks.pk}/publish/", {"publish": "0"}).status_code == 404
    assert (
        client.post(
            f"/staff/content/articles/{setbacks.pk}/", _article_form(title_en="Taken over")
        ).status_code
        == 404
    )
    assert client.get(f"/staff/content/topics/{advice['building'].pk}/").status_code == 404
    listing = client.get("/staff/content/").content.decode()
    assert "setbacks" not in listing and "office-categories" not in listing
    setbacks.refresh_from_db()
    assert setbacks.is_published and setbacks.translations.filter(title="Taken over").count() == 0
    # A topic of Makkah cannot be given to Taif's article either.
    response = client.post(
        "/staff/content/articles/new/",
        _article_form(topic=str(advice["building"].pk), title_en="Taif rule"),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400 and "Choose one of the topics." in response.content.decode()


def test_the_access_rule_itself(makkah, staff, advice):
    assert access.can_edit(staff["admin"]) and access.can_edit(staff["supervisor"])
    assert not access.can_edit(staff["agent"]) and not access.can_edit(staff["field_clean"])
    # Scoped to the editor's organization: another organization's content is not there at all.
    from khidma.content.models import Article

    assert access.scoped(staff["supervisor"], Article.objects.all()).filter(pk=advice["setbacks"].pk).exists()
    assert (
        not access.scoped(staff["taif_supervisor"], Article.objects.all())
        .filter(pk=advice["setbacks"].pk)
        .exists()
    )


def test_topics_are_created_and_renamed_through_the_form(client, makkah, staff):
    client.force_login(staff["admin"])
    response = client.post(
        "/staff/content/topics/new/",
        {"code": "investment", "sort_order": "3", "name_ar": "الفرص الاستثمارية", "name_en": "Investment"},
    )
    assert response.status_code == 302
    topic = Topic.objects.get(code="investment")
    assert (
        topic.names == {"ar": "الفرص الاستثمارية", "en": "Investment"} and topic.created_by == staff["admin"]
    )
    response = client.post(
        f"/staff/content/topics/{topic.pk}/", {"code": "investment", "name_en": ""}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert (
        response.status_code == 400
        and "Name the topic in at least one language." in response.content.decode()
    )


def test_the_back_office_navigation_links_the_content_screens_for_editors_only(client, makkah, staff):
    client.force_login(staff["supervisor"])
    assert 'href="/staff/content/"' in client.get("/staff/queue/all/").content.decode()
    client.force_login(staff["agent"])
    response = client.get("/staff/queue/all/")
    assert response.status_code == 200 and 'href="/staff/content/"' not in response.content.decode()
