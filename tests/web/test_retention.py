"""``retention purge`` against a real database: dry run, real run, idempotence, --as-of."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from recruit import audit
from recruit.extensions import db
from recruit.models import (
    AdvisoryReport,
    AgreedScore,
    AuditEvent,
    Candidate,
    CandidateDecision,
    CandidateStatus,
    ConflictOfInterest,
    Outcome,
    PanelRole,
    Role,
    Score,
    ScoreAmendment,
    ScoreSheet,
    TrafficLight,
    VacancyStatus,
)
from tests.support.factories import make_candidate, make_stage, make_vacancy, submit_sheet

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]


def at(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T10:00:00+00:00")


def _fingerprint() -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, to show that nothing changed at all."""
    return {
        table.name: [
            tuple(row)
            for row in db.session.execute(select(table).order_by(*table.primary_key.columns)).all()
        ]
        for table in db.metadata.sorted_tables
    }


def _sheet(stage, member, candidate, scores, evidence_day):  # type: ignore[no-untyped-def]
    sheet = submit_sheet(stage, member, candidate, scores)
    sheet.created_at = sheet.updated_at = sheet.submitted_at = at(evidence_day)
    db.session.commit()
    return sheet


@pytest.fixture
def campaign(app, bank, make_user):  # type: ignore[no-untyped-def]
    """Two vacancies, dated in 2025 so the due dates are fixed whatever today is.

    Vacancy one (open, nobody appointed):
      Amara, not appointable, last activity 10 January 2025: due 10 July 2025, with every
      kind of note; Tom, withdrawn on 5 March 2025: due 5 September 2025; Zoë, interviewed,
      still in the campaign: never.
    Vacancy two (Bea appointed on 20 January 2025):
      Bea, appointed: never; Cal, reserve, last touched in 2024: due 20 July 2025.
    """
    chair, member = make_user(Role.PANEL, name="Priya Chair"), make_user(Role.PANEL)
    one = make_vacancy(make_user(Role.HR), title="Director of Children's Services")
    one.updated_at = at("2024-12-01")
    amara = make_candidate(
        one,
        "Amara",
        "Okafor",
        status=CandidateStatus.NOT_APPOINTABLE,
        phone="07700 900123",
        notes="Asked for a step-free room",
        application_date=date(2024, 11, 20),
        created_at=at("2024-11-20"),
        updated_at=at("2025-01-08"),
    )
    tom = make_candidate(
        one,
        "Tom",
        "Reid",
        status=CandidateStatus.WITHDRAWN,
        notes="Moving abroad",
        created_at=at("2024-11-21"),
        updated_at=at("2025-03-05"),
    )
    zoe = make_candidate(
        one,
        "Zoë",
        "Ng",
        status=CandidateStatus.INTERVIEWED,
        created_at=at("2024-11-22"),
        updated_at=at("2024-12-01"),
    )
    stage = make_stage(
        one, seats=[(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER)], questions=QUESTIONS
    )
    chaired = _sheet(stage, chair, amara, [2, 4], "2025-01-06")
    _sheet(stage, member, amara, [3, None], "2025-01-06")
    _sheet(stage, member, zoe, [4, 4], "2024-12-01")
    chaired.amendments.append(
        ScoreAmendment(
            plan_item_id=stage.items[0].id,
            previous_score=1,
            previous_evidence="Said little about values",
            new_score=2,
            new_evidence="Evidence for 2 from Priya Chair",
            reason="Misread my notes about Amara",
            amended_by_id=chair.id,
            amended_at=at("2025-01-07"),
        )
    )
    db.session.add_all(
        [
            AgreedScore(
                stage_id=stage.id,
                candidate_id=amara.id,
                attribute="values",
                formula_score=2.5,
                agreed=2.5,
                rationale="Amara gave thin examples",
                recorded_at=at("2025-01-09"),
            ),
            CandidateDecision(
                stage_id=stage.id,
                candidate_id=amara.id,
                outcome=Outcome.NOT_APPOINTABLE,
                reasons="Below the values floor",
                floor_override_reason="Not overridden: Amara's examples were thin",
                red_flag_discussion="Her 1 on values: the panel agreed it stood",
                recorded_at=at("2025-01-10"),
            ),
            ConflictOfInterest(
                user_id=member.id,
                candidate_id=amara.id,
                description="Managed Amara at Leeds",
                declared_at=at("2025-01-05"),
            ),
            ConflictOfInterest(
                user_id=member.id,
                candidate_id=tom.id,
                description="Tom's former colleague",
                declared_at=at("2025-01-05"),
            ),
        ]
    )
    two = make_vacancy(title="Assistant Director, Safeguarding", status=VacancyStatus.APPOINTED)
    two.updated_at = at("2025-01-20")
    bea = make_candidate(
        two,
        "Bea",
        "Khan",
        status=CandidateStatus.APPOINTED,
        created_at=at("2024-06-01"),
        updated_at=at("2025-01-20"),
    )
    cal = make_candidate(
        two,
        "Cal",
        "Price",
        status=CandidateStatus.RESERVE,
        created_at=at("2024-06-01"),
        updated_at=at("2024-06-02"),
    )
    db.session.commit()
    return {"amara": amara, "tom": tom, "zoe": zoe, "bea": bea, "cal": cal, "stage": stage}


def _purge(app, *options: str):  # type: ignore[no-untyped-def]
    return app.test_cli_runner().invoke(args=["retention", "purge", *options])


def _codes_listed(output: str) -> list[str]:
    return [line.split()[0] for line in output.splitlines() if line.startswith("C-")]


def test_a_dry_run_lists_who_would_go_and_changes_nothing(app, campaign):
    before = _fingerprint()
    result = _purge(app, "--dry-run", "--as-of", "2025-07-20")
    assert result.exit_code == 0, result.output
    assert _fingerprint() == before
    assert "2 candidates due for anonymisation as of 2025-07-20" in result.output
    assert "Dry run: nothing was changed" in result.output
    assert "Anonymised" not in result.output
    lines = result.output.splitlines()
    amara = next(line for line in lines if "not appointable" in line)
    assert amara.startswith("C-01") and "Director of Children's Services" in amara
    assert "2025-01-10  2025-07-10" in amara
    assert amara.endswith(
        "personal details, notes, 3 evidence notes, 1 amendment, 1 rationale, "
        "1 decision reason, 1 conflict"
    )
    cal = next(line for line in lines if "another candidate appointed" in line)
    assert cal.startswith("C-02") and "2025-01-20  2025-07-20" in cal
    assert cal.endswith("personal details")
    # The table names nobody.
    for name in ("Amara", "Okafor", "Cal", "Price", "@example.com"):
        assert name not in result.output


def test_as_of_drives_the_clock_up_to_the_boundary(app, campaign):
    day_before = _purge(app, "--dry-run", "--as-of", "2025-07-09")
    assert _codes_listed(day_before.output) == []
    assert "No candidates are due for anonymisation as of 2025-07-09" in day_before.output
    on_the_day = _purge(app, "--dry-run", "--as-of", "2025-07-10")
    assert "1 candidate due" in on_the_day.output
    assert _codes_listed(on_the_day.output) == ["C-01"]
    later = _purge(app, "--dry-run", "--as-of", "2025-09-05")
    # Vacancy one's Amara and Tom, then vacancy two's Cal; never Zoë (interviewed, vacancy
    # open) nor Bea (appointed).
    assert _codes_listed(later.output) == ["C-01", "C-02", "C-02"]
    assert "withdrawn" in later.output


def test_the_retention_setting_is_used(app, campaign):
    app.config["RETENTION_MONTHS"] = 12
    result = _purge(app, "--dry-run", "--as-of", "2025-12-31")
    assert _codes_listed(result.output) == []
    assert "retention 12 months" in result.output
    assert _codes_listed(_purge(app, "--dry-run", "--as-of", "2026-01-10").output) == ["C-01"]


def test_a_real_run_anonymises_only_the_due_and_blanks_every_note(app, campaign):
    amara, tom, stage = campaign["amara"], campaign["tom"], campaign["stage"]
    others_before = {
        name: _candidate_row(campaign[name].id) for name in ("tom", "zoe", "bea", "cal")
    }
    scores_before = _numbers(amara.id)

    result = _purge(app, "--as-of", "2025-07-15")
    assert result.exit_code == 0, result.output
    assert _codes_listed(result.output) == ["C-01"]
    assert "Anonymised 1 candidate" in result.output
    assert "Dry run" not in result.output

    db.session.expire_all()
    candidate = db.session.get(Candidate, amara.id)
    assert (candidate.first_name, candidate.last_name) == ("Anonymised", "candidate")
    assert candidate.email == f"anonymised-{amara.id}@invalid"
    assert (candidate.phone, candidate.current_role, candidate.current_employer) == ("", "", "")
    assert candidate.notes == "" and candidate.application_date is None
    assert candidate.anonymised_at is not None
    # Kept: who they are to the panel's statistics, and what they scored.
    assert (candidate.code, candidate.status) == ("C-01", CandidateStatus.NOT_APPOINTABLE)
    assert _numbers(amara.id) == scores_before

    sheets = db.session.scalars(select(ScoreSheet).where(ScoreSheet.candidate_id == amara.id))
    for sheet in sheets:
        assert all(score.evidence == "" for score in sheet.scores)
        for amendment in sheet.amendments:
            assert (amendment.previous_evidence, amendment.new_evidence, amendment.reason) == (
                "",
                "",
                "",
            )
            assert (amendment.previous_score, amendment.new_score) == (1, 2)
    agreed = db.session.scalars(select(AgreedScore).where(AgreedScore.candidate_id == amara.id))
    assert [(row.agreed, row.rationale) for row in agreed] == [(2.5, "")]
    decision = db.session.scalar(
        select(CandidateDecision).where(CandidateDecision.candidate_id == amara.id)
    )
    assert (decision.outcome, decision.reasons, decision.floor_override_reason) == (
        Outcome.NOT_APPOINTABLE,
        "",
        None,
    )
    assert decision.red_flag_discussion is None
    conflicts = {
        row.candidate_id: row.description for row in db.session.scalars(select(ConflictOfInterest))
    }
    assert conflicts == {amara.id: "", tom.id: "Tom's former colleague"}

    # Nobody else was touched: not Tom (due in September), Zoë, Bea or Cal.
    for name, row in others_before.items():
        assert _candidate_row(campaign[name].id) == row, name
    zoe_evidence = db.session.scalars(
        select(Score.evidence).join(ScoreSheet).where(ScoreSheet.candidate_id == campaign["zoe"].id)
    ).all()
    assert zoe_evidence and all(zoe_evidence)
    assert stage.id  # the stage and its plan stay

    events = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    anonymised = [event for event in events if event.action == "candidate.anonymised"]
    assert len(anonymised) == 1
    event = anonymised[0]
    assert (event.object_type, event.object_id, event.actor) == (
        "Candidate",
        str(amara.id),
        "command line",
    )
    assert event.detail["decision_date"] == "2025-01-10"
    assert event.detail["due_date"] == "2025-07-10"
    assert event.detail["as_of"] == "2025-07-15"
    assert event.detail["blanked"] == {
        "notes": 1,
        "evidence": 3,
        "amendments": 1,
        "rationales": 1,
        "decisions": 1,
        "conflicts": 1,
    }
    assert "Amara" not in str(event.detail) and "Okafor" not in str(event.detail)
    summary = [event for event in events if event.action == "retention.purged"]
    assert len(summary) == 1 and summary[0].detail["anonymised"] == [amara.id]


def test_a_second_run_does_nothing(app, campaign):
    first = _purge(app, "--as-of", "2025-09-05")
    assert first.exit_code == 0, first.output
    assert "Anonymised 3 candidates" in first.output
    after_first = _fingerprint()

    second = _purge(app, "--as-of", "2025-09-05")
    assert second.exit_code == 0, second.output
    assert "No candidates are due" in second.output
    assert "Anonymised 0 candidates" in second.output
    assert _fingerprint() == after_first


def test_appointed_and_live_candidates_are_never_anonymised(app, campaign):
    result = _purge(app)  # today, years after every decision here
    assert result.exit_code == 0, result.output
    assert "Anonymised 3 candidates" in result.output
    db.session.expire_all()
    assert db.session.get(Candidate, campaign["bea"].id).first_name == "Bea"
    assert db.session.get(Candidate, campaign["zoe"].id).first_name == "Zoë"


def test_a_real_run_may_not_be_dated_after_today(app, campaign):
    before = _fingerprint()
    result = _purge(app, "--as-of", "2999-01-01")
    assert result.exit_code != 0
    assert "use it with --dry-run to preview" in result.output
    assert _fingerprint() == before
    preview = _purge(app, "--dry-run", "--as-of", "2999-01-01")
    assert preview.exit_code == 0 and "3 candidates due" in preview.output


def test_a_bad_date_or_period_is_refused(app, campaign):
    assert _purge(app, "--dry-run", "--as-of", "15/07/2025").exit_code != 0
    app.config["RETENTION_MONTHS"] = 0
    result = _purge(app, "--dry-run")
    assert result.exit_code != 0 and "RETENTION_MONTHS must be at least 1" in result.output


def test_a_failure_for_one_candidate_leaves_all_of_theirs_and_keeps_the_others(
    app, campaign, monkeypatch
):
    amara = campaign["amara"]
    amara_before = _candidate_row(amara.id)
    notes_before = _notes(amara.id)
    real_record = audit.record

    def failing_for_amara(action, subject=None, **kwargs):  # type: ignore[no-untyped-def]
        if action == "candidate.anonymised" and subject.id == amara.id:
            raise SQLAlchemyError("database went away")
        return real_record(action, subject, **kwargs)

    monkeypatch.setattr(audit, "record", failing_for_amara)
    result = _purge(app, "--as-of", "2025-09-05")
    assert result.exit_code != 0
    assert "Could not anonymise C-01 of vacancy" in result.output
    assert "Anonymised 2 candidates" in result.output
    db.session.expire_all()
    # Amara's changes were all rolled back together: names and notes alike.
    assert _candidate_row(amara.id) == amara_before
    assert _notes(amara.id) == notes_before
    assert db.session.get(Candidate, campaign["tom"].id).anonymised_at is not None
    assert db.session.get(Candidate, campaign["cal"].id).anonymised_at is not None
    summary = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "retention.purged"))
    assert summary.detail["failed"] == [amara.id]


def _candidate_row(candidate_id: int) -> tuple[object, ...]:
    table = Candidate.__table__
    return tuple(db.session.execute(select(table).where(table.c.id == candidate_id)).one())


def _numbers(candidate_id: int) -> dict[str, list[object]]:
    """The numbers recorded about a candidate: scores, amendments, agreed scores, outcomes."""
    return {
        "scores": db.session.execute(
            select(Score.id, Score.score, Score.no_evidence)
            .join(ScoreSheet)
            .where(ScoreSheet.candidate_id == candidate_id)
            .order_by(Score.id)
        ).all(),
        "amendments": db.session.execute(
            select(ScoreAmendment.previous_score, ScoreAmendment.new_score)
            .join(ScoreSheet)
            .where(ScoreSheet.candidate_id == candidate_id)
        ).all(),
        "agreed": db.session.execute(
            select(AgreedScore.formula_score, AgreedScore.agreed).where(
                AgreedScore.candidate_id == candidate_id
            )
        ).all(),
        "outcomes": db.session.execute(
            select(CandidateDecision.outcome).where(CandidateDecision.candidate_id == candidate_id)
        ).all(),
    }


def _notes(candidate_id: int) -> list[object]:
    return [
        *db.session.scalars(
            select(Score.evidence).join(ScoreSheet).where(ScoreSheet.candidate_id == candidate_id)
        ),
        *db.session.execute(
            select(ScoreAmendment.previous_evidence, ScoreAmendment.reason)
            .join(ScoreSheet)
            .where(ScoreSheet.candidate_id == candidate_id)
        ).all(),
        *db.session.scalars(
            select(CandidateDecision.reasons).where(CandidateDecision.candidate_id == candidate_id)
        ),
    ]


def test_an_advisory_report_is_blanked_and_counted_with_the_decisions(app, campaign):
    amara, tom = campaign["amara"], campaign["tom"]
    advisory = make_stage(campaign["stage"].vacancy, name="Young people's panel")
    for candidate, words in ((amara, "Amara listened to us"), (tom, "Tom made us laugh")):
        db.session.add(
            AdvisoryReport(
                stage_id=advisory.id,
                candidate_id=candidate.id,
                strengths=words,
                concerns=f"{candidate.first_name} was vague about care leavers",
                traffic_light=TrafficLight.AMBER,
                recorded_at=at("2025-01-08"),
            )
        )
    db.session.commit()
    dry = _purge(app, "--dry-run", "--as-of", "2025-07-15")
    amara_line = next(line for line in dry.output.splitlines() if line.startswith("C-01"))
    assert "2 decision reasons" in amara_line

    assert _purge(app, "--as-of", "2025-07-15").exit_code == 0
    db.session.expire_all()
    reports = {row.candidate_id: row for row in db.session.scalars(select(AdvisoryReport))}
    blanked = reports[amara.id]
    assert (blanked.strengths, blanked.concerns) == ("", "")
    assert blanked.traffic_light is TrafficLight.AMBER  # the steer stays, as outcomes do
    assert reports[tom.id].strengths == "Tom made us laugh"  # not due yet
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "candidate.anonymised"))
    assert event.detail["blanked"]["decisions"] == 2
