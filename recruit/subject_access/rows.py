"""Reading a subject access export's rows: every row about the candidate, read once.

``COVERED_TABLES`` lists the tables read here; tests/web/test_subject_access.py fails when a
table that refers to candidates is missing from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, TypeVar

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from recruit.extensions import db
from recruit.models import (
    AdvisoryReport,
    AgreedScore,
    AuditEvent,
    Candidate,
    CandidateDecision,
    CandidateReference,
    ConflictOfInterest,
    EqualityAnswers,
    PreEmploymentCheck,
    Score,
    ScoreSheet,
    ScrutinyPoint,
    ShortlistingDecision,
    Stage,
    StageModeration,
    Vacancy,
)

# Every table that holds rows about a candidate, each read by ``Rows.load`` and written by
# the function named (in ``records`` or ``stage_records``).
# tests/web/test_subject_access.py fails when a table with a foreign key to candidate.id,
# directly or through another table in this set (score_sheet.id), is missing from it.
COVERED_TABLES = frozenset(
    {
        "candidate",  # candidate_record
        "score_sheet",  # _sheet
        "score",  # _score
        "score_amendment",  # _amendment
        "agreed_score",  # _agreed_score
        "candidate_decision",  # _decision
        "advisory_report",  # _advisory_report, with who agreed it (below)
        "advisory_report_agreement",
        "conflict_of_interest",  # conflict_record
        "appointment_decision",  # appointment_record, with its two tables below
        "decision_confirmation",
        "executive_objection",
        "pre_employment_check",  # check_record
        "candidate_reference",  # reference_record (the referee's name and words withheld)
        "scrutiny_point",  # shortlisting_record, with the decision and its outcomes below
        "shortlisting_decision",
        "criterion_assessment",
        "audit_event",  # audit_event_record (no foreign key: object_type and object_id)
        "equality_answers",  # equality_record: their own answers, as they gave them
    }
)


@dataclass
class Rows:
    """Every row about the candidate, read once, in a fixed order."""

    candidate: Candidate
    vacancy: Vacancy
    stages: list[Stage]
    sheets: list[ScoreSheet]
    agreed: list[AgreedScore]
    decisions: list[CandidateDecision]
    conflicts: list[ConflictOfInterest]
    moderations: dict[int, StageModeration]
    events: list[AuditEvent]
    reports: list[AdvisoryReport]
    checks: list[PreEmploymentCheck] = field(default_factory=list)
    references: list[CandidateReference] = field(default_factory=list)
    points: list[ScrutinyPoint] = field(default_factory=list)
    shortlisting: list[ShortlistingDecision] = field(default_factory=list)
    equality: EqualityAnswers | None = None

    @classmethod
    def load(cls, candidate: Candidate) -> Rows:
        vacancy = db.session.get_one(Vacancy, candidate.vacancy_id)
        sheets = _score_sheets(candidate)
        agreed = _rows_about(candidate, AgreedScore, AgreedScore.stage_id, AgreedScore.id)
        decisions = _rows_about(candidate, CandidateDecision, CandidateDecision.stage_id)
        conflicts = _rows_about(
            candidate, ConflictOfInterest, ConflictOfInterest.declared_at, ConflictOfInterest.id
        )
        reports = _rows_about(candidate, AdvisoryReport, AdvisoryReport.stage_id)
        checks = _rows_about(candidate, PreEmploymentCheck, PreEmploymentCheck.id)
        references = _rows_about(
            candidate, CandidateReference, CandidateReference.created_at, CandidateReference.id
        )
        points = _rows_about(candidate, ScrutinyPoint, ScrutinyPoint.id)
        shortlisting = _rows_about(candidate, ShortlistingDecision, ShortlistingDecision.id)
        stage_ids = (
            {sheet.seat.stage_id for sheet in sheets}
            | {row.stage_id for row in agreed}
            | {row.stage_id for row in decisions}
            | {row.stage_id for row in reports}
        )
        subjects: dict[str, Iterable[int]] = {
            "Candidate": [candidate.id],
            "ScoreSheet": [sheet.id for sheet in sheets],
            "AgreedScore": [row.id for row in agreed],
            "CandidateDecision": [row.id for row in decisions],
            "ConflictOfInterest": [row.id for row in conflicts],
            "AdvisoryReport": [row.id for row in reports],
        }
        return cls(
            candidate,
            vacancy,
            _stages(stage_ids),
            sheets,
            agreed,
            decisions,
            conflicts,
            _moderations(stage_ids),
            _audit_events(subjects),
            reports,
            checks,
            references,
            points,
            shortlisting,
            db.session.scalar(
                select(EqualityAnswers).where(EqualityAnswers.candidate_id == candidate.id)
            ),
        )

    def sheets_at(self, stage: Stage) -> list[ScoreSheet]:
        return [sheet for sheet in self.sheets if sheet.seat.stage_id == stage.id]


def _score_sheets(candidate: Candidate) -> list[ScoreSheet]:
    """Submitted and draft sheets, with their seats, scores, questions and amendments."""
    return list(
        db.session.scalars(
            select(ScoreSheet)
            .where(ScoreSheet.candidate_id == candidate.id)
            .options(
                selectinload(ScoreSheet.seat),
                selectinload(ScoreSheet.scores).selectinload(Score.plan_item),
                selectinload(ScoreSheet.amendments),
            )
            .order_by(ScoreSheet.seat_id, ScoreSheet.id)
        )
    )


class _AboutACandidate(Protocol):
    """A model whose rows each belong to one candidate."""

    # The mapped column, as the class holds it (an instance holds the int).
    candidate_id: ClassVar[InstrumentedAttribute[int]]


_Row = TypeVar("_Row", bound=_AboutACandidate)


def _rows_about(candidate: Candidate, model: type[_Row], *order_by: Any) -> list[_Row]:
    """Every ``model`` row whose ``candidate_id`` is the candidate's, in ``order_by``."""
    query = select(model).where(model.candidate_id == candidate.id).order_by(*order_by)
    return list(db.session.scalars(query))


def _stages(stage_ids: set[int]) -> list[Stage]:
    """The stages the candidate was assessed at, with their questions and seats."""
    return list(
        db.session.scalars(
            select(Stage)
            .where(Stage.id.in_(stage_ids))
            .options(selectinload(Stage.items), selectinload(Stage.seats))
            .order_by(Stage.position, Stage.id)
        )
    )


def _moderations(stage_ids: set[int]) -> dict[int, StageModeration]:
    return {
        row.stage_id: row
        for row in db.session.scalars(
            select(StageModeration).where(StageModeration.stage_id.in_(stage_ids))
        )
    }


def _audit_events(subjects: dict[str, Iterable[int]]) -> list[AuditEvent]:
    """Events whose subject is one of ``subjects`` (model name to ids): audit events name
    their subject by type and id, not by a foreign key."""
    return list(
        db.session.scalars(
            select(AuditEvent)
            .where(
                or_(
                    *(
                        and_(
                            AuditEvent.object_type == kind,
                            AuditEvent.object_id.in_([str(i) for i in ids]),
                        )
                        for kind, ids in subjects.items()
                    )
                )
            )
            .order_by(AuditEvent.occurred_at, AuditEvent.id)
        )
    )
