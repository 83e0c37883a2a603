"""Interview packs: the .docx reopened with python-docx, the zip of packs, hostile input, PDF."""

from __future__ import annotations

import dataclasses
import datetime
import re
import shutil
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from recruit.domain.documents.interview_pack import (
    CHAIR_HEADING,
    CONFLICT_TICK,
    DECLARATION_HEADING,
    NO_TOTAL_ON_SHEET,
    SHEET_HEADER,
    PackContext,
    PackQuestion,
    PanelSeat,
    ScheduleSlot,
    build_interview_pack,
    build_pack_zip,
    evidence_lines,
    pack_filename,
    sheet_heading,
)
from recruit.domain.question_bank import Question, QuestionBank, load_bank
from tests.conftest import skip_or_fail
from tests.support.word import all_text, paragraphs_and_cells, reopen

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "exports" / "interview-pack-reference.docx"
CANDIDATES = ("C-01", "C-02", "C-03")
PANEL = (
    PanelSeat("Sam Patel", "Chair"),
    PanelSeat("Cllr Ruth Owen", "Lead Member for Children"),
    PanelSeat("Dr Amir Khan", "Director of Public Health"),
    PanelSeat("Jo Bell", "Young people's panel"),
    PanelSeat("Priya Shah", "Partner: police"),
    PanelSeat("Tom Reid", "Head of HR"),
    PanelSeat("Ana Silva", "Partner: health"),
)
CONTROL = "\x00\x07\x0b\x0c\x1f\ufffe\uffff\ud800"
ARABIC = "مدير خدمات الأطفال"
HEBREW = "מנהל שירותי ילדים"
EMOJI = "👩🏽‍👧 🌍"
HOSTILE = f"{CONTROL}Start {ARABIC} {HEBREW} {EMOJI}\r\n<b>&</b>\n" + "x" * 100_000
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank(ROOT / "question_bank")


def pick_questions(bank: QuestionBank) -> list[Question]:
    """One question per attribute, values first, plus a second values question: six in all."""
    suitable = bank.questions_for(role_level="dcs", innovation="family_safeguarding")
    chosen = [next(q for q in suitable if q.attribute == a.key) for a in bank.attributes]
    chosen.append(next(q for q in suitable if q.attribute == "values" and q not in chosen))
    return chosen


def pack_question(number: int, question: Question, bank: QuestionBank) -> PackQuestion:
    return PackQuestion(
        number=number,
        question_id=question.id,
        version=1,
        attribute_name=bank.attribute(question.attribute).name,
        text=question.question,
        probes=question.probes,
        positive_indicators=question.positive_indicators,
        negative_indicators=tuple((n.text, n.decisive) for n in question.negative_indicators),
        descriptors=dict(question.descriptors),
        minutes=question.minutes,
        young_people_variant=question.young_people_variant,
    )


def make_context(bank: QuestionBank, *, is_chair: bool = False, **changes: object) -> PackContext:
    innovation = bank.innovation("family_safeguarding")
    questions = tuple(pack_question(n, q, bank) for n, q in enumerate(pick_questions(bank), 1))
    context = PackContext(
        organisation_name="Testshire County Council",
        vacancy_title="Director of Children's Services",
        role_level_name="Director of Children's Services",
        innovation_name=innovation.name,
        innovation_values=innovation.values,
        attributes=tuple((a.name, a.summary) for a in bank.attributes),
        rating_scale=tuple((r.score, r.label, r.description) for r in bank.rating_scale),
        stage_name="Final panel interview",
        stage_type_label="Panel interview",
        stage_date=datetime.date(2027, 2, 3),
        stage_duration_minutes=75,
        panel=PANEL,
        schedule=tuple(ScheduleSlot(f"{9 + i}:30am", c) for i, c in enumerate(CANDIDATES)),
        questions=questions,
        weights=tuple(zip((a.name for a in bank.attributes), (40, 15, 15, 15, 15), strict=True)),
        candidates=CANDIDATES,
        stage_candidates=CANDIDATES,
        recipient=PANEL[0].name if is_chair else PANEL[1].name,
        is_chair=is_chair,
        use_young_people_wording=False,
    )
    return dataclasses.replace(context, **changes)  # type: ignore[arg-type]


def build(
    bank: QuestionBank, reference: Path | None = REFERENCE, **changes: object
) -> DocxDocument:
    return reopen(build_interview_pack(make_context(bank, **changes), reference))


def headings(document: DocxDocument, level: int) -> list[Paragraph]:
    return [
        p for p in document.paragraphs if p.style is not None and p.style.name == f"Heading {level}"
    ]


def is_repeating_header(table: Table) -> bool:
    properties = table.rows[0]._tr.trPr
    return properties is not None and properties.find(qn("w:tblHeader")) is not None


def scoring_tables(document: DocxDocument) -> list[Table]:
    return [t for t in document.tables if tuple(c.text for c in t.rows[0].cells) == SHEET_HEADER]


# --- structure ----------------------------------------------------------------------------


@pytest.mark.parametrize("reference", [None, REFERENCE], ids=["python-docx default", "reference"])
def test_pack_reopens_with_title_language_header_and_page_numbers(
    bank: QuestionBank, reference: Path | None
) -> None:
    document = build(bank, reference)

    title = "Interview pack – Final panel interview – Director of Children's Services"
    assert document.core_properties.title == title
    assert document.core_properties.language == "en-GB"
    assert document.core_properties.subject == "Interview pack for a panel member"
    languages = document.styles.element.findall(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    assert [element.get(qn("w:val")) for element in languages] == ["en-GB"]
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "Testshire County Council" in header and "Confidential: interview panel" in header
    assert "PAGE" in document.sections[0].footer._element.xml
    assert headings(document, 1)[0].text == title
    assert round(document.sections[0].page_width.mm) == 210


def test_cover_summarises_the_stage_and_lists_the_panel(bank: QuestionBank) -> None:
    document = build(bank)

    summary = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert summary["Date"] == "3 February 2027"
    assert summary["Duration"] == "75 minutes"
    assert summary["Stage"] == "Final panel interview (Panel interview)"
    assert summary["Prepared for"] == "Cllr Ruth Owen"
    panel = document.tables[1]
    assert [c.text for c in panel.rows[0].cells] == ["Name", "Role on the panel"]
    assert [row.cells[0].text for row in panel.rows[1:]] == [seat.name for seat in PANEL]
    assert is_repeating_header(panel)


def test_values_attributes_and_scoring_guidance_appear(bank: QuestionBank) -> None:
    document = build(bank)
    text = all_text(document)

    for value in bank.innovation("family_safeguarding").values:
        assert value in text
    assert [p.text for p in headings(document, 3)][:5] == [a.name for a in bank.attributes]
    for attribute in bank.attributes:
        assert " ".join(attribute.summary.split()) in text
    assert "is not a score of 1" in text and "40%" in text
    assert "before any discussion" in text


def test_every_question_probe_indicator_and_descriptor_appears(bank: QuestionBank) -> None:
    context = make_context(bank)
    document = reopen(build_interview_pack(context, REFERENCE))
    text = all_text(document)
    bullets = [p.text for p in paragraphs_and_cells(document) if p.style.name == "List Bullet"]

    question_headings = [p for p in headings(document, 2) if p.text.startswith("Question")]
    assert [p.text for p in question_headings] == [
        f"Question {q.number}: {q.attribute_name}" for q in context.questions
    ]
    # One question to a page: every question after the first starts a new one.
    assert [bool(p.paragraph_format.page_break_before) for p in question_headings] == [
        False,
        True,
        True,
        True,
        True,
        True,
    ]
    for question in context.questions:
        assert f"Ask: {' '.join(question.text.split())}" in text
        for item in (*question.probes, *question.positive_indicators):
            assert item in bullets
        for indicator, decisive in question.negative_indicators:
            assert (f"{indicator} (decisive)" if decisive else indicator) in bullets
        for descriptor in question.descriptors.values():
            assert descriptor in text
    assert any(d for q in context.questions for _, d in q.negative_indicators)


def test_descriptor_and_guidance_tables_repeat_their_header_rows(bank: QuestionBank) -> None:
    document = build(bank)
    with_header = [t for t in document.tables if t.rows[0].cells[0].text != "Organisation"]

    descriptors = [t for t in with_header if t.rows[0].cells[-1].text == "What it sounds like"]
    assert len(descriptors) == 6
    assert all(is_repeating_header(table) for table in with_header)
    assert not is_repeating_header(document.tables[0])


def test_one_scoring_sheet_per_candidate_each_on_a_new_page(bank: QuestionBank) -> None:
    document = build(bank)

    sheets = [p for p in headings(document, 2) if p.text.startswith("Scoring sheet")]
    assert [p.text for p in sheets] == [sheet_heading(c) for c in CANDIDATES]
    assert all(p.paragraph_format.page_break_before for p in sheets)
    assert [p.text for p in headings(document, 1)][-1] == "Scoring sheets"


def test_scoring_tables_have_tick_columns_and_a_repeating_header(bank: QuestionBank) -> None:
    context = make_context(bank)
    document = reopen(build_interview_pack(context, REFERENCE))
    tables = scoring_tables(document)

    assert len(tables) == len(CANDIDATES)
    for table in tables:
        assert is_repeating_header(table)
        header = [cell.text for cell in table.rows[0].cells]
        assert header[1:7] == ["1", "2", "3", "4", "5", "No evidence"]
        assert len(table.rows) == 1 + len(context.questions)
        for row, question in zip(table.rows[1:], context.questions, strict=True):
            cells = [cell.text for cell in row.cells]
            assert cells[0] == f"Question {question.number}\n{question.attribute_name}"
            assert cells[1:7] == ["☐"] * 6 and cells[7] == ""
            lines = evidence_lines(question.minutes)
            assert row.height is not None and round(row.height.mm) == 6 * lines
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    widths = [cell.width for cell in tables[0].rows[0].cells]
    assert widths[7] > 3 * widths[1], "the notes column should be the widest"


def test_headings_use_real_styles_and_tables_the_reference_style(bank: QuestionBank) -> None:
    document = build(bank)

    levels = {p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")}
    assert levels == {"Heading 1", "Heading 2", "Heading 3"}
    section_headings = [p.text for p in headings(document, 1)]
    assert section_headings[1:] == [
        "Conflicts of interest",
        "Our values and the five attributes",
        "How to score",
        "Schedule",
        "Questions",
        "Scoring sheets",
    ]
    assert {table.style.name for table in document.tables} == {"Interview Pack Table"}
    assert {table.style.name for table in build(bank, None).tables} == {"Table Grid"}


def test_only_the_chair_version_has_the_chairing_section(bank: QuestionBank) -> None:
    chair = build(bank, is_chair=True)
    member = build(bank)

    assert CHAIR_HEADING in [p.text for p in headings(chair, 1)]
    assert CHAIR_HEADING not in all_text(member)
    assert chair.core_properties.subject == "Interview pack for the chair of the panel"
    chair_text = all_text(chair)
    assert "Moderation opens only after every member has submitted" in chair_text
    timing = next(t for t in chair.tables if t.rows[0].cells[-1].text == "Move on at minute")
    minutes = [q.minutes for q in make_context(bank).questions]
    assert timing.rows[-1].cells[-1].text == str(sum(minutes))


def test_young_people_wording_puts_the_variant_first(bank: QuestionBank) -> None:
    context = make_context(bank, use_young_people_wording=True)
    document = reopen(build_interview_pack(context, REFERENCE))
    texts = [p.text for p in document.paragraphs]

    with_variant = [q for q in context.questions if q.young_people_variant]
    assert with_variant, "the chosen questions should include a young people's version"
    for question in with_variant:
        asked = texts.index(f"Ask: {' '.join(question.young_people_variant.split())}")
        assert texts[asked + 1] == f"Full wording, for reference: {' '.join(question.text.split())}"
    plain = all_text(build(bank))
    assert not any(" ".join(q.young_people_variant.split()) in plain for q in with_variant)


def test_a_stage_with_nothing_set_yet_still_builds(bank: QuestionBank) -> None:
    document = build(
        bank, questions=(), candidates=(), schedule=(), panel=(), weights=(), stage_date=None,
        stage_duration_minutes=None, is_chair=True,
    )  # fmt: skip
    text = all_text(document)
    assert "No questions have been chosen" in text and "No candidates have been added" in text
    assert scoring_tables(document) == []


# --- hostile input and file names ---------------------------------------------------------


def test_hostile_text_everywhere_reopens(bank: QuestionBank) -> None:
    context = make_context(bank, is_chair=True, use_young_people_wording=True)
    question = dataclasses.replace(
        context.questions[0],
        question_id=HOSTILE, attribute_name=HOSTILE, text=HOSTILE, probes=(HOSTILE,),
        positive_indicators=(HOSTILE,), negative_indicators=((HOSTILE, True),),
        descriptors={1: HOSTILE, 5: HOSTILE}, young_people_variant=HOSTILE,
    )  # fmt: skip
    hostile = dataclasses.replace(
        context,
        organisation_name=HOSTILE, vacancy_title=HOSTILE, role_level_name=HOSTILE,
        innovation_name=HOSTILE, innovation_values=(HOSTILE,), attributes=((HOSTILE, HOSTILE),),
        rating_scale=((1, HOSTILE, HOSTILE),), stage_name=HOSTILE, stage_type_label=HOSTILE,
        panel=(PanelSeat(HOSTILE, HOSTILE),), schedule=(ScheduleSlot(HOSTILE, HOSTILE),),
        questions=(question, *context.questions[1:]), weights=((HOSTILE, 100),),
        candidates=(HOSTILE, f"{ARABIC} {EMOJI}"), recipient=HOSTILE,
    )  # fmt: skip

    document = reopen(build_interview_pack(hostile, REFERENCE))

    text = all_text(document)
    assert not XML_INVALID.search(text)
    for survivor in (ARABIC, HEBREW, EMOJI, "x" * 100_000):
        assert survivor in text
    assert len(document.core_properties.title) <= 255
    assert len(document.sections[0].header.paragraphs[0].text) <= 200
    assert len(scoring_tables(document)) == 2
    # A row longer than a page is left free to break, so Word cannot clip it.
    organisation_row = document.tables[0].rows[0]._tr
    assert organisation_row.trPr is None or organisation_row.trPr.find(qn("w:cantSplit")) is None
    assert pack_filename(hostile).isascii()


@pytest.mark.parametrize(
    "recipient", ['Sam "Chair" Patel\r\nSet-Cookie: x=1', "../../etc/passwd", f"{ARABIC}\n"]
)
def test_pack_filename_is_safe(bank: QuestionBank, recipient: str) -> None:
    name = pack_filename(make_context(bank, recipient=recipient, is_chair=True))

    assert name.isascii() and name.endswith(" - chair.docx")
    assert not re.search(r"[\r\n\"/\\:]", name)


def test_zip_holds_every_member_pack_and_the_chair_pack(bank: QuestionBank) -> None:
    contexts = [make_context(bank, recipient=seat.name) for seat in PANEL[1:]]
    contexts.append(make_context(bank, is_chair=True))
    packs = [(pack_filename(c), build_interview_pack(c, REFERENCE)) for c in contexts]

    with zipfile.ZipFile(BytesIO(build_pack_zip(packs))) as archive:
        names = archive.namelist()
        assert len(names) == 7 and len({name.casefold() for name in names}) == 7
        assert "Interview pack - Final panel interview - Sam Patel - chair.docx" in names
        for name in names:
            reopened = docx.Document(BytesIO(archive.read(name)))
            assert len(scoring_tables(reopened)) == len(CANDIDATES)


def test_zip_entry_names_are_made_safe_and_unique(bank: QuestionBank) -> None:
    document = build_interview_pack(make_context(bank), REFERENCE)
    names = ["Pack.docx", "pack.DOCX", "../Pack", "Pack\r\n.docx", f"{ARABIC}.docx", ""]

    with zipfile.ZipFile(BytesIO(build_pack_zip([(n, document) for n in names]))) as archive:
        entries = archive.namelist()
    assert len({entry.casefold() for entry in entries}) == len(names)
    assert all(entry.isascii() and entry.endswith(".docx") for entry in entries)
    assert not any("/" in entry or "\\" in entry or "\n" in entry for entry in entries)


# --- the reference document and LibreOffice -----------------------------------------------


def test_reference_has_the_styles_the_builder_relies_on() -> None:
    reference = docx.Document(str(REFERENCE))

    for name in (
        "Normal",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "List Bullet",
        "Header",
        "Footer",
    ):
        assert reference.styles[name].font.name == "Arial", name
    table_style = reference.styles["Interview Pack Table"].element
    first_row = table_style.find(f"{qn('w:tblStylePr')}[@{qn('w:type')}='firstRow']")
    assert first_row is not None and first_row.find(f".//{qn('w:shd')}") is not None
    assert reference.core_properties.language == "en-GB"
    assert round(reference.sections[0].page_height.mm) == 297


def test_pack_converts_to_pdf_with_more_pages_than_candidates(
    bank: QuestionBank, tmp_path: Path
) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        skip_or_fail("LibreOffice (soffice) is not installed")
        return
    source = tmp_path / "pack.docx"
    build_interview_pack(make_context(bank, is_chair=True), REFERENCE).save(source)

    subprocess.run(
        [
            soffice, "--headless", "--norestore", "--nolockcheck",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to", "pdf", "--outdir", str(tmp_path), str(source),
        ],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip

    pdf = (tmp_path / "pack.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    # Cover, guidance and questions come before one sheet (or more) per candidate.
    assert pages > len(CANDIDATES) + 3


# --- issue #20: no paper total, evidence room, conflicts, advisers, the timetable ----------


def test_scoring_sheets_carry_no_unweighted_total(bank: QuestionBank) -> None:
    text = all_text(build(bank))

    assert "out of 25" not in text and "out of 30" not in text
    assert "Total of the scores" not in text
    assert not re.search(r"\bout of \d+\b", text)
    assert text.count(NO_TOTAL_ON_SHEET) == len(CANDIDATES)


def test_evidence_boxes_grow_with_the_minutes_each_question_is_given(bank: QuestionBank) -> None:
    context = make_context(bank)
    minutes = (2, 10, 13, 16, 40, 120)
    questions = tuple(
        dataclasses.replace(question, minutes=m)
        for question, m in zip(context.questions, minutes, strict=True)
    )
    document = reopen(build_interview_pack(dataclasses.replace(context, questions=questions)))

    heights = [round(row.height.mm) for row in scoring_tables(document)[0].rows[1:]]
    # One line (6 mm) for every two minutes, at least 4 lines and at most 10.
    assert heights == [24, 30, 42, 48, 60, 60]


def test_every_pack_opens_with_a_conflict_declaration_listing_the_candidates(
    bank: QuestionBank,
) -> None:
    for is_chair in (False, True):
        document = build(bank, is_chair=is_chair)
        first_sections = [p.text for p in headings(document, 1)][:2]
        assert first_sections[1] == DECLARATION_HEADING
        declaration = next(t for t in document.tables if t.rows[0].cells[1].text == CONFLICT_TICK)
        assert [row.cells[0].text for row in declaration.rows[1:]] == list(CANDIDATES)
        assert [row.cells[1].text for row in declaration.rows[1:]] == ["☐"] * len(CANDIDATES)
        assert all(round(row.height.mm) >= 15 for row in declaration.rows[1:])
        text = all_text(document)
        assert "must also be declared in the app, under Your interviews, before scoring" in text
        assert "Signed: ___" in text


def test_a_conflict_declared_in_the_app_shows_ticked_with_no_sheet(bank: QuestionBank) -> None:
    document = build(bank, candidates=CANDIDATES[1:], declared_conflicts=CANDIDATES[:1])

    declaration = next(t for t in document.tables if t.rows[0].cells[1].text == CONFLICT_TICK)
    first = [cell.text for cell in declaration.rows[1].cells]
    assert first[:2] == ["C-01", "☒"] and first[2].startswith("Declared in the app")
    assert [row.cells[1].text for row in declaration.rows[2:]] == ["☐", "☐"]
    assert [p.text for p in headings(document, 2) if p.text.startswith("Scoring sheet")] == [
        sheet_heading(candidate) for candidate in CANDIDATES[1:]
    ]


def test_an_advisers_pack_has_the_questions_but_no_scoring_sheets(bank: QuestionBank) -> None:
    context = make_context(bank, recipient="Tom Reid", recipient_scores=False)
    document = reopen(build_interview_pack(context, REFERENCE))
    text = all_text(document)

    assert scoring_tables(document) == []
    sections = [p.text for p in headings(document, 1)]
    assert "Scoring sheets" not in sections and "How to score" not in sections
    assert "How the panel scores" in sections and "Members score each answer" in text
    assert "Score on your own first" not in text and NO_TOTAL_ON_SHEET not in text
    assert "Tom Reid, adviser to the panel" in text
    assert "You advise the panel and do not score" in text
    assert document.core_properties.subject == "Interview pack for an adviser to the panel"
    for question in context.questions:
        assert f"Ask: {' '.join(question.text.split())}" in text
        assert all(probe in text for probe in question.probes)
    assert DECLARATION_HEADING in [p.text for p in headings(document, 1)]


def test_the_schedule_says_when_its_times_are_only_suggested(bank: QuestionBank) -> None:
    slots = (
        ScheduleSlot("09:30 to 10:45", "C-01"),
        ScheduleSlot("11:00 to 11:30", "Break", is_break=True),
        ScheduleSlot("11:30 to 12:45", "C-02"),
    )
    fixed = build(bank, schedule=slots)
    suggested = build(bank, schedule=slots, schedule_is_suggested=True)

    def schedule_table(document: DocxDocument) -> Table:
        return next(t for t in document.tables if t.rows[0].cells[1].text == "Candidate")

    assert schedule_table(fixed).rows[0].cells[0].text == "Time"
    assert [row.cells[1].text for row in schedule_table(fixed).rows[1:]] == [
        "C-01",
        "Break",
        "C-02",
    ]
    assert "suggested" not in all_text(fixed)
    assert schedule_table(suggested).rows[0].cells[0].text == "Suggested time"
    assert "These times are suggested" in all_text(suggested)
