"""flask --app recruit question-bank check | load | export, against a real database."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import func, select

from recruit.domain.question_bank import load_bank
from recruit.extensions import db
from recruit.models import BankLoad, Question, QuestionVersion

BANK = Path(__file__).resolve().parents[2] / "question_bank"


def test_check_accepts_the_shipped_bank(app):
    result = app.test_cli_runner().invoke(args=["question-bank", "check"])
    assert result.exit_code == 0, result.output
    assert "The question bank is valid: 109 questions (109 active)" in result.output


def test_check_names_file_line_and_problem_and_fails(app, tmp_path):
    broken = tmp_path / "bank"
    shutil.copytree(BANK, broken)
    values = broken / "questions" / "values.yaml"
    text = values.read_text(encoding="utf-8")
    values.write_text(
        text.replace("    - respect-worth-and-dignity", "    - respect-worth-and-dignty", 1),
        encoding="utf-8",
    )
    result = app.test_cli_runner().invoke(args=["question-bank", "check", str(broken)])
    assert result.exit_code != 0
    assert "questions/values.yaml:" in result.output
    assert "respect-worth-and-dignty" in result.output
    assert "problem(s) found" in result.output


def test_load_is_idempotent_and_records_the_version(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["question-bank", "load"])
    assert first.exit_code == 0, first.output
    assert "109 added, 0 updated, 0 unchanged" in first.output
    second = runner.invoke(args=["question-bank", "load"])
    assert "0 added, 0 updated, 109 unchanged" in second.output
    assert db.session.scalar(select(func.count()).select_from(Question)) == 109
    assert db.session.scalar(select(func.count()).select_from(QuestionVersion)) == 109
    loads = db.session.scalars(select(BankLoad)).all()
    assert len(loads) == 2 and loads[0].version_hash == load_bank(BANK).version_hash


def test_load_versions_a_changed_question_and_keeps_retired_ones(app, tmp_path):
    runner = app.test_cli_runner()
    runner.invoke(args=["question-bank", "load"])
    edited = tmp_path / "bank"
    shutil.copytree(BANK, edited)
    buy_in = edited / "questions" / "buy-in.yaml"
    text = buy_in.read_text(encoding="utf-8")
    first_active = text.index("status: active")
    buy_in.write_text(
        text[:first_active] + "status: retired" + text[first_active + len("status: active") :],
        encoding="utf-8",
    )
    result = runner.invoke(args=["question-bank", "load", str(edited)])
    assert "0 added, 1 updated, 108 unchanged" in result.output, result.output
    retired = db.session.scalars(select(Question).where(Question.status == "retired")).all()
    assert len(retired) == 1 and retired[0].current_version_number == 2


def test_load_refuses_a_broken_bank_and_changes_nothing(app, tmp_path):
    broken = tmp_path / "bank"
    shutil.copytree(BANK, broken)
    (broken / "questions" / "values.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["question-bank", "load", str(broken)])
    assert result.exit_code != 0
    assert "questions/values.yaml" in result.output
    assert db.session.scalar(select(func.count()).select_from(Question)) == 0


def test_export_round_trip(app, tmp_path):
    runner = app.test_cli_runner()
    runner.invoke(args=["question-bank", "load"])
    out = tmp_path / "exported"
    exported = runner.invoke(args=["question-bank", "export", "--out", str(out)])
    assert exported.exit_code == 0, exported.output
    checked = runner.invoke(args=["question-bank", "check", str(out)])
    assert checked.exit_code == 0, checked.output

    def by_id(directory: Path) -> dict[str, object]:
        return {question.id: question for question in load_bank(directory).questions}

    assert by_id(out) == by_id(BANK)
    reloaded = runner.invoke(args=["question-bank", "load", str(out)])
    assert "0 added, 0 updated, 109 unchanged" in reloaded.output
    assert (out / "advert_lexicon.yaml").read_text(encoding="utf-8") == (
        BANK / "advert_lexicon.yaml"
    ).read_text(encoding="utf-8")


def test_export_before_load_says_what_to_do(app, tmp_path):
    result = app.test_cli_runner().invoke(
        args=["question-bank", "export", "--out", str(tmp_path / "x")]
    )
    assert result.exit_code != 0
    assert "question-bank load" in result.output
