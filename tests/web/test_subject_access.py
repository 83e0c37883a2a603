"""``flask --app recruit sar CANDIDATE_ID --out FILE.zip`` (security item 23, subject access).

Everything held about one candidate, in JSON and Word, and nothing about anyone else: not
other candidates, not panel members' names or emails, not users' password hashes.
"""

from __future__ import annotations

import io
import json
import re
import stat
import sys
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from sqlalchemy import Column, ForeignKey, Integer, MetaData, Table, select

from recruit import audit
from recruit.extensions import db
from recruit.models import (
    AdvisoryReport,
    AgreedScore,
    AuditEvent,
    Candidate,
    CandidateDecision,
    ConflictOfInterest,
    EqualityAnswers,
    Outcome,
    PanelRole,
    PlanItem,
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
from recruit.subject_access import COVERED_TABLES, DOCX_NAME, JSON_NAME
from tests.support.factories import (
    make_candidate,
    make_issued_stage,
    make_stage,
    make_vacancy,
    submit_sheet,
)

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]
# Distinctive words, so a search of the export cannot match them by chance.
TOM_NOTE = "TOMNOTE-zebra-quartz: asked about relocation"
TOM_EVIDENCE = "TOMEVIDENCE-kiwi-basalt"
TOM_DECISION = "TOMDECISION-heron-slate"
TOM_CONFLICT = "TOMCONFLICT-otter-flint"
TOM_AUDIT = "TOMAUDIT-lynx-marble"
TOM_REPORT = "TOMREPORT-puffin-chalk"
HOSTILE = (
    "\x01\x1b[31mred\x07\x0b\x0c\u2028 "
    "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u202eevil\u202c "
    "\U0001f600\U0001f469\u200d\U0001f467 "
)


@dataclass
class Scene:
    amara: Candidate
    tom: Candidate
    hr: User
    chair: User
    member: User
    conflicted: User
    removed_email: str


def _scene(app, make_user) -> Scene:  # type: ignore[no-untyped-def]
    hr = make_user(Role.HR, email="harriet.hr@council.example", name="Harriet Featherstonehaugh")
    vacancy = make_vacancy(hr)
    amara = make_candidate(
        vacancy, "Amara", "Okafor", phone="07700 900123", notes="Asked for a step-free room"
    )
    tom = make_candidate(vacancy, "Tomasz", "Reidwell", phone="07700 900999", notes=TOM_NOTE)
    chair = make_user(Role.PANEL, email="priya.q@council.example", name="Priya Quillfeather")
    member = make_user(Role.PANEL, email="dee.m@council.example", name="Dee Marchbanks")
    conflicted = make_user(Role.PANEL, email="ola.b@council.example", name="Ola Brightwater")
    final = make_issued_stage(
        app,
        vacancy,
        name="Final panel",
        seats=[
            (chair, PanelRole.CHAIR),
            (member, PanelRole.MEMBER),
            (conflicted, PanelRole.MEMBER),
        ],
        questions=QUESTIONS,
    )

    # submit_sheet writes "Evidence for 5 from Priya Quillfeather": a name to redact.
    chair_sheet = submit_sheet(final, chair, amara, [5, 4])
    member_sheet = submit_sheet(final, member, amara, [4, None])
    member_sheet.scores[
        0
    ].evidence = "Gave a sharper answer than Tomasz Reidwell; Dee Marchbanks agreed"
    tom_sheet = submit_sheet(final, chair, tom, [1, 3])
    tom_sheet.scores[0].evidence = TOM_EVIDENCE

    second_item = final.items[1]
    chair_sheet.amendments.append(
        ScoreAmendment(
            plan_item_id=second_item.id,
            previous_score=4,
            previous_evidence="Evidence for 4 from Priya Quillfeather",
            new_score=3,
            new_evidence="Revised: the example was from 2015",
            reason="Misread the date of the example",
            amended_by_id=chair.id,
        )
    )
    chair_sheet.score_for(second_item.id).score = 3  # type: ignore[union-attr]
    db.session.add(StageModeration(stage_id=final.id, opened_by_id=chair.id))
    for candidate, reasons in ((amara, "Clear values and sound decisions"), (tom, TOM_DECISION)):
        db.session.add(
            AgreedScore(
                stage_id=final.id,
                candidate_id=candidate.id,
                attribute="values",
                formula_score=4.5,
                agreed=4.0,
                rationale=f"Agreed after discussion: {reasons}",
                recorded_by_id=chair.id,
            )
        )
        db.session.add(
            CandidateDecision(
                stage_id=final.id,
                candidate_id=candidate.id,
                outcome=Outcome.APPOINTABLE,
                reasons=reasons,
                floor_override_reason="Values floor overridden: one outlier score",
                red_flag_discussion="The 2 on values was one example; the others were strong",
                recorded_by_id=chair.id,
            )
        )
    db.session.add(
        ConflictOfInterest(
            user_id=conflicted.id,
            candidate_id=amara.id,
            description="Worked with the candidate at Leeds in 2019",
        )
    )
    db.session.add(
        ConflictOfInterest(user_id=conflicted.id, candidate_id=tom.id, description=TOM_CONFLICT)
    )

    # A second stage whose plan was never issued, with a draft sheet.
    stakeholder = make_stage(
        vacancy,
        name="Stakeholder panel",
        stage_type=StageType.STAKEHOLDER_PANEL,
        seats=[(member, PanelRole.MEMBER)],
        questions=QUESTIONS[:1],
    )
    draft = ScoreSheet(
        seat_id=stakeholder.seats[0].id, candidate_id=amara.id, status=SheetStatus.DRAFT
    )
    draft.scores.append(
        Score(plan_item_id=stakeholder.items[0].id, score=3, evidence="Draft: partial answer")
    )
    db.session.add(draft)
    # The stakeholder panel advises: its report on each candidate for the deciding panel.
    for candidate, strengths in ((amara, "Warmer than Tomasz Reidwell"), (tom, TOM_REPORT)):
        db.session.add(
            AdvisoryReport(
                stage_id=stakeholder.id,
                candidate_id=candidate.id,
                strengths=strengths,
                concerns="Vague on partnerships",
                traffic_light=TrafficLight.AMBER,
                recorded_by_id=member.id,
            )
        )
    db.session.flush()

    audit.record("candidate.updated", amara, actor=hr, fields=["notes"])
    audit.record("candidate.updated", tom, actor=hr, fields=[TOM_AUDIT])
    audit.record("scores.submitted", chair_sheet, actor=chair, candidate=amara.code)
    # Details naming staff are withheld; an actor whose account was deleted is not named.
    audit.record("candidate.checked", amara, actor=hr, user_id=chair.id, user_email=chair.email)
    removed = "gone.person@council.example"
    audit.record("candidate.viewed", amara, actor_label=removed)
    db.session.commit()
    return Scene(amara, tom, hr, chair, member, conflicted, removed)


def _run(app, candidate_id: int, out: Path):  # type: ignore[no-untyped-def]
    return app.test_cli_runner().invoke(args=["sar", str(candidate_id), "--out", str(out)])


def _export(app, scene: Scene, tmp_path: Path) -> tuple[zipfile.ZipFile, dict]:  # type: ignore[no-untyped-def]
    out = tmp_path / "amara.zip"
    result = _run(app, scene.amara.id, out)
    assert result.exit_code == 0, result.output
    archive = zipfile.ZipFile(out)
    return archive, json.loads(archive.read(JSON_NAME).decode("utf-8"))


def _all_text(archive: zipfile.ZipFile) -> str:
    """Every character in the zip: the JSON, and every XML part of the Word document."""
    texts = [archive.read(JSON_NAME).decode("utf-8")]
    with zipfile.ZipFile(io.BytesIO(archive.read(DOCX_NAME))) as document:
        texts += [
            document.read(name).decode("utf-8")
            for name in document.namelist()
            if name.endswith((".xml", ".rels"))
        ]
    return "\n".join(texts)


# --- the table-coverage check -----------------------------------------------------------


def tables_about_candidates(metadata: MetaData) -> set[str]:
    """``candidate`` and every table with a foreign key to it, directly or through another
    such table (``score`` and ``score_amendment`` through ``score_sheet.id``)."""
    about = {"candidate"}
    while True:
        more = {
            table.name
            for table in metadata.tables.values()
            if table.name not in about
            and any(key.column.table.name in about for key in table.foreign_keys)
        }
        if not more:
            return about
        about |= more


def test_every_table_that_refers_to_candidates_is_exported(app):
    about = tables_about_candidates(db.metadata)
    # The check finds the tables it must, so it cannot pass by finding nothing.
    assert {"score_sheet", "score", "score_amendment", "conflict_of_interest"} <= about
    missing = about - COVERED_TABLES
    assert not missing, (
        f"{sorted(missing)} hold rows about candidates but the subject access export does "
        "not read them: read them in recruit/subject_access/rows.py and add them to COVERED_TABLES"
    )
    assert COVERED_TABLES <= set(db.metadata.tables), "COVERED_TABLES names a table that is gone"


def test_the_coverage_check_catches_a_new_table_about_candidates():
    metadata = MetaData()
    Table("candidate", metadata, Column("id", Integer, primary_key=True))
    Table(
        "score_sheet",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("candidate_id", ForeignKey("candidate.id")),
    )
    Table("score_note", metadata, Column("sheet_id", ForeignKey("score_sheet.id")))
    Table("reference_check", metadata, Column("candidate_id", ForeignKey("candidate.id")))
    Table("vacancy", metadata, Column("id", Integer, primary_key=True))
    found = tables_about_candidates(metadata)
    assert found == {"candidate", "score_sheet", "score_note", "reference_check"}
    assert found - COVERED_TABLES == {"score_note", "reference_check"}


# --- the export -------------------------------------------------------------------------


def test_the_zip_holds_the_json_and_the_word_document_only(app, bank, make_user, tmp_path):
    scene = _scene(app, make_user)
    archive, document = _export(app, scene, tmp_path)
    assert sorted(archive.namelist()) == sorted([JSON_NAME, DOCX_NAME])
    assert document["format"] == "recruit-subject-access" and document["format_version"] == 1
    if sys.platform != "win32":
        mode = stat.S_IMODE((tmp_path / "amara.zip").stat().st_mode)
        assert mode == 0o600, oct(mode)


def test_the_json_holds_the_candidate_and_everything_about_them(app, bank, make_user, tmp_path):
    scene = _scene(app, make_user)
    _archive, document = _export(app, scene, tmp_path)

    candidate = document["candidate"]
    assert candidate["first_name"] == "Amara" and candidate["last_name"] == "Okafor"
    assert candidate["email"] == scene.amara.email and candidate["phone"] == "07700 900123"
    assert candidate["notes"] == "Asked for a step-free room"
    assert candidate["status"] == "applied" and "lock_version" not in candidate
    columns = {column.key for column in Candidate.__table__.columns} - {"lock_version"}
    assert columns <= set(candidate), "every column of the candidate's row is exported"
    assert document["vacancy"]["title"] == "Director of Children's Services"

    final, stakeholder = document["stages"]
    assert final["name"] == "Final panel" and stakeholder["name"] == "Stakeholder panel"
    chair_sheet, member_sheet = final["score_sheets"]
    assert chair_sheet["assessor"] == "Panel member 1 (Chair)"
    assert member_sheet["assessor"] == "Panel member 2"
    assert chair_sheet["status"] == "submitted"
    first = chair_sheet["scores"][0]
    issued = db.session.scalars(select(PlanItem).where(PlanItem.question_id == QUESTIONS[0]))
    assert first["question"] in {
        item.frozen_content["question"] for item in issued if item.frozen_content
    }
    assert first["question_as_issued"] is True
    assert first["question_number"] == 1 and first["question_id"] == QUESTIONS[0]
    assert first["score"] == 5 and first["no_evidence"] is False
    assert first["evidence"] == "Evidence for 5 from [Panel member 1]"
    second = member_sheet["scores"][1]
    assert (second["score"], second["no_evidence"], second["evidence"]) == (None, True, "")
    assert member_sheet["scores"][0]["evidence"] == (
        "Gave a sharper answer than [another candidate]; [Panel member 2] agreed"
    )
    (amendment,) = chair_sheet["amendments"]
    assert amendment["question_number"] == 2
    assert amendment["before"] == {
        "score": 4,
        "no_evidence": False,
        "evidence": "Evidence for 4 from [Panel member 1]",
    }
    assert amendment["after"]["score"] == 3
    assert amendment["reason"] == "Misread the date of the example"
    assert amendment["amended_by"] == "Panel member 1"
    (agreed,) = final["agreed_scores"]
    assert agreed["agreed"] == 4.0 and agreed["formula_score"] == 4.5
    assert agreed["rationale"] == "Agreed after discussion: Clear values and sound decisions"
    decision = final["decision"]
    assert decision["outcome"] == "appointable"
    assert decision["reasons"] == "Clear values and sound decisions"
    assert decision["floor_override_reason"] == "Values floor overridden: one outlier score"
    assert decision["red_flag_discussion"] == (
        "The 2 on values was one example; the others were strong"
    )
    assert decision["recorded_by"] == "Panel member 1"
    assert final["moderation"]["closed_early"] is False

    (draft,) = stakeholder["score_sheets"]
    assert draft["status"] == "draft" and draft["submitted_at"] is None
    assert draft["assessor"] == "Panel member 2"  # the same person, the same number
    assert draft["scores"][0]["question_as_issued"] is False
    assert draft["scores"][0]["question"] and draft["scores"][0]["evidence"].startswith("Draft")
    report = stakeholder["advisory_report"]
    assert report["strengths"] == "Warmer than [another candidate]"
    assert report["concerns"] == "Vague on partnerships"
    assert report["traffic_light"] == "amber" and report["recorded_by"] == "Panel member 2"
    assert final["advisory_report"] is None

    (conflict,) = document["conflicts_of_interest"]
    assert conflict["description"] == "Worked with the candidate at Leeds in 2019"
    assert conflict["declared_by"] == "Panel member 3"

    events = {event["action"]: event for event in document["audit_events"]}
    assert {"candidate.updated", "scores.submitted", "candidate.checked"} <= set(events)
    assert events["candidate.updated"]["actor"] == "Staff member 1"
    assert events["candidate.updated"]["detail"] == {"fields": ["notes"]}
    assert events["candidate.checked"]["detail"] == {}  # user_id and user_email withheld
    assert events["candidate.viewed"]["actor"] == "A member of staff (account since removed)"
    assert events["scores.submitted"]["subject_type"] == "ScoreSheet"

    labels = [person["label"] for person in document["people"]]
    assert labels == ["Panel member 1", "Panel member 2", "Panel member 3", "Staff member 1"]


def test_dates_in_the_json_are_iso_8601(app, bank, make_user, tmp_path):
    scene = _scene(app, make_user)
    _archive, document = _export(app, scene, tmp_path)

    def moments(value):  # type: ignore[no-untyped-def]
        if isinstance(value, dict):
            for key, item in value.items():
                if key.endswith(("_at", "_date", "_on")) and item is not None:
                    yield key, item
                yield from moments(item)
        elif isinstance(value, list):
            for item in value:
                yield from moments(item)

    found = list(moments(document))
    assert len(found) > 10
    for key, text in found:
        parsed = datetime.fromisoformat(text)
        if key.endswith("_at"):
            assert parsed.utcoffset() is not None and parsed.utcoffset().total_seconds() == 0


def test_nothing_about_anyone_else_is_in_the_zip(app, bank, make_user, tmp_path):
    scene = _scene(app, make_user)
    archive, _document = _export(app, scene, tmp_path)
    text = _all_text(archive).casefold()
    assert "amara" in text and "okafor" in text  # the search does see the contents

    tom = scene.tom
    forbidden = [tom.first_name, tom.last_name, tom.email, tom.code, tom.phone, TOM_NOTE]
    forbidden += [TOM_EVIDENCE, TOM_DECISION, TOM_CONFLICT, TOM_AUDIT, scene.removed_email]
    forbidden += [TOM_REPORT]
    for user in (scene.hr, scene.chair, scene.member, scene.conflicted):
        forbidden += [user.email, user.full_name, *user.full_name.split(), user.password_hash]
    present = [
        value
        for value in forbidden
        if re.search(rf"(?<!\w){re.escape(value.casefold())}(?!\w)", text)
    ]
    assert not present, f"the export holds other people's data: {present}"


def test_the_word_document_reopens_with_headings_tables_title_and_language(
    app, bank, make_user, tmp_path
):
    scene = _scene(app, make_user)
    archive, _document = _export(app, scene, tmp_path)
    document = Document(io.BytesIO(archive.read(DOCX_NAME)))
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings[0] == ("Heading 1", "Information we hold about you: Amara Okafor")
    assert ("Heading 2", "Stage: Final panel") in headings
    assert ("Heading 3", "Scores from Panel member 1 (Chair)") in headings
    assert ("Heading 2", "Conflicts of interest declared about you") in headings
    assert document.core_properties.title == "Information we hold about you: Amara Okafor"
    assert document.core_properties.language == "en-GB"
    language = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert language.get(qn("w:val")) == "en-GB"
    assert len(document.tables) >= 8
    for table in document.tables:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "Question as issued" in cells and "No evidence" in cells
    assert "Worked with the candidate at Leeds in 2019" in cells


def test_hostile_text_goes_through(app, bank, make_user, tmp_path):
    scene = _scene(app, make_user)
    long_note = HOSTILE + "x" * 100_000
    scene.amara.notes = long_note
    sheet = db.session.scalars(
        select(ScoreSheet).where(
            ScoreSheet.candidate_id == scene.amara.id, ScoreSheet.status == SheetStatus.SUBMITTED
        )
    ).first()
    assert sheet is not None
    sheet.scores[0].evidence = "\u05e9\u05dc\u05d5\u05dd first, then English " + HOSTILE
    db.session.commit()

    archive, document = _export(app, scene, tmp_path)
    assert document["candidate"]["notes"] == long_note  # the JSON keeps exactly what is held
    word = Document(io.BytesIO(archive.read(DOCX_NAME)))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    note = next(text for text in cells if text.endswith("x" * 1000))
    assert len(note) > 100_000 and "\x01" not in note and "\x1b" not in note
    assert "\U0001f600" in note and "\u0645\u0631\u062d\u0628\u0627" in note
    xml = archive.read(DOCX_NAME)
    with zipfile.ZipFile(io.BytesIO(xml)) as parts:
        body = parts.read("word/document.xml").decode("utf-8")
    assert "<w:bidi/>" in body  # the evidence that starts in Hebrew reads right to left


def test_an_unknown_candidate_is_a_clear_error_and_writes_nothing(app, tmp_path):
    out = tmp_path / "nobody.zip"
    result = _run(app, 999_999, out)
    assert result.exit_code != 0
    assert "Candidate 999999 does not exist" in result.output
    assert not out.exists()
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "sar.exported")) is None


@pytest.mark.parametrize("name", ["export.docx", "export.json", "export"])
def test_the_output_must_be_a_zip(app, bank, make_user, tmp_path, name):
    scene = _scene(app, make_user)
    result = _run(app, scene.amara.id, tmp_path / name)
    assert result.exit_code != 0 and ".zip" in result.output
    assert not (tmp_path / name).exists()


def test_the_export_is_recorded_in_the_audit_trail(app, bank, make_user, tmp_path):
    scene = _scene(app, make_user)
    _export(app, scene, tmp_path)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "sar.exported"))
    assert event is not None
    assert (event.object_type, event.object_id) == ("Candidate", str(scene.amara.id))
    assert event.actor == "command line" and event.user_id is None
    # The next export lists the first among the actions about the candidate.
    result = _run(app, scene.amara.id, tmp_path / "again.zip")
    assert result.exit_code == 0, result.output
    again = json.loads(zipfile.ZipFile(tmp_path / "again.zip").read(JSON_NAME))
    exported = [e for e in again["audit_events"] if e["action"] == "sar.exported"]
    assert len(exported) == 1 and exported[0]["actor"] == "command line"


def test_a_candidate_with_nothing_scored_still_gets_their_record(app, make_user, tmp_path):
    vacancy = make_vacancy(make_user(Role.HR))
    lone = make_candidate(vacancy, "Lone", "Applicant")
    out = tmp_path / "lone.zip"
    result = _run(app, lone.id, out)
    assert result.exit_code == 0, result.output
    document = json.loads(zipfile.ZipFile(out).read(JSON_NAME))
    assert document["candidate"]["first_name"] == "Lone"
    assert document["stages"] == [] and document["conflicts_of_interest"] == []
    assert Document(io.BytesIO(zipfile.ZipFile(out).read(DOCX_NAME))).tables


def test_a_candidate_gets_their_own_equality_answers_and_nobody_elses(app, make_user, tmp_path):
    vacancy = make_vacancy(make_user(Role.HR))
    own, other = make_candidate(vacancy, "Own", "Answers"), make_candidate(vacancy, "Other", "One")
    db.session.add_all(
        [
            EqualityAnswers(
                candidate_id=own.id, ethnicity="mixed", religion="buddhist", source="import"
            ),
            EqualityAnswers(candidate_id=other.id, sexual_orientation="bisexual", source="import"),
        ]
    )
    db.session.commit()
    out = tmp_path / "own.zip"
    assert _run(app, own.id, out).exit_code == 0
    document = json.loads(zipfile.ZipFile(out).read(JSON_NAME))
    answers = {row["question"]: row["answer"] for row in document["equality_monitoring"]}
    assert answers["What is your ethnic group?"] == "Mixed or Multiple ethnic groups"
    assert answers["What is your religion or belief?"] == "Buddhist"
    assert set(answers.values()) >= {"Not known"}
    word = Document(io.BytesIO(zipfile.ZipFile(out).read(DOCX_NAME)))
    text = "\n".join(cell.text for table in word.tables for row in table.rows for cell in row.cells)
    assert "Mixed or Multiple ethnic groups" in text and "Bisexual" not in text
    assert "Bisexual" not in zipfile.ZipFile(out).read(JSON_NAME).decode()
