"""Safer recruitment on the advert pages: the draft's section, the check's findings, the Word file."""

from __future__ import annotations

import html
import io
import re

import pytest
from docx import Document

from recruit.extensions import db
from recruit.models import Role
from tests.support.factories import make_vacancy
from tests.support.forms import submit_form

NAMES = (
    "Commitment to safeguarding",
    "Enhanced DBS check",
    "Children's barred list check",
    "References",
    "Right to work in the UK",
)


@pytest.fixture
def hr(bank, signed_in):  # type: ignore[no-untyped-def]
    return signed_in(Role.HR)


def _findings(page: str) -> dict[str, str]:
    """Each safer recruitment statement on the page by name: "Stated" or "Missing"."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<br\s*/?>", "\n", page)))
    part = text.split("Safer recruitment statements", 1)[1].split("Gender-coded wording", 1)[0]
    found = re.findall(r"(Stated|Missing)\s+([^\n]+?)\s*\n", part)
    return {name.strip(): status for status, name in found}


def _remove_section(client, vacancy) -> None:  # type: ignore[no-untyped-def]
    """Replace the safer recruitment section, and "What you need" too: its person
    specification asks for a commitment to safeguarding, which the check rightly counts."""
    for key in ("safer_recruitment", "what_you_will_bring"):
        db.session.refresh(vacancy.advert)
        response = submit_form(
            client,
            f"/vacancies/{vacancy.id}/advert/sections/{key}",
            {
                "heading": "Working here",
                "body": "We offer flexible working and a generous leave allowance.",
                "lock_version": vacancy.advert.lock_version,
                "submit": "Save section",
            },
        )
        assert response.status_code == 302


def test_a_fresh_dcs_draft_states_every_statement_on_the_check_page(hr):  # type: ignore[no-untyped-def]
    client, user = hr
    vacancy = make_vacancy(user, with_advert=True)

    page = client.get(f"/vacancies/{vacancy.id}/advert/check").get_data(as_text=True)

    assert _findings(page) == {name: "Stated" for name in (*NAMES, "Political restriction")}
    assert "Safer recruitment:" not in page  # no suggestion to add one


def test_the_check_page_reports_every_statement_once_the_section_is_removed(hr):  # type: ignore[no-untyped-def]
    client, user = hr
    vacancy = make_vacancy(user, with_advert=True)
    _remove_section(client, vacancy)

    for path in ("/check", ""):  # the check page and the builder's side panel
        page = client.get(f"/vacancies/{vacancy.id}/advert{path}").get_data(as_text=True)
        assert _findings(page) == {name: "Missing" for name in (*NAMES, "Political restriction")}
        assert (
            "Add that the post needs an enhanced DBS check with a check of the children's barred "
            "list." in html.unescape(page)
        )


def test_a_team_manager_advert_is_not_asked_for_the_political_restriction(hr):  # type: ignore[no-untyped-def]
    client, user = hr
    vacancy = make_vacancy(user, with_advert=True, title="Team Manager", role_level="team_manager")
    text = " ".join(section["body"] for section in vacancy.advert.current.sections)
    assert "politically restricted" not in text

    page = client.get(f"/vacancies/{vacancy.id}/advert/check").get_data(as_text=True)
    assert _findings(page) == {name: "Stated" for name in NAMES}

    _remove_section(client, vacancy)
    page = client.get(f"/vacancies/{vacancy.id}/advert/check").get_data(as_text=True)
    assert _findings(page) == {name: "Missing" for name in NAMES}


def test_the_word_export_of_a_fresh_draft_contains_the_statements(hr):  # type: ignore[no-untyped-def]
    client, user = hr
    vacancy = make_vacancy(user, with_advert=True)

    response = client.get(f"/vacancies/{vacancy.id}/advert/download/docx")
    document = Document(io.BytesIO(response.data))
    text = " ".join(" ".join(paragraph.text for paragraph in document.paragraphs).split())

    assert "Safeguarding and safer recruitment" in text
    assert "Testshire Council is committed to safeguarding and promoting the welfare" in text
    for words in (
        "enhanced Disclosure and Barring Service (DBS) check",
        "a check of the children's barred list",
        "two references, one from your current or most recent employer, taken up before interview",
        "proof of your right to work in the UK",
        "This post is politically restricted",
    ):
        assert words in text
