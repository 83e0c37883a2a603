"""Writing a subject access export's stages: how the candidate was assessed at each.

Every score sheet about the candidate (submitted or draft) with each question in the words
the panel member was given, the score or "No evidence" and the evidence note; every change
to a score; the scores the panel agreed; the outcome with its reasons; and, at an advisory
stage, the panel's report on the candidate to the deciding panel.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from recruit.bank_store import question_row
from recruit.models import (
    AdvisoryReport,
    AgreedScore,
    CandidateDecision,
    PanelRole,
    PlanItem,
    Score,
    ScoreAmendment,
    ScoreSheet,
    Stage,
    StageModeration,
    StageType,
)
from recruit.subject_access.records import Context, json_value


def stage_record(stage: Stage, context: Context) -> dict[str, Any]:
    """The stage, then every score sheet, agreed score and outcome about the candidate."""
    rows = context.rows
    numbers = {item.id: number for number, item in enumerate(stage.items, start=1)}
    decision = next((d for d in rows.decisions if d.stage_id == stage.id), None)
    report = next((r for r in rows.reports if r.stage_id == stage.id), None)
    return {
        "id": stage.id,
        "name": stage.name,
        "type": stage.stage_type.value,
        "type_label": stage.stage_type.label,
        "position": stage.position,
        "held_on": json_value(stage.held_on),
        "plan_issued_at": json_value(stage.plan_issued_at),
        "weights": dict(stage.weights or {}),
        "moderation": _moderation(rows.moderations.get(stage.id)),
        "score_sheets": [_sheet(sheet, stage, numbers, context) for sheet in rows.sheets_at(stage)],
        "agreed_scores": [
            _agreed_score(row, context) for row in rows.agreed if row.stage_id == stage.id
        ],
        "decision": None if decision is None else _decision(decision, context),
        "advisory_report": None if report is None else _advisory_report(report, context),
    }


def _moderation(moderation: StageModeration | None) -> dict[str, Any] | None:
    """The reason for closing scoring early is about the whole stage and may name other
    candidates: the fact is given, the wording is not."""
    if moderation is None:
        return None
    return {
        "opened_at": json_value(moderation.opened_at),
        "closed_early": moderation.closed_early_reason is not None,
    }


def _sheet(
    sheet: ScoreSheet, stage: Stage, numbers: Mapping[int, int], context: Context
) -> dict[str, Any]:
    young_people = (
        stage.stage_type is StageType.YOUNG_PEOPLES_PANEL
        or sheet.seat.panel_role is PanelRole.YOUNG_PEOPLES_PANEL
    )
    scores = sorted(sheet.scores, key=lambda score: numbers.get(score.plan_item_id, 0))
    return {
        "assessor": context.people.assessor(sheet.seat),
        "panel_role": sheet.seat.panel_role.value,
        "status": sheet.status.value,
        "created_at": json_value(sheet.created_at),
        "updated_at": json_value(sheet.updated_at),
        "submitted_at": json_value(sheet.submitted_at),
        "scores": [_score(score, numbers, young_people, context) for score in scores],
        "amendments": [_amendment(row, numbers, context) for row in sheet.amendments],
    }


def _score(
    score: Score, numbers: Mapping[int, int], young_people: bool, context: Context
) -> dict[str, Any]:
    item = score.plan_item
    return {
        "question_number": numbers.get(item.id),
        **_question(item, young_people, context),
        "score": score.score,
        "no_evidence": score.no_evidence,
        "evidence": context.redact(score.evidence),
    }


def _question(item: PlanItem, young_people: bool, context: Context) -> dict[str, Any]:
    """The question in the words the panel member was given: the plan as issued, in the
    young people's version on a young people's panel. Before issue, the bank's wording."""
    content = item.frozen_content
    issued = content is not None
    if content is None:
        row = question_row(item.question_id) if item.question_id else None
        content = dict(row.current.content) if row is not None else {}
    text = (young_people and content.get("young_people_variant")) or content.get("question")
    attribute = str(content.get("attribute", ""))
    return {
        "question_id": item.bank_id,
        "question_version": item.question_version_number,
        "attribute": attribute,
        "attribute_name": context.attribute_name(attribute),
        "question": text,
        "question_as_issued": issued,
    }


def _amendment(
    amendment: ScoreAmendment, numbers: Mapping[int, int], context: Context
) -> dict[str, Any]:
    redact = context.redact
    return {
        "question_number": numbers.get(amendment.plan_item_id),
        "question_id": amendment.plan_item.question_id,
        "before": {
            "score": amendment.previous_score,
            "no_evidence": amendment.previous_no_evidence,
            "evidence": redact(amendment.previous_evidence),
        },
        "after": {
            "score": amendment.new_score,
            "no_evidence": amendment.new_no_evidence,
            "evidence": redact(amendment.new_evidence),
        },
        "reason": redact(amendment.reason),
        "amended_by": context.people.label(amendment.amended_by_id),
        "amended_at": json_value(amendment.amended_at),
    }


def _agreed_score(row: AgreedScore, context: Context) -> dict[str, Any]:
    return {
        "attribute": row.attribute,
        "attribute_name": context.attribute_name(row.attribute),
        "formula_score": row.formula_score,
        "agreed": row.agreed,
        "rationale": context.redact(row.rationale),
        "recorded_by": context.people.label(row.recorded_by_id),
        "recorded_at": json_value(row.recorded_at),
    }


def _decision(decision: CandidateDecision, context: Context) -> dict[str, Any]:
    return {
        "outcome": decision.outcome.value,
        "reasons": context.redact(decision.reasons),
        "floor_override_reason": context.redact(decision.floor_override_reason),
        "red_flag_discussion": context.redact(decision.red_flag_discussion),
        "recorded_by": context.people.label(decision.recorded_by_id),
        "recorded_at": json_value(decision.recorded_at),
    }


def _advisory_report(report: AdvisoryReport, context: Context) -> dict[str, Any]:
    """An advisory panel's report on the candidate to the deciding panel. Its per-attribute
    view is the agreed scores and sheets above, so only the panel's own words are added."""
    return {
        "strengths": context.redact(report.strengths),
        "concerns": context.redact(report.concerns),
        "traffic_light": report.traffic_light.value if report.traffic_light else None,
        "traffic_light_label": report.traffic_light.label if report.traffic_light else None,
        "recorded_by": context.people.label(report.recorded_by_id),
        "recorded_at": json_value(report.recorded_at),
        "agreed_by": [context.people.label(a.user_id) for a in report.agreements],
    }
