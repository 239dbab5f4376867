"""Benchmark: the triage models (issue 9) on the corpus' held-out split.

Language accuracy per language; category accuracy and macro-F1 per language and a confusion table; the time
to triage one report (language + category + priority, one call each, pinned to one core); training and load
times; the saved model's size; the library versions. `python bench/triage.py` prints the section.
"""

from __future__ import annotations

import os

# one core: set before numpy is imported anywhere in this process
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from importlib import metadata  # noqa: E402
from pathlib import Path  # noqa: E402

REPETITIONS = 3
# Messages written for evaluation only, by authors who saw neither the corpus nor the model; nothing is
# trained or tuned on them (bench/triage_cv.py is how changes are chosen).
INDEPENDENT = sorted((Path(__file__).parent / "data").glob("triage_eval_*.jsonl"))
LIBRARIES = ("lingua-language-detector", "scikit-learn", "numpy", "scipy")
SHORT = {
    "animals_insects": "ani",
    "cleanliness": "cln",
    "lighting_signs": "lgt",
    "markets_shops": "mkt",
    "roads_sidewalks": "rd",
    "buildings_encroachments": "bld",
    "floods": "fld",
    "parks_facilities": "prk",
    "visual_distortion": "vis",
    "abandoned_vehicles": "veh",
    "burial": "bur",
    "partner_entities": "ptn",
    "other": "oth",
}


def _macro_f1(pairs: list[tuple[str, str]], labels: tuple[str, ...]) -> float:
    scores = []
    for label in labels:
        true_positive = sum(1 for truth, guess in pairs if truth == label and guess == label)
        predicted = sum(1 for _, guess in pairs if guess == label)
        actual = sum(1 for truth, _ in pairs if truth == label)
        if not actual and not predicted:
            continue
        scores.append(2 * true_positive / (predicted + actual) if predicted + actual else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _load_time(path: Path) -> float:
    """Seconds for a fresh interpreter to import the classifier and load a saved model (median of 3)."""
    code = (
        "import time; start = time.perf_counter(); "
        "from khidma.triage.classifier import CategoryModel; "
        f"model = CategoryModel.load({str(path)!r}); model.predict('warm'); "
        "print(time.perf_counter() - start)"
    )
    runs = []
    for _ in range(3):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
        runs.append(float(result.stdout.strip()))
    return statistics.median(runs)


def run() -> str:
    affinity = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    if affinity:
        os.sched_setaffinity(0, {min(affinity)})
    try:
        return _run()
    finally:
        if affinity:
            os.sched_setaffinity(0, affinity)


def _run() -> str:
    from khidma.triage import classifier, corpus, language, priority

    held_out = corpus.load("test")

    start = time.perf_counter()
    language_model = language.get_model()
    language_training = time.perf_counter() - start
    start = time.perf_counter()
    model = classifier.train()
    category_training = time.perf_counter() - start
    classifier._model = model  # the singleton, so classify() does not train again

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "category-model.pickle"
        model.save(path)
        size = path.stat().st_size
        load_seconds = _load_time(path)

    # accuracy
    language_right: Counter[str] = Counter()
    category_pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_file: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)  # (truth, guess, language right)
    confusion: Counter[tuple[str, str]] = Counter()
    counts: Counter[str] = Counter()
    for example in held_out:
        counts[example.language] += 1
        right = language_model.detect(example.text).code == example.language
        language_right[example.language] += right
        guess = model.predict(example.text).category
        group = example.source.removesuffix(".jsonl")
        by_file[group].append((example.category, guess, right))
        category_pairs[example.language].append((example.category, guess))
        confusion[(example.category, guess)] += 1

    # speed: one report = language + category + priority (after one untimed pass to warm caches)
    for example in held_out:
        priority.assess(example.text)
    timings = []
    for _ in range(REPETITIONS):
        for example in held_out:
            start = time.perf_counter()
            language_model.detect(example.text)
            model.predict(example.text)
            priority.assess(example.text)
            timings.append(time.perf_counter() - start)

    languages = corpus.LANGUAGES
    categories = corpus.CATEGORIES
    all_pairs = [pair for pairs in category_pairs.values() for pair in pairs]
    lines = [
        "## Triage",
        "",
        f"Held-out split: {len(held_out)} reports ({len(corpus.load('train'))} for training), fixed by a "
        "hash of the text; nothing below was trained on them. One core.",
        "",
        "| language | reports | language accuracy | category accuracy | category macro-F1 |",
        "|---|---:|---:|---:|---:|",
    ]
    for code in languages:
        pairs = category_pairs[code]
        accuracy = sum(truth == guess for truth, guess in pairs) / len(pairs)
        lines.append(
            f"| {code} | {counts[code]} | {language_right[code] / counts[code]:.3f} | {accuracy:.3f} | "
            f"{_macro_f1(pairs, categories):.3f} |"
        )
    overall_accuracy = sum(truth == guess for truth, guess in all_pairs) / len(all_pairs)
    lines.append(
        f"| **all** | {len(held_out)} | {sum(language_right.values()) / len(held_out):.3f} | "
        f"{overall_accuracy:.3f} | {_macro_f1(all_pairs, categories):.3f} |"
    )
    lines += [
        "",
        "By file (each written by a different author; corpus_c is a small file of Romanized additions):",
        "",
        "| held-out part | reports | language accuracy | category macro-F1 |",
        "|---|---:|---:|---:|",
    ]
    for group in sorted(by_file):
        rows = by_file[group]
        lines.append(
            f"| {group} | {len(rows)} | {sum(right for _, _, right in rows) / len(rows):.3f} | "
            f"{_macro_f1([(truth, guess) for truth, guess, _ in rows], categories):.3f} |"
        )
    lines += ["", *_independent(language_model, model)]
    lines += [
        "",
        "Category confusion on the held-out split (rows: true, columns: predicted):",
        "",
        "| | " + " | ".join(SHORT[category] for category in categories) + " |",
        "|---|" + "---:|" * len(categories),
    ]
    for truth in categories:
        cells = [str(confusion[(truth, guess)] or "·") for guess in categories]
        lines.append(f"| {SHORT[truth]} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "| measure | value |",
        "|---|---:|",
        f"| one report (language + category + priority), median "
        f"| {statistics.median(timings) * 1000:.2f} ms |",
        f"| one report, p99 | {_percentile(timings, 0.99) * 1000:.2f} ms |",
        f"| language model training at first use (incl. Lingua model loading) | {language_training:.2f} s |",
        f"| category model training from the corpus | {category_training:.2f} s |",
        f"| category model load from a saved file in a fresh process | {load_seconds:.2f} s |",
        f"| saved category model size (pickle) | {size / 1_000_000:.1f} MB ({size:,} bytes) |",
        f"| category model features | {model.feature_count:,} |",
        "",
        "Libraries: "
        + ", ".join(f"{name} {metadata.version(name)}" for name in LIBRARIES)
        + f"; Python {sys.version.split()[0]}.",
    ]
    return "\n".join(lines)


def _independent(language_model: object, model: object) -> list[str]:
    """Figures on the independent evaluation set, per language."""
    import json

    from khidma.triage import corpus

    rows = [
        json.loads(line)
        for path in INDEPENDENT
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    if not rows:
        return []
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    language_right: Counter[str] = Counter()
    for row in rows:
        language_right[row["language"]] += language_model.detect(row["text"]).code == row["language"]
        pairs[row["language"]].append((row["category"], model.predict(row["text"]).category))
    lines = [
        f"Independent evaluation set: {len(rows)} messages (`bench/data/triage_eval_*.jsonl`) written by two "
        "authors who saw neither the corpus nor the model; nothing is trained or tuned on them.",
        "",
        "| language | messages | language accuracy | category accuracy | category macro-F1 |",
        "|---|---:|---:|---:|---:|",
    ]
    for code in corpus.LANGUAGES:
        own = pairs[code]
        if not own:
            continue
        accuracy = sum(truth == guess for truth, guess in own) / len(own)
        lines.append(
            f"| {code} | {len(own)} | {language_right[code] / len(own):.3f} | {accuracy:.3f} | "
            f"{_macro_f1(own, corpus.CATEGORIES):.3f} |"
        )
    everything = [pair for own in pairs.values() for pair in own]
    accuracy = sum(truth == guess for truth, guess in everything) / len(everything)
    lines.append(
        f"| **all** | {len(rows)} | {sum(language_right.values()) / len(rows):.3f} | {accuracy:.3f} | "
        f"{_macro_f1(everything, corpus.CATEGORIES):.3f} |"
    )
    return lines


if __name__ == "__main__":
    print(run())
