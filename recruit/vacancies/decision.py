"""Where the appointment decision stands, for the vacancy overview: which stage decides,
how far it has got, and each candidate's outcome there once the panel has recorded it.

Outcomes are read only once the deciding stage is in moderation: before that the panel
is still scoring independently and nothing it records is a decision.
"""

from __future__ import annotations

from dataclasses import dataclass

from recruit.domain.scoring.model import OUTCOME_LABELS
from recruit.models import CandidateDecision, Stage, StageModeration, Vacancy
from recruit.moderation.state import changed_records
from recruit.results import sheets
from recruit.results.consolidation import consolidate_stage
from recruit.stages.roles import deciding_stage


@dataclass(frozen=True)
class CandidateOutcome:
    label: str  # the name and code, or the code alone where names are hidden
    outcome: str  # "Appointable", "Not appointable", "Reserve", or "" if not recorded
    # The record was made on scores that have changed since: the chair must confirm it.
    needs_confirming: bool = False


@dataclass(frozen=True)
class DecisionStatus:
    stage: Stage | None
    progress: str  # where the deciding stage has got, in words
    in_moderation: bool
    candidates: tuple[CandidateOutcome, ...] = ()

    @property
    def recorded(self) -> int:
        return sum(bool(candidate.outcome) for candidate in self.candidates)


def decision_status(vacancy: Vacancy, show_names: bool) -> DecisionStatus:
    stage = deciding_stage(vacancy)
    if stage is None:
        return DecisionStatus(None, "No stage makes the decision yet.", in_moderation=False)
    moderation = sheets.moderation_for(stage)
    if moderation is None:
        return DecisionStatus(stage, _scoring_progress(stage), in_moderation=False)
    return DecisionStatus(
        stage,
        _moderation_progress(moderation),
        in_moderation=True,
        candidates=_outcomes(stage, show_names),
    )


def _scoring_progress(stage: Stage) -> str:
    if stage.plan_issued_at is None:
        return "Not started: the interview plan has not been issued."
    states = sheets.expected_sheets(stage)
    done = sum(state.status == "Submitted" for state in states)
    return f"Scoring: {done} of {len(states)} score sheets submitted."


def _moderation_progress(moderation: StageModeration) -> str:
    if moderation.closed_at is not None:
        return "Moderation closed: the outcomes are locked."
    return "In moderation: the panel is agreeing scores and recording outcomes."


def _outcomes(stage: Stage, show_names: bool) -> tuple[CandidateOutcome, ...]:
    outcome = consolidate_stage(stage)
    changed = changed_records(outcome)
    decided = {row.candidate_id: row for row in outcome.decision_rows}
    return tuple(
        CandidateOutcome(
            label=sheets.candidate_label(candidate, show_names),
            outcome=_outcome_label(decided.get(candidate.id)),
            needs_confirming=code in changed,
        )
        for code, candidate in sorted(outcome.candidates.items())
    )


def _outcome_label(row: CandidateDecision | None) -> str:
    if row is None:
        return ""
    # The stored enum's values are the domain's outcome names.
    return OUTCOME_LABELS[row.outcome.value]
