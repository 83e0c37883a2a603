"""Candidates: add, change, import from CSV (checked, all-or-nothing), anonymise."""

from __future__ import annotations

import io
import re
from html import unescape

import pytest
from sqlalchemy import func, select

from recruit.extensions import db
from recruit.models import AuditEvent, Candidate, CandidateStatus, PanelRole, Role
from tests.support.factories import make_candidate, make_stage, make_vacancy, submit_sheet
from tests.support.forms import csrf_token_from, submit_form

GOOD_CSV = (
    "first_name,last_name,email,phone,current_role,current_employer,application_date,status\r\n"
    "Amara,Okafor,amara@example.com,+44 1632 960001,Assistant Director,Leeds City Council,03/02/2026,Applied\r\n"
    "Tom,Reid,tom@example.com,,Head of Service,North Yorkshire Council,2026-02-04,shortlisted\r\n"
).encode("utf-8-sig")


QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]


@pytest.fixture
def hr(bank, signed_in):  # type: ignore[no-untyped-def]
    client, user = signed_in(Role.HR)
    return client, make_vacancy(user)


def _upload(client, vacancy, data: bytes, name: str = "candidates.csv"):  # type: ignore[no-untyped-def]
    url = f"/vacancies/{vacancy.id}/candidates/import"
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    return client.post(
        url,
        data={"csrf_token": token, "file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def test_add_and_change_a_candidate_with_codes(hr):
    client, vacancy = hr
    data = {
        "first_name": "Amara",
        "last_name": "Okafor",
        "email": "Amara@Example.com",
        "status": "applied",
    }
    assert submit_form(client, f"/vacancies/{vacancy.id}/candidates/new", data).status_code == 302
    second = {**data, "first_name": "Tom", "email": "tom@example.com"}
    submit_form(client, f"/vacancies/{vacancy.id}/candidates/new", second)
    candidates = db.session.scalars(select(Candidate).order_by(Candidate.code)).all()
    assert [c.code for c in candidates] == ["C-01", "C-02"] and candidates[
        0
    ].email == "amara@example.com"
    edit = {**data, "status": "shortlisted", "lock_version": candidates[0].lock_version}
    assert (
        submit_form(
            client, f"/vacancies/{vacancy.id}/candidates/{candidates[0].id}/edit", edit
        ).status_code
        == 302
    )
    db.session.refresh(candidates[0])
    assert candidates[0].status is CandidateStatus.SHORTLISTED
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "candidate.updated"))


def test_duplicate_email_and_missing_fields_are_refused(hr):
    client, vacancy = hr
    data = {
        "first_name": "Amara",
        "last_name": "Okafor",
        "email": "amara@example.com",
        "status": "applied",
    }
    submit_form(client, f"/vacancies/{vacancy.id}/candidates/new", data)
    again = submit_form(client, f"/vacancies/{vacancy.id}/candidates/new", data).get_data(
        as_text=True
    )
    assert "already used by a candidate for this vacancy" in again
    empty = submit_form(
        client, f"/vacancies/{vacancy.id}/candidates/new", {"status": "applied"}
    ).get_data(as_text=True)
    assert "Enter the candidate&#39;s first name" in empty and "govuk-error-summary" in empty
    assert db.session.scalar(select(func.count()).select_from(Candidate)) == 1


def test_import_shows_a_check_page_then_imports_on_confirmation(hr):
    client, vacancy = hr
    check = _upload(client, vacancy, GOOD_CSV)
    page = check.get_data(as_text=True)
    assert (
        check.status_code == 200
        and "Check the 2 candidates to import" in page
        and "Nothing has been saved yet" in page
    )
    assert db.session.scalar(select(func.count()).select_from(Candidate)) == 0
    hidden = re.search(r'<input[^>]*name="csv_text"[^>]*>', page).group(0)
    csv_text = unescape(re.search(r'value="([^"]*)"', hidden).group(1))
    response = client.post(
        f"/vacancies/{vacancy.id}/candidates/import/confirm",
        data={"csrf_token": csrf_token_from(page), "csv_text": csv_text},
    )
    assert response.status_code == 302
    candidates = db.session.scalars(select(Candidate).order_by(Candidate.code)).all()
    assert [(c.code, c.last_name, c.status) for c in candidates] == [
        ("C-01", "Okafor", CandidateStatus.APPLIED),
        ("C-02", "Reid", CandidateStatus.SHORTLISTED),
    ]
    assert (
        db.session.scalar(
            select(AuditEvent).where(AuditEvent.action == "candidates.imported")
        ).detail["count"]
        == 2
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"name,email\r\nA,a@example.com\r\n", "first_name"),
        (
            b"first_name,last_name,email,application_date\r\nA,B,a@example.com,31/02/2026\r\n",
            "Row 2, column ‘application_date’",
        ),
        (b"first_name,last_name,email\r\nA,B,a@example.com\r\nC,D,a@example.com\r\n", "Row 3"),
        (b"first_name,last_name,email\r\n=cmd|' /C calc'!A0,B,a@example.com\r\n", "formula"),
    ],
)
def test_bad_files_name_the_row_and_column_and_import_nothing(hr, content, expected):
    client, vacancy = hr
    response = _upload(client, vacancy, content)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "nothing has been imported" in page and expected in page
    assert db.session.scalar(select(func.count()).select_from(Candidate)) == 0


# Werkzeug's test client spools a body this size to a temporary file it never closes.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.usefixtures("spooled_upload")
def test_a_5_mb_file_is_refused_with_its_size(hr):
    client, vacancy = hr
    response = _upload(client, vacancy, b"first_name,last_name,email\r\n" + b"x" * 5_000_000)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "The largest file you can import is 1 MB" in page
    assert db.session.scalar(select(func.count()).select_from(Candidate)) == 0


def test_upload_without_a_file_says_what_to_do(hr):
    client, vacancy = hr
    url = f"/vacancies/{vacancy.id}/candidates/import"
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    response = client.post(url, data={"csrf_token": token}, content_type="multipart/form-data")
    assert "Select a CSV file to import" in response.get_data(as_text=True)


def test_confirm_rechecks_and_refuses_people_added_meanwhile(hr):
    client, vacancy = hr
    page = _upload(client, vacancy, GOOD_CSV).get_data(as_text=True)
    submit_form(
        client,
        f"/vacancies/{vacancy.id}/candidates/new",
        {
            "first_name": "Amara",
            "last_name": "Okafor",
            "email": "amara@example.com",
            "status": "applied",
        },
    )
    response = client.post(
        f"/vacancies/{vacancy.id}/candidates/import/confirm",
        data={"csrf_token": csrf_token_from(page), "csv_text": GOOD_CSV.decode("utf-8-sig")},
    )
    assert "nothing has been imported" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Candidate)) == 1


def test_template_and_anonymise_setting(hr):
    client, vacancy = hr
    template = client.get(f"/vacancies/{vacancy.id}/candidates/template.csv")
    assert template.data.startswith(b"\xef\xbb\xbffirst_name,last_name,email")
    url = f"/vacancies/{vacancy.id}/candidates"
    client.post(
        f"{url}/anonymise",
        data={
            "csrf_token": csrf_token_from(client.get(url).get_data(as_text=True)),
            "hide_candidate_names": "y",
        },
    )
    db.session.refresh(vacancy)
    assert vacancy.hide_candidate_names is True


@pytest.mark.parametrize("role", [Role.PANEL, Role.REVIEWER])
def test_panel_and_reviewers_cannot_manage_candidates(bank, signed_in, make_user, role):
    client, _user = signed_in(role)
    vacancy = make_vacancy(make_user(Role.HR))
    assert client.get(f"/vacancies/{vacancy.id}/candidates").status_code == 403
    assert client.get(f"/vacancies/{vacancy.id}/candidates/import").status_code == 403


def test_concurrent_candidate_edit_keeps_the_text_and_saves_nothing(hr):
    client, vacancy = hr
    from tests.support.factories import make_candidate

    candidate = make_candidate(vacancy)
    stale = candidate.lock_version
    candidate.current_role = "Changed by a colleague"
    db.session.commit()
    data = {
        "first_name": "Amara",
        "last_name": "My Edit",
        "email": candidate.email,
        "status": "applied",
        "lock_version": stale,
    }
    page = submit_form(
        client, f"/vacancies/{vacancy.id}/candidates/{candidate.id}/edit", data
    ).get_data(as_text=True)
    assert "saved this candidate while you were editing" in page and "My Edit" in page
    db.session.refresh(candidate)
    assert candidate.last_name == "Okafor"


def _edit(client, vacancy, candidate, **changes):  # type: ignore[no-untyped-def]
    data = {
        "first_name": candidate.first_name,
        "last_name": candidate.last_name,
        "email": candidate.email,
        "status": candidate.status.value,
        "lock_version": candidate.lock_version,
        **changes,
    }
    url = f"/vacancies/{vacancy.id}/candidates/{candidate.id}/edit"
    return submit_form(client, url, data)


def test_withdrawing_a_scored_candidate_needs_the_reason_on_the_record(bank, signed_in, make_user):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    scored, unscored = make_candidate(vacancy), make_candidate(vacancy, "Tom", "Reid")
    for candidate in (scored, unscored):
        candidate.status = CandidateStatus.SHORTLISTED
    member = make_user(Role.PANEL)
    stage = make_stage(vacancy, seats=[(member, PanelRole.MEMBER)], questions=QUESTIONS)
    submit_sheet(stage, member, scored, [4, 3])
    db.session.commit()

    response = _edit(client, vacancy, scored, status="withdrawn")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "changes the results and the ranking" in page
    db.session.refresh(scored)
    assert scored.status is CandidateStatus.SHORTLISTED, "nothing saved without the reason"

    reason = "Accepted a post elsewhere on 3 March"
    assert (
        _edit(client, vacancy, scored, status="withdrawn", withdrawal_reason=reason).status_code
        == 302
    )
    db.session.refresh(scored)
    assert scored.status is CandidateStatus.WITHDRAWN
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "candidate.withdrawal_changed")
    )
    assert event.detail["reason"] == reason and event.detail["status"] == "withdrawn"

    # Nobody has scored Tom: his withdrawal moves no figure, so no reason is asked.
    assert _edit(client, vacancy, unscored, status="withdrawn").status_code == 302
