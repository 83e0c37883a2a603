"""Each stage decides or advises: one deciding stage per vacancy, its role frozen once the
panel has scored, and only its results in the decision's figures."""

from __future__ import annotations

from sqlalchemy import select

from recruit.extensions import db
from recruit.models import AuditEvent, PanelRole, Role, Stage, StageModeration, StageRole, StageType
from tests.support.factories import (
    make_candidate,
    make_issued_stage,
    make_stage,
    make_vacancy,
    submit_sheet,
)
from tests.support.forms import submit_form
from tests.support.panel_web import client_for

FORM = {"name": "Members' appointments panel", "duration_minutes": "75"}
QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]


def _add(client, vacancy, **fields):  # type: ignore[no-untyped-def]
    return submit_form(client, f"/vacancies/{vacancy.id}/stages/new", {**FORM, **fields})


def _edit(client, stage: Stage, **fields: str):  # type: ignore[no-untyped-def]
    """Post the stage's edit form as loaded now (with its current version)."""
    db.session.refresh(stage)
    url = f"/vacancies/{stage.vacancy_id}/stages/{stage.id}/edit"
    data = {"stage_type": "final_panel", "duration_minutes": "60", "name": stage.name}
    return submit_form(client, url, {**data, **fields, "lock_version": stage.lock_version})


def _roles(vacancy_id: int) -> dict[str, StageRole]:
    stages = db.session.scalars(select(Stage).where(Stage.vacancy_id == vacancy_id))
    return {stage.name: stage.role for stage in stages}


def test_left_blank_a_final_panel_decides_and_other_types_advise(bank, signed_in):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user)
    _add(client, vacancy, name="Young people", stage_type="young_peoples_panel")
    _add(client, vacancy, name="Members", stage_type="elected_member_panel")
    _add(client, vacancy, name="Second members", stage_type="final_panel")

    assert _roles(vacancy.id) == {
        "Young people": StageRole.ADVISORY,
        "Members": StageRole.DECIDING,
        # Another stage already decides, so this one advises until HR says otherwise.
        "Second members": StageRole.ADVISORY,
    }
    created = db.session.scalars(
        select(AuditEvent.detail).where(AuditEvent.action == "stage.created")
    )
    assert [detail["role"] for detail in created] == ["advisory", "deciding", "advisory"]


def test_a_second_deciding_stage_is_refused_with_the_reason(bank, signed_in):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user)
    make_stage(vacancy, name="Members panel", role=StageRole.DECIDING)

    response = _add(client, vacancy, stage_type="stakeholder_panel", role="deciding")

    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "Only one stage makes the decision, and ‘Members panel’ already does" in page
    assert len(_roles(vacancy.id)) == 1


def test_the_deciding_role_moves_by_making_the_old_stage_advisory_first(bank, signed_in):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user)
    old = make_stage(vacancy, name="Final panel", role=StageRole.DECIDING)
    new = make_stage(vacancy, name="Members", stage_type=StageType.ELECTED_MEMBER_PANEL)
    refused = _edit(client, new, role="deciding")
    assert "already does" in refused.get_data(as_text=True)
    _edit(client, old, role="advisory")
    moved = _edit(client, new, role="deciding")

    assert moved.status_code == 302
    assert _roles(vacancy.id) == {"Final panel": StageRole.ADVISORY, "Members": StageRole.DECIDING}


def test_a_role_is_frozen_once_the_panel_has_submitted_scores(app, bank, signed_in, make_user):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user)
    chair = make_user(Role.PANEL)
    stage = make_issued_stage(app, vacancy, seats=[(chair, PanelRole.CHAIR)], questions=QUESTIONS)
    submit_sheet(stage, chair, make_candidate(vacancy), [4, 3])
    refused = _edit(client, stage, role="advisory")
    unchanged = _edit(client, stage, name="Final panel (day 2)")

    assert "can no longer change" in refused.get_data(as_text=True)
    assert unchanged.status_code == 302
    db.session.refresh(stage)
    assert stage.role is StageRole.DECIDING and stage.name == "Final panel (day 2)"


def test_a_made_up_role_is_refused_in_words(bank, signed_in):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user)
    page = _add(client, vacancy, stage_type="final_panel", role="veto").get_data(as_text=True)
    assert "Select whether this panel makes the decision or advises" in page
    assert _roles(vacancy.id) == {}


def test_the_summary_decides_on_the_deciding_stage_only(app, bank, make_user):
    hr = make_user(Role.HR)
    vacancy = make_vacancy(hr)
    amara, tom = make_candidate(vacancy, "Amara", "Okafor"), make_candidate(vacancy, "Tom", "Reid")
    member = make_user(Role.PANEL, name="Dee Member")
    seats = [(member, PanelRole.CHAIR)]
    young = make_issued_stage(
        app,
        vacancy,
        name="Young people",
        stage_type=StageType.YOUNG_PEOPLES_PANEL,
        seats=seats,
        questions=QUESTIONS,
    )
    members = make_issued_stage(app, vacancy, name="Members", seats=seats, questions=QUESTIONS)
    # The young people prefer Tom by far; the deciding panel prefers Amara.
    for stage, amara_scores, tom_scores in ((young, [2, 2], [5, 5]), (members, [4, 4], [3, 3])):
        submit_sheet(stage, member, amara, amara_scores)
        submit_sheet(stage, member, tom, tom_scores)
        db.session.add(StageModeration(stage_id=stage.id))
    db.session.commit()

    page = client_for(app, hr).get(f"/vacancies/{vacancy.id}/summary").get_data(as_text=True)

    decision = page[page.index('id="decision"') : page.index("Stage by stage")]
    assert "The decision" in decision and "figures of the deciding stage, Members" in decision
    assert decision.index("Amara Okafor") < decision.index("Tom Reid")
    assert "4.0" in decision and "5.0" not in decision
