"""From stored results to the shortlist comparison: who is compared, against what target.

By default the comparison holds the candidates HR has moved on (shortlisted, appointable,
reserve or appointed) who have results at a moderated stage; the page lets the reader pick
others. Only stages whose moderation is open, and that the reader may see, count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from recruit.comparisons.decision_steps import deciding_members, uk_day
from recruit.domain.comparison import compare_candidates, sort_keys
from recruit.domain.comparison.model import SORT_BY_RANK, Comparison, ContextProfile
from recruit.domain.comparison.model import TargetProfile as TargetValues
from recruit.domain.profiles import target_context
from recruit.extensions import db
from recruit.models import (
    Candidate,
    CandidateStatus,
    LeadershipProfile,
    Role,
    TargetProfile,
    User,
    Vacancy,
)
from recruit.profiles.queries import feedback_for
from recruit.results.consolidation import StageOutcome, attribute_names
from recruit.stages.roles import deciding_stage
from recruit.summaries.context import candidate_labels

COMPARED_STATUSES = frozenset(
    {
        CandidateStatus.SHORTLISTED,
        CandidateStatus.APPOINTABLE,
        CandidateStatus.RESERVE,
        CandidateStatus.APPOINTED,
    }
)


@dataclass(frozen=True)
class ComparisonView:
    vacancy: Vacancy
    outcomes: list[StageOutcome]
    comparison: Comparison
    labels: dict[str, str]
    candidates: dict[str, Candidate]  # every candidate with results, by code
    chosen: tuple[str, ...]
    target: TargetProfile | None


def target_for(vacancy: Vacancy) -> TargetProfile | None:
    return db.session.query(TargetProfile).filter_by(vacancy_id=vacancy.id).one_or_none()


def target_values(target: TargetProfile | None) -> TargetValues | None:
    if target is None or not target.levels:
        return None
    return TargetValues(
        levels=dict(target.levels),
        reasons=dict(target.reasons),
        source=target_source(target),
        context=profile_context(target.context_profile),
    )


def target_source(target: TargetProfile) -> str:
    """Who set the target and when: "Set by Cllr Sam Patel (Appointment panel) on
    1 December 2026", or "Set by Harriet Okafor (HR) for the Appointment panel on ..."."""
    when = uk_day(target.set_at)
    day = f" on {when.day} {when:%B %Y}" if when is not None else ""
    setter = target.set_by
    if setter is None:
        return f"Set for the deciding panel{day}"
    panel = deciding_stage(target.vacancy) if target.vacancy is not None else None
    seated = panel is not None and any(s.user_id == setter.id for s in panel.seats)
    if seated and panel is not None:
        return f"Set by {setter.full_name} ({panel.name}){day}"
    role = setter.role.label if setter.role is not None else ""
    for_panel = f" for the {panel.name}" if panel is not None else " for the deciding panel"
    return f"Set by {setter.full_name} ({role}){for_panel}{day}"


def profile_context(profile: LeadershipProfile | None) -> tuple[ContextProfile, ...]:
    """A shared profile as context beside the target: never copied into it."""
    if profile is None or profile.shared_at is None:
        return ()
    return target_context(profile.owner.full_name, profile.ratings, feedback_for(profile))


def target_context_for(
    profile_id: str | None, shared: list[LeadershipProfile]
) -> tuple[ContextProfile, ...]:
    profile = next((p for p in shared if str(p.id) == (profile_id or "")), None)
    return profile_context(profile)


def may_set_target(user: User, vacancy: Vacancy) -> bool:
    """The deciding panel sets the target levels: its scoring members (not stood down), or
    HR and admin for them."""
    if user.role in (Role.HR, Role.ADMIN):
        return True
    return user.role is Role.PANEL and any(
        seat.user_id == user.id for seat in deciding_members(vacancy)
    )


def build_comparison(
    vacancy: Vacancy,
    outcomes: list[StageOutcome],
    sort: str | None,
    chosen: Sequence[str],
    show_names: bool = True,
) -> ComparisonView:
    candidates = {code: c for outcome in outcomes for code, c in outcome.candidates.items()}
    picked = tuple(code for code in chosen if code in candidates) or default_shortlist(candidates)
    attributes = tuple(attribute_names())
    key = sort if sort in sort_keys(attributes) else SORT_BY_RANK
    labels = candidate_labels(outcomes, show_names)
    target = target_for(vacancy)
    comparison = compare_candidates(
        [outcome.result for outcome in outcomes],
        attributes,
        target=target_values(target),
        candidates=picked,
        sort=key,
        # The notes add the code themselves: "Tom Reid (C-02) ranks 2nd ...".
        labels={code: c.full_name for code, c in candidates.items()} if show_names else {},
    )
    return ComparisonView(vacancy, outcomes, comparison, labels, candidates, picked, target)


def default_shortlist(candidates: dict[str, Candidate]) -> tuple[str, ...]:
    """The candidates HR has moved on; everyone with results if none has been yet."""
    moved_on = tuple(code for code, c in candidates.items() if c.status in COMPARED_STATUSES)
    return moved_on or tuple(candidates)
