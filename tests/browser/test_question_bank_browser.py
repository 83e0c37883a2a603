"""The question bank pages in Chromium: filtering, reading, editing; axe on each page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from recruit.models import Role
from tests.browser.test_shell import _sign_in

pytestmark = pytest.mark.browser


def test_find_and_read_a_question(page, bank, make_user, live_server, axe_check):
    email = str(make_user(Role.PANEL, name="Panel Chair").email)
    _sign_in(page, live_server, email)
    page.get_by_role("link", name="Question bank").click()
    expect(page).to_have_title(re.compile(r"^Question\ bank"))
    axe_check(page)
    page.get_by_role("checkbox", name="Family Valued").check()
    page.get_by_role("checkbox", name="Changing how decisions are made").check()
    page.get_by_role("button", name="Apply filters").first.click()
    heading = page.locator("#results-heading").inner_text()
    expected = len(bank.questions_for(attribute="decisions", innovation="family_valued"))
    assert heading.startswith(f"{expected} question")
    axe_check(page)
    page.locator(".app-result a").first.click()
    expect(page.get_by_role("heading", name="Follow-up probes")).to_be_visible()
    expect(page.get_by_role("table").first).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Leadership attributes").click()
    page.get_by_text("Rating scale").first.click()
    axe_check(page)


def test_admin_edit_form_and_its_errors_pass_axe(page, bank, make_user, live_server, axe_check):
    email = str(make_user(Role.ADMIN, name="Bank Editor").email)
    _sign_in(page, live_server, email)
    page.goto(f"{live_server}/questions/decisions-own-risk-01/edit")
    axe_check(page)
    page.get_by_label("Follow-up probes").fill("Only one")
    page.get_by_role("button", name="Save question").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    summary = page.locator(".govuk-error-summary")
    assert "Enter at least 2 follow-up probes" in summary.inner_text()
    assert "Say what changed and why" in summary.inner_text()
    axe_check(page)
