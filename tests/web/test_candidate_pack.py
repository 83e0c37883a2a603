"""The candidate pack download and command: HR's and admin's, made from the advert."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import AuditEvent, PanelRole, PersonSpecCriterion, Role, StageType
from tests.support.factories import make_stage, make_vacancy
from tests.support.word import all_text

PANEL_MEMBER = "Councillor Ayesha Quinlan-Brook"


def _vacancy_with_pack_details(hr, make_user):  # type: ignore[no-untyped-def]
    vacancy = make_vacancy(hr, with_advert=True, job_reference="NCC-CS-0142")
    vacancy.criteria += [
        PersonSpecCriterion(
            position=1,
            text="Experience of leading youth work",
            essential=False,
            assessed_by=["application"],
        ),
        PersonSpecCriterion(
            position=2,
            text="A record of improving children's social care",
            essential=True,
            assessed_by=["application", "interview"],
        ),
    ]
    db.session.commit()
    member = make_user(Role.PANEL, name=PANEL_MEMBER)
    make_stage(
        vacancy,
        name="Stakeholder morning",
        stage_type=StageType.STAKEHOLDER_PANEL,
        held_on=date(2027, 3, 1),
        seats=[(member, PanelRole.CHAIR)],
    )
    make_stage(vacancy, name="Final interview", stage_type=StageType.FINAL_PANEL)
    return vacancy


@pytest.mark.parametrize("role", [Role.HR, Role.ADMIN])
def test_hr_downloads_a_pack_with_the_criteria_stages_and_statements(
    bank, signed_in, make_user, role
):
    client, user = signed_in(role)
    vacancy = _vacancy_with_pack_details(make_user(Role.HR), make_user)

    response = client.get(f"/vacancies/{vacancy.id}/advert/candidate-pack.docx")

    assert response.status_code == 200
    assert response.mimetype.endswith("wordprocessingml.document")
    assert "attachment" in response.headers["Content-Disposition"]
    assert "Candidate pack - Director of Children" in response.headers["Content-Disposition"]
    document = Document(io.BytesIO(response.data))
    text = all_text(document)
    assert text.index("A record of improving children's social care") < text.index(
        "Experience of leading youth work"
    )
    for expected in (
        "NCC-CS-0142",
        "Stakeholder morning",
        "Stakeholder panel",
        "1 March 2027",
        "Final panel interview",
        "children's barred list",
        "right to work in the UK",
        "DBS filtering rules",
        "Contact: Chief Executive",
    ):
        assert expected in text, expected
    assert PANEL_MEMBER not in text
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "candidate_pack.exported")
    )
    assert event is not None and event.object_id == str(vacancy.id)


def test_the_advert_page_links_to_the_pack(bank, signed_in):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user, with_advert=True)
    page = client.get(f"/vacancies/{vacancy.id}/advert").get_data(as_text=True)
    assert f'href="/vacancies/{vacancy.id}/advert/candidate-pack.docx"' in page


def test_an_edited_down_safer_recruitment_section_gives_way_to_the_drafted_one(bank, signed_in):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user, with_advert=True)
    version = vacancy.advert.current
    version.sections = [
        {**s, "body": "We check everyone."} if s["key"] == "safer_recruitment" else s
        for s in version.sections
    ]
    db.session.commit()
    response = client.get(f"/vacancies/{vacancy.id}/advert/candidate-pack.docx")
    text = all_text(Document(io.BytesIO(response.data)))
    assert "We check everyone." not in text
    assert "children's barred list" in text and "right to work" in text


def test_without_an_advert_hr_is_sent_to_the_advert_page_with_a_message(bank, signed_in):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user)

    response = client.get(f"/vacancies/{vacancy.id}/advert/candidate-pack.docx")

    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/vacancies/{vacancy.id}/advert")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Create the advert first: the candidate pack is made from it." in page
    assert not db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "candidate_pack.exported")
    )


def test_an_unknown_vacancy_is_a_404(bank, signed_in):
    client, _user = signed_in(Role.HR)
    assert client.get("/vacancies/987654/advert/candidate-pack.docx").status_code == 404


@pytest.mark.parametrize("role", [Role.PANEL, Role.REVIEWER])
def test_panel_members_and_reviewers_are_refused(bank, signed_in, make_user, role):
    client, _user = signed_in(role)
    vacancy = make_vacancy(make_user(Role.HR), with_advert=True)
    assert client.get(f"/vacancies/{vacancy.id}/advert/candidate-pack.docx").status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(app, bank, make_user):
    vacancy = make_vacancy(make_user(Role.HR), with_advert=True)
    response = app.test_client().get(f"/vacancies/{vacancy.id}/advert/candidate-pack.docx")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_the_command_writes_the_pack(app, bank, make_user, tmp_path):
    vacancy = _vacancy_with_pack_details(make_user(Role.HR), make_user)
    runner = app.test_cli_runner()
    out = tmp_path / "pack.docx"

    result = runner.invoke(
        args=["export", "candidate-pack", "--vacancy", str(vacancy.id), "--out", str(out)]
    )

    assert result.exit_code == 0, result.output
    text = all_text(Document(str(out)))
    assert "A record of improving children's social care" in text and "barred list" in text
    assert db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "candidate_pack.exported")
    )


def test_the_command_refuses_a_vacancy_without_an_advert_or_a_wrong_ending(
    app, bank, make_user, tmp_path
):
    vacancy = make_vacancy(make_user(Role.HR))
    runner = app.test_cli_runner()
    no_advert = runner.invoke(
        args=[
            "export",
            "candidate-pack",
            "--vacancy",
            str(vacancy.id),
            "--out",
            str(tmp_path / "p.docx"),
        ]
    )
    assert no_advert.exit_code != 0 and "has no advert yet" in no_advert.output
    wrong = runner.invoke(
        args=[
            "export",
            "candidate-pack",
            "--vacancy",
            str(vacancy.id),
            "--out",
            str(tmp_path / "p.pdf"),
        ]
    )
    assert wrong.exit_code != 0 and "must end in .docx" in wrong.output
    assert not (tmp_path / "p.docx").exists()


def test_a_pack_that_fails_to_build_shows_a_plain_page_and_records_nothing(
    app, bank, signed_in, monkeypatch
):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user, with_advert=True)

    def failing_builder(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device: /var/tmp/secret-path")

    monkeypatch.setattr("recruit.adverts.candidate_pack.candidate_pack_bytes", failing_builder)
    response = client.get(f"/vacancies/{vacancy.id}/advert/candidate-pack.docx")

    page = response.get_data(as_text=True)
    assert response.status_code == 500 and response.mimetype == "text/html"
    assert "Sorry, there is a problem with the service" in page and "secret-path" not in page
    assert not db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "candidate_pack.exported")
    )
