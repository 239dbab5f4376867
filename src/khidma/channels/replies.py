"""Short commands people send by WhatsApp or SMS: "status <number>", the answer to "is it fixed?", and a
rating. Shared by both channels."""

from __future__ import annotations

import contextlib
import datetime
import re

from khidma.cases import closure, notify
from khidma.cases.closure_codes import code_matches
from khidma.cases.closure_guard import case_closure_code_resend
from khidma.cases.models import Case, Status
from khidma.cases.references import parse_reference
from khidma.cases.tracking import tracking_url
from khidma.core import clock
from khidma.core.errors import DomainError
from khidma.core.phones import fold_digits
from khidma.organizations.models import Organization

_STATUS_WORDS = r"status|state|حالة|حاله|وضع|وضعیت|حالت|halat|स्थिति|স্থিতি|durum|statut|état|etat|keadaan"
_STATUS = re.compile(rf"^\s*(?:{_STATUS_WORDS})\s*[:#]?\s*([\d\s\-]{{2,20}})\s*$", re.IGNORECASE)
_YES = {
    "1",
    "yes",
    "y",
    "ok",
    "نعم",
    "ايوه",
    "أيوه",
    "تم",
    "ہاں",
    "جی",
    "بله",
    "آره",
    "ya",
    "iya",
    "sudah",
    "haan",
    "han",
    "हाँ",
    "हां",
    "হ্যাঁ",
    "evet",
    "oui",
}
_NO = {
    "2",
    "no",
    "n",
    "لا",
    "نہیں",
    "نه",
    "خیر",
    "tidak",
    "belum",
    "tak",
    "nahin",
    "nahi",
    "नहीं",
    "না",
    "hayır",
    "hayir",
    "non",
}


# "Send me a new closure code", from the number on the report (the old code may be locked after wrong tries).
_NEW_CODE = {
    "code",
    "new code",
    "رمز",
    "الرمز",
    "رمز جديد",
    "كود",
    "کد",
    "کوڈ",
    "kode",
    "kod",
    "कोड",
    "কোড",
}


def _normal(text: str) -> str:
    return fold_digits(text).strip().strip(".!؟?").lower()


def handle_command(
    organization: Organization, *, channel: str, sender: str, text: str, language: str
) -> bool:
    """Answer a command if the text is one; True when it was handled (nothing else should happen)."""
    normal = _normal(text)
    match = _STATUS.match(normal)
    if match:
        _status_reply(organization, channel=channel, sender=sender, raw=match.group(1), language=language)
        return True
    waiting = (
        Case.objects.filter(organization=organization, reporter_phone=sender, status=Status.RESOLVED)
        .exclude(closure_code_hash="")
        .order_by("-resolved_at")
        .first()
    )
    if waiting is not None:
        digits = re.sub(r"\D", "", normal)
        if normal in _YES or (len(digits) == 6 and code_matches(waiting, digits)):
            closure.case_confirm_closure(case=waiting, code=digits, channel=channel, from_reporter_phone=True)
            notify.reply(
                waiting,
                channel=channel,
                recipient=sender,
                language=waiting.language,
                template="closure_thanks",
                ref=waiting.reference,
            )
            return True
        if normal in _NO:
            closure.case_reject_closure(
                case=waiting, code=None, channel=channel, reason=text, from_reporter_phone=True
            )
            return True
        if normal in _NEW_CODE:
            # Refused when sent too often already: the codes sent before still reach the reporter.
            with contextlib.suppress(DomainError):
                case_closure_code_resend(case=waiting, by=None, channel=channel)
            return True
    rated = _awaiting_rating(organization, sender)
    if rated is not None and normal in {"1", "2", "3", "4", "5"}:
        closure.case_rate(
            case=rated, code=None, rating=int(normal), channel=channel, from_reporter_phone=True
        )
        notify.reply(
            rated, channel=channel, recipient=sender, language=rated.language, template="rating_thanks"
        )
        return True
    return False


def _awaiting_rating(organization: Organization, sender: str) -> Case | None:
    since = clock.now() - datetime.timedelta(days=7)
    return (
        Case.objects.filter(
            organization=organization,
            reporter_phone=sender,
            status=Status.CLOSED,
            closed_at__gte=since,
            satisfaction__isnull=True,
        )
        .order_by("-closed_at")
        .first()
    )


def _status_reply(organization: Organization, *, channel: str, sender: str, raw: str, language: str) -> None:
    try:
        reference = parse_reference(raw)
    except DomainError as exc:
        template = "check_number" if exc.errors[0].code == "reference_check_failed" else "unknown_reference"
        notify.reply(
            organization,
            channel=channel,
            recipient=sender,
            language=language,
            template=template,
            ref=raw.strip(),
        )
        return
    case = Case.objects.filter(organization=organization, reference=reference).first()
    if case is None:
        notify.reply(
            organization,
            channel=channel,
            recipient=sender,
            language=language,
            template="unknown_reference",
            ref=reference,
        )
        return
    notify.reply(
        case,
        channel=channel,
        recipient=sender,
        language=language,
        template="status",
        ref=reference,
        status=Status(case.status).label,
        # Anyone may ask a status by number; only the reporter's own phone gets their personal link.
        url=tracking_url(case, for_reporter=sender == case.reporter_phone),
    )
