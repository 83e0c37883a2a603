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
    interview_ends,
    moderation_opens,
    outcomes_recorded,
    panel_chair,
    planned_attribute,
    submitted_sheet,
)
from recruit.cli.demo_timeline import DemoTimeline, later, uk_time
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
from recruit.moderation.state import current_digest
from recruit.results import sheets
from recruit.results.consolidation import StageOutcome, consolidate_stage
from recruit.stages.roles import deciding_stage


def ensure_demo_decision(vacancy: Vacancy, timeline: DemoTimeline) -> None:
    """Score and moderate the deciding stage once, each step on its day of ``timeline``; a
    second run finds both done."""
    stage = deciding_stage(vacancy)
    if stage is None:
        return
    if not has_sheets(stage):
        _score_final_shortlist(vacancy, stage, timeline)
        _close_scoring(stage, timeline)
    if sheets.moderation_is_open(stage) and not outcomes_recorded(stage):
        _record_decision(stage, timeline)
    if outcomes_recorded(stage) and not _appointment_recorded(vacancy):
        _record_appointment(vacancy, stage, timeline)


def _appointment_recorded(vacancy: Vacancy) -> bool:
    found = select(AppointmentDecision.id).where(AppointmentDecision.vacancy_id == vacancy.id)
    return db.session.scalar(found) is not None


def _record_appointment(vacancy: Vacancy, stage: Stage, timeline: DemoTimeline) -> None:
    """The rest of the decision's path: moderation closed that evening, the panel's decision
    recorded and confirmed by all three councillors the next working day, the executive
    told the day after with no objection by the deadline, and the offer made once it passed."""
    chair = panel_chair(stage)
    moderation = sheets.moderation_for(stage)
    assert moderation is not None, "the decision follows moderation"
    # The day runs to four with the presentations; the wash-up ends before seven.
    moderation.closed_at = uk_time(timeline.appointment_panel, 19, 0)
    moderation.closed_by_id = chair.id
    preferred = next(c for c in vacancy.candidates if c.code == "C-01")
    decision = AppointmentDecision(
        vacancy_id=vacancy.id,
        stage_id=stage.id,
        candidate_id=preferred.id,
        reasons=APPOINTMENT_REASONS,
        recorded_by_id=chair.id,
        recorded_at=uk_time(timeline.decision_recorded, 10, 0),
    )
    for number, seat in enumerate(sheets.scoring_seats(stage)):
        confirmed = later(uk_time(timeline.decision_recorded, 10, 30), 45 * number)
        decision.confirmations.append(
            DecisionConfirmation(user_id=seat.user_id, confirmed_at=confirmed)
        )
    notified = timeline.executive_notified
    decision.executive_notified_on = notified
    decision.executive_notified_by_id = hr_adviser(stage).user_id
    decision.objection_days = DEFAULT_OBJECTION_DAYS
    decision.objection_deadline = objection_deadline(notified, DEFAULT_OBJECTION_DAYS)
    decision.offer_made_at = uk_time(timeline.offer_made, 10, 0)
    decision.offer_made_by_id = hr_adviser(stage).user_id
    db.session.add(decision)
    db.session.flush()


def hr_adviser(stage: Stage) -> PanelSeat:
    return next(seat for seat in stage.seats if seat.panel_role is PanelRole.HR_ADVISER)


def _final_shortlist(vacancy: Vacancy) -> list[Candidate]:
    return [candidate for candidate in vacancy.candidates if candidate.code in FINAL_SHORTLIST]


def _score_final_shortlist(vacancy: Vacancy, stage: Stage, timeline: DemoTimeline) -> None:
    for slot, candidate in enumerate(_final_shortlist(vacancy)):
        judgements = COUNCILLORS[candidate.code]
        ended = interview_ends(stage, slot, timeline)
        for voice, seat in enumerate(sheets.scoring_seats(stage)):
            sheet = submitted_sheet(seat, candidate, ended, voice)
            for item in stage.items:
                attribute = planned_attribute(item)
                score, note = judgements[attribute][voice % len(judgements[attribute])]
                if item.is_exercise:
                    # The same judgement, heard in the presentation rather than the answer.
                    note = f"In the presentation: {note[:1].lower()}{note[1:]}"
                sheet.scores.append(
                    Score(plan_item_id=item.id, score=score, no_evidence=False, evidence=note)
                )
            db.session.add(sheet)
    db.session.flush()


def _close_scoring(stage: Stage, timeline: DemoTimeline) -> None:
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
            stage_id=stage.id,
            opened_at=moderation_opens(stage, timeline, len(FINAL_SHORTLIST)),
            opened_by_id=panel_chair(stage).id,
            closed_early_reason=reason,
        )
    )
    db.session.flush()


def _listed(codes: list[str]) -> str:
    """Codes in a sentence: "C-03, C-04 and C-06"."""
    return " and ".join([", ".join(codes[:-1]), codes[-1]]) if len(codes) > 1 else "".join(codes)


def _record_decision(stage: Stage, timeline: DemoTimeline) -> None:
    """The panel's agreed scores and outcomes, recorded by the chair as the moderation
    page records them: each agreed score beside the formula's mean, and each outcome with
    the digest of the scores it was made on; all on the panel's day, after the interviews."""
    chair = panel_chair(stage)
    outcome = consolidate_stage(stage)
    opened = moderation_opens(stage, timeline, len(FINAL_SHORTLIST))
    for number, agreement in enumerate(AGREED_SCORES):
        db.session.add(
            AgreedScore(
                stage_id=stage.id,
                candidate_id=outcome.candidates[agreement.candidate].id,
                attribute=agreement.attribute,
                formula_score=_panel_mean(outcome, agreement.candidate, agreement.attribute),
                agreed=agreement.agreed,
                rationale=agreement.rationale,
                recorded_by_id=chair.id,
                recorded_at=later(opened, 20 + 5 * number),
            )
        )
    for number, (code, (result, reasons)) in enumerate(OUTCOMES.items()):
        db.session.add(
            CandidateDecision(
                stage_id=stage.id,
                candidate_id=outcome.candidates[code].id,
                outcome=result,
                reasons=reasons,
                red_flag_discussion=RED_FLAG_DISCUSSIONS.get(code),
                inputs_digest=current_digest(outcome, code),
                recorded_by_id=chair.id,
                # The panel discusses each candidate in turn, half an hour each.
                recorded_at=later(opened, 60 + 30 * number),
            )
        )


def _panel_mean(outcome: StageOutcome, code: str, attribute: str) -> float | None:
    standing = next(c for c in outcome.result.candidates if c.candidate == code)
    mean = next(a.mean for a in standing.attributes if a.attribute == attribute)
    return None if mean is None else float(mean)
