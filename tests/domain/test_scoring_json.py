"""The consolidated results as a JSON document."""

from __future__ import annotations

import json

from recruit.domain.scoring import consolidate_panel_scores
from recruit.domain.scoring.json_document import FORMAT_NAME, results_document
from recruit.domain.scoring.model import QuestionScore, StageScores, ValuesFloor

ATTRIBUTES = ("values", "decisions")


def _stage() -> StageScores:
    scores = [
        QuestionScore("m1", "C-01", "q1", "values", 2, "weak"),
        QuestionScore("m2", "C-01", "q1", "values", 4, "good"),
        QuestionScore("m1", "C-01", "q2", "decisions", None, ""),
        QuestionScore("m2", "C-01", "q2", "decisions", 5, "strong"),
    ]
    return StageScores(
        stage="Final panel",
        attributes=ATTRIBUTES,
        planned={"values": ("q1",), "decisions": ("q2",)},
        weights={"values": 0.5, "decisions": 0.5},
        members=("m1", "m2"),
        candidates=("C-01",),
        scores=tuple(scores),
    )


def test_document_carries_labels_figures_flags_and_agreement():
    result = consolidate_panel_scores(_stage())
    document = results_document(
        {"id": 7, "title": "DCS"},
        [result],
        None,
        {"C-01": "Amara Okafor (C-01)"},
        {"Final panel": {"m1": "Priya", "m2": "Sam"}},
        ValuesFloor(),
    )
    text = json.dumps(document)  # plain data only: it serialises
    document = json.loads(text)
    assert document["format"] == FORMAT_NAME and "Amara Okafor" in text
    candidate = document["stages"][0]["candidates"][0]
    assert candidate["label"] == "Amara Okafor (C-01)"
    assert candidate["attributes"]["values"]["mean"] == 3.0
    assert candidate["attributes"]["values"]["flags"] == ["disagreement"]
    assert candidate["attributes"]["decisions"]["no_evidence_count"] == 1
    assert candidate["total"] == 4.0 and candidate["rank"] == 1
    agreement = document["stages"][0]["agreement"]
    assert "overall" not in agreement  # no alpha pooled across attributes
    assert agreement["per_attribute"]["values"]["members"] == 2
    assert "too few to judge agreement" in agreement["per_attribute"]["values"]["reading"]
    # Two members: each one's tendency would only mirror the other's.
    assert agreement["tendencies"] == [] and agreement["members"] == 2
    assert "with 2, each member's tendency only mirrors" in agreement["tendencies_note"]
    assert document["values_floor"] == {
        "attribute": "values",
        "minimum_mean": 3.0,
        "lowest_single_score": 1,
        "single_score_veto": False,
    }


def test_tendencies_carry_the_members_labels_with_three_members():
    stage = _stage()
    third = (
        QuestionScore("m3", "C-01", "q1", "values", 3, ""),
        QuestionScore("m3", "C-01", "q2", "decisions", 4, ""),
    )
    stage = StageScores(
        stage.stage, stage.attributes, stage.planned, stage.weights, ("m1", "m2", "m3"),
        stage.candidates, (*stage.scores, *third),
    )  # fmt: skip
    labels = {"Final panel": {"m1": "Priya", "m2": "Sam", "m3": "Jo"}}
    document = results_document(
        {"id": 7}, [consolidate_panel_scores(stage)], None, {}, labels, ValuesFloor()
    )
    agreement = document["stages"][0]["agreement"]
    assert [t["label"] for t in agreement["tendencies"]] == ["Priya", "Sam", "Jo"]
    assert agreement["members"] == 3 and agreement["tendencies_note"] == ""
