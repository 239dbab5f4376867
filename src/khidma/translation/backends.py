"""Machine-translation backends: one small interface, ``none`` (the default) and a self-hosted
LibreTranslate server. Chosen by ``KHIDMA_TRANSLATION_BACKEND`` (docs/translation.md), like the SMS gateways
in outbox/backends.py.

``translate`` returns the translated text or raises ``TranslationUnavailable`` (try again later: the server
is down, slow, overloaded or answered something unreadable) or ``TranslationRefused`` (it never will: the
language pair is not offered, the key is refused). Nothing here touches the database.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class TranslationUnavailable(Exception):
    """Try again later."""


class TranslationRefused(Exception):
    """The server will not translate this (an unknown language pair, a refused key)."""


class Backend(Protocol):
    name: str

    def translate(self, text: str, *, source: str, target: str) -> str: ...

    def supports(self, source: str, target: str) -> bool: ...


class NoBackend:
    """No machine translation: staff see originals, and a free text in another language than the
    reporter's is sent only when staff confirm it (cases/wording.py)."""

    name = "none"

    def translate(self, text: str, *, source: str, target: str) -> str:
        raise TranslationRefused("no translation backend is configured")

    def supports(self, source: str, target: str) -> bool:
        return False


# The language list changes only when the server's operator installs a model; ask again after this long.
_LANGUAGES_TTL = 600.0


class LibreTranslateBackend:
    """A LibreTranslate server (https://github.com/LibreTranslate/LibreTranslate), run next to Khidma.

    ``POST /translate`` with ``q``, ``source``, ``target``, ``format: "text"`` and ``api_key`` answers
    ``{"translatedText": …}``; ``GET /languages`` answers ``[{"code", "name", "targets": [...]}]``.
    """

    name = "libretranslate"
    _languages: dict[str, tuple[float, dict[str, frozenset[str]]]] = {}
    _lock = threading.Lock()

    def __init__(self, url: str, api_key: str = "", timeout: float = 10.0) -> None:
        if not url:
            raise ImproperlyConfigured(
                "KHIDMA_LIBRETRANSLATE_URL is required with the libretranslate backend"
            )
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout

    def _call(self, path: str, payload: dict | None = None) -> object:
        data = None
        headers = {"Accept": "application/json"}
        if payload is not None:
            data = json.dumps(payload).encode()
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(  # noqa: S310 - the operator's configured URL
            f"{self.url}{path}", data=data, headers=headers, method="POST" if data else "GET"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                body = response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:300].decode("utf-8", "replace")
            if exc.code == 429 or exc.code >= 500:
                raise TranslationUnavailable(f"HTTP {exc.code}: {detail}") from exc
            raise TranslationRefused(f"HTTP {exc.code}: {detail}") from exc
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            raise TranslationUnavailable(f"unreachable: {exc}") from exc
        try:
            return json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise TranslationUnavailable(f"unreadable answer: {body[:200]!r}") from exc

    def translate(self, text: str, *, source: str, target: str) -> str:
        payload = {"q": text, "source": source, "target": target, "format": "text"}
        if self.api_key:
            payload["api_key"] = self.api_key
        answer = self._call("/translate", payload)
        translated = answer.get("translatedText") if isinstance(answer, dict) else None
        if not isinstance(translated, str) or not translated.strip():
            raise TranslationUnavailable(f"no translatedText in {str(answer)[:200]}")
        return translated.strip()

    def languages(self) -> dict[str, frozenset[str]]:
        """Which targets each source language can be translated into, as the server says (cached)."""
        with self._lock:
            cached = self._languages.get(self.url)
            if cached is not None and time.monotonic() - cached[0] < _LANGUAGES_TTL:
                return cached[1]
        answer = self._call("/languages")
        if not isinstance(answer, list):
            raise TranslationUnavailable(f"unreadable language list: {str(answer)[:200]}")
        pairs = {
            str(item["code"]): frozenset(str(code) for code in item.get("targets", []))
            for item in answer
            if isinstance(item, dict) and "code" in item
        }
        with self._lock:
            self._languages[self.url] = (time.monotonic(), pairs)
        return pairs

    def supports(self, source: str, target: str) -> bool:
        """Whether the server offers the pair, as far as its last answer to ``GET /languages`` says. Never
        waits for the server (staff actions ask this inside their transaction): without a recent answer the
        pair is taken as offered, and a refusal later fails the message visibly on the case."""
        with self._lock:
            cached = self._languages.get(self.url)
        if cached is None or time.monotonic() - cached[0] >= _LANGUAGES_TTL:
            return True
        return target in cached[1].get(source, frozenset())

    @classmethod
    def forget_languages(cls) -> None:
        with cls._lock:
            cls._languages.clear()


def backend() -> Backend:
    name = settings.KHIDMA_TRANSLATION_BACKEND
    if name == "none":
        return NoBackend()
    if name == "libretranslate":
        return LibreTranslateBackend(
            settings.KHIDMA_LIBRETRANSLATE_URL,
            settings.KHIDMA_LIBRETRANSLATE_API_KEY,
            timeout=settings.KHIDMA_TRANSLATION_TIMEOUT_SECONDS,
        )
    raise ImproperlyConfigured(f"KHIDMA_TRANSLATION_BACKEND must be none or libretranslate, not {name!r}")
