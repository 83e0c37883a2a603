"""A consolidated stage as a JSON document and back, unchanged: the results snapshot.

The web app keeps each stage's ``StageResult`` (ranks, totals, flags, agreement) so a page
need not load and consolidate every score again. A snapshot is only worth keeping if
reading it gives exactly what consolidating would: so every figure keeps its type. An
``ExactFloat`` is written as its unreduced ``[numerator, denominator]``, and read back as
the same ``ExactFloat``, so rounding and ranking from a snapshot match the rules to the
last half; a plain float (a weight, an agreed score, an alpha) is written as the float,
which JSON gives back bit for bit.

``result_document`` measures the agreement: a snapshot holds everything a page may show.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from recruit.domain.scoring.model import (
    Agreement,
    AlphaReading,
    AttributeResult,
    CandidateResult,
    ExactFloat,
    Flag,
    MemberTendency,
    Outcome,
    StageResult,
    ValuesFloor,
)

# Raised whenever the document's shape changes, so an older snapshot is never misread.
SNAPSHOT_FORMAT = 1

Figure = float | list[int] | None


def result_document(result: StageResult) -> dict[str, Any]:
    """``result`` as plain JSON values (see the module docstring for figures)."""
    return {
        "format": SNAPSHOT_FORMAT,
        "stage": result.stage,
        "deciding": result.deciding,
        "weights": dict(result.weights),
        "floor": {
            "attribute": result.floor.attribute,
            "minimum_mean": result.floor.minimum_mean,
            "lowest_single_score": result.floor.lowest_single_score,
            "single_score_veto": result.floor.single_score_veto,
        },
        "candidates": [_candidate_document(candidate) for candidate in result.candidates],
        "agreement": _agreement_document(result.agreement),
    }


def result_from_document(document: Mapping[str, Any]) -> StageResult:
    """The ``StageResult`` that ``result_document`` wrote.

    Raises ``ValueError`` for a document of another format: the caller consolidates again.
    """
    if document.get("format") != SNAPSHOT_FORMAT:
        raise ValueError(f"snapshot format {document.get('format')!r} is not {SNAPSHOT_FORMAT}")
    agreement = _agreement_from(document["agreement"])
    floor = document["floor"]
    return StageResult(
        stage=document["stage"],
        candidates=tuple(_candidate_from(item) for item in document["candidates"]),
        measure_agreement=lambda: agreement,
        weights=dict(document["weights"]),
        floor=ValuesFloor(
            attribute=floor["attribute"],
            minimum_mean=floor["minimum_mean"],
            lowest_single_score=floor["lowest_single_score"],
            single_score_veto=floor["single_score_veto"],
        ),
        deciding=document["deciding"],
    )


def _figure(value: float | None) -> Figure:
    if value is None:
        return None
    if isinstance(value, ExactFloat):
        return list(value.ratio())
    return float(value)  # a NumPy float from the agreement statistics becomes a plain one


def _figure_from(value: Figure) -> float | None:
    if value is None:
        return None
    if isinstance(value, list):
        numerator, denominator = value
        return ExactFloat(numerator, denominator)
    return float(value)


def _candidate_document(candidate: CandidateResult) -> dict[str, Any]:
    return {
        "candidate": candidate.candidate,
        "attributes": [_attribute_document(item) for item in candidate.attributes],
        "formula_total": _figure(candidate.formula_total),
        "moderated_total": _figure(candidate.moderated_total),
        "floor_breached": candidate.floor_breached,
        "floor_reasons": list(candidate.floor_reasons),
        "floor_overridden": candidate.floor_overridden,
        "override_reason": candidate.override_reason,
        "outcome": candidate.outcome,
        "rank": candidate.rank,
        "tied_with_previous": candidate.tied_with_previous,
    }


def _candidate_from(document: Mapping[str, Any]) -> CandidateResult:
    return CandidateResult(
        candidate=document["candidate"],
        attributes=tuple(_attribute_from(item) for item in document["attributes"]),
        formula_total=_figure_from(document["formula_total"]),
        moderated_total=_figure_from(document["moderated_total"]),
        floor_breached=document["floor_breached"],
        floor_reasons=tuple(document["floor_reasons"]),
        floor_overridden=document["floor_overridden"],
        override_reason=document["override_reason"],
        outcome=cast(Outcome | None, document["outcome"]),
        rank=document["rank"],
        tied_with_previous=document["tied_with_previous"],
    )


_ATTRIBUTE_FIGURES = ("mean", "median", "minimum", "maximum", "spread", "agreed")


def _attribute_document(result: AttributeResult) -> dict[str, Any]:
    document: dict[str, Any] = {
        "attribute": result.attribute,
        "count": result.count,
        "no_evidence_count": result.no_evidence_count,
        "flags": list(result.flags),
    }
    for name in _ATTRIBUTE_FIGURES:
        document[name] = _figure(getattr(result, name))
    return document


def _attribute_from(document: Mapping[str, Any]) -> AttributeResult:
    figures = {name: _figure_from(document[name]) for name in _ATTRIBUTE_FIGURES}
    return AttributeResult(
        attribute=document["attribute"],
        count=document["count"],
        no_evidence_count=document["no_evidence_count"],
        flags=tuple(cast(list[Flag], document["flags"])),
        **figures,
    )


def _agreement_document(agreement: Agreement) -> dict[str, Any]:
    return {
        "per_attribute": {
            key: {
                "alpha": _figure(reading.alpha),
                "units": reading.units,
                "members": reading.members,
                "reading": reading.reading,
            }
            for key, reading in agreement.per_attribute.items()
        },
        "tendencies": [
            {
                "member": item.member,
                "mean_difference": _figure(item.mean_difference),
                "compared_scores": item.compared_scores,
                "reading": item.reading,
            }
            for item in agreement.tendencies
        ],
        "members": agreement.members,
        "tendencies_note": agreement.tendencies_note,
    }


def _agreement_from(document: Mapping[str, Any]) -> Agreement:
    return Agreement(
        per_attribute={
            key: AlphaReading(
                alpha=_figure_from(item["alpha"]),
                units=item["units"],
                members=item["members"],
                reading=item["reading"],
            )
            for key, item in document["per_attribute"].items()
        },
        tendencies=tuple(
            MemberTendency(
                member=item["member"],
                mean_difference=_figure_from(item["mean_difference"]),
                compared_scores=item["compared_scores"],
                reading=item["reading"],
            )
            for item in document["tendencies"]
        ),
        members=document["members"],
        tendencies_note=document["tendencies_note"],
    )
