"""The panel scoring summary: the .docx reopened with python-docx, hostile input, and PDF.

The stage results are written out by hand below rather than computed, so these tests do
not depend on the scoring rules: C-02 is first and moderated, C-01 second with a
disagreement, C-03 third and stopped by the values floor, with buy-in not assessed (for C-03
only, so the attribute keeps its column and C-03 its flag). ``unassessed_stage`` is a stage
that asked nobody about buy-in, which the summary says once and leaves out of its tables.
"""

from __future__ import annotations

import dataclasses
import datetime
import math
import re
import shutil
import subprocess
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table
from docx.text.paragraph import Paragraph
from PIL import Image

from recruit.domain.documents.scoring_summary_model import (
    AgreedScore,
    CandidateModeration,
    EvidenceNote,
    MethodNote,
    ScaleLevel,
    SignOff,
    StageSummary,
    SummaryContext,
)
from recruit.domain.documents.scoring_summary_text import datetime_text, rank_texts, score_text
from recruit.domain.documents.scoring_summary_word import (
    build_scoring_summary,
    scoring_summary_docx_bytes,
    summary_filename,
)
from recruit.domain.scoring_model import (
    Agreement,
    AlphaReading,
    AttributeResult,
    CandidateResult,
    Flag,
    MemberTendency,
    StageResult,
    ValuesFloor,
)
from tests.conftest import skip_or_fail

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "exports" / "summary-reference.docx"
ATTRIBUTES = {
    "values": "Leadership and change driven by values",
    "decisions": "Changing how decisions are made in the interests of children, young people "
    "and families",
    "practice-culture": "Changing practice and culture",
    "partnerships": "Creating successful partnerships",
    "buy-in": "Securing buy-in from corporate leaders and politicians",
}
SHORT_NAMES = {
    "values": "Values-driven", "decisions": "Decisions for families",
    "practice-culture": "Practice and culture", "partnerships": "Partnerships",
    "buy-in": "Political buy-in",
}  # fmt: skip
CANDIDATE_LABELS = {"C-01": "Sam Patel (C-01)", "C-02": "Ayesha Khan (C-02)", "C-03": "C-03"}
MEMBERS = {"m1": "Cllr Ruth Owen", "m2": "Dr Amir Khan", "m3": "Jo Bell", "m4": "Priya Shah"}
WEIGHTS = {"values": 0.4, "decisions": 0.15, "practice-culture": 0.15, "partnerships": 0.15,
           "buy-in": 0.15}  # fmt: skip
MODERATED_AT = datetime.datetime(2027, 1, 12, 14, 30, tzinfo=datetime.UTC)
SCALE = tuple(
    ScaleLevel(score, label, f"What a {score} sounds like.")
    for score, label in enumerate(
        ("Evidence against", "Limited", "Sound", "Strong", "Exceptional"), start=1
    )
)
RESULTS_HEADER = ["Candidate", *SHORT_NAMES.values(), "Weighted total", "Rank", "Outcome", "Flags"]
CONTROL = "\x00\x07\x0b\x0c\x1f\ufffe\uffff\ud800"
ARABIC = "مدير خدمات الأطفال"
HEBREW = "מנהל שירותי ילדים"
EMOJI = "👩🏽‍👧 🌍"
FORMULA = '=HYPERLINK("http://evil.example","x")'
HOSTILE = f"{CONTROL}{FORMULA} {ARABIC} {HEBREW} {EMOJI} $\\frac{{1}}{{0}}$\r\n" + "x" * 100_000
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


# --- the results, by hand -----------------------------------------------------------------


def attribute(
    key: str, scores: tuple[float, ...], *, agreed: float | None = None, no_evidence: int = 0,
    flags: tuple[Flag, ...] = (),
) -> AttributeResult:  # fmt: skip
    if not scores:
        return AttributeResult(key, 0, no_evidence, None, None, None, None, None, agreed, flags)
    low, high = min(scores), max(scores)
    ordered, middle = sorted(scores), len(scores) // 2
    median = ordered[middle] if len(scores) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    mean = sum(scores) / len(scores)
    return AttributeResult(key, len(scores), no_evidence, mean, median, low, high, high - low,
                           agreed, flags)  # fmt: skip


def candidate_results() -> tuple[CandidateResult, ...]:
    first = CandidateResult(
        candidate="C-02",
        attributes=(
            attribute("values", (4, 4, 5, 4)),
            attribute("decisions", (4, 4, 3, 4)),
            attribute("practice-culture", (4, 3, 4, 4)),
            attribute("partnerships", (3, 3, 4, 3), agreed=4.0),
            attribute("buy-in", (4, 4, 4, 3)),
        ),
        formula_total=3.875, moderated_total=3.9875, floor_breached=False, floor_reasons=(),
        floor_overridden=False, override_reason=None, outcome="appointable", rank=1,
    )  # fmt: skip
    second = CandidateResult(
        candidate="C-01",
        attributes=(
            attribute("values", (4, 3, 4, 3)),
            attribute("decisions", (2, 4, 4, 3), flags=("disagreement",)),
            attribute("practice-culture", (3, 3, 3), no_evidence=1),
            attribute("partnerships", (3, 4, 3, 3)),
            attribute("buy-in", (3, 3, 3, 3)),
        ),
        formula_total=3.275, moderated_total=None, floor_breached=False, floor_reasons=(),
        floor_overridden=False, override_reason=None, outcome="reserve", rank=2,
    )  # fmt: skip
    third = CandidateResult(
        candidate="C-03",
        attributes=(
            attribute("values", (3, 2, 3, 2), flags=("values_floor",)),
            attribute("decisions", (4, 4, 4, 4)),
            attribute("practice-culture", (5, 4, 4, 5)),
            attribute("partnerships", (2,), no_evidence=3, flags=("mostly_no_evidence",)),
            attribute("buy-in", (), flags=("not_assessed",)),
        ),
        formula_total=3.05, moderated_total=None, floor_breached=True,
        floor_reasons=("Panel mean of 2.5 on Values-driven is below 3",), floor_overridden=False,
        override_reason=None, outcome="not_appointable", rank=3,
    )  # fmt: skip
    return first, second, third


def agreement() -> Agreement:
    per_attribute = {
        "values": AlphaReading(0.72, 12, "Tentative agreement"),
        "decisions": AlphaReading(0.41, 12, "Poor agreement: discuss before relying on it"),
        "practice-culture": AlphaReading(0.8, 11, "Good agreement"),
        "partnerships": AlphaReading(None, 1, "Too few paired scores to measure"),
    }
    tendencies = (
        MemberTendency("m1", 0.4, 18, "Scores about 0.4 higher than the other members"),
        MemberTendency("m2", -0.25, 18, "Scores about 0.3 lower than the other members"),
        MemberTendency("m3", 0.0, 17, "Scores in line with the other members"),
        MemberTendency("m4", None, 0, "Too few shared questions to compare"),
    )
    return Agreement(per_attribute, AlphaReading(0.66, 46, "Tentative agreement"), tendencies)


def evidence() -> dict[tuple[str, str], tuple[EvidenceNote, ...]]:
    return {
        ("C-02", "values"): (
            EvidenceNote("Cllr Ruth Owen", 4, "Spoke about fairness for care leavers."),
            EvidenceNote("Jo Bell", 5, "Moved budget to keep siblings together.", "Question 1"),
            EvidenceNote("Dr Amir Khan", 3, "Named a family she had learned from."),
            EvidenceNote("Priya Shah", None, "Ran out of time on the second question."),
        ),
        ("C-03", "values"): (EvidenceNote("Jo Bell", 2, "Talked only about targets."),),
    }


def moderation() -> dict[str, CandidateModeration]:
    change = AgreedScore(
        "partnerships", 3.25, 4.0, "Police partner confirmed the joint hub she set up.",
        "Sam Patel (chair)", MODERATED_AT,
    )  # fmt: skip
    return {
        "C-02": CandidateModeration(
            agreed_scores=(change,),
            outcome_reasons="Strongest values evidence; clear record of partnership work.",
            decided_by="Sam Patel (chair)",
            decided_at=MODERATED_AT,
        ),
        "C-03": CandidateModeration(outcome_reasons="The values floor applies."),
    }


def stage_summary(name: str = "Final panel interview") -> StageSummary:
    return StageSummary(
        name=name,
        result=StageResult(name, candidate_results(), agreement, WEIGHTS, ValuesFloor()),
        member_labels=MEMBERS,
        moderation=moderation(),
        evidence=evidence(),
        held_on=datetime.date(2027, 1, 12),
        opened_at=datetime.datetime(2027, 1, 12, 13, 0, tzinfo=datetime.UTC),
        closed_at=MODERATED_AT,
        closed_by="Sam Patel",
    )


def without_buy_in(candidate: CandidateResult) -> CandidateResult:
    """The candidate as a stage that asked nothing about buy-in would leave them."""
    attributes = tuple(
        attribute("buy-in", (), flags=("not_assessed",)) if result.attribute == "buy-in" else result
        for result in candidate.attributes
    )
    return dataclasses.replace(candidate, attributes=attributes)


def unassessed_stage(name: str = "Young people's panel") -> StageSummary:
    """Every candidate has the "not assessed" flag on buy-in: the stage never asked about it."""
    stage = stage_summary(name)
    candidates = tuple(without_buy_in(candidate) for candidate in candidate_results())
    return dataclasses.replace(
        stage, result=dataclasses.replace(stage.result, candidates=candidates)
    )


def make_context(**changes: object) -> SummaryContext:
    context = SummaryContext(
        organisation_name="Testshire County Council",
        vacancy_title="Director of Children's Services",
        vacancy_reference="DCS-2027-01",
        generated_on=datetime.date(2027, 1, 14),
        attribute_names=ATTRIBUTES,
        candidate_labels=CANDIDATE_LABELS,
        method=MethodNote(scale=SCALE),
        stages=(stage_summary(), stage_summary("Stakeholder panel")),
        overall=candidate_results(),
        attribute_short_names=SHORT_NAMES,
        sign_off=(SignOff("Sam Patel", "Chair"), SignOff("Cllr Ruth Owen", "Lead Member")),
    )
    return dataclasses.replace(context, **changes)  # type: ignore[arg-type]


# --- reading the document back ------------------------------------------------------------


def reopen(document: DocxDocument) -> DocxDocument:
    buffer = BytesIO()
    document.save(buffer)
    buffer.seek(0)
    return docx.Document(buffer)


def build(reference: Path | None = REFERENCE, **changes: object) -> DocxDocument:
    return reopen(build_scoring_summary(make_context(**changes), reference))


@pytest.fixture(scope="module")
def summary() -> DocxDocument:
    return build()


def paragraphs_and_cells(document: DocxDocument) -> Iterator[Paragraph]:
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def all_text(document: DocxDocument) -> str:
    return "\n".join(p.text for p in paragraphs_and_cells(document))


def headings(document: DocxDocument, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def caption(table: Table) -> str:
    element = table._tbl.tblPr.find(qn("w:tblCaption"))
    return "" if element is None else str(element.get(qn("w:val")))


def table_captioned(document: DocxDocument, text: str) -> Table:
    return next(table for table in document.tables if caption(table) == text)


def rows_text(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def is_repeating_header(table: Table) -> bool:
    properties = table.rows[0]._tr.trPr
    return properties is not None and properties.find(qn("w:tblHeader")) is not None


def alt_texts(document: DocxDocument) -> list[str]:
    return [shape._inline.docPr.get("descr") or "" for shape in document.inline_shapes]


# --- structure ----------------------------------------------------------------------------


@pytest.mark.parametrize("reference", [None, REFERENCE], ids=["python-docx default", "reference"])
def test_summary_reopens_with_title_language_header_and_landscape_page(
    reference: Path | None,
) -> None:
    document = build(reference)

    title = "Panel scoring summary – Director of Children's Services"
    assert document.core_properties.title == title
    assert document.core_properties.language == "en-GB"
    assert document.core_properties.author == "Testshire County Council"
    assert headings(document, 1)[0] == title
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "Testshire County Council" in header and "Confidential" in header
    footer = document.sections[0].footer
    assert "DCS-2027-01" in footer.paragraphs[0].text and "PAGE" in footer._element.xml
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210


def test_headings_use_real_styles_in_order(summary: DocxDocument) -> None:
    assert headings(summary, 1)[1:] == [
        "How the figures were worked out",
        "Final panel interview",
        "Stakeholder panel",
        "Across all stages",
        "Sign-off",
    ]
    level_two = headings(summary, 2)
    # Each stage has each candidate, in rank order, under its results and agreement.
    stage = ["Results", "How far the panel agreed", *(CANDIDATE_LABELS[k] for k in ("C-02", "C-01", "C-03"))]  # fmt: skip
    assert level_two[-11:] == [*stage, *stage, "Profiles compared"]
    assert headings(summary, 3).count("Member tendencies: a calibration aid") == 2
    assert {table.style.name for table in summary.tables} == {"Interview Pack Table"}


def test_headings_and_introductions_keep_with_what_follows(summary: DocxDocument) -> None:
    body = list(summary.element.body)
    paragraphs = [Paragraph(element, summary) for element in body if element.tag == qn("w:p")]
    heads = [p for p in paragraphs if p.style.name.startswith("Heading")]

    assert len(heads) > 30
    # Set on each heading, not left to the reference's styles, which a council may change.
    assert all(p.paragraph_format.keep_with_next for p in heads)
    assert all(p.paragraph_format.keep_together for p in heads)
    # A paragraph leading into a table (e.g. "The figures in the chart:") stays with it.
    for element, following in zip(body, body[1:], strict=False):
        if element.tag == qn("w:p") and following.tag == qn("w:tbl"):
            paragraph = Paragraph(element, summary)
            assert paragraph.paragraph_format.keep_with_next, paragraph.text


def test_only_stages_and_the_results_across_them_start_a_page(summary: DocxDocument) -> None:
    starts = [p.text for p in summary.paragraphs if p.paragraph_format.page_break_before]

    # Candidates, the method note and the sign-off follow on; none is forced onto a new page.
    assert starts == ["Final panel interview", "Stakeholder panel", "Across all stages"]
    assert not any(element.xpath(".//w:br[@w:type='page']") for element in summary.element.body)


def test_method_note_explains_scale_weights_floor_and_no_evidence(summary: DocxDocument) -> None:
    text = all_text(summary)

    assert rows_text(table_captioned(summary, "The scale"))[3] == [
        "3",
        "Sound",
        "What a 3 sounds like.",
    ]
    weights = rows_text(table_captioned(summary, "Weights"))
    assert weights[0] == ["Attribute", "Final panel interview", "Stakeholder panel"]
    assert weights[1] == ["Values-driven", "40%", "40%"] and weights[2][1] == "15%"
    names = rows_text(table_captioned(summary, "Attribute names"))
    assert names[0] == ["Short name", "Attribute"] and names[2] == [
        "Decisions for families",
        ATTRIBUTES["decisions"],
    ]
    assert "It is not a low score" in text
    assert "A panel mean below 3 on Leadership and change driven by values" in text
    assert "the overall total is the mean of the stage totals" in text
    flags = [row[0] for row in rows_text(table_captioned(summary, "Flags"))[1:]]
    assert flags == ["Values floor", "Panel disagreement", "Not assessed", "Mostly no evidence"]


def test_results_table_has_means_to_one_decimal_right_aligned_and_flags_as_text(
    summary: DocxDocument,
) -> None:
    table = table_captioned(summary, "Results: Final panel interview")
    rows = rows_text(table)

    assert rows[0] == RESULTS_HEADER and is_repeating_header(table)
    assert [row[0] for row in rows[1:]] == ["Ayesha Khan (C-02)", "Sam Patel (C-01)", "C-03"]
    first, second, third = rows[1:]
    # 3.25 rounds half up, as by hand; the agreed score shows under the mean it replaces.
    assert first[1:6] == ["4.3", "3.8", "3.8", "3.3\nagreed 4.0", "3.8"]
    assert first[6:9] == ["4.0\nformula 3.9", "1", "Appointable"] and first[9] == "None"
    assert second[2] == "3.3" and second[8] == "Reserve"
    assert second[9] == "Panel disagreement: Decisions for families"
    assert third[5] == "Not assessed" and third[8] == "Not appointable"
    assert third[9].split("\n") == [
        "Values floor: Values-driven", "Not assessed: Political buy-in",
        "Mostly no evidence: Partnerships",
    ]  # fmt: skip
    for row in table.rows:
        assert row.cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert row.cells[0].paragraphs[0].alignment != WD_ALIGN_PARAGRAPH.RIGHT


def test_an_attribute_a_stage_did_not_assess_is_named_once_and_left_out_of_its_tables() -> None:
    document = build(stages=(unassessed_stage(), stage_summary("Stakeholder panel")))
    text = all_text(document)
    buy_in = SHORT_NAMES["buy-in"]

    sentence = "Not assessed at this stage: Political buy-in. No candidate has a score on this "
    assert text.count(sentence) == 1
    results = rows_text(table_captioned(document, "Results: Young people's panel"))
    assert results[0] == [item for item in RESULTS_HEADER if item != buy_in]
    # C-03's flags no longer repeat it; the other flags stay.
    assert results[3][-1].split("\n") == [
        "Values floor: Values-driven", "Mostly no evidence: Partnerships",
    ]  # fmt: skip
    assert not any("Not assessed" in cell for row in results for cell in row)
    for caption_text in (
        "Attribute results for Ayesha Khan (C-02)", "Chart figures for Ayesha Khan (C-02)",
        "Attribute results for C-03", "Panel agreement: Young people's panel",
    ):  # fmt: skip
        first_column = [row[0] for row in rows_text(table_captioned(document, caption_text))]
        assert buy_in not in first_column, caption_text
        assert "Values-driven" in first_column, caption_text
    # The chart keeps all five axes, the unscored one marked in its alt text.
    assert "Political buy-in no score" in alt_texts(document)[0]


def test_a_stage_that_assessed_an_attribute_for_some_candidates_keeps_it(
    summary: DocxDocument,
) -> None:
    assert "Not assessed at this stage" not in all_text(summary)
    third = rows_text(table_captioned(summary, "Attribute results for C-03"))
    assert third[5][0] == "Political buy-in" and third[5][-1] == "Not assessed"


def test_weights_show_what_each_stage_actually_weighted() -> None:
    document = build(stages=(unassessed_stage(), stage_summary("Stakeholder panel")))

    weights = rows_text(table_captioned(document, "Weights"))
    # Buy-in's 15% went nowhere at the young people's panel: the rest share its place.
    assert weights[1] == ["Values-driven", "47.1%", "40%"]
    assert weights[5] == ["Political buy-in", "Not assessed", "15%"]
    assert "the other attributes' shares are larger there" in all_text(document)


def test_results_across_stages_keep_every_attribute() -> None:
    stage = unassessed_stage()
    overall = tuple(without_buy_in(candidate) for candidate in candidate_results())
    document = build(stages=(stage,), overall=overall)

    results = rows_text(table_captioned(document, "Results across all stages"))
    assert results[0] == RESULTS_HEADER
    assert [row[5] for row in results[1:]] == ["Not assessed"] * 3
    assert not any("Not assessed" in row[-1] for row in results[1:]), "said once, above"
    assert "Not assessed at any stage: Political buy-in." in all_text(document)
    figures = rows_text(table_captioned(document, "Chart figures across all stages"))
    assert figures[0][-1] == "Political buy-in"


def test_agreement_shows_alpha_with_readings_and_member_tendencies(summary: DocxDocument) -> None:
    alpha = rows_text(table_captioned(summary, "Panel agreement: Final panel interview"))
    tendencies = rows_text(table_captioned(summary, "Member tendencies: Final panel interview"))

    assert alpha[0] == ["Attribute", "Alpha", "Units compared", "Reading"]
    assert alpha[1] == ["Values-driven", "0.72", "12", "Tentative agreement"]
    assert alpha[4][1] == "Not measurable" and alpha[5][1:3] == ["Not measurable", "0"]
    assert alpha[-1] == ["All attributes", "0.66", "46", "Tentative agreement"]
    assert [row[:2] for row in tendencies[1:]] == [
        ["Cllr Ruth Owen", "+0.4"], ["Dr Amir Khan", "-0.3"], ["Jo Bell", "0.0"],
        ["Priya Shah", "Not measurable"],
    ]  # fmt: skip
    assert "calibration aid for the chair" in all_text(summary)


def test_each_candidate_has_results_then_chart_then_the_same_figures(summary: DocxDocument) -> None:
    results = rows_text(table_captioned(summary, "Attribute results for Ayesha Khan (C-02)"))
    assert results[0] == ["Attribute", "Scored by", "No evidence", "Mean", "Median",
                          "Lowest", "Highest", "Spread", "Agreed", "Flags"]  # fmt: skip
    assert results[4] == ["Partnerships", "4", "0", "3.3", "3.0", "3.0", "4.0", "1.0", "4.0", "None"]  # fmt: skip
    figures = rows_text(table_captioned(summary, "Chart figures for Ayesha Khan (C-02)"))
    assert figures[0] == ["Attribute", "Panel mean", "After moderation"]
    assert figures[1] == ["Values-driven", "4.3", "4.3"]
    assert figures[4] == ["Partnerships", "3.3", "4.0"]
    unmoderated = rows_text(table_captioned(summary, "Chart figures for Sam Patel (C-01)"))
    assert unmoderated[0] == ["Attribute", "Panel mean"]
    third = rows_text(table_captioned(summary, "Attribute results for C-03"))
    assert third[5][1:4] == ["0", "0", "–"] and third[5][-1] == "Not assessed"

    body = list(summary.element.body)
    pictures = [i for i, element in enumerate(body) if element.xpath(".//w:drawing")]
    # Three candidates at two stages, and one chart across the stages.
    assert len(pictures) == len(summary.inline_shapes) == 7
    first = pictures[0]
    assert Paragraph(body[first + 1], summary).text == "The figures in the chart:"
    assert caption(Table(body[first + 2], summary)) == "Chart figures for Ayesha Khan (C-02)"


def test_charts_are_png_with_alt_text_naming_the_figures(summary: DocxDocument) -> None:
    texts = alt_texts(summary)

    assert all(texts)
    assert texts[0].startswith("Radar chart of Ayesha Khan (C-02)'s scores")
    assert "Panel mean: Values-driven 4.3," in texts[0]
    assert "After moderation: Values-driven 4.3, " in texts[0] and "Partnerships 4.0" in texts[0]
    assert "Political buy-in no score" in texts[2]
    assert texts[-1].startswith("Radar chart comparing candidates across all stages")
    image = summary.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    part = summary.part.related_parts[image]
    assert part.content_type == "image/png"
    assert Image.open(BytesIO(part.blob)).size == (500, 500)
    # Shown without the picture's white margin, so a chart takes less of the page.
    shape = summary.inline_shapes[0]
    assert shape._inline.xpath(".//a:srcRect") and shape.height < shape.width < Mm(80)


def test_evidence_shows_the_strongest_scored_notes(summary: DocxDocument) -> None:
    rows = rows_text(table_captioned(summary, "Strongest evidence for Ayesha Khan (C-02)"))

    assert rows[0] == ["Attribute", "Panel member", "Score", "Evidence note"]
    assert rows[1:] == [
        ["Values-driven", "Jo Bell (Question 1)", "5", "Moved budget to keep siblings together."],
        ["Values-driven", "Cllr Ruth Owen", "4", "Spoke about fairness for care leavers."],
    ]  # fmt: skip
    assert "Ran out of time" not in all_text(summary), "No evidence is not a strong note"
    # Explained once in the method note, not above each candidate's notes.
    assert all_text(summary).count("The raw scores export has every member's score") == 1


def test_moderation_record_and_outcome(summary: DocxDocument) -> None:
    record = rows_text(table_captioned(summary, "Moderation record for Ayesha Khan (C-02)"))
    text = all_text(summary)

    assert record[1] == [
        "Partnerships", "3.3", "4.0",
        "Police partner confirmed the joint hub she set up.", "Sam Patel (chair)",
        "12 January 2027, 2:30pm",
    ]  # fmt: skip
    assert "Outcome: Appointable (recorded by Sam Patel (chair), 12 January 2027, 2:30pm)" in text
    assert "Reasons: Strongest values evidence; clear record of partnership work." in text
    assert "Panel mean of 2.5 on Values-driven is below 3" in text
    assert "not appointable, whatever their total" in text
    assert "Moderation: The panel did not agree any change to the formula results." in text
    assert "Moderation and outcome" in headings(summary, 3)


def test_floor_override_reason_is_shown() -> None:
    result = candidate_results()[2]
    overridden = dataclasses.replace(
        result, floor_overridden=True, override_reason="Exceptional evidence at the first stage."
    )
    stage = stage_summary()
    stage = dataclasses.replace(
        stage, result=dataclasses.replace(stage.result, candidates=(overridden,))
    )
    document = build(stages=(stage,), overall=None)

    text = all_text(document)
    assert "The panel overrode the floor. Reason: Exceptional evidence at the first stage." in text
    assert "Values floor (overridden): Values-driven" in text
    assert "Across all stages" not in headings(document, 1)


def test_sign_off_lists_the_signatories_or_leaves_blank_rows(summary: DocxDocument) -> None:
    table = table_captioned(summary, "Sign-off")
    assert rows_text(table) == [
        ["Name", "Role", "Signature", "Date"], ["Sam Patel", "Chair", "", ""],
        ["Cllr Ruth Owen", "Lead Member", "", ""],
    ]  # fmt: skip
    assert table.rows[1].height is not None and round(table.rows[1].height.mm) >= 15
    blank = rows_text(table_captioned(build(sign_off=()), "Sign-off"))
    assert blank[1:] == [["", "", "", ""]] * 3


def test_a_person_with_two_roles_signs_once() -> None:
    people = (
        SignOff("Sam Patel", "Chair, Final panel interview"), SignOff("Jo Bell", "HR adviser"),
        SignOff("Sam Patel", "Chair, Stakeholder panel"),
    )  # fmt: skip
    table = table_captioned(build(sign_off=people), "Sign-off")

    assert rows_text(table)[1:] == [
        ["Sam Patel", "Chair, Final panel interview; Chair, Stakeholder panel", "", ""],
        ["Jo Bell", "HR adviser", "", ""],
    ]


def test_every_table_with_a_header_repeats_it_and_every_table_has_a_caption(
    summary: DocxDocument,
) -> None:
    headed = [t for t in summary.tables if t.rows[0].cells[0].text in ("Candidate", "Attribute")]

    assert len(headed) > 10 and all(is_repeating_header(table) for table in headed)
    assert all(caption(table) for table in summary.tables)


def test_a_stage_with_no_candidates_and_no_tendencies_still_builds() -> None:
    none_yet = Agreement({}, AlphaReading(None, 0, "No scores yet"), ())
    empty = StageResult("x", (), lambda: none_yet, {}, ValuesFloor())
    stage = StageSummary("Shortlisting", empty, {})
    document = build(stages=(stage,), overall=(), sign_off=(), candidate_labels={})

    text = all_text(document)
    assert "No candidate has results at this stage yet." in text
    assert "No weights were set" in text and "No candidate has results across the stages" in text


# --- hostile input, bytes and file names --------------------------------------------------


def test_hostile_text_everywhere_builds_and_reopens() -> None:
    hostile_note = EvidenceNote(HOSTILE, 5, HOSTILE, HOSTILE)
    change = AgreedScore("values", None, 3.0, HOSTILE, HOSTILE, MODERATED_AT)
    stage = dataclasses.replace(
        stage_summary(HOSTILE),
        member_labels={key: HOSTILE for key in MEMBERS},
        evidence={("C-02", "values"): (hostile_note,)},
        moderation={"C-02": CandidateModeration((change,), HOSTILE, HOSTILE, MODERATED_AT)},
        closed_by=HOSTILE,
    )
    context = make_context(
        organisation_name=HOSTILE, vacancy_title=HOSTILE, vacancy_reference=HOSTILE,
        attribute_names={key: HOSTILE for key in ATTRIBUTES},
        attribute_short_names={key: f"{key} {EMOJI} {ARABIC}" for key in ATTRIBUTES},
        candidate_labels={key: HOSTILE for key in CANDIDATE_LABELS},
        method=MethodNote((ScaleLevel(1, HOSTILE, HOSTILE),), HOSTILE, HOSTILE, HOSTILE,
                          {HOSTILE: 1.0}),
        stages=(stage,), sign_off=(SignOff(HOSTILE, HOSTILE),),
    )  # fmt: skip

    document = reopen(build_scoring_summary(context, REFERENCE))

    text = all_text(document)
    assert not XML_INVALID.search(text)
    for survivor in (ARABIC, HEBREW, EMOJI, FORMULA, "x" * 100_000):
        assert survivor in text
    assert len(document.core_properties.title) <= 255
    assert len(document.sections[0].header.paragraphs[0].text) <= 200
    assert all(0 < len(text) <= 1_000 for text in alt_texts(document))
    assert len(document.inline_shapes) == 4
    assert summary_filename(context).isascii()


def test_docx_bytes_reopen_and_filename_is_safe() -> None:
    context = make_context(vacancy_title='DCS "2027"\r\n/../x')

    document = docx.Document(BytesIO(scoring_summary_docx_bytes(context, REFERENCE)))

    assert headings(document, 1)[0] == 'Panel scoring summary – DCS "2027" /../x'
    name = summary_filename(context)
    assert name.startswith("Panel scoring summary - DCS") and name.endswith(".docx")
    assert not re.search(r"[\r\n\"/\\:]", name)


# --- figures as text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [(3.25, "3.3"), (2.35, "2.4"), (3.0, "3.0"), (4.96, "5.0"), (0.05, "0.1"), (None, "No score")],
)
def test_scores_show_to_one_decimal_place_rounding_halves_up(
    value: float | None, text: str
) -> None:
    assert score_text(value) == text


def test_a_kept_figure_is_the_same_as_one_worked_out_afresh() -> None:
    values = [1.45, 29 / 20, 3.25, -0.0, 0.0, -0.05, 4, 2.0000000000000004, 1e-20]
    fresh = [
        str(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
        for value in values
    ]
    assert [score_text(value) for value in values] == fresh
    assert [score_text(value) for value in values] == fresh  # the second time from the cache
    assert (score_text(-0.0), score_text(0.0)) == ("-0.0", "0.0")
    assert score_text(math.nan) == score_text(math.inf) == "No score"


def test_times_are_shown_in_uk_time_in_govuk_style() -> None:
    summer = datetime.datetime(2027, 7, 1, 11, 0, tzinfo=datetime.UTC)

    assert datetime_text(summer) == "1 July 2027, 12pm"
    assert datetime_text(datetime.datetime(2027, 1, 2, 9, 5)) == "2 January 2027, 9:05am"
    assert datetime_text(None) == "Not recorded"


def test_tied_candidates_share_a_rank() -> None:
    first, second, third = candidate_results()
    tied = dataclasses.replace(third, rank=2, tied_with_previous=True)

    assert rank_texts([first, second, tied]) == ["1", "2=", "2="]


# --- the reference document and LibreOffice -----------------------------------------------


def test_reference_has_the_styles_the_builder_relies_on() -> None:
    reference = docx.Document(str(REFERENCE))

    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "Header",
                 "Footer"):  # fmt: skip
        assert reference.styles[name].font.name == "Arial", name
    for name in ("Interview Pack Table", "Table Text", "Table Heading"):
        assert name in reference.styles, name
    assert reference.core_properties.language == "en-GB"
    assert reference.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert round(reference.sections[0].page_width.mm) == 297


def test_summary_converts_to_pdf(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        skip_or_fail("LibreOffice (soffice) is not installed")
        return
    source = tmp_path / "summary.docx"
    source.write_bytes(scoring_summary_docx_bytes(make_context(), REFERENCE))

    subprocess.run(
        [
            soffice, "--headless", "--norestore", "--nolockcheck",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to", "pdf", "--outdir", str(tmp_path), str(source),
        ],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip

    pdf = (tmp_path / "summary.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    # Front and method, then per stage its results and about a page and a half per candidate,
    # flowing on from one another (a page break before each candidate made it 23 pages).
    assert 2 + 2 * (1 + 3) + 1 <= pages <= 22
