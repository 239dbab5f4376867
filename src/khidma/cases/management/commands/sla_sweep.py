from django.core.management.base import BaseCommand

from khidma.cases.deadlines import case_sla_sweep


class Command(BaseCommand):
    help = "Warn about and escalate every case whose service-level timer is due (the worker does this too)."

    def handle(self, *args, **options):
        result = case_sla_sweep()
        self.stdout.write(
            f"examined {result.examined}: {result.first_response_breached} first responses overdue, "
            f"{result.at_risk} at risk, {result.breached} breached, {result.escalated} escalated again"
        )
