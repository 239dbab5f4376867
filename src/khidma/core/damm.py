"""The Damm check digit.

Damm's quasigroup catches every single-digit error and every transposition of adjacent digits, which are
the two mistakes people make when reading a reference number over the phone or typing it from an SMS.
"""

from __future__ import annotations

# The weakly totally anti-symmetric quasigroup of order 10 from H. Michael Damm's 2004 thesis.
_TABLE: tuple[tuple[int, ...], ...] = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


def _interim(digits: str) -> int:
    interim = 0
    for char in digits:
        interim = _TABLE[interim][int(char)]
    return interim


def check_digit(digits: str) -> str:
    if not digits.isascii() or not digits.isdigit():
        raise ValueError("check_digit takes ASCII digits only")
    return str(_interim(digits))


def is_valid(number: str) -> bool:
    """True when the last digit is the Damm check digit of the others."""
    return number.isascii() and number.isdigit() and len(number) >= 2 and _interim(number) == 0
