"""Score sheets for the bench's stages: submitted sheets, the chair's draft, and moderation
(agreed scores and outcomes for the first half of the candidates)."""

from __future__ import annotations

import random
from typing import Any, Protocol

from sqlalchemy import insert

from recruit.extensions import db
from recruit.models import (
    AgreedScore,
    CandidateDecision,
    Outcome,
    Score,
    ScoreSheet,
    SheetStatus,
    StageModeration,
)
from recruit.models._types import utcnow

CHUNK = 20_000
EVIDENCE = (
    "Described a specific decision about a child's placement, who was involved, the risk "
    "held and how the outcome was reviewed with the family afterwards.",
    "Spoke in general terms about partnership working; the example lacked what changed for "
    "children and how they knew.",
    "Gave a clear account of bringing police and health into group supervision, with the "
    "measures the team used to see the change in practice.",
    "Could not say what they would do differently; the family's view was missing from the "
    "account and the example was mostly about process.",
)


class StageRows(Protocol):
    id: int
    seat_ids: list[int]
    items: list[tuple[int, str]]


def score_stage(stage: StageRows, scored_ids: list[int], rng: random.Random) -> None:
    """Every seat submits a sheet for each of ``scored_ids``."""
    per_candidate = len(stage.seat_ids) * len(stage.items)
    size = max(1, CHUNK // per_candidate)
    for start in range(0, len(scored_ids), size):
        chunk = scored_ids[start : start + size]
        pairs = [(seat, candidate) for candidate in chunk for seat in stage.seat_ids]
        sheet_ids = insert_returning_ids(
            ScoreSheet,
            [
                {
                    "seat_id": seat,
                    "candidate_id": candidate,
                    "status": SheetStatus.SUBMITTED,
                    "submitted_at": utcnow(),
                }
                for seat, candidate in pairs
            ],
        )
        profiles = {c: {a: rng.randint(2, 5) for _, a in stage.items} for c in chunk}
        rows = [
            _score_row(sheet_id, item_id, profiles[candidate][attribute], rng)
            for sheet_id, (_, candidate) in zip(sheet_ids, pairs, strict=True)
            for item_id, attribute in stage.items
        ]
        db.session.execute(insert(Score), rows)


def add_draft(stage: StageRows, candidate_id: int, rng: random.Random) -> None:
    """The chair's sheet for one candidate: saved as a draft, every question scored."""
    sheet_id = insert_returning_ids(
        ScoreSheet,
        [{"seat_id": stage.seat_ids[0], "candidate_id": candidate_id, "status": SheetStatus.DRAFT}],
    )[0]
    db.session.execute(
        insert(Score), [_score_row(sheet_id, item_id, 3, rng) for item_id, _ in stage.items]
    )


def _score_row(sheet_id: int, item_id: int, typical: int, rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.03:
        return {
            "sheet_id": sheet_id,
            "plan_item_id": item_id,
            "score": None,
            "no_evidence": True,
            "evidence": "",
        }
    score = min(5, max(1, typical + rng.choice((-1, 0, 0, 0, 1))))
    return {
        "sheet_id": sheet_id,
        "plan_item_id": item_id,
        "score": score,
        "no_evidence": False,
        "evidence": rng.choice(EVIDENCE),
    }


def moderate(stage: StageRows, candidate_ids: list[int], chair: int) -> None:
    """Moderation open; the panel has agreed a score and an outcome for the first half."""
    db.session.execute(insert(StageModeration), [{"stage_id": stage.id, "opened_by_id": chair}])
    decided = candidate_ids[: max(1, len(candidate_ids) // 2)]
    outcomes = (Outcome.APPOINTABLE, Outcome.RESERVE, Outcome.NOT_APPOINTABLE)
    db.session.execute(
        insert(CandidateDecision),
        [
            {
                "stage_id": stage.id,
                "candidate_id": c,
                "outcome": outcomes[n % 3],
                "reasons": "Agreed at moderation after discussing the evidence.",
                "recorded_by_id": chair,
            }
            for n, c in enumerate(decided)
        ],
    )
    db.session.execute(
        insert(AgreedScore),
        [
            {
                "stage_id": stage.id,
                "candidate_id": c,
                "attribute": "decisions",
                "formula_score": 3.0,
                "agreed": 3.5,
                "recorded_by_id": chair,
                "rationale": "The panel agreed the safety-plan example showed more ownership.",
            }
            for c in decided[::3]
        ],
    )


def insert_returning_ids(model: type, rows: list[dict[str, Any]]) -> list[int]:
    if not rows:
        return []
    statement = insert(model).returning(model.id, sort_by_parameter_order=True)  # type: ignore[attr-defined]
    return [row[0] for row in db.session.execute(statement, rows)]
