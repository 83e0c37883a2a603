"""Fill the panel scoring summary and the raw-score exports from the database.

Only stages whose moderation is open appear: before that, no one sees totals or others'
notes (independent scoring).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from flask import current_app

from recruit.bank_store import current_bank
from recruit.domain.documents.scoring_summary.model import (
    AgreedScore,
    CandidateModeration,
    EvidenceNote,
    MethodNote,
    ScaleLevel,
    SignOff,
    StageSummary,
    SummaryContext,
)
from recruit.domain.scoring.exports import RawScoreRow
from recruit.models import AgreedScore as AgreedScoreRow
from recruit.models import (
    Candidate,
    CandidateDecision,
    PanelRole,
    PanelSeat,
    Stage,
    StageRole,
    Vacancy,
)
from recruit.results import sheets
from recruit.results.consolidation import (
    StageOutcome,
    attribute_names,
    overall_results,
)

NO_EVIDENCE_MEANING = (
    "The member asked the question but heard nothing they could score. It is left out of "
    "every mean and is not a low score."
)
# The adviser's label on the panel form explains that they do not score; the documents list
# advisers under their own heading, which says so once.
ADVISER_ROLES = {PanelRole.HR_ADVISER: "HR adviser", PanelRole.ADVISER: "Adviser"}


def candidate_labels(outcomes: Sequence[StageOutcome], show_names: bool = True) -> dict[str, str]:
    """Names with codes, or the codes alone for a panel member while the vacancy hides
    names (``visibility.names_shown_to``)."""
    return {
        code: f"{candidate.full_name} ({code})" if show_names else code
        for outcome in outcomes
        for code, candidate in outcome.candidates.items()
    }


def summary_context(
    vacancy: Vacancy, outcomes: Sequence[StageOutcome], show_names: bool = True
) -> SummaryContext:
    bank = current_bank()
    return SummaryContext(
        organisation_name=current_app.config["ORGANISATION_NAME"],
        vacancy_title=vacancy.title,
        vacancy_reference=vacancy.reference,
        generated_on=date.today(),
        attribute_names=attribute_names(),
        candidate_labels=candidate_labels(outcomes, show_names),
        method=MethodNote(
            scale=tuple(
                ScaleLevel(level.score, level.label, level.description)
                for level in bank.rating_scale
            ),
            no_evidence=NO_EVIDENCE_MEANING,
        ),
        stages=tuple(stage_summary(outcome) for outcome in outcomes),
        overall=overall_results(list(outcomes)) if len(outcomes) > 1 else None,
        attribute_short_names={a.key: a.short_name for a in bank.attributes if a.short_name},
        sign_off=_sign_off(outcomes),
        advisers=_advisers(outcomes),
    )


def stage_summary(outcome: StageOutcome) -> StageSummary:
    stage = outcome.stage
    moderation = sheets.moderation_for(stage)
    return StageSummary(
        name=stage.name,
        result=outcome.result,
        member_labels={
            key: seat.user.full_name
            for key, seat in outcome.seats.items()
            if key in outcome.scores.members  # the HR adviser does not score
        },
        moderation=moderation_records(outcome),
        evidence=_evidence(outcome),
        held_on=stage.held_on,
        opened_at=moderation.opened_at if moderation else None,
        closed_at=moderation.closed_at if moderation else None,
        closed_by=moderation.closed_by.full_name if moderation and moderation.closed_by else "",
    )


def _evidence(outcome: StageOutcome) -> dict[tuple[str, str], tuple[EvidenceNote, ...]]:
    numbers = {str(item.id): n for n, item in enumerate(outcome.stage.items, 1)}
    # Looked up once per seat, not once per score: the ORM attributes cost more than the rest.
    names = {key: seat.user.full_name for key, seat in outcome.seats.items()}
    found: dict[tuple[str, str], list[EvidenceNote]] = {}
    for score in outcome.scores.scores:
        found.setdefault((score.candidate, score.attribute), []).append(
            EvidenceNote(
                member=names[score.member],
                score=score.score,
                note=score.evidence,
                question=f"Question {numbers.get(score.question_id, '')}",
            )
        )
    return {key: tuple(notes) for key, notes in found.items()}


def moderation_records(outcome: StageOutcome) -> dict[str, CandidateModeration]:
    return moderation_from_rows(outcome.candidates, outcome.agreed_rows, outcome.decision_rows)


def moderation_from_rows(
    candidates: Mapping[str, Candidate],
    agreed_rows: Iterable[AgreedScoreRow],
    decision_rows: Iterable[CandidateDecision],
) -> dict[str, CandidateModeration]:
    """Per candidate code, the agreed scores and the outcome's reasons in these rows."""
    codes = {candidate.id: code for code, candidate in candidates.items()}
    agreed: dict[str, list[AgreedScore]] = {}
    for row in agreed_rows:
        if row.candidate_id in codes:
            agreed.setdefault(codes[row.candidate_id], []).append(
                AgreedScore(
                    attribute=row.attribute,
                    formula_value=row.formula_score,
                    agreed_value=row.agreed,
                    rationale=row.rationale,
                    by=row.recorded_by.full_name if row.recorded_by else "",
                    at=row.recorded_at,
                )
            )
    records = {
        code: CandidateModeration(agreed_scores=tuple(rows)) for code, rows in agreed.items()
    }
    for decision in decision_rows:
        code = codes.get(decision.candidate_id)
        if code is None:
            continue
        records[code] = CandidateModeration(
            agreed_scores=tuple(agreed.get(code, ())),
            outcome_reasons=decision.reasons,
            decided_by=decision.recorded_by.full_name if decision.recorded_by else "",
            decided_at=decision.recorded_at,
        )
    return records


def _sign_off(outcomes: Sequence[StageOutcome]) -> tuple[SignOff, ...]:
    """The deciding stage's members who score, as they made the decision, and each advisory
    stage's chair for their panel's record. Advisers never sign (``_advisers``)."""
    return tuple(
        seat_sign_off(seat, outcome.stage.name)
        for outcome in outcomes
        for seat in _signing_seats(outcome.stage)
    )


def _signing_seats(stage: Stage) -> list[PanelSeat]:
    if stage.role is StageRole.DECIDING:
        return [seat for seat in sheets.scoring_seats(stage) if not seat.is_stood_down]
    return [seat for seat in stage.seats if seat.panel_role is PanelRole.CHAIR]


def _advisers(outcomes: Sequence[StageOutcome]) -> tuple[SignOff, ...]:
    return tuple(
        seat_sign_off(seat, outcome.stage.name)
        for outcome in outcomes
        for seat in adviser_seats(outcome.stage)
    )


def adviser_seats(stage: Stage) -> list[PanelSeat]:
    """The stage's advisers still on the panel: HR, the Chief Executive, an external adviser."""
    return [
        seat
        for seat in stage.seats
        if seat.panel_role in sheets.NON_SCORING_ROLES and not seat.is_stood_down
    ]


def seat_sign_off(seat: PanelSeat, stage_name: str = "") -> SignOff:
    """The seat's holder and role, and whether they are an elected member (on the executive)."""
    role = ADVISER_ROLES.get(seat.panel_role, seat.panel_role.label)
    return SignOff(
        seat.user.full_name,
        f"{role}, {stage_name}" if stage_name else role,
        councillor=seat.is_councillor,
        executive_member=seat.is_executive_member,
    )


def raw_score_rows(
    vacancy: Vacancy, outcomes: Sequence[StageOutcome], show_names: bool = True
) -> list[RawScoreRow]:
    """Every counted score of the moderated stages, one row per member and question."""
    labels = candidate_labels(outcomes, show_names)
    names = attribute_names()
    rows = []
    for outcome in outcomes:
        items = {str(item.id): item for item in outcome.stage.items}
        sheets_by_key = sheets.stage_sheets(outcome.stage)
        for score in outcome.scores.scores:
            item = items[score.question_id]
            seat = outcome.seats[score.member]
            sheet = sheets_by_key[(seat.id, outcome.candidates[score.candidate].id)]
            rows.append(
                RawScoreRow(
                    vacancy=vacancy.title,
                    stage=outcome.stage.name,
                    candidate_label=labels[score.candidate],
                    member_label=seat.user.full_name,
                    question_id=item.bank_id,
                    question_text=(item.frozen_content or {}).get("question", ""),
                    attribute_name=names.get(score.attribute, score.attribute),
                    score=score.score,
                    evidence=score.evidence,
                    submitted_at=sheet.submitted_at.isoformat() if sheet.submitted_at else "",
                    amended=any(a.plan_item_id == item.id for a in sheet.amendments),
                )
            )
    return rows
