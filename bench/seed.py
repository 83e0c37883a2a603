"""Seed the bench database: many vacancies, each with a deciding stage in moderation and an
advisory stage whose scoring is under way, plus dedicated vacancies for the query,
consolidation and export runs.

Rows go in with bulk Core inserts (one commit per vacancy): the ORM one row at a time
would take hours at full scale. Passwords are hashed once and the hash reused, since a
real scrypt hash takes about a tenth of a second.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import current_app
from sqlalchemy import select

from bench.seed_scores import add_draft, insert_returning_ids, moderate, score_stage
from recruit.accounts import hash_password
from recruit.bank_store import load_bank_into_database
from recruit.domain.candidates import anonymised_code
from recruit.domain.interview_plan import default_weights
from recruit.domain.question_bank import load_bank
from recruit.extensions import db
from recruit.models import (
    Candidate,
    CandidateStatus,
    PanelRole,
    PanelSeat,
    PlanItem,
    Question,
    Role,
    Score,
    ScoreSheet,
    Stage,
    StageRole,
    StageType,
    User,
    Vacancy,
    VacancyStatus,
)
from recruit.models._types import utcnow

BENCH_PASSWORD = "bench-password-not-for-real-use"  # noqa: S105
FULL_SCALE_VACANCIES = 200
CANDIDATES_PER_VACANCY = 25
MEMBERS_PER_STAGE = 6
QUESTIONS_PER_ATTRIBUTE = 3  # five attributes: 15 questions per plan
EXPORT_CANDIDATES = 8


@dataclass
class SeededVacancy:
    """One seeded vacancy and the ids the measurements need."""

    id: int
    candidates: int
    moderated_stage_id: int  # the deciding stage, in moderation
    scoring_stage_id: int
    draft_candidate_id: int  # the chair's sheet for them at the scoring stage is a draft
    chair_email: str


@dataclass
class Seeded:
    hr_email: str
    password: str
    load: SeededVacancy
    export: SeededVacancy
    by_size: dict[int, SeededVacancy] = field(default_factory=dict)  # query/consolidation
    rows: dict[str, int] = field(default_factory=dict)


@dataclass
class _Plan:
    question_ids: list[str]
    frozen: dict[str, tuple[int, dict[str, Any]]]  # question id -> (version, content)
    attributes: list[str]


def seed(scale: float, query_sizes: tuple[int, ...], rng_seed: int = 9) -> Seeded:
    """Fill the (empty, migrated) bench database; call inside an app context."""
    rng = random.Random(rng_seed)
    plan = _load_bank()
    password_hash = hash_password(BENCH_PASSWORD)
    hr_email = "bench.hr@bench.local"
    vacancy_count = max(2, round(FULL_SCALE_VACANCIES * scale))
    pool = _add_users(
        [(f"bench.member.{n:03d}@bench.local", Role.PANEL) for n in range(max(12, vacancy_count))]
        + [(hr_email, Role.HR), ("bench.chair@bench.local", Role.PANEL)]
        + [(f"bench.chair.{size}@bench.local", Role.PANEL) for size in query_sizes],
        password_hash,
    )
    chair = pool.pop("bench.chair@bench.local")
    query_chairs = {size: pool.pop(f"bench.chair.{size}@bench.local") for size in query_sizes}
    pool.pop(hr_email)
    members = list(pool.values())
    seeded_vacancies = []
    for number in range(vacancy_count):
        vacancy_chair = chair if number == 0 else members[number % len(members)]
        others = _others(members, vacancy_chair, number)
        seeded_vacancies.append(
            _add_vacancy(
                f"Bench vacancy {number + 1}",
                CANDIDATES_PER_VACANCY,
                vacancy_chair,
                others,
                plan,
                rng,
                number,
            )
        )
    export = _add_vacancy(
        "Bench export vacancy", EXPORT_CANDIDATES, chair, _others(members, chair, 1), plan, rng, 1
    )
    by_size = {
        size: _add_vacancy(
            f"Bench {size} candidates",
            size,
            query_chairs[size],
            _others(members, query_chairs[size], 2),
            plan,
            rng,
            2,
        )
        for size in query_sizes
    }
    return Seeded(
        hr_email=hr_email,
        password=BENCH_PASSWORD,
        load=seeded_vacancies[0],
        export=export,
        by_size=by_size,
        rows=_row_counts(),
    )


def _load_bank() -> _Plan:
    bank = load_bank(Path(current_app.config["QUESTION_BANK_DIR"]))
    load_bank_into_database(bank, "bench")
    db.session.commit()
    frozen = {
        row.id: (row.current_version_number, dict(row.current.content))
        for row in db.session.scalars(select(Question))
    }
    return _Plan(
        question_ids=[q.id for q in bank.questions if q.status == "active"],
        frozen=frozen,
        attributes=[a.key for a in bank.attributes],
    )


def _add_users(accounts: list[tuple[str, Role]], password_hash: str) -> dict[str, int]:
    rows = [
        {"email": email, "full_name": _person_name(n), "role": role, "password_hash": password_hash}
        for n, (email, role) in enumerate(accounts)
    ]
    ids = insert_returning_ids(User, rows)
    db.session.commit()
    return {email: user_id for (email, _), user_id in zip(accounts, ids, strict=True)}


def _others(members: list[int], chair: int, offset: int) -> list[int]:
    """Five other panel members, rotating through the pool so the load spreads."""
    choices = [m for m in members if m != chair]
    start = (offset * (MEMBERS_PER_STAGE - 1)) % len(choices)
    return [choices[(start + i) % len(choices)] for i in range(MEMBERS_PER_STAGE - 1)]


def _add_vacancy(
    title: str,
    candidate_count: int,
    chair: int,
    others: list[int],
    plan: _Plan,
    rng: random.Random,
    number: int,
) -> SeededVacancy:
    vacancy_id = insert_returning_ids(Vacancy, [_vacancy_row(title)])[0]
    candidate_ids = insert_returning_ids(
        Candidate, [_candidate_row(vacancy_id, n) for n in range(1, candidate_count + 1)]
    )
    seats = [(chair, PanelRole.CHAIR)] + [(m, PanelRole.MEMBER) for m in others]
    questions = _questions_for(plan, number)
    # Both are final panels, and the app makes the first of those the deciding one.
    moderated = _add_stage(
        vacancy_id, 1, "Stakeholder panel", seats, questions, plan, StageRole.DECIDING
    )
    scoring = _add_stage(vacancy_id, 2, "Final panel", seats, questions, plan, StageRole.ADVISORY)
    score_stage(moderated, candidate_ids, rng)
    half = candidate_count // 2
    score_stage(scoring, candidate_ids[:half], rng)
    add_draft(scoring, candidate_ids[half], rng)
    moderate(moderated, candidate_ids, chair)
    db.session.commit()
    return SeededVacancy(
        id=vacancy_id,
        candidates=candidate_count,
        moderated_stage_id=moderated.id,
        scoring_stage_id=scoring.id,
        draft_candidate_id=candidate_ids[half],
        chair_email=db.session.get(User, chair).email,
    )


def _vacancy_row(title: str) -> dict[str, Any]:
    from datetime import date, timedelta

    return {
        "title": title,
        "role_level": "dcs",
        "service_area": "Children and Families",
        "innovation": "family_safeguarding",
        "salary_range": "£150,000 to £165,000",
        "contract": "permanent",
        "location": "County Hall",
        "closing_date": date.today() + timedelta(days=30),
        "interview_dates": "14 and 15 April",
        "hiring_manager": "Chief Executive",
        "status": VacancyStatus.OPEN,
    }


def _candidate_row(vacancy_id: int, n: int) -> dict[str, Any]:
    first, last = _person_name(n).split(" ", 1)
    return {
        "vacancy_id": vacancy_id,
        "code": anonymised_code(n),
        "first_name": first,
        "last_name": last,
        "email": f"candidate.{n}@example.com",
        "current_role": "Assistant Director",
        "current_employer": "Leeds City Council",
        "status": CandidateStatus.SHORTLISTED,
    }


@dataclass
class _StageRows:
    id: int
    seat_ids: list[int]
    items: list[tuple[int, str]]  # (plan item id, attribute)


def _questions_for(plan: _Plan, number: int) -> list[str]:
    chosen = []
    for attribute in plan.attributes:
        ids = [q for q in plan.question_ids if plan.frozen[q][1].get("attribute") == attribute]
        chosen += [ids[(number + i) % len(ids)] for i in range(QUESTIONS_PER_ATTRIBUTE)]
    return list(dict.fromkeys(chosen))


def _add_stage(
    vacancy_id: int,
    position: int,
    name: str,
    seats: list[tuple[int, PanelRole]],
    questions: list[str],
    plan: _Plan,
    role: StageRole,
) -> _StageRows:
    stage_id = insert_returning_ids(
        Stage,
        [
            {
                "vacancy_id": vacancy_id,
                "name": name,
                "stage_type": StageType.FINAL_PANEL,
                "role": role,
                "duration_minutes": 90,
                "position": position,
                "weights": default_weights(plan.attributes),
                "plan_issued_at": utcnow(),
            }
        ],
    )[0]
    seat_ids = insert_returning_ids(
        PanelSeat,
        [{"stage_id": stage_id, "user_id": user_id, "panel_role": role} for user_id, role in seats],
    )
    item_ids = insert_returning_ids(
        PlanItem,
        [
            {
                "stage_id": stage_id,
                "position": n,
                "question_id": q,
                "minutes": 5,
                "question_version_number": plan.frozen[q][0],
                "frozen_content": plan.frozen[q][1],
            }
            for n, q in enumerate(questions, start=1)
        ],
    )
    attributes = [plan.frozen[q][1]["attribute"] for q in questions]
    return _StageRows(stage_id, seat_ids, list(zip(item_ids, attributes, strict=True)))


FIRST = ("Amara", "Tom", "Sunita", "Gareth", "Claire", "Daniel", "Priya", "Mark", "Joan", "Ruth")
LAST = ("Okafor", "Reid", "Bhatt", "Lloyd", "Mensah", "Hughes", "Shah", "Evans", "Patel", "Lee")


def _person_name(n: int) -> str:
    return f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]}"


def _row_counts() -> dict[str, int]:
    from sqlalchemy import func

    models = {
        "vacancies": Vacancy,
        "candidates": Candidate,
        "stages": Stage,
        "panel_seats": PanelSeat,
        "plan_items": PlanItem,
        "score_sheets": ScoreSheet,
        "scores": Score,
        "users": User,
    }
    return {
        name: db.session.scalar(select(func.count()).select_from(model)) or 0
        for name, model in models.items()
    }
