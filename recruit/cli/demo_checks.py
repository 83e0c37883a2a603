"""The demo's safer recruitment record: references for the final shortlist, scrutinised
before the appointment panel; and the preferred candidate's pre-employment checks, which HR
requested the day the conditional offer was made and which came back satisfactory within
days, so her checklist is complete. Two checks do not apply to this post, each with its
reason."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from recruit.accounts import find_user_by_email
from recruit.cli.demo_timeline import (
    DemoTimeline,
    uk_time,
    working_days_after,
    working_days_before,
)
from recruit.extensions import db
from recruit.models import (
    AppointmentDecision,
    Candidate,
    CandidateReference,
    CheckKind,
    CheckStatus,
    PreEmploymentCheck,
    Vacancy,
)

# (kind, working days after the offer it came back, the outcome as HR records it: never a
# certificate's content or number).
COMPLETED = (
    (CheckKind.IDENTITY, 1, "Passport seen in person"),
    (CheckKind.RIGHT_TO_WORK, 1, "British passport: no time limit"),
    (CheckKind.ENHANCED_DBS, 4, "Clear"),
    (CheckKind.BARRED_LIST, 4, "Not barred"),
    (CheckKind.QUALIFICATIONS, 2, "Degree and MBA certificates seen"),
    (CheckKind.OCCUPATIONAL_HEALTH, 3, "Fit for the role"),
)
NOT_REQUIRED = (
    (
        CheckKind.PROFESSIONAL_REGISTRATION,
        "The post does not need registration with Social Work England",
    ),
    (CheckKind.OVERSEAS, "Has lived and worked only in the UK"),
)


def ensure_demo_checks(vacancy: Vacancy, timeline: DemoTimeline) -> None:
    decision = db.session.scalar(
        select(AppointmentDecision).where(AppointmentDecision.vacancy_id == vacancy.id)
    )
    hr = find_user_by_email("hr@demo.recruit.local")
    if decision is None or decision.candidate_id is None or hr is None:
        return
    found = select(PreEmploymentCheck).where(
        PreEmploymentCheck.candidate_id == decision.candidate_id
    )
    if db.session.scalars(found).first() is not None:
        return
    offered = timeline.offer_made
    for kind, days, outcome in COMPLETED:
        completed = _no_later_than(working_days_after(offered, days), timeline.today)
        db.session.add(
            PreEmploymentCheck(
                candidate_id=decision.candidate_id,
                kind=kind,
                required=True,
                status=CheckStatus.SATISFACTORY,
                requested_on=offered,
                completed_on=completed,
                outcome=outcome,
                verified_by_id=hr.id,
                verified_at=uk_time(completed, 15, 0),
            )
        )
    for kind, reason in NOT_REQUIRED:
        db.session.add(
            PreEmploymentCheck(
                candidate_id=decision.candidate_id,
                kind=kind,
                required=False,
                status=CheckStatus.NOT_REQUIRED,
                not_required_reason=reason,
                verified_by_id=hr.id,
                verified_at=uk_time(offered, 14, 0),
            )
        )


def _no_later_than(day: date, last: date) -> date:
    return min(day, last)


# The final shortlist's referees: taken up at shortlisting, received and scrutinised by HR
# before the appointment panel met, as safer recruitment asks for senior posts. Tom Reid's
# second reference raised a discrepancy in his dates, which HR explored with him.
REFERENCES = {
    "C-01": (
        ("Director of Children's Services", "Leeds City Council", "Line manager", True, None),
        ("Head of Service", "Bradford Children's Services", "Former line manager", False, None),
    ),
    "C-02": (
        ("Chief Executive", "Westhampton Borough Council", "Line manager", True, None),
        (
            "Assistant Director",
            "Kirkby Council",
            "Former line manager",
            False,
            (
                "The referee gave an end date five months later than the application.",
                "Explored with the candidate on the day of the stakeholder panel: a "
                "secondment to the regional improvement alliance, confirmed in writing by "
                "its director.",
            ),
        ),
    ),
    "C-05": (
        ("Director of Children's Services", "North Yorkshire Council", "Line manager", True, None),
        ("Chief Officer", "Harrogate Early Help Partnership", "Partner colleague", False, None),
    ),
}
REFEREE_NAMES = (
    "Pat Coleman",
    "Ruth Abara",
    "Simon Hale",
    "Nadia Rahman",
    "Owen Price",
    "Leah Ward",
)


def ensure_demo_references(vacancy: Vacancy, timeline: DemoTimeline) -> None:
    hr = find_user_by_email("hr@demo.recruit.local")
    codes = {candidate.code: candidate for candidate in vacancy.candidates}
    taken = select(CandidateReference.id).join(Candidate).where(Candidate.vacancy_id == vacancy.id)
    if hr is None or db.session.scalars(taken).first() is not None:
        return
    names = iter(REFEREE_NAMES)
    scrutinised = working_days_before(timeline.appointment_panel, 2)
    for code, referees in REFERENCES.items():
        for role, organisation, relationship, employer, concern in referees:
            db.session.add(
                CandidateReference(
                    candidate_id=codes[code].id,
                    referee_name=next(names),
                    referee_role_and_organisation=f"{role}, {organisation}",
                    relationship=relationship,
                    is_current_or_recent_employer=employer,
                    requested_on=timeline.shortlisted,
                    received_on=working_days_after(timeline.shortlisted, 4),
                    scrutinised_on=scrutinised,
                    scrutinised_by_id=hr.id,
                    concerns=concern[0] if concern else None,
                    concern_resolution=concern[1] if concern else None,
                    created_at=uk_time(timeline.shortlisted, 14, 0),
                )
            )
