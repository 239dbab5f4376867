"""Source-grouped cross-validation of the category model on the corpus' training split only.

This is how changes to the triage model are chosen (issue 9): the held-out split and the independent
evaluation set (``bench/data``) are never looked at while deciding. Each fold trains on the training parts
of all corpus files but one and tests on that file's training part. Files written by different authors make
folds that are harder than random ones, and closer to messages the model has never seen. corpus_c (a small
file of Romanized additions) always trains.

`python -m bench.triage_cv [-v] [--files=corpus_a,corpus_b]` prints macro-F1 per fold, their mean, and
with -v the most frequent confusions.
"""

from __future__ import annotations

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import sys  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402

from bench.triage import _macro_f1  # noqa: E402

ALWAYS_TRAIN = {"corpus_c.jsonl"}


def folds() -> dict[str, float]:
    from khidma.triage import classifier, corpus

    examples = corpus.load("train")
    only = next((arg.split("=", 1)[1].split(",") for arg in sys.argv if arg.startswith("--files=")), None)
    if only:  # compare two versions of the model on the same files while new ones are being written
        examples = [
            e for e in examples if e.source.removesuffix(".jsonl") in only or e.source in ALWAYS_TRAIN
        ]
    sources = sorted({example.source for example in examples} - ALWAYS_TRAIN)
    scores: dict[str, float] = {}
    confusions: Counter[tuple[str, str]] = Counter()
    by_language: dict[str, list[tuple[str, str]]] = defaultdict(list)
    everything: list[tuple[str, str]] = []
    for source in sources:
        training = [(e.text, e.category) for e in examples if e.source != source]
        testing = [e for e in examples if e.source == source]
        model = classifier.train(training, include_corpus=False)
        pairs = []
        for example in testing:
            guess = model.predict(example.text).category
            pairs.append((example.category, guess))
            by_language[example.language].append((example.category, guess))
            if guess != example.category:
                confusions[(example.category, guess)] += 1
        scores[source] = _macro_f1(pairs, corpus.CATEGORIES)
        everything.extend(pairs)
    scores["mean"] = sum(scores.values()) / len(sources)
    scores["pooled"] = _macro_f1(everything, corpus.CATEGORIES)
    for code, pairs in sorted(by_language.items()):
        scores[f"lang:{code}"] = _macro_f1(pairs, corpus.CATEGORIES)
    if "-v" in sys.argv:
        for (truth, guess), count in confusions.most_common(20):
            print(f"  {count:3d} {truth} -> {guess}")
    return scores


if __name__ == "__main__":
    for name, score in folds().items():
        print(f"{name:>16} {score:.4f}")
