"""Triage of citizen reports (issue 9): language, category and urgency of free text.

Plain Python (numpy; scikit-learn and Lingua for training and language identification), no Django, so commands
and tasks can use it. The pieces:

- ``language.detect(text) -> LanguageGuess(code, confidence)``
- ``classifier.get_model() -> CategoryModel`` (trained from the shipped corpus on first use, cached in the
  process; ``save(path)`` / ``CategoryModel.load(path)``), ``CategoryModel.predict(text) -> Prediction``,
  ``classifier.train(examples) -> CategoryModel`` to retrain with an installation's own (text, category) pairs
- ``priority.assess(text) -> PriorityHint(urgent, matched)``
- ``corpus.load("train" | "test" | "all") -> list[Example]``
- ``classify(text) -> dict``: the JSON contract of ``khidma triage-classify``

The submodules are imported on first use, so importing ``khidma.triage`` costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from khidma.triage.classifier import CategoryModel

__all__ = ["classify"]


def classify(text: str, model: CategoryModel | None = None) -> dict[str, Any]:
    """Language and category of ``text``.

    Returns exactly ``{"language", "category", "confidence", "alternatives"}`` where ``alternatives`` is
    ``[{"category", "confidence"}, …]``: the two next most likely categories, most likely first.
    ``model`` defaults to ``classifier.get_model()``.
    """
    from khidma.triage import classifier, language  # keep the package import light

    guess = language.detect(text)
    prediction = (model or classifier.get_model()).predict(text)
    return {
        "language": guess.code,
        "category": prediction.category,
        "confidence": prediction.confidence,
        "alternatives": [
            {"category": category, "confidence": confidence}
            for category, confidence in prediction.alternatives
        ],
    }
