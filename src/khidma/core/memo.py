"""Small per-process memories of rows that change rarely and are read on every request (an organization by
its slug). Each entry lives a few seconds, so an edit in the admin reaches every process within that time
without any invalidation traffic; ``forget_all`` empties them (tests, after loading data)."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_memories: list[dict] = []


def remembered(
    seconds: float, *, forget_on: tuple[type, ...] = ()
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Remember a function's answer per keyword arguments for ``seconds``. ``forget_on`` names models whose
    save or delete in this process empties the memory at once (other processes still wait out ``seconds``):
    an edit is seen by the very next request of the process that made it."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        entries: dict[Hashable, tuple[float, Any]] = {}
        lock = threading.Lock()
        _memories.append(entries)
        if forget_on:
            from django.db.models.signals import post_delete, post_save

            def forget(**_kwargs: object) -> None:
                with lock:
                    entries.clear()

            for model in forget_on:
                post_save.connect(forget, sender=model, weak=False)
                post_delete.connect(forget, sender=model, weak=False)

        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            key = (args, tuple(sorted(kwargs.items())))
            now = time.monotonic()
            with lock:
                found = entries.get(key)
            if found is not None and found[0] > now:
                return found[1]
            value = function(*args, **kwargs)
            with lock:
                entries[key] = (now + seconds, value)
            return value

        return wrapper

    return decorate


def forget_all() -> None:
    for entries in _memories:
        entries.clear()
