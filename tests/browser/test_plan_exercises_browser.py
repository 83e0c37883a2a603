"""HR puts an exercise in a stage's plan in Chromium, issues the plan and finds the
candidate brief, then reads the vacancy's timetable; adds a young people's activity to a
young people's panel and records how its school day was agreed; axe on each page."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from recruit.models import PanelRole, Role, StageType
from tests.browser.test_shell import _sign_in
from tests.support.factories import make_candidate, make_stage, make_vacancy

pytestmark = pytest.mark.browser

TITLE = "Presentation: what you stand for, and how Northshire would know it in 100 days"


def test_hr_plans_an_exercise_and_finds_its_brief(page, bank, make_user, live_server, axe_check):
    hr = make_user(Role.HR, name="Harriet HR")
    chair = make_user(Role.PANEL, name="Cllr Chair")
    vacancy = make_vacancy(hr)
    make_candidate(vacancy)
    stage = make_stage(
        vacancy, seats=[(chair, PanelRole.CHAIR)], questions=["values-personal-values-01"]
    )
    _sign_in(page, live_server, str(hr.email))
    page.goto(f"{live_server}/vacancies/{vacancy.id}/stages/{stage.id}/plan")
    page.get_by_role("button", name="Add exercises").click()
    expect(page.get_by_role("heading", name="Add exercises")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name=f"Add {TITLE}").click()
    expect(page.get_by_text("added to the plan: scored on 2 attributes")).to_be_visible()
    expect(page.get_by_role("link", name=TITLE, exact=True)).to_have_count(2)
    axe_check(page)

    # No safeguarding question and no trained member here: HR issues past the gates.
    page.get_by_label("Why issue the plan anyway?").fill("This test looks at exercises only")
    page.get_by_role("button", name="Issue the plan anyway").click()
    expect(page.get_by_text("Plan issued: its questions")).to_be_visible()
    page.goto(f"{live_server}/vacancies/{vacancy.id}/stages/{stage.id}/packs")
    expect(page.locator("#candidate-brief")).to_contain_text("what you stand for")
    axe_check(page)

    page.goto(f"{live_server}/vacancies/{vacancy.id}/timetable")
    axe_check(page)


ACTIVITY = "Group conversation: workers who help the whole family"


def test_hr_adds_a_young_peoples_activity_and_records_the_agreed_school_day(
    page, bank, make_user, live_server, axe_check
):
    hr = make_user(Role.HR, name="Harriet HR")
    chair = make_user(Role.PANEL, name="Priya Chair")
    vacancy = make_vacancy(hr)  # a Family Safeguarding council
    make_candidate(vacancy)
    stage = make_stage(
        vacancy,
        name="Young people's panel",
        stage_type=StageType.YOUNG_PEOPLES_PANEL,
        held_on=datetime.date(2027, 2, 3),  # a Wednesday
        starts_at=datetime.time(10, 0),
        seats=[(chair, PanelRole.CHAIR)],
        questions=["values-personal-values-01"],
    )
    _sign_in(page, live_server, str(hr.email))
    base = f"{live_server}/vacancies/{vacancy.id}/stages/{stage.id}"
    page.goto(f"{base}/plan/exercises")
    page.get_by_role("button", name=f"Add {ACTIVITY}").click()
    expect(page.get_by_text("added to the plan: not scored")).to_be_visible()
    expect(page.locator("#plan-activities")).to_contain_text(ACTIVITY)
    axe_check(page)

    page.goto(f"{base}/edit")
    page.get_by_label("If young people on the panel would miss school").fill(
        "Agreed with the young people and their schools on 20 January."
    )
    page.get_by_role("button", name="Save stage").click()
    expect(page.locator("#school-hours-agreed")).to_contain_text("The time was agreed")
    expect(page.locator("#school-hours-warning")).to_have_count(0)
    axe_check(page)
