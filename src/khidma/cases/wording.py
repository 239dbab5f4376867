"""What staff say to reporters, and the words each reporter reads, in their own language.

Staff answer with a prepared reply (written in the ten public languages) or with free text (one language:
the one the text is detected to be in, else the writer's own). For each reader:

- the reply's text in the reader's language, or free text already in it: sent as it is;
- otherwise, with a translation backend: the message waits in the outbox for its machine translation
  (outbox ``TRANSLATING``), which the worker fills in;
- otherwise the words would reach them in a language they may not read: only when the staff member
  confirmed it (``send_untranslated``); without the confirmation the action is refused with 409
  ``language_mismatch`` and nothing changes, so the form can propose the fitting prepared replies.

The event keeps what was said (``event_data``): the reply's id and key, the texts sent per language, the
language of the original, and which readers get a translation or the words as written. The tracking page and
the public API read them back with ``public_notes``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.cases import selectors
from khidma.cases.models import Case, CaseEvent, PreparedReply
from khidma.core.errors import DomainError
from khidma.core.languages import is_supported
from khidma.translation.selectors import translations_cached
from khidma.translation.services import translation_enabled, translation_possible
from khidma.triage.language import detect as detect_language

NOTE_MAX = 4000
# Below this the detector's answer is a guess (one word, a number): the writer's own language is likelier.
_SURE = 0.8


@dataclass(frozen=True)
class Said:
    """The words for one reader: ``text`` is in ``language``; ``translate`` when it must be machine
    translated into the reader's language before it goes."""

    text: str
    language: str
    translate: bool = False


@dataclass(frozen=True)
class Wording:
    texts: Mapping[str, str]  # language → text: a prepared reply's ten, or the one of a free text
    source: str  # the language to translate from (the free text's, or the reply's best-written one)
    reply: PreparedReply | None = None
    send_untranslated: bool = False
    _readers: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def original(self) -> str:
        return self.texts[self.source]

    def for_reader(self, language: str) -> Said:
        if language not in self._readers:
            if self.texts.get(language):
                said = Said(self.texts[language], language)
            else:
                translate = translation_enabled() and translation_possible(self.source, language)
                said = Said(self.original, self.source, translate=translate)
            self._readers[language] = said
        return self._readers[language]

    def for_staff(self, language: str) -> str:
        """What the event's note holds: the words in the acting staff member's language when the reply has
        them, else the original."""
        return self.texts.get(language) or self.original

    def ensure_readable(self, languages: Iterable[str]) -> None:
        """Refuse (409 ``language_mismatch``) words a reader would get in another language, untranslated,
        unless the staff member confirmed it."""
        if self.send_untranslated:
            return
        for language in sorted(set(languages)):
            said = self.for_reader(language)
            if said.language != language and not said.translate:
                names = dict(settings.LANGUAGES)
                raise DomainError.single(
                    "send_untranslated",
                    "language_mismatch",
                    _(
                        "The reporter reads %(reader)s, and this text is in %(writer)s. Choose a prepared "
                        "reply, or confirm that the text should be sent as it is written."
                    )
                    % {
                        "reader": names.get(language, language),
                        "writer": names.get(said.language, said.language),
                    },
                    status=409,
                )

    def event_data(self, languages: Iterable[str]) -> dict[str, Any]:
        data: dict[str, Any] = {"language": self.source}
        if self.reply is not None:
            data["reply"] = {"id": self.reply.pk, "key": self.reply.key}
        texts, translating, as_written = {}, [], []
        for language in sorted(set(languages)):
            said = self.for_reader(language)
            if said.language == language:
                texts[language] = said.text
            elif said.translate:
                translating.append(language)
            else:
                as_written.append(language)
        data["texts"] = texts
        if translating:
            data["translating"] = translating
        if as_written:
            data["sent_untranslated"] = as_written
        return data


# The script each language is written in here, and the language a text in a script most likely is when
# the detector cannot tell (one word, an abbreviation).
_SCRIPT = {"ar": "arabic", "ur": "arabic", "fa": "arabic", "hi": "devanagari", "bn": "bengali"}
_USUAL = {"arabic": "ar", "devanagari": "hi", "bengali": "bn", "latin": "en"}


def _script(text: str) -> str | None:
    for ch in text:
        if "\u0980" <= ch <= "\u09ff":
            return "bengali"
        if "\u0900" <= ch <= "\u097f":
            return "devanagari"
        if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufefc":
            return "arabic"
        if ch.isalpha():
            return "latin"
    return None


def _language_of(text: str, writer: str) -> str:
    """The language staff typed ``text`` in: the detector's answer when it is sure; else the writer's own
    language when the text is in its script; else the detector's guess for that script, or the script's
    usual language (a short English word from an Arabic-speaking officer is English, not Arabic)."""
    from khidma.triage.language import detect

    guess = detect(text)
    if guess.confidence >= _SURE and is_supported(guess.code):
        return guess.code
    script = _script(text)
    if script is None or _SCRIPT.get(writer, "latin") == script:
        return writer
    if guess.confidence >= 0.5 and _SCRIPT.get(guess.code, "latin") == script:
        return guess.code
    return _USUAL[script]


def _reply_source(reply: PreparedReply, organization_language: str) -> str:
    for language in (organization_language, "ar", "en", *reply.text):
        if reply.text.get(language):
            return language
    raise DomainError.single("reply", "reply_empty", _("This prepared reply has no text."))


def wording_for(
    *,
    case: Case,
    action: str,
    by: User | None,
    text: str = "",
    reply: PreparedReply | None = None,
    send_untranslated: bool = False,
    required: Any = None,
    field_name: str = "note",
) -> Wording | None:
    """The words of an action: a prepared reply that fits the action and the case's category, or free text
    (``required``: the message when one of them must be given). None when neither is given."""
    text = (text or "").strip()
    if reply is not None and text:
        raise DomainError.single(
            "reply", "reply_and_text", _("Choose a prepared reply or write a text, not both.")
        )
    if reply is not None:
        if reply.organization_id != case.organization_id or not reply.is_active:
            raise DomainError.single("reply", "unknown_reply", _("Unknown prepared reply."))
        if not selectors.prepared_reply_fits(reply, case=case, action=action):
            raise DomainError.single(
                "reply",
                "reply_not_fitting",
                _("This prepared reply does not go with this action or this case's category."),
            )
        source = _reply_source(reply, case.organization.default_language)
        return Wording(
            texts=dict(reply.text), source=source, reply=reply, send_untranslated=send_untranslated
        )
    if not text:
        if required is not None:
            raise DomainError.single(field_name, "required", required)
        return None
    if len(text) > NOTE_MAX:
        raise DomainError.single(
            field_name, "too_long", _("The text is too long: at most %(max)d characters.") % {"max": NOTE_MAX}
        )
    writer = (
        by.language if by is not None and is_supported(by.language) else case.organization.default_language
    )
    language = _language_of(text, writer)
    return Wording(texts={language: text}, source=language, send_untranslated=send_untranslated)


# --- Reading it back ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicNote:
    """A public event's words for one reader. ``original`` is set when ``text`` is a machine translation
    of it; ``pending`` when the words are being translated and nothing can be shown yet."""

    text: str
    language: str = ""
    original: str = ""
    pending: bool = False


def _readable(text: str, *readers: str) -> bool:
    """Whether words written without a recorded language (a closing note, a reason typed by staff, or any
    note from before prepared replies) are in a language one of ``readers`` reads. When the text is too
    short to tell, it is shown: a reference number or a name reads the same in every language."""
    guess = detect_language(text)
    return guess.confidence < 0.5 or guess.code in readers


def public_notes(
    events: Iterable[CaseEvent], *, language: str, reporter_language: str
) -> dict[int, PublicNote]:
    """For each public event with words, what a reader of ``language`` sees (the reporter's own language,
    ``reporter_language``, when those words exist only in it). Events written before prepared replies and
    translations (no ``language`` in their data) and the reporter's own words are shown as they are — except a
    member of staff's note in a language neither reader reads (an Arabic closing note on an Indonesian's
    report): the step is on the timeline, its words are not."""
    events = [e for e in events if e.is_public and e.note]
    reply_ids = {e.data["reply"].get("id") for e in events if isinstance(e.data.get("reply"), dict)}
    replies = {r.pk: r for r in PreparedReply.objects.filter(pk__in=reply_ids)} if reply_ids else {}

    def reply_of(event: CaseEvent) -> PreparedReply | None:
        return replies.get((event.data.get("reply") or {}).get("id"))

    def original_of(event: CaseEvent) -> str:
        reply = reply_of(event)
        return (reply.text.get(event.data["language"]) if reply else "") or event.note

    worded = [e for e in events if "language" in e.data]
    sources = [(original_of(e), e.data["language"]) for e in worded]
    translated = translations_cached(sources, target=language) if sources else {}
    for_reporter = (
        translations_cached(sources, target=reporter_language)
        if sources and reporter_language != language
        else {}
    )
    notes: dict[int, PublicNote] = {}
    for event in events:
        data = event.data
        if "language" not in data:
            if event.actor_id is not None and not _readable(event.note, language, reporter_language):
                continue  # a member of staff's note in another language, not addressed to this reader
            notes[event.pk] = PublicNote(event.note)
            continue
        texts = data.get("texts") or {}
        reply = reply_of(event)
        source, original = data["language"], original_of(event)
        found = next(
            (
                PublicNote(text, wanted)
                for wanted in (language, reporter_language)
                if (text := texts.get(wanted) or (reply.text.get(wanted) if reply else ""))
            ),
            None,
        )
        if found is None:
            if source == language:
                found = PublicNote(original, source)
            elif (original, source) in translated:
                found = PublicNote(translated[(original, source)], language, original=original)
            elif (original, source) in for_reporter:
                found = PublicNote(for_reporter[(original, source)], reporter_language, original=original)
            elif reporter_language in data.get("sent_untranslated", []):
                found = PublicNote(original, source)  # staff confirmed it goes as written
            else:
                found = PublicNote("", pending=True)
        notes[event.pk] = found
    return notes
