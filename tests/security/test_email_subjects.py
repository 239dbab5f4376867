"""Finding 7: an email whose subject was the first 80 characters of a multi-line note was never delivered
(BadHeaderError; the row stayed "sending", then "uncertain"), and one failing message stopped the batch."""

from __future__ import annotations

import pytest
from django.core import mail

from khidma.outbox import backends
from khidma.outbox.models import MessageStatus, OutboundMessage
from khidma.outbox.services import outbox_deliver_due

pytestmark = pytest.mark.django_db


def _email_report(public_api, email: str = "reporter@example.com") -> str:
    response = public_api.post(
        "/reports",
        {"description": "Street light broken near the school", "reporter": {"email": email}},
    )
    assert response.status_code == 201, response.content
    return response.json()["reference"]


def test_a_multi_line_public_note_reaches_the_reporter_under_a_template_subject(
    makkah, staff, public_api, staff_api, settings
):
    settings.KHIDMA_EMAIL_BACKEND = "console"  # Django's mail backend: the test's in-memory outbox
    reference = _email_report(public_api)
    note = "We checked the pole.\r\nBcc: everyone@example.com\nThe lamp is ordered."
    answer = staff_api("supervisor").post(f"/cases/{reference}/note", {"note": note, "public": True})
    assert answer.status_code == 200, answer.content

    result = outbox_deliver_due()

    assert result.failed == 0 and result.sent == 2  # "received" and the note
    subjects = sorted(m.subject for m in mail.outbox)
    assert all("\n" not in s and "\r" not in s and "Bcc" not in s for s in subjects)
    assert all(reference in s for s in subjects)
    assert not OutboundMessage.objects.exclude(status=MessageStatus.SENT).exists()
    note_mail = next(m for m in mail.outbox if "lamp is ordered" in m.body)
    assert note_mail.to == ["reporter@example.com"] and note_mail.extra_headers == {}


def test_one_message_that_breaks_its_backend_is_failed_and_the_batch_goes_on(
    makkah, public_api, settings, monkeypatch
):
    settings.KHIDMA_EMAIL_BACKEND = "console"
    first = _email_report(public_api, "first@example.com")
    second = _email_report(public_api, "second@example.com")
    real_send = backends.EmailBackend.send

    def send(self, message):
        if message.to == "first@example.com":
            raise RuntimeError("the backend broke on this message")
        return real_send(self, message)

    monkeypatch.setattr(backends.EmailBackend, "send", send)

    result = outbox_deliver_due()

    assert (result.sent, result.failed) == (1, 1)
    broken = OutboundMessage.objects.get(case__reference=first)
    assert broken.status == MessageStatus.FAILED and broken.next_attempt_at is None
    assert "RuntimeError" in broken.last_error
    assert OutboundMessage.objects.get(case__reference=second).status == MessageStatus.SENT
    assert [m.to for m in mail.outbox] == [["second@example.com"]]
    assert outbox_deliver_due().sent == 0  # the broken one is not tried again
