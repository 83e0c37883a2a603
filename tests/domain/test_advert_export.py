"""Advert exports: Word reopened with python-docx, job-board HTML and plain text, hostile input."""

from __future__ import annotations

import dataclasses
import datetime
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from recruit.domain.adverts.draft import (
    AdvertSection,
    VacancyFacts,
    compose_advert,
    self_assessment_prompts,
)
from recruit.domain.documents.advert import (
    SELF_ASSESSMENT_HEADING,
    AdvertDocument,
    advert_html,
    advert_plain_text,
    body_blocks,
    build_advert_docx,
)
from recruit.domain.documents.word.text_safety import clean_for_document, safe_download_filename
from recruit.domain.question_bank import QuestionBank, load_bank
from tests.conftest import skip_or_fail
from tests.support.word import reopen

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "exports" / "advert-reference.docx"
CONTROL = "\x00\x07\x0b\x1f\ufffe\ufffff\ud800"
ARABIC = "مدير خدمات الأطفال"
HEBREW = "מנהל שירותי ילדים"
EMOJI = "👩🏽‍👧 🌍"
SMART = "“Would this be good enough for my child?” it’s – ‘fine’…"
HOSTILE = (
    f"{CONTROL}Start {ARABIC} {HEBREW} {EMOJI} {SMART}\r\n"
    "•\tPasted Word bullet\r\n"
    "· Pasted middle dot bullet\n"
    "<script>alert('x')</script> & <b>bold</b>\n" + "x" * 100_000
)


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank(ROOT / "question_bank")


def make_advert(
    bank: QuestionBank, level: str = "dcs", innovation: str = "family_safeguarding"
) -> AdvertDocument:
    role_level = next(item for item in bank.role_levels if item.key == level)
    facts = VacancyFacts(
        organisation_name="Testshire County Council",
        title=role_level.name,
        role_level=role_level,
        service_area="Children's Services",
        innovation=bank.innovation(innovation),
        salary="£150,000 to £165,000 a year",
        contract="Permanent, full time",
        location="County Hall, Testford",
        closing_date=datetime.date(2027, 1, 12),
        interview_dates="3 and 4 February 2027",
        hiring_manager="Sam Patel, Chief Executive",
        how_to_apply="recruitment@testshire.gov.uk",
    )
    return AdvertDocument(
        organisation_name=facts.organisation_name,
        title=facts.title,
        innovation_name=facts.innovation.name,
        closing_date=facts.closing_date,
        sections=compose_advert(facts, bank.attributes),
        self_assessment=self_assessment_prompts(bank.attributes, role_level),
    )


def styled(document: DocxDocument, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == style]


def bullet_lines(section: AdvertSection) -> list[str]:
    return [line[2:] for line in section.body.split("\n") if line.startswith("- ")]


def document_text(document: DocxDocument) -> str:
    parts = [p.text for p in document.paragraphs]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


# --- Word ---------------------------------------------------------------------------------


@pytest.mark.parametrize("reference", [None, REFERENCE], ids=["python-docx default", "reference"])
def test_docx_reopens_with_properties_language_header_and_footer(
    bank: QuestionBank, reference: Path | None
) -> None:
    document = reopen(build_advert_docx(make_advert(bank), reference))

    assert document.core_properties.title == "Director of Children's Services"
    assert document.core_properties.language == "en-GB"
    assert document.core_properties.subject == "Job advert: Family Safeguarding"
    assert document.core_properties.author == "Testshire County Council"
    languages = document.styles.element.findall(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    assert [element.get(qn("w:val")) for element in languages] == ["en-GB"]
    header = [p.text for p in document.sections[0].header.paragraphs]
    footer = [p.text for p in document.sections[0].footer.paragraphs]
    assert "Testshire County Council" in header
    assert "Testshire County Council · Closing date 12 January 2027" in footer


@pytest.mark.parametrize("innovation", ["family_safeguarding", "no_wrong_door", "any"])
@pytest.mark.parametrize("level", ["dcs", "team_manager"])
def test_docx_uses_real_heading_and_bullet_styles(
    bank: QuestionBank, level: str, innovation: str
) -> None:
    advert = make_advert(bank, level, innovation)
    document = reopen(build_advert_docx(advert, REFERENCE))

    assert document.paragraphs[0].style.name == "Heading 1"
    assert document.paragraphs[0].text == advert.title
    headings = [section.heading for section in advert.sections]
    before_applying = [section.key for section in advert.sections].index("how_to_apply")
    assert styled(document, "Heading 2") == [
        *headings[:before_applying],
        SELF_ASSESSMENT_HEADING,
        *headings[before_applying:],
    ]
    assert styled(document, "Heading 3") == [name for name, _ in advert.self_assessment]
    questions = [question for _, group in advert.self_assessment for question in group]
    expected_bullets = [
        *[line for section in advert.sections[:before_applying] for line in bullet_lines(section)],
        *questions,
        *[line for section in advert.sections[before_applying:] for line in bullet_lines(section)],
    ]
    assert styled(document, "List Bullet") == expected_bullets
    assert not any(text.startswith(("- ", "• ")) for text in styled(document, "Normal"))


def test_reference_styles_and_footer_survive_and_its_body_is_replaced(
    bank: QuestionBank, tmp_path: Path
) -> None:
    council_copy = docx.Document(str(REFERENCE))
    council_copy.add_paragraph("Sample text the council typed into its reference")
    council_copy.save(tmp_path / "reference.docx")

    document = reopen(build_advert_docx(make_advert(bank), tmp_path / "reference.docx"))

    normal = document.styles["Normal"].font
    assert (normal.name, normal.size.pt if normal.size else None) == ("Arial", 11.0)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet"):
        assert document.styles[name].font.name == "Arial", name
    assert "Sample text the council typed" not in document_text(document)
    assert document.paragraphs[0].text == "Director of Children's Services"
    assert "PAGE" in document.sections[0].footer._element.xml, "the page number field was lost"
    assert round(document.sections[0].page_width.mm) == 210


def test_default_template_is_set_to_a4(bank: QuestionBank) -> None:
    document = reopen(build_advert_docx(make_advert(bank)))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_label_bullets_are_bold_up_to_the_colon(bank: QuestionBank) -> None:
    document = reopen(build_advert_docx(make_advert(bank), REFERENCE))
    salary = next(p for p in document.paragraphs if p.text.startswith("Salary:"))
    assert [(run.text, bool(run.bold)) for run in salary.runs] == [
        ("Salary:", True),
        (" £150,000 to £165,000 a year", False),
    ]


def test_without_self_assessment_there_is_no_questions_section(bank: QuestionBank) -> None:
    advert = dataclasses.replace(make_advert(bank), self_assessment=())
    document = reopen(build_advert_docx(advert))
    assert styled(document, "Heading 2") == [section.heading for section in advert.sections]
    assert styled(document, "Heading 3") == []


# --- HTML and plain text ------------------------------------------------------------------


def test_html_has_one_h2_per_section_and_only_plain_tags(bank: QuestionBank) -> None:
    advert = dataclasses.replace(make_advert(bank), self_assessment=())
    page = advert_html(advert)

    assert re.findall(r"<h2>(.*?)</h2>", page) == [
        section.heading.replace("'", "&#x27;") for section in advert.sections
    ]
    assert page.count("<h1>") == 1
    assert set(re.findall(r"</?([a-zA-Z0-9]+)", page)) <= {"h1", "h2", "p", "ul", "li"}
    assert "style=" not in page and "<script" not in page.lower()
    assert page.count("<ul>") == page.count("</ul>")


def test_html_escapes_everything(bank: QuestionBank) -> None:
    section = AdvertSection("the_role", "<script>alert(1)</script>", "A & B <i>\n- <script>x")
    advert = dataclasses.replace(make_advert(bank), sections=[section], self_assessment=())
    page = advert_html(advert)

    assert "<script>" not in page and "<i>" not in page
    assert "<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>" in page
    assert "<p>A &amp; B &lt;i&gt;</p>" in page
    assert "<li>&lt;script&gt;x</li>" in page


def test_plain_text_underlines_the_title_and_uses_bullet_characters(bank: QuestionBank) -> None:
    advert = make_advert(bank)
    lines = advert_plain_text(advert).split("\n")

    assert lines[:2] == [advert.title, "=" * len(advert.title)]
    for section in advert.sections:
        position = lines.index(section.heading)
        assert lines[position + 1] == "-" * len(section.heading)
    assert "• Salary: £150,000 to £165,000 a year" in lines
    assert not any(line.startswith("- ") for line in lines)


# --- hostile input ------------------------------------------------------------------------


def hostile_advert(bank: QuestionBank) -> AdvertDocument:
    advert = make_advert(bank)
    return dataclasses.replace(
        advert,
        organisation_name=HOSTILE,
        title=HOSTILE,
        innovation_name=HOSTILE,
        sections=[
            AdvertSection(s.key, HOSTILE, s.body + "\n\n" + HOSTILE) for s in advert.sections
        ],
        self_assessment=[(HOSTILE, [HOSTILE, SMART])],
    )


def test_hostile_text_goes_through_every_export_and_the_docx_reopens(bank: QuestionBank) -> None:
    advert = hostile_advert(bank)

    document = reopen(build_advert_docx(advert, REFERENCE))
    page = advert_html(advert)
    text = advert_plain_text(advert)

    for output in (document_text(document), page, text):
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]", output)
        for survivor in (ARABIC, HEBREW, EMOJI, "x" * 100_000):
            assert survivor in output
    assert SMART in document_text(document) and SMART in page and SMART in text
    assert len(document.core_properties.title) <= 255
    assert "Pasted Word bullet" in styled(document, "List Bullet")
    assert "Pasted middle dot bullet" in styled(document, "List Bullet")
    assert "<script>" not in page


def test_right_to_left_paragraphs_are_marked_for_word(bank: QuestionBank) -> None:
    section = AdvertSection("the_role", "The role", f"{ARABIC} 2027\n{HEBREW}\nEnglish {ARABIC}")
    advert = dataclasses.replace(make_advert(bank), sections=[section], self_assessment=())
    document = reopen(build_advert_docx(advert))

    marked = {
        p.text: p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None
        for p in document.paragraphs
    }
    assert marked[f"{ARABIC} 2027"] and marked[HEBREW]
    assert not marked[f"English {ARABIC}"]


def test_body_blocks_split_lines_into_paragraphs_and_bullets() -> None:
    blocks = body_blocks("Intro:\r\n- one\n•\ttwo\n\n-\nplain - dash\n  * three  ")
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Intro:"),
        ("bullet", "one"),
        ("bullet", "two"),
        ("paragraph", "plain - dash"),
        ("bullet", "three"),
    ]


# --- text safety --------------------------------------------------------------------------


def test_clean_for_document_removes_what_xml_refuses_and_keeps_the_rest() -> None:
    cleaned = clean_for_document(f"a\x00b\x07c\r\nd\re\x0bf\ufffe\tg {ARABIC} {EMOJI} {SMART}")
    assert cleaned == f"abc\nd\ne\nf\tg {ARABIC} {EMOJI} {SMART}"


@pytest.mark.parametrize(
    "name",
    [
        'Head of "Service"\r\nSet-Cookie: x=1',
        "../../etc/passwd",
        "Adroddiad\\Cyfarwyddwr\n",
    ],
)
def test_download_filenames_cannot_break_the_header(name: str) -> None:
    ascii_name, utf8_name = safe_download_filename(name, "docx")

    for value in (ascii_name, utf8_name):
        assert not re.search(r"[\r\n\"/\\]", value)
    assert ascii_name.endswith(".docx") and ascii_name.isascii()
    assert utf8_name.startswith("UTF-8''") and utf8_name.isascii()


def test_download_filename_keeps_non_ascii_in_the_encoded_form() -> None:
    ascii_name, utf8_name = safe_download_filename("Cyfarwyddwr – Gwasanaethau Plant ŵ", ".docx")

    assert ascii_name == "Cyfarwyddwr Gwasanaethau Plant w.docx"
    assert utf8_name == "UTF-8''Cyfarwyddwr%20%E2%80%93%20Gwasanaethau%20Plant%20%C5%B5.docx"


def test_download_filename_never_comes_back_empty() -> None:
    assert safe_download_filename(f"{ARABIC}\n", "docx")[0] == "document.docx"
    assert safe_download_filename("\x00", "")[0] == "document.bin"


# --- LibreOffice --------------------------------------------------------------------------


def test_advert_docx_converts_to_pdf_with_libreoffice(bank: QuestionBank, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        skip_or_fail("LibreOffice (soffice) is not installed")
        return
    source = tmp_path / "advert.docx"
    build_advert_docx(make_advert(bank), REFERENCE).save(source)

    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            "--nolockcheck",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )

    pdf = tmp_path / "advert.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 1000
    assert pdf.read_bytes().startswith(b"%PDF")
