"""The exercise bank, checked, loaded and exported like the questions: `question-bank check`
names the file, line, exercise and field; `load` refuses a broken exercise and writes
nothing, stores the files whole and drops one no longer in the folder; `export` writes them
back; and the pages list, filter and show them to everyone signed in."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from sqlalchemy import func, select

from recruit.exercise_store import current_exercises, database_exercise_texts
from recruit.extensions import db
from recruit.models import BankLoad, Role

BANK = Path(__file__).resolve().parents[2] / "question_bank"
VALUES = "exercises/values.yaml"


def _copy_bank(tmp_path: Path) -> Path:
    folder = tmp_path / "bank"
    shutil.copytree(BANK, folder)
    return folder


def _break_minutes(folder: Path) -> int:
    """Set the first values exercise's minutes to 500; the line it is on."""
    path = folder / VALUES
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("  minutes:"))
    lines[number] = "  minutes: 500\n"
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


def test_check_names_the_file_line_exercise_and_field(app, tmp_path):
    folder = _copy_bank(tmp_path)
    line = _break_minutes(folder)
    result = app.test_cli_runner().invoke(args=["question-bank", "check", str(folder)])
    assert result.exit_code != 0
    expected = (
        f"{folder}/{VALUES}:{line}: exercise presentation-first-hundred-days-values-01, "
        "field minutes:"
    )
    assert expected in result.output, result.output
    assert "1 problem(s) found in the exercises" in result.output


def test_check_passes_the_real_bank_and_counts_the_exercises(app):
    result = app.test_cli_runner().invoke(args=["question-bank", "check", str(BANK)])
    assert result.exit_code == 0, result.output
    assert re.search(r"\d+ questions \(\d+ active\), \d+ exercises", result.output)
    assert "Note:" not in result.output  # the shipped bank meets the floor


def test_load_refuses_a_broken_exercise_and_writes_nothing(app, tmp_path):
    folder = _copy_bank(tmp_path)
    _break_minutes(folder)
    result = app.test_cli_runner().invoke(args=["question-bank", "load", str(folder)])
    assert result.exit_code != 0 and "field minutes" in result.output
    assert db.session.scalar(select(func.count()).select_from(BankLoad)) == 0
    assert database_exercise_texts() == {}


def test_load_stores_the_files_whole_and_drops_one_removed(app, tmp_path):
    folder = _copy_bank(tmp_path)
    runner = app.test_cli_runner()
    assert runner.invoke(args=["question-bank", "load", str(folder)]).exit_code == 0
    stored = database_exercise_texts()
    assert stored[VALUES] == (folder / VALUES).read_text(encoding="utf-8")  # comments kept
    with app.test_request_context():
        exercises = current_exercises()
    assert any(e.id == "young-people-a-day-in-our-shoes-01" for e in exercises)

    (folder / "exercises/young-people.yaml").unlink()
    result = runner.invoke(args=["question-bank", "load", str(folder)])
    assert result.exit_code == 0, result.output
    assert "exercises/young-people.yaml" not in database_exercise_texts()
    with app.test_request_context():
        assert not any(e.is_for_young_people for e in current_exercises())

    out = tmp_path / "exported"
    assert runner.invoke(args=["question-bank", "export", "--out", str(out)]).exit_code == 0
    assert (out / VALUES).read_text(encoding="utf-8") == stored[VALUES]


def test_the_pages_list_filter_and_show_exercises(bank, signed_in):
    client, _ = signed_in(Role.PANEL)
    page = client.get("/exercises").get_data(as_text=True)
    count = len(current_exercises())
    assert f"{count} exercises" in page and "/exercises/media-care-leaver-story-values-01" in page

    young = client.get("/exercises?kind=young_people_activity").get_data(as_text=True)
    assert "5 exercises" in young and "media-care-leaver" not in young
    values = client.get("/exercises?attribute=values").get_data(as_text=True)
    assert "media-care-leaver-story-values-01" in values
    # An unknown filter value is ignored, not an error.
    assert f"{count} exercises" in client.get("/exercises?kind=<script>").get_data(as_text=True)

    activity = client.get("/exercises/young-people-a-day-in-our-shoes-01").get_data(as_text=True)
    assert 'id="traffic-light"' in activity and "what each score looks like" not in activity
    media = client.get("/exercises/media-care-leaver-story-values-01").get_data(as_text=True)
    assert "what each score looks like" in media and 'id="traffic-light"' not in media
    in_tray = client.get("/exercises/in-tray-monday-morning-decisions-01").get_data(as_text=True)
    assert 'id="content-note"' in in_tray and "Materials" in in_tray
    assert client.get("/exercises/no-such-exercise-01").status_code == 404


def _retire_one_written_for_family_safeguarding(folder: Path) -> None:
    path = folder / "questions" / "values.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: values-fs-")
    status = text.index("status: active", start)
    path.write_text(
        text[:status] + "status: retired" + text[status + len("status: active") :],
        encoding="utf-8",
    )


def test_check_refuses_a_bank_below_the_floor_unless_told_it_was_chosen(app, tmp_path):
    folder = _copy_bank(tmp_path)
    _retire_one_written_for_family_safeguarding(folder)
    runner = app.test_cli_runner()
    refused = runner.invoke(args=["question-bank", "check", str(folder)])
    assert refused.exit_code != 0
    assert (
        "Below the floor: 2 active 'values' questions are written for 'family_safeguarding': "
        "it needs at least 3"
    ) in refused.output
    assert "1 shortfall(s) below the bank's floor" in refused.output
    allowed = runner.invoke(args=["question-bank", "check", "--allow-below-floor", str(folder)])
    assert allowed.exit_code == 0, allowed.output
    assert "Note: 2 active 'values' questions are written for 'family_safeguarding'" in (
        allowed.output
    )
