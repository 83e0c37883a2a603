"""An advert draft from the vacancy as set up: its person specification's essentials, its
real stages, and the organisation's own statements from its settings."""

from __future__ import annotations

import pytest

from recruit.config import ConfigurationError, load_config
from recruit.extensions import db
from recruit.models import PanelRole, PersonSpecCriterion, Role, StageRole, StageType
from tests.support.factories import make_stage, make_vacancy
from tests.support.forms import csrf_token_from

SETTINGS = {
    "EQUALITY_STATEMENT": "We want our leaders to reflect the children and families we serve.",
    "GUARANTEED_INTERVIEWS": ("disability_confident", "care_leavers"),
    "RECRUITMENT_CONTACT": "the recruitment team at recruitment@testshire.gov.uk",
    "ADVERT_OFFER": "We offer the Local Government Pension Scheme and flexible working.",
    "RIGHT_TO_WORK_STATEMENT": "We cannot sponsor a Skilled Worker visa for this post.",
}


def _draft(client, vacancy) -> dict[str, str]:  # type: ignore[no-untyped-def]
    page = client.get(f"/vacancies/{vacancy.id}/advert").get_data(as_text=True)
    response = client.post(
        f"/vacancies/{vacancy.id}/advert/start", data={"csrf_token": csrf_token_from(page)}
    )
    assert response.status_code == 302
    db.session.refresh(vacancy)
    return {section["key"]: section["body"] for section in vacancy.advert.current.sections}


def test_a_draft_reads_the_vacancys_stages_needs_and_the_councils_statements(
    app, bank, signed_in, make_user
):  # type: ignore[no-untyped-def]
    client, hr = signed_in(Role.HR)
    app.config.update(SETTINGS)
    vacancy = make_vacancy(hr, title="Team Manager", role_level="team_manager")
    chair = make_user(Role.PANEL)
    make_stage(
        vacancy,
        name="Young people",
        stage_type=StageType.YOUNG_PEOPLES_PANEL,
        role=StageRole.ADVISORY,
        seats=[(chair, PanelRole.CHAIR)],
    )
    make_stage(vacancy, seats=[(chair, PanelRole.CHAIR)])  # a final panel, which decides
    for position, (text, essential, assessed_by) in enumerate(
        [
            ("An enhanced DBS check.", True, ["check"]),
            ("Experience of supervising social workers on child protection work.", True,
             ["application", "interview"]),
            ("A driving licence.", False, ["application"]),
        ],
        start=1,
    ):  # fmt: skip
        vacancy.criteria.append(
            PersonSpecCriterion(
                position=position, text=text, essential=essential, assessed_by=assessed_by
            )
        )
    db.session.commit()

    sections = _draft(client, vacancy)
    assert sections["what_you_will_bring"] == (
        "You will need:\n- Experience of supervising social workers on child protection work."
    )
    assessed = sections["how_we_assess"]
    assert "You will also meet a young people's panel, who advise the panel that appoints." in (
        assessed
    )
    assert "The decision is made at the final panel interview." in assessed
    assert "stakeholder" not in assessed and "elected members" not in assessed
    apply = sections["how_to_apply"]
    assert SETTINGS["EQUALITY_STATEMENT"] in apply
    assert (
        "We guarantee an interview to disabled applicants (we are a Disability Confident "
        "employer) and care leavers (we are their corporate parents) who meet the essential "
        "criteria." in apply
    )
    assert f"For questions about applying, contact {SETTINGS['RECRUITMENT_CONTACT']}." in apply
    assert SETTINGS["ADVERT_OFFER"] in sections["practical_details"]
    assert SETTINGS["RIGHT_TO_WORK_STATEMENT"] in sections["safer_recruitment"]


def test_without_statements_the_draft_keeps_its_defaults(bank, signed_in):  # type: ignore[no-untyped-def]
    client, hr = signed_in(Role.HR)
    sections = _draft(client, make_vacancy(hr))
    assert "We welcome applications from everyone" in sections["how_to_apply"]
    assert "guaranteed" not in sections["how_to_apply"].lower()
    assert "We will tell shortlisted candidates about each stage" in sections["how_we_assess"]


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("GUARANTEED_INTERVIEWS", "care_leavers, veterans", "'veterans' is not one"),
        ("EQUALITY_STATEMENT", "x" * 601, "must be 600 characters or fewer"),
        ("RIGHT_TO_WORK_STATEMENT", "x" * 601, "must be 600 characters or fewer"),
    ],
)
def test_a_statement_setting_is_refused_at_start_up_in_words(
    monkeypatch, tmp_path, name, value, message
):  # type: ignore[no-untyped-def]
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigurationError, match=message):
        load_config(str(tmp_path))


def test_guaranteed_interview_schemes_are_read_in_order_once(monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("GUARANTEED_INTERVIEWS", " Care_Leavers ,disability_confident,care_leavers")
    config = load_config(str(tmp_path))
    assert config["GUARANTEED_INTERVIEWS"] == ("care_leavers", "disability_confident")
