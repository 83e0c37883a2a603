"""The demo's succession picture: the outgoing DCS's shared leadership profile with 360
feedback from three colleagues, the target levels the appointment panel set from what the
post needs (the outgoing DCS's profile shown beside them as context only), and a final
shortlist of three candidates to compare."""

from __future__ import annotations

from recruit.accounts import find_user_by_email
from recruit.cli.demo_timeline import DemoTimeline, uk_time, working_days_after
from recruit.domain.adverts.draft.model import format_govuk_date
from recruit.extensions import db
from recruit.models import (
    CandidateStatus,
    FeedbackRequest,
    LeadershipProfile,
    TargetProfile,
    Vacancy,
)

OUTGOING_DCS = "outgoing@demo.recruit.local"
SELF_RATINGS = {"values": 5, "decisions": 4, "practice-culture": 4, "partnerships": 5, "buy-in": 3}
REFLECTIONS = {
    "values": [
        "Leading Family Safeguarding let me act on why I came into social work: keeping "
        "children safely with their families wherever we can.",
        "Budget pressure pulls against it every year; I have had to argue for the model's "
        "adult workers more than once.",
    ],
    "buy-in": [
        "I built support with the lead member but left the opposition too late; the next "
        "DCS should start there.",
    ],
}
# Three panel colleagues' ratings (the only people the picker offers): enough to show the
# combined 360 result.
COLLEAGUES = {
    "chair@demo.recruit.local": {"values": 5, "decisions": 4, "practice-culture": 5,
                                 "partnerships": 4, "buy-in": 4},
    "member@demo.recruit.local": {"values": 5, "decisions": 3, "practice-culture": 4,
                                  "partnerships": 4, "buy-in": 3},
    "partner@demo.recruit.local": {"values": 4, "decisions": 4, "practice-culture": 4,
                                   "partnerships": 5, "buy-in": 3},
}  # fmt: skip
# The final shortlist: the others were not taken forward after the stakeholder panel.
FINAL_SHORTLIST = ("C-01", "C-02", "C-05")


def ensure_demo_profiles(vacancy: Vacancy, timeline: DemoTimeline) -> None:
    """The profile shared, its 360 answered and the target set before any panel met; the
    final shortlist made the day after the advisory panels."""
    outgoing = find_user_by_email(OUTGOING_DCS)
    if outgoing is None:
        return
    profile = db.session.query(LeadershipProfile).filter_by(owner_id=outgoing.id).first()
    if profile is None:
        profile = _outgoing_profile(outgoing.id, timeline)
    if db.session.query(TargetProfile).filter_by(vacancy_id=vacancy.id).first() is None:
        _set_target(vacancy, profile, timeline)
        _final_shortlist(vacancy, timeline)


# Working days after the profile was shared that each colleague answered, in COLLEAGUES order.
ANSWERED_AFTER = (2, 3, 5)


def _outgoing_profile(owner_id: int, timeline: DemoTimeline) -> LeadershipProfile:
    shared = uk_time(timeline.profile_shared, 11, 0)
    month = format_govuk_date(timeline.profile_shared).split(" ", 1)[1]  # "October 2026"
    profile = LeadershipProfile(
        owner_id=owner_id,
        title=f"My leadership as outgoing DCS, {month}",
        role_title="Director of Children's Services (retiring)",
        ratings=dict(SELF_RATINGS),
        reflections={key: list(answers) for key, answers in REFLECTIONS.items()},
        created_at=uk_time(timeline.profile_shared, 9, 0),
        updated_at=shared,
        shared_at=shared,
    )
    for number, (email, ratings) in enumerate(COLLEAGUES.items()):
        colleague = find_user_by_email(email)
        if colleague is not None:
            answered = working_days_after(timeline.profile_shared, ANSWERED_AFTER[number])
            profile.feedback_requests.append(
                FeedbackRequest(
                    colleague_id=colleague.id,
                    ratings=dict(ratings),
                    requested_at=shared,
                    responded_at=uk_time(answered, 14, 0),
                )
            )
    db.session.add(profile)
    db.session.flush()
    return profile


# What the appointment panel says the post needs: levels on the rubric's words, each with
# the role's reason, not the outgoing DCS's own ratings.
TARGET_LEVELS = {
    "values": (
        4,
        "The DCS sets the tone for every practitioner: we need consistent, specific "
        "evidence of values-led decisions, including under pressure.",
    ),
    "decisions": (
        4,
        "Family Safeguarding depends on the DCS backing practitioners' decisions to keep "
        "children safely at home, and owning that risk with members.",
    ),
    "practice-culture": (
        3,
        "The model is embedded; the post needs a leader who keeps it, with clear examples, "
        "rather than one who has changed a whole culture before.",
    ),
    "partnerships": (
        4,
        "Health and police partners fund a third of the model; the DCS must hold shared "
        "ownership through changes of leader.",
    ),
    "buy-in": (
        4,
        "The grant ends next year: the DCS must win cross-party and corporate support for "
        "the model's funding, which the outgoing DCS names as her own weakest area.",
    ),
}
TARGET_SETTER = "chair@demo.recruit.local"


def _set_target(vacancy: Vacancy, profile: LeadershipProfile, timeline: DemoTimeline) -> None:
    setter = find_user_by_email(TARGET_SETTER)
    db.session.add(
        TargetProfile(
            vacancy_id=vacancy.id,
            levels={key: level for key, (level, _) in TARGET_LEVELS.items()},
            reasons={key: reason for key, (_, reason) in TARGET_LEVELS.items()},
            rationale="Agreed by the appointment panel before the interviews, from the "
            "post's job description and the improvement plan.",
            context_profile_id=profile.id,
            set_by_id=setter.id if setter is not None else None,
            set_at=uk_time(timeline.target_set, 16, 0),
        )
    )


def _final_shortlist(vacancy: Vacancy, timeline: DemoTimeline) -> None:
    for candidate in vacancy.candidates:
        if candidate.code in FINAL_SHORTLIST:
            candidate.status = CandidateStatus.SHORTLISTED
        elif candidate.status is CandidateStatus.SHORTLISTED:
            candidate.status = CandidateStatus.INTERVIEWED
            candidate.updated_at = uk_time(timeline.final_shortlist, 12, 0)
