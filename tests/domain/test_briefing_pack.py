"""The DCS briefing pack: the .docx reopened with python-docx, hostile input, and PDF.

The comparison is written out by hand below rather than computed, so these tests depend on
neither the scoring rules nor the comparison rules. Columns run C-02, C-01, C-03: C-02 is first
with the stages' weights and second with equal weights, C-01 the other way round; C-03 is
third both ways and stopped by the values floor. The target has no minimum on buy-in.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import shutil
import subprocess
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table
from docx.text.paragraph import Paragraph

from recruit.domain.comparison_model import (
    AttributeGap,
    ComparedCandidate,
    Comparison,
    TargetProfile,
)
from recruit.domain.documents.briefing_pack import (
    briefing_filename,
    briefing_pack_docx_bytes,
    build_briefing_pack,
)
from recruit.domain.documents.briefing_pack_model import BriefingContext
from recruit.domain.documents.scoring_summary_model import (
    AgreedScore,
    CandidateModeration,
    EvidenceNote,
    MethodNote,
    ScaleLevel,
    SignOff,
)
from recruit.domain.scoring_model import (
    Agreement,
    AlphaReading,
    AttributeResult,
    CandidateResult,
    Flag,
    Outcome,
)
from tests.conftest import skip_or_fail

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "exports" / "briefing-reference.docx"
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
KEYS = tuple(ATTRIBUTES)
CANDIDATE_LABELS = {"C-01": "Sam Patel (C-01)", "C-02": "Ayesha Khan (C-02)", "C-03": "C-03"}
ORDER = ("C-02", "C-01", "C-03")
STAGES = ("Stakeholder panel", "Final panel interview")
TARGET = TargetProfile(
    {"values": 3.5, "decisions": 3.5, "practice-culture": 3.0, "partnerships": 3.5},
    "Set by the panel on 3 January 2027",
)
MODERATED_AT = datetime.datetime(2027, 1, 12, 14, 30, tzinfo=datetime.UTC)
SCALE = tuple(
    ScaleLevel(score, label, f"What a {score} sounds like.")
    for score, label in enumerate(
        ("Evidence against", "Limited", "Sound", "Strong", "Exceptional"), start=1
    )
)
CONTROL = "\x00\x07\x0b\x0c\x1f\ufffe\uffff\ud800"
ARABIC = "مدير خدمات الأطفال"
HEBREW = "מנהל שירותי ילדים"
EMOJI = "👩🏽‍👧 🌍"
FORMULA = '=HYPERLINK("http://evil.example","x")'
HOSTILE = f"{CONTROL}{FORMULA} {ARABIC} {HEBREW} {EMOJI} $\\frac{{1}}{{0}}$\r\n" + "x" * 100_000
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


# --- the comparison, by hand ----------------------------------------------------------------


def result(
    candidate: str,
    figures: dict[str, float | None],
    total: float | None,
    *,
    agreed: dict[str, float] | None = None,
    flags: dict[str, tuple[Flag, ...]] | None = None,
    floor: bool = False,
    overridden: str | None = None,
    outcome: Outcome | None = None,
    rank: int = 1,
) -> CandidateResult:
    agreed, flags = agreed or {}, flags or {}
    attributes = tuple(
        AttributeResult(
            key, 4 if value is not None else 0, 0, value, value, value, value,
            0.0 if value is not None else None, agreed.get(key), flags.get(key, ()),
        )
        for key, value in figures.items()
    )  # fmt: skip
    return CandidateResult(
        candidate, attributes, total, None, floor,
        ("Stakeholder panel: Panel mean of 2.5 on Values-driven is below 3",) if floor else (),
        overridden is not None, overridden, outcome, rank,
    )  # fmt: skip


def figures(*values: float | None) -> dict[str, float | None]:
    return dict(zip(KEYS, values, strict=True))


def gaps(values: dict[str, float | None]) -> tuple[AttributeGap, ...]:
    found = []
    for key, value in values.items():
        minimum = TARGET.minimums.get(key)
        gap = value - minimum if value is not None and minimum is not None else None
        found.append(AttributeGap(key, value, minimum, gap, gap is not None and gap < 0))
    return tuple(found)


def compared(
    candidate: str,
    values: dict[str, float | None],
    total: float,
    equal_total: float,
    ranks: tuple[int, int],
    stages: dict[str, CandidateResult],
    **options: object,
) -> ComparedCandidate:
    combined = result(candidate, values, total, rank=ranks[0], **options)  # type: ignore[arg-type]
    found = gaps(values)
    below = sorted(
        (gap.attribute for gap in found if gap.below_target),
        key=lambda key: (key != "values", KEYS.index(key)),
    )
    return ComparedCandidate(
        candidate, combined, stages, equal_total, ranks[1], ranks[0], found, tuple(below)
    )


def comparison(target: TargetProfile | None = TARGET) -> Comparison:
    first = compared(
        "C-02", figures(4.25, 3.75, 3.75, 3.25, 3.75), 3.99, 3.75, (1, 2),
        {
            STAGES[0]: result("C-02", figures(4.5, 3.5, 3.5, 3.0, 3.5), 3.8, outcome="appointable"),
            STAGES[1]: result("C-02", figures(4.0, 4.0, 4.0, 3.5, 4.0), 4.0,
                              agreed={"partnerships": 3.5}, outcome="appointable"),
        },
        outcome="appointable",
    )  # fmt: skip
    second = compared(
        "C-01", figures(3.45, 4.5, 4.0, 4.0, 4.0), 3.8, 3.99, (2, 1),
        {
            STAGES[0]: result("C-01", figures(3.4, 4.5, 4.0, 4.0, 4.0), 3.8, rank=2,
                              flags={"decisions": ("disagreement",)}, outcome="reserve"),
        },
        flags={"decisions": ("disagreement",)}, outcome="reserve",
    )  # fmt: skip
    third = compared(
        "C-03", figures(2.5, 4.0, 4.5, 2.0, None), 3.05, 3.25, (3, 3),
        {
            STAGES[0]: result("C-03", figures(2.5, 4.0, 4.5, 2.0, None), 3.05, rank=3,
                              floor=True, outcome="not_appointable",
                              flags={"values": ("values_floor",),
                                     "buy-in": ("not_assessed",)}),
        },
        floor=True, outcome="not_appointable",
        flags={"values": ("values_floor",), "buy-in": ("not_assessed",),
               "partnerships": ("mostly_no_evidence",)},
    )  # fmt: skip
    columns = tuple(c if target else dataclasses.replace(c, gaps=(), below_target=())
                    for c in (first, second, third))  # fmt: skip
    notes = (
        "With equal weights, Sam Patel (C-01) moves up from 2nd to 1st.",
        "With equal weights, Ayesha Khan (C-02) moves down from 1st to 2nd.",
    )
    return Comparison(KEYS, STAGES, columns, target=target, notes=notes)


def agreement(overall: float | None = 0.66) -> Agreement:
    per_attribute = {
        "values": AlphaReading(0.72, 12, "Tentative agreement"),
        "decisions": AlphaReading(0.41, 12, "Poor agreement: discuss before relying on it"),
        "practice-culture": AlphaReading(0.8, 11, "Good agreement"),
        "partnerships": AlphaReading(None, 1, "Too few paired scores to measure"),
    }
    return Agreement(per_attribute, AlphaReading(overall, 46, "Tentative agreement"), ())


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


def moderation() -> dict[str, dict[str, CandidateModeration]]:
    change = AgreedScore(
        "partnerships", 3.25, 3.5, "Police partner confirmed the joint hub she set up.",
        "Sam Patel (chair)", MODERATED_AT,
    )  # fmt: skip
    return {
        "C-02": {
            STAGES[1]: CandidateModeration(
                agreed_scores=(change,),
                outcome_reasons="Strongest values evidence; clear record of partnership work.",
                decided_by="Sam Patel (chair)",
                decided_at=MODERATED_AT,
            )
        },
        "C-03": {STAGES[0]: CandidateModeration(outcome_reasons="The values floor applies.")},
    }


def make_context(**changes: object) -> BriefingContext:
    context = BriefingContext(
        organisation_name="Testshire County Council",
        vacancy_title="Director of Children's Services",
        vacancy_reference="DCS-2027-01",
        generated_on=datetime.date(2027, 1, 14),
        attribute_names=ATTRIBUTES,
        candidate_labels=CANDIDATE_LABELS,
        comparison=comparison(),
        method=MethodNote(scale=SCALE, stage_weights={STAGES[0]: 1, STAGES[1]: 2}),
        attribute_short_names=SHORT_NAMES,
        stage_agreements=((STAGES[0], agreement()), (STAGES[1], agreement(None))),
        moderation=moderation(),
        evidence=evidence(),
        sign_off=(SignOff("Cllr Ruth Owen", "Lead Member for Children"),),
    )
    return dataclasses.replace(context, **changes)  # type: ignore[arg-type]


# --- reading the document back --------------------------------------------------------------


def reopen(document: DocxDocument) -> DocxDocument:
    buffer = BytesIO()
    document.save(buffer)
    buffer.seek(0)
    return docx.Document(buffer)


def build(reference: Path | None = REFERENCE, **changes: object) -> DocxDocument:
    return reopen(build_briefing_pack(make_context(**changes), reference))


@pytest.fixture(scope="module")
def briefing() -> DocxDocument:
    return build()


def paragraphs_and_cells(document: DocxDocument) -> Iterator[Paragraph]:
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def all_text(document: DocxDocument) -> str:
    return "\n".join(p.text for p in paragraphs_and_cells(document))


def style_name(paragraph: Paragraph) -> str:
    return paragraph.style.name if paragraph.style is not None else ""


def headings(document: DocxDocument, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if style_name(p) == f"Heading {level}"]


def millimetres(length: Length | None) -> int:
    assert length is not None
    return round(float(length.mm))


def caption(table: Table) -> str:
    element = table._tbl.tblPr.find(qn("w:tblCaption"))
    return "" if element is None else str(element.get(qn("w:val")))


def table_captioned(document: DocxDocument, text: str) -> Table:
    return next(table for table in document.tables if caption(table) == text)


def rows_text(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def row_named(table: Table, label: str) -> list[str]:
    return next(row for row in rows_text(table) if row[0] == label)


def is_repeating_header(table: Table) -> bool:
    properties = table.rows[0]._tr.trPr
    return properties is not None and properties.find(qn("w:tblHeader")) is not None


def alt_texts(document: DocxDocument) -> list[str]:
    return [shape._inline.docPr.get("descr") or "" for shape in document.inline_shapes]


# --- structure ------------------------------------------------------------------------------


@pytest.mark.parametrize("reference", [None, REFERENCE], ids=["python-docx default", "reference"])
def test_briefing_reopens_with_title_language_header_and_landscape_page(
    reference: Path | None,
) -> None:
    document = build(reference)

    title = "DCS briefing pack – Director of Children's Services"
    assert document.core_properties.title == title
    assert document.core_properties.language == "en-GB"
    assert document.core_properties.author == "Testshire County Council"
    assert headings(document, 1)[0] == title
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "Testshire County Council" in header and "Confidential" in header
    footer = document.sections[0].footer
    assert "Testshire County Council" in footer.paragraphs[0].text
    assert "DCS-2027-01" in footer.paragraphs[0].text and "PAGE" in footer._element.xml
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert millimetres(section.page_width) == 297 and millimetres(section.page_height) == 210


def test_headings_use_real_styles_in_order(briefing: DocxDocument) -> None:
    assert headings(briefing, 1)[1:] == [
        "How the figures were worked out",
        "The shortlist side by side",
        "Profiles compared",
        "Gaps to the target profile",
        "Rank changes",
        "Each candidate",
        "How far each panel agreed",
        "Decision and sign-off",
    ]
    level_two = headings(briefing, 2)
    labels = [CANDIDATE_LABELS[key] for key in ORDER]
    # Gaps per candidate, then each candidate's own section, then agreement per stage.
    assert level_two[-8:] == [*labels, *labels, *STAGES]
    assert headings(briefing, 3)[:3] == [
        "Results at each stage",
        "Strongest evidence",
        "Moderation and outcome",
    ]
    assert {table.style.name for table in briefing.tables if table.style} == {
        "Interview Pack Table"
    }
    assert all(table.style is not None for table in briefing.tables)


def test_front_names_who_is_compared_and_the_method(briefing: DocxDocument) -> None:
    about = dict(rows_text(table_captioned(briefing, "About this briefing")))
    text = all_text(briefing)

    assert about["Candidates compared"] == "Ayesha Khan (C-02), Sam Patel (C-01) and C-03"
    assert about["Date"] == "14 January 2027"
    assert about["Vacancy"] == "Director of Children's Services"
    assert about["Target profile"] == "Set by the panel on 3 January 2027"
    assert "How to read this briefing" in headings(briefing, 2)
    assert rows_text(table_captioned(briefing, "The scale"))[3] == [
        "3",
        "Sound",
        "What a 3 sounds like.",
    ]
    assert "the overall total is the mean of the stage totals" in text
    assert "A panel mean below 3 on Leadership and change driven by values" in text
    assert "The equal-weights total counts every attribute the same" in text
    assert "Stakeholder panel 33.3%; Final panel interview 66.7%" in text


def test_side_by_side_has_a_column_per_candidate_in_order_after_label_and_target(
    briefing: DocxDocument,
) -> None:
    table = table_captioned(briefing, "The shortlist side by side")
    rows = rows_text(table)

    assert rows[0] == ["Measure", "Target minimum", *(CANDIDATE_LABELS[key] for key in ORDER)]
    assert is_repeating_header(table)
    assert [row[0] for row in rows[1:]] == [
        "Rank (stages' weights)", "Rank (equal weights)", "Weighted total",
        "Equal-weights total", *SHORT_NAMES.values(),
        "Spread (highest minus lowest attribute)", "Flags", "Values floor", "Latest outcome",
    ]  # fmt: skip
    assert row_named(table, "Rank (stages' weights)")[2:] == ["1", "2", "3"]
    assert row_named(table, "Rank (equal weights)")[2:] == [
        "2\n(down 1 place)", "1\n(up 1 place)", "3\n(no change)",
    ]  # fmt: skip
    assert row_named(table, "Weighted total")[2:] == ["4.0", "3.8", "3.1"]
    assert row_named(table, "Equal-weights total")[2:] == ["3.8", "4.0", "3.3"]
    # One decimal place, halves rounded up; agreed and below-target figures say so in words.
    assert row_named(table, "Values-driven") == [
        "Values-driven", "3.5", "4.3", "3.5\njust below target", "2.5\nbelow target",
    ]  # fmt: skip
    assert row_named(table, "Partnerships")[1:3] == ["3.5", "3.3\nincludes agreed, below target"]
    assert row_named(table, "Political buy-in")[1:] == ["–", "3.8", "4.0", "Not assessed"]
    assert row_named(table, "Spread (highest minus lowest attribute)")[2:] == ["1.0", "1.0", "2.5"]
    flags = row_named(table, "Flags")
    assert flags[2] == "None" and flags[3] == "Panel disagreement: Decisions for families"
    assert flags[4].split("\n") == [
        "Values floor: Values-driven", "Not assessed: Political buy-in",
        "Mostly no evidence: Partnerships",
    ]  # fmt: skip
    assert row_named(table, "Values floor")[2:] == [
        "Met",
        "Met",
        "Breached: not appointable by rule",
    ]
    assert row_named(table, "Latest outcome")[2:] == [
        "Appointable\n(Final panel interview)", "Reserve\n(Stakeholder panel)",
        "Not appointable\n(Stakeholder panel)",
    ]  # fmt: skip
    figure_rows = table.rows[1:11]
    for row in figure_rows:
        assert all(c.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT for c in row.cells[1:])
        assert row.cells[0].paragraphs[0].alignment != WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[-1].cells[2].paragraphs[0].alignment != WD_ALIGN_PARAGRAPH.RIGHT


def test_without_a_target_there_is_no_target_column_and_the_gaps_say_so() -> None:
    document = build(comparison=comparison(target=None))

    table = table_captioned(document, "The shortlist side by side")
    assert rows_text(table)[0] == ["Measure", *(CANDIDATE_LABELS[key] for key in ORDER)]
    assert row_named(table, "Values-driven")[1:] == ["4.3", "3.5", "2.5"]
    text = all_text(document)
    assert "No target profile was set for this vacancy" in text
    assert (
        dict(rows_text(table_captioned(document, "About this briefing")))["Target profile"]
        == "Not set"
    )
    assert rows_text(table_captioned(document, "Chart figures"))[0][1] == CANDIDATE_LABELS["C-02"]
    assert "dashed" not in alt_texts(document)[0]


def test_gaps_list_values_first_and_call_it_out(briefing: DocxDocument) -> None:
    third = rows_text(table_captioned(briefing, "Gaps to target for C-03"))
    first = rows_text(table_captioned(briefing, "Gaps to target for Ayesha Khan (C-02)"))
    text = all_text(briefing)

    assert third[0] == ["Attribute", "Figure", "Target minimum", "Short by"]
    assert third[1:] == [
        ["Values-driven", "2.5", "3.5", "1.0"],
        ["Partnerships", "2.0", "3.5", "1.5"],
    ]
    assert (
        table_captioned(briefing, "Gaps to target for C-03")
        .rows[1]
        .cells[0]
        .paragraphs[0]
        .runs[0]
        .bold
    )
    assert first[1:] == [["Partnerships", "3.3", "3.5", "0.3"]]
    # 3.45 against 3.5: a real shortfall, though both show as 3.5.
    second = rows_text(table_captioned(briefing, "Gaps to target for Sam Patel (C-01)"))
    assert second[1:] == [["Values-driven", "3.5", "3.5", "under 0.1"]]
    assert "Short by under 0.1 in all, across 1 attribute." in text
    assert (
        "Below the target on Leadership and change driven by values. Values-driven is 2.5 "
        "against a target minimum of 3.5, short by 1.0. Values are the foundation"
    ) in text
    assert "Short by 2.5 in all, across 2 attributes." in text
    assert "No figure to compare with the target on" not in text
    # C-03 was not assessed on buy-in: with a minimum on it, there is nothing to compare.
    buy_in = TargetProfile({**TARGET.minimums, "buy-in": 3.0})
    columns = [
        dataclasses.replace(
            c,
            gaps=(
                *c.gaps[:4],
                AttributeGap("buy-in", v, 3.0, None if v is None else v - 3.0, False),
            ),
        )
        for c, v in zip(comparison().candidates, (3.75, 4.0, None), strict=True)
    ]
    target_on_all = dataclasses.replace(comparison(), target=buy_in, candidates=tuple(columns))
    assert "No figure to compare with the target on: Political buy-in." in all_text(
        build(comparison=target_on_all)
    )


def test_rank_changes_show_the_comparisons_notes(briefing: DocxDocument) -> None:
    bullets = [p.text for p in briefing.paragraphs if style_name(p) == "List Bullet"]
    assert "With equal weights, Sam Patel (C-01) moves up from 2nd to 1st." in bullets
    changes = rows_text(table_captioned(briefing, "Rank changes"))
    assert changes[1] == ["Ayesha Khan (C-02)", "1", "2", "Down 1 place"]

    unchanged = [dataclasses.replace(c, equal_weights_rank=c.stage_weights_rank)
                 for c in comparison().candidates]  # fmt: skip
    steady = dataclasses.replace(comparison(), candidates=tuple(unchanged), notes=())
    text = all_text(build(comparison=steady))
    assert "The ranking is the same with the stages' weights and with equal weights" in text


def test_profiles_chart_overlays_candidates_and_target_with_alt_text(
    briefing: DocxDocument,
) -> None:
    texts = alt_texts(briefing)

    assert len(texts) == len(briefing.inline_shapes) == 1
    assert texts[0].startswith("Radar chart comparing the shortlisted candidates")
    assert "target minimum as a dashed line" in texts[0]
    assert "Ayesha Khan (C-02): Values-driven 4.3," in texts[0]
    assert (
        "Target minimum: Values-driven 3.5," in texts[0] and "Political buy-in no score" in texts[0]
    )
    figures_table = rows_text(table_captioned(briefing, "Chart figures"))
    assert figures_table[0] == [
        "Attribute",
        "Target minimum",
        *(CANDIDATE_LABELS[k] for k in ORDER),
    ]
    assert figures_table[1] == ["Values-driven", "3.5", "4.3", "3.5", "2.5"]
    assert figures_table[5] == ["Political buy-in", "–", "3.8", "4.0", "No score"]
    body = list(briefing.element.body)
    picture = next(i for i, element in enumerate(body) if element.xpath(".//w:drawing"))
    assert Paragraph(body[picture + 1], briefing).text == "The figures in the chart:"


def test_each_candidate_has_stage_results_evidence_and_moderation(briefing: DocxDocument) -> None:
    stages = rows_text(table_captioned(briefing, "Results at each stage for Ayesha Khan (C-02)"))
    assert stages[0] == [
        "Stage",
        *SHORT_NAMES.values(),
        "Weighted total",
        "Rank at stage",
        "Outcome",
    ]
    assert [row[0] for row in stages[1:]] == list(STAGES)
    assert stages[2][4] == "3.5\nagreed"
    evidence_rows = rows_text(
        table_captioned(briefing, "Strongest evidence for Ayesha Khan (C-02)")
    )
    assert evidence_rows[1:] == [
        ["Values-driven", "Jo Bell (Question 1)", "5", "Moved budget to keep siblings together."],
        ["Values-driven", "Cllr Ruth Owen", "4", "Spoke about fairness for care leavers."],
    ]  # fmt: skip
    agreed = rows_text(table_captioned(briefing, "Agreed scores for Ayesha Khan (C-02)"))
    assert agreed[1] == [
        "Final panel interview", "Partnerships", "3.3", "3.5",
        "Police partner confirmed the joint hub she set up.", "Sam Patel (chair)",
        "12 January 2027, 2:30pm",
    ]  # fmt: skip
    text = all_text(briefing)
    assert (
        "Across the stages: rank 1 with the stages' weights and 2 with equal weights; weighted "
        "total 4.0; values floor met; latest outcome appointable at Final panel interview."
    ) in text
    assert (
        "values floor breached (not appointable by rule); latest outcome not appointable at Stakeholder panel."
        in text
    )
    assert (
        "Final panel interview: Appointable. Reasons: Strongest values evidence; clear record of "
        "partnership work. Recorded by Sam Patel (chair), 12 January 2027, 2:30pm."
    ) in text
    assert "Stakeholder panel: Appointable. No reasons recorded." in text
    assert "No results at: Final panel interview." in text
    assert "Stakeholder panel: Panel mean of 2.5 on Values-driven is below 3" in text
    assert "Ran out of time" not in text, "a note with no evidence is not a strong note"


def test_floor_override_reason_is_shown() -> None:
    base = comparison()
    third = base.candidates[2]
    overridden = dataclasses.replace(
        third,
        combined=dataclasses.replace(
            third.combined, floor_overridden=True, override_reason="Exceptional evidence later."
        ),
    )
    document = build(
        comparison=dataclasses.replace(base, candidates=(*base.candidates[:2], overridden))
    )

    table = table_captioned(document, "The shortlist side by side")
    assert (
        row_named(table, "Values floor")[4]
        == "Overridden by the panel: Exceptional evidence later."
    )
    assert "The panel overrode the floor. Reason: Exceptional evidence later." in all_text(document)


def test_agreement_per_stage_with_alpha_and_readings(briefing: DocxDocument) -> None:
    first = rows_text(table_captioned(briefing, "Panel agreement: Stakeholder panel"))
    second = rows_text(table_captioned(briefing, "Panel agreement: Final panel interview"))

    assert first[0] == ["Attribute", "Alpha", "Units compared", "Reading"]
    assert first[1] == ["Values-driven", "0.72", "12", "Tentative agreement"]
    assert first[5] == ["Political buy-in", "Not measurable", "0", "Not measured"]
    assert first[-1] == ["All attributes", "0.66", "46", "Tentative agreement"]
    assert second[-1][1] == "Not measurable"


def test_decision_block_has_a_row_per_candidate_and_signatures(briefing: DocxDocument) -> None:
    decision = rows_text(table_captioned(briefing, "Decision on each candidate"))
    assert [row[0] for row in decision] == ["Candidate", *(CANDIDATE_LABELS[k] for k in ORDER)]
    assert decision[1][1] == "☐ Appoint\n☐ Reserve\n☐ Do not appoint"
    sign_off = rows_text(table_captioned(briefing, "Sign-off"))
    assert sign_off == [["Name", "Role", "Signature", "Date"],
                        ["Cllr Ruth Owen", "Lead Member for Children", "", ""]]  # fmt: skip
    blank = rows_text(table_captioned(build(sign_off=()), "Sign-off"))
    assert blank[1:] == [["", "", "", ""]] * 3


def test_every_table_has_a_caption_and_headers_repeat(briefing: DocxDocument) -> None:
    assert all(caption(table) for table in briefing.tables)
    headed = [t for t in briefing.tables if caption(t) != "About this briefing"]
    assert len(headed) > 15 and all(is_repeating_header(table) for table in headed)


def test_an_empty_comparison_still_builds() -> None:
    empty = Comparison(KEYS, (), ())
    document = build(comparison=empty, stage_agreements=(), moderation={}, evidence={}, sign_off=())

    text = all_text(document)
    assert "No candidates are in the comparison." in text
    assert "No agreement figures were supplied" in text
    assert "Each candidate" not in headings(document, 1)
    assert len(document.inline_shapes) == 0


# --- hostile input, bytes and file names ----------------------------------------------------


def test_hostile_text_everywhere_builds_and_reopens() -> None:
    base = comparison()
    hostile_notes = (HOSTILE, HOSTILE)
    columns = tuple(
        dataclasses.replace(c, stage_results={HOSTILE: c.stage_results[STAGES[0]]})
        for c in base.candidates
    )
    change = AgreedScore("values", None, 3.0, HOSTILE, HOSTILE, MODERATED_AT)
    context = make_context(
        organisation_name=HOSTILE, vacancy_title=HOSTILE, vacancy_reference=HOSTILE,
        attribute_names={key: HOSTILE for key in ATTRIBUTES},
        attribute_short_names={key: f"{ARABIC} {key} {EMOJI}" for key in ATTRIBUTES},
        candidate_labels={key: HOSTILE + key for key in CANDIDATE_LABELS},
        comparison=dataclasses.replace(
            base, stages=(HOSTILE,), candidates=columns, notes=hostile_notes,
            target=TargetProfile(TARGET.minimums, HOSTILE),
        ),
        method=MethodNote((ScaleLevel(1, HOSTILE, HOSTILE),), HOSTILE, HOSTILE, HOSTILE,
                          {HOSTILE: 1.0}),
        stage_agreements=((HOSTILE, Agreement({}, AlphaReading(None, 0, HOSTILE), ())),),
        moderation={"C-02": {HOSTILE: CandidateModeration((change,), HOSTILE, HOSTILE)}},
        evidence={("C-02", "values"): (EvidenceNote(HOSTILE, 5, HOSTILE, HOSTILE),)},
        target_source=HOSTILE, sign_off=(SignOff(HOSTILE, HOSTILE),),
    )  # fmt: skip

    document = reopen(build_briefing_pack(context, REFERENCE))

    text = all_text(document)
    assert not XML_INVALID.search(text)
    for survivor in (ARABIC, HEBREW, EMOJI, FORMULA, "x" * 100_000):
        assert survivor in text
    assert len(document.core_properties.title) <= 255
    assert len(document.sections[0].header.paragraphs[0].text) <= 200
    assert all(0 < len(text) <= 1_000 for text in alt_texts(document))
    # Names and reasons in tables and headings are shortened: LibreOffice takes minutes to lay
    # out a table cell tens of pages long. Free text in paragraphs is kept whole.
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert max(len(cell) for cell in cells) <= 1_600
    assert all(
        len(p.text) <= 250 for p in document.paragraphs if style_name(p).startswith("Heading")
    )
    # Column headings are shortened, so a pasted essay cannot push the figures off the page.
    header = rows_text(table_captioned(document, "The shortlist side by side"))[0]
    assert all(len(cell) <= 120 for cell in header)
    bidi = document.element.body.xpath(".//w:bidi")
    assert bidi, "paragraphs that start in Arabic or Hebrew read right to left"
    assert briefing_filename(context).isascii()


def test_docx_bytes_reopen_and_filename_is_safe() -> None:
    context = make_context(vacancy_title='DCS "2027"\r\n/../x')

    document = docx.Document(BytesIO(briefing_pack_docx_bytes(context, REFERENCE)))

    assert headings(document, 1)[0] == 'DCS briefing pack – DCS "2027" /../x'
    name = briefing_filename(context)
    assert name.startswith("DCS briefing pack - DCS") and name.endswith(".docx")
    assert not re.search(r"[\r\n\"/\\:]", name)


def test_created_time_comes_from_now() -> None:
    now = datetime.datetime(2027, 1, 14, 9, 0, tzinfo=datetime.UTC)
    document = reopen(build_briefing_pack(make_context(), REFERENCE, now=now))

    assert document.core_properties.created == now.replace(tzinfo=None) or (
        document.core_properties.created == now
    )


# --- the reference document and LibreOffice -------------------------------------------------


def test_reference_has_the_styles_the_builder_relies_on() -> None:
    reference = docx.Document(str(REFERENCE))

    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "Header",
                 "Footer"):  # fmt: skip
        assert reference.styles[name].font.name == "Arial", name
    for name in ("Interview Pack Table", "Table Text", "Table Heading"):
        assert name in reference.styles, name
    assert reference.core_properties.language == "en-GB"
    assert reference.core_properties.title == "DCS briefing pack reference styles"
    assert reference.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert millimetres(reference.sections[0].page_width) == 297


def test_briefing_converts_to_pdf(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        skip_or_fail("LibreOffice (soffice) is not installed")
        return
    source = tmp_path / "briefing.docx"
    source.write_bytes(briefing_pack_docx_bytes(make_context(), REFERENCE))

    subprocess.run(
        [
            soffice, "--headless", "--norestore", "--nolockcheck",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to", "pdf", "--outdir", str(tmp_path), str(source),
        ],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip

    pdf = (tmp_path / "briefing.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    # Front, method, side by side, chart, gaps, a page per candidate, agreement, decision.
    assert 10 <= pages <= 16
