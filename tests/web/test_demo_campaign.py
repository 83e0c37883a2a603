"""The demo campaign: what `make run` shows a council on first sight."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from recruit.bank_store import current_bank
from recruit.cli.demo_profiles import FINAL_SHORTLIST
from recruit.extensions import db
from recruit.models import PanelRole, StageRole, StageType, User, Vacancy
from recruit.stages.plan import vacancy_findings


def test_demo_has_three_issued_stages_a_panel_of_five_and_six_candidates(app):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo"]).exit_code == 0
    assert runner.invoke(args=["demo"]).exit_code == 0  # safe to run twice
    vacancy = db.session.scalar(select(Vacancy))
    assert len(vacancy.candidates) == 6 and len({c.code for c in vacancy.candidates}) == 6
    assert [stage.stage_type for stage in vacancy.stages] == [
        StageType.YOUNG_PEOPLES_PANEL,
        StageType.STAKEHOLDER_PANEL,
        StageType.ELECTED_MEMBER_PANEL,
    ]
    # The elected members decide; the young people's and stakeholder panels advise them.
    assert [stage.role for stage in vacancy.stages] == [
        StageRole.ADVISORY,
        StageRole.ADVISORY,
        StageRole.DECIDING,
    ]
    assert all(
        stage.plan_issued_at and stage.items and all(i.frozen_content for i in stage.items)
        for stage in vacancy.stages
    )
    people = {seat.user_id for stage in vacancy.stages for seat in stage.seats}
    roles = {seat.panel_role for stage in vacancy.stages for seat in stage.seats}
    assert len(people) >= 5
    assert {PanelRole.ELECTED_MEMBER, PanelRole.YOUNG_PEOPLES_PANEL, PanelRole.CHAIR} <= roles
    kinds = {finding.kind for finding in vacancy_findings(vacancy, current_bank())}
    assert "attribute_not_covered" not in kinds and "repeated_question" not in kinds
    assert "wrong_innovation" not in kinds and "no_young_people_variant" not in kinds


def test_demo_scores_the_advisory_panels_with_a_disagreement_a_floor_case_and_moderation(app):
    from recruit.results import sheets
    from recruit.results.consolidation import consolidate_stage, decisions_for

    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo"]).exit_code == 0
    assert runner.invoke(args=["demo"]).exit_code == 0  # no second set of scores
    young_people, stakeholders, _appointment = db.session.scalar(select(Vacancy)).stages
    for stage in (young_people, stakeholders):
        assert sheets.all_submitted(stage) and sheets.moderation_is_open(stage)
    flags = {
        (candidate.candidate, attribute.attribute, flag)
        for candidate in consolidate_stage(stakeholders).result.candidates
        for attribute in candidate.attributes
        for flag in attribute.flags
    }
    assert ("C-02", "partnerships", "disagreement") in flags
    assert ("C-06", "values", "values_floor") in flags
    # The stakeholder panel waits for moderation on purpose: the demo shows that state.
    assert len(decisions_for(young_people)) == 6 and not decisions_for(stakeholders)


def test_the_appointment_panel_decides_with_an_outcome_for_every_shortlisted_candidate(app):
    from recruit.moderation.state import changed_records
    from recruit.results import sheets
    from recruit.results.consolidation import agreed_scores, consolidate_stage, decisions_for
    from recruit.stages.panel import appointing_panel_problems_at

    assert app.test_cli_runner().invoke(args=["demo"]).exit_code == 0
    vacancy = db.session.scalar(select(Vacancy))
    (appointment,) = [s for s in vacancy.stages if s.role is StageRole.DECIDING]
    assert appointment.stage_type is StageType.ELECTED_MEMBER_PANEL
    # Members decide and officers advise: every seat that scores is a councillor's.
    councillors = [seat.user.full_name for seat in sheets.scoring_seats(appointment)]
    assert len(councillors) == 3 and all(name.startswith("Cllr ") for name in councillors)
    assert appointing_panel_problems_at(appointment) == []  # councillors, one on the executive
    assert sheets.moderation_is_open(appointment)
    interviewed = {sheet.candidate.code for sheet in sheets.stage_sheets(appointment).values()}
    assert interviewed == set(FINAL_SHORTLIST)  # only the final shortlist was interviewed
    assert "C-03" in sheets.moderation_for(appointment).closed_early_reason
    outcome = consolidate_stage(appointment)
    decided = {c.candidate: c.outcome for c in outcome.result.candidates if c.outcome}
    assert decided == {"C-01": "appointable", "C-05": "appointable", "C-02": "not_appointable"}
    # Cllr Whitaker's 1 on values takes Tom Reid's values mean below the floor, which ranks
    # him behind candidates with no breach, so he is no longer third.
    assert [c.candidate for c in outcome.result.candidates[:2]] == ["C-01", "C-05"]
    tom = next(c for c in outcome.result.candidates if c.candidate == "C-02")
    assert tom.floor_breached and tom.outcome == "not_appointable"
    codes = {candidate.id: candidate.code for candidate in vacancy.candidates}
    reasons = {codes[d.candidate_id]: d.reasons for d in decisions_for(appointment)}
    assert "preferred candidate" in reasons["C-01"] and all(reasons.values())
    agreed = agreed_scores(appointment)
    assert len(agreed) >= 2 and all(row.rationale and row.formula_score for row in agreed)
    assert not changed_records(outcome)  # recorded on the scores that count now


def test_demo_members_write_their_own_notes_for_the_same_score(app):
    from recruit.results.consolidation import consolidate_stage

    assert app.test_cli_runner().invoke(args=["demo"]).exit_code == 0
    young_people = db.session.scalar(select(Vacancy)).stages[0]
    notes: dict[tuple[str, str, int | None], list[str]] = {}
    for score in consolidate_stage(young_people).scores.scores:
        if score.score is not None:
            key = (score.candidate, score.question_id, score.score)
            notes.setdefault(key, []).append(score.evidence)
    same_score = [texts for texts in notes.values() if len(texts) >= 2]
    assert same_score and all(len(set(texts)) >= 2 for texts in same_score)


def test_demo_has_the_outgoing_dcs_shared_profile_and_a_shortlist_of_three(app):
    from recruit.comparisons.context import build_comparison
    from recruit.models import LeadershipProfile, TargetProfile
    from recruit.results.consolidation import moderated_stages

    assert app.test_cli_runner().invoke(args=["demo"]).exit_code == 0
    profile = db.session.scalar(select(LeadershipProfile))
    assert profile.is_shared and profile.owner.full_name == "Margaret Hale"
    assert sum(r.ratings is not None for r in profile.feedback_requests) >= 3
    vacancy = db.session.scalar(select(Vacancy))
    target = db.session.scalar(select(TargetProfile))
    # The target is the panel's, from the post: the outgoing DCS's profile is context only.
    assert target.context_profile_id == profile.id and target.levels["values"] == 4
    assert target.levels != {key: round(v) for key, v in profile.ratings.items()}
    assert all(target.reasons[key].strip() for key in target.levels)
    assert target.set_by.email == "chair@demo.recruit.local"
    with app.test_request_context():
        view = build_comparison(vacancy, moderated_stages(vacancy), None, ())
    # The appointment panel's decision, ranked; the advisory panels report beside it.
    assert view.comparison.deciding == ("Appointment panel",)
    assert [c.candidate for c in view.comparison.candidates] == ["C-01", "C-05", "C-02"]
    assert [c.combined.outcome for c in view.comparison.candidates] == [
        "appointable",
        "appointable",
        "not_appointable",
    ]
    assert any(c.below_target for c in view.comparison.candidates)


def test_the_briefing_pack_and_the_deciding_panels_summary_export(app, tmp_path):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo"]).exit_code == 0
    vacancy = db.session.scalar(select(Vacancy))
    (appointment,) = [s for s in vacancy.stages if s.role is StageRole.DECIDING]
    vacancy_id, stage_id = str(vacancy.id), str(appointment.id)
    briefing = runner.invoke(
        args=["export", "comparison", "--vacancy", vacancy_id, "--out", str(tmp_path / "b.docx")]
    )
    assert briefing.exit_code == 0 and "3 candidates compared" in briefing.output
    summary = ["export", "summary", "--vacancy", vacancy_id, "--stage", stage_id]
    result = runner.invoke(args=[*summary, "--out", str(tmp_path / "s.docx")])
    assert result.exit_code == 0, result.output


def test_running_the_demo_again_changes_nothing_but_the_demo_passwords(app):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo"]).exit_code == 0
    first = _every_row()
    assert runner.invoke(args=["demo"]).exit_code == 0
    assert _every_row() == first


def _every_row() -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, but the accounts': the demo resets its users' passwords."""
    db.session.rollback()  # a fresh read: SQLite would otherwise show the last snapshot
    rows = {
        table.name: sorted(map(tuple, db.session.execute(select(table))), key=repr)
        for table in db.metadata.sorted_tables
        if table is not User.__table__
    }
    db.session.rollback()
    return rows


def test_the_demo_decision_is_confirmed_notified_and_offered(app):
    from recruit.models import AppointmentDecision

    assert app.test_cli_runner().invoke(args=["demo"]).exit_code == 0
    decision = db.session.scalar(select(AppointmentDecision))
    assert decision.candidate.code == "C-01" and decision.reasons
    assert len(decision.confirmations) == 3  # every councillor on the deciding panel
    assert decision.objection_deadline < date.today() and decision.objections == []
    assert decision.offer_made_at is not None
    assert decision.stage.role is StageRole.DECIDING


def test_the_chief_executive_advises_the_appointment_panel_and_does_not_score(app):
    from recruit.results import sheets

    assert app.test_cli_runner().invoke(args=["demo"]).exit_code == 0
    vacancy = db.session.scalar(select(Vacancy))
    (appointment,) = [s for s in vacancy.stages if s.role is StageRole.DECIDING]
    (adviser,) = [s for s in appointment.seats if s.panel_role is PanelRole.ADVISER]
    assert adviser.user.email == "chiefexec@demo.recruit.local"
    assert "Chief Executive" in adviser.user.full_name and not adviser.is_councillor
    assert adviser not in sheets.scoring_seats(appointment)
    assert not any(key[0] == adviser.id for key in sheets.stage_sheets(appointment))


def test_the_panel_records_its_discussion_of_tom_reids_red_flag(app):
    from recruit.domain.scoring import red_flags
    from recruit.results.consolidation import consolidate_stage, decisions_for

    assert app.test_cli_runner().invoke(args=["demo"]).exit_code == 0
    vacancy = db.session.scalar(select(Vacancy))
    (appointment,) = [s for s in vacancy.stages if s.role is StageRole.DECIDING]
    flags = red_flags(consolidate_stage(appointment).scores)
    assert set(flags) == {"C-02"} and [s.score for s in flags["C-02"]] == [1]
    codes = {candidate.id: candidate.code for candidate in vacancy.candidates}
    discussions = {codes[d.candidate_id]: d.red_flag_discussion for d in decisions_for(appointment)}
    assert "Cllr Whitaker" in (discussions["C-02"] or "")
    assert discussions["C-01"] is None and discussions["C-05"] is None
