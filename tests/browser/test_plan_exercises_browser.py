"""HR puts an exercise in a stage's plan in Chromium, issues the plan and finds the
candidate brief, then reads the vacancy's timetable; axe on each page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from recruit.models import PanelRole, Role
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
