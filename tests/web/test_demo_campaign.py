"""The demo campaign: what `make run` shows a council on first sight."""

from __future__ import annotations

from sqlalchemy import select

from recruit.bank_store import current_bank
from recruit.extensions import db
from recruit.models import PanelRole, StageType, Vacancy
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


def test_demo_scores_two_stages_with_a_disagreement_a_floor_case_and_moderation(app):
    from recruit.results import sheets
    from recruit.results.consolidation import consolidate_stage, decisions_for

    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo"]).exit_code == 0
    assert runner.invoke(args=["demo"]).exit_code == 0  # no second set of scores
    young_people, stakeholders, appointment = db.session.scalar(select(Vacancy)).stages
    for stage in (young_people, stakeholders):
        assert sheets.all_submitted(stage) and sheets.moderation_is_open(stage)
    assert not sheets.moderation_is_open(appointment)
    flags = {
        (candidate.candidate, attribute.attribute, flag)
        for candidate in consolidate_stage(stakeholders).result.candidates
        for attribute in candidate.attributes
        for flag in attribute.flags
    }
    assert ("C-02", "partnerships", "disagreement") in flags
    assert ("C-06", "values", "values_floor") in flags
    assert len(decisions_for(young_people)) == 6 and not decisions_for(stakeholders)


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
    assert target.seeded_from_id == profile.id and target.minimums["values"] >= 4
    with app.test_request_context():
        view = build_comparison(vacancy, moderated_stages(vacancy), None, ())
    assert [c.candidate for c in view.comparison.candidates] == ["C-01", "C-05", "C-02"]
    assert any(c.below_target for c in view.comparison.candidates)
