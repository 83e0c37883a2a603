"""The demo campaign's selection: three stages with panels and issued plans, six candidates.

The elected members' appointment panel decides, as the standing orders for a chief officer
appointment require; the young people's and stakeholder panels advise it. Officers advise
but do not decide, so the deciding panel's scoring seats are all councillors, with the
Chief Executive and HR beside them as advisers.
"""

from __future__ import annotations

from dataclasses import dataclass

from recruit.accounts import find_user_by_email
from recruit.domain.interview_plan import default_weights
from recruit.domain.question_bank import Question, QuestionBank
from recruit.exercise_store import exercise_or_none
from recruit.extensions import db
from recruit.models import (
    Candidate,
    CandidateStatus,
    PanelRole,
    PanelSeat,
    Stage,
    StageRole,
    StageType,
    Vacancy,
)
from recruit.stages.plan import add_activity, add_exercise, add_question, issue_plan


@dataclass(frozen=True)
class DemoStage:
    name: str
    stage_type: StageType
    role: StageRole
    minutes: int
    attributes: tuple[str, ...]
    panel: tuple[tuple[str, PanelRole], ...]
    # Whether its values question is a safeguarding one: safer recruitment asks that some
    # stage tests motivation, attitudes, boundaries and whistleblowing.
    safeguarding: bool = False
    # Exercises in the plan after the questions, by id: each is scored per attribute.
    exercises: tuple[str, ...] = ()
    # Young people's activities, by id: timed and printed, not scored (a traffic light).
    activities: tuple[str, ...] = ()


DEMO_STAGES = (
    DemoStage(
        "Young people's panel",
        StageType.YOUNG_PEOPLES_PANEL,
        StageRole.ADVISORY,
        # Two questions in the young people's words, then a conversation about workers who
        # help the whole family, which candidates read about in advance.
        45,
        ("values", "decisions"),
        (
            ("panel@demo.recruit.local", PanelRole.CHAIR),
            ("youngpeople@demo.recruit.local", PanelRole.YOUNG_PEOPLES_PANEL),
        ),
        activities=("young-people-family-safeguarding-workers-who-help-01",),
    ),
    DemoStage(
        "Stakeholder panel",
        StageType.STAKEHOLDER_PANEL,
        StageRole.ADVISORY,
        45,
        ("values", "partnerships", "practice-culture"),
        (
            ("panel@demo.recruit.local", PanelRole.CHAIR),
            ("partner@demo.recruit.local", PanelRole.PARTNER_REPRESENTATIVE),
            ("hr@demo.recruit.local", PanelRole.HR_ADVISER),
        ),
        safeguarding=True,
    ),
    DemoStage(
        "Appointment panel",
        StageType.ELECTED_MEMBER_PANEL,
        StageRole.DECIDING,
        # Five questions, then the presentation candidates prepared from the brief sent
        # a week before.
        105,
        ("values", "decisions", "practice-culture", "partnerships", "buy-in"),
        (
            # The cabinet member for children chairs, as the constitution asks for a member
            # of the executive; an opposition councillor gives the panel political balance.
            ("chair@demo.recruit.local", PanelRole.CHAIR),
            ("member@demo.recruit.local", PanelRole.ELECTED_MEMBER),
            ("councillor@demo.recruit.local", PanelRole.ELECTED_MEMBER),
            # Officers advise the members and do not score: the Chief Executive and HR.
            ("chiefexec@demo.recruit.local", PanelRole.ADVISER),
            ("hr@demo.recruit.local", PanelRole.HR_ADVISER),
        ),
        exercises=("presentation-first-hundred-days-values-01",),
    ),
)

# The councillors among the demo's panel members; the cabinet member for children sits on
# the executive, as the appointing panel for a chief officer needs.
DEMO_COUNCILLORS = frozenset(
    {"chair@demo.recruit.local", "member@demo.recruit.local", "councillor@demo.recruit.local"}
)
DEMO_EXECUTIVE_MEMBERS = frozenset({"chair@demo.recruit.local"})

DEMO_CANDIDATES = (
    ("Amara", "Okafor", "Assistant Director, Children's Social Care", "Leeds City Council"),
    ("Tom", "Reid", "Director of Children's Services (interim)", "Westhampton Borough Council"),
    ("Sunita", "Bhatt", "Assistant Director, Safeguarding", "Hertfordshire County Council"),
    ("Gareth", "Lloyd", "Head of Service, Family Safeguarding", "Northshire County Council"),
    ("Claire", "Mensah", "Assistant Director, Early Help", "North Yorkshire Council"),
    ("Daniel", "Hughes", "Deputy Director, Children and Families", "Eastmoor City Council"),
)


def ensure_demo_interviews(vacancy: Vacancy, bank: QuestionBank) -> None:
    if not vacancy.candidates:
        _add_candidates(vacancy)
    if not vacancy.stages:
        used: set[str] = set()
        for position, demo in enumerate(DEMO_STAGES, start=1):
            _add_stage(vacancy, bank, demo, position, used)


def _add_candidates(vacancy: Vacancy) -> None:
    for number, (first, last, role, employer) in enumerate(DEMO_CANDIDATES, start=1):
        vacancy.candidates.append(
            Candidate(
                code=f"C-{number:02d}",
                first_name=first,
                last_name=last,
                email=f"{first}.{last}@example.com".lower(),
                current_role=role,
                current_employer=employer,
                status=CandidateStatus.SHORTLISTED,
            )
        )


def _add_stage(
    vacancy: Vacancy, bank: QuestionBank, demo: DemoStage, position: int, used: set[str]
) -> None:
    stage = Stage(
        name=demo.name,
        stage_type=demo.stage_type,
        role=demo.role,
        duration_minutes=demo.minutes,
        position=position,
        weights=_weights(bank, demo.attributes),
    )
    vacancy.stages.append(stage)
    for email, role in demo.panel:
        user = find_user_by_email(email)
        if user is not None:
            stage.seats.append(
                PanelSeat(
                    user_id=user.id,
                    panel_role=role,
                    is_councillor=email in DEMO_COUNCILLORS,
                    is_executive_member=email in DEMO_EXECUTIVE_MEMBERS,
                )
            )
    for attribute in demo.attributes:
        question = _first_suitable(
            bank,
            vacancy,
            attribute,
            used,
            young_people=demo.stage_type is StageType.YOUNG_PEOPLES_PANEL,
            safeguarding=demo.safeguarding and attribute == "values",
        )
        used.add(question.id)
        add_question(stage, question.id)
    for exercise_id in demo.exercises:
        exercise = exercise_or_none(exercise_id)
        if exercise is not None:  # a bank loaded without exercises plans questions only
            add_exercise(stage, exercise)
    for activity_id in demo.activities:
        activity = exercise_or_none(activity_id)
        if activity is not None:
            add_activity(stage, activity)
    db.session.flush()
    issue_plan(stage)


def _weights(bank: QuestionBank, attributes: tuple[str, ...]) -> dict[str, float]:
    """The default weights over the attributes the stage asks about, 0 for the others: a
    weight with no question would leave the stage's total without that score."""
    asked = default_weights(attributes)
    return {attribute.key: asked.get(attribute.key, 0.0) for attribute in bank.attributes}


def _first_suitable(
    bank: QuestionBank,
    vacancy: Vacancy,
    attribute: str,
    used: set[str],
    *,
    young_people: bool,
    safeguarding: bool = False,
) -> Question:
    candidates = [
        q
        for q in bank.questions_for(
            attribute=attribute, role_level=vacancy.role_level, innovation=vacancy.innovation
        )
        if q.id not in used
        and (q.young_people_variant or not young_people)
        and q.is_safeguarding is safeguarding
    ]
    return candidates[0]
