"""Phone numbers normalized to E.164 so the same person is recognised whichever way they typed it."""

from __future__ import annotations

import functools

import phonenumbers

# Saudi numbers are most often typed in national form (05xxxxxxxx); other countries need a + prefix.
DEFAULT_REGION = "SA"


def normalize_phone(raw: str, *, region: str = DEFAULT_REGION) -> str:
    """Return the E.164 form of ``raw`` or raise ValueError when it is not a possible, valid number."""
    text = raw.strip().translate(_DIGIT_FOLD)
    if text.startswith("00"):
        text = "+" + text[2:]
    return _e164(text, region)


# One report's number is read by the rate limit, validation and its fingerprint, in the request and again
# in the worker: parsing costs more than the rest of validation, so a process remembers recent answers (a
# refused number raises each time: exceptions are not remembered).
@functools.lru_cache(maxsize=4096)
def _e164(text: str, region: str) -> str:
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(str(exc)) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValueError("not a valid phone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def mask_phone(e164: str) -> str:
    """Keep the country code and the last two digits: enough to recognise a number, not to call it."""
    if len(e164) <= 6:
        return "•" * len(e164)
    return e164[:4] + "•" * (len(e164) - 6) + e164[-2:]


# People type Arabic-Indic (٠-٩) and Persian (۰-۹) digits as often as ASCII ones.
_DIGIT_FOLD = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def fold_digits(text: str) -> str:
    return text.translate(_DIGIT_FOLD)


def format_phone(e164: str) -> str:
    """A stored number written for reading aloud and dialling: "+966 55 123 4567" (international form, so it
    is right for a caller abroad too). A masked or unparsable value is returned as it is."""
    if not e164 or "•" in e164:
        return e164
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
