"""The panel that appoints a chief officer: councillors decide, one at least from the
executive, and officers advise; the stage page says what the panel still lacks."""

from __future__ import annotations

from sqlalchemy import select

from recruit.extensions import db
from recruit.models import AuditEvent, PanelRole, PanelSeat, Role, StageRole, StageType
from recruit.results import sheets
from tests.support.factories import make_candidate, make_issued_stage, make_stage, make_vacancy
from tests.support.forms import submit_form
from tests.support.panel_web import client_for, sheet_url

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]


def _seat(stage, user, role, *, councillor=False, executive=False):  # type: ignore[no-untyped-def]
    seat = PanelSeat(
        stage_id=stage.id,
        user_id=user.id,
        panel_role=role,
        is_councillor=councillor,
        is_executive_member=executive,
    )
    db.session.add(seat)
    db.session.commit()
    return seat


def _page(client, stage) -> str:  # type: ignore[no-untyped-def]
    return client.get(f"/vacancies/{stage.vacancy_id}/stages/{stage.id}").get_data(as_text=True)


def test_an_officer_scoring_on_a_dcs_appointment_is_named(bank, signed_in, make_user):
    client, hr = signed_in(Role.HR)
    stage = make_stage(make_vacancy(hr, role_level="dcs"), role=StageRole.DECIDING)
    _seat(stage, make_user(Role.PANEL, name="Cllr Sam Patel"), PanelRole.CHAIR, councillor=True)
    _seat(stage, make_user(Role.PANEL, name="Priya Shah"), PanelRole.MEMBER)

    page = _page(client, stage)

    assert 'id="appointing-panel-problems"' in page
    assert "but Priya Shah scores" in page
    assert "must be a member of the executive (cabinet)" in page


def test_councillors_with_an_executive_member_and_advisers_are_ready(bank, signed_in, make_user):
    client, hr = signed_in(Role.HR)
    stage = make_stage(make_vacancy(hr, role_level="dcs"), role=StageRole.DECIDING)
    chair = make_user(Role.PANEL, name="Cllr Sam Patel")
    _seat(stage, chair, PanelRole.CHAIR, councillor=True, executive=True)
    _seat(stage, make_user(Role.PANEL, name="Cllr Joan Whitaker"), PanelRole.ELECTED_MEMBER)
    _seat(stage, make_user(Role.PANEL, name="Chief Executive"), PanelRole.ADVISER)
    _seat(stage, hr, PanelRole.HR_ADVISER)

    page = _page(client, stage)

    assert 'id="appointing-panel-problems"' not in page
    assert "Executive member" in page and "Adviser (advises the panel, does not score)" in page


def test_advisory_stages_and_posts_officers_appoint_have_no_such_rule(bank, signed_in, make_user):
    client, hr = signed_in(Role.HR)
    officer = make_user(Role.PANEL, name="Priya Shah")
    advisory = make_stage(
        make_vacancy(hr, role_level="dcs"),
        stage_type=StageType.STAKEHOLDER_PANEL,
        role=StageRole.ADVISORY,
    )
    team_manager = make_stage(make_vacancy(hr, role_level="team_manager"), role=StageRole.DECIDING)
    for stage in (advisory, team_manager):
        _seat(stage, officer, PanelRole.CHAIR)
        assert 'id="appointing-panel-problems"' not in _page(client, stage)


def test_marking_a_seat_executive_marks_it_a_councillor_and_audits_both(bank, signed_in, make_user):
    client, hr = signed_in(Role.HR)
    stage = make_stage(make_vacancy(hr), role=StageRole.DECIDING)
    leader = make_user(Role.PANEL, name="Cllr Sam Patel")

    response = submit_form(
        client,
        f"/vacancies/{stage.vacancy_id}/stages/{stage.id}/panel",
        {"user_id": str(leader.id), "panel_role": "chair", "is_executive_member": "y"},
    )

    assert response.status_code == 302
    seat = db.session.scalar(select(PanelSeat))
    assert (seat.is_councillor, seat.is_executive_member) == (True, True)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "panel.seat_added"))
    assert event.detail["councillor"] is True and event.detail["executive_member"] is True


def test_an_adviser_does_not_score(app, bank, make_user):
    vacancy = make_vacancy(make_user(Role.HR))
    chief_executive = make_user(Role.PANEL, name="Chief Executive")
    chair = make_user(Role.PANEL, name="Cllr Sam Patel")
    seats = [(chair, PanelRole.CHAIR), (chief_executive, PanelRole.ADVISER)]
    stage = make_issued_stage(app, vacancy, seats=seats, questions=QUESTIONS)
    candidate = make_candidate(vacancy)

    response = client_for(app, chief_executive).get(sheet_url(stage, candidate))

    assert response.status_code == 403
    assert "As an adviser to this panel you advise the members who decide" in response.get_data(
        as_text=True
    )
    assert [seat.user.full_name for seat in sheets.scoring_seats(stage)] == ["Cllr Sam Patel"]
