"""Each question's fields on the score sheet, as params for the lean HTML in recruit/lean_html.py.

Built here rather than in the template: seven options a question and fifteen questions a
sheet, and building each option's dict in Jinja cost more than writing out the HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from recruit.scoring.forms import EVIDENCE_MAX_LENGTH, NO_EVIDENCE, ScoreSheetForm
from recruit.scoring.sheet_view import SheetQuestion

SCORE_LEVELS = range(1, 6)
NO_EVIDENCE_HINT = "The candidate gave nothing you could score for this question."
EVIDENCE_HINT = "What the candidate said or did that supports your score."
# When the character count starts to show how many characters are left, in per cent.
EVIDENCE_COUNT_THRESHOLD = 75
EVIDENCE_ROWS = 5

Params = dict[str, Any]


@dataclass(frozen=True)
class QuestionFields:
    """One question of the sheet: govukDetails params for its probes (None if it has none),
    govukRadios params for its score and govukCharacterCount params for its evidence."""

    question: SheetQuestion
    probes: Params | None
    score: Params
    evidence: Params


def sheet_fields(
    form: ScoreSheetForm, questions: Sequence[SheetQuestion], ratings: dict[int, str]
) -> list[QuestionFields]:
    return [
        QuestionFields(
            question,
            _probes(question),
            _score(form, question, ratings),
            _evidence(form, question),
        )
        for question in questions
    ]


def _probes(question: SheetQuestion) -> Params | None:
    if not question.probes:
        return None
    items = "".join(f"<li>{escape(probe)}</li>" for probe in question.probes)
    return {
        "summaryText": "Follow-up probes",
        "html": Markup(f'<ul class="govuk-list govuk-list--bullet">{items}</ul>'),
    }


def _score(form: ScoreSheetForm, question: SheetQuestion, ratings: dict[int, str]) -> Params:
    field = form.score_field(question.item)
    items: list[Params] = [
        {
            "value": str(level),
            "text": f"{level} – {ratings.get(level, '')}",
            "hint": {"text": question.descriptors.get(level, "")},
            "checked": field.data == str(level),
        }
        for level in SCORE_LEVELS
    ]
    items += [
        {"divider": "or"},
        {
            "value": NO_EVIDENCE,
            "text": "No evidence",
            "hint": {"text": NO_EVIDENCE_HINT},
            "checked": field.data == NO_EVIDENCE,
        },
    ]
    return {
        "idPrefix": field.id,
        "name": field.name,
        "fieldset": {
            "legend": {
                "text": f"Your score for question {question.number}",
                "classes": "govuk-fieldset__legend--s",
            }
        },
        "items": items,
        "errorMessage": {"text": field.errors[0]} if field.errors else None,
    }


def _evidence(form: ScoreSheetForm, question: SheetQuestion) -> Params:
    field = form.evidence_field(question.item)
    return {
        "id": field.id,
        "name": field.name,
        "maxlength": EVIDENCE_MAX_LENGTH,
        "threshold": EVIDENCE_COUNT_THRESHOLD,
        "rows": EVIDENCE_ROWS,
        "value": field.data or "",
        "label": {"text": f"Evidence for question {question.number}", "classes": "govuk-label--s"},
        "hint": {"text": EVIDENCE_HINT},
        "errorMessage": {"text": field.errors[0]} if field.errors else None,
    }
