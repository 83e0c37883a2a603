"""One realistic recruitment campaign, seeded once, so every page has something real to show.

A DCS vacancy with an advert and three candidates; three stages: one still scoring (a
submitted sheet, a finished draft, a declared conflict, an amendment), one in moderation
(every sheet submitted, an agreed score and an outcome recorded) and one whose plan is still
a draft; a second vacancy with no advert yet; a shared leadership profile with 360 feedback,
a colleague's profile asking for feedback, a target profile and a retired question.

``PageWorld.ids`` feeds URL building: a plain key ("stage_id") is the default for every
endpoint, "endpoint.argument" overrides it where a page needs a record in another state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from flask import Flask

from recruit.accounts import invite_panel_member
from recruit.bank_store import from_storable, question_row, save_question
from recruit.extensions import db
from recruit.models import (
    AgreedScore,
    Candidate,
    CandidateDecision,
    CandidateReference,
    CandidateStatus,
    CheckKind,
    CheckStatus,
    ConflictOfInterest,
    CriterionAssessment,
    CriterionOutcome,
    EqualityAnswers,
    FeedbackRequest,
    LeadershipProfile,
    Outcome,
    PanelRole,
    PanelSeat,
    PersonSpecCriterion,
    PlanActivity,
    PlanItem,
    PreEmploymentCheck,
    Role,
    Score,
    ScoreAmendment,
    ScoreSheet,
    ScrutinyKind,
    ScrutinyPoint,
    SheetStatus,
    ShortlistingDecision,
    Stage,
    StageModeration,
    StageType,
    TargetProfile,
    User,
    Vacancy,
    VacancyStatus,
)
from recruit.models._types import utcnow
from recruit.set_password_links import issue_set_password_link, use_set_password_link
from recruit.stages.plan import issue_plan
from tests.support.factories import make_candidate, make_stage, make_vacancy, submit_sheet

ANONYMOUS, ADMIN, HR, REVIEWER, CHAIR = "anonymous", "admin", "hr", "reviewer", "chair"
VISITORS = (ANONYMOUS, ADMIN, HR, REVIEWER, CHAIR)

ONE_PER_ATTRIBUTE = [
    "values-personal-values-01",
    "decisions-own-risk-01",
    "practice-culture-shared-vision-01",
    "partnerships-one-to-one-01",
    "buy-in-cross-party-ownership-01",
]
RETIRED_QUESTION = "buy-in-political-football-01"
RATINGS = {"values": 5, "decisions": 4, "practice-culture": 4, "partnerships": 5, "buy-in": 3}


@dataclass(frozen=True)
class PageWorld:
    emails: dict[str, str]
    ids: dict[str, object]


def seed_world(app: Flask, make_user: Callable[..., User]) -> PageWorld:
    people = {
        ADMIN: make_user(Role.ADMIN, name="Alex Admin"),
        HR: make_user(Role.HR, name="Harriet Okafor"),
        REVIEWER: make_user(Role.REVIEWER, name="Dr Ruth Adeyemi"),
        CHAIR: make_user(Role.PANEL, name="Cllr Sam Patel"),
        "member": make_user(Role.PANEL, name="Priya Shah"),
    }
    make_user(Role.PANEL, name="Jordan Lee")  # not on any panel yet: someone to add
    vacancy = make_vacancy(people[HR], with_advert=True)
    candidates = [
        make_candidate(vacancy, first, last, status=CandidateStatus.SHORTLISTED)
        for first, last in (("Amara", "Okafor"), ("Tom", "Reid"), ("Grace", "Liu"))
    ]
    scoring = _scoring_stage(app, vacancy, people, candidates)
    moderated = _moderated_stage(app, vacancy, people, candidates)
    draft = make_stage(
        vacancy,
        name="Young people's panel",
        stage_type=StageType.YOUNG_PEOPLES_PANEL,
        seats=[(people[CHAIR], PanelRole.CHAIR)],
        questions=ONE_PER_ATTRIBUTE[:2],
    )
    # The draft plan also holds an exercise's line, so its plan page shows one.
    draft.items.append(
        PlanItem(
            exercise_id="presentation-first-hundred-days-values-01",
            exercise_attribute="values",
            minutes=15,
            position=len(draft.items) + 1,
        )
    )
    # And a young people's activity, timed and not scored.
    draft.activities.append(
        PlanActivity(exercise_id="young-people-what-would-you-change-01", minutes=20, position=1)
    )
    no_advert = make_vacancy(title="Head of Service, Fostering", status=VacancyStatus.DRAFT)
    chair_profile, request = _profiles(people, vacancy)
    _retire(RETIRED_QUESTION, people[ADMIN])
    amara, tom, grace = candidates
    _checks(amara, people[HR])
    reference = _references(amara, people[HR])
    point = _shortlisting(vacancy, scoring, amara, tom, people[HR])
    ids: dict[str, object] = {
        "vacancy_id": vacancy.id,
        "stage_id": moderated.id,
        "candidate_id": amara.id,
        "reference_id": reference.id,
        "point_id": point.id,
        "seat_id": moderated.seats[0].id,
        "item_id": scoring.items[0].id,
        "user_id": people["member"].id,
        "profile_id": chair_profile.id,
        "request_id": request.id,
        # The scoring pages need the stage still scoring: Tom's sheet is a finished draft.
        **{f"scoring.{name}.stage_id": scoring.id for name in SCORING_PAGES},
        "scoring.score_sheet.candidate_id": tom.id,
        "shortlisting.change_point.candidate_id": tom.id,
        "scoring.check_scores.candidate_id": tom.id,
        "moderation.close_scoring.stage_id": scoring.id,
        "stages.plan_page.stage_id": draft.id,
        # A seat that has scored is stood down, not removed: removal is for one with no sheet.
        "stages.remove_seat.stage_id": draft.id,
        "stages.remove_seat.seat_id": draft.seats[0].id,
        "stages.find_questions.stage_id": draft.id,
        # A young people's panel: its activities can be added.
        "stages.find_exercises.stage_id": draft.id,
        "questions.reinstate.question_id": RETIRED_QUESTION,
        "retired_question_id": RETIRED_QUESTION,
        "young_people_exercise_id": "young-people-a-day-in-our-shoes-01",
        # For other states of the same pages (see EXTRA_STATES in page_catalogue).
        "scoring_stage_id": scoring.id,
        "draft_stage_id": draft.id,
        "unscored_candidate_id": grace.id,
        "vacancy_without_advert_id": no_advert.id,
    }
    ids |= _invitations(people[HR], draft)
    _equality_answers(candidates)
    emails = {name: str(user.email) for name, user in people.items()}
    db.session.commit()
    return PageWorld(emails=emails, ids=ids)


def _equality_answers(candidates: list[Candidate]) -> None:
    """Answers for two of the three, so the fair-selection report has rows to show (every
    count is small, so hidden) and one candidate counts as not known."""
    for candidate, ethnicity, sex in zip(
        candidates[:2], ("black", "white"), ("female", "male"), strict=True
    ):
        db.session.add(
            EqualityAnswers(
                candidate_id=candidate.id, ethnicity=ethnicity, sex=sex, source="import"
            )
        )


def _invitations(hr: User, stage: Stage) -> dict[str, object]:
    """Panel members HR added without accounts: one whose link the set-password page opens,
    one whose page makes a new link (so the first link is never replaced), one whose link
    was used (the page that refuses it)."""
    waiting, shown, done = (
        invite_panel_member(f"{name.lower().replace(' ', '.')}@council.example", name, None)
        for name in ("Cllr Rhys Morgan", "Dana Whitfield", "Ola Bankole")
    )
    db.session.flush()
    stage.seats.append(PanelSeat(user_id=waiting.id, panel_role=PanelRole.MEMBER))
    _link, token = issue_set_password_link(waiting, hr)
    issue_set_password_link(shown, hr)
    used, used_token = issue_set_password_link(done, hr)
    assert use_set_password_link(used, "a pass phrase that was chosen", utcnow())
    return {"token": token, "used_token": used_token, "people.show.user_id": shown.id}


def _checks(candidate: Candidate, hr: User) -> None:
    """A satisfactory DBS check and a concern, so the checklist shows both kinds of tag."""
    db.session.add_all(
        [
            PreEmploymentCheck(
                candidate_id=candidate.id,
                kind=CheckKind.ENHANCED_DBS,
                status=CheckStatus.SATISFACTORY,
                requested_on=date(2026, 1, 5),
                completed_on=date(2026, 1, 19),
                outcome="Clear",
                verified_by_id=hr.id,
            ),
            PreEmploymentCheck(
                candidate_id=candidate.id,
                kind=CheckKind.OCCUPATIONAL_HEALTH,
                status=CheckStatus.CONCERN,
                completed_on=date(2026, 1, 20),
                outcome="Adjustments to agree",
                verified_by_id=hr.id,
            ),
        ]
    )


def _references(candidate: Candidate, hr: User) -> CandidateReference:
    """A scrutinised reference with a concern resolved and one only requested, so the
    references page shows its kinds of tag; the first, for the page that records one."""
    scrutinised = CandidateReference(
        candidate_id=candidate.id,
        referee_name="Dr Ruth Adeyemi",
        referee_role_and_organisation="Director of Children's Services, Westshire Council",
        relationship="Line manager",
        is_current_or_recent_employer=True,
        requested_on=date(2026, 1, 5),
        received_on=date(2026, 1, 12),
        scrutinised_on=date(2026, 1, 13),
        scrutinised_by_id=hr.id,
        concerns="A gap of six months in 2019",
        concern_resolution="Explained at interview: caring for a parent",
    )
    requested = CandidateReference(
        candidate_id=candidate.id,
        referee_name="Sam Patel",
        referee_role_and_organisation="Chief Executive, Eastshire Council",
        relationship="Previous manager",
        requested_on=date(2026, 1, 5),
    )
    db.session.add_all([scrutinised, requested])
    db.session.flush()
    return scrutinised


def _shortlisting(
    vacancy: Vacancy, scoring: Stage, amara: Candidate, tom: Candidate, hr: User
) -> ScrutinyPoint:
    """Amara shortlisted against an essential criterion; a gap in Tom's history for the
    scoring stage, so his score sheet shows the points to explore. The gap, for its page."""
    criterion = PersonSpecCriterion(
        vacancy_id=vacancy.id, position=1, text="Social Work England registration",
        essential=True, assessed_by=["application", "check"],
    )  # fmt: skip
    db.session.add(criterion)
    db.session.flush()
    decision = ShortlistingDecision(
        candidate_id=amara.id, shortlisted=True, reasons="", decided_by_id=hr.id
    )
    decision.assessments.append(
        CriterionAssessment(
            criterion_id=criterion.id, outcome=CriterionOutcome.MET, evidence="Registered 2009"
        )
    )
    gap = ScrutinyPoint(
        candidate_id=tom.id, stage_id=scoring.id, kind=ScrutinyKind.GAP,
        from_date=date(2019, 3, 1), to_date=date(2019, 9, 30),
        noted="No employment listed between two posts",
        to_explore="Ask what he did from March to September 2019", recorded_by_id=hr.id,
    )  # fmt: skip
    db.session.add_all([decision, gap])
    db.session.flush()
    return gap


SCORING_PAGES = ("score_sheet", "check_scores", "submitted", "amend_score")


def _issued(app: Flask, stage: Stage) -> Stage:
    with app.test_request_context():
        issue_plan(stage)
    db.session.commit()
    return stage


def _scoring_stage(app, vacancy, people, candidates) -> Stage:  # type: ignore[no-untyped-def]
    chair, member = people[CHAIR], people["member"]
    stage = make_stage(
        vacancy,
        name="Stakeholder panel",
        stage_type=StageType.STAKEHOLDER_PANEL,
        seats=[(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER)],
        questions=ONE_PER_ATTRIBUTE[1:3],
    )
    _issued(app, stage)
    amara, tom, grace = candidates
    sheet = submit_sheet(stage, chair, amara, [4, 3])
    _amend(sheet, stage, chair)
    _draft(stage, chair, tom, [3, 4])
    db.session.add(
        ConflictOfInterest(
            user_id=member.id, candidate_id=grace.id, description="We worked together in 2019"
        )
    )
    db.session.commit()
    return stage


def _amend(sheet: ScoreSheet, stage: Stage, chair: User) -> None:
    item = stage.items[1]
    row = sheet.score_for(item.id)
    sheet.amendments.append(
        ScoreAmendment(
            plan_item_id=item.id,
            previous_score=2,
            previous_evidence="Typed against the wrong question",
            new_score=row.score,
            new_evidence=row.evidence,
            reason="I scored the wrong question at first",
            amended_by_id=chair.id,
        )
    )


def _draft(stage: Stage, member: User, candidate: Candidate, scores: list[int]) -> None:
    seat = next(seat for seat in stage.seats if seat.user_id == member.id)
    sheet = ScoreSheet(seat_id=seat.id, candidate_id=candidate.id, status=SheetStatus.DRAFT)
    for item, score in zip(stage.items, scores, strict=True):
        sheet.scores.append(Score(plan_item_id=item.id, score=score, evidence="A draft note"))
    db.session.add(sheet)


def _moderated_stage(app, vacancy, people, candidates) -> Stage:  # type: ignore[no-untyped-def]
    chair, member = people[CHAIR], people["member"]
    stage = make_stage(
        vacancy,
        seats=[
            (chair, PanelRole.CHAIR),
            (member, PanelRole.MEMBER),
            (people[HR], PanelRole.HR_ADVISER),
        ],
        questions=ONE_PER_ATTRIBUTE,
    )
    _issued(app, stage)
    amara, tom, grace = candidates
    for candidate, chairs, members in (
        (amara, [4, 4, 5, 4, 3], [2, 4, 4, 5, 3]),
        (tom, [3, 5, 3, 4, 4], [3, 4, 3, 4, 5]),
        (grace, [1, 2, None, 2, 3], [2, 2, 3, 2, 2]),
    ):
        submit_sheet(stage, chair, candidate, chairs)
        submit_sheet(stage, member, candidate, members)
    db.session.add(StageModeration(stage_id=stage.id, opened_by_id=chair.id))
    db.session.add(
        AgreedScore(
            stage_id=stage.id,
            candidate_id=amara.id,
            attribute="values",
            formula_score=3.0,
            agreed=3.5,
            rationale="Both agreed her example showed more than either scored alone",
            recorded_by_id=chair.id,
        )
    )
    db.session.add(
        CandidateDecision(
            stage_id=stage.id,
            candidate_id=amara.id,
            outcome=Outcome.APPOINTABLE,
            reasons="Strong on values and decisions",
            recorded_by_id=chair.id,
        )
    )
    db.session.commit()
    return stage


def _profiles(people: dict[str, User], vacancy: Vacancy):  # type: ignore[no-untyped-def]
    """The chair's shared profile with 360 feedback; the member asks the chair for theirs."""
    chair_profile = LeadershipProfile(
        owner_id=people[CHAIR].id,
        title="My leadership, 2026",
        role_title="Assistant Director",
        ratings=dict(RATINGS),
        reflections={"values": ["Keeping children safely at home is why I do this."]},
        shared_at=utcnow(),
    )
    chair_profile.feedback_requests.append(
        FeedbackRequest(
            colleague_id=people["member"].id,
            ratings={**RATINGS, "buy-in": 4},
            responded_at=utcnow(),
        )
    )
    chair_profile.feedback_requests.append(FeedbackRequest(colleague_id=people[REVIEWER].id))
    member_profile = LeadershipProfile(
        owner_id=people["member"].id, title="Priya's profile", ratings={"values": 4}
    )
    request = FeedbackRequest(colleague_id=people[CHAIR].id)
    member_profile.feedback_requests.append(request)
    db.session.add_all([chair_profile, member_profile])
    db.session.flush()
    db.session.add(
        TargetProfile(
            vacancy_id=vacancy.id,
            levels={"values": 4, "decisions": 4, "practice-culture": 3},
            reasons={
                "values": "The DCS sets the tone for every practitioner",
                "decisions": "Family Safeguarding needs decisions owned at the top",
                "practice-culture": "The model is embedded: keep it, not rebuild it",
            },
            rationale="Agreed by the appointment panel before the interviews",
            context_profile_id=chair_profile.id,
            set_by_id=people[HR].id,
        )
    )
    db.session.commit()
    return chair_profile, request


def _retire(question_id: str, admin: User) -> None:
    row = question_row(question_id)
    assert row is not None, f"{question_id} is not in the bank"
    content = {**from_storable(row.current.content), "status": "retired"}
    save_question(content, admin, "Replaced by a newer question", row.lock_version)
    db.session.commit()
