"""Consolidated results as plain JSON-ready data, for ``flask --app recruit summary``.

Numbers are kept unrounded (readers round for display); candidate and member keys are
replaced by the labels the caller passes, with the key kept alongside.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from recruit.domain.scoring_model import (
    Agreement,
    CandidateResult,
    StageResult,
    ValuesFloor,
)

FORMAT_NAME = "recruit-consolidated-results"
FORMAT_VERSION = 1


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
        "weights": dict(stage.weights),
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
    fields["attributes"] = {
        result["attribute"]: {k: v for k, v in result.items() if k != "attribute"}
        for result in fields["attributes"]
    }
    return fields


def agreement_document(agreement: Agreement, member_labels: Mapping[str, str]) -> dict[str, Any]:
    return {
        "per_attribute": {
            key: dataclasses.asdict(reading) for key, reading in agreement.per_attribute.items()
        },
        "overall": dataclasses.asdict(agreement.overall),
        "tendencies": [
            {**dataclasses.asdict(t), "label": member_labels.get(t.member, t.member)}
            for t in agreement.tendencies
        ],
    }
