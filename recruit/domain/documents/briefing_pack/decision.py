"""Near the end of the DCS briefing pack: how far each panel agreed, then the decision, its
recorded steps (the executive's objection period among them) and the sign-off.

Agreement comes before the decision because it says how far to trust the figures: a low alpha
on an attribute means the panel heard the evidence differently, and the chair can say why.
"""

from __future__ import annotations

from docx.shared import Mm

from recruit.domain.documents.briefing_pack.model import BriefingContext
from recruit.domain.documents.briefing_pack.steps import write_steps
from recruit.domain.documents.briefing_pack.table import column_label
from recruit.domain.documents.briefing_pack.text import name_text
from recruit.domain.documents.scoring_summary.parts import align_right
from recruit.domain.documents.scoring_summary.sign_off import (
    member_text,
    merged_roles,
    write_advisers,
)
from recruit.domain.documents.scoring_summary.stage import (
    ALPHA_EXPLAINED,
    ALPHA_HEADER,
    ALPHA_WIDTHS,
)
from recruit.domain.documents.scoring_summary.text import alpha_text
from recruit.domain.documents.word.writer import (
    TICK_BOX,
    PackWriter,
    set_minimum_height,
)
from recruit.domain.scoring.model import Agreement

AGREEMENT_HEADING = "How far each panel agreed"
DECISION_HEADING = "Decision and sign-off"
DECISION_HEADER = ("Candidate", "Decision", "Reasons")
SIGN_OFF_HEADER = ("Name", "Role", "Councillor", "Signature", "Date")
DECISION_CHOICES = ("Appoint", "Reserve", "Do not appoint")
DECISION_INTRODUCTION = (
    "For the Director of Children's Services, or the appointing members, to record their "
    "decision on each candidate and the reasons for it. Where the decision differs from a "
    "panel's outcome, or appoints a candidate whom the values floor stops, say why."
)
# Room for a few lines of handwritten reasons, and for a handwritten signature.
_REASONS_HEIGHT = Mm(25)
_SIGNATURE_HEIGHT = Mm(15)
SIGN_OFF_STATEMENT = (
    "We confirm that we have read this briefing and that the decision above is ours. The "
    "appointing panel's members who score sign here: they make the decision."
)
# Rows to sign by hand when the caller names no one: the DCS and two appointing members.
_BLANK_SIGNATURES = 3


def write_agreement(writer: PackWriter, context: BriefingContext) -> None:
    writer.heading(AGREEMENT_HEADING, 1, new_page=True)
    if not context.stage_agreements:
        writer.paragraph("No agreement figures were supplied for the stages.")
        return
    writer.paragraph(ALPHA_EXPLAINED)
    for stage, agreement in context.stage_agreements:
        writer.heading(name_text(stage), 2)
        _write_stage_agreement(writer, context, name_text(stage), agreement)


def _write_stage_agreement(
    writer: PackWriter, context: BriefingContext, stage: str, agreement: Agreement
) -> None:
    readings = [
        (name_text(context.short_name(key)), agreement.per_attribute.get(key))
        for key in context.attribute_names
    ]
    # Per attribute only: no alpha pooled across attributes.
    rows = [
        (name, alpha_text(r.alpha), str(r.units), str(r.members), name_text(r.reading))
        if r is not None
        else (name, alpha_text(None), "0", "0", "Not measured")
        for name, r in readings
    ]
    table = writer.table(
        ALPHA_HEADER, rows, ALPHA_WIDTHS, caption=f"Panel agreement: {stage}", keep_together=True
    )
    align_right(table, (1, 2, 3))


def write_decision(writer: PackWriter, context: BriefingContext) -> None:
    writer.heading(DECISION_HEADING, 1, new_page=True)
    writer.paragraph(DECISION_INTRODUCTION, keep_with_next=True)
    choices = "\n".join(f"{TICK_BOX} {choice}" for choice in DECISION_CHOICES)
    rows = [
        (column_label(context, c.candidate), choices, "") for c in context.comparison.candidates
    ] or [("", choices, "")]
    table = writer.table(
        DECISION_HEADER, rows, (0.22, 0.16, 0.62), caption="Decision on each candidate"
    )
    for row in table.rows[1:]:
        set_minimum_height(row, _REASONS_HEIGHT)
    # The record of the decision and the executive's objection period come before the
    # signatures: the members sign for a decision whose steps they can see.
    write_steps(writer, context.steps)
    _write_sign_off(writer, context)
    write_advisers(writer, context.advised_by, 2)


def _write_sign_off(writer: PackWriter, context: BriefingContext) -> None:
    """A row to sign for each deciding member, saying whether they are a councillor and on
    the executive: the reader checks the decision was made as the standing orders ask."""
    writer.paragraph(SIGN_OFF_STATEMENT, keep_with_next=True)
    signatures = [
        (name_text(person.name), name_text(role), member_text(person), "", "")
        for person, role in merged_roles(context.sign_off)
    ] or [("",) * 5] * _BLANK_SIGNATURES
    table = writer.table(
        SIGN_OFF_HEADER, signatures, (0.22, 0.2, 0.2, 0.24, 0.14), caption="Sign-off"
    )
    for row in table.rows[1:]:
        set_minimum_height(row, _SIGNATURE_HEIGHT)
