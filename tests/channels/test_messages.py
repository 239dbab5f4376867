"""Every message template exists, renders and is translated in all ten languages; SMS stay short."""

from __future__ import annotations

import pytest
from django.conf import settings

from khidma.cases.messages import TEMPLATES, render, render_html
from khidma.outbox.services import sms_segments

PLACEHOLDERS = {
    "ref": "2600012345",
    "url": "https://khidma.example.sa/track/2600012345",
    "question": "Which building exactly?",
    "partner": "National Water Company",
    "reason": "Duplicate test message",
    "note": "Lamp replaced",
    "code": "482913",
    "original": "2600012000",
    "status": "In progress",
    "choices": "1. Cleanliness\n2. Lighting",
    "category": "Cleanliness",
    "due": "2026-11-25T08:00",
    "date": "25 November 2026",
    "start": "09:00",
    "end": "11:00",
}
LANGUAGES = [code for code, _name in settings.LANGUAGES]
REPORTER_SMS = [
    "received",
    "question",
    "referred",
    "rejected",
    "resolved",
    "rate",
    "update",
    "duplicate",
    "reopened",
    "status",
    "unknown_reference",
    "check_number",
    "closure_thanks",
    "rating_thanks",
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_every_template_renders_translated_in_every_language(template, language):
    text = render(template, language, **PLACEHOLDERS)
    english = render(template, "en", **PLACEHOLDERS)
    assert text.strip()
    for key in ("ref", "code", "url"):
        if PLACEHOLDERS[key] in english:
            assert PLACEHOLDERS[key] in text, f"{template}/{language} lost {key}"
    if language != "en":
        assert text != english, f"{template} is not translated into {language}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template", REPORTER_SMS)
def test_sms_texts_fit_in_three_parts(template, language):
    _encoding, parts = sms_segments(render(template, language, **PLACEHOLDERS))
    assert parts <= 3


@pytest.mark.parametrize(
    ("language", "direction"), [("ar", "rtl"), ("ur", "rtl"), ("fa", "rtl"), ("en", "ltr"), ("id", "ltr")]
)
def test_email_bodies_are_right_to_left_for_arabic_urdu_and_persian(language, direction):
    html = render_html(render("received", language, **PLACEHOLDERS), language)
    assert f'dir="{direction}"' in html and f'lang="{language}"' in html
