"""What reporters (and staff) are told, in the case's language. Every text is a translatable string with
named placeholders, so translators can reorder them; SMS texts are kept short (see test_messages)."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import translation
from django.utils.translation import gettext as _

# template code → function of the placeholders; called with the case's language active.
TEMPLATES: dict[str, Callable[..., str]] = {
    "received": lambda **p: _("We received your report %(ref)s. Follow it here: %(url)s") % p,
    "question": lambda **p: (
        _("Report %(ref)s: we need your help. %(question)s Reply to this message or call 940.") % p
    ),
    "referred": lambda **p: (
        _("Report %(ref)s is outside the municipality's work and was referred to %(partner)s.") % p
    ),
    "rejected": lambda **p: _("Report %(ref)s was closed without action: %(reason)s") % p,
    "resolved": lambda **p: (
        _(
            "Report %(ref)s has been dealt with: %(note)s Is it fixed? Reply %(code)s if yes, or 2 if not. %(url)s"  # noqa: E501
        )
        % p
    ),
    "rate": lambda **p: (
        _(
            "Thank you. How do you rate our handling of report %(ref)s? Reply with a number from 1 (poor) to 5 (excellent)."  # noqa: E501
        )
        % p
    ),
    "update": lambda **p: _("Update on report %(ref)s: %(note)s") % p,
    "duplicate": lambda **p: (
        _(
            "Your report %(ref)s is about a problem already reported (%(original)s). We will tell you when it is fixed."  # noqa: E501
        )
        % p
    ),
    "duplicate_fixed": lambda **p: _("The problem you reported (%(ref)s) has been dealt with: %(note)s") % p,
    # The caption of the after-photo sent into a WhatsApp chat right after the fix's message.
    "fix_photo": lambda **p: _("Report %(ref)s") % p,
    "reopened": lambda **p: (
        _("Report %(ref)s was reopened and sent to the follow-up unit. We will contact you.") % p
    ),
    "status": lambda **p: _("Report %(ref)s: %(status)s. %(url)s") % p,
    "unknown_reference": lambda **p: _("We could not find report %(ref)s. Please check the number.") % p,
    "check_number": lambda **p: _("Please check the number %(ref)s: one digit seems to be mistyped.") % p,
    "unsupported": lambda **p: (
        _("Sorry, we can read text, locations and photos only. Please describe the problem in a message.") % p
    ),
    "closure_thanks": lambda **p: _("Thank you. Report %(ref)s is now closed.") % p,
    "rating_thanks": lambda **p: _("Thank you for your rating.") % p,
    "verify_phone": lambda **p: (
        _("Your Khidma code is %(code)s. It is valid for 10 minutes. Do not share it with anyone.") % p
    ),
    "ask_description": lambda **p: _("Welcome to Khidma. Please describe the problem in one message.") % p,
    "ask_location": lambda **p: _("Where is it? Share your location, or type the street or a landmark.") % p,
    "ask_photo": lambda **p: _("You can send a photo of the problem, or reply 0 to skip.") % p,
    "ask_category": lambda **p: _("Which of these is it? Reply with its number.\n%(choices)s") % p,
    "confirm_category": lambda **p: (
        _("Is this about %(category)s? Reply 1 for yes, or 2 to choose another.") % p
    ),
    "visit_scheduled": lambda **p: (
        _("Request %(ref)s: your home visit is booked for %(date)s, between %(start)s and %(end)s.") % p
    ),
    "staff_assigned": lambda **p: _("Case %(ref)s was assigned to you. %(url)s") % p,
    "staff_at_risk": lambda **p: (
        _("Case %(ref)s is at risk of missing its target (due %(due)s). %(url)s") % p
    ),
    "staff_breached": lambda **p: (
        _("Case %(ref)s missed its target (due %(due)s) and was escalated. %(url)s") % p
    ),
}

# Email subjects: fixed sentences with only the reference number in them, never the message's free text (a
# note's line break in a subject is a header injection that the mail library refuses, and a reporter's or
# officer's words do not belong in a header line).
SUBJECTS: dict[str, Callable[..., str]] = {
    "received": lambda **p: _("Report %(ref)s received") % p,
    "question": lambda **p: _("Report %(ref)s: we need your help") % p,
    "resolved": lambda **p: _("Report %(ref)s: is it fixed?") % p,
    "rate": lambda **p: _("Report %(ref)s: rate our service") % p,
    "staff_assigned": lambda **p: _("Case %(ref)s assigned to you") % p,
    "staff_at_risk": lambda **p: _("Case %(ref)s is at risk") % p,
    "staff_breached": lambda **p: _("Case %(ref)s missed its target") % p,
}
_STAFF_TEMPLATES = frozenset(code for code in TEMPLATES if code.startswith("staff_"))

# Right-to-left languages get right-to-left email bodies.
_RTL = {"ar", "ur", "fa"}


def render(template: str, language: str, **placeholders: str) -> str:
    with translation.override(language):
        return TEMPLATES[template](**placeholders)


def render_subject(template: str, language: str, *, ref: str = "") -> str:
    """The subject line of an email: a fixed sentence for the template with the reference number only."""
    with translation.override(language):
        if template in SUBJECTS and ref:
            return SUBJECTS[template](ref=ref)
        if ref and template in _STAFF_TEMPLATES:
            return _("Case %(ref)s") % {"ref": ref}
        if ref:
            return _("Update on report %(ref)s") % {"ref": ref}
        return _("A message from Khidma")


def render_html(text: str, language: str) -> str:
    from django.utils.html import escape, linebreaks

    direction = "rtl" if language in _RTL else "ltr"
    return (
        f'<!doctype html><html lang="{language}" dir="{direction}"><body style="font-family:sans-serif">'
        f'<div dir="{direction}">{linebreaks(escape(text))}</div></body></html>'
    )
