"""Intake by WhatsApp: describe → place → optional photo → confirm the category → a case, in the sender's
language. One open conversation per sender; a new one starts after a case is made."""

from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile

from khidma.cases import notify, triage
from khidma.cases.attachments import attachment_add
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.services import case_create
from khidma.channels.media import MediaUnavailable, fetch_whatsapp_media
from khidma.channels.models import Conversation, InboundMessage
from khidma.channels.replies import handle_command
from khidma.core import clock
from khidma.core.errors import DomainError
from khidma.core.phones import fold_digits, normalize_phone
from khidma.organizations import gazetteer
from khidma.organizations import selectors as org_selectors
from khidma.organizations.models import Category, Organization

logger = logging.getLogger("khidma.channels")
CHANNEL = "whatsapp"
# A conversation left this long is forgotten; the next message starts afresh.
IDLE = datetime.timedelta(hours=24)
_SKIP = {"0", "skip", "تخطي", "لا", "no", "tidak", "nahi", "nahin", "geç", "passer"}


def _say(org: Organization, sender: str, language: str, template: str, **placeholders: str) -> None:
    notify.reply(org, channel=CHANNEL, recipient=sender, language=language, template=template, **placeholders)


def _categories(org: Organization) -> list[Category]:
    return list(org_selectors.category_list_active(organization=org))


def _choices(org: Organization, language: str) -> str:
    return "\n".join(f"{n}. {c.name_in(language)}" for n, c in enumerate(_categories(org), start=1))


def process_whatsapp(inbound: InboundMessage) -> None:
    org = inbound.organization
    message = inbound.payload
    sender = normalize_phone("+" + message["from"].lstrip("+"))
    kind = message.get("type")
    now = clock.now()
    conversation = (
        Conversation.objects.filter(channel=CHANNEL, sender=sender, last_message_at__gte=now - IDLE)
        .exclude(state=Conversation.State.DONE)
        .order_by("-last_message_at")
        .first()
    )
    text = (message.get("text") or {}).get("body", "") if kind == "text" else ""
    language = (
        conversation.language
        if conversation
        else triage.language_of(text, org.default_language)
        if text
        else org.default_language
    )
    if (
        kind == "text"
        and conversation is None
        and handle_command(org, channel=CHANNEL, sender=sender, text=text, language=language)
    ):
        return
    if kind not in {"text", "location", "image"}:
        _say(org, sender, language, "unsupported")
        return
    if conversation is None:
        conversation = Conversation.objects.create(
            organization=org,
            channel=CHANNEL,
            sender=sender,
            language=language,
            first_message_id=inbound.message_id,
        )
    conversation.last_message_at = now
    draft = conversation.draft
    if kind == "location":
        location = message["location"]
        draft.update(
            lat=location.get("latitude"),
            lon=location.get("longitude"),
            address=" ".join(filter(None, [location.get("name"), location.get("address")])),
        )
    elif kind == "image":
        draft.setdefault("media", []).append(message["image"]["id"])
        caption = message["image"].get("caption")
        if caption and not draft.get("description"):
            draft["description"] = caption
    turn = Turn(conversation=conversation, sender=sender, kind=kind, text=text)
    # Each state's handler answers the message, or passes it on to the next state when the message already
    # holds what that state asks for (a first message with text and a location goes straight to the photo).
    state: str | None = conversation.state
    while state is not None:
        handler = HANDLERS.get(state)
        if handler is None:  # a state that takes no messages: remember that the sender wrote
            _save(conversation, conversation.state, None)
            return
        state = handler(turn)


@dataclass(frozen=True)
class Turn:
    """One incoming message as the handlers see it. ``answers(state)``: the message is text sent in reply to
    that state's question; a handler reached by passing on does not read the text as an answer to its own."""

    conversation: Conversation
    sender: str
    kind: str
    text: str

    @property
    def org(self) -> Organization:
        return self.conversation.organization

    @property
    def draft(self) -> dict:
        return self.conversation.draft

    def answers(self, state: str) -> bool:
        return self.kind == "text" and self.conversation.state == state


def _describe(turn: Turn) -> str | None:
    conversation, draft = turn.conversation, turn.draft
    if turn.kind == "text":
        draft["description"] = turn.text
        conversation.language = triage.language_of(turn.text, conversation.language)
    if not draft.get("description"):
        _save(conversation, Conversation.State.DESCRIBE, "ask_description")
        return None
    return Conversation.State.LOCATION


def _locate(turn: Turn) -> str | None:
    draft = turn.draft
    if turn.answers(Conversation.State.LOCATION):
        _typed_place(turn.org, draft, turn.text)
    if draft.get("lat") is None and not draft.get("address"):
        _save(turn.conversation, Conversation.State.LOCATION, "ask_location")
        return None
    if not draft.get("media"):
        _save(turn.conversation, Conversation.State.PHOTO, "ask_photo")
        return None
    return Conversation.State.PHOTO


def _photo(turn: Turn) -> str | None:
    """After the photo (or "0" for none): triage suggests a category to confirm, else the list."""
    conversation, draft = turn.conversation, turn.draft
    if turn.answers(Conversation.State.PHOTO) and fold_digits(turn.text).strip().lower() not in _SKIP:
        draft["description"] = f"{draft.get('description', '')}\n{turn.text}".strip()
    suggestion = triage.suggest_category(draft.get("description", ""))
    draft["suggestion"] = suggestion
    suggested = (
        org_selectors.category_get_active(organization=turn.org, code=suggestion) if suggestion else None
    )
    if suggested:
        name = suggested.name_in(conversation.language)
        _save(conversation, Conversation.State.CATEGORY, "confirm_category", category=name)
    else:
        _ask_category(turn)
    return None


def _category(turn: Turn) -> str | None:
    """ "1" takes the suggestion, "2" asks for the list; from the list, a category's number."""
    conversation, draft = turn.conversation, turn.draft
    if turn.kind != "text":
        _save(conversation, conversation.state, None)
        return None
    answer = fold_digits(turn.text).strip()
    categories = _categories(turn.org)
    chosen = None
    if not draft.get("listed") and answer == "1":
        chosen = draft.get("suggestion")
    elif draft.get("listed") and re.fullmatch(r"\d{1,2}", answer) and 1 <= int(answer) <= len(categories):
        chosen = categories[int(answer) - 1].code
    if chosen is None:  # "2", or an answer that is not one of the choices: the list (again)
        _ask_category(turn)
        return None
    _create_case(conversation, turn.sender, chosen)
    return None


def _ask_category(turn: Turn) -> None:
    turn.draft["listed"] = True
    choices = _choices(turn.org, turn.conversation.language)
    _save(turn.conversation, Conversation.State.CATEGORY, "ask_category", choices=choices)


HANDLERS = {
    Conversation.State.DESCRIBE: _describe,
    Conversation.State.LOCATION: _locate,
    Conversation.State.PHOTO: _photo,
    Conversation.State.CATEGORY: _category,
}


def _typed_place(org: Organization, draft: dict, text: str) -> None:
    """A typed place: kept as the address; when the gazetteer is sure which place it names ("Mina",
    "العزیزیہ", "Masjidil Haram"), the report gets that place's point, and so its area."""
    draft["address"] = text
    place = gazetteer.place_for_text(organization=org, text=text)
    draft["place"] = place.key if place is not None else None


def _save(conversation: Conversation, state: str, template: str | None, **placeholders: str) -> None:
    conversation.state = state
    conversation.save()
    if template:
        _say(conversation.organization, conversation.sender, conversation.language, template, **placeholders)


def _create_case(conversation: Conversation, sender: str, category: str) -> None:
    draft = conversation.draft
    try:
        result = case_create(
            request=IntakeRequest(
                organization=conversation.organization,
                description=draft.get("description", ""),
                channel=CHANNEL,
                language=conversation.language,
                category=category,
                lat=draft.get("lat"),
                lon=draft.get("lon"),
                address=draft.get("address", "")[:500],
                place=draft.get("place"),
                idempotency_key=f"whatsapp:{conversation.first_message_id}",
                reporter=Reporter(phone=sender),
            )
        )
    except DomainError as exc:
        # Keep what was gathered; ask again for the part that was wrong (most often a place outside the city).
        if any(e.field in {"lat", "lon", "place"} for e in exc.errors):
            draft.pop("lat", None)
            draft.pop("lon", None)
            draft.pop("place", None)
            _save(conversation, Conversation.State.LOCATION, "ask_location")
            return
        raise
    case = result.case
    for media_id in draft.get("media", []):
        try:
            content = fetch_whatsapp_media(media_id)
            attachment_add(
                case=case, by=None, upload=SimpleUploadedFile(f"{media_id}.jpg", content), public=False
            )
        except (MediaUnavailable, DomainError) as exc:
            logger.warning("could not attach WhatsApp media %s to %s: %s", media_id, case.reference, exc)
    conversation.case = case
    conversation.state = Conversation.State.DONE
    conversation.save()
