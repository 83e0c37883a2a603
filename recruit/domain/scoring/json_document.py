"""Consolidated results as plain JSON-ready data, for ``flask --app recruit summary``.

Numbers are kept unrounded: each is the float nearest the exact figure, so a total of
exactly 73/20 is 3.65. Beside them, ``shown`` gives each figure as the pages and documents
show it (one decimal place, halves up: "3.7"), so a reader need not round, and rounding
3.65 as a binary float (to 3.6) cannot disagree with the summary; ``weights_shown`` gives a
stage's weights as the shares of 100 the summary shows. Candidate and member keys are
replaced by the labels the caller passes, with the key kept alongside. An attribute's
``spread`` (highest minus lowest member score) is what the pages and documents call its range.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from recruit.domain.interview_plan.weights import percentage_texts
from recruit.domain.scoring.model import (
    Agreement,
    CandidateResult,
    StageResult,
    ValuesFloor,
    figure_text,
)

FORMAT_NAME = "recruit-consolidated-results"
# Version 2: agreement has no pooled "overall" alpha; each reading counts its "members", and
# the stage's agreement says how many members were compared and why tendencies are withheld.
FORMAT_VERSION = 2
_TOTALS = ("total", "formula_total", "moderated_total")
_ATTRIBUTE_FIGURES = ("mean", "median", "minimum", "maximum", "spread", "agreed", "result")


def results_document(
    vacancy: Mapping[str, Any],
    stages: Sequence[StageResult],
    overall: Sequence[CandidateResult] | None,
    candidate_labels: Mapping[str, str],
    member_labels: Mapping[str, Mapping[str, str]],
    floor: ValuesFloor,
) -> dict[str, Any]:
    """The whole document. ``member_labels`` is stage name -> member key -> label."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "vacancy": dict(vacancy),
        "values_floor": dataclasses.asdict(floor),
        "stages": [
            stage_document(stage, candidate_labels, member_labels.get(stage.stage, {}))
            for stage in stages
        ],
        "overall": (
            [candidate_document(c, candidate_labels) for c in overall]
            if overall is not None
            else None
        ),
    }


def stage_document(
    stage: StageResult, candidate_labels: Mapping[str, str], member_labels: Mapping[str, str]
) -> dict[str, Any]:
    return {
        "stage": stage.stage,
        # Only a deciding stage's results are in "overall"; an advisory stage reports.
        "deciding": stage.deciding,
        "weights": dict(stage.weights),
        "weights_shown": percentage_texts(stage.weights),
        "candidates": [candidate_document(c, candidate_labels) for c in stage.candidates],
        "agreement": agreement_document(stage.agreement, member_labels),
    }


def candidate_document(
    candidate: CandidateResult, candidate_labels: Mapping[str, str]
) -> dict[str, Any]:
    fields = dataclasses.asdict(candidate)
    fields["label"] = candidate_labels.get(candidate.candidate, candidate.candidate)
    fields["total"] = candidate.total
    fields["appointable_by_rule"] = candidate.appointable_by_rule
    fields["shown"] = _shown(candidate, _TOTALS)
    fields["attributes"] = {
        result.attribute: {
            **{k: v for k, v in plain.items() if k != "attribute"},
            "result": result.result,
            "shown": _shown(result, _ATTRIBUTE_FIGURES),
        }
        for result, plain in zip(candidate.attributes, fields["attributes"], strict=True)
    }
    return fields


def _shown(result: object, names: Sequence[str]) -> dict[str, str | None]:
    """Each named figure as displayed, or None where there is none."""
    figures = {name: getattr(result, name) for name in names}
    return {name: None if f is None else figure_text(f) for name, f in figures.items()}


def agreement_document(agreement: Agreement, member_labels: Mapping[str, str]) -> dict[str, Any]:
    return {
        "per_attribute": {
            key: dataclasses.asdict(reading) for key, reading in agreement.per_attribute.items()
        },
        "members": agreement.members,
        "tendencies_note": agreement.tendencies_note,
        "tendencies": [
            {
                **dataclasses.asdict(t),
                "label": member_labels.get(t.member, t.member),
                "shown": _shown(t, ("mean_difference",)),
            }
            for t in agreement.tendencies
        ],
    }
