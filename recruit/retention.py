"""The retention purge against the database: find the candidates due, anonymise them.

The rules (who is unsuccessful, the decision date, what anonymising changes) live in
``recruit.domain.retention``; this module reads what they need and applies the result.

Each candidate is anonymised in a transaction of their own, re-checked inside it: either
all of their data goes, with its audit event, or none of it does, and a failure for one
candidate (say, HR saving them at the same moment) leaves the others' work in place.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar, cast

from sqlalchemy import ColumnElement, Select, Table, func, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import InstrumentedAttribute

from recruit import audit
from recruit.domain.retention import (
    Assessment,
    CandidateRecord,
    StoredText,
    anonymised_details,
    assess,
    check_months,
    due_for_anonymising,
)
from recruit.equality.tally import fold_into_tally
from recruit.extensions import Base, db
from recruit.models import (
    AdvisoryReport,
    AgreedScore,
    Candidate,
    CandidateDecision,
    CandidateReference,
    CandidateStatus,
    ConflictOfInterest,
    PreEmploymentCheck,
    Score,
    ScoreAmendment,
    ScoreSheet,
    ScrutinyPoint,
    ShortlistingDecision,
    Vacancy,
)
from recruit.models._types import utcnow

logger = logging.getLogger("recruit.retention")

ACTOR = "command line"

# The models whose rows hold notes about one candidate, found by their candidate_id.
_NoteRow = TypeVar(
    "_NoteRow",
    AgreedScore,
    CandidateDecision,
    ConflictOfInterest,
    AdvisoryReport,
    PreEmploymentCheck,
    CandidateReference,
    ScrutinyPoint,
    ShortlistingDecision,
)


@dataclass
class PurgeResult:
    as_of: date
    months: int
    dry_run: bool
    due: list[Assessment]
    anonymised: list[Assessment] = field(default_factory=list)
    # Candidates left as they were: no longer due when re-checked, or their change failed.
    skipped: list[Assessment] = field(default_factory=list)
    failed: list[tuple[Assessment, str]] = field(default_factory=list)


def find_due(as_of: date, months: int) -> list[Assessment]:
    """The candidates whose retention period has run by ``as_of`` (a UK date). Reads only."""
    check_months(months)
    return due_for_anonymising(candidate_records(), as_of, months)


def purge(as_of: date, months: int, *, dry_run: bool, now: datetime | None = None) -> PurgeResult:
    """Anonymise every candidate due by ``as_of``; with ``dry_run``, only say who.

    ``now`` stamps ``anonymised_at`` (the real time by default: ``as_of`` says which rules
    apply, not when the change was made).
    """
    due = find_due(as_of, months)
    db.session.rollback()  # end the reading transaction: each candidate gets their own
    result = PurgeResult(as_of, months, dry_run, due)
    if not dry_run:
        stamp = now or utcnow()
        for item in due:
            _anonymise_one(item, result, stamp)
        if result.anonymised or result.failed:
            audit.record(
                "retention.purged",
                None,
                actor_label=ACTOR,
                as_of=as_of.isoformat(),
                retention_months=months,
                anonymised=[item.record.candidate_id for item in result.anonymised],
                failed=[item.record.candidate_id for item, _ in result.failed],
            )
            db.session.commit()
    logger.info(
        "retention purge as_of=%s months=%d dry_run=%s due=%d anonymised=%d skipped=%d failed=%d",
        as_of.isoformat(),
        months,
        dry_run,
        len(due),
        len(result.anonymised),
        len(result.skipped),
        len(result.failed),
    )
    return result


def _anonymise_one(item: Assessment, result: PurgeResult, stamp: datetime) -> None:
    candidate_id = item.record.candidate_id
    try:
        # Lock the row (PostgreSQL; SQLite's command-line transactions already hold the
        # write lock), then check again: HR may have changed them since the list was made.
        candidate = db.session.scalar(
            select(Candidate).where(Candidate.id == candidate_id).with_for_update()
        )
        records = candidate_records([candidate_id]) if candidate is not None else []
        current = assess(records[0], result.as_of, result.months) if records else None
        if candidate is None or current is None or not current.due:
            db.session.rollback()
            result.skipped.append(item)
            return
        blanked = anonymise(candidate, stamp)
        audit.record(
            "candidate.anonymised",
            candidate,
            actor_label=ACTOR,
            vacancy_id=candidate.vacancy_id,
            code=candidate.code,
            reason=current.reason,
            decision_date=current.decision_date.isoformat(),
            due_date=current.due_date.isoformat(),
            as_of=result.as_of.isoformat(),
            retention_months=result.months,
            blanked=blanked.as_detail(),
        )
        db.session.commit()
        result.anonymised.append(current)
    except SQLAlchemyError as error:
        db.session.rollback()
        # The class name only: a database message may quote the row's personal data.
        logger.error(
            "retention purge could not anonymise candidate %d: %s",
            candidate_id,
            type(error).__name__,
        )
        result.failed.append((item, type(error).__name__))


def anonymise(candidate: Candidate, stamp: datetime) -> StoredText:
    """Anonymise one candidate and blank every note about them, in the session's transaction.

    Returns how many stored notes held text. Numeric scores and outcomes are kept.
    """
    notes = 1 if candidate.notes else 0
    for name, value in anonymised_details(candidate.id).items():
        setattr(candidate, name, value)
    candidate.anonymised_at = stamp

    evidence = _blank(_scores(candidate.id), "evidence")
    amendments = _blank(_amendments(candidate.id), "previous_evidence", "new_evidence", "reason")
    rationales = _blank(_rows(AgreedScore, candidate.id), "rationale")
    decisions = _blank(
        _rows(CandidateDecision, candidate.id),
        "reasons",
        "floor_override_reason",
        "red_flag_discussion",
    )
    # An advisory panel's report is its outcome and reasons for the deciding panel, so its
    # words are counted with the decision reasons.
    decisions += _blank(_rows(AdvisoryReport, candidate.id), "strengths", "concerns")
    conflicts = _blank(_rows(ConflictOfInterest, candidate.id), "description")
    # Pre-employment checks keep their kind, status and dates (what was checked, and when,
    # with no personal detail); their words go. They are not counted in ``StoredText``:
    # only an unsuccessful candidate is anonymised, and their checks rarely hold any.
    _blank(_rows(PreEmploymentCheck, candidate.id), "outcome", "not_required_reason")
    # References keep their dates and who scrutinised them; the referee's name and role (the
    # referee's own personal data) and the concern's words go, uncounted as the checks'.
    _blank(
        _rows(CandidateReference, candidate.id),
        "referee_name",
        "referee_role_and_organisation",
        "concerns",
        "concern_resolution",
    )
    # Shortlisting scrutiny keeps its kind, dates, outcomes and who decided; its words go,
    # uncounted as the checks': they are HR's notes on the application, gone with it.
    _blank(_rows(ScrutinyPoint, candidate.id), "noted", "to_explore", "explanation")
    for shortlisting in _rows(ShortlistingDecision, candidate.id):
        _blank([shortlisting], "reasons")
        _blank(shortlisting.assessments, "evidence")
    # Equality answers (special category data) go too: each becomes one more in the
    # vacancy's anonymous counts, so the pooled fair-selection report still counts them.
    fold_into_tally(candidate)
    db.session.flush()
    return StoredText(notes, evidence, amendments, rationales, decisions, conflicts)


def _blank(rows: Iterable[Base], *fields: str) -> int:
    """Blank the text fields of each row; how many rows held any text."""
    count = 0
    for row in rows:
        held_text = False
        for name in fields:
            value = getattr(row, name)
            if value:
                held_text = True
                # A nullable field (floor_override_reason) goes back to "none given".
                setattr(row, name, None if _nullable(row, name) else "")
        count += held_text
    return count


def _nullable(row: Base, name: str) -> bool:
    # Declarative types __table__ as any FROM clause; a model with a __tablename__ has a Table.
    column = cast(Table, type(row).__table__).columns[name]
    return bool(column.nullable)


def _scores(candidate_id: int) -> Sequence[Score]:
    return db.session.scalars(
        select(Score).join(ScoreSheet).where(ScoreSheet.candidate_id == candidate_id)
    ).all()


def _amendments(candidate_id: int) -> Sequence[ScoreAmendment]:
    return db.session.scalars(
        select(ScoreAmendment).join(ScoreSheet).where(ScoreSheet.candidate_id == candidate_id)
    ).all()


def _rows(model: type[_NoteRow], candidate_id: int) -> Sequence[_NoteRow]:
    return db.session.scalars(select(model).where(model.candidate_id == candidate_id)).all()


# --- reading what the rules need ------------------------------------------------------------


def candidate_records(candidate_ids: Sequence[int] | None = None) -> list[CandidateRecord]:
    """Every candidate not yet anonymised (or only those given), with what the rules need."""
    query = (
        select(Candidate, Vacancy)
        .join(Vacancy, Candidate.vacancy_id == Vacancy.id)
        .where(Candidate.anonymised_at.is_(None))
        .order_by(Candidate.vacancy_id, Candidate.code)
    )
    if candidate_ids is not None:
        query = query.where(Candidate.id.in_(candidate_ids))
    rows = db.session.execute(query).all()
    if not rows:
        return []
    ids = [candidate.id for candidate, _ in rows]
    appointees = _appointees({vacancy.id for _, vacancy in rows})
    activity = _own_activity(ids)
    text = _stored_text(ids)
    records = []
    for candidate, vacancy in rows:
        appointed = appointees.get(vacancy.id)
        outcome = [vacancy.updated_at]
        if appointed is not None:
            outcome.append(appointed)
        records.append(
            CandidateRecord(
                candidate_id=candidate.id,
                code=candidate.code,
                vacancy_id=vacancy.id,
                vacancy_title=vacancy.title,
                status=candidate.status.value,
                vacancy_status=vacancy.status.value,
                vacancy_has_appointee=appointed is not None,
                anonymised=candidate.anonymised_at is not None,
                own_activity=(
                    candidate.created_at,
                    candidate.updated_at,
                    *activity.get(candidate.id, ()),
                ),
                vacancy_outcome_activity=tuple(outcome),
                stored_text=StoredText(
                    notes=1 if candidate.notes else 0, **text.get(candidate.id, {})
                ),
            )
        )
    return records


def _appointees(vacancy_ids: Iterable[int]) -> dict[int, datetime]:
    """Vacancy id -> the latest change to any of its appointed candidates."""
    query = (
        select(Candidate.vacancy_id, func.max(Candidate.updated_at))
        .where(
            Candidate.vacancy_id.in_(list(vacancy_ids)),
            Candidate.status == CandidateStatus.APPOINTED,
        )
        .group_by(Candidate.vacancy_id)
    )
    return {vacancy_id: latest for vacancy_id, latest in db.session.execute(query)}


def _own_activity(ids: list[int]) -> dict[int, list[datetime]]:
    """Candidate id -> the latest of each kind of record about their application."""
    found: dict[int, list[datetime]] = defaultdict(list)
    sheet = ScoreSheet.candidate_id
    queries = [
        select(sheet, func.max(ScoreSheet.updated_at)).group_by(sheet),
        select(sheet, func.max(ScoreSheet.submitted_at)).group_by(sheet),
        select(sheet, func.max(ScoreAmendment.amended_at))
        .select_from(ScoreAmendment)
        .join(ScoreSheet)
        .group_by(sheet),
        _latest(AgreedScore.candidate_id, AgreedScore.recorded_at),
        _latest(CandidateDecision.candidate_id, CandidateDecision.recorded_at),
        _latest(AdvisoryReport.candidate_id, AdvisoryReport.recorded_at),
        _latest(ConflictOfInterest.candidate_id, ConflictOfInterest.declared_at),
        _latest(PreEmploymentCheck.candidate_id, PreEmploymentCheck.verified_at),
        _latest(CandidateReference.candidate_id, CandidateReference.created_at),
        _latest(ScrutinyPoint.candidate_id, ScrutinyPoint.updated_at),
        _latest(ShortlistingDecision.candidate_id, ShortlistingDecision.decided_at),
    ]
    for query in queries:
        key = query.selected_columns[0]
        for candidate_id, latest in db.session.execute(query.where(key.in_(ids))):
            if latest is not None:
                found[candidate_id].append(latest)
    return found


def _latest(
    key: InstrumentedAttribute[int], moment: InstrumentedAttribute[datetime]
) -> Select[int, datetime]:
    return select(key, func.max(moment)).group_by(key)


def _stored_text(ids: list[int]) -> dict[int, dict[str, int]]:
    """Candidate id -> how many rows of each kind of note hold text."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    sheet = ScoreSheet.candidate_id
    queries = [
        (
            "evidence",
            select(sheet, func.count())
            .select_from(Score)
            .join(ScoreSheet)
            .where(_has_text(Score.evidence))
            .group_by(sheet),
        ),
        (
            "amendments",
            select(sheet, func.count())
            .select_from(ScoreAmendment)
            .join(ScoreSheet)
            .where(
                or_(
                    _has_text(ScoreAmendment.previous_evidence),
                    _has_text(ScoreAmendment.new_evidence),
                    _has_text(ScoreAmendment.reason),
                )
            )
            .group_by(sheet),
        ),
        ("rationales", _counted(AgreedScore, _has_text(AgreedScore.rationale))),
        (
            "decisions",
            _counted(
                CandidateDecision,
                or_(
                    _has_text(CandidateDecision.reasons),
                    _has_text(CandidateDecision.floor_override_reason),
                    _has_text(CandidateDecision.red_flag_discussion),
                ),
            ),
        ),
        (
            "decisions",  # an advisory report: that panel's outcome and reasons, as anonymise
            _counted(
                AdvisoryReport,
                or_(_has_text(AdvisoryReport.strengths), _has_text(AdvisoryReport.concerns)),
            ),
        ),
        ("conflicts", _counted(ConflictOfInterest, _has_text(ConflictOfInterest.description))),
    ]
    for name, query in queries:
        key = query.selected_columns[0]
        for candidate_id, count in db.session.execute(query.where(key.in_(ids))):
            counts[candidate_id][name] = counts[candidate_id].get(name, 0) + count
    return counts


def _has_text(column: InstrumentedAttribute[str | None]) -> ColumnElement[bool]:
    return (column.is_not(None)) & (column != "")


def _counted(model: type[_NoteRow], condition: ColumnElement[bool]) -> Select[int, int]:
    return select(model.candidate_id, func.count()).where(condition).group_by(model.candidate_id)
