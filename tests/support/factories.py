"""Realistic records for tests, made through the same code paths the app uses."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from flask import Flask

from recruit.adverts.queries import start_advert
from recruit.bank_store import current_bank
from recruit.domain.candidates import next_candidate_codes
from recruit.domain.interview_plan import default_weights
from recruit.extensions import db
from recruit.models import (
    DECIDING_BY_DEFAULT,
    Candidate,
    CandidateReference,
    PanelRole,
    PanelSeat,
    PlanItem,
    Score,
    ScoreSheet,
    SheetStatus,
    Stage,
    StageRole,
    StageType,
    User,
    Vacancy,
    VacancyStatus,
)
from recruit.models._types import utcnow
from recruit.stages.plan import issue_plan


def make_vacancy(
    creator: User | None = None, *, with_advert: bool = False, **overrides: object
) -> Vacancy:
    values: dict[str, object] = {
        "title": "Director of Children's Services",
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
        **overrides,
    }
    vacancy = Vacancy(**values)
    db.session.add(vacancy)
    db.session.flush()
    if with_advert:
        assert creator is not None, "an advert needs the user who started it"
        start_advert(vacancy, current_bank(), "Testshire Council", creator)
    db.session.commit()
    return vacancy


def make_stage(
    vacancy: Vacancy,
    *,
    seats: Sequence[tuple[User, PanelRole]] = (),
    questions: Sequence[str] = (),
    **overrides: object,
) -> Stage:
    values: dict[str, object] = {
        "name": "Final panel",
        "stage_type": StageType.FINAL_PANEL,
        "duration_minutes": 90,
        "position": len(vacancy.stages) + 1,
        "weights": default_weights(
            ["values", "decisions", "practice-culture", "partnerships", "buy-in"]
        ),
        **overrides,
    }
    if "role" not in values:
        # As the stage form does: a final or elected-member panel decides unless another
        # stage already does; every other stage advises.
        decides = values["stage_type"] in DECIDING_BY_DEFAULT and not any(
            stage.role is StageRole.DECIDING for stage in vacancy.stages
        )
        values["role"] = StageRole.DECIDING if decides else StageRole.ADVISORY
    stage = Stage(vacancy_id=vacancy.id, **values)
    for user, role in seats:
        stage.seats.append(PanelSeat(user_id=user.id, panel_role=role))
    for position, question_id in enumerate(questions, start=1):
        stage.items.append(PlanItem(question_id=question_id, minutes=10, position=position))
    db.session.add(stage)
    db.session.commit()
    return stage


def make_issued_stage(
    app: Flask,
    vacancy: Vacancy,
    *,
    seats: Sequence[tuple[User, PanelRole]] = (),
    questions: Sequence[str] = (),
    **overrides: object,
) -> Stage:
    """A stage whose interview plan has been issued, so its panel can score."""
    stage = make_stage(vacancy, seats=seats, questions=questions, **overrides)
    with app.test_request_context():  # issuing is audited, which reads the request
        issue_plan(stage)
    db.session.commit()
    return stage


def make_candidate(
    vacancy: Vacancy, first_name: str = "Amara", last_name: str = "Okafor", **overrides: object
) -> Candidate:
    code = next_candidate_codes([c.code for c in vacancy.candidates], 1)[0]
    values: dict[str, object] = {
        "first_name": first_name,
        "last_name": last_name,
        "email": f"{first_name}.{last_name}.{code}@example.com".lower(),
        "current_role": "Assistant Director",
        "current_employer": "Leeds City Council",
        **overrides,
    }
    candidate = Candidate(vacancy_id=vacancy.id, code=code, **values)
    db.session.add(candidate)
    db.session.commit()
    db.session.refresh(vacancy)
    return candidate


def submit_sheet(
    stage: Stage, member: User, candidate: Candidate, scores: Sequence[int | None]
) -> ScoreSheet:
    """A submitted sheet: one score per plan item in order (None for "No evidence")."""
    seat = next(seat for seat in stage.seats if seat.user_id == member.id)
    sheet = ScoreSheet(
        seat_id=seat.id,
        candidate_id=candidate.id,
        status=SheetStatus.SUBMITTED,
        submitted_at=utcnow(),
    )
    for item, score in zip(stage.items, scores, strict=True):
        sheet.scores.append(
            Score(
                plan_item_id=item.id,
                score=score,
                no_evidence=score is None,
                evidence="" if score is None else f"Evidence for {score} from {member.full_name}",
            )
        )
    db.session.add(sheet)
    db.session.commit()
    return sheet


def complete_references(candidate: Candidate, scrutiniser: User) -> None:
    """Two references received and scrutinised, one from the current employer."""
    for current, name in ((True, "Ruth Adeyemi"), (False, "Sam Patel")):
        db.session.add(
            CandidateReference(
                candidate_id=candidate.id, referee_name=name,
                referee_role_and_organisation="Director, Westshire Council",
                relationship="Line manager", is_current_or_recent_employer=current,
                requested_on=date(2026, 1, 5), received_on=date(2026, 1, 12),
                scrutinised_on=date(2026, 1, 13), scrutinised_by_id=scrutiniser.id,
            )
        )  # fmt: skip
    db.session.commit()
