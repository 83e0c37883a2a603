"""The panel scoring summary as a file: hostile input, bytes, file names, the reference
document and conversion to PDF.

Hostile text in every field must build, reopen with python-docx and keep what it can; the
bytes reopen and the file name is safe; the reference .docx has the styles the builder relies
on; and LibreOffice converts the summary to a PDF of a sensible length.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT

from recruit.domain.documents.scoring_summary.model import (
    AgreedScore,
    CandidateModeration,
    EvidenceNote,
    MethodNote,
    ScaleLevel,
    SignOff,
)
from recruit.domain.documents.scoring_summary.word import (
    build_scoring_summary,
    scoring_summary_docx_bytes,
    summary_filename,
)
from tests.conftest import skip_or_fail
from tests.domain.scoring_summary_helpers import (
    ATTRIBUTES,
    CANDIDATE_LABELS,
    MEMBERS,
    MODERATED_AT,
    REFERENCE,
    alt_texts,
    headings,
    make_context,
    stage_summary,
)
from tests.support.word import all_text, reopen

CONTROL = "\x00\x07\x0b\x0c\x1f\ufffe\uffff\ud800"
ARABIC = "مدير خدمات الأطفال"
HEBREW = "מנהל שירותי ילדים"
EMOJI = "👩🏽‍👧 🌍"
FORMULA = '=HYPERLINK("http://evil.example","x")'
HOSTILE = f"{CONTROL}{FORMULA} {ARABIC} {HEBREW} {EMOJI} $\\frac{{1}}{{0}}$\r\n" + "x" * 100_000
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


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
    # Front and method, then per stage its results and about two pages per candidate (the
    # chart, at least half the text width, takes most of one), flowing on from one another.
    assert 2 + 2 * (1 + 3) + 1 <= pages <= 26
