"""A vacancy's person specification: HR starts from the standard criteria, adds and removes
its own, every change audited, and the advert prints it."""

from __future__ import annotations

import io

from docx import Document
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import AuditEvent, PersonSpecCriterion, Role
from tests.support.factories import make_vacancy
from tests.support.forms import csrf_token_from, submit_form


def _post(client, url: str, page_url: str):  # type: ignore[no-untyped-def]
    """POST a button-only form at ``url`` with the token from the page that shows it."""
    token = csrf_token_from(client.get(page_url).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token})


def _url(vacancy) -> str:  # type: ignore[no-untyped-def]
    return f"/vacancies/{vacancy.id}/person-specification"


def test_hr_starts_from_the_standard_criteria_for_the_post(bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)  # a DCS post for Family Safeguarding
    page = client.get(_url(vacancy)).get_data(as_text=True)
    assert "No criteria yet." in page and "standard criteria" in page
    response = _post(client, f"{_url(vacancy)}/standard", _url(vacancy))
    assert response.status_code == 302
    rows = db.session.scalars(select(PersonSpecCriterion)).all()
    assert any("education and children's social care" in row.text for row in rows)
    assert all(row.assessed_by for row in rows)
    page = client.get(_url(vacancy)).get_data(as_text=True)
    assert 'id="essential-criteria"' in page and 'id="desirable-criteria"' in page
    # Adding the standard set again adds nothing twice.
    _post(client, f"{_url(vacancy)}/standard", _url(vacancy))
    assert len(db.session.scalars(select(PersonSpecCriterion)).all()) == len(rows)
    assert db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "person_spec.criterion_added")
    ).all()


def test_a_criterion_needs_text_and_how_it_is_assessed(bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    response = submit_form(client, _url(vacancy), {"text": "", "kind": "essential"})
    text = response.get_data(as_text=True)
    assert "govuk-error-summary" in text and "Enter the criterion" in text
    assert "Choose how the criterion is assessed" in text
    assert db.session.scalar(select(PersonSpecCriterion)) is None
    data = {"text": "Registered with Social Work England", "kind": "desirable",
            "assessed_by": ["application", "check"]}  # fmt: skip
    assert submit_form(client, _url(vacancy), data).status_code == 302
    row = db.session.scalar(select(PersonSpecCriterion))
    assert (row.essential, row.assessed_by) == (False, ["application", "check"])


def test_removing_a_criterion_is_audited_and_the_advert_prints_the_rest(bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr, with_advert=True)
    for text, kind in (("Leads with values", "essential"), ("Knows SEND", "desirable")):
        data = {"text": text, "kind": kind, "assessed_by": ["interview"]}
        submit_form(client, _url(vacancy), data)
    send = db.session.scalar(
        select(PersonSpecCriterion).where(PersonSpecCriterion.text == "Knows SEND")
    )
    remove = f"{_url(vacancy)}/{send.id}/remove"
    assert _post(client, remove, _url(vacancy)).status_code == 302
    assert [row.text for row in db.session.scalars(select(PersonSpecCriterion))] == [
        "Leads with values"
    ]
    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "person_spec.criterion_removed")
    ).one()
    assert event.detail["text"] == "Knows SEND"
    advert = Document(io.BytesIO(client.get(f"/vacancies/{vacancy.id}/advert/download/docx").data))
    paragraphs = [p.text for p in advert.paragraphs]
    assert "Person specification" in paragraphs and "Essential" in paragraphs
    assert "Leads with values (assessed by: interview)" in paragraphs
    assert not any("Knows SEND" in p for p in paragraphs)


def test_a_criterion_of_another_vacancy_is_not_found(bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy, other = make_vacancy(hr), make_vacancy(hr)
    submit_form(
        client, _url(other), {"text": "Theirs", "kind": "essential", "assessed_by": ["interview"]}
    )
    theirs = db.session.scalar(select(PersonSpecCriterion))
    response = _post(client, f"{_url(vacancy)}/{theirs.id}/remove", _url(vacancy))
    assert response.status_code == 404
    assert db.session.scalar(select(PersonSpecCriterion)) is not None


def test_the_standard_button_goes_once_every_standard_criterion_is_listed(bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    _post(client, f"{_url(vacancy)}/standard", _url(vacancy))
    page = client.get(_url(vacancy)).get_data(as_text=True)
    assert "Add the standard criteria for this post" not in page
    removed = db.session.scalars(select(PersonSpecCriterion)).first()
    _post(client, f"{_url(vacancy)}/{removed.id}/remove", _url(vacancy))
    page = client.get(_url(vacancy)).get_data(as_text=True)
    assert "There is 1 standard criterion for this role level and innovation not listed" in page
