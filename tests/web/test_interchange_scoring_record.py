"""What keeps a scoring record honest, through export and import: a sheet set aside (and
by whom), a seat stood down, moderation closed (and by whom), and each decision's inputs
digest; and a version 1 file, written before these existed, still importing."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import AuditEvent, CandidateDecision, ScoreSheet, Stage, StageModeration
from tests.web.test_vacancy_interchange import (
    DIGEST,
    export_document,
    full_vacancy,
    run_import,
)


@pytest.fixture
def exported(app, bank, make_user, tmp_path):  # type: ignore[no-untyped-def]
    vacancy = full_vacancy(app, make_user)
    return export_document(app.test_cli_runner(), vacancy.id, tmp_path / "vacancy.json")


def test_export_carries_set_aside_sheets_stood_down_seats_and_closed_moderation(exported):
    first, second = exported["stages"]
    assert first["seats"][1]["stood_down_at"] == "2026-03-20T10:10:15.123456+00:00"
    assert first["seats"][1]["stood_down_reason"] == "Unwell after the first interview"
    assert second["seats"][2]["panel_role"] == "hr_adviser"
    set_aside = first["sheets"][1]
    assert (set_aside["member_email"], set_aside["candidate_code"]) == (
        "mo.member@council.example",
        "C-01",
    )
    assert set_aside["set_aside_at"] == "2026-03-20T10:15:15.123456+00:00"
    assert set_aside["set_aside_reason"].startswith("Stood down by HR")
    assert set_aside["set_aside_by_email"] == "ravi.rao@council.example"
    assert {"email": "ravi.rao@council.example", "full_name": "Ravi Rao"} in exported["people"]
    assert first["sheets"][0]["set_aside_at"] is None
    assert first["moderation"]["closed_at"] == "2026-03-20T11:00:15.123456+00:00"
    assert first["moderation"]["closed_by_email"] == "chris.chair@council.example"
    assert first["moderation"]["close_reason"] == "Every outcome recorded"
    assert [d["inputs_digest"] for d in first["decisions"]] == [DIGEST, None]


def test_the_import_keeps_what_was_set_aside_stood_down_and_closed(app, exported, tmp_path):
    result = run_import(app.test_cli_runner(), tmp_path / "vacancy.json")
    assert result.exit_code == 0, result.output
    new_id = int(re.search(r"as vacancy (\d+)", result.output).group(1))
    stage = db.session.scalar(select(Stage).where(Stage.vacancy_id == new_id, Stage.position == 1))
    seat = next(seat for seat in stage.seats if seat.user.email == "mo.member@council.example")
    assert seat.is_stood_down
    sheets = db.session.scalars(select(ScoreSheet).where(ScoreSheet.seat_id == seat.id)).all()
    set_aside = [sheet for sheet in sheets if sheet.is_set_aside]
    assert len(set_aside) == 1 and set_aside[0].set_aside_by.email == "ravi.rao@council.example"
    moderation = db.session.scalar(
        select(StageModeration).where(StageModeration.stage_id == stage.id)
    )
    assert moderation.is_closed and moderation.closed_by.full_name == "Chris Chair"
    digests = db.session.scalars(
        select(CandidateDecision.inputs_digest).where(CandidateDecision.stage_id == stage.id)
    )
    assert sorted(digests, key=str) == [DIGEST, None]


def _as_version_1(document):  # type: ignore[no-untyped-def]
    """The document as it was written before set-aside sheets, stood-down seats, closing
    moderation, digests, stage roles, red-flag discussions, advisory reports and job references
    existed."""
    document["version"] = 1
    del document["appointment"], document["vacancy"]["job_reference"]
    for stage in document["stages"]:
        del stage["role"], stage["reports"], stage["activities"], stage["starts_at"]
        del stage["slot_minutes"], stage["break_minutes"], stage["school_hours_agreement"]
        for seat in stage["seats"]:
            del seat["stood_down_at"], seat["stood_down_reason"]
            del seat["is_councillor"], seat["is_executive_member"]
        for sheet in stage["sheets"]:
            del sheet["set_aside_at"], sheet["set_aside_reason"], sheet["set_aside_by_email"]
        if stage["moderation"] is not None:
            moderation = stage["moderation"]
            del moderation["closed_at"], moderation["closed_by_email"], moderation["close_reason"]
        for decision in stage["decisions"]:
            del decision["inputs_digest"], decision["red_flag_discussion"]
        for item in stage["items"]:
            del item["exercise_id"], item["exercise_attribute"]
    document["people"] = [p for p in document["people"] if not p["email"].startswith("ravi")]
    return document


def test_a_version_1_file_still_imports_with_nothing_set_aside(app, exported, tmp_path):
    path = tmp_path / "version-1.json"
    path.write_text(json.dumps(_as_version_1(exported)), encoding="utf-8")
    runner = app.test_cli_runner()
    result = run_import(runner, path)
    assert result.exit_code == 0, result.output
    new_id = int(re.search(r"as vacancy (\d+)", result.output).group(1))
    again = export_document(runner, new_id, tmp_path / "again.json")
    assert again["version"] == 6
    # Before stage roles, the last stage decides, as the migration decided for the app.
    assert [stage["role"] for stage in again["stages"]] == ["advisory", "deciding"]
    first = again["stages"][0]
    assert [sheet["set_aside_at"] for sheet in first["sheets"]] == [None] * 3
    assert [seat["stood_down_at"] for seat in first["seats"]] == [None, None]
    assert first["moderation"]["closed_at"] is None
    assert [d["inputs_digest"] for d in first["decisions"]] == [None, None]
    assert [d["red_flag_discussion"] for d in first["decisions"]] == [None, None]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "vacancy.imported"))
    assert event.detail["format_version"] == 1
