"""``export summary`` and ``summary --format json`` on the command line."""

from __future__ import annotations

import csv
import io
import json

from docx import Document

from recruit.extensions import db
from recruit.models import PanelRole, Role, StageModeration
from tests.support.factories import (
    make_candidate,
    make_issued_stage,
    make_vacancy,
    submit_sheet,
)

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]


def _vacancy(app, make_user, *, moderated=True):  # type: ignore[no-untyped-def]
    vacancy = make_vacancy(make_user(Role.HR))
    amara = make_candidate(vacancy, "Amara", "Okafor")
    chair, member = make_user(Role.PANEL, name="Priya Chair"), make_user(Role.PANEL)
    stage = make_issued_stage(
        app,
        vacancy,
        seats=[(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER)],
        questions=QUESTIONS,
    )
    submit_sheet(stage, chair, amara, [2, 5])
    submit_sheet(stage, member, amara, [3, 3])
    if moderated:
        db.session.add(StageModeration(stage_id=stage.id))
        db.session.commit()
    return vacancy, stage


def test_summary_json_prints_the_consolidated_results(app, bank, make_user):
    vacancy, _stage = _vacancy(app, make_user)
    result = app.test_cli_runner().invoke(args=["summary", "--vacancy", str(vacancy.id)])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    candidate = document["stages"][0]["candidates"][0]
    assert candidate["label"] == "Amara Okafor (C-01)"
    assert candidate["attributes"]["values"]["mean"] == 2.5
    assert candidate["attributes"]["decisions"]["flags"] == ["disagreement"]
    assert candidate["floor_breached"] is True and candidate["appointable_by_rule"] is False
    assert document["values_floor"]["minimum_mean"] == 3.0
    assert document["overall"] is None


def test_summary_json_leaves_out_stages_before_moderation(app, bank, make_user):
    vacancy, _stage = _vacancy(app, make_user, moderated=False)
    result = app.test_cli_runner().invoke(args=["summary", "--vacancy", str(vacancy.id)])
    assert json.loads(result.output)["stages"] == []


def test_export_summary_writes_word_csv_and_xlsx(app, bank, make_user, tmp_path):
    vacancy, stage = _vacancy(app, make_user)
    runner = app.test_cli_runner()
    docx_path, csv_path = tmp_path / "summary.docx", tmp_path / "scores.csv"
    args = ["export", "summary", "--vacancy", str(vacancy.id), "--stage", str(stage.id)]
    assert runner.invoke(args=[*args, "--out", str(docx_path)]).exit_code == 0
    text = "\n".join(p.text for p in Document(str(docx_path)).paragraphs)
    assert "Panel scoring summary" in text and "Amara Okafor" in text
    assert runner.invoke(args=[*args, "--out", str(csv_path)]).exit_code == 0
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 5
    assert runner.invoke(args=[*args, "--out", str(tmp_path / "s.xlsx")]).exit_code == 0


def test_export_summary_refuses_clearly(app, bank, make_user, tmp_path):
    vacancy, stage = _vacancy(app, make_user, moderated=False)
    runner = app.test_cli_runner()
    base = ["export", "summary", "--vacancy", str(vacancy.id)]
    wrong_type = runner.invoke(args=[*base, "--out", str(tmp_path / "x.pdf")])
    assert wrong_type.exit_code != 0 and "must end in .docx, .csv or .xlsx" in wrong_type.output
    hidden = runner.invoke(
        args=[*base, "--stage", str(stage.id), "--out", str(tmp_path / "x.docx")]
    )
    assert hidden.exit_code != 0 and "has not reached moderation" in hidden.output
    missing = runner.invoke(args=["summary", "--vacancy", "999"])
    assert missing.exit_code != 0 and "Vacancy 999 does not exist" in missing.output


def test_export_comparison_writes_the_briefing_pack(app, bank, make_user, tmp_path):
    vacancy, _stage = _vacancy(app, make_user)
    out = tmp_path / "briefing.docx"
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["export", "comparison", "--vacancy", str(vacancy.id), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    cells = [c.text for t in Document(str(out)).tables for row in t.rows for c in row.cells]
    assert any("Amara Okafor" in cell for cell in cells)
    wrong = runner.invoke(
        args=["export", "comparison", "--vacancy", str(vacancy.id), "--out", "x.pdf"]
    )
    assert wrong.exit_code != 0 and "must end in .docx" in wrong.output
