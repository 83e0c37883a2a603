"""The demo's shortlisting scrutiny: HR read each of the six applications against the
person specification's essential criteria and shortlisted them all, noting two points for
the panels to explore, each with the explanation the candidate gave on the day."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from recruit.accounts import find_user_by_email
from recruit.cli.demo_timeline import APPOINTMENT, STAKEHOLDERS, DemoTimeline, uk_time
from recruit.domain.shortlisting import shortlisting_criteria
from recruit.extensions import db
from recruit.models import (
    Candidate,
    CriterionAssessment,
    CriterionOutcome,
    ScrutinyKind,
    ScrutinyPoint,
    ShortlistingDecision,
    Vacancy,
)

# (candidate, kind, from, to, noted, to explore, stage, explanation given on the day)
POINTS = (
    (
        "C-02",
        ScrutinyKind.DISCREPANCY,
        date(2021, 3, 31),
        date(2021, 9, 1),
        "The application ends the Kirkby Council post in March 2021 and starts the "
        "Westhampton post in September 2021; the covering letter says the move was direct.",
        "Ask what the candidate did between April and August 2021, and why the letter "
        "describes the move as direct.",
        STAKEHOLDERS,
        "A secondment to the regional improvement alliance, still employed by Kirkby; the "
        "alliance's director confirmed it in writing (see the second reference).",
    ),
    (
        "C-05",
        ScrutinyKind.GAP,
        date(2014, 1, 6),
        date(2014, 5, 30),
        "No employment listed between leaving Calderdale and joining North Yorkshire.",
        "Ask neutrally what the candidate did in the first half of 2014.",
        APPOINTMENT,
        "Caring for a parent through a serious illness; satisfactory, consistent with the "
        "references.",
    ),
)
# Criteria the panel thought only partly evidenced in the application, by candidate.
PARTLY_MET = {"C-04": 1, "C-06": 1}


def ensure_demo_shortlisting(vacancy: Vacancy, timeline: DemoTimeline) -> None:
    hr = find_user_by_email("hr@demo.recruit.local")
    taken = (
        select(ShortlistingDecision.id).join(Candidate).where(Candidate.vacancy_id == vacancy.id)
    )
    if hr is None or db.session.scalars(taken).first() is not None:
        return
    codes = {candidate.code: candidate for candidate in vacancy.candidates}
    stages = {stage.name: stage for stage in vacancy.stages}
    criteria = sorted(vacancy.criteria, key=lambda row: row.position)
    wanted = set(shortlisting_criteria((c.id, c.essential, c.assessed_by) for c in criteria))
    decided = uk_time(timeline.shortlisted, 11, 0)
    for code, candidate in sorted(codes.items()):
        decision = ShortlistingDecision(
            candidate_id=candidate.id,
            shortlisted=True,
            reasons="",
            decided_by_id=hr.id,
            decided_at=decided,
        )
        partly = PARTLY_MET.get(code)
        for number, criterion in enumerate(c for c in criteria if c.id in wanted):
            outcome = CriterionOutcome.PARTLY_MET if number == partly else CriterionOutcome.MET
            evidence = "Evidenced in the application and supporting statement"
            if outcome is CriterionOutcome.PARTLY_MET:
                evidence = "Some evidence in the statement; to test at interview"
            decision.assessments.append(
                CriterionAssessment(criterion_id=criterion.id, outcome=outcome, evidence=evidence)
            )
        db.session.add(decision)
    for code, kind, start, end, noted, explore, stage_name, explanation in POINTS:
        db.session.add(
            ScrutinyPoint(
                candidate_id=codes[code].id,
                stage_id=stages[stage_name].id,
                kind=kind,
                from_date=start,
                to_date=end,
                noted=noted,
                to_explore=explore,
                explanation=explanation,
                recorded_by_id=hr.id,
                created_at=uk_time(timeline.shortlisted, 10, 30),
                updated_at=uk_time(timeline.stage_day(stage_name), 17, 0),
            )
        )
