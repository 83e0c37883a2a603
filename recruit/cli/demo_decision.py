"""The demo's decision: the elected members' appointment panel, the vacancy's deciding stage.

Three councillors (the cabinet member for children in the chair, a second member and an
opposition member) interview the final shortlist (``demo_profiles.FINAL_SHORTLIST``) and
submit their sheets. The chair closes scoring with the reason the other three candidates
have no sheets there, and the panel agrees three scores and records an outcome for each
shortlisted candidate: Amara Okafor appointable and preferred, Claire Mensah appointable,
Tom Reid not appointable, after discussing the red flag one councillor's 1 on values raised.
The Chief Executive and HR advise the panel and do not score. The comparison, the DCS
briefing pack and the scoring summary then have a decision to show; the advisory panels
report beside it.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from recruit.cli.demo_panel_notes import (
    AGREED_SCORES,
    APPOINTMENT_REASONS,
    COUNCILLORS,
    OUTCOMES,
    RED_FLAG_DISCUSSIONS,
)
from recruit.cli.demo_profiles import FINAL_SHORTLIST
from recruit.cli.demo_scoring import (
    has_sheets,
    outcomes_recorded,
    panel_chair,
    planned_attribute,
    submitted_sheet,
)
from recruit.domain.decisions import DEFAULT_OBJECTION_DAYS, objection_deadline
from recruit.extensions import db
from recruit.models import (
    AgreedScore,
    AppointmentDecision,
    Candidate,
    CandidateDecision,
    DecisionConfirmation,
    PanelRole,
    PanelSeat,
    Score,
    Stage,
    StageModeration,
    Vacancy,
)
from recruit.models._types import utcnow
from recruit.moderation.state import current_digest
from recruit.results import sheets
from recruit.results.consolidation import StageOutcome, consolidate_stage
from recruit.stages.roles import deciding_stage


def ensure_demo_decision(vacancy: Vacancy) -> None:
    """Score and moderate the deciding stage once; a second run finds both done."""
    stage = deciding_stage(vacancy)
    if stage is None:
        return
    if not has_sheets(stage):
        _score_final_shortlist(vacancy, stage)
        _close_scoring(stage)
    if sheets.moderation_is_open(stage) and not outcomes_recorded(stage):
        _record_decision(stage)
    if outcomes_recorded(stage) and not _appointment_recorded(vacancy):
        _record_appointment(vacancy, stage)


def _appointment_recorded(vacancy: Vacancy) -> bool:
    found = select(AppointmentDecision.id).where(AppointmentDecision.vacancy_id == vacancy.id)
    return db.session.scalar(found) is not None


def _record_appointment(vacancy: Vacancy, stage: Stage) -> None:
    """The rest of the decision's path: moderation closed, the panel's decision confirmed by
    all three councillors, the executive told ten days ago with no objection, the offer."""
    chair = panel_chair(stage)
    moderation = sheets.moderation_for(stage)
    assert moderation is not None, "the decision follows moderation"
    moderation.closed_at, moderation.closed_by_id = utcnow(), chair.id
    preferred = next(c for c in vacancy.candidates if c.code == "C-01")
    decision = AppointmentDecision(
        vacancy_id=vacancy.id,
        stage_id=stage.id,
        candidate_id=preferred.id,
        reasons=APPOINTMENT_REASONS,
        recorded_by_id=chair.id,
    )
    for seat in sheets.scoring_seats(stage):
        decision.confirmations.append(DecisionConfirmation(user_id=seat.user_id))
    notified = date.today() - timedelta(days=10)
    decision.executive_notified_on = notified
    decision.executive_notified_by_id = hr_adviser(stage).user_id
    decision.objection_days = DEFAULT_OBJECTION_DAYS
    decision.objection_deadline = objection_deadline(notified, DEFAULT_OBJECTION_DAYS)
    decision.offer_made_at, decision.offer_made_by_id = utcnow(), hr_adviser(stage).user_id
    db.session.add(decision)
    db.session.flush()


def hr_adviser(stage: Stage) -> PanelSeat:
    return next(seat for seat in stage.seats if seat.panel_role is PanelRole.HR_ADVISER)


def _final_shortlist(vacancy: Vacancy) -> list[Candidate]:
    return [candidate for candidate in vacancy.candidates if candidate.code in FINAL_SHORTLIST]


def _score_final_shortlist(vacancy: Vacancy, stage: Stage) -> None:
    for candidate in _final_shortlist(vacancy):
        judgements = COUNCILLORS[candidate.code]
        for voice, seat in enumerate(sheets.scoring_seats(stage)):
            sheet = submitted_sheet(seat, candidate)
            for item in stage.items:
                attribute = planned_attribute(item)
                score, note = judgements[attribute][voice % len(judgements[attribute])]
                sheet.scores.append(
                    Score(plan_item_id=item.id, score=score, no_evidence=False, evidence=note)
                )
            db.session.add(sheet)
    db.session.flush()


def _close_scoring(stage: Stage) -> None:
    """Open moderation as the chair does when closing scoring early: the candidates not
    shortlisted for this panel have no sheets, and the reason says why."""
    not_interviewed = [
        candidate.code
        for candidate in sheets.scored_candidates(stage)
        if candidate.code not in FINAL_SHORTLIST
    ]
    reason = (
        f"The panel interviewed the final shortlist only: {_listed(not_interviewed)} "
        "were not taken forward after the advisory panels, so have no sheets here."
    )
    db.session.add(
        StageModeration(
            stage_id=stage.id, opened_by_id=panel_chair(stage).id, closed_early_reason=reason
        )
    )
    db.session.flush()


def _listed(codes: list[str]) -> str:
    """Codes in a sentence: "C-03, C-04 and C-06"."""
    return " and ".join([", ".join(codes[:-1]), codes[-1]]) if len(codes) > 1 else "".join(codes)


def _record_decision(stage: Stage) -> None:
    """The panel's agreed scores and outcomes, recorded by the chair as the moderation
    page records them: each agreed score beside the formula's mean, and each outcome with
    the digest of the scores it was made on."""
    chair = panel_chair(stage)
    outcome = consolidate_stage(stage)
    for agreement in AGREED_SCORES:
        db.session.add(
            AgreedScore(
                stage_id=stage.id,
                candidate_id=outcome.candidates[agreement.candidate].id,
                attribute=agreement.attribute,
                formula_score=_panel_mean(outcome, agreement.candidate, agreement.attribute),
                agreed=agreement.agreed,
                rationale=agreement.rationale,
                recorded_by_id=chair.id,
            )
        )
    for code, (result, reasons) in OUTCOMES.items():
        db.session.add(
            CandidateDecision(
                stage_id=stage.id,
                candidate_id=outcome.candidates[code].id,
                outcome=result,
                reasons=reasons,
                red_flag_discussion=RED_FLAG_DISCUSSIONS.get(code),
                inputs_digest=current_digest(outcome, code),
                recorded_by_id=chair.id,
            )
        )


def _panel_mean(outcome: StageOutcome, code: str, attribute: str) -> float | None:
    standing = next(c for c in outcome.result.candidates if c.candidate == code)
    mean = next(a.mean for a in standing.attributes if a.attribute == attribute)
    return None if mean is None else float(mean)
