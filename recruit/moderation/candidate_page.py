"""The wash-up page for one candidate, as both of its forms draw it: the moderation record
(``routes.candidate``) and, at an advisory stage, the report for the deciding panel
(``report_routes.advisory_report``). Whichever form was posted keeps what was typed; the
other is drawn as saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import render_template
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import (
    Candidate,
    CandidateDecision,
    Outcome,
    Stage,
    StageModeration,
    StageRole,
)
from recruit.moderation.access import label_for_viewer
from recruit.moderation.evidence import candidate_evidence
from recruit.moderation.forms import CandidateModerationForm
from recruit.moderation.reports import (
    AdvisoryReportForm,
    advisory_reports,
    report_form,
    report_members,
    report_view,
    saved_report,
)
from recruit.moderation.state import changed_records
from recruit.results import sheets
from recruit.results.consolidation import (
    StageOutcome,
    agreed_scores,
    attribute_names,
    unplanned,
    values_floor,
)

CLOSED_PROBLEM = (
    "Moderation at this stage is closed, so its records are locked and nothing was saved. "
    "To change this record, reopen moderation and give the reason."
)


@dataclass
class CandidatePage:
    """What the wash-up page for a candidate is drawn from. ``report_form`` is the advisory
    report's form as posted, when that was the form sent; otherwise it is made from the
    saved report."""

    stage: Stage
    candidate: Candidate
    moderation: StageModeration
    outcome: StageOutcome
    form: CandidateModerationForm
    problem: str | None = None
    report_form: AdvisoryReportForm | None = None
    report_problem: str | None = None


def candidate_page(page: CandidatePage) -> str:
    stage, found, outcome = page.stage, page.candidate, page.outcome
    standing = next(c for c in outcome.result.candidates if c.candidate == found.code)
    return render_template(
        "moderation/candidate.html",
        stage=stage,
        candidate=found,
        label=label_for_viewer(stage)(found),
        standing=standing,
        names=attribute_names(),
        unplanned=unplanned(outcome),
        form=page.form,
        problem=page.problem,
        outcomes=Outcome,
        moderation=page.moderation,
        decision=decision_for(stage, found),
        inputs_changed=found.code in changed_records(outcome),
        set_aside=[s for s in sheets.set_aside_sheets(stage) if s.candidate_id == found.id],
        evidence=candidate_evidence(outcome, found.code),
        floor_attribute=values_floor().attribute,
        **_advisory_context(page),
    )


def _advisory_context(page: CandidatePage) -> dict[str, object]:
    """At an advisory stage, its report on the candidate and the form to record it; at the
    deciding stage, what the advisory panels reported (advice, shown apart from the figures)."""
    if page.stage.role is StageRole.DECIDING:
        return {"advisory_reports": advisory_reports(page.stage.vacancy, page.candidate)}
    report = saved_report(page.stage, page.candidate)
    members = report_members(page.stage, page.candidate)
    form = page.report_form or report_form(report, members, from_request=False)
    agreed = {a.user_id for a in report.agreements} if report else set()
    return {
        "report": report,
        "agreed_names": [seat.user.full_name for seat in members if seat.user_id in agreed],
        "report_view": report_view(page.outcome, page.candidate, report),
        "report_form": form,
        "report_problem": page.report_problem,
        "error_form": form,  # base.html's error summary: this form's errors, when it has some
    }


def refused_page(stage: Stage, candidate: Candidate, reason: str) -> tuple[str, int]:
    return (
        render_template(
            "moderation/refused.html",
            stage=stage,
            label=label_for_viewer(stage)(candidate),
            reason=reason,
        ),
        403,
    )


def decision_for(stage: Stage, candidate: Candidate) -> CandidateDecision | None:
    return db.session.scalar(
        select(CandidateDecision).where(
            CandidateDecision.stage_id == stage.id,
            CandidateDecision.candidate_id == candidate.id,
        )
    )


def saved_record(
    stage: Stage, candidate: Candidate, decision: CandidateDecision | None
) -> dict[str, object]:
    data: dict[str, object] = {"lock_version": str(decision.lock_version) if decision else ""}
    for row in agreed_scores(stage):
        if row.candidate_id == candidate.id:
            data[f"agreed_{row.attribute}"] = f"{row.agreed:g}"
            data[f"rationale_{row.attribute}"] = row.rationale
    if decision is not None:
        data["outcome"] = decision.outcome.value
        data["reasons"] = decision.reasons
        data["floor_override_reason"] = decision.floor_override_reason or ""
        data["red_flag_discussion"] = decision.red_flag_discussion or ""
    return data
