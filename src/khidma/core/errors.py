"""Errors that domain code raises and every interface turns into a response in the user's language.

A ``DomainError`` carries one or more ``FieldError`` items: the field at fault (or "" for the request as a
whole), a stable machine code and a message that is already translated lazily, so it renders in whatever
language is active when the response is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str
    message: Any  # a lazily translated string

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "code": self.code, "message": str(self.message)}


class DomainError(Exception):
    """A request that the domain refuses. ``status`` is the HTTP status an interface should answer."""

    status = 400

    def __init__(self, *errors: FieldError, status: int | None = None) -> None:
        if not errors:
            raise ValueError("DomainError needs at least one FieldError")
        self.errors = list(errors)
        if status is not None:
            self.status = status
        super().__init__("; ".join(f"{e.field}:{e.code}" for e in self.errors))

    @classmethod
    def single(cls, field: str, code: str, message: Any, *, status: int | None = None) -> DomainError:
        return cls(FieldError(field, code, message), status=status)


class NotFound(DomainError):
    """Missing and forbidden look the same, so existence never leaks across organizations."""

    status = 404


class Conflict(DomainError):
    status = 409
