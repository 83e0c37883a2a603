"""Hostile text in every free-text field, then every export (issue #8 item 3).

One scene holds the text in every field a user can type that reaches a download: vacancy
facts, advert sections, people's names, candidates' details and notes, the stage name,
evidence, amendment reasons, conflicts, agreed-score rationales, outcome reasons, the
early-close reason, the target profile and a leadership profile, and an audit detail.
Every web download and command-line export must then answer, and every file reopen in the
library that reads its format: Word and zip members, workbooks, CSV, JSON and PNG. Cells
that a spreadsheet would run as a formula must be neutralised, and HTML must escape markup.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given, settings
from openpyxl import load_workbook
from PIL import Image

from recruit import audit
from recruit.adverts import queries
from recruit.domain.adverts.draft import SECTION_KEYS
from recruit.extensions import db
from recruit.models import (
    AgreedScore,
    CandidateDecision,
    CandidateStatus,
    ConflictOfInterest,
    LeadershipProfile,
    Outcome,
    PanelRole,
    Role,
    ScoreAmendment,
    StageModeration,
    TargetProfile,
)
from recruit.models._types import utcnow
from tests.conftest import skip_or_fail
from tests.support.factories import (
    make_candidate,
    make_issued_stage,
    make_vacancy,
    submit_sheet,
)
from tests.support.hostile_text import FEW, HOSTILE, PAYLOADS, SCRIPT, SCRIPT_PAYLOAD, fitting
from tests.support.panel_web import client_for

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]
PNG = b"\x89PNG\r\n\x1a\n"
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")


@dataclass
class Scene:
    vacancy_id: int
    stage_id: int
    amara_id: int
    seat_id: int
    profile_id: int
    clients: dict[str, object]


def _people(make_user, text: str):  # type: ignore[no-untyped-def]
    name = fitting(text, 200)
    return {
        key: make_user(role, name=name)
        for key, role in (("hr", Role.HR), ("admin", Role.ADMIN), ("chair", Role.PANEL),
                          ("member", Role.PANEL), ("conflicted", Role.PANEL))
    }  # fmt: skip


def _advert(vacancy, hr, text: str) -> None:  # type: ignore[no-untyped-def]
    for key in SECTION_KEYS:
        advert = vacancy.advert
        queries.save_section(advert, key, fitting(text, 200), text, hr, advert.lock_version)
    db.session.commit()


def _scene(app, make_user, text: str) -> Scene:  # type: ignore[no-untyped-def]
    # Every way in (form, query string, CSV import) drops NUL, and PostgreSQL refuses it.
    text = text.replace("\x00", "")
    short, people = fitting(text, 200), _people(make_user, text)
    facts = ("title", "service_area", "salary_range", "location", "interview_dates",
             "hiring_manager")  # fmt: skip
    vacancy = make_vacancy(people["hr"], with_advert=True, **dict.fromkeys(facts, short))
    _advert(vacancy, people["hr"], text)
    candidates = [
        make_candidate(
            vacancy, fitting(text, 100), fitting(text, 100), email=f"c{n}-{vacancy.id}@fuzz.example",
            phone=fitting(text, 30), current_role=short, current_employer=short, notes=text,
            status=CandidateStatus.SHORTLISTED,
        )
        for n in range(2)
    ]  # fmt: skip
    amara, tom = candidates
    seats = [(people["chair"], PanelRole.CHAIR), (people["member"], PanelRole.MEMBER),
             (people["conflicted"], PanelRole.MEMBER)]  # fmt: skip
    stage = make_issued_stage(app, vacancy, name=short, seats=seats, questions=QUESTIONS)
    _score(stage, people, amara, tom, text)
    _moderate(stage, people, vacancy, amara, text)
    profile = LeadershipProfile(
        owner_id=people["member"].id, title=short, role_title=short, shared_at=utcnow(),
        ratings={"values": 4, "decisions": 3}, reflections={"values": [text, text]},
    )  # fmt: skip
    db.session.add(profile)
    audit.record("fuzz.hostile_detail", vacancy, actor=people["hr"], note=text, name=short)
    db.session.commit()
    clients = {key: client_for(app, people[key]) for key in ("hr", "admin", "member")}
    return Scene(vacancy.id, stage.id, amara.id, stage.seats[0].id, profile.id, clients)


def _score(stage, people, amara, tom, text: str) -> None:  # type: ignore[no-untyped-def]
    sheets = [
        submit_sheet(stage, people["chair"], amara, [4, 3]),
        submit_sheet(stage, people["member"], amara, [2, None]),
        submit_sheet(stage, people["conflicted"], amara, [3, 5]),
        submit_sheet(stage, people["chair"], tom, [5, 1]),
        submit_sheet(stage, people["member"], tom, [3, 3]),
    ]
    for sheet in sheets:
        for score in sheet.scores:
            score.evidence = "" if score.no_evidence else text
    sheets[0].amendments.append(
        ScoreAmendment(
            plan_item_id=stage.items[1].id, previous_score=4, previous_evidence=text,
            new_score=3, new_evidence=text, reason=text, amended_by_id=people["chair"].id,
        )
    )  # fmt: skip
    db.session.add(
        ConflictOfInterest(user_id=people["conflicted"].id, candidate_id=tom.id, description=text)
    )
    db.session.commit()


def _moderate(stage, people, vacancy, amara, text: str) -> None:  # type: ignore[no-untyped-def]
    chair = people["chair"].id
    db.session.add_all([
        StageModeration(stage_id=stage.id, opened_by_id=chair, closed_early_reason=text),
        AgreedScore(stage_id=stage.id, candidate_id=amara.id, attribute="values",
                    formula_score=3.0, agreed=3.5, rationale=text, recorded_by_id=chair),
        CandidateDecision(stage_id=stage.id, candidate_id=amara.id, outcome=Outcome.RESERVE,
                          reasons=text, floor_override_reason=text, recorded_by_id=chair),
        TargetProfile(vacancy_id=vacancy.id, levels={"values": 3}, reasons={"values": text},
                      rationale=text, set_by_id=people["hr"].id),
    ])  # fmt: skip
    db.session.commit()


def _download(client, url: str) -> bytes:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return response.data


def _word_text(data: bytes) -> str:
    """Reopen a Word file and return its text (paragraphs and table cells)."""
    document = Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _zip_members_reopen(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            member = archive.read(name)
            if name.endswith(".docx"):
                _word_text(member)
            elif name.endswith(".json"):
                json.loads(member.decode("utf-8"))


def _png_reopens(data: bytes) -> None:
    assert data.startswith(PNG)
    Image.open(io.BytesIO(data)).verify()


def _assert_no_live_formula(cell: str) -> None:
    """A cell a spreadsheet would run must start with the neutralising apostrophe."""
    if _PLAIN_NUMBER.fullmatch(cell):
        return  # a number the app worked out: cannot call a function
    after_spaces = cell.lstrip(" ")
    risky = after_spaces[:1] in ("\t", "\r") or cell.lstrip()[:1] in ("=", "+", "-", "@")
    assert not risky, f"live formula in an exported cell: {cell[:80]!r}"


def _csv_cells(data: bytes) -> list[str]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows, "an empty CSV"
    return [cell for row in rows for cell in row]


def _xlsx_cells(data: bytes) -> list[str]:
    workbook = load_workbook(io.BytesIO(data))
    cells = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"a formula cell: {cell.value!r}"
                if isinstance(cell.value, str):
                    cells.append(cell.value)
    return cells


def _web_exports(scene: Scene) -> dict[str, bytes]:
    hr, admin, member = (scene.clients[key] for key in ("hr", "admin", "member"))
    vacancy = f"/vacancies/{scene.vacancy_id}"
    stage = f"{vacancy}/stages/{scene.stage_id}"
    return {
        "advert.docx": _download(hr, f"{vacancy}/advert/download/docx"),
        "advert.html": _download(hr, f"{vacancy}/advert/download/html"),
        "advert.txt": _download(hr, f"{vacancy}/advert/download/txt"),
        "candidate-pack.docx": _download(hr, f"{vacancy}/advert/candidate-pack.docx"),
        "pack.docx": _download(hr, f"{stage}/packs/{scene.seat_id}.docx"),
        "chair.docx": _download(hr, f"{stage}/packs/chair.docx"),
        "packs.zip": _download(hr, f"{stage}/packs/all.zip"),
        "my-pack.docx": _download(member, f"/interviews/{scene.stage_id}/pack.docx"),
        "summary.docx": _download(hr, f"{vacancy}/summary.docx"),
        "stage-summary.docx": _download(hr, f"{stage}/summary.docx"),
        "scores.csv": _download(hr, f"{vacancy}/scores.csv"),
        "scores.xlsx": _download(hr, f"{vacancy}/scores.xlsx"),
        "comparison.docx": _download(hr, f"{vacancy}/comparison.docx"),
        "comparison.png": _download(hr, f"{vacancy}/comparison/radar.png"),
        "radar.png": _download(hr, f"{stage}/candidates/{scene.amara_id}/radar.png"),
        "audit.csv": _download(admin, "/admin/audit.csv"),
        "profile.png": _download(member, f"/profiles/{scene.profile_id}/chart.png"),
    }


def _cli_exports(app, scene: Scene, folder: Path) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    runner, vacancy = app.test_cli_runner(), str(scene.vacancy_id)
    commands = {
        "sar.zip": ["sar", str(scene.amara_id), "--out"],
        "cli-summary.docx": ["export", "summary", "--vacancy", vacancy, "--out"],
        "cli-scores.csv": ["export", "summary", "--vacancy", vacancy, "--out"],
        "cli-scores.xlsx": ["export", "summary", "--vacancy", vacancy, "--out"],
        "cli-comparison.docx": ["export", "comparison", "--vacancy", vacancy, "--out"],
        "cli-advert.docx": ["export", "advert", "--vacancy", vacancy, "--out"],
        "cli-candidate-pack.docx": ["export", "candidate-pack", "--vacancy", vacancy, "--out"],
        "vacancy.json": ["vacancy", "export", vacancy, "--out"],
    }
    files = {}
    for name, args in commands.items():
        path = folder / name
        result = runner.invoke(args=[*args, str(path)])
        assert result.exit_code == 0, f"{name}: {result.output}"
        files[name] = path.read_bytes()
    printed = runner.invoke(args=["summary", "--vacancy", vacancy, "--format", "json"])
    assert printed.exit_code == 0, printed.output
    files["summary.json"] = printed.output.encode("utf-8")
    return files


def _check_files(files: dict[str, bytes]) -> None:
    """Every file reopens; spreadsheet cells are inert; the HTML escapes markup."""
    for name, data in files.items():
        check = FILE_CHECKS.get(Path(name).suffix, _is_text)
        check(data)


def _cells_inert(cells: Iterable[str]) -> None:
    for cell in cells:
        _assert_no_live_formula(cell)


def _html_escaped(data: bytes) -> None:
    assert not SCRIPT.search(data.decode("utf-8")), "markup in the HTML advert"


def _is_text(data: bytes) -> None:
    data.decode("utf-8")


FILE_CHECKS: dict[str, Callable[[bytes], object]] = {
    ".docx": lambda data: _word_text(data),
    ".zip": lambda data: _zip_members_reopen(data),
    ".png": lambda data: _png_reopens(data),
    ".json": lambda data: json.loads(data.decode("utf-8")),
    ".csv": lambda data: _cells_inert(_csv_cells(data)),
    ".xlsx": lambda data: _cells_inert(_xlsx_cells(data)),
    ".html": _html_escaped,
}


def _export_everything(app, make_user, text: str, folder: Path) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    scene = _scene(app, make_user, text)
    files = {**_web_exports(scene), **_cli_exports(app, scene, folder)}
    _check_files(files)
    return files


@pytest.mark.parametrize("text", PAYLOADS, ids=lambda text: repr(text[:12]))
def test_every_export_with_a_classic_payload(app, bank, make_user, tmp_path, text):
    files = _export_everything(app, make_user, text, tmp_path)
    if text == SCRIPT_PAYLOAD:
        # Kept as text, not dropped: the reader sees exactly what was typed.
        assert SCRIPT_PAYLOAD in _word_text(files["advert.docx"])
        assert "&lt;script&gt;" in files["advert.html"].decode("utf-8")
    if text.lstrip(" ")[:1] in ("=", "+", "-", "@", "\t", "\r"):
        # The typed text did reach the spreadsheets, behind the neutralising apostrophe.
        for name in ("scores.csv", "cli-scores.csv"):
            assert any(cell.startswith("'") for cell in _csv_cells(files[name])), name
        for name in ("scores.xlsx", "cli-scores.xlsx"):
            assert any(cell.startswith("'") for cell in _xlsx_cells(files[name])), name


def test_every_export_with_generated_text(app, bank, make_user, tmp_path_factory):
    @settings(FEW, max_examples=5)  # each example builds a whole vacancy and ~25 files
    @given(text=HOSTILE)
    def run(text):  # type: ignore[no-untyped-def]
        _export_everything(app, make_user, text, tmp_path_factory.mktemp("exports"))

    run()


def test_a_hostile_word_file_opens_in_libreoffice(app, bank, make_user, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        skip_or_fail("LibreOffice (soffice) is not installed")
        return
    hostile = "".join(PAYLOADS[:-2]) + "x" * 20_000
    source = tmp_path / "summary.docx"
    source.write_bytes(_export_everything(app, make_user, hostile, tmp_path)["summary.docx"])
    subprocess.run(
        [
            soffice, "--headless", "--norestore", "--nolockcheck",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to", "pdf", "--outdir", str(tmp_path), str(source),
        ],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    assert (tmp_path / "summary.pdf").read_bytes().startswith(b"%PDF")
