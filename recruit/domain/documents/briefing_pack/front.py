"""The front of the DCS briefing pack: what is being decided and by whom, whether the
evidence is complete, how to read it, and how the figures were made.

The reader was not on the panel. The front says who decides (and whether the executive may
object), who is compared, who set the target levels, and, before any figure, whether the
deciding panel heard evidence on everything it weights. The method gives just enough to read
the figures: the scale, how stages combine, the values floor, and what the two rankings (the
stage's own weights, and equal weights) are for.
"""

from __future__ import annotations

from recruit.domain.documents.briefing_pack.completeness import write_completeness
from recruit.domain.documents.briefing_pack.model import BriefingContext
from recruit.domain.documents.briefing_pack.text import (
    CELL_TEXT_LIMIT,
    cell_text,
    has_target,
    labels_in_order,
    name_text,
    run_on_heading,
)
from recruit.domain.documents.scoring_summary.method import FLAG_MEANINGS
from recruit.domain.documents.scoring_summary.parts import align_right
from recruit.domain.documents.scoring_summary.text import (
    DEFAULT_COMBINATION,
    DEFAULT_NO_EVIDENCE,
    date_text,
    floor_rule_text,
    percent_texts,
)
from recruit.domain.documents.word.writer import PackWriter, one_line
from recruit.domain.scoring.model import FLAG_LABELS

BRIEFING_TITLE = "DCS briefing pack"
CONFIDENTIAL = (
    "This briefing is confidential. It holds candidates' personal information and the panels' "
    "judgements: keep it secure, share it only with the people making the appointment, and "
    "destroy it at the end of the retention period."
)
HOW_TO_READ_HEADING = "How to read this briefing"
HOW_TO_READ = (
    "The panels have already scored and moderated each candidate; this briefing puts the "
    "shortlist side by side so that you can test the recommendation before you decide.",
    "Check first whether the evidence is complete: while the deciding panel has not assessed "
    "something it weights, the figures are shown without ranks or totals.",
    "Then the deciding panel's results: one column per candidate, each attribute's figure on "
    "the 1 to 5 scale, with the flags, the range of members' scores where they disagreed, the "
    "values floor and the outcome. The advisory panels' reports follow in their own words, "
    "then the evidence for and the concerns about each candidate, and where each stands "
    "against the target levels.",
    "A flag, a wide range or a concern is a prompt to ask the chair about the evidence, not "
    "a verdict. How far each panel agreed, the decision, its steps and the sign-off, and the "
    "checks to complete before an offer is unconditional are at the end.",
)
DECIDING_HEADING = "What is being decided"
MEMBERS_APPOINT = (
    "Elected members appoint to this post. Once the panel has decided, every member of the "
    "executive is told of the proposed appointment and may object within the period the "
    "standing orders set. No offer is made until that period has passed and the panel has "
    "ruled on any objection; the steps are recorded with the decision."
)
OFFICERS_APPOINT = (
    "Elected members do not appoint to this post: the appointing manager and panel decide "
    "under the council's recruitment policy, and the executive is not notified."
)
METHOD_HEADING = "How the figures were worked out"
WEIGHTS_EXPLAINED = (
    "The weighted total uses the deciding stage's own attribute weights, as the panel set "
    "them (values-driven leadership usually counts for more). The equal-weights total counts "
    "every attribute the same. Both use the same figures; if the ranking changes between "
    "them, the order depends on the weights chosen, and the section on rank changes says how. "
    "Totals and ranks are shown only when the deciding panel assessed every attribute it "
    "weights."
)


def briefing_title(context: BriefingContext) -> str:
    return f"{BRIEFING_TITLE} \u2013 {name_text(context.vacancy_title)}"


def write_front(writer: PackWriter, context: BriefingContext) -> None:
    writer.heading(briefing_title(context), 1)
    writer.paragraph(CONFIDENTIAL)
    comparison = context.comparison
    compared = [c.candidate for c in comparison.candidates]
    rows = [
        ("Organisation", name_text(context.organisation_name)),
        ("Vacancy", name_text(context.vacancy_title)),
        ("Reference", name_text(context.vacancy_reference) or "None"),
        ("Date", date_text(context.generated_on)),
        ("Decided by", deciding_panel_text(context)),
        ("Candidates compared", labels_in_order(context, compared) or "None"),
        ("Stages", "; ".join(_stage_text(context, stage) for stage in comparison.stages) or "None"),
        ("Target levels", _target_text(context)),
    ]
    writer.table(None, rows, (0.22, 0.78), caption="About this briefing", bold_first_column=True)
    writer.heading(DECIDING_HEADING, 2)
    writer.paragraph(_deciding_text(context))
    steps = context.steps
    if steps is not None:
        writer.paragraph(MEMBERS_APPOINT if steps.members_appoint else OFFICERS_APPOINT)
    write_completeness(writer, context)
    writer.heading(HOW_TO_READ_HEADING, 2)
    for text in HOW_TO_READ:
        writer.paragraph(text)


def deciding_panel_text(context: BriefingContext) -> str:
    """ "Final panel interview: Cllr Ruth Owen (Chair) and Cllr Tom Hale (Elected member)"."""
    stages = "; ".join(name_text(stage) for stage in context.comparison.deciding)
    members = _and_list(
        [
            f"{name_text(person.name)} ({name_text(person.role)})"
            if person.role.strip()
            else name_text(person.name)
            for person in context.sign_off
        ]
    )
    if stages and members:
        return f"{stages}: {members}"
    return stages or members or "Not recorded"


def _deciding_text(context: BriefingContext) -> str:
    post = name_text(context.vacancy_title) or "the post"
    who = deciding_panel_text(context)
    if who == "Not recorded":
        return f"Whom to appoint as {post}, if anyone. The deciding panel is not recorded yet."
    stages = " and the ".join(name_text(stage) for stage in context.comparison.deciding)
    return (
        f"Whom to appoint as {post}, if anyone. The {stages or 'deciding panel'} decides: only "
        "its results are counted, and the other stages advise."
    )


def _and_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _stage_text(context: BriefingContext, stage: str) -> str:
    role = "decides" if stage in context.comparison.deciding else "advises"
    return f"{name_text(stage)} ({role})"


def _target_text(context: BriefingContext) -> str:
    if not has_target(context):
        return "Not set"
    return (
        name_text(context.target_description, CELL_TEXT_LIMIT) or "Set (who set it is not recorded)"
    )


def write_method(writer: PackWriter, context: BriefingContext) -> None:
    run_on_heading(writer, METHOD_HEADING)
    _write_scale(writer, context)
    writer.heading("How stages are combined", 2)
    writer.paragraph(context.method.combination.strip() or DEFAULT_COMBINATION)
    # Its own heading: the filler's wording starts "The member asked the question...", which
    # reads as the meaning of "No evidence" only under a heading that names it.
    writer.heading("\u201cNo evidence\u201d is not a low score", 2)
    meaning = context.method.no_evidence.strip()
    if meaning:
        writer.paragraph(meaning, label="\u201cNo evidence\u201d means:")
    else:
        writer.paragraph(DEFAULT_NO_EVIDENCE)
    writer.heading("The values floor", 2)
    floor = context.values_floor
    name = context.attribute_names.get(floor.attribute, floor.attribute)
    writer.paragraph(context.method.floor_rule.strip() or floor_rule_text(floor, name))
    writer.heading("Stage weights and equal weights", 2)
    writer.paragraph(WEIGHTS_EXPLAINED)
    if context.method.stage_weights:
        shares = percent_texts(context.method.stage_weights)
        text = "; ".join(f"{name_text(stage)} {share}" for stage, share in shares.items())
        writer.paragraph(text, label="Each stage's share of the overall total:")
    _write_flags_and_names(writer, context)


def _write_scale(writer: PackWriter, context: BriefingContext) -> None:
    writer.heading("The scale", 2)
    writer.paragraph(
        "Each panel member scored each answer from 1 to 5 against the question's descriptors:",
        keep_with_next=True,
    )
    rows = [
        (str(level.score), name_text(level.label), cell_text(level.description))
        for level in context.method.scale
    ]
    table = writer.table(
        ("Score", "Level", "What it means"), rows, (0.08, 0.2, 0.72), caption="The scale",
        keep_together=True,
    )  # fmt: skip
    align_right(table, (0,))


def _write_flags_and_names(writer: PackWriter, context: BriefingContext) -> None:
    writer.heading("Flags", 2)
    writer.paragraph(
        "A flag asks the reader to look again; it does not change a score.", keep_with_next=True
    )
    rows = [(FLAG_LABELS[flag], meaning) for flag, meaning in FLAG_MEANINGS.items()]
    writer.table(
        ("Flag", "Meaning"), rows, (0.22, 0.78), caption="Flags", keep_together=True,
        bold_first_column=True,
    )  # fmt: skip
    pairs = [(context.short_name(key), name) for key, name in context.attribute_names.items()]
    if all(one_line(short) == one_line(name) for short, name in pairs):
        return
    writer.heading("Attribute names", 2)
    writer.paragraph("Tables and the chart use each attribute's short name:", keep_with_next=True)
    rows = [(name_text(short), name_text(name)) for short, name in pairs]
    writer.table(
        ("Short name", "Attribute"), rows, (0.25, 0.75), caption="Attribute names",
        keep_together=True,
    )  # fmt: skip
