"""Fill the DCS briefing pack from a comparison view: the moderation records, both sides of
the evidence, advisory reports and agreement of the moderated stages the reader may see, and
the compared candidates only; the sign-off is the appointing panel's (``decision_steps``)."""

from __future__ import annotations

from datetime import date

from flask import current_app
from sqlalchemy import select

from recruit.bank_store import current_bank
from recruit.checks.queries import checks_of, states
from recruit.comparisons.context import ComparisonView
from recruit.comparisons.decision_steps import appointing_panel, decision_steps
from recruit.comparisons.evidence import candidate_evidence
from recruit.domain.checks import CHECKS, NOT_STARTED, outstanding_checks, status_label
from recruit.domain.documents.briefing_pack import briefing_filename, briefing_pack_docx_bytes
from recruit.domain.documents.briefing_pack.model import (
    AdvisoryReportView,
    BriefingContext,
    PreEmploymentChecks,
    RecordedCheck,
)
from recruit.exports import EXPORTS_DIR
from recruit.extensions import db
from recruit.models import AppointmentDecision, Candidate, CandidateStatus
from recruit.moderation.reports import reports_by_candidate
from recruit.results.consolidation import attribute_names, values_floor
from recruit.summaries.context import stage_summary, summary_context

BRIEFING_REFERENCE = EXPORTS_DIR / "briefing-reference.docx"


def briefing_context(view: ComparisonView) -> BriefingContext:
    compared = {column.candidate for column in view.comparison.candidates}
    candidates = [view.candidates[code] for code in sorted(compared) if code in view.candidates]
    summaries = [stage_summary(outcome) for outcome in view.outcomes]
    shared = summary_context(view.vacancy, view.outcomes)
    members, advisers = appointing_panel(view.vacancy)
    return BriefingContext(
        organisation_name=current_app.config["ORGANISATION_NAME"],
        vacancy_title=view.vacancy.title,
        vacancy_reference=view.vacancy.reference,
        generated_on=date.today(),
        attribute_names=attribute_names(),
        candidate_labels={code: view.labels[code] for code in compared},
        comparison=view.comparison,
        method=shared.method,
        attribute_short_names={a.key: a.short_name for a in current_bank().attributes},
        stage_agreements=tuple((s.name, s.result.agreement) for s in summaries),
        moderation={
            code: {s.name: s.moderation[code] for s in summaries if code in s.moderation}
            for code in compared
        },
        candidate_evidence=candidate_evidence(view.vacancy, view.outcomes, candidates),
        advisory_reports=_advisory_reports(view, candidates),
        values_floor=values_floor(),
        sign_off=members,
        advised_by=advisers,
        steps=decision_steps(view.vacancy, view.labels),
        checks=_pre_employment_checks(view),
    )


def _pre_employment_checks(view: ComparisonView) -> PreEmploymentChecks | None:
    """The appointed candidate's checks as recorded (the decision's candidate, else one whose
    status is appointed); None when there is no such candidate or nothing is recorded."""
    decided = db.session.scalar(
        select(AppointmentDecision.candidate_id).where(
            AppointmentDecision.vacancy_id == view.vacancy.id
        )
    )
    appointed = [c for c in view.vacancy.candidates if c.status is CandidateStatus.APPOINTED]
    candidate = next((c for c in view.vacancy.candidates if c.id == decided), None) or next(
        iter(appointed), None
    )
    if candidate is None:
        return None
    rows = checks_of(candidate.id)
    if not rows:
        return None
    outstanding = set(outstanding_checks(states(rows)))
    by_kind = {kind.value: row for kind, row in rows.items()}
    recorded = []
    for check in CHECKS:
        row = by_kind.get(check.key)
        recorded.append(
            RecordedCheck(
                check=check.label,
                status=status_label(row.status.value if row else NOT_STARTED),
                complete=check.key not in outstanding,
                completed_on=row.completed_on if row else None,
                verified_by=row.verified_by.full_name if row else "",
            )
        )
    label = view.labels.get(candidate.code, candidate.code)
    return PreEmploymentChecks(candidate=label, checks=tuple(recorded))


def _advisory_reports(
    view: ComparisonView, candidates: list[Candidate]
) -> dict[str, tuple[AdvisoryReportView, ...]]:
    """Per candidate code, the advisory panels' reports at the stages the reader may see
    (those in ``view.outcomes``); a stage left out of the view stays out of the pack."""
    visible = {o.stage.name for o in view.outcomes if not o.result.deciding}
    if not visible:
        return {}
    reports = reports_by_candidate(view.vacancy, candidates)
    return {
        c.code: tuple(r for r in reports.get(c.id, ()) if r.stage_name in visible)
        for c in candidates
    }


def briefing_docx(view: ComparisonView) -> tuple[bytes, str]:
    context = briefing_context(view)
    return briefing_pack_docx_bytes(context, BRIEFING_REFERENCE), briefing_filename(context)
