"""Results snapshots: every write that feeds a stage's results raises its version, a stored
snapshot is read only while it matches, and reading one always gives what consolidating
afresh gives (a property test over random sequences of writes)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select

from recruit.domain.scoring import consolidate_panel_scores
from recruit.domain.scoring.snapshot import result_document, result_from_document
from recruit.extensions import db
from recruit.models import (
    AgreedScore,
    Candidate,
    CandidateDecision,
    CandidateStatus,
    ConflictOfInterest,
    Outcome,
    PanelRole,
    ResultsSnapshot,
    Role,
    Score,
    ScoreSheet,
    SheetStatus,
    Stage,
    StageRole,
    User,
)
from recruit.models._types import utcnow
from recruit.results.consolidation import StageOutcome, attribute_names, stage_scores
from recruit.results.snapshots import RESULTS_TABLES
from tests.support.factories import (
    make_candidate,
    make_issued_stage,
    make_vacancy,
    submit_sheet,
)

QUESTIONS = [
    "values-personal-values-01",
    "decisions-own-risk-01",
    "partnerships-translating-model-01",
]
ATTRIBUTES = ("values", "decisions", "partnerships")


@dataclass
class World:
    stage: Stage
    members: list[User]
    candidates: list[Candidate]


def _world(app, make_user, hr: User, members: list[User], candidates: int = 3) -> World:  # type: ignore[no-untyped-def]
    vacancy = make_vacancy(hr)
    people = [
        make_candidate(vacancy, first, "Candidate", status=CandidateStatus.SHORTLISTED)
        for first in ("Amara", "Tom", "Priya", "Dev")[:candidates]
    ]
    roles = [PanelRole.CHAIR, *[PanelRole.MEMBER] * (len(members) - 1)]
    stage = make_issued_stage(
        app, vacancy, seats=list(zip(members, roles, strict=True)), questions=QUESTIONS
    )
    return World(stage, members, people)


def _version(stage_id: int) -> int:
    return db.session.scalar(select(Stage.results_version).where(Stage.id == stage_id))  # type: ignore[return-value]


def _fresh(stage: Stage) -> dict[str, object]:
    return result_document(consolidate_panel_scores(stage_scores(stage), attribute_names()))


def _read(app, stage_id: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The stage's results as a reading request gets them (a snapshot, or consolidated and
    stored for the next reader)."""
    db.session.commit()  # a new transaction, as each request has: it sees what is stored
    with app.test_request_context("/", method="GET"):
        stage = db.session.get(Stage, stage_id)
        assert stage is not None
        document = result_document(StageOutcome(stage).result)
    db.session.commit()
    return document


# --- every kind of write raises the version ---------------------------------------------


def _sheet(world: World, member: int = 0, candidate: int = 0) -> ScoreSheet:
    seat = next(s for s in world.stage.seats if s.user_id == world.members[member].id)
    found = db.session.scalar(
        select(ScoreSheet).where(
            ScoreSheet.seat_id == seat.id,
            ScoreSheet.candidate_id == world.candidates[candidate].id,
        )
    )
    assert found is not None
    return found


def _amend_a_score(world: World) -> None:
    _sheet(world).scores[0].score = 1


def _set_aside_a_sheet(world: World) -> None:
    sheet = _sheet(world)
    sheet.set_aside_at, sheet.set_aside_reason = utcnow(), "Conflict found later"


def _agree_a_score(world: World) -> None:
    db.session.add(
        AgreedScore(
            stage_id=world.stage.id,
            candidate_id=world.candidates[0].id,
            attribute="values",
            agreed=3.5,
            rationale="The panel agreed after discussion",
        )
    )


def _record_an_outcome(world: World) -> None:
    db.session.add(
        CandidateDecision(
            stage_id=world.stage.id,
            candidate_id=world.candidates[0].id,
            outcome=Outcome.APPOINTABLE,
            reasons="Strong on values",
        )
    )


def _change_the_weights(world: World) -> None:
    world.stage.weights = {"values": 0.5, "decisions": 0.3, "partnerships": 0.2}


def _stand_down_a_seat(world: World) -> None:
    seat = world.stage.seats[1]
    seat.stood_down_at, seat.stood_down_reason = utcnow(), "Unwell"


def _change_a_plan_item(world: World) -> None:
    world.stage.items[0].minutes = 25


def _withdraw_a_candidate(world: World) -> None:
    world.candidates[0].status = CandidateStatus.WITHDRAWN


def _declare_a_conflict(world: World) -> None:
    db.session.add(
        ConflictOfInterest(
            user_id=world.members[1].id,
            candidate_id=world.candidates[0].id,
            description="Former line manager",
        )
    )


# One write per table the results are read from: a table added to what consolidation
# reads (see the next test) needs a write here, or this list no longer matches.
WRITES: dict[str, Callable[[World], None]] = {
    "score": _amend_a_score,
    "score_sheet": _set_aside_a_sheet,
    "agreed_score": _agree_a_score,
    "candidate_decision": _record_an_outcome,
    "stage": _change_the_weights,
    "panel_seat": _stand_down_a_seat,
    "plan_item": _change_a_plan_item,
    "candidate": _withdraw_a_candidate,
    "conflict_of_interest": _declare_a_conflict,
}


def test_every_table_the_results_come_from_has_a_write_below() -> None:
    assert set(WRITES) == RESULTS_TABLES


@pytest.mark.parametrize("table", sorted(WRITES))
def test_a_committed_write_raises_the_stage_results_version(app, bank, make_user, table):  # type: ignore[no-untyped-def]
    world = _world(app, make_user, make_user(Role.HR), [make_user(Role.PANEL) for _ in "ab"])
    submit_sheet(world.stage, world.members[0], world.candidates[0], [4, 3, 5])
    submit_sheet(world.stage, world.members[1], world.candidates[0], [2, 3, 4])
    before = _version(world.stage.id)
    _read(app, world.stage.id)  # a snapshot at the version before the write
    snapshot = db.session.get(ResultsSnapshot, world.stage.id)
    assert snapshot is not None and snapshot.version == before

    WRITES[table](world)
    db.session.commit()

    assert _version(world.stage.id) > before
    assert _read(app, world.stage.id) == _fresh(db.session.get(Stage, world.stage.id))


def test_stage_role_change_raises_the_version(app, bank, make_user):  # type: ignore[no-untyped-def]
    world = _world(app, make_user, make_user(Role.HR), [make_user(Role.PANEL) for _ in "ab"])
    before = _version(world.stage.id)
    world.stage.role = (
        StageRole.ADVISORY if world.stage.role is StageRole.DECIDING else StageRole.DECIDING
    )
    db.session.commit()
    assert _version(world.stage.id) > before


def test_a_submission_raises_the_version_and_a_draft_does_not(app, bank, make_user):  # type: ignore[no-untyped-def]
    world = _world(app, make_user, make_user(Role.HR), [make_user(Role.PANEL) for _ in "ab"])
    seat = world.stage.seats[0]
    before = _version(world.stage.id)
    draft = ScoreSheet(seat_id=seat.id, candidate_id=world.candidates[1].id)
    for item in world.stage.items:
        draft.scores.append(Score(plan_item_id=item.id, score=3, evidence="So far"))
    db.session.add(draft)
    db.session.commit()
    draft.scores[0].score = 4  # a draft saved again
    db.session.commit()
    assert _version(world.stage.id) == before  # drafts never count

    draft.status, draft.submitted_at = SheetStatus.SUBMITTED, utcnow()
    db.session.commit()
    assert _version(world.stage.id) > before


def test_a_write_rolled_back_leaves_the_version_alone(app, bank, make_user):  # type: ignore[no-untyped-def]
    world = _world(app, make_user, make_user(Role.HR), [make_user(Role.PANEL) for _ in "ab"])
    submit_sheet(world.stage, world.members[0], world.candidates[0], [4, 3, 5])
    before = _version(world.stage.id)
    _agree_a_score(world)
    db.session.flush()
    db.session.rollback()
    db.session.commit()  # nothing left to write: the noted write went with the rollback
    assert _version(world.stage.id) == before


def test_consolidation_reads_no_table_the_writes_do_not_watch(app, bank, make_user):  # type: ignore[no-untyped-def]
    """Fails when consolidation starts reading a table whose writes raise no version."""
    world = _world(app, make_user, make_user(Role.HR), [make_user(Role.PANEL) for _ in "ab"])
    submit_sheet(world.stage, world.members[0], world.candidates[0], [4, 3, 5])
    db.session.add(
        ConflictOfInterest(
            user_id=world.members[1].id,
            candidate_id=world.candidates[1].id,
            description="Neighbour",
        )
    )
    db.session.commit()
    statements: list[str] = []

    def note(_conn, _cursor, statement, *_args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    stage_id = world.stage.id
    db.session.commit()
    db.session.expunge_all()
    event.listen(db.engine, "before_cursor_execute", note)
    try:
        with app.test_request_context("/", method="POST"):  # consolidates, stores nothing
            stage = db.session.get(Stage, stage_id)
            assert stage is not None
            outcome = StageOutcome(stage)
            outcome.result.agreement  # noqa: B018  (measured on reading)
    finally:
        event.remove(db.engine, "before_cursor_execute", note)

    read = {
        name
        for statement in statements
        for name in re.findall(r'\b(?:FROM|JOIN)\s+"?(\w+)"?', statement, re.IGNORECASE)
    }
    # Names and the snapshot itself: no figure depends on a member's name or a vacancy's
    # title, and the snapshot is what is checked. The bank's tables give the attributes,
    # which are part of every snapshot's basis (recruit.results.snapshots.results_basis).
    not_figures = {"user_account", "vacancy", "results_snapshot"}
    in_the_basis = {"bank_load", "bank_document", "question", "question_version"}
    assert {"score", "score_sheet", "agreed_score", "conflict_of_interest"} <= read
    assert read - RESULTS_TABLES <= not_figures | in_the_basis, read - RESULTS_TABLES


# --- reading: a snapshot only while it matches ------------------------------------------


def test_a_reading_request_stores_a_snapshot_and_the_next_reads_it(app, bank, make_user):  # type: ignore[no-untyped-def]
    world = _world(app, make_user, make_user(Role.HR), [make_user(Role.PANEL) for _ in "ab"])
    submit_sheet(world.stage, world.members[0], world.candidates[0], [4, 3, 5])
    first = _read(app, world.stage.id)

    stored = db.session.get(ResultsSnapshot, world.stage.id)
    assert stored is not None and stored.version == _version(world.stage.id)
    # Tamper with the stored figures: the next read must come from the snapshot.
    document = json.loads(stored.document)
    document["candidates"][0]["rank"] = 99
    stored.document = json.dumps(document)
    db.session.commit()  # the snapshot table feeds no version: still matching

    assert _read(app, world.stage.id)["candidates"][0]["rank"] == 99  # type: ignore[index]
    assert first["candidates"][0]["rank"] == 1  # type: ignore[index]


def test_a_snapshot_of_another_version_or_basis_is_never_read(app, bank, make_user):  # type: ignore[no-untyped-def]
    world = _world(app, make_user, make_user(Role.HR), [make_user(Role.PANEL) for _ in "ab"])
    submit_sheet(world.stage, world.members[0], world.candidates[0], [4, 3, 5])
    _read(app, world.stage.id)
    stored = db.session.get(ResultsSnapshot, world.stage.id)
    assert stored is not None
    document = json.loads(stored.document)
    document["candidates"][0]["rank"] = 99
    stored.document, stored.basis = json.dumps(document), "another basis"
    db.session.commit()

    assert _read(app, world.stage.id)["candidates"][0]["rank"] == 1  # type: ignore[index]

    stored = db.session.get(ResultsSnapshot, world.stage.id)
    assert stored is not None
    stored.document, stored.version = json.dumps(document), stored.version - 1
    db.session.commit()
    assert _read(app, world.stage.id)["candidates"][0]["rank"] == 1  # type: ignore[index]


def test_a_request_that_has_written_reads_its_own_figures(app, bank, make_user):  # type: ignore[no-untyped-def]
    world = _world(app, make_user, make_user(Role.HR), [make_user(Role.PANEL) for _ in "ab"])
    submit_sheet(world.stage, world.members[0], world.candidates[0], [4, 3, 5])
    _read(app, world.stage.id)
    with app.test_request_context("/", method="POST"):
        _sheet(world).scores[0].score = 1  # not committed
        stage = db.session.get(Stage, world.stage.id)
        assert stage is not None
        values = StageOutcome(stage).result.candidates[0].attribute("values")
        assert values.mean == 1.0
    db.session.rollback()
    assert _read(app, world.stage.id) == _fresh(db.session.get(Stage, world.stage.id))


# --- the property: whatever the writes, a read equals a fresh consolidation -------------

OPERATIONS = st.one_of(
    st.tuples(
        st.just("submit"),
        st.integers(0, 2),
        st.integers(0, 2),
        st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=3, max_size=3),
    ),
    st.tuples(st.just("amend"), st.integers(0, 2), st.integers(0, 2), st.integers(1, 5)),
    st.tuples(st.just("set_aside"), st.integers(0, 2), st.integers(0, 2)),
    st.tuples(
        st.just("agree"),
        st.integers(0, 2),
        st.sampled_from(ATTRIBUTES),
        st.sampled_from([1.0, 2.5, 3.0, 4.5]),
    ),
    st.tuples(st.just("unagree"), st.integers(0, 2)),
    st.tuples(st.just("decide"), st.integers(0, 2), st.sampled_from(list(Outcome))),
    st.tuples(st.just("undecide"), st.integers(0, 2)),
    st.tuples(
        st.just("weights"),
        st.sampled_from(
            [
                {"values": 0.5, "decisions": 0.3, "partnerships": 0.2},
                {"values": 0.2, "decisions": 0.2, "partnerships": 0.2, "buy-in": 0.4},
                {"values": 1.0},
            ]
        ),
    ),
    st.tuples(st.just("role")),
    st.tuples(st.just("withdraw"), st.integers(0, 2)),
    st.tuples(st.just("conflict"), st.integers(1, 2), st.integers(0, 2)),
    st.tuples(st.just("stand_down"), st.integers(1, 2)),
)


def _seat_sheet(world: World, member: int, candidate: int) -> ScoreSheet | None:
    seat = next(s for s in world.stage.seats if s.user_id == world.members[member].id)
    return db.session.scalar(
        select(ScoreSheet).where(
            ScoreSheet.seat_id == seat.id,
            ScoreSheet.candidate_id == world.candidates[candidate].id,
        )
    )


def _submit(world: World, member: int, candidate: int, scores: list[int | None]) -> None:
    if _seat_sheet(world, member, candidate) is None:
        submit_sheet(world.stage, world.members[member], world.candidates[candidate], scores)


def _amend(world: World, member: int, candidate: int, score: int) -> None:
    sheet = _seat_sheet(world, member, candidate)
    if sheet is not None:
        sheet.scores[0].score, sheet.scores[0].no_evidence = score, False


def _set_aside(world: World, member: int, candidate: int) -> None:
    sheet = _seat_sheet(world, member, candidate)
    if sheet is not None:
        sheet.set_aside_at, sheet.set_aside_reason = utcnow(), "Set aside"


def _agree(world: World, candidate: int, attribute: str, value: float) -> None:
    row = db.session.scalar(
        select(AgreedScore).where(
            AgreedScore.stage_id == world.stage.id,
            AgreedScore.candidate_id == world.candidates[candidate].id,
            AgreedScore.attribute == attribute,
        )
    )
    if row is not None:
        row.agreed = value
        return
    db.session.add(
        AgreedScore(
            stage_id=world.stage.id,
            candidate_id=world.candidates[candidate].id,
            attribute=attribute,
            agreed=value,
            rationale="Agreed",
        )
    )


def _unagree(world: World, candidate: int) -> None:
    for row in db.session.scalars(
        select(AgreedScore).where(
            AgreedScore.stage_id == world.stage.id,
            AgreedScore.candidate_id == world.candidates[candidate].id,
        )
    ):
        db.session.delete(row)


def _decision(world: World, candidate: int) -> CandidateDecision | None:
    return db.session.scalar(
        select(CandidateDecision).where(
            CandidateDecision.stage_id == world.stage.id,
            CandidateDecision.candidate_id == world.candidates[candidate].id,
        )
    )


def _decide(world: World, candidate: int, outcome: Outcome) -> None:
    row = _decision(world, candidate)
    if row is not None:
        row.outcome = outcome
        return
    db.session.add(
        CandidateDecision(
            stage_id=world.stage.id,
            candidate_id=world.candidates[candidate].id,
            outcome=outcome,
            reasons="Reasons",
            floor_override_reason="Override" if outcome is Outcome.APPOINTABLE else None,
        )
    )


def _undecide(world: World, candidate: int) -> None:
    row = _decision(world, candidate)
    if row is not None:
        db.session.delete(row)


def _reweigh(world: World, weights: dict[str, float]) -> None:
    world.stage.weights = dict(weights)


def _switch_role(world: World) -> None:
    deciding = world.stage.role is StageRole.DECIDING
    world.stage.role = StageRole.ADVISORY if deciding else StageRole.DECIDING


def _toggle_withdrawal(world: World, candidate: int) -> None:
    person = world.candidates[candidate]
    withdrawn = person.status is CandidateStatus.WITHDRAWN
    person.status = CandidateStatus.SHORTLISTED if withdrawn else CandidateStatus.WITHDRAWN


def _conflict(world: World, member: int, candidate: int) -> None:
    exists = db.session.scalar(
        select(ConflictOfInterest.id).where(
            ConflictOfInterest.user_id == world.members[member].id,
            ConflictOfInterest.candidate_id == world.candidates[candidate].id,
        )
    )
    if exists is None:
        db.session.add(
            ConflictOfInterest(
                user_id=world.members[member].id,
                candidate_id=world.candidates[candidate].id,
                description="Declared",
            )
        )


def _stand_down(world: World, member: int) -> None:
    seat = next(s for s in world.stage.seats if s.user_id == world.members[member].id)
    seat.stood_down_at, seat.stood_down_reason = utcnow(), "Stood down"


OPERATION_WRITES: dict[str, Callable[..., None]] = {
    "submit": _submit,
    "amend": _amend,
    "set_aside": _set_aside,
    "agree": _agree,
    "unagree": _unagree,
    "decide": _decide,
    "undecide": _undecide,
    "weights": _reweigh,
    "role": _switch_role,
    "withdraw": _toggle_withdrawal,
    "conflict": _conflict,
    "stand_down": _stand_down,
}


def _apply(world: World, operation: tuple) -> None:  # type: ignore[type-arg]
    kind, *args = operation
    OPERATION_WRITES[kind](world, *args)
    db.session.commit()


@pytest.fixture
def people(make_user):  # type: ignore[no-untyped-def]
    return make_user(Role.HR), [make_user(Role.PANEL) for _ in range(3)]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(operations=st.lists(OPERATIONS, min_size=1, max_size=12))
def test_a_read_always_equals_a_fresh_consolidation(app, bank, make_user, people, operations):  # type: ignore[no-untyped-def]
    hr, members = people
    world = _world(app, make_user, hr, members)
    for operation in operations:
        _apply(world, operation)
        read = _read(app, world.stage.id)  # stores a snapshot on a miss
        again = _read(app, world.stage.id)  # reads it
        db.session.expire_all()
        stage = db.session.get(Stage, world.stage.id)
        assert stage is not None
        fresh = _fresh(stage)
        assert read == fresh, operation
        assert again == fresh, operation
        stored = db.session.get(ResultsSnapshot, stage.id)
        assert stored is not None and stored.version == stage.results_version
        assert result_document(result_from_document(json.loads(stored.document))) == fresh
