"""A fake provider server (SMS gateways, the WhatsApp Graph API) that records what it receives."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class FakeProvider:
    url: str = ""
    requests: list[dict] = field(default_factory=list)
    # What to answer: status code and JSON body (a callable of the request for per-request answers).
    status: int = 200
    answer: object = field(default_factory=lambda: {"success": True, "data": {"MessageID": "fake-1"}})
    media: dict[str, bytes] = field(default_factory=dict)

    def bodies(self) -> list[dict]:
        return [r["json"] or r["form"] for r in self.requests]


@pytest.fixture
def provider() -> Iterator[FakeProvider]:
    fake = FakeProvider()

    class Handler(BaseHTTPRequestHandler):
        def _reply(self, status: int, body: bytes, content_type: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            record = {
                "path": self.path,
                "headers": dict(self.headers),
                "raw": raw,
                "json": None,
                "form": None,
            }
            if self.headers.get("Content-Type", "").startswith("application/json"):
                record["json"] = json.loads(raw)
            elif self.headers.get("Content-Type", "").startswith("multipart/form-data"):
                pass  # a media upload: the test reads the raw body
            else:
                from urllib.parse import parse_qs

                record["form"] = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
            fake.requests.append(record)
            answer = fake.answer(record) if callable(fake.answer) else fake.answer
            self._reply(fake.status, json.dumps(answer).encode())

        def do_GET(self) -> None:
            # Graph API media: /MEDIA_ID → {"url": ...}; /files/MEDIA_ID → the bytes.
            media_id = self.path.rsplit("/", 1)[-1]
            if self.path.startswith("/files/") and media_id in fake.media:
                self._reply(200, fake.media[media_id], "image/jpeg")
            elif media_id in fake.media:
                self._reply(200, json.dumps({"url": f"{fake.url}/files/{media_id}"}).encode())
            else:
                self._reply(404, b"{}")

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield fake
    server.shutdown()
    server.server_close()
