"""Category classification of free-text reports in any of the ten languages.

The model is a linear classifier (scikit-learn's LogisticRegression) over three kinds of features of the
normalized text (see ``language.normalize``):

- TF-IDF of character n-grams (2–5, inside word boundaries): robust to typos, inflection and script variants;
- TF-IDF of words and word bigrams;
- the concepts of a small curated multilingual lexicon (``data/lexicon.toml``: pests, animals, garbage,
  rubble, pipes, rain, manholes, lamps, parks, vehicles, graffiti, burial, …), one indicator feature per
  concept. These carry knowledge the few hundred corpus examples cannot: a word learned in one language
  helps every language.

On top, the rules of ``data/rules.toml`` settle the borderline cases the municipality defined (cockroaches
in a restaurant → markets_shops, dead animals → cleanliness, a lamp in a park → parks_facilities, …): when
a rule's condition holds, its category is moved to the top with at least 0.6 of the probability.

The model trains from the shipped corpus (training split only) in a few seconds at first use and can be
retrained with an installation's own labelled history (``train``). ``save``/``CategoryModel.load`` persist
it with pickle: load only files this installation wrote.
"""

from __future__ import annotations

import itertools
import pickle
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from khidma.triage import corpus, lexicons
from khidma.triage.language import Lexicon, Match, TfidfSpace, normalize, tokens

__all__ = ["CategoryModel", "Prediction", "get_model", "train"]

CATEGORIES = corpus.CATEGORIES

# The concept lexicon (triage/data/lexicon.toml): one indicator feature per concept, and the rules' inputs.
LEXICON = Lexicon(lexicons.concepts(), typos=True)
# Words that cancel a nearby concept or put it outside ("not rain", "behind the restaurant"); only the
# negatable concepts are affected.
_BEFORE, _AFTER = (frozenset(tokens(words)) for words in lexicons.negators("concept_negation"))
NEGATABLE = lexicons.negatable_concepts()
# concepts that are rule inputs only: too generic to be features on their own
_FEATURE_CONCEPTS = tuple(
    concept for concept in LEXICON.concepts if concept not in {"cover_missing", "car_state"}
)


@dataclass(frozen=True, slots=True)
class _Found:
    """The concepts of one text, with the matches that are not negated or placed outside."""

    all: frozenset[str]
    affirmed: frozenset[str]


def _find(text: str) -> _Found:
    words = tokens(text)
    matches = LEXICON.find(words)
    affirmed = {match.concept for match in matches if not _cancelled(words, match)}
    return _Found(frozenset(match.concept for match in matches), frozenset(affirmed))


def _cancelled(words: list[str], match: Match) -> bool:
    if match.concept not in NEGATABLE:
        return False
    before = words[max(0, match.start - 3) : match.start]
    after = words[match.end : match.end + 2]
    return any(word in _BEFORE for word in before) or any(word in _AFTER for word in after)


# ---------------------------------------------------------------------------------------------------------
# Rules for the borderline cases (triage/data/rules.toml). The first rule that holds wins.
# ---------------------------------------------------------------------------------------------------------


def _rule_for(found: _Found) -> lexicons.RuleSpec | None:
    return next((rule for rule in lexicons.rules() if rule.holds(found.all, found.affirmed)), None)


RULE_FLOOR = 0.6


def _apply_rule(probabilities: np.ndarray, index: int) -> np.ndarray:
    """Move category ``index`` to the top with at least RULE_FLOOR, keeping the others' proportions."""
    current = float(probabilities[index])
    target = current + (1.0 - current) * RULE_FLOOR
    rest = 1.0 - current
    adjusted = probabilities * ((1.0 - target) / rest if rest > 0 else 0.0)
    adjusted[index] = target
    return adjusted


# ---------------------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------------------

_WORD = re.compile(r"[\w\u0900-\u0dff]+")


def _char_ngrams(normalized: str) -> list[str]:
    """Character 2–5-grams inside each word padded with a space on both sides."""
    grams = []
    for word in _WORD.findall(normalized):
        padded = f" {word} "
        size = len(padded)
        for n in range(2, 6):
            if n > size:
                break
            grams.extend(padded[i : i + n] for i in range(size - n + 1))
    return grams


def _word_ngrams(normalized: str) -> list[str]:
    """Words and word bigrams."""
    words = _WORD.findall(normalized)
    return words + [f"{first} {second}" for first, second in itertools.pairwise(words)]


@dataclass(frozen=True, slots=True)
class Prediction:
    category: str
    confidence: float
    alternatives: list[tuple[str, float]]  # the next two categories, most likely first
    rule: str | None = None  # the borderline rule that moved the category to the top, if any


class CategoryModel:
    """A trained category model: build it with ``train`` or ``get_model``; read-only once built.

    Prediction needs numpy only (scikit-learn is imported for training), so loading a saved model is fast.
    """

    FORMAT = 1

    def __init__(
        self,
        categories: Sequence[str],
        chars: TfidfSpace,
        words: TfidfSpace,
        weights: np.ndarray,
        intercept: np.ndarray,
        concept_weight: float,
        trained_on: int,
    ) -> None:
        self.categories = tuple(categories)
        self._chars = chars
        self._words = words
        self._weights = weights  # (features, categories), float32
        self._intercept = intercept
        self._concept_weight = concept_weight
        self._concept_offset = words.offset + len(words.vocabulary)
        self.trained_on = trained_on
        self.format = self.FORMAT

    @property
    def feature_count(self) -> int:
        return int(self._weights.shape[0])

    def _sparse_row(self, text: str, found: _Found) -> tuple[list[int], list[float]]:
        normalized = normalize(text)
        columns: list[int] = []
        values: list[float] = []
        self._chars.add(_char_ngrams(normalized), columns, values)
        self._words.add(_word_ngrams(normalized), columns, values)
        for position, concept in enumerate(_FEATURE_CONCEPTS):
            if concept in found.affirmed:
                columns.append(self._concept_offset + position)
                values.append(self._concept_weight)
        return columns, values

    def probabilities(self, text: str) -> dict[str, float]:
        """The model's probability for every category (before the borderline rules)."""
        found = _find(text)
        return dict(zip(self.categories, self._probabilities(text, found).tolist(), strict=True))

    def _probabilities(self, text: str, found: _Found) -> np.ndarray:
        columns, values = self._sparse_row(text, found)
        scores = self._intercept.astype(np.float64)
        if columns:
            scores = scores + np.asarray(values, dtype=np.float64) @ self._weights[columns]
        scores -= scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()

    def predict(self, text: str) -> Prediction:
        """The most likely category of ``text``, its probability and the next two."""
        found = _find(text)
        row = self._probabilities(text, found)
        rule = _rule_for(found)
        if rule is not None and rule.category in self.categories:
            row = _apply_rule(row, self.categories.index(rule.category))
        else:
            rule = None
        order = np.argsort(-row, kind="stable")[:3]
        ranked = [(self.categories[i], round(float(row[i]), 4)) for i in order]
        return Prediction(ranked[0][0], ranked[0][1], ranked[1:], rule.name if rule is not None else None)

    def predict_many(self, texts: Iterable[str]) -> list[Prediction]:
        return [self.predict(text) for text in texts]

    def save(self, path: str | Path) -> None:
        """Write the model to ``path`` (pickle; read it back with ``CategoryModel.load``)."""
        Path(path).write_bytes(self.dumps())

    def dumps(self) -> bytes:
        return pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def load(cls, path: str | Path) -> CategoryModel:
        """Read a model written by ``save``. Pickle runs code: load only files this installation wrote."""
        model = pickle.loads(Path(path).read_bytes())  # noqa: S301 - our own file, see the docstring
        if not isinstance(model, cls) or getattr(model, "format", None) != cls.FORMAT:
            raise TypeError(f"{path} does not hold a CategoryModel of format {cls.FORMAT}")
        return model


def train(
    examples: Iterable[tuple[str, str]] = (),
    *,
    include_corpus: bool = True,
    concept_weight: float = 2.0,
    c: float = 20.0,
) -> CategoryModel:
    """Train a model on the corpus' training split plus ``examples`` ((text, category) pairs).

    ``examples`` is typically the installation's own history of reports with the category staff settled on;
    they count like corpus examples. With ``include_corpus=False`` only ``examples`` are used.
    """
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts: list[str] = []
    labels: list[str] = []
    if include_corpus:
        for example in corpus.load("train"):
            texts.append(example.text)
            labels.append(example.category)
    for text, category in examples:
        if category not in CATEGORIES:
            raise ValueError(f"unknown category {category!r}")
        if text and text.strip():
            texts.append(text)
            labels.append(category)
    if len(set(labels)) < 2:
        raise ValueError("training needs examples of at least two categories")

    normalized = [normalize(text) for text in texts]
    found = [_find(text) for text in texts]
    matrices = []
    spaces = []
    offset = 0
    for analyzer, min_df in ((_char_ngrams, 2), (_word_ngrams, 1)):
        vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, min_df=min_df, dtype=np.float64)
        matrices.append(vectorizer.fit_transform(normalized))
        spaces.append(TfidfSpace(dict(vectorizer.vocabulary_), vectorizer.idf_.astype(np.float64), offset))
        offset += len(vectorizer.vocabulary_)
    concepts = np.array(
        [[concept_weight if concept in f.affirmed else 0.0 for concept in _FEATURE_CONCEPTS] for f in found]
    )
    matrices.append(sparse.csr_matrix(concepts))
    classifier = LogisticRegression(C=c, max_iter=1000)
    classifier.fit(sparse.hstack(matrices, format="csr"), labels)
    coef = classifier.coef_
    intercept = classifier.intercept_
    if coef.shape[0] == 1:  # two categories: scikit-learn keeps one row for the second class
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return CategoryModel(
        [str(category) for category in classifier.classes_],
        spaces[0],
        spaces[1],
        np.ascontiguousarray(coef.T, dtype=np.float32),
        intercept.astype(np.float64),
        concept_weight,
        trained_on=len(texts),
    )


_model: CategoryModel | None = None
_lock = threading.Lock()


def get_model() -> CategoryModel:
    """The process-wide model, trained from the shipped corpus on first use."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = train()
    return _model
