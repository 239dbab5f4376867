"""A fake LibreTranslate server the tests start (up, down, slow, unreadable), prepared replies written in
the ten languages, and a reader of what a page shows."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from khidma.cases.replies import prepared_reply_create
from khidma.translation.backends import LibreTranslateBackend

LANGUAGES = ("ar", "en", "ur", "id", "hi", "ms", "fa", "bn", "tr", "fr")
# What staff write in Arabic in these tests, and what the fake server answers for it.
ARABIC_NOTE = "تم تفريغ الحاوية وتنظيف الموقع بالكامل"
TRANSLATIONS = {
    (ARABIC_NOTE, "bn"): "কন্টেইনার খালি করা হয়েছে এবং জায়গাটি পুরোপুরি পরিষ্কার করা হয়েছে",
    (ARABIC_NOTE, "id"): "Kontainer sudah dikosongkan dan lokasinya dibersihkan sepenuhnya",
    (ARABIC_NOTE, "ur"): "کنٹینر خالی کر دیا گیا اور جگہ کو پوری طرح صاف کر دیا گیا",
    (ARABIC_NOTE, "en"): "The container was emptied and the site fully cleaned",
}


@dataclass
class FakeLibreTranslate:
    """``mode``: "up" answers, "down" answers 503, "slow" answers after ``delay`` seconds, "bad_json"
    answers something that is not JSON, "refuse" answers 400 (a language pair it does not offer)."""

    url: str = ""
    mode: str = "up"
    delay: float = 3.0
    requests: list[dict] = field(default_factory=list)
    targets: tuple[str, ...] = LANGUAGES

    def translations(self) -> list[dict]:
        return [r for r in self.requests if r["path"] == "/translate"]


def fake_translation(text: str, source: str, target: str) -> str:
    """The fake's answer: a known translation, else a marker in Latin letters (never the Arabic text)."""
    known = TRANSLATIONS.get((text, target))
    if known:
        return known
    return f"[{source}>{target} {hashlib.sha256(text.encode()).hexdigest()[:8]}]"


@pytest.fixture
def libretranslate(settings) -> Iterator[FakeLibreTranslate]:
    fake = FakeLibreTranslate()

    class Handler(BaseHTTPRequestHandler):
        def _reply(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _answer(self, payload: object) -> None:
            if fake.mode == "down":
                self._reply(503, b'{"error": "Service unavailable"}')
            elif fake.mode == "bad_json":
                self._reply(200, b"<html>proxy error</html>")
            elif fake.mode == "refuse":
                self._reply(400, b'{"error": "this language pair is not supported"}')
            else:
                if fake.mode == "slow":
                    time.sleep(fake.delay)
                self._reply(200, json.dumps(payload, ensure_ascii=False).encode())

        def do_GET(self) -> None:
            fake.requests.append({"path": self.path, "json": None})
            codes = list(fake.targets)
            self._answer([{"code": c, "name": c, "targets": [t for t in codes if t != c]} for c in codes])

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            fake.requests.append({"path": self.path, "json": body})
            self._answer({"translatedText": fake_translation(body["q"], body["source"], body["target"])})

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.KHIDMA_TRANSLATION_BACKEND = "libretranslate"
    settings.KHIDMA_LIBRETRANSLATE_URL = fake.url
    settings.KHIDMA_LIBRETRANSLATE_API_KEY = "test-key"
    settings.KHIDMA_TRANSLATION_TIMEOUT_SECONDS = 1
    LibreTranslateBackend.forget_languages()
    yield fake
    LibreTranslateBackend.forget_languages()
    server.shutdown()
    server.server_close()


# --- Prepared replies ---------------------------------------------------------------------------------------

CONTAINER_EMPTIED = {
    "ar": "تم تفريغ الحاوية وتنظيف المكان. شكرًا لبلاغك.",
    "en": "The container was emptied and the place cleaned. Thank you for your report.",
    "ur": "کوڑے دان خالی کر دیا گیا اور جگہ صاف کر دی گئی۔ اطلاع دینے کا شکریہ۔",
    "id": "Kontainer sudah dikosongkan dan tempatnya dibersihkan. Terima kasih atas laporan Anda.",
    "hi": "कूड़ेदान खाली कर दिया गया और जगह साफ़ कर दी गई। सूचना देने के लिए धन्यवाद।",
    "ms": "Tong sampah telah dikosongkan dan tempat itu dibersihkan. Terima kasih atas aduan anda.",
    "fa": "سطل زباله خالی و محل تمیز شد. از گزارش شما سپاسگزاریم.",
    "bn": "ময়লার পাত্র খালি করা হয়েছে এবং জায়গাটি পরিষ্কার করা হয়েছে। জানানোর জন্য ধন্যবাদ।",
    "tr": "Çöp konteyneri boşaltıldı ve alan temizlendi. Bildiriminiz için teşekkürler.",
    "fr": "Le conteneur a été vidé et l'endroit nettoyé. Merci de votre signalement.",
}
NEED_PLACE = {
    "ar": "نحتاج إلى وصف أدق للموقع أو صورة له. فضلاً أرسلها ردًا على هذه الرسالة.",
    "en": "We need a more exact description or a photo of the place. Please send it in reply.",
    "ur": "ہمیں جگہ کی زیادہ درست تفصیل یا تصویر چاہیے۔ براہ کرم اس پیغام کے جواب میں بھیجیں۔",
    "id": "Kami memerlukan keterangan tempat yang lebih tepat atau fotonya. Mohon kirim sebagai balasan.",
    "hi": "हमें जगह का अधिक सटीक विवरण या फ़ोटो चाहिए। कृपया इस संदेश के जवाब में भेजें।",
    "ms": "Kami memerlukan keterangan tempat yang lebih tepat atau gambarnya. Sila hantar sebagai balasan.",
    "fa": "به توضیح دقیق‌تر یا عکسی از محل نیاز داریم. لطفاً در پاسخ همین پیام بفرستید.",
    "bn": "আমাদের জায়গাটির আরও সঠিক বিবরণ বা ছবি দরকার। অনুগ্রহ করে এই বার্তার উত্তরে পাঠান।",
    "tr": "Yerin daha ayrıntılı tarifine ya da fotoğrafına ihtiyacımız var. Lütfen yanıt olarak gönderin.",
    "fr": "Il nous faut une description plus précise ou une photo du lieu. Merci de l'envoyer en réponse.",
}
# Written in two languages only: readers of the eight others get a translation, or staff must confirm.
WATER_COMPANY = {
    "ar": "هذا من اختصاص شركة المياه الوطنية، رقمها 939.",
    "en": "This is for the National Water Company: call 939.",
}


def _titles(text: dict[str, str]) -> dict[str, str]:
    return {
        language: words.split(".")[0].split("۔")[0].split("।")[0][:60] for language, words in text.items()
    }


@pytest.fixture
def replies(makkah) -> dict:
    """Three of Makkah's prepared replies: a resolution for cleanliness and a question for any category
    (both in the ten languages), and a referral written in Arabic and English only."""
    return {
        "emptied": prepared_reply_create(
            organization=makkah,
            by=None,
            key="container-emptied",
            title=_titles(CONTAINER_EMPTIED),
            text=CONTAINER_EMPTIED,
            actions=["resolve", "note"],
            categories=["cleanliness"],
        ),
        "place": prepared_reply_create(
            organization=makkah,
            by=None,
            key="need-exact-place",
            title=_titles(NEED_PLACE),
            text=NEED_PLACE,
            actions=["hold"],
        ),
        "water": prepared_reply_create(
            organization=makkah,
            by=None,
            key="water-company",
            title=_titles(WATER_COMPANY),
            text=WATER_COMPANY,
            actions=["refer"],
        ),
    }


# --- What a page shows --------------------------------------------------------------------------------------


class _Visible(HTMLParser):
    """The text of a page's <main> a reader sees: no scripts or styles, and of a closed <details> only its
    <summary>."""

    _VOID = {"br", "img", "input", "meta", "link", "hr", "source", "area", "wbr", "col", "embed", "track"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, hidden)

    def _hidden(self) -> bool:
        return any(hidden for _tag, hidden in self.stack)

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self._VOID:
            return
        attributes = dict(attrs)
        parent_closed_details = self.stack and self.stack[-1][0] == "details-closed"
        hidden = tag in {"script", "style", "template", "head"} or "hidden" in attributes
        if parent_closed_details and tag != "summary":
            hidden = True
        name = "details-closed" if tag == "details" and "open" not in attributes else tag
        self.stack.append((name, hidden))

    def handle_endtag(self, tag) -> None:
        if tag in self._VOID:
            return
        while self.stack:
            name, _hidden = self.stack.pop()
            if name == tag or (tag == "details" and name == "details-closed"):
                break

    def handle_data(self, data) -> None:
        if not self._hidden() and any(name == "main" for name, _h in self.stack):
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def has_arabic_script(text: str) -> bool:
    return any(
        "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff" for ch in text
    )
