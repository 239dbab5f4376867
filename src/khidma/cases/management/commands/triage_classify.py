"""``khidma triage-classify``: JSON lines {"id", "text"} on stdin → one JSON line per input on stdout."""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand

from khidma.cases.triage import classify_text


class Command(BaseCommand):
    help = 'Classify JSON lines {"id", "text"} from stdin; write {"id", "language", "category", …} lines.'

    def handle(self, *args, **options):
        out = sys.stdout
        for number, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text = str(item["text"])
            except (ValueError, KeyError, TypeError):
                out.write(
                    json.dumps({"line": number, "error": "expected a JSON object with id and text"}) + "\n"
                )
                continue
            out.write(json.dumps({"id": item.get("id"), **classify_text(text)}, ensure_ascii=False) + "\n")
            out.flush()
