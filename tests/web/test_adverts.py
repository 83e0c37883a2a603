"""The advert builder: a draft from data, sections as versions, the check, and the exports."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from sqlalchemy import select

from recruit.domain.adverts.draft import SECTION_KEYS
from recruit.extensions import db
from recruit.models import AdvertVersion, AuditEvent, Role
from tests.support.factories import make_vacancy
from tests.support.forms import csrf_token_from, submit_form

HOSTILE = (
    "Smart “quotes” and ‘single’ • bullets\x07 and\x00 controls, العربية עברית 🚸 "
    "<script>alert('x')</script> =SUM(A1) \ufffe"
)


@pytest.fixture
def hr_with_vacancy(bank, signed_in):  # type: ignore[no-untyped-def]
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user)
    return client, user, vacancy


def _start(client, vacancy) -> None:  # type: ignore[no-untyped-def]
    page = client.get(f"/vacancies/{vacancy.id}/advert").get_data(as_text=True)
    assert "Create the draft advert" in page
    response = client.post(
        f"/vacancies/{vacancy.id}/advert/start", data={"csrf_token": csrf_token_from(page)}
    )
    assert response.status_code == 302


def test_start_composes_all_eight_sections_from_data(hr_with_vacancy):
    client, _user, vacancy = hr_with_vacancy
    _start(client, vacancy)
    version = db.session.scalar(select(AdvertVersion))
    assert [section["key"] for section in version.sections] == list(SECTION_KEYS)
    text = " ".join(section["body"] for section in version.sections)
    assert "Family Safeguarding" in text and "Director of Children's Services" in text
    assert not re.search(r"\[|TODO|lorem|\{", text, re.IGNORECASE)
    page = client.get(f"/vacancies/{vacancy.id}/advert").get_data(as_text=True)
    assert "Language check" in page and "The five attributes" in page


def test_starting_twice_makes_one_advert(hr_with_vacancy):
    client, _user, vacancy = hr_with_vacancy
    _start(client, vacancy)
    token = csrf_token_from(client.get(f"/vacancies/{vacancy.id}/advert").get_data(as_text=True))
    client.post(f"/vacancies/{vacancy.id}/advert/start", data={"csrf_token": token})
    assert len(db.session.scalars(select(AdvertVersion)).all()) == 1


def test_editing_a_section_keeps_the_earlier_version(hr_with_vacancy):
    client, _user, vacancy = hr_with_vacancy
    _start(client, vacancy)
    url = f"/vacancies/{vacancy.id}/advert/sections/the_role"
    response = submit_form(
        client,
        url,
        {
            "heading": "The role",
            "body": "You will lead with values.\n\n- First\n- Second",
            "lock_version": vacancy.advert.lock_version,
            "submit": "Save section",
        },
    )
    assert response.status_code == 302
    versions = db.session.scalars(select(AdvertVersion).order_by(AdvertVersion.number)).all()
    assert [v.number for v in versions] == [1, 2]
    assert next(s for s in versions[1].sections if s["key"] == "the_role")["body"].startswith(
        "You will lead"
    )
    assert (
        next(s for s in versions[0].sections if s["key"] == "the_role")["body"]
        != versions[1].sections[1]["body"]
    )
    assert (
        "version 2"
        in client.get(f"/vacancies/{vacancy.id}/advert/versions").get_data(as_text=True).lower()
    )
    assert db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "advert.section_changed")
    )


def test_check_button_shows_the_check_without_saving(hr_with_vacancy):
    client, _user, vacancy = hr_with_vacancy
    _start(client, vacancy)
    url = f"/vacancies/{vacancy.id}/advert/sections/what_we_value"
    response = submit_form(
        client,
        url,
        {
            "heading": "What we value",
            "body": "We want an aggressive, dominant, competitive leader.",
            "lock_version": vacancy.advert.lock_version,
            "check": "Check the language",
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "aggressive" in page and "not saved yet" in page
    assert len(db.session.scalars(select(AdvertVersion)).all()) == 1


def test_section_errors_keep_the_text(hr_with_vacancy):
    client, _user, vacancy = hr_with_vacancy
    _start(client, vacancy)
    url = f"/vacancies/{vacancy.id}/advert/sections/the_role"
    response = submit_form(
        client,
        url,
        {
            "heading": "",
            "body": "My unsaved words",
            "lock_version": vacancy.advert.lock_version,
            "submit": "Save section",
        },
    )
    page = response.get_data(as_text=True)
    assert "Enter a heading for this section" in page and "My unsaved words" in page
    too_long = submit_form(
        client,
        url,
        {
            "heading": "The role",
            "body": "x" * 20_001,
            "lock_version": vacancy.advert.lock_version,
            "submit": "Save section",
        },
    )
    assert "characters or fewer" in too_long.get_data(as_text=True)


def test_stale_section_save_is_refused_and_keeps_the_text(hr_with_vacancy):
    client, _user, vacancy = hr_with_vacancy
    _start(client, vacancy)
    stale = vacancy.advert.lock_version
    vacancy.advert.is_finished = True
    db.session.commit()
    url = f"/vacancies/{vacancy.id}/advert/sections/the_role"
    response = submit_form(
        client,
        url,
        {
            "heading": "The role",
            "body": "My words",
            "lock_version": stale,
            "submit": "Save section",
        },
    )
    page = response.get_data(as_text=True)
    assert "Someone else saved a new version" in page and "My words" in page
    assert len(db.session.scalars(select(AdvertVersion)).all()) == 1


def _save_hostile_section(client, vacancy) -> None:  # type: ignore[no-untyped-def]
    url = f"/vacancies/{vacancy.id}/advert/sections/the_role"
    response = submit_form(
        client,
        url,
        {
            "heading": "The role 🚸",
            "body": HOSTILE,
            "lock_version": vacancy.advert.lock_version,
            "submit": "Save section",
        },
    )
    assert response.status_code == 302


def test_hostile_text_is_escaped_on_every_page(hr_with_vacancy):
    client, _user, vacancy = hr_with_vacancy
    _start(client, vacancy)
    _save_hostile_section(client, vacancy)
    for path in ("", "/check", "/versions/2", "/sections/the_role"):
        response = client.get(f"/vacancies/{vacancy.id}/advert{path}")
        page = response.get_data(as_text=True)
        assert response.status_code == 200, path
        assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_word_export_reopens_with_headings_title_and_organisation(hr_with_vacancy):
    client, _user, vacancy = hr_with_vacancy
    _start(client, vacancy)
    _save_hostile_section(client, vacancy)
    response = client.get(f"/vacancies/{vacancy.id}/advert/download/docx")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "attachment" in response.headers["Content-Disposition"]
    document = Document(io.BytesIO(response.data))
    assert document.core_properties.title == vacancy.title
    assert document.core_properties.language == "en-GB"
    header_text = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "Testshire Council" in header_text
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 2")]
    assert "The role 🚸" in headings and len(headings) >= len(SECTION_KEYS)
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "advert.exported"))


def test_html_and_text_exports(hr_with_vacancy):
    client, _user, vacancy = hr_with_vacancy
    _start(client, vacancy)
    _save_hostile_section(client, vacancy)
    html = client.get(f"/vacancies/{vacancy.id}/advert/download/html").get_data(as_text=True)
    assert (
        "<script>" not in html
        and "&lt;script&gt;" in html
        and html.count("<h2>") >= len(SECTION_KEYS)
    )
    text = client.get(f"/vacancies/{vacancy.id}/advert/download/txt").get_data(as_text=True)
    assert "Director of Children's Services" in text and "\x00" not in text
    assert client.get(f"/vacancies/{vacancy.id}/advert/download/exe").status_code == 404


def test_download_filename_is_safe_for_awkward_titles(bank, signed_in):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(
        user, with_advert=True, title='Directeur\r\nde l\'Enfance – Sérvices "X"/Y'
    )
    response = client.get(f"/vacancies/{vacancy.id}/advert/download/docx")
    disposition = response.headers["Content-Disposition"]
    assert response.status_code == 200
    assert (
        "\n" not in disposition
        and "\r" not in disposition
        and "/" not in disposition.split("filename")[1]
    )


def test_mark_ready_and_changes_reopen_it(hr_with_vacancy):
    client, _user, vacancy = hr_with_vacancy
    _start(client, vacancy)
    token = csrf_token_from(client.get(f"/vacancies/{vacancy.id}/advert").get_data(as_text=True))
    client.post(f"/vacancies/{vacancy.id}/advert/ready", data={"csrf_token": token})
    db.session.refresh(vacancy.advert)
    assert vacancy.advert.is_finished
    assert "Completed" in client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
    _save_hostile_section(client, vacancy)
    db.session.refresh(vacancy.advert)
    assert not vacancy.advert.is_finished


def test_self_assessment_prompts_can_be_left_out(hr_with_vacancy):
    client, _user, vacancy = hr_with_vacancy
    _start(client, vacancy)
    with_prompts = client.get(f"/vacancies/{vacancy.id}/advert/download/txt").get_data(as_text=True)
    token = csrf_token_from(client.get(f"/vacancies/{vacancy.id}/advert").get_data(as_text=True))
    client.post(
        f"/vacancies/{vacancy.id}/advert/self-assessment",
        data={"csrf_token": token, "lock_version": vacancy.advert.lock_version},
    )
    without = client.get(f"/vacancies/{vacancy.id}/advert/download/txt").get_data(as_text=True)
    assert len(without) < len(with_prompts)
    assert (
        db.session.scalar(
            select(AdvertVersion).where(AdvertVersion.number == 2)
        ).include_self_assessment
        is False
    )


@pytest.mark.parametrize("role", [Role.PANEL, Role.REVIEWER])
def test_panel_and_reviewers_cannot_reach_adverts(bank, signed_in, make_user, role):
    client, _user = signed_in(role)
    vacancy = make_vacancy(make_user(Role.HR), with_advert=True)
    for path in ("", "/check", "/download/docx", "/versions"):
        assert client.get(f"/vacancies/{vacancy.id}/advert{path}").status_code == 403


def test_export_command_writes_each_format(app, bank, make_user, tmp_path):
    vacancy = make_vacancy(make_user(Role.HR), with_advert=True)
    runner = app.test_cli_runner()
    for suffix in ("docx", "html", "txt"):
        out = tmp_path / f"advert.{suffix}"
        result = runner.invoke(
            args=["export", "advert", "--vacancy", str(vacancy.id), "--out", str(out)]
        )
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000
    assert Document(str(tmp_path / "advert.docx")).core_properties.title == vacancy.title
    wrong = runner.invoke(
        args=["export", "advert", "--vacancy", "999", "--out", str(tmp_path / "x.docx")]
    )
    assert wrong.exit_code != 0 and "does not exist" in wrong.output
    bad_suffix = runner.invoke(
        args=["export", "advert", "--vacancy", str(vacancy.id), "--out", str(tmp_path / "x.pdf")]
    )
    assert bad_suffix.exit_code != 0 and ".docx, .html or .txt" in bad_suffix.output


def test_demo_campaign_has_a_finished_dcs_advert_and_is_idempotent(app):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo"]).exit_code == 0
    assert runner.invoke(args=["demo"]).exit_code == 0
    from recruit.models import Vacancy

    # The demo's past year of vacancies has no adverts: the DCS campaign's is the only one.
    vacancies = db.session.scalars(select(Vacancy).where(Vacancy.advert.has())).all()
    assert len(vacancies) == 1
    assert vacancies[0].innovation == "family_safeguarding" and vacancies[0].role_level == "dcs"
    assert vacancies[0].advert.is_finished and len(vacancies[0].advert.versions) == 1
