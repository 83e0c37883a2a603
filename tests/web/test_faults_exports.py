"""Faults while exporting: a full disk while a command writes its file, and a web download
whose document fails to build. Each ends in one plain message (a plain error page on the
web), leaves no half-written file, changes nothing in the database and records no export.

The full disk is real where it can be: ``/dev/full`` refuses every write with ENOSPC. For a
real folder, ``os.write`` is made to write half its bytes and then fail with ENOSPC, as a
disk filling up part way through a file does. The scoring faults (the database failing
mid-submit, a killed gunicorn worker) are in ``test_faults_scoring.py``.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from recruit.extensions import db
from recruit.models import (
    AuditEvent,
    PanelRole,
    Role,
    StageModeration,
)
from tests.conftest import TEST_PASSWORD
from tests.support.factories import (
    make_candidate,
    make_issued_stage,
    make_vacancy,
    submit_sheet,
)
from tests.support.forms import sign_in

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]
SERVICE_PROBLEM = "Sorry, there is a problem with the service"


@dataclass
class Campaign:
    vacancy_id: int
    stage_id: int
    candidate_id: int
    chair_email: str


@pytest.fixture
def campaign(app, bank, make_user) -> Campaign:  # type: ignore[no-untyped-def]
    """A vacancy with an advert and a stage in moderation: every export has something."""
    vacancy = make_vacancy(make_user(Role.HR), with_advert=True)
    amara = make_candidate(vacancy, "Amara", "Okafor")
    chair, member = make_user(Role.PANEL, name="Priya Chair"), make_user(Role.PANEL)
    stage = make_issued_stage(
        app,
        vacancy,
        seats=[(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER)],
        questions=QUESTIONS,
    )
    submit_sheet(stage, chair, amara, [2, 5])
    submit_sheet(stage, member, amara, [3, None])
    db.session.add(StageModeration(stage_id=stage.id))
    db.session.commit()
    return Campaign(vacancy.id, stage.id, amara.id, chair.email)


# --- the command line: every command that writes a file -----------------------------------

# Each command that writes a file: the file's name, its arguments before --out, and the
# audit action it records once the file is written.
COMMANDS = [
    pytest.param("advert.docx", "export advert --vacancy {v}", "advert.exported", id="advert"),
    pytest.param("advert.txt", "export advert --vacancy {v}", "advert.exported", id="advert-txt"),
    pytest.param(
        "chair.docx", "export pack --vacancy {v} --stage {s}", "pack.exported", id="chair-pack"
    ),
    pytest.param(
        "packs.zip",
        "export pack --vacancy {v} --stage {s} --all-members",
        "pack.exported",
        id="all-packs",
    ),
    pytest.param("summary.docx", "export summary --vacancy {v}", "summary.exported", id="summary"),
    pytest.param("scores.csv", "export summary --vacancy {v}", "scores.exported", id="csv"),
    pytest.param("scores.xlsx", "export summary --vacancy {v}", "scores.exported", id="xlsx"),
    pytest.param(
        "brief.docx", "export comparison --vacancy {v}", "comparison.exported", id="comparison"
    ),
    pytest.param("amara.zip", "sar {c}", "sar.exported", id="sar"),
    pytest.param("vacancy.json", "vacancy export {v}", "vacancy.exported", id="vacancy"),
]


def _args(campaign: Campaign, template: str, out: Path) -> list[str]:
    ids = {"v": campaign.vacancy_id, "s": campaign.stage_id, "c": campaign.candidate_id}
    return template.format(**ids).split() + ["--out", str(out)]


def _exports_recorded(action: str) -> int:
    db.session.rollback()
    query = select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action)
    return db.session.scalar(query) or 0


def _assert_plain_failure(result, reason: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 1, result.output
    assert not isinstance(result.exception, OSError)  # handled, not a crash
    message = result.output.strip()
    assert message.startswith("Error: Cannot write") and reason in message, message
    assert "\n" not in message and "Traceback" not in message


@pytest.mark.parametrize(("filename", "template", "action"), COMMANDS)
def test_export_to_a_full_device_fails_plainly(app, campaign, tmp_path, filename, template, action):  # type: ignore[no-untyped-def]
    # /dev/full under the name the command expects: every write fails with ENOSPC.
    target = tmp_path / filename
    target.symlink_to("/dev/full")
    result = app.test_cli_runner().invoke(args=_args(campaign, template, target))
    _assert_plain_failure(result, "No space left on device")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)  # written through, never replaced
    assert sorted(path.name for path in tmp_path.iterdir()) == [filename]
    assert _exports_recorded(action) == 0


@pytest.fixture
def disk_fills_up(monkeypatch):  # type: ignore[no-untyped-def]
    """``os.write`` writes half of what it is given for real, then fails: a disk filling up."""
    real_write = os.write
    written: list[int] = []

    def filling_write(descriptor: int, data) -> int:  # type: ignore[no-untyped-def]
        if written:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(real_write(descriptor, bytes(data)[: max(1, len(data) // 2)]))
        return written[-1]

    monkeypatch.setattr(os, "write", filling_write)
    return written


@pytest.mark.parametrize(("filename", "template", "action"), COMMANDS)
def test_disk_filling_mid_write_leaves_the_previous_file(  # type: ignore[no-untyped-def]
    app, campaign, tmp_path, monkeypatch, disk_fills_up, filename, template, action
):
    target = tmp_path / filename
    target.write_bytes(b"the previous export")
    runner = app.test_cli_runner()
    result = runner.invoke(args=_args(campaign, template, target))
    _assert_plain_failure(result, "No space left on device")
    assert disk_fills_up and disk_fills_up[0] > 0  # part of the file really was written
    assert target.read_bytes() == b"the previous export"
    assert [path.name for path in tmp_path.iterdir()] == [filename]  # no temporary file left
    assert _exports_recorded(action) == 0

    monkeypatch.undo()  # the disk has room again
    again = runner.invoke(args=_args(campaign, template, target))
    assert again.exit_code == 0, again.output
    assert target.read_bytes() != b"the previous export" and target.stat().st_size > 100
    assert [path.name for path in tmp_path.iterdir()] == [filename]
    assert _exports_recorded(action) == 1


def test_disk_filling_mid_write_of_a_new_file_leaves_no_file(
    app, campaign, tmp_path, disk_fills_up
):  # type: ignore[no-untyped-def]
    target = tmp_path / "summary.docx"
    template = "export summary --vacancy {v}"
    result = app.test_cli_runner().invoke(args=_args(campaign, template, target))
    _assert_plain_failure(result, "No space left on device")
    assert list(tmp_path.iterdir()) == []


def test_question_bank_export_is_all_files_or_none(app, bank, tmp_path, monkeypatch, disk_fills_up):  # type: ignore[no-untyped-def]
    out = tmp_path / "bank"
    (out / "questions").mkdir(parents=True)
    (out / "questions" / "values.yaml").write_text("the previous export\n")
    runner = app.test_cli_runner()
    result = runner.invoke(args=["question-bank", "export", "--out", str(out)])
    _assert_plain_failure(result, "No space left on device")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bank"]  # no staging left
    assert [p.relative_to(out).as_posix() for p in out.rglob("*.*")] == ["questions/values.yaml"]
    assert (out / "questions" / "values.yaml").read_text() == "the previous export\n"

    device = runner.invoke(args=["question-bank", "export", "--out", "/dev/full"])
    _assert_plain_failure(device, "Not a folder")

    monkeypatch.undo()
    assert runner.invoke(args=["question-bank", "export", "--out", str(out)]).exit_code == 0
    assert len(list(out.rglob("*.yaml"))) > 5
    assert "the previous export" not in (out / "questions" / "values.yaml").read_text()


# --- web downloads whose document fails to build --------------------------------------------


# (who downloads, the builder that fails, the address, the audit action); "{v}" is the
# vacancy's address and "{s}" its stage's.
WEB_DOWNLOADS = [
    ("hr", "summaries.routes.scoring_summary_docx_bytes", "{v}/summary.docx", "summary.exported"),
    ("hr", "summaries.routes.raw_scores_xlsx", "{v}/scores.xlsx", "scores.exported"),
    ("hr", "summaries.routes.raw_scores_csv", "{v}/scores.csv", "scores.exported"),
    ("hr", "stages.pack_routes.packs_zip_bytes", "{s}/packs/all.zip", "pack.exported"),
    ("hr", "stages.pack_routes.pack_docx_bytes", "{s}/packs/chair.docx", "pack.exported"),
    ("hr", "comparisons.routes.briefing_docx", "{v}/comparison.docx", "comparison.exported"),
    ("hr", "adverts.routes.render_advert", "{v}/advert/download/docx", "advert.exported"),
    (
        "hr",
        "adverts.candidate_pack.candidate_pack_bytes",
        "{v}/advert/candidate-pack.docx",
        "candidate_pack.exported",
    ),
    ("admin", "admin.audit_routes.csv_text", "/admin/audit.csv", "audit.exported"),
    ("chair", "interviews.routes.pack_docx_bytes", "/interviews/{n}/pack.docx", "pack.exported"),
]


def _clients(app, campaign: Campaign, signed_in) -> dict[str, object]:  # type: ignore[no-untyped-def]
    chair = app.test_client()
    assert sign_in(chair, campaign.chair_email, TEST_PASSWORD).status_code == 302
    return {"hr": signed_in(Role.HR)[0], "admin": signed_in(Role.ADMIN)[0], "chair": chair}


def _row_counts() -> dict[str, int]:
    db.session.rollback()
    return {
        table.name: db.session.scalar(select(func.count()).select_from(table)) or 0
        for table in db.metadata.sorted_tables
    }


@pytest.mark.parametrize(
    "fault",
    [OSError(errno.ENOSPC, "No space left on device: /var/tmp/secret-path"), MemoryError()],
    ids=["no-space", "out-of-memory"],
)
def test_a_download_that_fails_to_build_shows_a_plain_page(  # type: ignore[no-untyped-def]
    app, campaign, signed_in, monkeypatch, fault
):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    clients = _clients(app, campaign, signed_in)
    vacancy = f"/vacancies/{campaign.vacancy_id}"
    places = {"v": vacancy, "s": f"{vacancy}/stages/{campaign.stage_id}", "n": campaign.stage_id}

    def failing_builder(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise fault

    for who, builder, address, action in WEB_DOWNLOADS:
        url = address.format(**places)
        assert clients[who].get(url).status_code == 200, url  # it works without the fault
        exported = _exports_recorded(action)
        before = _row_counts()
        with monkeypatch.context() as patch:
            patch.setattr(f"recruit.{builder}", failing_builder)
            response = clients[who].get(url)
        page = response.get_data(as_text=True)
        assert response.status_code == 500, url
        assert response.mimetype == "text/html" and SERVICE_PROBLEM in page, url
        assert "Traceback" not in page and "secret-path" not in page
        assert _row_counts() == before, url  # nothing written, the export not recorded
        assert _exports_recorded(action) == exported, url
