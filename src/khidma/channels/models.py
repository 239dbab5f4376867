"""What arrives from messaging providers, stored as received, and the conversations it builds."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from khidma.core import clock


class InboundMessage(models.Model):
    """A provider's message exactly as it arrived. The provider's id is unique: retries are dropped."""

    provider = models.CharField(max_length=20)  # whatsapp, sms
    message_id = models.CharField(max_length=200)
    organization = models.ForeignKey("organizations.Organization", on_delete=models.CASCADE)
    sender = models.CharField(max_length=32)
    payload = models.JSONField()
    received_at = models.DateTimeField(default=clock.now)
    # Taken by a worker (a conditional UPDATE, so one worker processes it); processed_at says it is done.
    claimed_at = models.DateTimeField(null=True, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("incoming message")
        verbose_name_plural = _("incoming messages")
        constraints = [models.UniqueConstraint(fields=["provider", "message_id"], name="inbound_once")]
        indexes = [
            models.Index(
                fields=["received_at"],
                name="inbound_unprocessed",
                condition=models.Q(processed_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.message_id}"


class Conversation(models.Model):
    """A person's exchange with the intake assistant on one channel, until it makes a case."""

    class State(models.TextChoices):
        DESCRIBE = "describe"
        LOCATION = "location"
        PHOTO = "photo"
        CATEGORY = "category"
        DONE = "done"

    organization = models.ForeignKey("organizations.Organization", on_delete=models.CASCADE)
    channel = models.CharField(max_length=20)
    sender = models.CharField(max_length=32)
    language = models.CharField(max_length=8, default="ar")
    state = models.CharField(max_length=12, choices=State.choices, default=State.DESCRIBE)
    # What has been gathered so far: description, lat/lon/address, photo media ids, suggested category.
    draft = models.JSONField(default=dict)
    first_message_id = models.CharField(max_length=200, blank=True)
    case = models.ForeignKey("cases.Case", null=True, blank=True, on_delete=models.SET_NULL)
    last_message_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        indexes = [models.Index(fields=["channel", "sender", "last_message_at"], name="conversation_sender")]

    def __str__(self) -> str:
        return f"{self.channel} {self.sender} ({self.state})"
