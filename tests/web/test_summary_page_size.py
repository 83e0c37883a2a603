"""The summary's pages and the shortlist comparison stay small at the bench's shape: 25
shortlisted candidates, two moderated stages of six members, 15 questions, a written note
on every score. Each page holds what its reader reads and links to the rest; the size is
asserted, never the speed."""

from __future__ import annotations

import random

import pytest
from flask import Flask

from bench.seed_scores import EVIDENCE
from recruit.bank_store import current_bank
from recruit.extensions import db
from recruit.models import (
    AgreedScore,
    CandidateDecision,
    CandidateStatus,
    Outcome,
    PanelRole,
    Role,
    Score,
    ScoreSheet,
    SheetStatus,
    Stage,
    StageModeration,
    StageRole,
    StageType,
    User,
)
from recruit.models._types import utcnow
from tests.support.factories import make_candidate, make_issued_stage, make_vacancy

CANDIDATES = 25
MEMBERS = 6
QUESTIONS_PER_ATTRIBUTE = 3
PAGE_LIMIT = 100_000
# The bench's own notes, so the pages carry the text the bench measures them with.
NOTES = EVIDENCE


def _questions() -> list[str]:
    bank = current_bank()
    chosen = []
    for attribute in bank.attributes:
        ids = [
            q.id for q in bank.questions if q.status == "active" and q.attribute == attribute.key
        ]
        chosen += ids[:QUESTIONS_PER_ATTRIBUTE]
    return chosen


def _score_and_moderate(stage: Stage, candidates: list, chair: User, rng: random.Random) -> None:  # type: ignore[type-arg]
    for candidate in candidates:
        typical = rng.randint(2, 5)
        for seat in stage.seats:
            sheet = ScoreSheet(
                seat_id=seat.id,
                candidate_id=candidate.id,
                status=SheetStatus.SUBMITTED,
                submitted_at=utcnow(),
            )
            for item in stage.items:
                blank = rng.random() < 0.03
                sheet.scores.append(
                    Score(
                        plan_item_id=item.id,
                        score=None if blank else min(5, max(1, typical + rng.choice((-1, 0, 1)))),
                        no_evidence=blank,
                        evidence="" if blank else rng.choice(NOTES),
                    )
                )
            db.session.add(sheet)
    db.session.add(StageModeration(stage_id=stage.id, opened_by_id=chair.id))
    outcomes = (Outcome.APPOINTABLE, Outcome.RESERVE, Outcome.NOT_APPOINTABLE)
    for n, candidate in enumerate(candidates[: CANDIDATES // 2]):
        db.session.add(
            CandidateDecision(
                stage_id=stage.id,
                candidate_id=candidate.id,
                outcome=outcomes[n % 3],
                reasons="Agreed at moderation after discussing the evidence.",
                recorded_by_id=chair.id,
            )
        )
        if n % 3 == 0:
            db.session.add(
                AgreedScore(
                    stage_id=stage.id,
                    candidate_id=candidate.id,
                    attribute="decisions",
                    formula_score=3.0,
                    agreed=3.5,
                    recorded_by_id=chair.id,
                    rationale="The panel agreed the safety-plan example showed more ownership.",
                )
            )
    db.session.commit()


@pytest.fixture
def bench_shape(app: Flask, bank, make_user):  # type: ignore[no-untyped-def]
    vacancy = make_vacancy(make_user(Role.HR))
    candidates = [
        make_candidate(vacancy, f"Candidate{n}", f"Surname{n}", status=CandidateStatus.SHORTLISTED)
        for n in range(1, CANDIDATES + 1)
    ]
    members = [make_user(Role.PANEL, name=f"Member {n}") for n in range(MEMBERS)]
    seats = [(members[0], PanelRole.CHAIR)] + [(m, PanelRole.MEMBER) for m in members[1:]]
    rng = random.Random(27)
    stages = []
    for name, role in (
        ("Stakeholder panel", StageRole.ADVISORY),
        ("Final panel", StageRole.DECIDING),
    ):
        stage = make_issued_stage(
            app,
            vacancy,
            name=name,
            stage_type=StageType.FINAL_PANEL,
            role=role,
            seats=seats,
            questions=_questions(),
        )
        _score_and_moderate(stage, candidates, members[0], rng)
        stages.append(stage)
    return vacancy, stages, candidates


def _page(client, url: str) -> str:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200, url
    assert len(response.data) < PAGE_LIMIT, f"{url}: {len(response.data):,} bytes"
    return response.get_data(as_text=True)


def test_summary_pages_stay_under_the_limit_and_name_everyone(bench_shape, signed_in):  # type: ignore[no-untyped-def]
    vacancy, stages, candidates = bench_shape
    client, _hr = signed_in(Role.HR)
    landing = _page(client, f"/vacancies/{vacancy.id}/summary")
    assert "The decision" in landing
    for stage in stages:
        page = _page(client, f"/vacancies/{vacancy.id}/summary/stages/{stage.id}")
        assert "How far the panel agreed" in page
        for candidate in candidates:
            label = f"{candidate.full_name} ({candidate.code})"
            assert label in landing and label in page
            assert f"/summary/stages/{stage.id}/candidates/{candidate.id}" in page


def test_a_candidates_details_hold_their_evidence(bench_shape, signed_in):  # type: ignore[no-untyped-def]
    vacancy, stages, candidates = bench_shape
    client, _hr = signed_in(Role.HR)
    url = f"/vacancies/{vacancy.id}/summary/stages/{stages[1].id}/candidates/{candidates[0].id}"
    page = _page(client, url)
    assert "Strongest evidence" in page and "Moderation record" in page
    assert any(note in page.replace("&#39;", "'") for note in NOTES)
    assert "The panel agreed the safety-plan example" in page  # the first candidate's agreed score


def test_the_comparison_stays_under_the_limit(bench_shape, signed_in):  # type: ignore[no-untyped-def]
    vacancy, _stages, candidates = bench_shape
    client, _hr = signed_in(Role.HR)
    page = _page(client, f"/vacancies/{vacancy.id}/comparison")
    for candidate in candidates:
        assert f"{candidate.full_name} ({candidate.code})" in page
        assert f"/comparison/candidates/{candidate.id}" in page
