"""Recording an advisory stage's report on a candidate, from its wash-up page.

Only at an advisory stage (a deciding panel's own view is its outcome and reasons), only
once its moderation is open (before then no one may see the figures the report sits on),
and not once moderation is closed (its records are locked).
"""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from recruit import audit
from recruit.authorisation import login_required
from recruit.extensions import db
from recruit.models import AdvisoryReport, AdvisoryReportAgreement, Candidate, Stage, StageRole
from recruit.models._types import utcnow
from recruit.moderation import bp
from recruit.moderation.access import BASE, saved_meanwhile, stage_for_moderation
from recruit.moderation.candidate_page import (
    CLOSED_PROBLEM,
    CandidatePage,
    candidate_page,
    decision_for,
    refused_page,
    saved_record,
)
from recruit.moderation.evidence import candidate_evidence
from recruit.moderation.forms import moderation_form
from recruit.moderation.reports import (
    AdvisoryReportForm,
    report_form,
    report_members,
    saved_report,
)
from recruit.moderation.state import conflict_refusal
from recruit.results import sheets
from recruit.results.consolidation import attribute_names, consolidate_stage


@bp.route(f"{BASE}/candidates/<int:candidate_id>/report", methods=["POST"])
@login_required
def advisory_report(vacancy_id: int, stage_id: int, candidate_id: int) -> ResponseReturnValue:
    stage = stage_for_moderation(vacancy_id, stage_id)
    found = db.session.get(Candidate, candidate_id)
    if found is None or found not in sheets.scored_candidates(stage):
        abort(404)
    if stage.role is not StageRole.ADVISORY:
        abort(404)  # a deciding stage has no report: its outcome and reasons are its view
    moderation = sheets.moderation_for(stage)
    if moderation is None:
        flash("Open moderation first: the report sits on the panel's moderated scores.")
        return redirect(url_for(".index", vacancy_id=vacancy_id, stage_id=stage_id))
    refusal = conflict_refusal(stage, found, current_user)
    if refusal:
        return refused_page(stage, found, refusal)
    report = saved_report(stage, found)
    form = report_form(report, report_members(stage, found), from_request=True)
    problem = None
    if form.check():
        if moderation.is_closed:
            problem = CLOSED_PROBLEM
        else:
            problem = saved_meanwhile(form.lock_version, report, "report")
            if problem is None:
                return _save(stage, found, report, form)
    outcome = consolidate_stage(stage)
    names = attribute_names()
    evidence = candidate_evidence(outcome, found.code)
    # The outcome form is shown as saved: what was posted was the report, not the outcome.
    outcome_form = moderation_form(
        tuple(names),
        names,
        red_flagged=bool(evidence.red_flags),
        formdata=None,
        data=saved_record(stage, found, decision_for(stage, found)),
    )
    page = CandidatePage(stage, found, moderation, outcome, outcome_form, None, form, problem)
    return candidate_page(page)


def _record_agreements(
    stage: Stage, candidate: Candidate, report: AdvisoryReport, form: AdvisoryReportForm
) -> None:
    """The members the chair ticked as having agreed the report as saved now. A member's row
    is kept rather than deleted and re-added, which the one-agreement-per-member constraint
    would refuse within one flush; only the panel's members count."""
    members = {seat.user_id for seat in report_members(stage, candidate)}
    wanted = form.agreed_user_ids() & members
    for agreement in [a for a in report.agreements if a.user_id not in wanted]:
        report.agreements.remove(agreement)
    held = {a.user_id for a in report.agreements}
    for user_id in sorted(wanted - held):
        report.agreements.append(AdvisoryReportAgreement(user_id=user_id))


def _save(
    stage: Stage, candidate: Candidate, report: AdvisoryReport | None, form: AdvisoryReportForm
) -> ResponseReturnValue:
    if report is None:
        report = AdvisoryReport(stage_id=stage.id, candidate_id=candidate.id)
        db.session.add(report)
    report.strengths = form.entered(form.strengths)
    report.concerns = form.entered(form.concerns)
    report.traffic_light = form.light()
    report.recorded_by_id = current_user.id
    report.recorded_at = utcnow()
    _record_agreements(stage, candidate, report, form)
    # What was written stays out of the log (it is about the candidate); the report keeps it.
    audit.record(
        "moderation.advisory_report_recorded",
        report,
        stage_id=stage.id,
        candidate=candidate.code,
        traffic_light=report.traffic_light.value if report.traffic_light else None,
        agreed_by=len(report.agreements),
        agreed_by_user_ids=sorted(a.user_id for a in report.agreements),
    )
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        flash("Someone else saved this report at the same moment. Check it and save again.")
    else:
        flash(f"Report saved for {candidate.code}.", "success")
    return redirect(
        url_for(
            ".candidate", vacancy_id=stage.vacancy_id, stage_id=stage.id, candidate_id=candidate.id
        )
        + "#advisory-report"
    )
