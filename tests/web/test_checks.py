"""Pre-employment checks: recording one (audited, a concurrent save caught, errors shown),
the gate on "appointed" and HR's override, the single central record, who may see them,
and the checks in retention and subject access."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime

from openpyxl import load_workbook
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import (
    AuditEvent,
    Candidate,
    CandidateStatus,
    CheckKind,
    CheckStatus,
    PreEmploymentCheck,
    Role,
    User,
)
from recruit.retention import anonymise
from recruit.subject_access import build_subject_access
from tests.support.factories import make_candidate, make_vacancy
from tests.support.forms import csrf_token_from, submit_form
from tests.support.panel_web import client_for

HOSTILE = '=HYPERLINK("http://evil.example","click")'


def _scene(app, make_user):  # type: ignore[no-untyped-def]
    hr = make_user(Role.HR, name="Harriet Okafor")
    vacancy = make_vacancy(hr)
    candidate = make_candidate(vacancy, "Amara", "Okafor", status=CandidateStatus.APPOINTABLE)
    return hr, vacancy, candidate


def _checks_url(candidate: Candidate) -> str:
    return f"/vacancies/{candidate.vacancy_id}/candidates/{candidate.id}/checks"


def _day(day: date) -> list[str]:
    return [str(day.day), str(day.month), str(day.year)]


def _record(client, candidate, kind, **data):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "status": "satisfactory", "requested_on": ["", "", ""],
        "completed_on": _day(date(2026, 1, 19)), "outcome": "Clear",
    }  # fmt: skip
    values.update(data)
    url = f"{_checks_url(candidate)}/{kind}"
    page = client.get(url).get_data(as_text=True)
    # As a browser would: the version the form was loaded with travels back with it.
    version = re.search(r'name="lock_version"[^>]*value="([^"]*)"', page)
    values.setdefault("lock_version", version.group(1) if version else "")
    return client.post(url, data={"csrf_token": csrf_token_from(page), **values})


def _complete_all(candidate: Candidate, verifier: User) -> None:
    for kind in CheckKind:
        db.session.add(
            PreEmploymentCheck(
                candidate_id=candidate.id,
                kind=kind,
                status=CheckStatus.SATISFACTORY,
                completed_on=date(2026, 1, 19),
                outcome="Clear",
                verified_by_id=verifier.id,
            )
        )
    db.session.commit()


def _events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


# --- recording a check ------------------------------------------------------------------


def test_recording_a_check_saves_it_audits_it_and_shows_it(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    client = client_for(app, hr)

    response = _record(client, candidate, "enhanced_dbs", outcome="Clear")

    assert response.status_code == 302
    row = db.session.scalars(select(PreEmploymentCheck)).one()
    assert (row.kind, row.status, row.outcome) == (
        CheckKind.ENHANCED_DBS,
        CheckStatus.SATISFACTORY,
        "Clear",
    )
    assert row.completed_on == date(2026, 1, 19) and row.verified_by_id == hr.id
    (event,) = _events("check.recorded")
    assert event.detail["kind"] == "enhanced_dbs" and event.detail["status"] == "satisfactory"
    assert "Clear" not in str(event.detail), "the outcome stays out of the audit log"
    page = client.get(_checks_url(candidate)).get_data(as_text=True)
    assert "Satisfactory" in page and "Harriet Okafor" in page and "19 January 2026" in page


def test_errors_are_shown_with_the_summary_and_nothing_is_saved(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    client = client_for(app, hr)

    response = _record(client, candidate, "identity", completed_on=["", "", ""], outcome="")
    page = response.get_data(as_text=True)

    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Enter the date the check was completed" in page
    assert "Enter the outcome of the check, like Clear" in page
    # "Not required" is not even offered for a check every appointment needs.
    response = _record(client, candidate, "identity", status="not_required")
    assert "govuk-error-summary" in response.get_data(as_text=True)
    assert db.session.scalars(select(PreEmploymentCheck)).all() == []
    assert _events("check.recorded") == []


def test_an_optional_check_may_be_not_required_with_a_reason(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    client = client_for(app, hr)

    refused = _record(client, candidate, "overseas", status="not_required", outcome="")
    assert "Say why the check is not required for this post" in refused.get_data(as_text=True)
    saved = _record(
        client, candidate, "overseas", status="not_required", outcome="",
        not_required_reason="Has always lived and worked in the UK",
    )  # fmt: skip
    assert saved.status_code == 302
    row = db.session.scalars(select(PreEmploymentCheck)).one()
    assert row.required is False and row.status is CheckStatus.NOT_REQUIRED
    page = client.get(_checks_url(candidate)).get_data(as_text=True)
    assert "Has always lived and worked in the UK" in page


def test_a_save_from_a_stale_form_is_refused_with_the_entries_kept(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    client = client_for(app, hr)
    url = f"{_checks_url(candidate)}/enhanced_dbs"
    _record(client, candidate, "enhanced_dbs", status="requested", outcome="")
    stale = client.get(url).get_data(as_text=True)
    # Someone else saves meanwhile.
    _record(client_for(app, hr), candidate, "enhanced_dbs", outcome="Clear")

    response = client.post(
        url,
        data={
            "csrf_token": csrf_token_from(stale), "lock_version": "1", "status": "concern",
            "completed_on": _day(date(2026, 1, 20)), "outcome": "My own words",
        },
    )  # fmt: skip
    page = response.get_data(as_text=True)

    assert response.status_code == 200
    assert "Someone else saved this check while you were editing" in page
    assert "My own words" in page
    row = db.session.scalars(select(PreEmploymentCheck)).one()
    db.session.refresh(row)
    assert row.status is CheckStatus.SATISFACTORY and row.outcome == "Clear"


def test_an_unknown_kind_or_another_vacancys_candidate_is_a_404(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    other = make_candidate(make_vacancy(hr), "Tom", "Reid")
    client = client_for(app, hr)
    assert client.get(f"{_checks_url(candidate)}/horoscope").status_code == 404
    wrong = f"/vacancies/{candidate.vacancy_id}/candidates/{other.id}/checks"
    assert client.get(wrong).status_code == 404


# --- the gate on "appointed" ------------------------------------------------------------


def _edit(client, candidate, **data):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "first_name": candidate.first_name, "last_name": candidate.last_name,
        "email": candidate.email, "application_date": ["", "", ""], "status": "appointed",
        "lock_version": str(candidate.lock_version),
    }  # fmt: skip
    values.update(data)
    url = f"/vacancies/{candidate.vacancy_id}/candidates/{candidate.id}/edit"
    return submit_form(client, url, values)


def test_appointed_is_refused_while_checks_are_outstanding(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    db.session.add(
        PreEmploymentCheck(
            candidate_id=candidate.id, kind=CheckKind.IDENTITY, status=CheckStatus.SATISFACTORY,
            completed_on=date(2026, 1, 5), outcome="Seen", verified_by_id=hr.id,
        )
    )  # fmt: skip
    db.session.commit()
    client = client_for(app, hr)

    response = _edit(client, candidate)
    page = response.get_data(as_text=True)

    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "Complete the pre-employment checks first: Right to work in the UK, " in page
    assert "Identity," not in page.split("checks first:")[1].split("<")[0]
    db.session.refresh(candidate)
    assert candidate.status is CandidateStatus.APPOINTABLE
    assert _events("candidate.updated") == []


def test_appointed_is_saved_once_every_check_is_complete(app, make_user):
    from tests.web.test_references import _complete_references

    hr, _, candidate = _scene(app, make_user)
    _complete_all(candidate, hr)
    _complete_references(candidate, hr)  # "appointed" waits for the references too

    response = _edit(client_for(app, hr), candidate)

    assert response.status_code == 302
    db.session.refresh(candidate)
    assert candidate.status is CandidateStatus.APPOINTED
    assert _events("candidate.appointed_before_checks") == []


def test_hr_may_appoint_before_the_checks_with_a_reason_audited_and_shown(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    client = client_for(app, hr)

    no_reason = _edit(client, candidate, appoint_before_checks="y")
    assert "Say why the candidate is appointed before the checks are complete" in (
        no_reason.get_data(as_text=True)
    )
    db.session.refresh(candidate)
    assert candidate.status is CandidateStatus.APPOINTABLE

    reason = "Interim cover from 1 March; DBS applied for, start waits for it"
    response = _edit(
        client, candidate, appoint_before_checks="y", appoint_before_checks_reason=reason
    )

    assert response.status_code == 302
    db.session.refresh(candidate)
    assert candidate.status is CandidateStatus.APPOINTED
    (event,) = _events("candidate.appointed_before_checks")
    assert event.detail["reason"] == reason and event.user_id == hr.id
    assert "Enhanced DBS check" in event.detail["outstanding"]
    page = client.get(_checks_url(candidate)).get_data(as_text=True)
    assert "Appointed before the checks were complete, by Harriet Okafor" in page
    assert reason in page


def test_an_admin_cannot_override_the_gate(app, make_user):
    _, _, candidate = _scene(app, make_user)
    admin = make_user(Role.ADMIN)

    response = _edit(
        client_for(app, admin), candidate, appoint_before_checks="y",
        appoint_before_checks_reason="Because",
    )  # fmt: skip

    assert "Complete the pre-employment checks first" in response.get_data(as_text=True)
    db.session.refresh(candidate)
    assert candidate.status is CandidateStatus.APPOINTABLE


def test_a_new_or_imported_candidate_cannot_arrive_appointed(app, make_user):
    hr, vacancy, _ = _scene(app, make_user)
    client = client_for(app, hr)
    response = submit_form(
        client,
        f"/vacancies/{vacancy.id}/candidates/new",
        {"first_name": "Tom", "last_name": "Reid", "email": "tom@example.com",
         "application_date": ["", "", ""], "status": "appointed"},
    )  # fmt: skip
    assert "Complete the pre-employment checks first: Identity, " in response.get_data(as_text=True)
    upload = (
        "first_name,last_name,email,phone,current_role,current_employer,application_date,"
        "status,notes\r\nTom,Reid,tom@example.com,,,,,appointed,\r\n"
    )
    url = f"/vacancies/{vacancy.id}/candidates/import"
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    response = client.post(
        url,
        data={"csrf_token": token, "file": (io.BytesIO(upload.encode()), "candidates.csv")},
        content_type="multipart/form-data",
    )
    assert "cannot be imported as appointed" in response.get_data(as_text=True)
    assert db.session.scalar(select(Candidate).where(Candidate.first_name == "Tom")) is None


# --- the single central record ----------------------------------------------------------


def test_the_central_record_as_csv_and_xlsx_with_a_hostile_outcome_neutralised(app, make_user):
    hr, vacancy, candidate = _scene(app, make_user)
    make_candidate(vacancy, "Tom", "Reid")  # no checks, not appointed: not in the record
    client = client_for(app, hr)
    _record(client, candidate, "identity", status="concern", outcome=HOSTILE)

    response = client.get(f"/vacancies/{vacancy.id}/checks.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Name"] == "Amara Okafor"
    assert row["Identity: status"] == "Concern to resolve"
    assert row["Identity: outcome"] == "'" + HOSTILE
    assert row["Identity: verified by"] == "Harriet Okafor"

    response = client.get(f"/vacancies/{vacancy.id}/checks.xlsx")
    sheet = load_workbook(io.BytesIO(response.get_data())).active
    assert sheet is not None
    values = [[cell.value for cell in line] for line in sheet.iter_rows()]
    assert values[1][values[0].index("Identity: outcome")] == "'" + HOSTILE
    exports = _events("checks.exported")
    assert [event.detail["format"] for event in exports] == ["csv", "xlsx"]


# --- who may see them -------------------------------------------------------------------


def test_panel_members_and_reviewers_are_refused(app, make_user):
    hr, vacancy, candidate = _scene(app, make_user)
    urls = [
        _checks_url(candidate),
        f"{_checks_url(candidate)}/enhanced_dbs",
        f"/vacancies/{vacancy.id}/checks.csv",
    ]
    for role in (Role.PANEL, Role.REVIEWER):
        client = client_for(app, make_user(role))
        for url in urls:
            assert client.get(url).status_code == 403, (role, url)
    admin = client_for(app, make_user(Role.ADMIN))
    assert all(admin.get(url).status_code == 200 for url in urls)


# --- retention and subject access -------------------------------------------------------


def test_anonymising_blanks_the_outcome_and_keeps_status_and_dates(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    db.session.add(
        PreEmploymentCheck(
            candidate_id=candidate.id, kind=CheckKind.OVERSEAS, status=CheckStatus.NOT_REQUIRED,
            required=False, not_required_reason="Lived in Lagos until 2010: no, in the UK",
            verified_by_id=hr.id, outcome="Amara told us",
        )
    )  # fmt: skip
    db.session.commit()

    anonymise(candidate, datetime(2027, 1, 1, tzinfo=UTC))
    db.session.commit()

    row = db.session.scalars(select(PreEmploymentCheck)).one()
    assert (row.outcome, row.not_required_reason) == ("", "")
    assert row.status is CheckStatus.NOT_REQUIRED


def test_the_subject_access_export_holds_the_checks_with_staff_by_label(app, make_user):
    hr, _, candidate = _scene(app, make_user)
    client = client_for(app, hr)
    _record(client, candidate, "enhanced_dbs", outcome="Clear")

    with app.test_request_context():
        document = build_subject_access(candidate.id).document

    (check,) = document["pre_employment_checks"]
    assert check["check"] == "Enhanced DBS check" and check["status"] == "Satisfactory"
    assert check["completed_on"] == "2026-01-19" and check["outcome"] == "Clear"
    assert check["verified_by"].startswith("Staff member")
    assert "Harriet" not in str(document["pre_employment_checks"])
    assert "pre_employment_check" in document["covered_tables"]


# --- the decision page ------------------------------------------------------------------


def test_the_offer_step_says_it_is_conditional_and_links_to_the_checklist(app, bank, make_user):
    from tests.web.test_decisions import _appointment, _record_amara

    scene = _appointment(app, make_user)
    _record_amara(app, scene)
    hr = client_for(app, scene.hr)
    checklist = _checks_url(scene.amara)

    page = hr.get(scene.url).get_data(as_text=True)
    assert "The offer is <strong>conditional</strong> until the pre-employment checks" in page
    assert "Still to complete: Identity, Right to work in the UK, Enhanced DBS check" in page
    assert f'href="{checklist}"' in page

    _complete_all(scene.amara, scene.hr)
    page = hr.get(scene.url).get_data(as_text=True)
    assert "every required check is complete" in page
    # The deciding panel's members see the decision, not HR's checks.
    assert checklist not in client_for(app, scene.leader).get(scene.url).get_data(as_text=True)
