"""The demo's advisory knowledge base and awareness posts, written through khidma.content.services by the
municipality's organization administrator. Called from ``seed-demo``; the texts are in content_data.py and
the posts' pictures are drawn here with Pillow (nothing is downloaded)."""

from __future__ import annotations

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from khidma.accounts.models import User
from khidma.content import services
from khidma.core import clock
from khidma.demo.content_data import ARTICLES, POSTS, TOPICS
from khidma.organizations.models import Organization

GREEN, SAND, SKY, WHITE, INK = (11, 110, 79), (244, 236, 220), (214, 234, 248), (255, 255, 255), (27, 31, 35)


def _picture(kind: str) -> SimpleUploadedFile:
    """A small flat illustration, 640 × 360, drawn on the spot."""
    image = Image.new("RGB", (640, 360), SKY if kind in ("sun", "rain") else SAND)
    draw = ImageDraw.Draw(image)
    if kind == "phone":
        draw.rounded_rectangle((250, 40, 390, 320), radius=24, fill=INK)
        draw.rounded_rectangle((262, 70, 378, 270), radius=8, fill=WHITE)
        for row in range(3):  # a keypad
            for col in range(3):
                x, y = 282 + col * 32, 110 + row * 40
                draw.ellipse((x, y, x + 20, y + 20), fill=GREEN)
        draw.ellipse((305, 280, 335, 310), fill=(90, 90, 90))
    elif kind == "sun":
        draw.ellipse((60, 40, 220, 200), fill=(247, 181, 0))
        for dx, dy in ((0, -1), (1, -1), (1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1)):  # rays
            draw.line(
                (140 + dx * 95, 120 + dy * 95, 140 + dx * 125, 120 + dy * 125), fill=(247, 181, 0), width=8
            )
        draw.rounded_rectangle((420, 110, 500, 320), radius=18, fill=(120, 190, 240), outline=INK, width=4)
        draw.rectangle((445, 80, 475, 110), fill=(30, 90, 160))
        draw.rectangle((0, 320, 640, 360), fill=(222, 200, 160))
    elif kind == "bin":
        draw.rectangle((0, 300, 640, 360), fill=(200, 200, 196))
        draw.polygon([(240, 110), (400, 110), (385, 300), (255, 300)], fill=GREEN)
        draw.rounded_rectangle((225, 85, 415, 115), radius=8, fill=(8, 80, 58))
        for x in (280, 320, 360):
            draw.line((x, 135, x, 280), fill=(8, 80, 58), width=6)
        draw.ellipse((120, 250, 170, 300), fill=(180, 180, 176))  # a bag, properly tied, waits its turn
    else:  # rain
        draw.rectangle((0, 260, 640, 360), fill=(110, 110, 110))
        draw.line((0, 310, 640, 310), fill=WHITE, width=6)
        for x, y, r in ((220, 110, 60), (300, 80, 75), (390, 110, 60)):
            draw.ellipse((x - r, y - r, x + r, y + r), fill=(150, 160, 175))
        for x in range(180, 460, 40):
            draw.line((x, 180, x - 12, 230), fill=(40, 110, 200), width=5)
    out = io.BytesIO()
    image.save(out, "PNG")
    return SimpleUploadedFile(f"{kind}.png", out.getvalue(), "image/png")


def seed_content(organization: Organization) -> None:
    """Topics, eight articles and questions in all ten languages, and four awareness posts."""
    admin = User.objects.get(organization=organization, role="org_admin")
    now = timezone.now()
    with clock.at(now - datetime.timedelta(days=40)):
        topics = {
            code: services.topic_create(
                organization=organization, by=admin, code=code, names=names, sort_order=order
            )
            for order, (code, names) in enumerate(TOPICS)
        }
    for order, (slug, topic, kind, texts) in enumerate(ARTICLES):
        with clock.at(now - datetime.timedelta(days=38 - order)):
            article = services.article_create(
                organization=organization,
                by=admin,
                kind=kind,
                topic=topics[topic],
                slug=slug,
                sort_order=order,
                translations={code: {"title": title, "body": body} for code, (title, body) in texts.items()},
            )
            services.article_publish(article=article, by=admin)
    for slug, picture, days_ago, texts in POSTS:
        with clock.at(now - datetime.timedelta(days=days_ago, hours=3)):
            post = services.post_create(
                organization=organization,
                by=admin,
                slug=slug,
                image=_picture(picture),
                translations={
                    code: {"title": title, "body": body, "image_alt": alt}
                    for code, (title, body, alt) in texts.items()
                },
            )
            services.post_publish(post=post, by=admin)
