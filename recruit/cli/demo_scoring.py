"""The demo campaign's advisory scores: two advisory stages fully scored, one moderated.

The young people's panel is scored and moderated, with its report on each candidate for the
appointment panel in the young people's own words; the stakeholder panel is scored and in
moderation, its reports on the final shortlist recorded and its outcomes still to come, with
a panel disagreement (Tom Reid on partnerships) and a values-floor case (Daniel Hughes).
The appointment panel, which decides, is scored in ``demo_decision`` with the helpers here.
Scores come from a fixed profile per candidate, so the demo reads the same every time.
"""

from __future__ import annotations

from datetime import datetime

from recruit.cli.demo_timeline import DemoTimeline, later, uk_time
from recruit.domain.timetable.slots import slot_length
from recruit.extensions import db
from recruit.models import (
    AdvisoryReport,
    AdvisoryReportAgreement,
    AgreedScore,
    Candidate,
    CandidateDecision,
    Outcome,
    PanelRole,
    PanelSeat,
    PlanItem,
    Score,
    ScoreSheet,
    SheetStatus,
    Stage,
    StageModeration,
    TrafficLight,
    User,
    Vacancy,
)
from recruit.results.sheets import scoring_seats
from recruit.stages.packs import timetabled_sessions

# Each candidate's typical score per attribute, by candidate code.
PROFILES: dict[str, dict[str, int]] = {
    "C-01": {"values": 5, "decisions": 4, "partnerships": 4, "practice-culture": 5, "buy-in": 4},
    "C-02": {"values": 4, "decisions": 4, "partnerships": 3, "practice-culture": 3, "buy-in": 4},
    "C-03": {"values": 4, "decisions": 3, "partnerships": 4, "practice-culture": 4, "buy-in": 3},
    "C-04": {"values": 3, "decisions": 3, "partnerships": 3, "practice-culture": 4, "buy-in": 3},
    "C-05": {"values": 4, "decisions": 4, "partnerships": 5, "practice-culture": 4, "buy-in": 4},
    "C-06": {"values": 2, "decisions": 4, "partnerships": 3, "practice-culture": 3, "buy-in": 3},
}
# (stage name, member email, candidate code, attribute) -> the score that member gave, where
# it differs from the profile: the disagreement and the values-floor case.
DEPARTURES: dict[tuple[str, str, str, str], int | None] = {
    ("Stakeholder panel", "panel@demo.recruit.local", "C-02", "partnerships"): 2,
    ("Stakeholder panel", "partner@demo.recruit.local", "C-02", "partnerships"): 4,
    ("Stakeholder panel", "partner@demo.recruit.local", "C-06", "values"): 1,
    ("Young people's panel", "youngpeople@demo.recruit.local", "C-04", "decisions"): None,
}
# Each attribute's notes for a low, a middling and a high score, in two members' words, so
# members who gave the same score still wrote their own notes.
Notes = tuple[str, str]
EVIDENCE: dict[str, tuple[Notes, Notes, Notes]] = {
    "values": (
        (
            "Could not say what they would do differently; the family's view was missing.",
            "Talked about the service's targets; no sense of the child or family in the answer.",
        ),
        (
            "Spoke warmly about children's voices, but the example was mostly about process.",
            "Said the right things about listening to children; the example stayed at the level "
            "of policy.",
        ),
        (
            "Described challenging a placement decision because the child had not been heard, "
            "and what changed for the child afterwards.",
            "Told us how they stopped a move the child had not been asked about, and how the "
            "child's view now shapes every review.",
        ),
    ),
    "decisions": (
        (
            "Deferred the decision upwards and did not own the risk.",
            "Waited for a strategy meeting to decide for them; unclear who held the risk.",
        ),
        (
            "Made the call with the team, but was vague about how risk was reviewed after.",
            "A reasonable decision, shared with the family, but no plan for checking it was "
            "still right.",
        ),
        (
            "Held the risk of keeping a family together, set out the safety plan and the "
            "review points, and said how they would know it was working.",
            "Kept the children at home with a clear safety plan, named the review dates and "
            "what would change their mind.",
        ),
    ),
    "partnerships": (
        (
            "Spoke of partners as a source of referrals only.",
            "Blamed health and the police for delays; no example of working through it together.",
        ),
        (
            "Good working relationship with health, but little shared ownership of outcomes.",
            "Set up a joint panel with schools, though the outcomes stayed the council's alone.",
        ),
        (
            "Brought police and adult mental health into the same supervision and shared the "
            "budget risk with them.",
            "Placed adult mental health workers in the teams and agreed shared outcome measures "
            "with the police.",
        ),
    ),
    "practice-culture": (
        (
            "Relied on audits and compliance targets to change practice.",
            "Described practice change as new forms and tighter deadlines.",
        ),
        (
            "Introduced group supervision, but could not show how practice changed.",
            "Started practice weeks; spoke of better morale but no change in what families "
            "experienced.",
        ),
        (
            "Modelled motivational interviewing in group case supervision and measured the "
            "change in family engagement.",
            "Sat in on group supervision themselves and showed how it cut repeat referrals.",
        ),
    ),
    "buy-in": (
        (
            "Presented the change as done to staff rather than with them.",
            "Saw members as a hurdle to get past, not people to bring along.",
        ),
        (
            "Briefed members and staff, but one-way and late.",
            "Kept the lead member informed, though other parties heard late.",
        ),
        (
            "Brought elected members to see practice and built cross-party support before "
            "the budget round.",
            "Took the scrutiny committee to meet families and won cross-party backing for the "
            "invest-to-save case.",
        ),
    ),
}
# The young people's panel agreed one score and recorded an outcome for everyone.
YOUNG_PEOPLES_OUTCOMES: dict[str, tuple[Outcome, str]] = {
    "C-01": (Outcome.APPOINTABLE, "Strong on listening to children and owning decisions."),
    "C-02": (Outcome.APPOINTABLE, "Clear and honest with the young people."),
    "C-03": (Outcome.APPOINTABLE, "Thoughtful answers; a little guarded on decisions."),
    "C-04": (Outcome.RESERVE, "Sound, but the panel heard little evidence on decisions."),
    "C-05": (Outcome.APPOINTABLE, "Engaged the young people best of all candidates."),
    "C-06": (Outcome.NOT_APPOINTABLE, "The young people did not feel listened to."),
}

# The young people's report on each candidate for the appointment panel, in their own words:
# (strengths, concerns, overall view).
YOUNG_PEOPLES_REPORTS: dict[str, tuple[str, str, TrafficLight]] = {
    "C-01": (
        "She really listened to us and asked what we thought before she answered. She told us "
        "about a time she changed a decision because a young person said it was wrong.",
        "Nothing big. She used a few long words we had to ask about.",
        TrafficLight.GREEN,
    ),
    "C-02": (
        "He was honest when he didn't know something and said he'd find out. He talked to us "
        "like adults, not like we were a box to tick.",
        "He didn't say much about care leavers, and that matters to a lot of us.",
        TrafficLight.GREEN,
    ),
    "C-03": (
        "Kind and calm. Her answer about keeping brothers and sisters together was the best "
        "one we heard all day.",
        "When we asked about a hard decision she'd got wrong, she went quiet and changed the "
        "subject. We'd want to know she owns her mistakes.",
        TrafficLight.AMBER,
    ),
    "C-04": (
        "Friendly, and he knew a lot about how the council works.",
        "We didn't hear a real example of him making a tough call himself. It was mostly "
        "\u2018we\u2019 and \u2018the team\u2019.",
        TrafficLight.AMBER,
    ),
    "C-05": (
        "The best of the day. She remembered our names, answered every question straight and "
        "asked how she could keep hearing from us if she got the job.",
        "None really.",
        TrafficLight.GREEN,
    ),
    "C-06": (
        "He knew his facts and was very organised.",
        "He talked over two of us and looked at the adults on the side when we asked "
        "questions. We didn't feel listened to, and young people in care need someone who "
        "listens.",
        TrafficLight.RED,
    ),
}


# The stakeholder panel's reports, recorded so far for the final shortlist while its
# moderation goes on: partners' view for the appointment panel.
STAKEHOLDER_REPORTS: dict[str, tuple[str, str, TrafficLight]] = {
    "C-01": (
        "Partners recognised her from the Leeds partnership board: she shares the credit and "
        "the risk. Her plan for the first hundred days started with health and the police, "
        "not with a restructure.",
        "She said little about schools; the head teacher on the panel wanted more on exclusions.",
        TrafficLight.GREEN,
    ),
    "C-02": (
        "A clear grip on risk and on the inspection framework; the police partner valued how "
        "plainly he set out escalation routes.",
        "Partnership for him meant escalating to other chiefs rather than owning outcomes "
        "together; the panel disagreed most on this, and the health partner was not won over.",
        TrafficLight.AMBER,
    ),
    "C-05": (
        "The strongest on working with the voluntary sector; she named the small charities "
        "families trust and how she would fund them to stay.",
        "Less experience of a statutory inspection at director level.",
        TrafficLight.GREEN,
    ),
}


def ensure_demo_scores(vacancy: Vacancy, timeline: DemoTimeline) -> None:
    """Each advisory panel on its day of ``timeline``: sheets submitted after each interview,
    moderation opened once the last is in, then agreed scores, outcomes and reports."""
    stages = {stage.name: stage for stage in vacancy.stages}
    for name in ("Young people's panel", "Stakeholder panel"):
        stage = stages.get(name)
        if stage is not None and not has_sheets(stage):
            _score_stage(vacancy, stage, timeline)
            db.session.add(
                StageModeration(stage_id=stage.id, opened_at=moderation_opens(stage, timeline))
            )
    young_people = stages.get("Young people's panel")
    if young_people is not None and not outcomes_recorded(young_people):
        _moderate_young_peoples_panel(vacancy, young_people, timeline)
    # Checked on its own, so a demo moderated before reports existed gets them too.
    if young_people is not None and not reports_recorded(young_people):
        _record_reports(vacancy, young_people, YOUNG_PEOPLES_REPORTS, timeline)
    stakeholders = stages.get("Stakeholder panel")
    if stakeholders is not None and not reports_recorded(stakeholders):
        _record_reports(vacancy, stakeholders, STAKEHOLDER_REPORTS, timeline)


def interview_ends(
    stage: Stage, slot: int, timeline: DemoTimeline, candidate: Candidate | None = None
) -> datetime:
    """When the candidate's interview at the stage ends: as the vacancy's timetable times it
    where the stage is timed (the assessment day's carousel), else the ``slot``-th interview
    of the stage's day (0: the first)."""
    session = timetabled_sessions(stage).get(candidate.id) if candidate else None
    if session is not None and session.end is not None and stage.held_on is not None:
        return uk_time(stage.held_on, *divmod(session.end, 60))
    minutes = stage.duration_minutes or 0
    return later(timeline.interview_starts(stage.name, slot, minutes), minutes)


def moderation_opens(
    stage: Stage, timeline: DemoTimeline, interviews: int | None = None
) -> datetime:
    """After the day's last interview and the time to score it: every sheet is in."""
    sessions = timetabled_sessions(stage)
    if sessions and stage.held_on is not None:
        last_start = max(session.start or 0 for session in sessions.values())
        slot = slot_length(stage.duration_minutes, stage.slot_minutes) or 0
        return uk_time(stage.held_on, *divmod(last_start + slot, 60))
    count = len(stage.vacancy.candidates) if interviews is None else interviews
    return timeline.day_ends(stage.name, count, stage.duration_minutes or 0)


def has_sheets(stage: Stage) -> bool:
    """True once the demo has scored the stage: the check that keeps a second run from
    scoring it again."""
    return any(
        db.session.query(ScoreSheet).filter(ScoreSheet.seat_id == seat.id).count()
        for seat in stage.seats
    )


def outcomes_recorded(stage: Stage) -> bool:
    """True once the stage's moderation has recorded any outcome: the second run's check."""
    return db.session.query(CandidateDecision).filter_by(stage_id=stage.id).count() > 0


def reports_recorded(stage: Stage) -> bool:
    """True once the stage has any advisory report: the second run's check."""
    return db.session.query(AdvisoryReport).filter_by(stage_id=stage.id).count() > 0


def submitted_sheet(
    seat: PanelSeat, candidate: Candidate, interview_ended: datetime, voice: int
) -> ScoreSheet:
    """A sheet as the member leaves it after pressing submit; the caller adds its scores.
    Started as the interview ends and submitted in the scoring gap before the next one,
    members a few minutes apart (``voice``: the member's place on the panel)."""
    return ScoreSheet(
        seat_id=seat.id,
        candidate_id=candidate.id,
        status=SheetStatus.SUBMITTED,
        created_at=interview_ended,
        updated_at=later(interview_ended, 5 + 3 * voice),
        submitted_at=later(interview_ended, 5 + 3 * voice),
    )


def planned_attribute(item: PlanItem) -> str:
    """The attribute an issued plan item asks about, as frozen when the plan was issued."""
    return str((item.frozen_content or {})["attribute"])


def panel_chair(stage: Stage) -> User:
    """The chair, who records the panel's agreed scores and outcomes."""
    chair: User = next(seat.user for seat in stage.seats if seat.panel_role is PanelRole.CHAIR)
    return chair


def _score_stage(vacancy: Vacancy, stage: Stage, timeline: DemoTimeline) -> None:
    members = [seat for seat in stage.seats if seat.panel_role is not PanelRole.HR_ADVISER]
    for number, seat in enumerate(members):
        for slot, candidate in enumerate(vacancy.candidates):
            ended = interview_ends(stage, slot, timeline, candidate)
            sheet = submitted_sheet(seat, candidate, ended, number)
            for item in stage.items:
                attribute = planned_attribute(item)
                key = (stage.name, seat.user.email, candidate.code, attribute)
                score = DEPARTURES.get(key, PROFILES[candidate.code][attribute])
                sheet.scores.append(_score(item.id, attribute, score, voice=number % 2))
            db.session.add(sheet)
    db.session.flush()


def _score(item_id: int, attribute: str, score: int | None, *, voice: int) -> Score:
    if score is None:
        return Score(plan_item_id=item_id, score=None, no_evidence=True, evidence="")
    low, middle, high = EVIDENCE[attribute]
    notes = low if score <= 2 else middle if score == 3 else high
    return Score(plan_item_id=item_id, score=score, no_evidence=False, evidence=notes[voice])


def _moderate_young_peoples_panel(vacancy: Vacancy, stage: Stage, timeline: DemoTimeline) -> None:
    chair = panel_chair(stage)
    codes = {candidate.code: candidate for candidate in vacancy.candidates}
    opened = moderation_opens(stage, timeline)
    db.session.add(
        AgreedScore(
            stage_id=stage.id,
            candidate_id=codes["C-03"].id,
            attribute="decisions",
            formula_score=3.0,
            agreed=3.5,
            rationale="On discussion both members agreed her safety-plan example showed more "
            "ownership than either scored alone.",
            recorded_by_id=chair.id,
            recorded_at=later(opened, 15),
        )
    )
    for number, (code, (outcome, reasons)) in enumerate(YOUNG_PEOPLES_OUTCOMES.items()):
        db.session.add(
            CandidateDecision(
                stage_id=stage.id,
                candidate_id=codes[code].id,
                outcome=outcome,
                reasons=reasons,
                recorded_by_id=chair.id,
                recorded_at=later(opened, 30 + 5 * number),
            )
        )


def _record_reports(
    vacancy: Vacancy,
    stage: Stage,
    reports: dict[str, tuple[str, str, TrafficLight]],
    timeline: DemoTimeline,
) -> None:
    """Written up once the panel has discussed everyone, a few minutes each."""
    chair = panel_chair(stage)
    codes = {candidate.code: candidate for candidate in vacancy.candidates}
    written = later(moderation_opens(stage, timeline), 75)
    for number, (code, (strengths, concerns, light)) in enumerate(reports.items()):
        if code in codes:
            report = AdvisoryReport(
                stage_id=stage.id,
                candidate_id=codes[code].id,
                strengths=strengths,
                concerns=concerns,
                traffic_light=light,
                recorded_by_id=chair.id,
                recorded_at=later(written, 10 * number),
            )
            # Read back to the panel and agreed by each member who scored, there and then.
            for seat in scoring_seats(stage):
                report.agreements.append(
                    AdvisoryReportAgreement(
                        user_id=seat.user_id, agreed_at=later(written, 10 * number + 2)
                    )
                )
            db.session.add(report)
