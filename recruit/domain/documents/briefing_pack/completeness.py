"""Whether the deciding panel heard evidence on everything it weights, said before any figure.

A ranking over attributes the deciding panel never assessed would rank candidates on part of
what the role needs while reading as the whole. So, while anything is missing, the pack
says what, for whom, which stage would need to assess it and which advisory stages did, and
shows figures without ranks or totals (``Comparison.ranked``).
"""

from __future__ import annotations

from recruit.domain.comparison.model import MissingEvidence
from recruit.domain.documents.briefing_pack.model import BriefingContext
from recruit.domain.documents.briefing_pack.text import labels_in_order, name_text
from recruit.domain.documents.word.writer import PackWriter

COMPLETENESS_HEADING = "Is the evidence complete?"
WITHOUT_RANKS = "Figures are shown without ranks or totals until then."
NO_DECIDING_STAGE = (
    "Incomplete: no deciding stage has moderated results yet, so nothing can be ranked."
)


def write_completeness(writer: PackWriter, context: BriefingContext) -> None:
    writer.heading(COMPLETENESS_HEADING, 2)
    comparison = context.comparison
    if comparison.ranked:
        stages = " and the ".join(name_text(stage) for stage in comparison.deciding)
        writer.paragraph(
            f"Complete: the {stages} assessed every attribute it weights, for every candidate "
            "compared, so the figures are shown with totals and ranks."
        )
        return
    if not comparison.deciding:
        writer.paragraph(NO_DECIDING_STAGE)
    for missing in comparison.missing:
        writer.paragraph(incomplete_text(context, missing))
    writer.paragraph(WITHOUT_RANKS)


def incomplete_text(context: BriefingContext, missing: MissingEvidence) -> str:
    """ "Incomplete: Creating successful partnerships not assessed at the Final panel
    interview for C-03. The Final panel interview would need to assess it ..."."""
    name = name_text(context.attribute_names.get(missing.attribute, missing.attribute))
    stage = name_text(missing.stage)
    whom = "" if missing.everyone else f" for {labels_in_order(context, missing.candidates)}"
    text = (
        f"Incomplete: {name} not assessed at the {stage}{whom}. The {stage} weights it, so it "
        f"would need to assess it{' for them' if whom else ''} before the candidates are ranked."
    )
    if missing.assessed_at:
        advised = " and the ".join(name_text(stage) for stage in missing.assessed_at)
        text += (
            f" Advisory stages that assessed it: the {advised}. Their reports are in this "
            "briefing; they advise and never count in the deciding panel's figures."
        )
    else:
        text += " No advisory stage assessed it either."
    return text
