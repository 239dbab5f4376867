"""``khidma triage-train``: retrain the category model from the shipped corpus plus this installation's
closed cases whose category staff confirmed or corrected."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from khidma.cases.triage import training_examples


class Command(BaseCommand):
    help = "Retrain the triage category model from the corpus and the installation's confirmed cases."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-examples", type=int, default=1, help="do nothing with fewer local examples"
        )

    def handle(self, *args, min_examples, **options):
        from khidma.triage import classifier

        examples = training_examples()
        if len(examples) < min_examples:
            self.stdout.write(f"only {len(examples)} confirmed cases; the model was not retrained")
            return
        model = classifier.train(examples)
        path = Path(settings.KHIDMA_TRIAGE_MODEL)
        path.parent.mkdir(parents=True, exist_ok=True)
        model.save(path)
        self.stdout.write(f"trained on the corpus and {len(examples)} confirmed cases; saved to {path}")
