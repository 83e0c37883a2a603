"""References: adding one and recording its steps (audited without the referee's name or the
concern's words, a concurrent save caught, errors shown), who may see them, the gate on
"appointed", the senior post's warning on the decision page, retention and subject access."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from sqlalchemy import select

from recruit.extensions import db
from recruit.models import (
    AppointmentDecision,
    AuditEvent,
    Candidate,
    CandidateReference,
    CandidateStatus,
    CheckKind,
    CheckStatus,
    PreEmploymentCheck,
    Role,
    User,
)
from recruit.retention import anonymise
from recruit.subject_access import build_subject_access
from tests.support.factories import make_candidate
from tests.support.forms import csrf_token_from, submit_form
from tests.support.panel_web import client_for
from tests.web.test_checks import _day, _scene  # the same candidate and date boxes

CONCERN = "A six-month gap in 2019 the referee could not explain"


def _url(candidate: Candidate) -> str:
    return f"/vacancies/{candidate.vacancy_id}/candidates/{candidate.id}/references"


def _post(client, url, **data):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "referee_name": "Dr Ruth Adeyemi",
        "referee_role_and_organisation": "Director of Children's Services, Westshire",
        "relationship": "Line manager", "is_current_or_recent_employer": "yes",
        "requested_on": _day(date(2026, 1, 5)), "received_on": ["", "", ""],
        "scrutinised_on": ["", "", ""], "concerns": "", "concern_resolution": "",
    }  # fmt: skip
    values.update(data)
    page = client.get(url).get_data(as_text=True)
    version = re.search(r'name="lock_version"[^>]*value="([^"]*)"', page)
    values.setdefault("lock_version", version.group(1) if version else "")
    return client.post(url, data={"csrf_token": csrf_token_from(page), **values})


def _events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def _reference(candidate: Candidate, by: User | None, **data: object) -> CandidateReference:
    values: dict[str, object] = {
        "referee_name": "Sam Patel", "referee_role_and_organisation": "Chief Executive",
        "relationship": "Previous manager", "is_current_or_recent_employer": False,
        "requested_on": date(2026, 1, 5), "received_on": date(2026, 1, 12),
        "scrutinised_on": date(2026, 1, 13), "scrutinised_by_id": by.id if by else None,
    }  # fmt: skip
    values.update(data)
    row = CandidateReference(candidate_id=candidate.id, **values)
    db.session.add(row)
    db.session.commit()
    return row


def _complete_references(candidate: Candidate, by: User) -> None:
    _reference(candidate, by, is_current_or_recent_employer=True, referee_name="Ruth Adeyemi")
    _reference(candidate, by)


# --- adding and recording ---------------------------------------------------------------


def test_adding_a_reference_then_recording_its_steps_is_saved_audited_and_shown(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    client = client_for(app, hr)

    response = _post(client, f"{_url(candidate)}/new")

    assert response.status_code == 302
    row = db.session.scalars(select(CandidateReference)).one()
    assert (row.referee_name, row.is_current_or_recent_employer) == ("Dr Ruth Adeyemi", True)
    assert row.scrutinised_by_id is None
    (added,) = _events("reference.added")
    assert added.detail["status"] == "requested" and added.user_id == hr.id

    response = _post(
        client, f"{_url(candidate)}/{row.id}", received_on=_day(date(2026, 1, 12)),
        scrutinised_on=_day(date(2026, 1, 13)), concerns=CONCERN,
    )  # fmt: skip

    assert response.status_code == 302
    db.session.refresh(row)
    assert row.scrutinised_on == date(2026, 1, 13) and row.scrutinised_by_id == hr.id
    assert row.concerns == CONCERN and row.concern_resolution is None
    (updated,) = _events("reference.updated")
    assert updated.detail["status"] == "concern_open"
    # The audit keeps the steps, never the referee's name or the concern's words.
    for event in (added, updated):
        assert "Adeyemi" not in str(event.detail) and "gap" not in str(event.detail)
    page = client.get(_url(candidate)).get_data(as_text=True)
    assert "Concern open" in page and "by Harriet Okafor" in page
    assert "References: a concern noted with no resolution" in page
    assert "References: 1 of the 2 needed received and scrutinised" in page


def test_errors_are_shown_with_the_summary_and_nothing_is_saved(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    client = client_for(app, hr)

    response = _post(
        client, f"{_url(candidate)}/new", referee_name="", is_current_or_recent_employer="",
        scrutinised_on=_day(date(2026, 1, 13)), concern_resolution="Explained",
    )  # fmt: skip
    page = response.get_data(as_text=True)

    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "Enter the referee&#39;s name" in page
    assert "Select whether the reference is from the current or most recent employer" in page
    assert db.session.scalars(select(CandidateReference)).all() == []

    response = _post(
        client, f"{_url(candidate)}/new", scrutinised_on=_day(date(2026, 1, 13)),
        concern_resolution="Explained",
    )  # fmt: skip
    page = response.get_data(as_text=True)
    assert "Enter the date the reference was received before it is scrutinised" in page
    assert "Summarise the concern the resolution answers" in page
    assert 'value="Explained"' in page or ">Explained<" in page  # the entries are kept
    assert db.session.scalars(select(CandidateReference)).all() == []
    assert _events("reference.added") == []


def test_a_save_from_a_stale_form_is_refused_with_the_entries_kept(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    row = _reference(candidate, None, scrutinised_on=None)
    client = client_for(app, hr)
    stale = str(row.lock_version)
    row.relationship = "Mentor"  # someone else saves first
    db.session.commit()

    response = _post(
        client, f"{_url(candidate)}/{row.id}", lock_version=stale, relationship="Line manager",
    )  # fmt: skip
    page = response.get_data(as_text=True)

    assert response.status_code == 200
    assert "Someone else saved this reference while you were editing." in page
    assert 'value="Line manager"' in page
    db.session.refresh(row)
    assert row.relationship == "Mentor"
    assert _events("reference.updated") == []


def test_another_candidates_reference_is_a_404(app, make_user):
    hr, vacancy, candidate = _scene(app, make_user)
    other = make_candidate(vacancy, "Tom", "Reid")
    row = _reference(other, None)
    assert client_for(app, hr).get(f"{_url(candidate)}/{row.id}").status_code == 404


def test_panel_members_and_reviewers_are_refused(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    row = _reference(candidate, hr)
    urls = [_url(candidate), f"{_url(candidate)}/new", f"{_url(candidate)}/{row.id}"]
    for role in (Role.PANEL, Role.REVIEWER):
        client = client_for(app, make_user(role))
        for url in urls:
            assert client.get(url).status_code == 403, (role, url)
    for user in (hr, make_user(Role.ADMIN)):
        client = client_for(app, user)
        assert all(client.get(url).status_code == 200 for url in urls)


def test_the_checklist_links_to_the_references_and_lists_what_is_outstanding(app, make_user):
    hr, vacancy, candidate = _scene(app, make_user)
    client = client_for(app, hr)
    checklist = f"/vacancies/{vacancy.id}/candidates/{candidate.id}/checks"

    page = client.get(checklist).get_data(as_text=True)
    assert f'href="{_url(candidate)}"' in page
    assert "References: none from the current or most recent employer" in page
    assert 'id="references-before-deciding"' in page  # make_vacancy's post is a DCS

    app.config["REFERENCES_BEFORE_DECIDING_STAGE"] = False
    page = client.get(checklist).get_data(as_text=True)
    assert 'id="references-before-deciding"' not in page

    _complete_references(candidate, hr)
    page = client.get(checklist).get_data(as_text=True)
    assert 'id="references-complete"' in page


# --- the gate on "appointed" ------------------------------------------------------------


def _complete_checks(candidate: Candidate, verifier: User) -> None:
    for kind in CheckKind:
        db.session.add(
            PreEmploymentCheck(
                candidate_id=candidate.id, kind=kind, status=CheckStatus.SATISFACTORY,
                completed_on=date(2026, 1, 19), outcome="Clear", verified_by_id=verifier.id,
            )
        )  # fmt: skip
    db.session.commit()


def _appoint(client, candidate, **data):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "first_name": candidate.first_name, "last_name": candidate.last_name,
        "email": candidate.email, "application_date": ["", "", ""], "status": "appointed",
        "lock_version": str(candidate.lock_version),
    }  # fmt: skip
    values.update(data)
    url = f"/vacancies/{candidate.vacancy_id}/candidates/{candidate.id}/edit"
    return submit_form(client, url, values)


def test_appointed_waits_for_the_references_once_the_checks_are_complete(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    _complete_checks(candidate, hr)
    _reference(candidate, hr, is_current_or_recent_employer=True, concerns=CONCERN)
    client = client_for(app, hr)

    page = _appoint(client, candidate).get_data(as_text=True)

    assert "govuk-error-summary" in page
    assert (
        "Complete the pre-employment checks first: References: 1 of the 2 needed received "
        "and scrutinised, References: a concern noted with no resolution"
    ) in page
    db.session.refresh(candidate)
    assert candidate.status is CandidateStatus.APPOINTABLE

    row = db.session.scalars(select(CandidateReference)).one()
    row.concern_resolution = "Explained at interview"
    _reference(candidate, hr)
    assert _appoint(client, candidate).status_code == 302
    db.session.refresh(candidate)
    assert candidate.status is CandidateStatus.APPOINTED


def test_hrs_early_appointment_lists_the_references_outstanding(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    _complete_checks(candidate, hr)
    reason = "Interim cover; the second reference is promised this week"

    response = _appoint(
        client_for(app, hr), candidate, appoint_before_checks="y",
        appoint_before_checks_reason=reason,
    )  # fmt: skip

    assert response.status_code == 302
    (event,) = _events("candidate.appointed_before_checks")
    assert event.detail["outstanding"] == [
        "References: 0 of the 2 needed received and scrutinised",
        "References: none from the current or most recent employer",
    ]


def test_the_start_date_waits_for_the_checks_and_the_references_as_appointed_does(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    client = client_for(app, hr)
    start = ["1", "4", "2027"]

    page = _appoint(client, candidate, status="appointable", starts_on=start).get_data(as_text=True)
    assert "Record the candidate as appointed to give a start date" in page

    _complete_checks(candidate, hr)
    _complete_references(candidate, hr)
    assert _appoint(client, candidate).status_code == 302  # appointed, no start date yet
    db.session.refresh(candidate)
    # A concern arrives on a third reference before the start date is agreed.
    _reference(candidate, hr, concerns=CONCERN)
    page = _appoint(client, candidate, starts_on=start).get_data(as_text=True)
    assert "Complete the pre-employment checks first: References: a concern noted" in page
    assert 'href="#starts_on"' in page  # the error is on the start date, not the status
    db.session.refresh(candidate)
    assert candidate.starts_on is None

    reason = "The concern is being explored; the start date is provisional"
    response = _appoint(
        client, candidate, starts_on=start, appoint_before_checks="y",
        appoint_before_checks_reason=reason,
    )  # fmt: skip
    assert response.status_code == 302
    db.session.refresh(candidate)
    assert candidate.starts_on == date(2027, 4, 1)
    assert _events("candidate.appointed_before_checks")[-1].detail["reason"] == reason


# --- the senior post's gate and warning on the decision page ------------------------------


def _record_decision(client, scene, candidate):  # type: ignore[no-untyped-def]
    token = csrf_token_from(client.get(scene.url).get_data(as_text=True))
    data = {"csrf_token": token, "candidate": candidate, "reasons": "The panel's reasons"}
    return client.post(f"{scene.url}/record", data=data)


def test_a_senior_appointment_waits_for_the_references_and_no_appointment_does_not(
    app, bank, make_user
):
    from tests.web.test_decisions import _appointment

    scene = _appointment(app, make_user, role_level="head_of_service", references=False)
    leader = client_for(app, scene.leader)
    response = _record_decision(leader, scene, str(scene.amara.id))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "the candidate&#39;s references are to be complete before the appointment" in page
    assert "References: 0 of the 2 needed received and scrutinised" in page
    assert db.session.scalars(select(AppointmentDecision)).all() == []

    assert _record_decision(leader, scene, "none").status_code == 302
    _complete_references(scene.amara, scene.hr)
    assert _record_decision(leader, scene, str(scene.amara.id)).status_code == 302
    decision = db.session.scalars(select(AppointmentDecision)).one()
    assert decision.candidate_id == scene.amara.id


def test_a_junior_appointment_is_recorded_before_the_references(app, bank, make_user):
    from tests.web.test_decisions import _appointment

    scene = _appointment(app, make_user, role_level="team_manager", references=False)
    response = _record_decision(client_for(app, scene.leader), scene, str(scene.amara.id))
    assert response.status_code == 302


def test_the_decision_page_warns_of_incomplete_references_for_a_senior_post(app, bank, make_user):
    from tests.web.test_decisions import _appointment

    scene = _appointment(app, make_user, role_level="head_of_service", references=False)
    hr, leader = client_for(app, scene.hr), client_for(app, scene.leader)

    for client in (hr, leader):
        page = client.get(scene.url).get_data(as_text=True)
        warning = page.split('id="references-warning"')[1].split("</div></div>")[0]
        assert "References: 0 of the 2 needed received and scrutinised" in warning
        # Only the candidates the deciding stage found appointable: Tom was not.
        assert "Reid" not in warning and scene.tom.code not in warning
        assert "Amara" in warning or scene.amara.code in warning

    _complete_references(scene.amara, scene.hr)
    assert 'id="references-warning"' not in hr.get(scene.url).get_data(as_text=True)


def test_no_warning_for_a_junior_post_or_with_the_setting_off(app, bank, make_user):
    from tests.web.test_decisions import _appointment

    junior = _appointment(app, make_user, role_level="team_manager", references=False)
    page = client_for(app, junior.hr).get(junior.url).get_data(as_text=True)
    assert 'id="references-warning"' not in page

    app.config["REFERENCES_BEFORE_DECIDING_STAGE"] = False
    vacancy = junior.stage.vacancy
    vacancy.role_level = "dcs"
    db.session.commit()
    page = client_for(app, junior.hr).get(junior.url).get_data(as_text=True)
    assert 'id="references-warning"' not in page
    app.config["REFERENCES_BEFORE_DECIDING_STAGE"] = True
    page = client_for(app, junior.hr).get(junior.url).get_data(as_text=True)
    assert 'id="references-warning"' in page


# --- retention and subject access -------------------------------------------------------


def test_anonymising_blanks_the_referees_data_and_keeps_the_dates(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    _reference(candidate, hr, concerns=CONCERN, concern_resolution="Explained by Amara")

    anonymise(candidate, datetime(2027, 1, 1, tzinfo=UTC))
    db.session.commit()

    row = db.session.scalars(select(CandidateReference)).one()
    assert (row.referee_name, row.referee_role_and_organisation) == ("", "")
    assert (row.concerns, row.concern_resolution) == (None, None)
    assert row.scrutinised_on == date(2026, 1, 13) and row.scrutinised_by_id == hr.id
    assert row.relationship == "Previous manager"


def test_the_subject_access_export_lists_references_without_the_referee(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    _reference(candidate, hr, is_current_or_recent_employer=True, concerns=CONCERN)
    _reference(candidate, None, received_on=None, scrutinised_on=None, relationship="Mentor")

    with app.test_request_context():
        export = build_subject_access(candidate.id)
        document = export.document
        data = export.zip_bytes()

    first, second = document["references"]
    assert first["referee"] == "Referee 1 (Previous manager, current or most recent employer)"
    assert first["status"] == "Concern open" and first["concern_noted"] is True
    assert first["concern_resolved"] is False and first["received_on"] == "2026-01-12"
    assert first["scrutinised_by"].startswith("Staff member")
    assert second["referee"] == "Referee 2 (Mentor)" and second["status"] == "Requested"
    assert second["scrutinised_by"] is None
    text = str(document["references"])
    assert "Sam Patel" not in text and "Chief Executive" not in text and "gap" not in text
    assert "Harriet" not in text
    assert "candidate_reference" in document["covered_tables"]
    assert data  # the Word document is written with the references in it
