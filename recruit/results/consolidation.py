"""From stored sheets and moderation to the pure scoring rules, and back to labels.

Loads a stage's submitted sheets and moderation into ``StageScores`` (members are keyed by
panel seat id, candidates by code, questions by plan item id) and runs
``consolidate_panel_scores``. Only stages whose moderation is open are ever consolidated for
display: before that, independence means no one sees a total.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from flask import current_app
from sqlalchemy import Select, exists, inspect, select
from sqlalchemy.orm.attributes import set_committed_value

from recruit.bank_store import current_bank
from recruit.domain.scoring import combine_stages, consolidate_panel_scores
from recruit.domain.scoring.model import (
    CandidateResult,
    Moderation,
    QuestionScore,
    StageResult,
    StageScores,
    ValuesFloor,
)
from recruit.extensions import db
from recruit.models import (
    AgreedScore,
    Candidate,
    CandidateDecision,
    ConflictOfInterest,
    PanelSeat,
    PlanItem,
    Score,
    ScoreSheet,
    SheetStatus,
    Stage,
    StageRole,
    User,
    Vacancy,
)
from recruit.results import sheets, snapshots


class StageOutcome:
    """A consolidated stage with what the pages need to name things.

    ``result`` comes from the stage's results snapshot when it matches, and is
    consolidated afresh otherwise (``recruit.results.snapshots``). The counted scores and
    the moderation rows load on first use: a page of figures never needs them.
    """

    def __init__(self, stage: Stage) -> None:
        self.stage = stage
        self.candidates: dict[str, Candidate] = {c.code: c for c in sheets.scored_candidates(stage)}
        self.seats: dict[str, PanelSeat] = {str(seat.id): seat for seat in stage.seats}
        _load_seat_users(stage)

    @cached_property
    def moderation_rows(self) -> ModerationRows:
        return _moderation_rows(self.stage)

    @property
    def agreed_rows(self) -> tuple[AgreedScore, ...]:
        """The moderation rows the result was built from, for pages that show who agreed."""
        return self.moderation_rows[0]

    @property
    def decision_rows(self) -> tuple[CandidateDecision, ...]:
        return self.moderation_rows[1]

    @cached_property
    def scores(self) -> StageScores:
        return stage_scores(self.stage, self.moderation_rows)

    @cached_property
    def result(self) -> StageResult:
        return snapshots.stage_result(self.stage, self._consolidate_now)

    @property
    def not_assessed(self) -> tuple[str, ...]:
        """Attributes the stage's plan does not ask about: not assessed by design."""
        planned = planned_questions(self.stage)
        return tuple(key for key in attribute_names() if not planned.get(key))

    def _consolidate_now(self) -> StageResult:
        # Called once the stage's results version has been read: everything consolidated is
        # read now, even rows an earlier line of the page loaded, so a stored result is never
        # older than the version it is filed under.
        rows = _moderation_rows(self.stage)
        scores = stage_scores(self.stage, rows)
        self.__dict__.setdefault("moderation_rows", rows)
        self.__dict__.setdefault("scores", scores)
        return consolidate_panel_scores(scores, attribute_names())


def values_floor() -> ValuesFloor:
    return ValuesFloor(
        minimum_mean=float(current_app.config["VALUES_FLOOR_MEAN"]),
        lowest_single_score=int(current_app.config["VALUES_FLOOR_LOWEST_SCORE"]),
        single_score_veto=bool(current_app.config["VALUES_SINGLE_SCORE_VETO"]),
    )


def attribute_names() -> dict[str, str]:
    return {attribute.key: attribute.name for attribute in current_bank().attributes}


def short_names() -> dict[str, str]:
    return {a.key: a.short_name or a.name for a in current_bank().attributes}


def unplanned(outcome: StageOutcome) -> list[str]:
    """Attributes the stage's plan does not ask about: not assessed by design."""
    return list(outcome.not_assessed)


def planned_questions(stage: Stage) -> dict[str, list[str]]:
    """Each attribute's plan item ids at the stage (as text), every attribute listed."""
    planned: dict[str, list[str]] = {key: [] for key in attribute_names()}
    for item_id, attribute in _item_attributes(stage):
        planned.setdefault(attribute, []).append(str(item_id))
    return planned


def _item_attributes(stage: Stage) -> list[tuple[int, str]]:
    """Each plan item's id and attribute, in plan order. Where the page has not loaded the
    items, only the attribute is read from each frozen copy: decoding fifteen whole
    questions (text, probes, descriptors) took longer than the rest of the query."""
    if "items" not in inspect(stage).unloaded:
        return [(item.id, (item.frozen_content or {}).get("attribute", "")) for item in stage.items]
    rows = db.session.execute(
        select(PlanItem.id, PlanItem.frozen_content["attribute"].as_string())
        .where(PlanItem.stage_id == stage.id)
        .order_by(PlanItem.position)
    )
    return [(item_id, attribute or "") for item_id, attribute in rows]


# A stage's agreed scores and outcome decisions, loaded once for the rules and the pages.
ModerationRows = tuple[tuple[AgreedScore, ...], tuple[CandidateDecision, ...]]


def stage_scores(stage: Stage, moderation_rows: ModerationRows | None = None) -> StageScores:
    """The stage's submitted scores and moderation as the scoring rules take them."""
    attributes = tuple(attribute_names())
    planned = planned_questions(stage)
    item_attribute = {int(item_id): key for key, ids in planned.items() for item_id in ids}
    candidates = sheets.scored_candidates(stage)
    codes = {candidate.id: candidate.code for candidate in candidates}
    agreed, decisions = moderation_rows or _moderation_rows(stage)
    return StageScores(
        stage=stage.name,
        attributes=attributes,
        planned={key: tuple(ids) for key, ids in planned.items()},
        weights=dict(stage.weights or {}),
        members=tuple(str(seat.id) for seat in sheets.scoring_seats(stage)),
        candidates=tuple(codes.values()),
        scores=tuple(_submitted_scores(stage, codes, item_attribute)),
        moderation=_moderation(codes, agreed, decisions),
        floor=values_floor(),
        deciding=stage.role is StageRole.DECIDING,
    )


def _submitted_scores(
    stage: Stage, codes: dict[int, str], item_attribute: dict[int, str]
) -> list[QuestionScore]:
    # One query for every counted score at the stage: loading each sheet's scores on its
    # own was a query per sheet (6,000 at a stage of 1,000 candidates).
    # Plain columns through the session's connection, fetched at once: the ORM's row
    # processing, and fetching row by row, cost as much as the query for the thousands of
    # scores at a stage.
    rows = db.session.connection().execute(counted_scores_statement(stage.id)).all()
    return _question_scores(rows, codes, item_attribute)


def candidate_counted_scores(stage: Stage, candidate: Candidate) -> list[QuestionScore]:
    """One candidate's counted scores at the stage, read as the stage's consolidation reads
    them, without loading anyone else's: for a page about that candidate alone."""
    item_attribute = {
        int(item_id): key for key, ids in planned_questions(stage).items() for item_id in ids
    }
    statement = counted_scores_statement(stage.id).where(ScoreSheet.candidate_id == candidate.id)
    rows = db.session.connection().execute(statement).all()
    return _question_scores(rows, {candidate.id: candidate.code}, item_attribute)


def _question_scores(
    rows: Iterable[tuple[int, int, int, int | None, bool, str]],
    codes: dict[int, str],
    item_attribute: dict[int, str],
) -> list[QuestionScore]:
    return [
        QuestionScore(
            member=str(seat_id),
            candidate=codes[candidate_id],
            question_id=str(plan_item_id),
            attribute=item_attribute.get(plan_item_id, ""),
            score=None if no_evidence else score,
            evidence=evidence,
        )
        for seat_id, candidate_id, plan_item_id, score, no_evidence, evidence in rows
        if candidate_id in codes
    ]


def counted_scores_statement(stage_id: int) -> Select[int, int, int, int | None, bool, str]:
    """The scores that count at a stage, and only those: submitted sheets, from seats that
    score, not set aside, and not from a member who declared a conflict with the candidate
    (a declaration sets their sheet aside; this holds even for a sheet that was not)."""
    conflicted = exists().where(
        ConflictOfInterest.user_id == PanelSeat.user_id,
        ConflictOfInterest.candidate_id == ScoreSheet.candidate_id,
    )
    return (
        select(
            ScoreSheet.seat_id,
            ScoreSheet.candidate_id,
            Score.plan_item_id,
            Score.score,
            Score.no_evidence,
            Score.evidence,
        )
        .join(PanelSeat, PanelSeat.id == ScoreSheet.seat_id)
        .join(Score, Score.sheet_id == ScoreSheet.id)
        .where(
            PanelSeat.stage_id == stage_id,
            PanelSeat.panel_role.not_in(sheets.NON_SCORING_ROLES),
            ScoreSheet.status == SheetStatus.SUBMITTED,
            ScoreSheet.set_aside_at.is_(None),
            ~conflicted,
        )
        .order_by(ScoreSheet.seat_id, ScoreSheet.candidate_id, Score.id)
    )


def _moderation_rows(stage: Stage) -> ModerationRows:
    return tuple(agreed_scores(stage)), tuple(decisions_for(stage))


def _moderation(
    codes: dict[int, str],
    agreed_rows: Iterable[AgreedScore],
    decision_rows: Iterable[CandidateDecision],
) -> dict[str, Moderation]:
    agreed: dict[str, dict[str, float]] = {}
    for row in agreed_rows:
        if row.candidate_id in codes:
            agreed.setdefault(codes[row.candidate_id], {})[row.attribute] = row.agreed
    decisions = {d.candidate_id: d for d in decision_rows if d.candidate_id in codes}
    return {
        code: Moderation(
            candidate=code,
            agreed=agreed.get(code, {}),
            floor_override_reason=(
                decisions[candidate_id].floor_override_reason if candidate_id in decisions else None
            ),
            outcome=decisions[candidate_id].outcome.value if candidate_id in decisions else None,
        )
        for candidate_id, code in codes.items()
    }


def agreed_scores(stage: Stage) -> list[AgreedScore]:
    return list(db.session.scalars(select(AgreedScore).where(AgreedScore.stage_id == stage.id)))


def decisions_for(stage: Stage) -> list[CandidateDecision]:
    return list(
        db.session.scalars(select(CandidateDecision).where(CandidateDecision.stage_id == stage.id))
    )


def consolidate_stage(stage: Stage) -> StageOutcome:
    return StageOutcome(stage)


def _load_seat_users(stage: Stage) -> None:
    # One query for the panel's accounts: the pages name every member, and each seat's
    # ``user`` on its own was a query per member. The session holds loaded rows only weakly,
    # so each seat is handed its account rather than left to find it there.
    seats = stage.seats
    users = db.session.scalars(select(User).where(User.id.in_({s.user_id for s in seats})))
    by_id = {user.id: user for user in users}
    for seat in seats:
        if seat.user_id in by_id:
            set_committed_value(seat, "user", by_id[seat.user_id])


def moderated_stages(vacancy: Vacancy) -> list[StageOutcome]:
    """Every stage of the vacancy whose moderation is open, consolidated, in stage order."""
    return [consolidate_stage(stage) for stage in stages_in_moderation(vacancy)]


def stages_in_moderation(vacancy: Vacancy) -> list[Stage]:
    """The vacancy's stages whose moderation is open, in stage order, not consolidated."""
    return [
        stage
        for stage in sorted(vacancy.stages, key=lambda s: s.position)
        if sheets.moderation_is_open(stage)
    ]


def overall_results(outcomes: list[StageOutcome]) -> tuple[CandidateResult, ...]:
    """The decision's figures: the deciding stage's results (advisory stages never count)."""
    return combine_stages([outcome.result for outcome in outcomes], tuple(attribute_names()))


def deciding_outcome(outcomes: list[StageOutcome]) -> StageOutcome | None:
    """The deciding stage among ``outcomes`` (stages in moderation), or None."""
    return next((o for o in outcomes if o.stage.role is StageRole.DECIDING), None)
