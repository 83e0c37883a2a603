"""The main journeys with the keyboard alone in Chromium: axe on each page, then the database.

Each journey moves by Tab, arrow keys, Space and Enter; ``focus()`` stands in for tabbing
to a control further down the page. Sign-in itself is covered in test_shell.py.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import (
    Advert,
    AgreedScore,
    AuditEvent,
    CandidateDecision,
    CandidateStatus,
    Outcome,
    PanelRole,
    PlanItem,
    Role,
    StageModeration,
    TargetProfile,
    Vacancy,
    VacancyStatus,
)
from tests.browser.test_scoring_browser import _stage as issued_stage
from tests.browser.test_shell import _sign_in
from tests.support.factories import (
    make_candidate,
    make_issued_stage,
    make_stage,
    make_vacancy,
    submit_sheet,
)

pytestmark = pytest.mark.browser

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]


def _focus(page, target) -> None:  # type: ignore[no-untyped-def]
    # GOV.UK Frontend moves focus to a success banner when it starts, at the end of the page
    # load: focusing before then, on a slow machine, would lose the keys that follow.
    page.wait_for_load_state("load")
    target.focus()


def _press(page, target, key: str = "Enter") -> None:  # type: ignore[no-untyped-def]
    _focus(page, target)
    page.keyboard.press(key)


def _retype(page, target, text: str) -> None:  # type: ignore[no-untyped-def]
    _focus(page, target)
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(text)


def _type_vacancy(page) -> None:  # type: ignore[no-untyped-def]
    """From the job title, Tab through every field of the new vacancy form."""
    _focus(page, page.get_by_label("Job title"))
    page.keyboard.type("Head of Service, No Wrong Door")
    page.keyboard.press("Tab")  # role level: the arrows move through the options
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Role level")).to_have_value("head_of_service")
    for text, arrow in [
        ("Children and Families", "ArrowDown"),  # innovation: none chosen, so 1st -> 2nd
        ("£78,000 to £84,000", "ArrowRight"),  # contract: Permanent -> Fixed term
    ]:
        page.keyboard.press("Tab")
        page.keyboard.type(text)
        page.keyboard.press("Tab")
        page.keyboard.press(arrow)
    for text in [
        "Northallerton", "27", "3", "2027", "14 April 2027", "Assistant Director", "NYC-HS-0031",
    ]:  # fmt: skip
        page.keyboard.press("Tab")
        page.keyboard.type(text)
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")  # status: Draft -> Open
    for label in ("No Wrong Door", "Fixed term", "Open"):
        expect(page.get_by_label(label, exact=True)).to_be_checked()


def _edit_the_role_section(page, axe_check) -> None:  # type: ignore[no-untyped-def]
    _press(page, page.get_by_role("link", name="Advert", exact=True))
    expect(page.get_by_role("heading", name="Write the advert")).to_be_visible()
    axe_check(page)
    _press(page, page.get_by_role("button", name="Create the draft advert"))
    # Drafting checks every section's language: seconds on a loaded machine, so this wait
    # is longer than the default five (a wait, not a speed target).
    expect(page.get_by_text("Draft advert created")).to_be_visible(timeout=20_000)
    axe_check(page)
    _press(page, page.get_by_role("link", name="Change The role"))
    expect(page.get_by_role("heading", name="Change ‘The role’")).to_be_visible()
    axe_check(page)
    _retype(page, page.get_by_label("Text"), "You will lead our No Wrong Door hubs.")
    page.keyboard.press("Shift+Tab")  # back to the heading
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type("The job")
    page.keyboard.press("Enter")  # the form's first button: Save section
    expect(page.get_by_text("‘The job’ saved as version 2")).to_be_visible()
    expect(page.get_by_text("You will lead our No Wrong Door hubs.")).to_be_visible()
    axe_check(page)


def test_hr_creates_a_vacancy_and_edits_its_advert_with_the_keyboard(
    page, bank, make_user, live_server, axe_check
):
    email = str(make_user(Role.HR, name="Harriet HR").email)
    db.session.close()
    _sign_in(page, live_server, email)
    page.goto(f"{live_server}/vacancies")
    axe_check(page)
    _press(page, page.get_by_role("button", name="Create a vacancy"))
    expect(page.get_by_role("heading", name="Create a vacancy")).to_be_visible()
    axe_check(page)
    _type_vacancy(page)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Head of Service, No Wrong Door")).to_be_visible()
    expect(page.get_by_text("Vacancy ‘Head of Service, No Wrong Door’ created")).to_be_visible()
    axe_check(page)
    _edit_the_role_section(page, axe_check)

    vacancy = db.session.scalars(select(Vacancy)).one()
    assert (vacancy.title, vacancy.role_level, vacancy.innovation, vacancy.contract) == (
        "Head of Service, No Wrong Door",
        "head_of_service",
        "no_wrong_door",
        "fixed_term",
    )
    assert vacancy.status is VacancyStatus.OPEN
    assert vacancy.closing_date == date(2027, 3, 27)
    assert (vacancy.hiring_manager, vacancy.job_reference) == ("Assistant Director", "NYC-HS-0031")
    advert = db.session.scalars(select(Advert)).one()
    assert advert.current_version_number == 2
    role = next(s for s in advert.current.sections if s["key"] == "the_role")
    assert (role["heading"], role["body"]) == ("The job", "You will lead our No Wrong Door hubs.")


def _add_first_found(page, live_server: str, plan_url: str, nth: int, key: str) -> str:  # type: ignore[no-untyped-def]
    """Tick the ``nth`` question with Space, then press ``key`` on the add button."""
    _press(page, page.get_by_role("button", name="Add questions from the bank"))
    expect(page.get_by_role("heading", name="Add questions to the plan")).to_be_visible()
    box = page.locator("input[name=question_id]").nth(nth)
    question_id = str(box.get_attribute("value"))
    _press(page, box, "Space")
    expect(box).to_be_checked()
    _press(page, page.locator("#add-chosen"), key)
    page.wait_for_url(f"{live_server}{plan_url}")
    expect(page.get_by_text("Added to the plan:")).to_be_visible()
    return question_id


def test_hr_builds_an_interview_plan_with_the_keyboard(
    page, bank, make_user, live_server, axe_check
):
    hr = make_user(Role.HR, name="Harriet HR")
    vacancy = make_vacancy(hr)
    stage = make_stage(vacancy, duration_minutes=60)
    email, stage_id = str(hr.email), stage.id
    plan_url = f"/vacancies/{vacancy.id}/stages/{stage.id}/plan"
    db.session.close()
    _sign_in(page, live_server, email)
    page.goto(f"{live_server}{plan_url}")
    expect(page.locator("#empty-plan")).to_contain_text("This plan has no questions yet.")
    axe_check(page)
    first = _add_first_found(page, live_server, plan_url, 0, "Enter")
    axe_check(page)
    second = _add_first_found(page, live_server, plan_url, 1, "Space")
    with page.expect_navigation():  # back to the same page, so wait for the load
        _press(page, page.get_by_role("button", name="Move down question 1"))
    _retype(page, page.get_by_label("Minutes for question 2"), "25")
    _press(page, page.get_by_role("button", name="Save minutes"))
    expect(page.get_by_text("Minutes saved")).to_be_visible()
    expect(page.get_by_label("Minutes for question 2")).to_have_value("25")
    # Enter in a minutes box saves the minutes: it must not move or remove a question.
    _retype(page, page.get_by_label("Minutes for question 1"), "12")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_text("Minutes saved")).to_be_visible()
    expect(page.get_by_label("Minutes for question 1")).to_have_value("12")
    axe_check(page)

    items = db.session.scalars(
        select(PlanItem).where(PlanItem.stage_id == stage_id).order_by(PlanItem.position)
    ).all()
    assert [item.question_id for item in items] == [second, first]
    assert [item.minutes for item in items] == [12, 25]


def _moderation_setup(app, make_user):  # type: ignore[no-untyped-def]
    chair, member = make_user(Role.PANEL, name="Chair"), make_user(Role.PANEL, name="Member")
    vacancy, stage, amara = issued_stage(app, make_user, member, chair)
    submit_sheet(stage, chair, amara, [4, 4])
    submit_sheet(stage, member, amara, [4, 5])
    db.session.add(StageModeration(stage_id=stage.id))
    db.session.commit()
    url = f"/vacancies/{vacancy.id}/stages/{stage.id}/moderation"
    return str(chair.email), url, stage.id, amara.id


def test_the_chair_records_a_moderation_outcome_with_the_keyboard(
    app, page, bank, make_user, live_server, axe_check
):
    email, url, stage_id, amara_id = _moderation_setup(app, make_user)
    db.session.close()  # the live server writes next: hold no transaction open
    _sign_in(page, live_server, email)
    page.goto(f"{live_server}{url}")
    axe_check(page)
    _press(page, page.get_by_role("link", name=re.compile("^Record moderation")).first)
    expect(page.get_by_role("heading", name=re.compile("^Moderate"))).to_be_visible()
    axe_check(page)
    save = page.get_by_role("button", name="Save the moderation record")
    _press(page, save)
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Choose an outcome")
    expect(summary).to_be_focused()
    axe_check(page)
    _press(page, summary.get_by_role("link", name="Choose an outcome"))
    expect(page.get_by_label("Appointable", exact=True)).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Reserve", exact=True)).to_be_checked()
    page.keyboard.press("Tab")
    page.keyboard.type("Strong on decisions; values evidence thinner than we need")
    _focus(page, page.locator("#agreed_decisions"))
    page.keyboard.type("4")
    page.keyboard.press("Tab")
    page.keyboard.type("Her answer on owning risk was the strongest we heard")
    _press(page, save)
    expect(page.get_by_text("Moderation record saved for")).to_be_visible()
    axe_check(page)

    decision = db.session.scalars(
        select(CandidateDecision).where(CandidateDecision.candidate_id == amara_id)
    ).one()
    assert (decision.stage_id, decision.outcome) == (stage_id, Outcome.RESERVE)
    assert decision.reasons.startswith("Strong on decisions")
    agreed = db.session.scalars(select(AgreedScore)).one()
    assert (agreed.attribute, agreed.agreed, agreed.formula_score) == ("decisions", 4.0, 4.5)
    assert agreed.rationale == "Her answer on owning risk was the strongest we heard"


def _comparison_setup(app, make_user):  # type: ignore[no-untyped-def]
    vacancy = make_vacancy(make_user(Role.HR))
    chair, member = make_user(Role.PANEL), make_user(Role.PANEL)
    stage = make_issued_stage(
        app,
        vacancy,
        seats=[(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER)],
        questions=QUESTIONS,
    )
    for first, last, scores, status in (
        ("Amara", "Okafor", [5, 3], CandidateStatus.SHORTLISTED),
        ("Tom", "Reid", [3, 5], CandidateStatus.SHORTLISTED),
        ("Priya", "Shah", [4, 4], CandidateStatus.APPLIED),
    ):
        candidate = make_candidate(vacancy, first, last, status=status)
        submit_sheet(stage, chair, candidate, scores)
        submit_sheet(stage, member, candidate, scores)
    db.session.add(StageModeration(stage_id=stage.id))
    db.session.commit()
    return vacancy.id


def test_the_dcs_compares_the_shortlist_with_the_keyboard(
    app, page, bank, make_user, live_server, axe_check
):
    vacancy_id = _comparison_setup(app, make_user)
    email = str(make_user(Role.HR, name="Harriet Okafor").email)
    db.session.close()
    _sign_in(page, live_server, email)
    page.goto(f"{live_server}/vacancies/{vacancy_id}/comparison")
    expect(page.get_by_role("heading", name="Shortlist comparison")).to_be_visible()
    axe_check(page)
    _press(page, page.get_by_role("link", name="Set the target levels"))
    expect(page.get_by_role("heading", name="Target levels")).to_be_visible()
    axe_check(page)
    values = page.get_by_role("group", name="Leadership and change driven by values")
    _press(page, values.get_by_label("Exceptional"), "Space")
    expect(values.get_by_label("Exceptional")).to_be_checked()
    _focus(
        page,
        page.get_by_label(
            "Why the role needs this level on Leadership and change driven by values"
        ),
    )
    page.keyboard.type("The DCS sets the tone for every practitioner")
    _press(page, page.get_by_role("button", name="Save the target levels"))
    expect(page.get_by_text("Target levels saved.")).to_be_visible()
    _press(page, page.get_by_role("checkbox", name="Priya Shah (C-03)"), "Space")
    expect(page.get_by_role("checkbox", name="Priya Shah (C-03)")).to_be_checked()
    _press(page, page.get_by_role("checkbox", name="Amara Okafor (C-01)"), "Space")
    expect(page.get_by_role("checkbox", name="Amara Okafor (C-01)")).not_to_be_checked()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"candidate=C-02&candidate=C-03"))
    header = page.locator("table thead").first
    expect(header).to_contain_text("Priya Shah")
    expect(header).not_to_contain_text("Amara Okafor")
    expect(page.get_by_text("below target").first).to_be_visible()
    axe_check(page)
    with page.expect_download() as download:
        _press(page, page.get_by_role("link", name=re.compile("briefing pack")))
    assert download.value.suggested_filename.endswith(".docx")

    target = db.session.scalars(select(TargetProfile)).one()
    assert (target.vacancy_id, target.levels) == (vacancy_id, {"values": 5})
    assert target.reasons == {"values": "The DCS sets the tone for every practitioner"}
    export = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "comparison.exported")
    ).one()
    assert export.detail["candidates"] == ["C-02", "C-03"]
