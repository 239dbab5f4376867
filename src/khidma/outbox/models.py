"""Every message Khidma sends is first a row here, written in the same transaction as the event that
causes it; the worker delivers rows and records what the provider said."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from khidma.core import clock


class OutboundChannel(models.TextChoices):
    SMS = "sms", _("SMS")
    WHATSAPP = "whatsapp", _("WhatsApp")
    EMAIL = "email", _("Email")


class MessageStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")
    # Claimed by a worker that stopped before it recorded the provider's answer: it may or may not have
    # gone out, so it is never sent again automatically (a duplicate is worse than a visible gap).
    UNCERTAIN = "uncertain", _("Uncertain (worker stopped while sending)")
    SUPPRESSED = "suppressed", _("Not sent")
    # Waits for the machine translation of the staff's words (``translate``); the delivery worker skips it
    # until the translation fills the slot and makes it queued.
    TRANSLATING = "translating", _("Waiting for its translation")


class HeldReason(models.TextChoices):
    """Why a message was held back (status *suppressed*) instead of sent."""

    CASE_DAILY_LIMIT = "case_daily_limit", _("Daily limit of messages for this case")
    RECIPIENT_HOURLY_LIMIT = "recipient_hourly_limit", _("Too many new reports for this number this hour")
    UNVERIFIED_PHONE = "unverified_phone", _("Phone number not confirmed by SMS code")


# Where the translated words go in a message that waits for its translation. Invisible separators around a
# word no one types, so it can never clash with text a person wrote.
TRANSLATION_SLOT = "\u2063KHIDMA-TRANSLATION\u2063"


class OutboundMessage(models.Model):
    organization = models.ForeignKey("organizations.Organization", on_delete=models.CASCADE)
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="messages"
    )
    event = models.ForeignKey(
        "cases.CaseEvent", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=10, choices=OutboundChannel.choices)
    recipient = models.CharField(_("recipient"), max_length=254)
    language = models.CharField(_("language"), max_length=8)
    template = models.CharField(_("template"), max_length=60)
    subject = models.CharField(max_length=200, blank=True)
    text = models.TextField(_("text"))
    html = models.TextField(blank=True)
    # A photo sent with the message (WhatsApp: the after-photo with the fix).
    attachment = models.ForeignKey(
        "cases.Attachment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # While TRANSLATING: {"text": the staff's words, "source": their language}; kept afterwards with
    # "translation" added, so the original stays beside what was sent.
    translate = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=MessageStatus.choices, default=MessageStatus.QUEUED
    )
    held_reason = models.CharField(
        _("held back because"), max_length=30, choices=HeldReason.choices, blank=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    # The timer: when the worker should (re)try. NULL once nothing more will happen.
    next_attempt_at = models.DateTimeField(null=True, blank=True, default=clock.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    provider_message_id = models.CharField(max_length=200, blank=True, db_index=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=clock.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        ordering = ["-created_at"]
        constraints = [
            # One event never produces two messages to the same person on the same channel.
            models.UniqueConstraint(
                fields=["event", "channel", "recipient", "template"],
                condition=Q(event__isnull=False),
                name="outbox_once_per_event",
            )
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"], name="outbox_due", condition=Q(next_attempt_at__isnull=False)
            ),
            models.Index(fields=["case", "created_at"], name="outbox_case_created"),
        ]

    def __str__(self) -> str:
        return f"{self.channel} {self.recipient} {self.template} ({self.status})"


class ContactWindow(models.Model):
    """When someone last wrote to us on a channel. WhatsApp only allows free-form messages within 24 hours
    of the person's last message; after that only templates Meta has approved."""

    channel = models.CharField(max_length=10, choices=OutboundChannel.choices)
    address = models.CharField(max_length=254)
    last_inbound_at = models.DateTimeField()

    class Meta:
        verbose_name = _("contact window")
        verbose_name_plural = _("contact windows")
        constraints = [models.UniqueConstraint(fields=["channel", "address"], name="contact_window_once")]

    def __str__(self) -> str:
        return f"{self.channel} {self.address} {self.last_inbound_at}"
