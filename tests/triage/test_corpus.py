"""The shipped corpus and its fixed held-out split."""

from collections import Counter

from khidma.triage import corpus


def test_split_is_disjoint_and_complete():
    train, test, everything = corpus.load("train"), corpus.load("test"), corpus.load("all")
    train_texts = {example.text for example in train}
    test_texts = {example.text for example in test}
    assert not train_texts & test_texts
    assert len(train) + len(test) == len(everything)
    assert len(everything) >= 1820


def test_split_is_stratified_for_the_shipped_files():
    held = Counter(
        (example.language, example.category)
        for example in corpus.load("test")
        if example.source in {"corpus_a.jsonl", "corpus_b.jsonl"}
    )
    assert len(held) == len(corpus.LANGUAGES) * len(corpus.CATEGORIES)
    assert set(held.values()) == {3}  # 3 of every 14


def test_split_is_deterministic():
    corpus._split.cache_clear()
    first = [example.text for example in corpus.load("test")]
    corpus._split.cache_clear()
    assert [example.text for example in corpus.load("test")] == first


def test_every_example_is_labelled_with_known_codes():
    for example in corpus.load("all"):
        assert example.language in corpus.LANGUAGES
        assert example.category in corpus.CATEGORIES
        assert example.text.strip()


def test_corpus_d_covers_every_language_and_category():
    counts = Counter(
        (example.language, example.category)
        for example in corpus.load("all")
        if example.source == "corpus_d.jsonl"
    )
    assert len(counts) == len(corpus.LANGUAGES) * len(corpus.CATEGORIES)
    assert min(counts.values()) >= 6
    for language in ("ar", "ur", "hi", "fa", "bn"):  # the languages that scored worst
        assert min(counts[(language, category)] for category in corpus.CATEGORIES) >= 12
