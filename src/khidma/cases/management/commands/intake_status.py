"""``khidma intake-status``: how far the worker is behind on accepted reports and their first messages — what
an operator watches in a peak, and what the intake benchmark waits on."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand
from django.db.models import Count, Q

from khidma.cases.models import Case, IntakeSubmission
from khidma.outbox.models import OutboundMessage


class Command(BaseCommand):
    help = "Print, as JSON, the accepted reports waiting to become cases and the first messages still queued."

    def handle(self, *args, **options):
        submissions = IntakeSubmission.objects.aggregate(
            accepted=Count("pk"),
            waiting=Count("pk", filter=Q(processed_at__isnull=True)),
            failing=Count("pk", filter=Q(processed_at__isnull=True) & ~Q(error="")),
        )
        received = OutboundMessage.objects.filter(template="received").aggregate(
            written=Count("pk"), sent=Count("pk", filter=Q(sent_at__isnull=False))
        )
        status = {
            **submissions,
            "cases": Case.objects.count(),
            "first_messages_written": received["written"],
            "first_messages_sent": received["sent"],
        }
        self.stdout.write(json.dumps(status))
