"""HR adds a stage, a panel and an interview plan in Chromium, with axe on every page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from recruit.models import Role
from tests.browser.test_shell import _sign_in
from tests.support.factories import make_vacancy

pytestmark = pytest.mark.browser


def test_stage_panel_and_plan(page, bank, make_user, live_server, axe_check):
    hr = make_user(Role.HR, name="Harriet HR")
    chair = make_user(Role.PANEL, name="Cllr Sam Patel")
    chair_id = str(chair.id)
    vacancy_id = make_vacancy(hr).id
    _sign_in(page, live_server, str(hr.email))
    page.goto(f"{live_server}/vacancies/{vacancy_id}")
    page.get_by_role("link", name="Add a stage").click()
    axe_check(page)
    page.get_by_label("Stage name").fill("Final panel")
    page.get_by_label("Final panel interview").check()
    page.get_by_label("Time for each candidate").fill("20")
    page.get_by_role("button", name="Save stage").click()
    expect(page.get_by_role("heading", name="Final panel")).to_be_visible()
    axe_check(page)

    page.get_by_label("Person").select_option(chair_id)
    page.get_by_label("Chair").check()
    page.get_by_role("button", name="Add to the panel").click()
    expect(page.get_by_role("cell", name="Cllr Sam Patel", exact=True)).to_be_visible()

    page.get_by_role("link", name="Plan the questions").click()
    expect(page.get_by_role("heading", name=re.compile("Interview plan"))).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Add questions from the bank").click()
    axe_check(page)
    page.locator("input[name=question_id]").first.check()
    page.locator("#add-chosen").click()
    expect(page.get_by_text("Added to the plan:")).to_be_visible()
    page.get_by_role("button", name="Add questions from the bank").click()
    page.locator("input[name=question_id]").nth(1).check()
    page.locator("#add-chosen").click()
    expect(page.locator(".govuk-table__caption")).to_contain_text("of 20 minutes planned")
    expect(page.locator(".govuk-warning-text").first).to_be_visible()
    axe_check(page)
    # No safeguarding question at any stage: issuing needs a reason, and says so.
    expect(page.locator("#issue-blockers")).to_contain_text("No stage asks a safeguarding question")
    page.get_by_role("button", name="Issue the plan anyway").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "say why it should be issued anyway"
    )
    axe_check(page)
    page.get_by_label("Why issue the plan anyway?").fill("The safeguarding exercise covers it")
    page.get_by_role("button", name="Issue the plan anyway").click()
    expect(page.get_by_text("Plan issued: its questions are now fixed")).to_be_visible()
    expect(page.locator("#issue-override")).to_contain_text("The safeguarding exercise covers it")
    axe_check(page)
