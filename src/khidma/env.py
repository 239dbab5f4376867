"""Typed readers for environment variables.

Every setting comes from the environment (docs/configuration.md lists them all). A secret may also be given
as ``NAME_FILE`` pointing at a file that holds it, so container secrets never pass through the environment.
"""

from __future__ import annotations

import os
from pathlib import Path


def env_str(name: str, default: str = "") -> str:
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        return Path(file_path).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{name} must be a boolean (1/0, true/false, yes/no, on/off), not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be an integer, not {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


_RATE_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rates(name: str, raw: str) -> tuple[tuple[int, int], ...]:
    """``"10/m,100/h"`` → ((10, 60), (100, 3600)): at most COUNT per window of that length. A window may
    carry a number (``5/10m`` is five per ten minutes). ``0``, ``off`` or an empty value: no limit."""
    text = raw.strip().lower()
    if text in {"", "0", "off", "none"}:
        return ()
    rates = []
    for part in text.split(","):
        count, sep, window = part.strip().partition("/")
        unit = window[-1:] if window else ""
        length = window[:-1] or "1"
        if not sep or unit not in _RATE_UNITS or not count.isdigit() or not length.isdigit():
            raise ValueError(
                f"{name} must be rates such as '10/m,100/h' (count per s, m, h or d, e.g. 5/10m), not {raw!r}"
            )
        if int(count) > 0 and int(length) > 0:
            rates.append((int(count), int(length) * _RATE_UNITS[unit]))
    return tuple(rates)


def env_rates(name: str, default: str) -> tuple[tuple[int, int], ...]:
    """A rate limit setting (see ``parse_rates``), checked when the settings load."""
    return parse_rates(name, os.environ.get(name, default))
