"""The demo campaign: what `make run` shows a council on first sight."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Date, select

from recruit.bank_store import current_bank
from recruit.cli.demo import DEMO_VACANCY_TITLE
from recruit.cli.demo_profiles import FINAL_SHORTLIST
from recruit.extensions import db
from recruit.models import PanelRole, StageRole, StageType, User, Vacancy, VacancyStatus
from recruit.models._types import UTCDateTime
from recruit.stages.plan import vacancy_findings

# The DCS campaign: the demo also has a year of past vacancies (recruit.cli.demo_equality).
DEMO_VACANCY = select(Vacancy).where(Vacancy.title == DEMO_VACANCY_TITLE)


def test_demo_has_three_issued_stages_a_panel_of_five_and_six_candidates(app):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo"]).exit_code == 0
    assert runner.invoke(args=["demo"]).exit_code == 0  # safe to run twice
    vacancy = db.session.scalar(DEMO_VACANCY)
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
    young_people, stakeholders, _appointment = db.session.scalar(DEMO_VACANCY).stages
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
    vacancy = db.session.scalar(DEMO_VACANCY)
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
    young_people = db.session.scalar(DEMO_VACANCY).stages[0]
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
    vacancy = db.session.scalar(DEMO_VACANCY)
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
    vacancy = db.session.scalar(DEMO_VACANCY)
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
    vacancy = db.session.scalar(DEMO_VACANCY)
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
    vacancy = db.session.scalar(DEMO_VACANCY)
    (appointment,) = [s for s in vacancy.stages if s.role is StageRole.DECIDING]
    flags = red_flags(consolidate_stage(appointment).scores)
    # Cllr Whitaker's 1 on values, for the answer and again for the presentation.
    assert set(flags) == {"C-02"} and [s.score for s in flags["C-02"]] == [1, 1]
    codes = {candidate.id: candidate.code for candidate in vacancy.candidates}
    discussions = {codes[d.candidate_id]: d.red_flag_discussion for d in decisions_for(appointment)}
    assert "Cllr Whitaker" in (discussions["C-02"] or "")
    assert discussions["C-01"] is None and discussions["C-05"] is None


# The campaign's own records: accounts, the question bank and the audit log are stamped when
# the demo is loaded, which is what they record.
LOADED_NOW = {
    "user_account",
    "user_session",
    "login_attempt",
    "audit_event",
    "bank_document",
    "bank_load",
    "question",
    "question_version",
}


def test_the_demo_campaign_tells_one_story_in_order_with_nothing_in_the_future(app):
    from recruit.comparisons.decision_steps import uk_day
    from recruit.domain.decisions import objection_deadline
    from recruit.models import AppointmentDecision, LeadershipProfile, TargetProfile
    from recruit.moderation.reports import stage_reports
    from recruit.results import sheets
    from recruit.results.consolidation import agreed_scores, decisions_for

    assert app.test_cli_runner().invoke(args=["demo"]).exit_code == 0
    today = date.today()
    vacancy = db.session.scalar(DEMO_VACANCY)
    decision = db.session.scalar(select(AppointmentDecision))
    # Closed seven weeks ago, and the advert still there to read.
    assert vacancy.status is VacancyStatus.CLOSED and vacancy.advert.is_finished
    assert uk_day(vacancy.created_at) < vacancy.closing_date < today
    assert all(c.application_date <= vacancy.closing_date for c in vacancy.candidates)
    assert all(vacancy.closing_date < uk_day(c.created_at) for c in vacancy.candidates)
    young_people, stakeholders, appointment = vacancy.stages
    # The advisory panels side by side on the assessment day, the appointment panel after.
    assert young_people.held_on == stakeholders.held_on
    assert stakeholders.held_on < appointment.held_on
    for stage in vacancy.stages:
        moderation = sheets.moderation_for(stage)
        submitted = [sheet.submitted_at for sheet in sheets.stage_sheets(stage).values()]
        assert submitted and all(moment is not None for moment in submitted)
        assert vacancy.closing_date < uk_day(stage.plan_issued_at) < stage.held_on
        assert {uk_day(moment) for moment in submitted} == {stage.held_on}
        assert max(submitted) <= moderation.opened_at and uk_day(moderation.opened_at) == (
            stage.held_on
        )
        records = [
            *agreed_scores(stage),
            *decisions_for(stage),
            *stage_reports(stage),
        ]
        assert records and all(moderation.opened_at <= r.recorded_at for r in records)
        assert {uk_day(record.recorded_at) for record in records} == {stage.held_on}
        if stage is appointment:
            assert max(r.recorded_at for r in records) < moderation.closed_at
            assert uk_day(moderation.closed_at) == stage.held_on
    # The outgoing DCS's profile, her 360 and the target levels come before any panel met.
    profile = db.session.scalar(select(LeadershipProfile))
    target = db.session.scalar(select(TargetProfile))
    before_panels = [
        profile.shared_at,
        *(request.responded_at for request in profile.feedback_requests),
        target.set_at,
    ]
    assert all(uk_day(moment) < young_people.held_on for moment in before_panels)
    # The decision: recorded and confirmed the next day, the executive told the day after,
    # the objection period by the app's own rule, then the offer.
    recorded = uk_day(decision.recorded_at)
    confirmed = [c.confirmed_at for c in decision.confirmations]
    assert uk_day(sheets.moderation_for(appointment).closed_at) < recorded
    assert len(confirmed) == 3 and all(decision.recorded_at <= moment for moment in confirmed)
    assert max(uk_day(moment) for moment in confirmed) < decision.executive_notified_on
    assert decision.objection_deadline == objection_deadline(
        decision.executive_notified_on, decision.objection_days
    )
    assert decision.executive_notified_on < decision.objection_deadline < today
    assert decision.objection_deadline < uk_day(decision.offer_made_at) <= today
    # Nothing the campaign records is later than the offer, the last step, or in the future;
    # only the pre-employment checks, which follow the conditional offer, come after it.
    now, offer_day = datetime.now(UTC), uk_day(decision.offer_made_at)
    for table in db.metadata.sorted_tables:
        if table.name in LOADED_NOW:
            continue
        last = today if table.name == "pre_employment_check" else offer_day
        for column in table.columns:
            if not isinstance(column.type, (UTCDateTime, Date)):
                continue
            for value in db.session.scalars(select(column).where(column.is_not(None))):
                day = uk_day(value) if isinstance(value, datetime) else value
                assert day <= last, (table.name, column.name, value)
                assert not isinstance(value, datetime) or value <= now


def test_the_demo_timeline_keeps_its_order_whatever_day_it_is_loaded():
    from dataclasses import astuple
    from datetime import timedelta

    from recruit.cli.demo_timeline import demo_timeline, next_working_day
    from recruit.domain.decisions import DEFAULT_OBJECTION_DAYS, objection_deadline

    for offset in range(0, 400, 3):  # each day of the week, across both clock changes
        today = date(2026, 1, 1) + timedelta(days=offset)
        timeline = demo_timeline(today)
        days = astuple(timeline)[1:]
        assert list(days) == sorted(days) and days[-1] < today, today
        assert all(day.weekday() < 5 for day in days), today
        assert timeline.closing_date < timeline.shortlisted < timeline.young_peoples_panel
        assert timeline.young_peoples_panel == timeline.stakeholder_panel  # one day
        assert timeline.target_set < timeline.young_peoples_panel
        assert timeline.decision_recorded == next_working_day(timeline.appointment_panel)
        assert timeline.executive_notified == next_working_day(timeline.decision_recorded)
        assert timeline.objection_deadline == objection_deadline(
            timeline.executive_notified, DEFAULT_OBJECTION_DAYS
        )
        assert timeline.objection_deadline < timeline.offer_made


def test_the_demo_passes_the_safer_recruitment_gates_and_has_a_person_specification(app):
    from recruit.stages.issue_gates import issue_blockers

    assert app.test_cli_runner().invoke(args=["demo"]).exit_code == 0
    vacancy = db.session.scalar(DEMO_VACANCY)
    with app.test_request_context():
        bank = current_bank()
        for stage in vacancy.stages:
            # Issued through the demo, not the page: the gates it would have met all the same.
            assert issue_blockers(vacancy, stage, bank) == [], stage.name
        safeguarding = [
            item.question_id
            for stage in vacancy.stages
            for item in stage.items
            if item.question_id and bank.question(item.question_id).is_safeguarding
        ]
    assert safeguarding
    essential = [c.text for c in vacancy.criteria if c.essential]
    assert any("education and children's social care" in text for text in essential)


def test_the_preferred_candidate_has_every_check_complete_after_the_offer(app):
    from recruit.checks.queries import outstanding_for
    from recruit.comparisons.decision_steps import uk_day
    from recruit.models import AppointmentDecision, PreEmploymentCheck

    assert app.test_cli_runner().invoke(args=["demo"]).exit_code == 0
    decision = db.session.scalar(select(AppointmentDecision))
    rows = db.session.scalars(
        select(PreEmploymentCheck).where(PreEmploymentCheck.candidate_id == decision.candidate_id)
    ).all()
    assert rows and outstanding_for(decision.candidate_id) == ()
    offered = uk_day(decision.offer_made_at)
    assert all(row.requested_on in (None, offered) for row in rows)
    assert all(offered <= row.completed_on <= date.today() for row in rows if row.completed_on)


def test_the_final_shortlists_references_were_scrutinised_before_the_members_panel(app):
    from recruit.domain.references import references_complete
    from recruit.models import CandidateReference
    from recruit.references.queries import states

    assert app.test_cli_runner().invoke(args=["demo"]).exit_code == 0
    vacancy = db.session.scalar(DEMO_VACANCY)
    appointment = next(s for s in vacancy.stages if s.role is StageRole.DECIDING)
    for candidate in vacancy.candidates:
        rows = db.session.scalars(
            select(CandidateReference).where(CandidateReference.candidate_id == candidate.id)
        ).all()
        if candidate.code in FINAL_SHORTLIST:
            assert references_complete(states(rows)), candidate.code
            assert all(row.scrutinised_on < appointment.held_on for row in rows)
    resolved = db.session.scalars(
        select(CandidateReference).where(CandidateReference.concern_resolution.is_not(None))
    ).all()
    assert len(resolved) == 1 and "secondment" in resolved[0].concern_resolution
