"""Results snapshots: a stage's consolidated results kept in the database, never stale.

Consolidating a stage loads every counted score and runs the rules; the summary, the
comparison and the decision pages would do it on every view. Instead each stage carries a
``results_version``, and ``results_snapshot`` keeps the consolidated ``StageResult`` as
it stood at one version.

*Every write that could move the results raises the version, in its own transaction.*
Rather than trust each view to remember, the session does it: after each flush it notes
the stages that the flushed rows feed (scores on submitted sheets, sheets, seats, plan
items, agreed scores, outcome decisions, the stage itself, and for a candidate or a
conflict of interest every stage of the vacancy), and just before the transaction
commits it raises their versions in one UPDATE. A write path added later writes through
the same session, so it cannot forget. Bulk UPDATE or DELETE statements on those tables
bypass the session's bookkeeping: ``tests/test_architecture.py`` allows none.

*A snapshot is read only when it matches, in the same query* that reads the stage's
current version, and only when it was made on the same basis (the values floor settings,
the bank's attributes and the scoring code itself: see ``results_basis``). Otherwise the
stage is consolidated afresh from data read after that version, and on a reading request
the result is stored for the next reader, by a short transaction of its own; a failed
store costs nothing but the next reader's time. A request that has itself written
anything the results depend on reads nothing from snapshots and stores nothing, since its
own changes are not yet committed.

The snapshot lives in the database, so app servers keep no state.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from flask import current_app, has_request_context
from sqlalchemy import Select, and_, event, inspect, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, SessionTransaction, UOWTransaction

from recruit.bank_store import current_bank
from recruit.database import request_may_write
from recruit.domain.scoring.model import StageResult
from recruit.domain.scoring.snapshot import (
    SNAPSHOT_FORMAT,
    result_document,
    result_from_document,
)
from recruit.extensions import db
from recruit.models import (
    AgreedScore,
    Candidate,
    CandidateDecision,
    ConflictOfInterest,
    PanelSeat,
    PlanItem,
    ResultsSnapshot,
    Score,
    ScoreSheet,
    SheetStatus,
    Stage,
)
from recruit.models._types import utcnow

log = logging.getLogger(__name__)

_PENDING_KEY = "recruit.results_writes"
_CHUNK = 10_000
# The code the figures come from: a deployment that changes any of it makes every stored
# snapshot unmatched, so old rules never answer for new ones.
_RULES_SOURCES = (
    "domain/scoring",
    "domain/interview_plan",
    "results/consolidation.py",
    "results/sheets.py",
)
# The tables whose rows feed a stage's results: the session watches writes to them.
RESULTS_TABLES = frozenset(
    model.__tablename__
    for model in (
        AgreedScore,
        Candidate,
        CandidateDecision,
        ConflictOfInterest,
        PanelSeat,
        PlanItem,
        Score,
        ScoreSheet,
        Stage,
    )
)


@dataclass
class _PendingWrites:
    """What this transaction has flushed that feeds results, noted until it ends."""

    stage_ids: set[int] = field(default_factory=set)
    vacancy_ids: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.stage_ids or self.vacancy_ids)


# --- raising the version ------------------------------------------------------------------


def _pending(session: Session) -> _PendingWrites:
    found = session.info.get(_PENDING_KEY)
    if found is None:
        found = session.info[_PENDING_KEY] = _PendingWrites()
    return found


def _note_flushed_writes(session: Session, _context: UOWTransaction) -> None:
    # After a flush the new, dirty and deleted lists still hold what was just flushed.
    pending = _pending(session)
    sheet_ids: set[int] = set()
    seat_ids: set[int] = set()
    candidate_ids: set[int] = set()
    changed = [
        *session.new,
        *session.deleted,
        *(obj for obj in session.dirty if session.is_modified(obj, include_collections=False)),
    ]
    for obj in changed:
        if isinstance(obj, Score):
            sheet_ids.add(obj.sheet_id)
        elif isinstance(obj, ScoreSheet) and _sheet_may_count(obj):
            seat_ids.add(obj.seat_id)
        elif isinstance(obj, (PanelSeat, PlanItem, AgreedScore, CandidateDecision)):
            pending.stage_ids.add(obj.stage_id)
        elif isinstance(obj, Stage) and obj.id is not None:
            pending.stage_ids.add(obj.id)
        elif isinstance(obj, Candidate):
            pending.vacancy_ids.add(obj.vacancy_id)
        elif isinstance(obj, ConflictOfInterest):
            candidate_ids.add(obj.candidate_id)
    connection = session.connection()
    pending.stage_ids |= _stages_of_submitted_sheets(connection, sheet_ids)
    pending.stage_ids |= _stages_of_seats(connection, seat_ids)
    pending.vacancy_ids |= _vacancies_of_candidates(connection, candidate_ids)


def _sheet_may_count(sheet: ScoreSheet) -> bool:
    """A draft's changes move no result (drafts never count); a submission, a sheet set
    aside, an amended or a deleted submitted sheet do."""
    status_history = inspect(sheet).attrs.status.history
    return sheet.status is SheetStatus.SUBMITTED or status_history.has_changes()


def _stages_of_submitted_sheets(connection: Connection, sheet_ids: set[int]) -> set[int]:
    return {
        stage_id
        for chunk in _chunks(sheet_ids)
        for stage_id in connection.scalars(
            select(PanelSeat.stage_id)
            .join(ScoreSheet, ScoreSheet.seat_id == PanelSeat.id)
            .where(ScoreSheet.id.in_(chunk), ScoreSheet.status == SheetStatus.SUBMITTED)
        )
    }


def _stages_of_seats(connection: Connection, seat_ids: set[int]) -> set[int]:
    return {
        stage_id
        for chunk in _chunks(seat_ids)
        for stage_id in connection.scalars(
            select(PanelSeat.stage_id).where(PanelSeat.id.in_(chunk))
        )
    }


def _vacancies_of_candidates(connection: Connection, candidate_ids: set[int]) -> set[int]:
    return {
        vacancy_id
        for chunk in _chunks(candidate_ids)
        for vacancy_id in connection.scalars(
            select(Candidate.vacancy_id).where(Candidate.id.in_(chunk))
        )
    }


def _chunks(ids: set[int]) -> Iterator[list[int]]:
    """The ids in sorted lists short enough for any database's limit on bound values
    (SQLite's is 32,766): a whole vacancy imported in one flush can touch more sheets."""
    ordered = sorted(ids)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def _raise_versions(session: Session) -> None:
    session.flush()  # note what is still pending before the transaction ends
    pending = session.info.get(_PENDING_KEY)
    if not pending:
        return
    # The stages' rows are locked last, briefly, and in one statement per transaction.
    session.connection().execute(
        update(Stage)
        .where(
            or_(
                Stage.id.in_(sorted(pending.stage_ids)),
                Stage.vacancy_id.in_(sorted(pending.vacancy_ids)),
            )
        )
        .values(results_version=Stage.results_version + 1)
    )
    pending.stage_ids.clear()
    pending.vacancy_ids.clear()


def _forget_writes(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # the session's own transaction, not a savepoint
        session.info.pop(_PENDING_KEY, None)


def writes_pending(session: Session) -> bool:
    """True while this transaction holds writes (flushed or not) that feed results."""
    if session.info.get(_PENDING_KEY):
        return True
    unflushed = (*session.new, *session.dirty, *session.deleted)
    return any(getattr(obj, "__tablename__", None) in RESULTS_TABLES for obj in unflushed)


def watch_writes() -> None:
    """Install the bookkeeping on every session (once; repeat calls do nothing)."""
    for name, listener in (
        ("after_flush", _note_flushed_writes),
        ("before_commit", _raise_versions),
        ("after_transaction_end", _forget_writes),
    ):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


# --- reading and storing ------------------------------------------------------------------


def stage_result(stage: Stage, consolidate: Callable[[], StageResult]) -> StageResult:
    """The stage's results: its snapshot when that matches the current version and basis,
    else ``consolidate()``, which must read the scores only when called (after this reads
    the version), so the result it stores is never older than the version it is filed as.
    """
    session = db.session()
    if writes_pending(session):
        return consolidate()
    basis = results_basis()
    version, document = session.execute(_current_snapshot(stage.id, basis)).one()
    if document is not None:
        try:
            return _decoded(stage.id, version, basis, document)
        except (ValueError, KeyError, TypeError):
            log.warning("results snapshot of stage %s could not be read; recomputed", stage.id)
    result = consolidate()
    if has_request_context() and not request_may_write():
        _store(stage.id, version, basis, result)
    return result


@lru_cache(maxsize=256)
def _decoded(_stage_id: int, _version: int, _basis: str, document: str) -> StageResult:
    """The snapshot's result, decoded once per worker for each document the database hands
    back: the figures are frozen, and decoding them took a tenth of a summary page. Keyed on
    the document itself, so only what the database just matched is ever returned."""
    return result_from_document(json.loads(document))


def _current_snapshot(stage_id: int, basis: str) -> Select[int, str]:
    """The stage's version, with its snapshot's document only where version and basis
    both match: the match is made in the same statement that reads the version."""
    return (
        select(Stage.results_version, ResultsSnapshot.document)
        .outerjoin(
            ResultsSnapshot,
            and_(
                ResultsSnapshot.stage_id == Stage.id,
                ResultsSnapshot.version == Stage.results_version,
                ResultsSnapshot.basis == basis,
            ),
        )
        .where(Stage.id == stage_id)
    )


def _store(stage_id: int, version: int, basis: str, result: StageResult) -> None:
    values: dict[str, Any] = {
        "stage_id": stage_id,
        "version": version,
        "basis": basis,
        "document": json.dumps(result_document(result), separators=(",", ":")),
        "made_at": utcnow(),
    }
    dialect = db.engine.dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(ResultsSnapshot).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=[ResultsSnapshot.stage_id],
        set_={key: statement.excluded[key] for key in values if key != "stage_id"},
        # A slower reader of an older version never replaces a newer snapshot.
        where=ResultsSnapshot.version <= statement.excluded.version,
    )
    try:
        # Its own short transaction: a reading request's transaction stays read-only, and
        # on SQLite this one waits for the write lock rather than failing to upgrade.
        with db.engine.begin() as connection:
            connection.execute(statement)
    except SQLAlchemyError:
        log.warning("results snapshot of stage %s not stored", stage_id, exc_info=True)


def results_basis() -> str:
    """A digest of everything besides the stage's own rows that its figures depend on."""
    floor = (
        float(current_app.config["VALUES_FLOOR_MEAN"]),
        int(current_app.config["VALUES_FLOOR_LOWEST_SCORE"]),
        bool(current_app.config["VALUES_SINGLE_SCORE_VETO"]),
    )
    attributes = [(item.key, item.name) for item in current_bank().attributes]
    return _digest(json.dumps([SNAPSHOT_FORMAT, floor, attributes, _rules_digest()]))


@lru_cache(maxsize=1)
def _rules_digest() -> str:
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in _source_files(package / source for source in _RULES_SOURCES):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _source_files(places: Iterable[Path]) -> Iterable[Path]:
    for place in places:
        yield from sorted(place.rglob("*.py")) if place.is_dir() else [place]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
