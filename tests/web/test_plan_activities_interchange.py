"""A young people's panel's activities through the vacancy file (version 6): an issued
activity travels with its content as issued; one not yet issued needs its exercise in this
installation's bank; a file from before version 6 has none. The stage's timetable and its
school-hours agreement travel with it."""

from __future__ import annotations

import json
import re
from datetime import time

from sqlalchemy import select

from recruit.exercise_store import exercise_or_none
from recruit.extensions import db
from recruit.models import AuditEvent, PanelRole, Role, Stage, StageType
from recruit.stages.plan import add_activity, issue_plan
from tests.support.factories import make_stage, make_vacancy
from tests.web.test_vacancy_interchange import export_document, row_counts, run_import

ACTIVITY = "young-people-what-would-you-change-01"
QUESTION = "values-personal-values-01"
MISSING = "young-people-not-in-this-bank-01"


def _young_peoples_panel(app, make_user, *, issued: bool) -> Stage:  # type: ignore[no-untyped-def]
    hr = make_user(Role.HR, email="hana.hr@council.example", name="Hana Hussain")
    chair = make_user(Role.PANEL, email="chris.chair@council.example", name="Chris Chair")
    vacancy = make_vacancy(hr)
    stage = make_stage(
        vacancy,
        name="Young people's panel",
        stage_type=StageType.YOUNG_PEOPLES_PANEL,
        seats=[(chair, PanelRole.CHAIR)],
        questions=[QUESTION],
    )
    exercise = exercise_or_none(ACTIVITY)
    assert exercise is not None
    with app.test_request_context():  # planning is audited, which reads the request
        add_activity(stage, exercise)
        if issued:
            issue_plan(stage)
    db.session.commit()
    return stage


def _imported_id(result) -> int:  # type: ignore[no-untyped-def]
    assert result.exit_code == 0, result.output
    return int(re.search(r"as vacancy (\d+)", result.output).group(1))


def _imported_stage(vacancy_id: int) -> Stage:
    db.session.expire_all()
    stage = db.session.scalar(select(Stage).where(Stage.vacancy_id == vacancy_id))
    assert stage is not None
    return stage


def test_an_issued_activity_goes_out_and_comes_back_with_its_content(
    app, bank, make_user, tmp_path
):
    stage = _young_peoples_panel(app, make_user, issued=True)
    frozen = stage.activities[0].frozen_content
    assert frozen is not None and frozen["id"] == ACTIVITY
    runner = app.test_cli_runner()
    document = export_document(runner, stage.vacancy_id, tmp_path / "vacancy.json")
    assert document["version"] == 6
    exported = document["stages"][0]
    assert exported["activities"] == [
        {
            "position": 1,
            "exercise_id": ACTIVITY,
            "minutes": stage.activities[0].minutes,
            "frozen_content": frozen,
        }
    ]
    assert [item["question_id"] for item in exported["items"]] == [QUESTION]  # not an item

    before = row_counts()
    new_id = _imported_id(run_import(runner, tmp_path / "vacancy.json"))
    assert row_counts()["plan_activity"] == 2 * before["plan_activity"] == 2
    imported = _imported_stage(new_id)
    assert imported.id != stage.id
    assert imported.stage_type is StageType.YOUNG_PEOPLES_PANEL
    [activity] = imported.activities
    assert (activity.position, activity.exercise_id, activity.minutes) == (
        1,
        ACTIVITY,
        stage.activities[0].minutes,
    )
    assert activity.frozen_content == frozen
    again = export_document(runner, new_id, tmp_path / "again.json")
    assert again["stages"] == document["stages"]


def test_an_issued_activity_imports_even_when_the_bank_no_longer_has_it(
    app, bank, make_user, tmp_path
):
    """It carries what was issued, so the bank is not asked for it."""
    stage = _young_peoples_panel(app, make_user, issued=True)
    runner = app.test_cli_runner()
    document = export_document(runner, stage.vacancy_id, tmp_path / "vacancy.json")
    document["stages"][0]["activities"][0]["exercise_id"] = MISSING
    path = tmp_path / "renamed.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    imported = _imported_stage(_imported_id(run_import(runner, path)))
    assert [a.exercise_id for a in imported.activities] == [MISSING]
    assert imported.activities[0].frozen_content == stage.activities[0].frozen_content


def test_an_unissued_activity_imports_when_the_bank_has_its_exercise(
    app, bank, make_user, tmp_path
):
    stage = _young_peoples_panel(app, make_user, issued=False)
    runner = app.test_cli_runner()
    document = export_document(runner, stage.vacancy_id, tmp_path / "vacancy.json")
    assert document["stages"][0]["plan_issued_at"] is None
    assert document["stages"][0]["activities"][0]["frozen_content"] is None
    imported = _imported_stage(_imported_id(run_import(runner, tmp_path / "vacancy.json")))
    assert [(a.exercise_id, a.frozen_content) for a in imported.activities] == [(ACTIVITY, None)]


def test_an_unissued_activity_naming_an_exercise_not_in_the_bank_is_refused(
    app, bank, make_user, tmp_path
):
    stage = _young_peoples_panel(app, make_user, issued=False)
    runner = app.test_cli_runner()
    document = export_document(runner, stage.vacancy_id, tmp_path / "vacancy.json")
    document["stages"][0]["activities"][0]["exercise_id"] = MISSING
    path = tmp_path / "missing.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = row_counts()
    result = run_import(runner, path)
    assert result.exit_code != 0
    assert "Nothing was imported" in result.output
    assert (
        f"stages[0].activities[0].exercise_id: no exercise {MISSING!r} in this question bank"
        in result.output
    ), result.output
    assert row_counts() == before


def test_a_version_5_file_imports_with_no_activities(app, bank, make_user, tmp_path):
    stage = _young_peoples_panel(app, make_user, issued=True)
    runner = app.test_cli_runner()
    document = export_document(runner, stage.vacancy_id, tmp_path / "vacancy.json")
    document["version"] = 5
    for entry in document["stages"]:
        for key in ("activities", "starts_at", "slot_minutes", "break_minutes"):
            del entry[key]
        del entry["school_hours_agreement"]
    path = tmp_path / "version-5.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    new_id = _imported_id(run_import(runner, path))
    assert _imported_stage(new_id).activities == []
    again = export_document(runner, new_id, tmp_path / "again.json")
    assert again["version"] == 6 and again["stages"][0]["activities"] == []
    event = db.session.scalar(
        select(AuditEvent)
        .where(AuditEvent.action == "vacancy.imported")
        .order_by(AuditEvent.id.desc())
    )
    assert event is not None and event.detail["format_version"] == 5


def test_the_stage_timetable_and_school_hours_agreement_come_back(app, bank, make_user, tmp_path):
    stage = _young_peoples_panel(app, make_user, issued=True)
    stage.starts_at, stage.slot_minutes, stage.break_minutes = time(9, 30), 60, 45
    stage.school_hours_agreement = "Agreed with the young people and their schools."
    db.session.commit()
    runner = app.test_cli_runner()
    document = export_document(runner, stage.vacancy_id, tmp_path / "vacancy.json")
    exported = document["stages"][0]
    assert (exported["starts_at"], exported["slot_minutes"], exported["break_minutes"]) == (
        "09:30",
        60,
        45,
    )
    imported = _imported_stage(_imported_id(run_import(runner, tmp_path / "vacancy.json")))
    assert (imported.starts_at, imported.slot_minutes, imported.break_minutes) == (
        time(9, 30),
        60,
        45,
    )
    assert imported.school_hours_agreement == stage.school_hours_agreement


def test_a_start_time_off_the_24_hour_clock_is_refused(app, bank, make_user, tmp_path):
    stage = _young_peoples_panel(app, make_user, issued=True)
    runner = app.test_cli_runner()
    document = export_document(runner, stage.vacancy_id, tmp_path / "vacancy.json")
    before = row_counts()
    for bad in ("9:30", "24:00", "09:30:00", "half nine"):
        document["stages"][0]["starts_at"] = bad
        path = tmp_path / "bad-time.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        result = run_import(runner, path)
        assert result.exit_code != 0
        assert "stages[0].starts_at: must be a time on the 24-hour clock, like 09:30" in (
            result.output
        )
    assert row_counts() == before
