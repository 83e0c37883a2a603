"""A panel member finds their interviews and declares a conflict in Chromium; axe on each page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from recruit.models import PanelRole, Role
from tests.browser.test_shell import _sign_in
from tests.support.factories import make_candidate, make_stage, make_vacancy

pytestmark = pytest.mark.browser


def test_panel_member_declares_a_conflict(page, bank, make_user, live_server, axe_check):
    member = make_user(Role.PANEL, name="Priya Shah")
    vacancy = make_vacancy(make_user(Role.HR))
    make_candidate(vacancy, "Amara", "Okafor")
    make_stage(vacancy, seats=[(member, PanelRole.MEMBER)])
    email = str(member.email)
    _sign_in(page, live_server, email)
    page.get_by_role("link", name="See your interviews and packs").click()
    expect(page.get_by_role("heading", name="Your interviews")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Declare a conflict").click()
    page.get_by_role("button", name="Declare the conflict").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Describe the conflict of interest"
    )
    axe_check(page)
    page.get_by_label("What is the conflict?").fill("I managed her until last year")
    page.get_by_role("button", name="Declare the conflict").click()
    expect(page.get_by_text("Declared: you will not score", exact=True)).to_be_visible()
    axe_check(page)
