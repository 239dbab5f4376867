"""Photos for the demo's cases, drawn with Pillow (nothing downloaded): a street with the problem before,
and the same street cleared after, so the back office's thumbnails and the portal's timeline show
something recognisable."""

from __future__ import annotations

import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

SIZE = (640, 480)


def _street(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    width, height = SIZE
    draw.rectangle((0, 0, width, height * 0.45), fill=(186, 214, 232))  # sky
    for x in range(0, width, 90):  # buildings
        top = rng.randint(60, 170)
        shade = rng.randint(200, 235)
        draw.rectangle((x, top, x + 80, height * 0.55), fill=(shade, shade - 12, shade - 30))
        for wy in range(top + 15, int(height * 0.5), 30):
            draw.rectangle((x + 12, wy, x + 30, wy + 14), fill=(120, 140, 160))
            draw.rectangle((x + 48, wy, x + 66, wy + 14), fill=(120, 140, 160))
    draw.rectangle((0, height * 0.55, width, height), fill=(92, 94, 98))  # road
    draw.rectangle((0, height * 0.55, width, height * 0.6), fill=(205, 200, 190))  # pavement
    for x in range(20, width, 120):
        draw.rectangle((x, height * 0.8, x + 60, height * 0.8 + 8), fill=(240, 240, 240))


def scene(*, problem: bool, seed: int) -> bytes:
    rng = random.Random(seed)
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    _street(draw, random.Random(seed * 7))
    if problem:
        x, y = rng.randint(120, 420), rng.randint(300, 360)
        for _ in range(14):  # a pile of bags and rubble
            dx, dy, r = rng.randint(-60, 60), rng.randint(-20, 30), rng.randint(14, 30)
            colour = rng.choice([(30, 30, 30), (70, 60, 50), (140, 110, 70), (20, 60, 120)])
            draw.ellipse((x + dx - r, y + dy - r, x + dx + r, y + dy + r), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def upload(*, problem: bool, seed: int) -> SimpleUploadedFile:
    name = "before.jpg" if problem else "after.jpg"
    return SimpleUploadedFile(name, scene(problem=problem, seed=seed), content_type="image/jpeg")
