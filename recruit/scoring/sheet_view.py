"""What a score sheet page shows: the questions as issued, and saved answers.

Questions come from the plan as issued (``PlanItem.frozen_content``), in the wording the
member's pack uses: the young people's version on a young people's panel.
"""

from __future__ import annotations

from dataclasses import dataclass

from recruit.bank_store import current_bank
from recruit.extensions import db
from recruit.models import (
    PanelRole,
    PanelSeat,
    PlanItem,
    Score,
    ScoreSheet,
    SheetStatus,
    Stage,
    StageType,
)
from recruit.models._types import utcnow
from recruit.scoring.forms import NO_EVIDENCE, ScoreSheetForm
from recruit.stages.packs import pack_question


@dataclass(frozen=True)
class SheetQuestion:
    item: PlanItem
    number: int
    attribute_name: str
    text: str
    probes: tuple[str, ...]
    descriptors: dict[int, str]


def sheet_questions(stage: Stage, seat: PanelSeat) -> list[SheetQuestion]:
    bank = current_bank()
    young_people = (
        stage.stage_type is StageType.YOUNG_PEOPLES_PANEL
        or seat.panel_role is PanelRole.YOUNG_PEOPLES_PANEL
    )
    questions = []
    for number, item in enumerate(stage.items, 1):
        question = pack_question(number, item, bank)
        text = (young_people and question.young_people_variant) or question.text
        questions.append(
            SheetQuestion(
                item,
                number,
                question.attribute_name,
                text,
                question.probes,
                {int(level): words for level, words in question.descriptors.items()},
            )
        )
    return questions


def rating_labels() -> dict[int, str]:
    return {rating.score: rating.label for rating in current_bank().rating_scale}


def form_data_from(sheet: ScoreSheet | None) -> dict[str, str]:
    """A saved sheet as form field values, to fill the form on a GET."""
    if sheet is None:
        return {}
    data = {"lock_version": str(sheet.lock_version)}
    for score in sheet.scores:
        data[f"score_{score.plan_item_id}"] = (
            NO_EVIDENCE if score.no_evidence else str(score.score or "")
        )
        data[f"evidence_{score.plan_item_id}"] = score.evidence
    return data


def save_draft(
    sheet: ScoreSheet | None, seat: PanelSeat, candidate_id: int, form: ScoreSheetForm
) -> ScoreSheet:
    """Store what the form holds on the member's sheet (creating it), still as a draft."""
    if sheet is None:
        sheet = ScoreSheet(seat_id=seat.id, candidate_id=candidate_id, status=SheetStatus.DRAFT)
        db.session.add(sheet)
    for item in form.items:
        score, no_evidence, evidence = form.entered(item)
        row = sheet.score_for(item.id)
        if row is None:
            row = Score(plan_item_id=item.id)
            sheet.scores.append(row)
        row.score, row.no_evidence, row.evidence = score, no_evidence, evidence
    sheet.updated_at = utcnow()
    return sheet


def is_complete(sheet: ScoreSheet, items: list[PlanItem]) -> bool:
    for item in items:
        row = sheet.score_for(item.id)
        if row is None or not row.is_answered:
            return False
        if row.score is not None and not row.evidence.strip():
            return False
    return True
