"""The DCS briefing pack as output: hostile input, the .docx bytes and file name, the created
time, the reference document's styles and conversion to PDF with LibreOffice.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT

from recruit.domain.comparison.evidence import (
    AdvisoryConcern,
    AttributeEvidence,
    CandidateEvidence,
    Note,
    RedFlag,
)
from recruit.domain.comparison.model import ContextProfile, MissingEvidence, TargetProfile
from recruit.domain.documents.briefing_pack import (
    briefing_filename,
    briefing_pack_docx_bytes,
    build_briefing_pack,
)
from recruit.domain.documents.briefing_pack.model import ObjectionStep
from recruit.domain.documents.scoring_summary.model import (
    AgreedScore,
    CandidateModeration,
    MethodNote,
    ScaleLevel,
    SignOff,
)
from recruit.domain.scoring.advisory import AdvisoryReportView, AttributeView
from recruit.domain.scoring.model import Agreement, AlphaReading
from tests.conftest import skip_or_fail
from tests.domain.briefing_pack_helpers import (
    ATTRIBUTES,
    CANDIDATE_LABELS,
    MISSING,
    MODERATED_AT,
    REFERENCE,
    STAGES,
    TARGET,
    alt_texts,
    comparison,
    headings,
    make_context,
    millimetres,
    rows_text,
    steps,
    style_name,
    table_captioned,
)
from tests.support.word import all_text, reopen

CONTROL = "\x00\x07\x0b\x0c\x1f\ufffe\uffff\ud800"
ARABIC = "مدير خدمات الأطفال"
HEBREW = "מנהל שירותי ילדים"
EMOJI = "👩🏽‍👧 🌍"
FORMULA = '=HYPERLINK("http://evil.example","x")'
HOSTILE = f"{CONTROL}{FORMULA} {ARABIC} {HEBREW} {EMOJI} $\\frac{{1}}{{0}}$\r\n" + "x" * 100_000
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


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
            target=TargetProfile(
                TARGET.levels, {key: HOSTILE for key in TARGET.levels}, HOSTILE,
                (ContextProfile(HOSTILE, {"values": 3.0}),),
            ),
            missing=(MissingEvidence("buy-in", HOSTILE, ("C-03",), False, (HOSTILE,)),),
        ),
        method=MethodNote((ScaleLevel(1, HOSTILE, HOSTILE),), HOSTILE, HOSTILE, HOSTILE,
                          {HOSTILE: 1.0}),
        stage_agreements=(
            (HOSTILE, Agreement({"values": AlphaReading(None, 0, 0, HOSTILE)}, ())),
        ),
        moderation={"C-02": {HOSTILE: CandidateModeration((change,), HOSTILE, HOSTILE)}},
        candidate_evidence={
            "C-02": CandidateEvidence(
                "C-02",
                (AttributeEvidence("values", (Note(HOSTILE, 5, HOSTILE, HOSTILE, HOSTILE),),
                                   (Note(HOSTILE, None, HOSTILE, HOSTILE, HOSTILE),)),),
                (RedFlag(HOSTILE, (HOSTILE,), HOSTILE),),
                (AdvisoryConcern(HOSTILE, HOSTILE, HOSTILE),),
            ),
        },
        advisory_reports={
            "C-02": (AdvisoryReportView(HOSTILE, HOSTILE, HOSTILE, HOSTILE,
                                        (AttributeView(HOSTILE, 3.0, True, (HOSTILE,)),)),),
        },
        target_source=HOSTILE, sign_off=(SignOff(HOSTILE, HOSTILE),),
        advised_by=(SignOff(HOSTILE, HOSTILE),),
        steps=steps(recorded_by=HOSTILE, appointed=HOSTILE, confirmations=((HOSTILE, None),),
                    executive_notified_by=HOSTILE, offer_made_by=HOSTILE,
                    objections=(ObjectionStep(HOSTILE, MODERATED_AT.date(), HOSTILE, True,
                                              None, HOSTILE),)),
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


@pytest.mark.parametrize("missing", [(), MISSING], ids=["ranked", "incomplete"])
def test_briefing_converts_to_pdf(tmp_path: Path, missing: tuple[MissingEvidence, ...]) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        skip_or_fail("LibreOffice (soffice) is not installed")
        return
    source = tmp_path / "briefing.docx"
    context = make_context(comparison=comparison(missing=missing))
    source.write_bytes(briefing_pack_docx_bytes(context, REFERENCE))

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
    # Front, method, side by side, chart, each candidate, advisory reports, evidence and
    # concerns, target levels, agreement, decision, checklist.
    assert 12 <= pages <= 24
