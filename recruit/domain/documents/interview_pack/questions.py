"""The back of an interview pack: each question with its marking guide, then the scoring sheets.

A pack written for young people asks the young people's version, leaves out adult wording
that describes distressing events (with a content note saying what it touches, from the one
shared list of distressing terms) and shows the plain traffic light instead of descriptors.

A scoring sheet is one page or more per candidate, starting on a new page so that sheets can
be printed, handed round and collected separately; the table's header row repeats if a
sheet runs over a page. Each question's evidence box grows with the minutes the plan gives
it. The sheet has no total: attributes are weighted, and the weighted figure is worked out
at moderation, so an unweighted sum on paper would only mislead.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.shared import Length, Mm, Pt

from recruit.domain.documents.interview_pack.guidance import (
    stage_date_text,
    write_traffic_light_table,
)
from recruit.domain.documents.interview_pack.model import PackContext, PackQuestion
from recruit.domain.documents.interview_pack.scrutiny import write_sheet_points
from recruit.domain.documents.interview_pack.young_people import (
    distressing_topics,
    is_distressing,
    topics_text,
)
from recruit.domain.documents.word.writer import (
    TICK_BOX,
    PackWriter,
    centre,
    keep_with_next_row,
    one_line,
    row_cells,
    set_minimum_height,
)

QUESTIONS_HEADING = "Questions"
SHEETS_HEADING = "Scoring sheets"
SHEET_HEADING = "Scoring sheet: {candidate}"
SCORE_COLUMNS = ("1", "2", "3", "4", "5", "No evidence")
SHEET_HEADER = ("Question", *SCORE_COLUMNS, "Evidence notes")
INDICATOR_HEADER = ("Positive indicators", "Negative indicators")
WARNING_SIGNS_HEADING = "Warning signs"
WARNING_SIGNS_GUIDANCE = (
    "Safeguarding concerns to listen for. If you hear one, explore it with a probe and "
    "write down what the candidate said."
)
# Shares of the text width: narrow tick columns leave the notes column as wide as possible.
_SHEET_WIDTHS = (0.24, 0.05, 0.05, 0.05, 0.05, 0.05, 0.14, 0.37)
# About one line of handwriting (6 mm) for every two minutes of a question, within limits:
# a short question still leaves room for a note, and no box grows past a quarter of an A4
# page, so a long sheet breaks cleanly between questions (rows never split).
MINUTES_PER_EVIDENCE_LINE = 2
FEWEST_EVIDENCE_LINES = 4
MOST_EVIDENCE_LINES = 10
EVIDENCE_LINE_MILLIMETRES = 6
NO_TOTAL_ON_SHEET = (
    "Do not add up your scores: the attributes are weighted, and the weighted figure is "
    "worked out at moderation."
)
CONTENT_NOTE_LABEL = "Content note:"
FOLLOW_UP = "If you want to hear more, ask them to tell you more about it, in their own words."
NO_YOUNG_PEOPLE_VERSION = (
    "This question has no young people's version. An adult on the panel asks it; listen to "
    "the answer and choose a colour as usual."
)
CHOOSE_A_COLOUR = "Choose green, amber or red for the answer, and write down why."
_OVERALL_NOTES_HEIGHT = Mm(20)
_TICK_BOX_SIZE = Pt(14)
_SIGNATURE_LINE = "_" * 30


def write_questions(writer: PackWriter, context: PackContext) -> None:
    writer.heading(QUESTIONS_HEADING, 1, new_page=True)
    if not context.questions:
        writer.paragraph("No questions have been chosen for this stage yet.")
        return
    writer.paragraph(
        "Ask every candidate the same questions, as written and in this order. "
        + _how_answers_are_judged(context)
    )
    for index, question in enumerate(context.questions):
        # One question to a page, so the panel turns the page as the interview moves on.
        writer.heading(question_heading(question), 2, new_page=index > 0)
        if for_young_readers(context):
            # No bank reference: its name can say what the adult version is about.
            writer.paragraph(f"About {question.minutes} minutes.")
            _write_for_young_people(writer, context, question)
        else:
            # An exercise's line has no question version: the exercise is copied whole.
            version = f", version {question.version}" if question.version else ""
            writer.paragraph(
                f"About {question.minutes} minutes. Bank reference "
                f"{one_line(question.question_id)}{version}."
            )
            _write_for_adults(writer, context, question)


def _how_answers_are_judged(context: PackContext) -> str:
    if for_young_readers(context):
        return "After each answer, choose a colour with the traffic light and write down why."
    if context.recipient_scores:
        return (
            "Score each answer against its descriptors on the scoring sheets at the back of "
            "this pack."
        )
    return "The descriptors say what each score sounds like, for when you advise the panel."


def question_heading(question: PackQuestion) -> str:
    return f"Question {question.number}: {one_line(question.attribute_name)}"


def for_young_readers(context: PackContext) -> bool:
    """A pack written for young people: the chair's, for the adult who chairs, keeps all."""
    return context.use_young_people_wording and not context.is_chair


def content_note(topics: Sequence[str], *, for_chair: bool) -> str:
    """What a young person's pack says in place of distressing adult wording, and what the
    chair's pack says beside it."""
    about = f"This question's adult version is about {topics_text(topics)}."
    if for_chair:
        return (
            f"{about} The young people's packs leave the adult wording out: ask the young "
            "people's version, and check on the young people after any answer that goes into it."
        )
    return f"{about} It is not printed here: the chair's pack has it."


def adult_wording(question: PackQuestion) -> list[str]:
    """Everything written for adults about a question. Its guidance can name what a scenario
    is about when the scenario itself does not ("exploitation" in the indicators of a
    question about a boy who keeps going missing), so the whole question is judged."""
    return [
        question.text,
        *question.probes,
        *question.positive_indicators,
        *(text for text, _ in question.negative_indicators),
        *question.descriptors.values(),
        *question.warning_signs,
    ]


def _write_for_adults(writer: PackWriter, context: PackContext, question: PackQuestion) -> None:
    variant = (question.young_people_variant or "").strip()
    variant = variant if context.use_young_people_wording else ""
    topics = (
        distressing_topics(adult_wording(question))
        if context.is_chair and context.young_people_on_panel
        else ()
    )
    if variant:
        writer.paragraph(variant, label="Ask:")
    if topics:
        writer.paragraph(content_note(topics, for_chair=True), label=CONTENT_NOTE_LABEL)
    if variant:
        writer.paragraph(question.text, label="Full wording, for reference:")
    else:
        writer.paragraph(question.text, label="Ask:")
    if question.probes:
        writer.heading("Probes", 3)
        writer.bullets(question.probes)
    _write_indicators(writer, question, question.positive_indicators, question.negative_indicators)
    _write_warning_signs(writer, question.warning_signs)
    _write_descriptors(writer, question)


def _write_for_young_people(
    writer: PackWriter, context: PackContext, question: PackQuestion
) -> None:
    """The young people's version first. A question whose adult wording touches distressing
    events keeps that wording and its probes out, with a content note saying what it is about;
    any indicator that names such an event is left out too."""
    variant = (question.young_people_variant or "").strip()
    topics = distressing_topics(adult_wording(question))
    if variant:
        writer.paragraph(variant, label="Ask:")
    elif topics:
        writer.paragraph(NO_YOUNG_PEOPLE_VERSION)
    else:
        writer.paragraph(question.text, label="Ask:")
    if topics:
        writer.paragraph(content_note(topics, for_chair=False), label=CONTENT_NOTE_LABEL)
    elif variant:
        writer.paragraph(question.text, label="Full wording, for reference:")
    if variant and not topics and question.probes:
        writer.heading("Probes", 3)
        writer.bullets(question.probes)
    else:
        writer.paragraph(FOLLOW_UP, label="Follow-up:")
    positives = [text for text in question.positive_indicators if not is_distressing(text)]
    negatives = [item for item in question.negative_indicators if not is_distressing(item[0])]
    _write_indicators(writer, question, positives, negatives)
    _write_warning_signs(
        writer, [text for text in question.warning_signs if not is_distressing(text)]
    )
    _write_young_peoples_judgement(writer, context, question)


def _write_indicators(
    writer: PackWriter,
    question: PackQuestion,
    positives: Sequence[str],
    negatives: Sequence[tuple[str, bool]],
) -> None:
    if not positives and not negatives:
        return
    writer.heading("What to listen for", 3)
    writer.bullet_columns(
        INDICATOR_HEADER,
        ([(text, False) for text in positives], negatives),
        caption=f"Indicators for question {question.number}",
    )


def _write_warning_signs(writer: PackWriter, signs: Sequence[str]) -> None:
    if signs:
        writer.heading(WARNING_SIGNS_HEADING, 3)
        writer.paragraph(WARNING_SIGNS_GUIDANCE)
        writer.bullets(signs)


def _write_descriptors(writer: PackWriter, question: PackQuestion) -> None:
    if question.descriptors:
        writer.heading(f"Question {question.number}: what each score sounds like", 3)
        rows = [(str(score), question.descriptors[score]) for score in sorted(question.descriptors)]
        caption = f"Descriptors for question {question.number}"
        header = ("Score", "What it sounds like")
        writer.table(header, rows, (0.12, 0.88), caption=caption, keep_together=True)


def _write_young_peoples_judgement(
    writer: PackWriter, context: PackContext, question: PackQuestion
) -> None:
    """In place of the professional descriptors: the plain traffic light, the same for every
    question."""
    writer.heading(f"Question {question.number}: choose a colour", 3)
    guide = context.young_people_guide
    if guide is None:
        writer.paragraph(CHOOSE_A_COLOUR)
        return
    caption = f"Traffic light for question {question.number}"
    write_traffic_light_table(writer, guide.traffic_light, caption)


def write_scoring_sheets(writer: PackWriter, context: PackContext) -> None:
    writer.heading(SHEETS_HEADING, 1, new_page=True)
    if not context.candidates:
        writer.paragraph("No candidates have been added to this stage yet.")
        return
    writer.paragraph(
        "One sheet for each candidate. For each question tick one box: a score from 1 to 5, or "
        "No evidence if the answer gave you nothing to judge. Write what the candidate said or "
        "did in the notes. Then enter your scores and notes and submit them before the panel "
        "discusses the candidate."
    )
    if for_young_readers(context):
        writer.paragraph(
            "If your panel uses the traffic light, write the colour and why in the notes "
            "instead of ticking a score."
        )
    for candidate in context.candidates:
        _write_sheet(writer, context, candidate)


def evidence_lines(minutes: int) -> int:
    """Lines of handwriting room in a question's evidence box, from its planned minutes."""
    wanted = -(-minutes // MINUTES_PER_EVIDENCE_LINE)  # rounded up
    return min(max(wanted, FEWEST_EVIDENCE_LINES), MOST_EVIDENCE_LINES)


def evidence_box_height(minutes: int) -> Length:
    return Mm(EVIDENCE_LINE_MILLIMETRES * evidence_lines(minutes))


def sheet_heading(candidate: str) -> str:
    return SHEET_HEADING.format(candidate=one_line(candidate))


def _write_sheet(writer: PackWriter, context: PackContext, candidate: str) -> None:
    writer.heading(sheet_heading(candidate), 2, new_page=True)
    writer.paragraph(
        f"{one_line(context.recipient)} \u00b7 {one_line(context.stage_name)} \u00b7 "
        f"{stage_date_text(context)}",
        label="Panel member:",
    )
    write_sheet_points(writer, context, candidate)
    rows = [("",) * len(SHEET_HEADER) for _ in context.questions]
    caption = f"Scores and evidence notes for {one_line(candidate)}"
    table = writer.table(SHEET_HEADER, rows, _SHEET_WIDTHS, caption=caption)
    header_row, *body_rows = table.rows
    for cell in row_cells(header_row)[1:-1]:
        centre(cell)
    for row, question in zip(body_rows, context.questions, strict=True):
        set_minimum_height(row, evidence_box_height(question.minutes))
        question_cell, *tick_cells, _ = row_cells(row)
        label = f"Question {question.number}"
        writer.fill_cell(question_cell, one_line(question.attribute_name), label=label)
        for cell in tick_cells:
            writer.fill_cell(cell, TICK_BOX, size=_TICK_BOX_SIZE)
            centre(cell)
    if body_rows:
        # A sheet too long for one page takes its last question over with the sign-off,
        # so the second page never holds a signature alone.
        keep_with_next_row(body_rows[-1])
    writer.paragraph(NO_TOTAL_ON_SHEET, keep_with_next=True)
    # The candidate is named again here: a sheet's second page may be parted from its first.
    overall = f"Overall notes on {one_line(candidate)}"
    notes = writer.table((overall,), [("",)], (1.0,), caption=overall)
    set_minimum_height(notes.rows[1], _OVERALL_NOTES_HEIGHT)
    keep_with_next_row(notes.rows[1])
    writer.paragraph(f"Signed: {_SIGNATURE_LINE}    Date: {_SIGNATURE_LINE[:15]}")
