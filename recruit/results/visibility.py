"""Independence: what of the other members' scoring a person may see, and when.

A panel member sees other members' scores and notes for a candidate only once their own
sheet for that candidate is submitted; only submitted sheets are shown, never drafts. The
chair and HR see who has submitted until moderation opens, and scores after that.
"""

from __future__ import annotations

from dataclasses import dataclass

from recruit.models import Candidate, PanelSeat, Role, ScoreSheet, Stage, User, Vacancy
from recruit.results import sheets


class ScoresHidden(PermissionError):
    """Raised when code asks for scores its user may not see yet."""


@dataclass(frozen=True)
class OtherScore:
    member: str
    role: str
    score: int | None
    no_evidence: bool
    evidence: str


SEE_NAMES_ALWAYS = (Role.HR, Role.ADMIN, Role.REVIEWER)


def names_shown_to(user: User, vacancy: Vacancy) -> bool:
    """HR, admin and reviewers always see candidates' names; panel members only when the
    vacancy shows them (``sheets.names_visible_on_vacancy``)."""
    return user.role in SEE_NAMES_ALWAYS or sheets.names_visible_on_vacancy(vacancy)


def may_see_panel_scores(seat: PanelSeat, candidate: Candidate) -> bool:
    own = sheets.sheet_for(seat, candidate)
    return own is not None and own.is_submitted


def others_scores(
    stage: Stage, candidate: Candidate, seat: PanelSeat
) -> dict[int, list[OtherScore]]:
    """Per plan item id, the other members' submitted scores for the candidate."""
    if not may_see_panel_scores(seat, candidate):
        raise ScoresHidden("submit your own scores first")
    found: dict[int, list[OtherScore]] = {}
    for other in _submitted_sheets(stage, candidate):
        if other.seat_id == seat.id:
            continue
        for row in other.scores:
            found.setdefault(row.plan_item_id, []).append(
                OtherScore(
                    other.seat.user.full_name,
                    other.seat.panel_role.label,
                    row.score,
                    row.no_evidence,
                    row.evidence,
                )
            )
    return found


def _submitted_sheets(stage: Stage, candidate: Candidate) -> list[ScoreSheet]:
    """The candidate's sheets that count: submitted, from a seat that scores, not set aside
    (a member with a conflict has theirs set aside when they declare it)."""
    all_sheets = sheets.stage_sheets(stage)
    return [
        sheet
        for (_seat_id, candidate_id), sheet in sorted(all_sheets.items())
        if candidate_id == candidate.id
        and sheet.is_submitted
        and not sheet.is_set_aside
        and sheet.seat.panel_role not in sheets.NON_SCORING_ROLES
    ]
