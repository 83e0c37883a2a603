"""HR creates, lists, filters and changes vacancies; bad input gets GOV.UK errors."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import AuditEvent, Role, Vacancy, VacancyStatus
from tests.support.factories import make_vacancy
from tests.support.forms import csrf_token_from, submit_form

VALID = {
    "title": "Head of Service, Family Safeguarding",
    "role_level": "head_of_service",
    "service_area": "Children and Families",
    "innovation": "family_safeguarding",
    "salary_range": "£80,000 to £88,000",
    "contract": "permanent",
    "location": "Hertford",
    "closing_date": ["27", "3", "2027"],
    "interview_dates": "14 and 15 April 2027",
    "hiring_manager": "Assistant Director, Safeguarding",
    "status": "draft",
}


def test_hr_creates_a_vacancy(bank, signed_in):
    client, user = signed_in(Role.HR)
    response = submit_form(client, "/vacancies/new", VALID)
    assert response.status_code == 302, response.get_data(as_text=True)
    vacancy = db.session.scalar(select(Vacancy))
    assert vacancy.title == VALID["title"] and vacancy.closing_date.isoformat() == "2027-03-27"
    assert vacancy.created_by_id == user.id and vacancy.status is VacancyStatus.DRAFT
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "27 March 2027" in page and "Family Safeguarding" in page and "Not started" in page
    assert db.session.scalar(
        select(AuditEvent.action).where(AuditEvent.action == "vacancy.created")
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "Enter the job title"),
        ({"role_level": ""}, "Select the role level"),
        ({"innovation": "made_up"}, "Not a valid choice"),
        ({"closing_date": ["", "", ""]}, "Enter the closing date"),
        ({"closing_date": ["27", "", "2027"]}, "The closing date must include a month"),
        ({"closing_date": ["31", "2", "2027"]}, "The closing date must be a real date"),
        ({"closing_date": ["1", "2", "27"]}, "Year must include 4 numbers"),
        ({"closing_date": None}, "Enter the closing date"),
        ({"closing_date": ["1", "2", "2027", "9"]}, None),
        ({"title": "x" * 201}, "Job title must be 200 characters or fewer"),
        ({"job_reference": "x" * 41}, "The job reference must be 40 characters or fewer"),
    ],
)
def test_bad_vacancy_input_is_reshown_with_errors_and_nothing_saved(
    bank, signed_in, changes, message
):
    client, _user = signed_in(Role.HR)
    data = {**VALID, **changes}
    data = {key: value for key, value in data.items() if value is not None}
    response = submit_form(client, "/vacancies/new", data)
    page = response.get_data(as_text=True)
    if message is None:  # extra date boxes are ignored, not a crash
        assert response.status_code == 302
        return
    assert response.status_code == 200
    assert "govuk-error-summary" in page and message in page
    assert db.session.scalar(select(Vacancy)) is None
    if changes.get("title") != "":
        assert "Family Safeguarding" in page


def test_list_and_filter(bank, signed_in):
    client, _user = signed_in(Role.HR)
    make_vacancy(title="Open FS role", innovation="family_safeguarding", status=VacancyStatus.OPEN)
    make_vacancy(
        title="Draft NWD role",
        innovation="no_wrong_door",
        status=VacancyStatus.DRAFT,
        role_level="service_manager",
    )
    everything = client.get("/vacancies").get_data(as_text=True)
    assert (
        "Open FS role" in everything
        and "Draft NWD role" in everything
        and "2 vacancies" in everything
    )
    filtered = client.get("/vacancies", query_string={"innovation": "no_wrong_door"}).get_data(
        as_text=True
    )
    assert "Draft NWD role" in filtered and "Open FS role" not in filtered
    by_status = client.get("/vacancies", query_string={"status": "open"}).get_data(as_text=True)
    assert "Open FS role" in by_status and "Draft NWD role" not in by_status
    nonsense = client.get("/vacancies", query_string={"status": "<b>x</b>"})
    assert nonsense.status_code == 200


def test_the_job_reference_is_saved_shown_and_printed_on_documents(bank, signed_in):
    client, _ = signed_in(Role.HR)
    response = submit_form(client, "/vacancies/new", {**VALID, "job_reference": " NCC-CS-0142 "})
    vacancy = db.session.scalar(select(Vacancy))
    assert (vacancy.job_reference, vacancy.reference) == ("NCC-CS-0142", "NCC-CS-0142")
    assert "NCC-CS-0142" in client.get(response.headers["Location"]).get_data(as_text=True)
    vacancy.job_reference = ""
    db.session.commit()
    # Without one, documents name the vacancy by the app's own reference, never "Vacancy 1".
    assert vacancy.reference == f"recruit vacancy {vacancy.id}"


def test_edit_is_audited_with_the_changes(bank, signed_in):
    client, _user = signed_in(Role.HR)
    vacancy = make_vacancy()
    data = {
        **VALID,
        "title": "Director of Children's Services (interim)",
        "lock_version": vacancy.lock_version,
    }
    response = submit_form(client, f"/vacancies/{vacancy.id}/edit", data)
    assert response.status_code == 302
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "vacancy.updated"))
    assert event.detail["changes"]["title"][1] == "Director of Children's Services (interim)"


def test_concurrent_edit_keeps_the_users_text_and_saves_nothing(bank, signed_in):
    client, _user = signed_in(Role.HR)
    vacancy = make_vacancy()
    stale = vacancy.lock_version
    vacancy.location = "Changed by a colleague"
    db.session.commit()
    data = {**VALID, "title": "My edited title", "lock_version": stale}
    response = submit_form(client, f"/vacancies/{vacancy.id}/edit", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "saved this vacancy while you were editing" in page and "My edited title" in page
    db.session.refresh(vacancy)
    assert (
        vacancy.title == "Director of Children's Services"
        and vacancy.location == "Changed by a colleague"
    )


def test_get_form_then_post_without_date_fields_is_not_a_500(bank, signed_in):
    client, _user = signed_in(Role.HR)
    token = csrf_token_from(client.get("/vacancies/new").get_data(as_text=True))
    response = client.post("/vacancies/new", data={"csrf_token": token, "title": "Only a title"})
    assert response.status_code == 200
    assert "Enter the closing date" in response.get_data(as_text=True)
