"""Photos kept between a refused submission and the corrected one, so nothing the person sent is lost.

A browser cannot fill a file input again, so when the report form comes back with an error the photos that
were fine are kept here (already cleaned of metadata) and the form carries a signed token for each. Tokens
are signed, so a client can neither name another file nor read one; files older than a day are removed.
"""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core import signing

from khidma.portal.photos import CleanPhoto

_SALT = "khidma.portal.pending-photo"
MAX_AGE_SECONDS = 24 * 3600
_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


def _folder() -> Path:
    folder = Path(settings.DATA_DIR) / "pending-photos"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sweep(folder: Path) -> None:
    cutoff = time.time() - MAX_AGE_SECONDS
    for path in folder.glob("*.bin"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except FileNotFoundError:
            pass


def keep(photo: CleanPhoto) -> str:
    """Store a cleaned photo for a day; returns the token the form carries."""
    folder = _folder()
    _sweep(folder)
    name = uuid.uuid4().hex
    (folder / f"{name}.bin").write_bytes(photo.content)
    return signing.dumps(
        {"n": name, "t": photo.content_type, "g": list(photo.gps) if photo.gps else None}, salt=_SALT
    )


def take(token: str) -> CleanPhoto | None:
    """The photo behind a token, or None when the token is forged, expired or its file is gone."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=MAX_AGE_SECONDS)
        path = _folder() / f"{uuid.UUID(hex=data['n']).hex}.bin"
        content_type = data["t"]
        extension = _EXTENSIONS[content_type]
        content = path.read_bytes()
    except (signing.BadSignature, KeyError, ValueError, TypeError, OSError):
        return None
    gps = tuple(data["g"]) if data.get("g") else None
    return CleanPhoto(content=content, content_type=content_type, extension=extension, gps=gps)


def discard(token: str) -> None:
    try:
        data = signing.loads(token, salt=_SALT, max_age=MAX_AGE_SECONDS)
        (_folder() / f"{uuid.UUID(hex=data['n']).hex}.bin").unlink(missing_ok=True)
    except (signing.BadSignature, KeyError, ValueError, TypeError, OSError):
        pass
