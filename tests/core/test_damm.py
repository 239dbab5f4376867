import random

import pytest

from khidma.core import damm


def test_check_digit_of_the_textbook_example():
    # Damm's own worked example: 572 has check digit 4.
    assert damm.check_digit("572") == "4"
    assert damm.is_valid("5724")


def _references(count: int) -> list[str]:
    rng = random.Random(20261122)
    out = []
    for _ in range(count):
        body = "".join(rng.choice("0123456789") for _ in range(rng.randint(5, 11)))
        out.append(body + damm.check_digit(body))
    return out


def test_every_single_mistyped_digit_is_caught():
    for number in _references(300):
        _assert_single_errors_caught(number)


def _assert_single_errors_caught(number: str) -> None:
    for position, original in enumerate(number):
        for digit in "0123456789":
            if digit != original:
                assert not damm.is_valid(number[:position] + digit + number[position + 1 :])


def test_every_swap_of_two_neighbours_is_caught():
    for number in _references(300):
        for i in range(len(number) - 1):
            if number[i] != number[i + 1]:
                swapped = number[:i] + number[i + 1] + number[i] + number[i + 2 :]
                assert not damm.is_valid(swapped), (number, swapped)


def test_non_digits_are_never_valid():
    assert not damm.is_valid("12a4")
    assert not damm.is_valid("")
    assert not damm.is_valid("٥٧٢٤")  # Arabic-Indic digits are folded by the caller, not here
    with pytest.raises(ValueError):
        damm.check_digit("12x")
