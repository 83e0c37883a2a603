"""A stage's results at a glance, for the summary's all-stages page: per candidate the rank,
weighted total, outcome and the flags counted by kind. Read from the stage's result alone,
never its scores, so the page stays quick however many candidates there are."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from recruit.domain.documents.scoring_summary.text import rank_texts
from recruit.domain.scoring.model import FLAG_LABELS, FLAG_ORDER, CandidateResult, Flag


@dataclass(frozen=True)
class GlanceRow:
    code: str
    candidate_id: int
    rank: str
    result: CandidateResult
    flags: tuple[tuple[str, int], ...]  # label and count, values floor left to its own tag


def glance_rows(
    results: tuple[CandidateResult, ...], ids: dict[str, int], unplanned: Collection[str]
) -> list[GlanceRow]:
    """``ids`` the candidates' ids by code; ``unplanned`` the attributes the stage's plan
    leaves out, whose "Not assessed" is by design and not flagged."""
    return [
        GlanceRow(
            result.candidate, ids[result.candidate], rank, result, _flag_counts(result, unplanned)
        )
        for result, rank in zip(results, rank_texts(results), strict=True)
    ]


def _flag_counts(
    result: CandidateResult, unplanned: Collection[str]
) -> tuple[tuple[str, int], ...]:
    counts: Counter[Flag] = Counter(
        flag
        for attribute in result.attributes
        for flag in attribute.flags
        if flag != "values_floor"
        and not (flag == "not_assessed" and attribute.attribute in unplanned)
    )
    return tuple((FLAG_LABELS[flag], counts[flag]) for flag in FLAG_ORDER if counts[flag])
