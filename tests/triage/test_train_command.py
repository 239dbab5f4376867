"""`khidma triage-train`: the installation's closed cases whose category people settled teach the model,
and the retrained model is the one triage then uses."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from khidma.cases import services
from khidma.cases.intake import IntakeRequest
from khidma.cases.models import Case, CaseEvent
from khidma.cases.triage import category_model, training_examples

pytestmark = pytest.mark.django_db

# A word of no language: only the installation's history can teach what it means.
WORD = "zorblatt"


def _closed(makkah, staff, text: str, *, correct_to: str | None = None, close: bool = True) -> Case:
    case = services.case_create(
        request=IntakeRequest(organization=makkah, description=text, channel="web", category="cleanliness")
    ).case
    if correct_to:
        services.case_set_category(case=case, by=staff["supervisor"], category=correct_to)
    if close:
        Case.objects.filter(pk=case.pk).update(status="closed")
    return case


def test_training_examples_are_closed_cases_with_a_category_people_settled(makkah, staff):
    corrected = _closed(makkah, staff, f"{WORD} near the crossing", correct_to="roads_sidewalks")
    _closed(makkah, staff, f"{WORD} still open", correct_to="roads_sidewalks", close=False)
    examples = training_examples()
    assert (corrected.description, "roads_sidewalks") in examples
    assert all("still open" not in text for text, _ in examples)
    # The correction is recorded as such on the timeline.
    event = CaseEvent.objects.get(case=corrected, kind="category_changed")
    assert event.data["corrected"] is True and event.data["category"] == ["cleanliness", "roads_sidewalks"]


def test_triage_train_teaches_the_model_what_people_corrected(makkah, staff, settings, tmp_path, capsys):
    settings.KHIDMA_TRIAGE_MODEL = str(tmp_path / "model.pkl")
    for n in range(8):
        _closed(makkah, staff, f"{WORD} {WORD} number {n}", correct_to="roads_sidewalks")
    before = category_model().predict(f"{WORD} {WORD}").category
    call_command("triage_train", "--min-examples", "20")
    assert not (tmp_path / "model.pkl").exists()  # too few local examples: nothing retrained
    assert "not retrained" in capsys.readouterr().out
    call_command("triage_train")
    assert (tmp_path / "model.pkl").exists()
    assert "8 confirmed cases" in capsys.readouterr().out
    after = category_model().predict(f"{WORD} {WORD}")
    assert before != "roads_sidewalks" and after.category == "roads_sidewalks"
