"""From stored results to the shortlist comparison: who is compared, against what target.

By default the comparison holds the candidates HR has moved on (shortlisted, appointable,
reserve or appointed) who have results at a moderated stage; the page lets the reader pick
others. Only stages whose moderation is open, and that the reader may see, count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from recruit.domain.comparison import compare_candidates, sort_keys
from recruit.domain.comparison.model import SORT_BY_RANK, Comparison
from recruit.domain.comparison.model import TargetProfile as TargetValues
from recruit.extensions import db
from recruit.models import Candidate, CandidateStatus, TargetProfile, Vacancy
from recruit.results.consolidation import StageOutcome, attribute_names
from recruit.summaries.context import candidate_labels

COMPARED_STATUSES = frozenset(
    {
        CandidateStatus.SHORTLISTED,
        CandidateStatus.APPOINTABLE,
        CandidateStatus.RESERVE,
        CandidateStatus.APPOINTED,
    }
)


@dataclass(frozen=True)
class ComparisonView:
    vacancy: Vacancy
    outcomes: list[StageOutcome]
    comparison: Comparison
    labels: dict[str, str]
    candidates: dict[str, Candidate]  # every candidate with results, by code
    chosen: tuple[str, ...]
    target: TargetProfile | None


def target_for(vacancy: Vacancy) -> TargetProfile | None:
    return db.session.query(TargetProfile).filter_by(vacancy_id=vacancy.id).one_or_none()


def target_values(target: TargetProfile | None) -> TargetValues | None:
    if target is None or not target.minimums:
        return None
    source = (
        f"Seeded from {target.seeded_from.owner.full_name}'s leadership profile, then set by "
        "the panel"
        if target.seeded_from is not None
        else "Set by the panel"
    )
    return TargetValues(minimums=dict(target.minimums), source=source)


def build_comparison(
    vacancy: Vacancy,
    outcomes: list[StageOutcome],
    sort: str | None,
    chosen: Sequence[str],
    show_names: bool = True,
) -> ComparisonView:
    candidates = {code: c for outcome in outcomes for code, c in outcome.candidates.items()}
    picked = tuple(code for code in chosen if code in candidates) or default_shortlist(candidates)
    attributes = tuple(attribute_names())
    key = sort if sort in sort_keys(attributes) else SORT_BY_RANK
    labels = candidate_labels(outcomes, show_names)
    target = target_for(vacancy)
    comparison = compare_candidates(
        [outcome.result for outcome in outcomes],
        attributes,
        target=target_values(target),
        candidates=picked,
        sort=key,
        # The notes add the code themselves: "Tom Reid (C-02) ranks 2nd ...".
        labels={code: c.full_name for code, c in candidates.items()} if show_names else {},
    )
    return ComparisonView(vacancy, outcomes, comparison, labels, candidates, picked, target)


def default_shortlist(candidates: dict[str, Candidate]) -> tuple[str, ...]:
    """The candidates HR has moved on; everyone with results if none has been yet."""
    moved_on = tuple(code for code, c in candidates.items() if c.status in COMPARED_STATUSES)
    return moved_on or tuple(candidates)
