"""The candidate pack: every part present, the person specification essential first, the
stages without panel names, the safer recruitment statements, and hostile text made safe."""

from __future__ import annotations

import dataclasses
import datetime
import shutil
import subprocess
from pathlib import Path

import pytest
from docx.document import Document as DocxDocument
from docx.table import Table

from recruit.domain.adverts.draft import VacancyFacts, compose_advert
from recruit.domain.documents.advert import AdvertDocument
from recruit.domain.documents.candidate_pack import (
    APPLY_HEADING,
    ASSESSMENT_HEADING,
    PERSON_SPEC_COLUMNS,
    ROLE_HEADING,
    SAFER_RECRUITMENT_HEADING,
    SAFER_RECRUITMENT_SECTION,
    STATEMENT_KEYS,
    CandidatePack,
    PackStage,
    PackWording,
    PackWordingError,
    build_candidate_pack_docx,
    load_pack_wording,
    person_spec_rows,
)
from recruit.domain.documents.word import document_bytes
from recruit.domain.person_spec import Criterion
from recruit.domain.question_bank import QuestionBank, load_bank
from tests.conftest import skip_or_fail
from tests.support.word import all_text, reopen

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "exports" / "advert-reference.docx"
WORDING_FILE = ROOT / "question_bank" / "candidate_pack.yaml"
HOSTILE = "\x00\x07\x0b\ufffe Smart “quotes” العربية 🚸 <script>alert('x')</script>\r\nnext"
CRITERIA = (
    Criterion("Desirable first in the list", False, ("application",)),
    Criterion("Essential one", True, ("application", "interview")),
    Criterion("Desirable second", False, ("exercise",)),
    Criterion("Essential two", True, ("check",)),
)
STAGES = (
    PackStage("Shortlisting", "Shortlisting", datetime.date(2027, 1, 20)),
    PackStage("Young people's panel", "Young people's panel", None),
    PackStage("Final interview", "Final panel interview", datetime.date(2027, 2, 3)),
)


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank(ROOT / "question_bank")


@pytest.fixture(scope="module")
def wording() -> PackWording:
    return load_pack_wording(WORDING_FILE.read_text(encoding="utf-8"))


def make_pack(bank: QuestionBank, wording: PackWording, level: str = "dcs") -> CandidatePack:
    role_level = next(item for item in bank.role_levels if item.key == level)
    facts = VacancyFacts(
        organisation_name="Testshire County Council",
        title=role_level.name,
        role_level=role_level,
        service_area="Children's Services",
        innovation=bank.innovation("family_safeguarding"),
        salary="£150,000 to £165,000 a year",
        contract="Permanent, full time",
        location="County Hall, Testford",
        closing_date=datetime.date(2027, 1, 12),
        interview_dates="3 and 4 February 2027",
        hiring_manager="Sam Patel, Chief Executive",
        how_to_apply="recruitment@testshire.gov.uk",
    )
    sections = compose_advert(facts, bank.attributes)
    advert = AdvertDocument(
        organisation_name=facts.organisation_name,
        title=facts.title,
        innovation_name=facts.innovation.name,
        closing_date=facts.closing_date,
        sections=sections,
        person_spec=CRITERIA,
    )
    safer = next(s.body for s in sections if s.key == SAFER_RECRUITMENT_SECTION)
    return CandidatePack(
        advert=advert,
        reference="TCC-CS-0142",
        salary=facts.salary,
        contract=facts.contract,
        location=facts.location,
        interview_dates=facts.interview_dates,
        contact=facts.hiring_manager,
        stages=STAGES,
        safer_recruitment=safer,
        wording=wording,
    )


def built(pack: CandidatePack) -> DocxDocument:
    return reopen(build_candidate_pack_docx(pack, REFERENCE))


def headings(document: DocxDocument, level: int) -> list[str]:
    return [
        p.text
        for p in document.paragraphs
        if p.style is not None and p.style.name == f"Heading {level}"
    ]


def table_captioned(document: DocxDocument, caption: str) -> Table:
    for table in document.tables:
        found = table._tbl.tblPr.xpath("./w:tblCaption/@w:val")
        if found and found[0] == caption:
            return table
    raise AssertionError(f"no table captioned {caption!r}")


def rows_of(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def section_text(document: DocxDocument, heading: str) -> str:
    """The paragraphs from a Heading 2 to the next one."""
    lines: list[str] = []
    inside = False
    for paragraph in document.paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        if name == "Heading 2":
            inside = paragraph.text == heading
        elif inside:
            lines.append(paragraph.text)
    return "\n".join(lines)


def test_every_part_of_the_pack_is_there_in_order(bank, wording):
    document = built(make_pack(bank, wording))
    assert headings(document, 1) == ["Director of Children's Services"]
    assert headings(document, 2) == [
        ROLE_HEADING,
        "Person specification",
        ASSESSMENT_HEADING,
        SAFER_RECRUITMENT_HEADING,
        APPLY_HEADING,
    ]
    assert document.core_properties.language == "en-GB"
    assert "candidate information pack" in document.core_properties.title


def test_the_cover_gives_the_post_at_a_glance(bank, wording):
    cover = dict(
        (label, value)
        for label, value in rows_of(
            table_captioned(built(make_pack(bank, wording)), "The post at a glance")
        )
    )
    assert cover == {
        "Organisation": "Testshire County Council",
        "Job reference": "TCC-CS-0142",
        "Closing date": "12 January 2027",
        "Salary": "£150,000 to £165,000 a year",
        "Contract": "Permanent, full time",
        "Location": "County Hall, Testford",
        "Interview dates": "3 and 4 February 2027",
    }


def test_the_role_is_the_advert_text_without_the_parts_the_pack_gives_elsewhere(bank, wording):
    pack = make_pack(bank, wording)
    document = built(pack)
    role_headings = headings(document, 3)
    shown = [s.heading for s in pack.advert.sections]
    assert role_headings == [
        heading
        for heading, section in zip(shown, pack.advert.sections, strict=True)
        if section.key not in ("how_we_assess", "how_to_apply", SAFER_RECRUITMENT_SECTION)
    ]
    assert "These values guide our work:" in section_text(document, ROLE_HEADING)
    # The advert's "How we assess" opens the pack's own part, so it is printed once.
    assert all_text(document).count("Our selection is values-based.") == 1


def test_person_specification_is_a_table_with_essential_criteria_first(bank, wording):
    document = built(make_pack(bank, wording))
    rows = rows_of(table_captioned(document, "Criteria"))
    assert rows[0] == list(PERSON_SPEC_COLUMNS)
    assert rows[1:] == [
        ["Essential one", "Essential", "Application, interview"],
        ["Essential two", "Essential", "Pre-employment check"],
        ["Desirable first in the list", "Desirable", "Application"],
        ["Desirable second", "Desirable", "Exercise"],
    ]


def test_without_criteria_the_pack_says_whom_to_ask(bank, wording):
    pack = make_pack(bank, wording)
    pack = dataclasses.replace(pack, advert=dataclasses.replace(pack.advert, person_spec=()))
    document = built(pack)
    assert "not published yet" in section_text(document, "Person specification")
    assert person_spec_rows(()) == []


def test_stages_are_listed_in_order_with_type_and_date(bank, wording):
    document = built(make_pack(bank, wording))
    rows = rows_of(table_captioned(document, "Stages of the selection"))
    assert rows == [
        ["Stage", "What it is", "Date"],
        ["Shortlisting", "Shortlisting", "20 January 2027"],
        ["Young people's panel", "Young people's panel", "To be confirmed"],
        ["Final interview", "Final panel interview", "3 February 2027"],
    ]


def test_without_stages_the_pack_says_shortlisted_applicants_will_hear(bank, wording):
    document = built(dataclasses.replace(make_pack(bank, wording), stages=()))
    assert "tell shortlisted applicants" in section_text(document, ASSESSMENT_HEADING)


def test_safer_recruitment_makes_every_statement_once(bank, wording):
    document = built(make_pack(bank, wording))
    text = section_text(document, SAFER_RECRUITMENT_HEADING)
    for statement in (
        "committed to safeguarding and promoting the welfare of children",
        "enhanced Disclosure and Barring Service (DBS) check",
        "children's barred list",
        "two references, one from your current or most recent employer",
        "right to work in the UK",
        "DBS filtering rules",
        "declare any convictions",
        "before we confirm any appointment",
        "conditional until every check is complete and satisfactory",
    ):
        assert statement in text, statement
    # Not repeated elsewhere: the advert's own section opens this part and nothing else.
    assert all_text(document).count("children's barred list") == 1


def test_how_to_apply_names_the_contact(bank, wording):
    document = built(make_pack(bank, wording))
    text = section_text(document, APPLY_HEADING)
    assert "The closing date is 12 January 2027." in text
    assert "Contact: Sam Patel, Chief Executive" in text


def test_an_advert_without_how_to_apply_still_gives_the_closing_date(bank, wording):
    pack = make_pack(bank, wording)
    sections = [s for s in pack.advert.sections if s.key != "how_to_apply"]
    pack = dataclasses.replace(pack, advert=dataclasses.replace(pack.advert, sections=sections))
    assert "The closing date is 12 January 2027." in section_text(built(pack), APPLY_HEADING)


def test_hostile_text_everywhere_is_cleaned_and_the_docx_reopens(bank, wording):
    pack = make_pack(bank, wording)
    hostile_advert = dataclasses.replace(
        pack.advert,
        title=HOSTILE,
        organisation_name=HOSTILE,
        person_spec=(Criterion(HOSTILE * 50, True, ("interview",)),),
    )
    pack = dataclasses.replace(
        pack,
        advert=hostile_advert,
        reference=HOSTILE,
        salary=HOSTILE,
        contact=HOSTILE,
        stages=(PackStage(HOSTILE, HOSTILE, None),),
        safer_recruitment=HOSTILE + "\n- " + HOSTILE,
        wording=PackWording(HOSTILE, HOSTILE, HOSTILE),
    )
    document = built(pack)
    text = all_text(document)
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    footer = " ".join(p.text for p in document.sections[0].footer.paragraphs)
    for written in (text, header, footer, document.core_properties.title):
        assert not any(ch in written for ch in "\x00\x07\x0b\ufffe")
    assert "<script>alert('x')</script>" in text and "العربية 🚸" in text
    assert len(document_bytes(build_candidate_pack_docx(pack))) > 1000


# --- the wording file ---------------------------------------------------------------------


def test_the_real_wording_file_loads_with_every_statement(wording):
    assert all(getattr(wording, key).strip() for key in STATEMENT_KEYS)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("safer_recruitment: [", "not valid YAML"),
        ("- a list", "the file: expected a mapping"),
        ("other: {}", "safer_recruitment: expected a mapping"),
        (
            "safer_recruitment:\n  self_disclosure: a\n  references: b\n",
            "safer_recruitment.conditional_offer: write the statement as text",
        ),
        (
            "safer_recruitment:\n  self_disclosure: a\n  references: b\n"
            "  conditional_offer: c\n  barred: d\n",
            "unknown statement barred",
        ),
        (
            "safer_recruitment:\n  self_disclosure: a\n  references: '  '\n  conditional_offer: c\n",
            "safer_recruitment.references: write the statement as text",
        ),
        (
            f"safer_recruitment:\n  self_disclosure: {'x' * 1501}\n  references: b\n"
            "  conditional_offer: c\n",
            "1500 characters or fewer",
        ),
    ],
)
def test_a_bad_wording_file_is_refused_saying_where(text, message):
    with pytest.raises(PackWordingError, match=message):
        load_pack_wording(text)


# --- LibreOffice --------------------------------------------------------------------------


def test_candidate_pack_converts_to_pdf_with_libreoffice(bank, wording, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        skip_or_fail("LibreOffice (soffice) is not installed")
        return
    source = tmp_path / "candidate-pack.docx"
    source.write_bytes(
        document_bytes(build_candidate_pack_docx(make_pack(bank, wording), REFERENCE))
    )

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

    pdf = tmp_path / "candidate-pack.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 1000
    assert pdf.read_bytes().startswith(b"%PDF")
