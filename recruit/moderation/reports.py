"""Advisory stages' reports on a candidate: the form the chair records one with, and what
the deciding panel reads (at its wash-up and in its packs).

The report's per-attribute view and evidence are read from the advisory stage's own
moderation each time (``domain.scoring.advisory``), never retyped, so the report cannot
drift from the figures the advisory panel agreed.
"""

from __future__ import annotations

from collections.abc import Sequence

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
)
from sqlalchemy import select
from wtforms import HiddenField, RadioField, SelectMultipleField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional

from recruit.domain.scoring.advisory import AdvisoryReportView, attribute_views
from recruit.extensions import db
from recruit.form_fields import SelectChoice
from recruit.models import (
    AdvisoryReport,
    Candidate,
    PanelSeat,
    Stage,
    StageRole,
    TrafficLight,
    Vacancy,
)
from recruit.models.reports import TRAFFIC_LIGHT_LABELS
from recruit.results import sheets
from recruit.results.consolidation import StageOutcome, attribute_names, consolidate_stage

REPORT_LIMIT = 4000
REPORT_PREFIX = "report"
NOTHING_WRITTEN = "Write what the panel saw as the candidate's strengths, or its concerns, or both"
UNKNOWN_LIGHT = "Choose one of the three views, or leave them all unselected"


class AdvisoryReportForm(FlaskForm):
    strengths = TextAreaField(
        "Strengths",
        description="What the panel thought the candidate did well, in its own words.",
        widget=GovTextArea(),
        validators=[
            Length(max=REPORT_LIMIT, message="The strengths must be 4,000 characters or fewer")
        ],
    )
    concerns = TextAreaField(
        "Concerns",
        description="What worried the panel, and why. Leave it blank if there were none.",
        widget=GovTextArea(),
        validators=[
            Length(max=REPORT_LIMIT, message="The concerns must be 4,000 characters or fewer")
        ],
    )
    traffic_light = RadioField(
        "The panel's overall view (optional)",
        choices=[SelectChoice(light.value, label) for light, label in TRAFFIC_LIGHT_LABELS.items()],
        widget=GovRadioInput(),
        validators=[Optional()],
    )
    agreed_by = SelectMultipleField(
        "Members who agreed this report",
        description=(
            "Read the report back to the panel, then tick each member who agreed it. The "
            "deciding panel sees how many of the panel's members agreed."
        ),
        widget=GovCheckboxesInput(),
        validators=[Optional()],
    )
    lock_version = HiddenField()
    submit = SubmitField("Save the report", widget=GovSubmitInput())

    def set_members(self, members: Sequence[PanelSeat]) -> None:
        self.agreed_by.choices = [
            SelectChoice(str(seat.user_id), seat.user.full_name) for seat in members
        ]

    def agreed_user_ids(self) -> set[int]:
        return {int(value) for value in self.agreed_by.data or ()}

    def check(self) -> bool:
        """Valid, with something written, and a traffic light that is one of the three."""
        ok = bool(self.validate_on_submit())
        if self.traffic_light.errors:
            self.traffic_light.errors = [UNKNOWN_LIGHT]
        if not (self.entered(self.strengths) or self.entered(self.concerns)):
            self.strengths.errors = [*self.strengths.errors, NOTHING_WRITTEN]
            ok = False
        return ok

    @staticmethod
    def entered(field: TextAreaField) -> str:
        return (field.data or "").strip()

    def light(self) -> TrafficLight | None:
        return TrafficLight(self.traffic_light.data) if self.traffic_light.data else None


def report_form(
    report: AdvisoryReport | None, members: Sequence[PanelSeat], *, from_request: bool
) -> AdvisoryReportForm:
    """The form, filled from the saved report (or, ``from_request``, from what was posted),
    with a box for each member whose agreement counts."""
    data = {
        "agreed_by": [str(a.user_id) for a in report.agreements] if report else [],
        "lock_version": str(report.lock_version) if report else "",
        "strengths": report.strengths if report else "",
        "concerns": report.concerns if report else "",
        "traffic_light": report.traffic_light.value if report and report.traffic_light else None,
    }
    if from_request:
        form = AdvisoryReportForm(prefix=REPORT_PREFIX, data=data)
    else:
        form = AdvisoryReportForm(prefix=REPORT_PREFIX, formdata=None, data=data)
    form.set_members(members)
    return form


def saved_report(stage: Stage, candidate: Candidate) -> AdvisoryReport | None:
    return db.session.scalar(
        select(AdvisoryReport).where(
            AdvisoryReport.stage_id == stage.id, AdvisoryReport.candidate_id == candidate.id
        )
    )


def report_view(
    outcome: StageOutcome,
    candidate: Candidate,
    report: AdvisoryReport | None,
    conflicts: set[tuple[int, int]] | None = None,
) -> AdvisoryReportView:
    """The report as the deciding panel reads it; with no report yet, only the figures."""
    result = next((c for c in outcome.result.candidates if c.candidate == candidate.code), None)
    attributes = attribute_views(result, outcome.scores.scores, attribute_names()) if result else ()
    light = report.traffic_light if report else None
    members = {seat.user_id for seat in report_members(outcome.stage, candidate, conflicts)}
    agreed = {a.user_id for a in report.agreements} & members if report else set()
    return AdvisoryReportView(
        stage_name=outcome.stage.name,
        traffic_light=light.label if light else None,
        strengths=report.strengths if report else "",
        concerns=report.concerns if report else "",
        attributes=attributes,
        agreed=len(agreed),
        members=len(members),
    )


def report_members(
    stage: Stage, candidate: Candidate, conflicts: set[tuple[int, int]] | None = None
) -> list[PanelSeat]:
    """The members whose agreement makes the report the panel's: those who score at the
    stage, not stood down, with no declared conflict with the candidate. ``conflicts``
    (``sheets.conflicts_for``) saves a query per candidate when reading many reports."""
    declared = sheets.conflicts_for(stage) if conflicts is None else conflicts
    return [
        seat
        for seat in sheets.scoring_seats(stage)
        if not seat.is_stood_down and (seat.user_id, candidate.id) not in declared
    ]


def advisory_reports(vacancy: Vacancy, candidate: Candidate) -> list[AdvisoryReportView]:
    """Every advisory stage's recorded report on ``candidate``, in stage order."""
    return reports_by_candidate(vacancy, [candidate]).get(candidate.id, [])


def reports_by_candidate(
    vacancy: Vacancy, candidates: Sequence[Candidate]
) -> dict[int, list[AdvisoryReportView]]:
    """Per candidate id, the advisory stages' recorded reports, in stage order. Only stages
    whose moderation is open: before then no one may see their figures. Each stage is
    consolidated once, however many candidates it reported on."""
    found: dict[int, list[AdvisoryReportView]] = {}
    for stage in vacancy.stages:
        if stage.role is not StageRole.ADVISORY or not sheets.moderation_is_open(stage):
            continue
        saved = {report.candidate_id: report for report in stage_reports(stage)}
        wanted = [candidate for candidate in candidates if candidate.id in saved]
        if not wanted:
            continue
        outcome = consolidate_stage(stage)
        conflicts = sheets.conflicts_for(stage)
        for candidate in wanted:
            view = report_view(outcome, candidate, saved[candidate.id], conflicts)
            found.setdefault(candidate.id, []).append(view)
    return found


def stage_reports(stage: Stage) -> list[AdvisoryReport]:
    return list(
        db.session.scalars(
            select(AdvisoryReport)
            .where(AdvisoryReport.stage_id == stage.id)
            .order_by(AdvisoryReport.id)
        )
    )
