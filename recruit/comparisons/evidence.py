"""Both sides of the evidence on each compared candidate, from the stages the reader may
see: the deciding stage's notes (strongest and concerns), red flags and what the panel
recorded about them at any visible stage, and the visible advisory panels' concerns."""

from __future__ import annotations

from collections.abc import Iterable

from recruit.domain.comparison.evidence import (
    AdvisoryConcern,
    CandidateEvidence,
    Note,
    RedFlag,
    both_sides,
)
from recruit.models import Candidate, Vacancy
from recruit.moderation.evidence import stage_red_flags
from recruit.moderation.reports import reports_by_candidate
from recruit.results.consolidation import StageOutcome, attribute_names


def candidate_evidence(
    vacancy: Vacancy, outcomes: list[StageOutcome], candidates: Iterable[Candidate]
) -> dict[str, CandidateEvidence]:
    """Per candidate code, both sides of the evidence."""
    wanted = list(candidates)
    keys = tuple(attribute_names())
    notes = _deciding_notes(outcomes, {c.code for c in wanted})
    flags = _red_flags(outcomes)
    visible = {outcome.stage.name for outcome in outcomes if not outcome.result.deciding}
    reports = reports_by_candidate(vacancy, wanted) if visible else {}
    return {
        c.code: CandidateEvidence(
            candidate=c.code,
            attributes=both_sides(notes.get(c.code, {}), keys),
            red_flags=tuple(flags.get(c.code, ())),
            advisory_concerns=tuple(
                AdvisoryConcern(r.stage_name, r.concerns.strip(), r.traffic_light or "")
                for r in reports.get(c.id, ())
                if r.stage_name in visible and r.concerns.strip()
            ),
        )
        for c in wanted
    }


def _deciding_notes(
    outcomes: list[StageOutcome], codes: set[str]
) -> dict[str, dict[str, list[Note]]]:
    found: dict[str, dict[str, list[Note]]] = {}
    for outcome in (o for o in outcomes if o.result.deciding):
        numbers = {str(item.id): n for n, item in enumerate(outcome.stage.items, 1)}
        names = {key: seat.user.full_name for key, seat in outcome.seats.items()}
        for score in (s for s in outcome.scores.scores if s.candidate in codes):
            note = Note(
                member=names.get(score.member, "A former panel member"),
                score=score.score,
                text=score.evidence,
                stage=outcome.stage.name,
                question=f"Question {numbers.get(score.question_id, '')}",
            )
            found.setdefault(score.candidate, {}).setdefault(score.attribute, []).append(note)
    return found


def _red_flags(outcomes: list[StageOutcome]) -> dict[str, list[RedFlag]]:
    found: dict[str, list[RedFlag]] = {}
    for outcome in outcomes:
        for record in stage_red_flags(outcome):
            flag = RedFlag(outcome.stage.name, record.raised_by, (record.discussion or "").strip())
            found.setdefault(record.code, []).append(flag)
    return found
