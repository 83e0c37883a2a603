"""vacancy export / vacancy import: a whole vacancy through JSON and back, and refusals."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import String, func, select
from werkzeug.security import check_password_hash

from recruit.domain.interchange.format import SECTIONS
from recruit.extensions import db
from recruit.models import (
    AdvertVersion,
    AdvisoryReport,
    AgreedScore,
    AppointmentDecision,
    AuditEvent,
    CandidateDecision,
    CandidateStatus,
    ConflictOfInterest,
    DecisionConfirmation,
    ExecutiveObjection,
    Outcome,
    PanelRole,
    Role,
    Score,
    ScoreAmendment,
    ScoreSheet,
    SheetStatus,
    StageModeration,
    StageType,
    TrafficLight,
    User,
)
from recruit.stages.plan import issue_plan
from tests.support.factories import make_candidate, make_stage, make_vacancy

FIRST = ["values-personal-values-01", "decisions-own-risk-01"]
SECOND = ["buy-in-political-football-01", "values-personal-values-01"]
AT = datetime(2026, 3, 20, 9, 30, 15, 123456, tzinfo=UTC)
DIGEST = "5d41402abc4b2a76b9719d911017c592" * 2


def _at(minutes: int) -> datetime:
    return AT + timedelta(minutes=minutes)


def _sheet(seat, candidate, status, answers, *, minutes=0):  # type: ignore[no-untyped-def]
    """A sheet with (item, score, no_evidence, evidence) answers."""
    sheet = ScoreSheet(
        seat_id=seat.id,
        candidate_id=candidate.id,
        status=status,
        created_at=_at(minutes),
        updated_at=_at(minutes + 5),
        submitted_at=_at(minutes + 5) if status is SheetStatus.SUBMITTED else None,
    )
    for item, score, no_evidence, evidence in answers:
        sheet.scores.append(
            Score(plan_item_id=item.id, score=score, no_evidence=no_evidence, evidence=evidence)
        )
    db.session.add(sheet)
    return sheet


def full_vacancy(app, make_user):  # type: ignore[no-untyped-def]
    """Two issued stages, seats, candidates, a conflict, sheets, amendments, moderation;
    a stood-down seat whose submitted sheet was set aside, an HR adviser who does not score,
    closed moderation and decisions with the digest of what they were made on."""
    hr = make_user(Role.HR, email="hana.hr@council.example", name="Hana Hussain")
    ravi = make_user(Role.HR, email="ravi.rao@council.example", name="Ravi Rao")
    chair = make_user(Role.PANEL, email="chris.chair@council.example", name="Chris Chair")
    member = make_user(Role.PANEL, email="mo.member@council.example", name="Mo Member")
    partner = make_user(Role.PANEL, email="pat.partner@nhs.example", name="Pat Partner")
    vacancy = make_vacancy(hr, with_advert=True, hide_candidate_names=True)
    vacancy.created_by_id = vacancy.updated_by_id = hr.id
    first_version = vacancy.advert.versions[0]
    vacancy.advert.versions.append(
        AdvertVersion(
            number=2,
            sections=[dict(section, body="Edited.") for section in first_version.sections],
            include_self_assessment=False,
            created_by_id=hr.id,
            created_by_label=hr.email,
            change_note="Shorter opening",
        )
    )
    vacancy.advert.current_version_number = 2
    amara = make_candidate(vacancy, "Amara", "Okafor", application_date=date(2026, 3, 1))
    tom = make_candidate(vacancy, "Tom", "Reid", notes="Asked for a step-free room")
    zoe = make_candidate(vacancy, "Zoë", "Ng", status=CandidateStatus.WITHDRAWN)
    first = make_stage(
        vacancy,
        name="Stakeholder panel",
        stage_type=StageType.STAKEHOLDER_PANEL,
        held_on=date(2026, 3, 20),
        seats=[(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER)],
        questions=FIRST,
    )
    second = make_stage(
        vacancy,
        seats=[
            (member, PanelRole.CHAIR),
            (partner, PanelRole.PARTNER_REPRESENTATIVE),
            (hr, PanelRole.HR_ADVISER),
        ],
        questions=SECOND,
    )
    with app.test_request_context():
        issue_plan(first)
        issue_plan(second)
    db.session.add(
        ConflictOfInterest(user_id=partner.id, candidate_id=zoe.id, description="Former manager")
    )
    one, two = first.items
    chair_seat, member_seat = first.seats
    chaired = _sheet(
        chair_seat,
        amara,
        SheetStatus.SUBMITTED,
        [(one, 4, False, "Changed the rota"), (two, None, True, "")],
    )
    chaired.amendments.append(
        ScoreAmendment(
            plan_item_id=one.id,
            previous_score=3,
            previous_evidence="Rota",
            new_score=4,
            new_evidence="Changed the rota",
            reason="Misread my notes",
            amended_by_id=chair.id,
            amended_at=_at(30),
        )
    )
    chaired.amendments.append(
        ScoreAmendment(
            plan_item_id=two.id,
            previous_score=2,
            new_no_evidence=True,
            reason="Nothing was said",
            amended_by_id=chair.id,
            amended_at=_at(31),
        )
    )
    set_aside = _sheet(
        member_seat, amara, SheetStatus.SUBMITTED, [(one, 5, False, "Clear"), (two, 3, False, "Ok")]
    )
    # Ravi, and only Ravi's setting it aside, puts him in the file's people.
    set_aside.set_aside_at = _at(45)
    set_aside.set_aside_reason = "Stood down by HR: unwell after the first interview"
    set_aside.set_aside_by_id = ravi.id
    member_seat.stood_down_at = _at(40)
    member_seat.stood_down_reason = "Unwell after the first interview"
    _sheet(member_seat, tom, SheetStatus.DRAFT, [(one, None, False, "")], minutes=10)
    _sheet(second.seats[1], amara, SheetStatus.DRAFT, [(second.items[0], 2, False, "Unsure")])
    db.session.add(
        StageModeration(
            stage_id=first.id,
            opened_at=_at(60),
            opened_by_id=chair.id,
            closed_early_reason="Mo was unwell",
            closed_at=_at(90),
            closed_by_id=chair.id,
            close_reason="Every outcome recorded",
        )
    )
    for attribute, formula, agreed in [("values", 4.5, 4.0), ("decisions", None, 3.25)]:
        db.session.add(
            AgreedScore(
                stage_id=first.id,
                candidate_id=amara.id,
                attribute=attribute,
                formula_score=formula,
                agreed=agreed,
                rationale="Panel agreed",
                recorded_by_id=chair.id,
            )
        )
    db.session.add(
        CandidateDecision(
            stage_id=first.id,
            candidate_id=amara.id,
            outcome=Outcome.APPOINTABLE,
            reasons="Strong",
            inputs_digest=DIGEST,
        )
    )
    db.session.add(
        CandidateDecision(
            stage_id=first.id,
            candidate_id=tom.id,
            outcome=Outcome.NOT_APPOINTABLE,
            reasons="Below the floor",
            floor_override_reason=None,
            recorded_by_id=chair.id,
        )
    )
    # The stakeholder panel advises: its report on each candidate for the deciding panel.
    db.session.add_all(
        [
            AdvisoryReport(
                stage_id=first.id,
                candidate_id=amara.id,
                strengths="Listened to families",
                concerns="",
                traffic_light=TrafficLight.GREEN,
                recorded_by_id=chair.id,
                recorded_at=_at(70),
            ),
            AdvisoryReport(
                stage_id=first.id,
                candidate_id=tom.id,
                strengths="",
                concerns="Vague on partnerships",
                recorded_at=_at(71),
            ),
        ]
    )
    db.session.add(_appointment(vacancy, first, amara, chair, member, hr))
    db.session.commit()
    return vacancy


def _appointment(vacancy, stage, amara, chair, member, hr):  # type: ignore[no-untyped-def]
    """The decision with every step after it: confirmed, notified, objected to, ruled, offered."""
    decision = AppointmentDecision(
        vacancy_id=vacancy.id,
        stage_id=stage.id,
        candidate_id=amara.id,
        reasons="Strongest on values",
        recorded_by_id=chair.id,
        recorded_at=_at(60),
        executive_notified_on=date(2026, 3, 23),
        executive_notified_by_id=hr.id,
        objection_days=5,
        objection_deadline=date(2026, 3, 30),
        offer_made_at=_at(60 * 24 * 10),
        offer_made_by_id=hr.id,
    )
    for minutes, person in ((61, chair), (62, member)):
        decision.confirmations.append(
            DecisionConfirmation(user_id=person.id, confirmed_at=_at(minutes))
        )
    decision.objections.append(
        ExecutiveObjection(
            objector="Cllr Kaur",
            received_on=date(2026, 3, 25),
            summary="Partnerships were not tested",
            recorded_by_id=hr.id,
            recorded_at=_at(60 * 24 * 2),
            upheld=False,
            ruling_reasons="They were, at the second question",
            ruled_by_id=chair.id,
            ruled_at=_at(60 * 24 * 3),
        )
    )
    return decision


def export_document(runner, vacancy_id, path):  # type: ignore[no-untyped-def]
    result = runner.invoke(args=["vacancy", "export", str(vacancy_id), "--out", str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(path.read_text(encoding="utf-8"))


def run_import(runner, path, *options):  # type: ignore[no-untyped-def]
    return runner.invoke(args=["vacancy", "import", str(path), *options])


def _comparable(document):  # type: ignore[no-untyped-def]
    return {k: v for k, v in document.items() if k not in ("exported_at", "source_vacancy_id")}


def row_counts() -> dict[str, int]:
    return {
        table.name: db.session.scalar(select(func.count()).select_from(table))
        for table in db.metadata.sorted_tables
    }


@pytest.fixture
def exported(app, bank, make_user, tmp_path):  # type: ignore[no-untyped-def]
    vacancy = full_vacancy(app, make_user)
    return export_document(app.test_cli_runner(), vacancy.id, tmp_path / "vacancy.json")


def test_export_import_export_gives_the_same_document(app, exported, tmp_path):
    runner = app.test_cli_runner()
    before = row_counts()
    result = run_import(runner, tmp_path / "vacancy.json")
    assert result.exit_code == 0, result.output
    new_id = int(re.search(r"as vacancy (\d+)", result.output).group(1))
    assert new_id != exported["source_vacancy_id"]
    again = export_document(runner, new_id, tmp_path / "again.json")
    assert _comparable(again) == _comparable(exported)
    after = row_counts()
    copied = ("vacancy", "advert", "stage", "plan_item", "score_sheet", "score_amendment")
    decided = ("appointment_decision", "decision_confirmation", "executive_objection")
    for table in (*copied, *decided, "advisory_report"):
        assert after[table] == 2 * before[table], table
    assert after["user_account"] == before["user_account"]  # matched, not copied
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "vacancy.imported"))
    assert event.object_id == str(new_id)


def test_export_carries_the_advisory_reports(exported):
    stakeholder = exported["stages"][0]
    assert [(r["candidate_code"], r["traffic_light"]) for r in stakeholder["reports"]] == [
        ("C-01", "green"),
        ("C-02", None),
    ]
    assert stakeholder["reports"][0]["strengths"] == "Listened to families"
    assert stakeholder["reports"][1]["recorded_by_email"] is None
    assert exported["stages"][1]["reports"] == []


def test_export_carries_everything_but_never_secrets(exported, tmp_path):
    text = (tmp_path / "vacancy.json").read_text(encoding="utf-8")
    assert "password" not in text and "scrypt" not in text and "session" not in text
    assert exported["format"] == "recruit-vacancy" and exported["version"] == 6
    assert [p["email"] for p in exported["people"]] == sorted(
        p["email"] for p in exported["people"]
    )
    first, second = exported["stages"]
    assert [item["question_id"] for item in second["items"]] == SECOND
    assert all(item["frozen_content"]["id"] == item["question_id"] for item in first["items"])
    assert first["seats"][0] == {
        "member_email": "chris.chair@council.example",
        "panel_role": "chair",
        "stood_down_at": None,
        "stood_down_reason": None,
        "is_councillor": False,
        "is_executive_member": False,
    }
    appointment = exported["appointment"]
    assert appointment["candidate_code"] == "C-01" and appointment["stage_position"] == 1
    assert [c["member_email"] for c in appointment["confirmations"]] == [
        "chris.chair@council.example",
        "mo.member@council.example",
    ]
    assert appointment["objections"][0]["upheld"] is False
    amendments = first["sheets"][0]["amendments"]
    assert [a["reason"] for a in amendments] == ["Misread my notes", "Nothing was said"]
    assert amendments[0]["amended_at"] == "2026-03-20T10:00:15.123456+00:00"
    assert first["moderation"]["closed_early_reason"] == "Mo was unwell"
    assert exported["conflicts"][0]["candidate_code"] == "C-03"
    assert exported["advert"]["current_version_number"] == 2
    assert (
        exported["vacancy"]["closing_date"]
        == date.fromisoformat(exported["vacancy"]["closing_date"]).isoformat()
    )


def _set(path_in_document, value):  # type: ignore[no-untyped-def]
    def change(document):  # type: ignore[no-untyped-def]
        *parents, last = path_in_document
        target = document
        for key in parents:
            target = target[key]
        target[last] = value

    return change


REFUSALS = [
    (_set(["format"], "something-else"), "format: must be 'recruit-vacancy'"),
    (
        _set(["version"], 7),
        "version: this app reads versions 1, 2, 3, 4, 5 and 6, the file has 7",
    ),
    (
        _set(["stages", 1, "sheets", 0, "scores", 0, "score"], 7),
        "stages[1].sheets[0].scores[0].score: must be 1 to 5 or null",
    ),
    (
        _set(["stages", 0, "sheets", 0, "scores", 1, "score"], 2),
        "stages[0].sheets[0].scores[1].score: must be null when no_evidence is true",
    ),
    (
        _set(["conflicts", 0, "candidate_code"], "C-99"),
        "conflicts[0].candidate_code: no candidate 'C-99' in candidates",
    ),
    (
        _set(["stages", 0, "sheets", 1, "member_email"], "pat.partner@nhs.example"),
        "stages[0].sheets[1].member_email: 'pat.partner@nhs.example' has no seat on this stage",
    ),
    (
        _set(["stages", 0, "sheets", 0, "amendments", 0, "position"], 9),
        "stages[0].sheets[0].amendments[0].position: no plan item 9",
    ),
    (
        _set(["stages", 1, "items", 1, "question_id"], "no-such-question-01"),
        "stages[1].items[1].question_id: no question 'no-such-question-01'",
    ),
    (_set(["stages", 0, "held_on"], "20/03/2026"), "stages[0].held_on: must be a date"),
    (_set(["vacancy", "created_at"], "2026-03-20T09:30:00"), "vacancy.created_at: must be a date"),
    (_set(["candidates", 0, "colour"], "blue"), "candidates[0].colour: is not a key"),
    (
        _set(["candidates", 1, "status"], "appointed"),
        "candidates[1].status: a candidate cannot be imported as appointed",
    ),
]


@pytest.mark.parametrize(("change", "message"), REFUSALS)
def test_a_bad_document_is_refused_whole(app, exported, tmp_path, change, message):
    change(exported)
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    before = row_counts()
    result = run_import(app.test_cli_runner(), path)
    assert result.exit_code != 0
    assert "Nothing was imported" in result.output and message in result.output, result.output
    assert row_counts() == before


def test_bad_json_is_refused_with_its_line_and_column(app, bank, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": "recruit-vacancy",\n  oops\n}', encoding="utf-8")
    before = row_counts()
    result = run_import(app.test_cli_runner(), path)
    assert result.exit_code != 0
    assert "is not valid JSON at line 3 column 3" in result.output
    assert row_counts() == before


def test_an_unknown_person_is_refused_unless_asked_to_create_them(app, exported, tmp_path):
    path = tmp_path / "stranger.json"
    text = json.dumps(exported).replace("pat.partner@nhs.example", "sam.stranger@nhs.example")
    path.write_text(text, encoding="utf-8")
    before = row_counts()
    refused = run_import(app.test_cli_runner(), path)
    assert refused.exit_code != 0
    assert re.search(r"people\[\d\]\.email: no user has the email sam.stranger", refused.output)
    assert row_counts() == before

    created = run_import(app.test_cli_runner(), path, "--create-missing-users")
    assert created.exit_code == 0, created.output
    assert "Created panel user sam.stranger@nhs.example" in created.output
    user = db.session.scalar(select(User).where(User.email == "sam.stranger@nhs.example"))
    assert user.role is Role.PANEL and user.full_name == "Pat Partner"
    assert not check_password_hash(user.password_hash, "")


def test_export_of_a_missing_vacancy_says_so(app, tmp_path):
    result = app.test_cli_runner().invoke(
        args=["vacancy", "export", "999", "--out", str(tmp_path / "x.json")]
    )
    assert result.exit_code != 0 and "There is no vacancy 999" in result.output
    assert not (tmp_path / "x.json").exists()


def test_text_limits_in_the_format_match_the_columns():
    """A too-long value must be refused by the checks, not by PostgreSQL halfway through."""
    tables = {
        "vacancy": "vacancy",
        "candidates[]": "candidate",
        "people[]": "user_account",
        "stages[]": "stage",
        "stages[].activities[]": "plan_activity",
        "advert.versions[]": "advert_version",
        "stages[].seats[]": "panel_seat",
        "stages[].sheets[]": "score_sheet",
        "stages[].moderation": "stage_moderation",
        "stages[].decisions[]": "candidate_decision",
    }
    for section, table_name in tables.items():
        table = db.metadata.tables[table_name]
        for key, field in SECTIONS[section].items():
            column = table.columns.get(key)
            if field.vocabulary or column is None or not isinstance(column.type, String):
                continue  # choices are checked against their enum instead
            if column.type.length:
                assert field.max_length == column.type.length, f"{section}.{key}"
