"""Stages of a vacancy and their panels."""

from __future__ import annotations

import datetime

import pytest
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import AuditEvent, PanelRole, PanelSeat, Role, Stage, StageType
from tests.support.factories import make_stage, make_vacancy
from tests.support.forms import submit_form

VALID = {
    "name": "Stakeholder panel",
    "stage_type": "stakeholder_panel",
    "held_on": ["14", "4", "2027"],
    "duration_minutes": "60",
}


def test_hr_adds_a_stage_with_default_weights_values_highest(bank, signed_in):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user)
    response = submit_form(client, f"/vacancies/{vacancy.id}/stages/new", VALID)
    assert response.status_code == 302, response.get_data(as_text=True)
    stage = db.session.scalar(select(Stage))
    assert stage.stage_type is StageType.STAKEHOLDER_PANEL and stage.duration_minutes == 60
    assert stage.held_on.isoformat() == "2027-04-14"
    assert max(stage.weights, key=stage.weights.get) == "values"
    assert abs(sum(stage.weights.values()) - 1) < 1e-9
    overview = client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
    assert "Stakeholder panel" in overview and "no chair yet" in overview
    assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.action == "stage.created"))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "Enter a name for the stage"),
        ({"stage_type": ""}, "Select the type of stage"),
        ({"duration_minutes": "an hour"}, "Enter the time for each candidate in minutes"),
        ({"duration_minutes": "2"}, "between 5 and 480 minutes"),
        ({"held_on": ["31", "2", "2027"]}, "The date of the stage must be a real date"),
    ],
)
def test_bad_stage_input_is_reshown_with_errors(bank, signed_in, changes, message):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user)
    response = submit_form(client, f"/vacancies/{vacancy.id}/stages/new", {**VALID, **changes})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and message in page and "govuk-error-summary" in page
    assert db.session.scalar(select(Stage)) is None


def test_stage_date_is_optional(bank, signed_in):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user)
    response = submit_form(
        client, f"/vacancies/{vacancy.id}/stages/new", {**VALID, "held_on": ["", "", ""]}
    )
    assert response.status_code == 302
    assert db.session.scalar(select(Stage)).held_on is None


def test_panel_seats_are_added_once_and_removed_after_confirmation(bank, signed_in, make_user):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user)
    stage = make_stage(vacancy)
    chair = make_user(Role.PANEL, name="Cllr Chair")
    url = f"/vacancies/{vacancy.id}/stages/{stage.id}"
    response = client.post(
        f"{url}/panel",
        data={"csrf_token": _token(client, url), "user_id": str(chair.id), "panel_role": "chair"},
    )
    assert response.status_code == 302
    seat = db.session.scalar(select(PanelSeat))
    assert seat.panel_role is PanelRole.CHAIR
    again = client.post(
        f"{url}/panel",
        data={"csrf_token": _token(client, url), "user_id": str(chair.id), "panel_role": "member"},
    )
    assert again.status_code == 200 and "Not a valid choice" in again.get_data(as_text=True)
    assert len(db.session.scalars(select(PanelSeat)).all()) == 1
    overview = client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
    assert "no chair yet" not in overview
    confirm_url = f"{url}/panel/{seat.id}/remove"
    assert "Remove Cllr Chair from the panel?" in client.get(confirm_url).get_data(as_text=True)
    assert submit_form(client, confirm_url, {"confirm": "yes"}).status_code == 302
    assert db.session.scalar(select(PanelSeat)) is None


def test_stage_of_another_vacancy_is_404(bank, signed_in):
    client, user = signed_in(Role.HR)
    first, second = make_vacancy(user), make_vacancy(user, title="Assistant Director")
    stage = make_stage(first)
    assert client.get(f"/vacancies/{second.id}/stages/{stage.id}").status_code == 404


def _token(client, url: str) -> str:  # type: ignore[no-untyped-def]
    from tests.support.forms import csrf_token_from

    return csrf_token_from(client.get(url).get_data(as_text=True))


def test_concurrent_stage_edit_keeps_the_text_and_saves_nothing(bank, signed_in):
    client, user = signed_in(Role.HR)
    stage = make_stage(make_vacancy(user))
    stale = stage.lock_version
    stage.duration_minutes = 45
    db.session.commit()
    data = {**VALID, "name": "My renamed stage", "lock_version": stale}
    page = submit_form(
        client, f"/vacancies/{stage.vacancy_id}/stages/{stage.id}/edit", data
    ).get_data(as_text=True)
    assert "saved this stage while you were editing" in page and "My renamed stage" in page
    db.session.refresh(stage)
    assert stage.name == "Final panel"


def test_stages_can_be_reordered(bank, signed_in):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user)
    first = make_stage(vacancy, name="Shortlisting", stage_type=StageType.SHORTLISTING)
    second = make_stage(vacancy, name="Final panel")
    page_url = f"/vacancies/{vacancy.id}"
    token = _token(client, page_url)
    assert (
        client.post(
            f"{page_url}/stages/{second.id}/move/up", data={"csrf_token": token, "confirm": "yes"}
        ).status_code
        == 302
    )
    db.session.refresh(vacancy)
    assert [stage.name for stage in vacancy.stages] == ["Final panel", "Shortlisting"]
    assert (
        client.post(
            f"{page_url}/stages/{first.id}/move/sideways", data={"csrf_token": token}
        ).status_code
        == 400
    )


TIMETABLE = {"starts_at": "9.30", "slot_minutes": "75", "break_minutes": "30"}


def test_the_days_timetable_is_saved_shown_re_shown_and_audited(bank, signed_in):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user)
    response = submit_form(client, f"/vacancies/{vacancy.id}/stages/new", {**VALID, **TIMETABLE})
    assert response.status_code == 302, response.get_data(as_text=True)
    stage = db.session.scalar(select(Stage))
    assert (stage.starts_at, stage.slot_minutes, stage.break_minutes) == (
        datetime.time(9, 30),
        75,
        30,
    )
    url = f"/vacancies/{vacancy.id}/stages/{stage.id}"
    page = client.get(url).get_data(as_text=True)
    assert "First interview starts at" in page and "09:30" in page
    assert "75 minutes" in page and "30 minutes, after the middle interview" in page
    form = client.get(f"{url}/edit").get_data(as_text=True)
    assert 'value="09:30"' in form and 'value="75"' in form and 'value="30"' in form

    changed = {**VALID, "starts_at": "14:00", "slot_minutes": "", "break_minutes": "0"}
    changed["lock_version"] = stage.lock_version
    assert submit_form(client, f"{url}/edit", changed).status_code == 302
    db.session.refresh(stage)
    assert (stage.starts_at, stage.slot_minutes, stage.break_minutes) == (
        datetime.time(14, 0),
        None,
        None,
    )
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "stage.updated"))
    assert event.detail["before"]["starts_at"] == "09:30"
    assert event.detail["after"]["starts_at"] == "14:00"
    assert (
        event.detail["before"]["slot_minutes"] == 75
        and event.detail["after"]["slot_minutes"] is None
    )
    assert event.detail["before"]["break_minutes"] == 30


def test_the_timetable_is_optional_and_the_page_says_times_are_suggested(bank, signed_in):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user)
    assert submit_form(client, f"/vacancies/{vacancy.id}/stages/new", VALID).status_code == 302
    stage = db.session.scalar(select(Stage))
    assert (stage.starts_at, stage.slot_minutes, stage.break_minutes) == (None, None, None)
    page = client.get(f"/vacancies/{vacancy.id}/stages/{stage.id}").get_data(as_text=True)
    assert "Not set: the packs suggest times from 09:30" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"starts_at": "half nine"}, "Enter the start time as hours and minutes, like 09:30"),
        ({"starts_at": "25:00"}, "Enter the start time as hours and minutes, like 09:30"),
        ({"starts_at": "9"}, "Enter the start time as hours and minutes, like 09:30"),
        ({"slot_minutes": "an hour"}, "Enter the length of each slot in minutes, like 75"),
        (
            {"slot_minutes": "45"},
            "Length of each slot must be at least the time for each candidate (60 minutes)",
        ),
        ({"slot_minutes": "1000"}, "Length of each slot must be between 5 and 720 minutes"),
        ({"break_minutes": "lunch"}, "Enter the break in minutes, like 30"),
        ({"break_minutes": "-5"}, "Break must be between 0 and 240 minutes"),
    ],
)
def test_bad_timetable_input_is_reshown_with_govuk_errors(bank, signed_in, changes, message):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user)
    data = {**VALID, **TIMETABLE, **changes}
    response = submit_form(client, f"/vacancies/{vacancy.id}/stages/new", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert message in page
    (field, typed), *_ = changes.items()
    assert f'value="{typed}"' in page, "what was typed is shown back"
    assert f'href="#{field}"' in page, "the error summary links to the field"
    assert db.session.scalar(select(Stage)) is None
