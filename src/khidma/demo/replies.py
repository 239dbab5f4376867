"""The demo's prepared replies, from ``demo/data/prepared_replies.json`` (written and reviewed per language
like the triage corpus): ``[{"key", "organization", "actions", "categories", "title", "text"}]`` with titles
and texts in the ten public languages. And how the replayed demo history picks one for an action."""

from __future__ import annotations

import json
import random
from pathlib import Path

from khidma.cases import selectors
from khidma.cases.models import Case
from khidma.cases.replies import prepared_reply_load
from khidma.organizations.models import Organization

REPLIES_FILE = Path(__file__).resolve().parent / "data" / "prepared_replies.json"


def seed_replies(organizations: list[Organization], path: Path = REPLIES_FILE) -> int:
    """Load each organization's replies (entries name it by slug); none when the file is absent."""
    if not path.exists():
        return 0
    entries = json.loads(path.read_text(encoding="utf-8"))
    loaded = 0
    for organization in organizations:
        mine = [
            entry for entry in entries if entry.get("organization", organization.slug) == organization.slug
        ]
        loaded += prepared_reply_load(organization=organization, entries=mine)
    return loaded


def words_for(case: Case, action: str, fallback: str, rng: random.Random, *, field: str = "note") -> dict:
    """Keyword arguments for a case service: a fitting prepared reply (each reporter reads it in their own
    language), else the Arabic ``fallback`` sent as written, as staff did before prepared replies."""
    fitting = selectors.prepared_replies_fitting(case=case, action=action)
    if fitting:
        return {"reply": rng.choice(fitting)}
    return {field: fallback, "send_untranslated": True}
