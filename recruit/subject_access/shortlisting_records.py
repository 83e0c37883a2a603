"""Writing a subject access export: the candidate's shortlisting scrutiny.

HR's notes on the application are the candidate's personal data and are given in full
(through the redactor, as every free text): each gap or discrepancy noted, what the panel
was to explore and the explanation recorded, and the shortlisting decision with its outcome
per essential criterion. Staff appear by label.
"""

from __future__ import annotations

from typing import Any

from recruit.models import ScrutinyPoint, ShortlistingDecision
from recruit.subject_access.records import Context, json_value


def shortlisting_record(context: Context) -> dict[str, Any]:
    rows = context.rows
    decision = rows.shortlisting[0] if rows.shortlisting else None
    return {
        "points_noted": [_point(point, context) for point in rows.points],
        "decision": _decision(decision, context) if decision else None,
    }


def _point(point: ScrutinyPoint, context: Context) -> dict[str, Any]:
    return {
        "kind": point.kind.label,
        "from": json_value(point.from_date),
        "to": json_value(point.to_date),
        "noted": context.redact(point.noted),
        "to_explore": context.redact(point.to_explore),
        "explored_at": point.stage.name if point.stage else None,
        "explanation": context.redact(point.explanation),
        "noted_by": context.people.label(point.recorded_by_id),
        "noted_at": json_value(point.created_at),
    }


def _decision(decision: ShortlistingDecision, context: Context) -> dict[str, Any]:
    return {
        "shortlisted": decision.shortlisted,
        "reasons": context.redact(decision.reasons),
        "decided_by": context.people.label(decision.decided_by_id),
        "decided_at": json_value(decision.decided_at),
        "criteria": [
            {
                "criterion": assessment.criterion.text,
                "outcome": assessment.outcome.label,
                "evidence": context.redact(assessment.evidence),
            }
            for assessment in decision.assessments
        ],
    }
