"""HR creates a vacancy and builds its advert in Chromium, with axe on every page and error state."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from recruit.models import Role
from tests.browser.test_shell import _sign_in

pytestmark = pytest.mark.browser


def test_create_vacancy_and_build_the_advert(page, bank, make_user, live_server, axe_check):
    email = str(make_user(Role.HR, name="Harriet HR").email)
    _sign_in(page, live_server, email)
    page.get_by_role("link", name="Vacancies", exact=True).click()
    axe_check(page)
    page.get_by_role("button", name="Create a vacancy").click()
    page.get_by_role("button", name="Save vacancy").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert "Enter the job title" in page.locator(".govuk-error-summary").inner_text()
    axe_check(page)

    page.get_by_label("Job title").fill("Head of Service, No Wrong Door")
    page.get_by_label("Role level").select_option("head_of_service")
    page.get_by_label("Service area").fill("Children and Families")
    page.get_by_label("No Wrong Door").check()
    page.get_by_label("Salary range").fill("£78,000 to £84,000")
    page.get_by_label("Location").fill("Northallerton")
    page.get_by_label("Day").fill("27")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2027")
    page.get_by_label("Hiring manager").fill("Assistant Director")
    page.get_by_role("button", name="Save vacancy").click()
    expect(page.get_by_role("heading", name="Head of Service, No Wrong Door")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Advert").click()
    axe_check(page)
    page.get_by_role("button", name="Create the draft advert").click()
    expect(page.get_by_role("heading", name="Language check")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Change The role").click()
    body = page.get_by_label("Text")
    body.fill("We need an aggressive, dominant and competitive individual.")
    page.get_by_role("button", name="Check the language").click()
    expect(page.get_by_text("not saved yet")).to_be_visible()
    expect(page.locator(".app-check").get_by_text("aggressive").first).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Save section").click()
    expect(page.get_by_text("saved as version 2")).to_be_visible()

    page.get_by_role("link", name="See the coded words highlighted in the text").click()
    page.wait_for_url("**/advert/check")
    expect(page.locator("mark.app-mark--masculine").first).to_be_visible()
    assert page.locator("mark.app-mark--masculine").count() >= 3
    axe_check(page)
