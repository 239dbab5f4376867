"""Finding 10: an open redirect in the bulk action, the SMS gateway's secret accepted in the address (and so
written to access logs), and knowledge-base links to other sites through ``//host``."""

from __future__ import annotations

import pytest

from khidma.content.markup import render

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/phish",
        "//evil.example/phish",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "http:evil.example",
    ],
)
@pytest.mark.parametrize("action", ["", "assign"])
def test_the_bulk_action_never_sends_staff_to_another_site(makkah, staff, client, target, action):
    client.force_login(staff["supervisor"])
    response = client.post("/staff/bulk/", {"action": action, "next": target, "cases": []})
    assert response.status_code == 302
    assert response["Location"] == "/staff/"


def test_the_bulk_action_returns_to_the_queue_it_came_from(makkah, staff, client):
    client.force_login(staff["supervisor"])
    response = client.post("/staff/bulk/", {"action": "assign", "next": "/staff/queue/all/?q=lamp"})
    assert response["Location"] == "/staff/queue/all/?q=lamp"


def test_the_sms_secret_is_accepted_in_its_header_only(makkah, client, settings):
    settings.KHIDMA_SMS_INBOUND_SECRET = "gateway-secret"
    form = {"from": "0551234567", "text": "status 2600000014", "id": "gw-9"}
    in_address = client.post("/channels/sms/inbound?secret=gateway-secret", form)
    assert in_address.status_code == 403
    in_header = client.post("/channels/sms/inbound", form, headers={"X-Khidma-Secret": "gateway-secret"})
    assert in_header.status_code == 200
    receipt = client.post("/channels/sms/receipt?secret=gateway-secret", {"id": "x", "status": "delivered"})
    assert receipt.status_code == 403


@pytest.mark.parametrize(
    ("markup", "href"),
    [
        ("[the guide](https://khidma.example/guide)", "https://khidma.example/guide"),
        ("[help](/help/service-points)", "/help/service-points"),
        ("[x](//evil.example/login)", None),
        ("[x](/\\evil.example)", None),
        ("[x](http://plain.example)", None),
        ("[x](javascript:alert(1))", None),
        ("[x](data:text/html,hi)", None),
    ],
)
def test_knowledge_base_links_go_only_to_https_or_this_site(markup, href):
    html = str(render(markup))
    if href is None:
        assert "<a" not in html
    else:
        assert f'<a href="{href}">' in html


def test_an_article_page_shows_a_protocol_relative_link_as_text(makkah, staff, client):
    from khidma.content import services as content

    admin = staff["admin"]
    topic = content.topic_create(organization=makkah, by=admin, code="waste", names={"en": "Waste"})
    article = content.article_create(
        organization=makkah,
        by=admin,
        topic=topic,
        slug="bulky-rubbish",
        translations={
            "en": {"title": "Bulky rubbish", "body": "See [the map](//evil.example/map) or [help](/help)."}
        },
    )
    content.article_publish(article=article, by=admin)
    page = client.get("/help/advice/bulky-rubbish", headers={"Accept-Language": "en"})
    assert page.status_code == 200
    assert b'href="/help"' in page.content
    assert b"evil.example" in page.content and b'href="//evil.example' not in page.content
