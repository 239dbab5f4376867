"""The demo's prepared replies (src/khidma/demo/data/prepared_replies.json): shape, codes, script, length.

These texts go by SMS to pilgrims and residents inside a frame such as "Report 2600003678 has been dealt
with: {text} Is it fixed? ...", so each must be a finished sentence in its own language and script, short,
and free of codes or placeholders. The loader that turns the file into rows is tested with its services.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import cache
from importlib import resources

import pytest
from django.conf import settings

from khidma.demo import data

LANGUAGES = [code for code, _name in settings.LANGUAGES]
ACTIONS = {"resolve", "hold", "reject", "refer", "duplicate", "note"}
FIELDS = {"key", "organization", "actions", "categories", "title", "text"}
CATEGORIES = {
    data.MAKKAH["slug"]: {code for code, *_rest in data.MAKKAH_CATEGORIES},
    **{spec["slug"]: {code for code, *_rest in data.ASSOCIATION_CATEGORIES} for spec in data.ASSOCIATIONS},
}

# An SMS frame adds about 100 characters around the text; a Unicode SMS part holds 67 characters.
SMS_LIMIT = 160
ARABIC_LIMIT = 70  # Arabic is the source and the most common reader: one part's worth
# Urdu, Persian, Hindi and Bengali run 20-40 % longer than the Arabic for the same sentence.
OTHER_UNICODE_LIMIT = 100
TITLE_LIMIT = 60  # staff pick a reply by its title in a list

# Letters and marks by script (Unicode blocks).
ARABIC_BLOCKS = [(0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]
SCRIPTS = {
    "arabic": ARABIC_BLOCKS,
    "bengali": [(0x0980, 0x09FF)],
    "devanagari": [(0x0900, 0x097F)],
}
SCRIPT_OF = {"ar": "arabic", "ur": "arabic", "fa": "arabic", "bn": "bengali", "hi": "devanagari"}
ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
LATIN_LETTERS = {
    "en": ASCII_LETTERS,
    "id": ASCII_LETTERS,
    "ms": ASCII_LETTERS,
    "fr": ASCII_LETTERS + "àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ",
    "tr": "abcçdefgğhıijklmnoöprsştuüvyzâîûABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZÂÎÛ",
}
# Letters that tell the three Arabic-script languages apart: Urdu and Persian write ی ک (and Urdu ہ ے), never
# the Arabic ي ك ة; Arabic has none of the Persian and Urdu letters; Persian none of Urdu's.
FOREIGN_LETTERS = {
    "ar": set("یکگپچژہےٹڈڑںھ"),
    "ur": set("يكةهى"),
    "fa": set("يكةىہےٹڈڑںھ"),
}
URDU_LETTERS = set("ہےںٹڈڑھ")
# How a sentence ends in each language (the frame continues with another sentence).
SENTENCE_ENDS = {"ur": "۔؟", "hi": "।?", "bn": "।?", "ar": ".؟", "fa": ".؟"}
LATIN_SENTENCE_ENDS = ".?!"
# Everyday words of one language that the other does not use this way: Malay must not be Indonesian.
INDONESIAN_ONLY = {"mobil", "diperbaiki", "kantor", "tim", "silakan", "pemerintah"}
MALAY_ONLY = {"kereta", "dibaiki", "sila", "pejabat", "pasukan", "majlis", "kenderaan"}
# Codes and placeholders: %(name)s, {name}, <tag>, [link], snake_case words, TODO/XXX markers.
PLACEHOLDER = re.compile(r"%\(|%[sd]|[{}<>\[\]_#@\\|]|\bTODO\b|\bXXX\b|\bFIXME\b", re.IGNORECASE)
SNAKE_CASE = re.compile(r"[a-z0-9]+_[a-z0-9_]+")


@cache
def replies() -> list[dict]:
    path = resources.files("khidma.demo") / "data" / "prepared_replies.json"
    return json.loads(path.read_text(encoding="utf-8"))


def texts(field: str = "text"):
    """Every (key, language, text) of one field, for the per-text checks."""
    for reply in replies():
        for language, value in reply[field].items():
            yield reply["key"], language, value


def in_blocks(char: str, blocks: list[tuple[int, int]]) -> bool:
    return any(low <= ord(char) <= high for low, high in blocks)


def test_every_reply_has_the_documented_shape():
    assert isinstance(replies(), list)
    for reply in replies():
        assert set(reply) == FIELDS, reply.get("key")
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)+", reply["key"]), reply["key"]
        assert reply["organization"] in CATEGORIES, reply["key"]
        assert reply["actions"] and set(reply["actions"]) <= ACTIONS, reply["key"]
        assert len(set(reply["actions"])) == len(reply["actions"]), reply["key"]
        assert isinstance(reply["categories"], list), reply["key"]
        assert len(set(reply["categories"])) == len(reply["categories"]), reply["key"]
        assert set(reply["categories"]) <= CATEGORIES[reply["organization"]], reply["key"]
        for field in ("title", "text"):
            assert list(reply[field]) == LANGUAGES, (reply["key"], field)


def test_keys_are_unique():
    counts = Counter(reply["key"] for reply in replies())
    assert [key for key, count in counts.items() if count > 1] == []


def test_the_demo_ships_enough_replies_for_makkah_and_each_association():
    per_organization = Counter(reply["organization"] for reply in replies())
    assert per_organization[data.MAKKAH["slug"]] >= 30
    for spec in data.ASSOCIATIONS:
        actions = {
            action
            for reply in replies()
            if reply["organization"] == spec["slug"]
            for action in reply["actions"]
        }
        assert {"note", "hold", "resolve", "reject"} <= actions, spec["slug"]


def test_makkah_has_replies_for_every_action_and_a_resolution_for_every_category():
    makkah = [reply for reply in replies() if reply["organization"] == data.MAKKAH["slug"]]
    assert {action for reply in makkah for action in reply["actions"]} == ACTIONS
    resolved = {code for reply in makkah if "resolve" in reply["actions"] for code in reply["categories"]}
    assert resolved == CATEGORIES[data.MAKKAH["slug"]]
    # Questions while on hold and rejections that fit any case.
    for action in ("hold", "reject", "duplicate", "note"):
        assert sum(1 for reply in makkah if action in reply["actions"] and not reply["categories"]) >= 3, (
            action
        )


@pytest.mark.parametrize("field", ["title", "text"])
def test_every_text_is_present_clean_and_free_of_codes(field):
    for key, language, value in texts(field):
        where = (key, field, language, value)
        assert isinstance(value, str) and value.strip(), where
        assert value == value.strip() and "  " not in value and "\n" not in value, where
        assert unicodedata.is_normalized("NFC", value), where
        assert not PLACEHOLDER.search(value), where
        assert not SNAKE_CASE.search(value), where
        assert "’" not in value, where  # straight apostrophes: the catalogue's, and GSM-friendly


@pytest.mark.parametrize("field", ["title", "text"])
def test_every_text_is_in_its_language_s_script(field):
    for key, language, value in texts(field):
        where = (key, field, language, value)
        letters = [char for char in value if unicodedata.category(char)[0] in "LM"]
        assert letters, where
        if language in SCRIPT_OF:
            blocks = SCRIPTS[SCRIPT_OF[language]]
            assert [char for char in letters if not in_blocks(char, blocks)] == [], where
        else:
            assert [char for char in letters if char not in LATIN_LETTERS[language]] == [], where
        if language in FOREIGN_LETTERS:
            assert not set(value) & FOREIGN_LETTERS[language], where


def test_urdu_is_written_as_urdu():
    # Not Arabic or Persian with a few words changed: every Urdu text has letters only Urdu uses.
    for key, language, value in texts():
        if language == "ur":
            assert set(value) & URDU_LETTERS, (key, value)


def test_malay_and_indonesian_are_each_their_own_language():
    for reply in replies():
        indonesian = set(re.findall(r"\w+", reply["text"]["id"].lower()))
        malay = set(re.findall(r"\w+", reply["text"]["ms"].lower()))
        assert not indonesian & MALAY_ONLY, (reply["key"], indonesian & MALAY_ONLY)
        assert not malay & INDONESIAN_ONLY, (reply["key"], malay & INDONESIAN_ONLY)


def test_no_language_copies_another():
    for reply in replies():
        values = list(reply["text"].values())
        assert len(set(values)) == len(values), reply["key"]


def test_every_text_is_a_finished_sentence_with_the_language_s_punctuation():
    for key, language, value in texts():
        ends = SENTENCE_ENDS.get(language, LATIN_SENTENCE_ENDS)
        assert value[-1] in ends, (key, language, value)
        if language in {"ur", "hi", "bn"}:
            assert "." not in value, (key, language, value)  # ۔ and । are these languages' full stops
        if language == "fr":
            # French puts a space before ; : ? and !
            assert not re.search(r"\S[;:?!]", value), (key, value)


def test_texts_fit_an_sms_and_titles_fit_a_list():
    for key, language, value in texts():
        assert len(value) <= SMS_LIMIT, (key, language, len(value))
        if language == "ar":
            assert len(value) <= ARABIC_LIMIT, (key, language, len(value))
        elif language in SCRIPT_OF:
            assert len(value) <= OTHER_UNICODE_LIMIT, (key, language, len(value))
    for key, language, value in texts("title"):
        assert len(value) <= TITLE_LIMIT, (key, language, len(value))
