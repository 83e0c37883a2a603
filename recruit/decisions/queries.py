"""What the decision pages read and write: the deciding stage and its panel, the candidates
it found appointable, and the facts ``domain.decisions.offer_blockers`` judges."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort
from flask_login import current_user
from sqlalchemy import select

from recruit.domain.decisions import DecisionFacts, ObjectionFacts
from recruit.extensions import db
from recruit.models import (
    AppointmentDecision,
    Candidate,
    CandidateDecision,
    Outcome,
    PanelSeat,
    Role,
    Stage,
    User,
    Vacancy,
)
from recruit.results import sheets
from recruit.results.visibility import names_shown_to
from recruit.stages.panel import appointing_panel_problems_at, members_appoint
from recruit.stages.roles import deciding_stage

STAFF = (Role.ADMIN, Role.HR)


@dataclass(frozen=True)
class DecisionView:
    """One vacancy's decision as the pages need it, for the person viewing."""

    vacancy: Vacancy
    stage: Stage | None
    decision: AppointmentDecision | None
    deciders: list[PanelSeat]
    members_appoint: bool
    panel_problems: list[str]

    @property
    def viewer_decides(self) -> bool:
        return any(seat.user_id == current_user.id for seat in self.deciders)

    @property
    def viewer_is_staff(self) -> bool:
        return bool(current_user.role in STAFF)

    @property
    def ready(self) -> bool:
        """The deciding stage's moderation is closed, so its records are locked."""
        moderation = sheets.moderation_for(self.stage) if self.stage else None
        return moderation is not None and moderation.is_closed

    def unconfirmed(self) -> list[str]:
        confirmed = {c.user_id for c in self.decision.confirmations} if self.decision else set()
        return [s.user.full_name for s in self.deciders if s.user_id not in confirmed]

    def facts(self) -> DecisionFacts:
        decision = self.decision
        assert decision is not None, "facts are about a recorded decision"
        return DecisionFacts(
            appoints_someone=decision.candidate_id is not None,
            unconfirmed_members=tuple(self.unconfirmed()),
            members_appoint=self.members_appoint,
            executive_notified_on=decision.executive_notified_on,
            objection_deadline=decision.objection_deadline,
            objections=tuple(
                ObjectionFacts(o.objector, o.upheld is not None, o.upheld is True)
                for o in decision.objections
            ),
            offer_made=decision.offer_made_at is not None,
            moderation_closed=self.ready,
            candidate_appointable=_still_appointable(decision),
        )


def _still_appointable(decision: AppointmentDecision) -> bool:
    """Whether the appointed candidate's outcome at the deciding stage is still appointable
    (True for no appointment: there is no one to check)."""
    if decision.candidate_id is None:
        return True
    outcome = db.session.scalar(
        select(CandidateDecision.outcome).where(
            CandidateDecision.stage_id == decision.stage_id,
            CandidateDecision.candidate_id == decision.candidate_id,
        )
    )
    return outcome is Outcome.APPOINTABLE


def decision_view(vacancy_id: int) -> DecisionView:
    """The vacancy's decision, or a 404 for anyone who is neither HR, admin nor a member of
    its deciding panel (a 404, so the vacancy's existence is not confirmed)."""
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    stage = deciding_stage(vacancy)
    deciders = _deciders(stage) if stage else []
    view = DecisionView(
        vacancy=vacancy,
        stage=stage,
        decision=db.session.scalar(
            select(AppointmentDecision).where(AppointmentDecision.vacancy_id == vacancy.id)
        ),
        deciders=deciders,
        members_appoint=members_appoint(vacancy),
        panel_problems=appointing_panel_problems_at(stage) if stage else [],
    )
    if not (view.viewer_is_staff or view.viewer_decides):
        abort(404)
    return view


def _deciders(stage: Stage) -> list[PanelSeat]:
    """The deciding panel's members who score: they make and confirm the decision."""
    return [seat for seat in sheets.scoring_seats(stage) if not seat.is_stood_down]


def appointable(view: DecisionView, viewer: User) -> list[tuple[str, str]]:
    """(candidate id, label) for each candidate the deciding stage found appointable."""
    if view.stage is None:
        return []
    decided = db.session.scalars(
        select(CandidateDecision).where(
            CandidateDecision.stage_id == view.stage.id,
            CandidateDecision.outcome == Outcome.APPOINTABLE,
        )
    )
    ids = [row.candidate_id for row in decided]
    candidates = db.session.scalars(
        select(Candidate).where(Candidate.id.in_(ids)).order_by(Candidate.code)
    )
    show_names = names_shown_to(viewer, view.vacancy)
    return [(str(c.id), sheets.candidate_label(c, show_names)) for c in candidates]
