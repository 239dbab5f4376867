"""The lexicon and rules are data files; the small module that reads them must read them exactly."""

from __future__ import annotations

import pytest

from khidma.triage import corpus, lexicons

KNOWN = {"rain", "leak", "park", "light", "pest", "food_business"}


def _holds(condition: str, found: set[str], affirmed: set[str] | None = None) -> bool:
    return lexicons.compile_condition(condition, KNOWN)(found, affirmed if affirmed is not None else found)


def test_a_term_block_ignores_language_tags_and_splits_on_bars():
    block = """
        en: cockroach* | bed bug*
        bn-Latn: telapoka
            | idur
    """
    assert lexicons.terms(block) == ["cockroach*", "bed bug*", "telapoka", "idur"]


@pytest.mark.parametrize(
    ("condition", "found", "affirmed", "expected"),
    [
        ("pest & food_business+", {"pest", "food_business"}, {"pest", "food_business"}, True),
        # "not in the restaurant": found but negated
        ("pest & food_business+", {"pest", "food_business"}, {"pest"}, False),
        # "!" binds tighter than "&", "&" tighter than "|"
        ("light | rain & leak", {"light"}, None, True),
        ("light | rain & leak", {"rain"}, None, False),
        ("(light | rain) & leak", {"rain"}, None, False),
        ("!rain & park", {"park"}, None, True),
        ("!(rain | leak) & park", {"park", "leak"}, None, False),
        ("!rain+ & leak", {"rain", "leak"}, {"leak"}, True),
    ],
)
def test_conditions_follow_not_and_or_precedence(condition, found, affirmed, expected):
    assert _holds(condition, found, affirmed) is expected


@pytest.mark.parametrize(
    "condition", ["rian & park", "park &", "(park | light", "park ) light", "park ? light"]
)
def test_a_misspelt_or_malformed_condition_fails_when_read(condition):
    with pytest.raises(ValueError):
        lexicons.compile_condition(condition, KNOWN)


def test_the_shipped_files_read_and_every_rule_names_a_real_category():
    concepts = lexicons.concepts()
    assert len(concepts) > 20 and all(concepts.values())
    assert lexicons.dangers()["fire"]
    assert lexicons.negatable_concepts() <= set(concepts)
    assert set(lexicons.language_markers()) == {"id", "ms", "ur", "hi", "bn"}
    rules = lexicons.rules()
    assert len(rules) >= 10
    assert {rule.category for rule in rules} <= set(corpus.CATEGORIES)
