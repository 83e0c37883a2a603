"""The decision page in Chromium, with axe: the deciding panel records and confirms, HR
records the notice to the executive, an error is shown the GOV.UK way, and the offer."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from recruit.extensions import db
from tests.browser.test_shell import _sign_in
from tests.web.test_decisions import _appointment

pytestmark = pytest.mark.browser


def test_the_decision_journey_passes_axe(app, page, bank, make_user, live_server, axe_check):
    scene = _appointment(app, make_user)
    url = f"{live_server}{scene.url}"
    leader, member, hr = (str(p.email) for p in (scene.leader, scene.member, scene.hr))
    db.session.close()  # the live server writes next: hold no transaction open

    _sign_in(page, live_server, leader)
    page.goto(url)
    axe_check(page)
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the candidate")
    axe_check(page)
    page.get_by_label("Amara Okafor (C-01)").check()
    page.get_by_label("The panel's reasons").fill("Strongest values evidence")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Decision recorded")).to_be_visible()
    axe_check(page)

    page.context.clear_cookies()
    _sign_in(page, live_server, member)
    page.goto(url)
    page.get_by_role("button", name="I confirm this is the panel's decision").click()
    expect(page.get_by_text("You confirmed the decision")).to_be_visible()

    page.context.clear_cookies()
    _sign_in(page, live_server, hr)
    page.goto(url)
    page.get_by_role("button", name="Record the notice").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    axe_check(page)
    notice = page.get_by_role("group", name="When was every member of the executive told?")
    for label, value in (("Day", "2"), ("Month", "11"), ("Year", "2026")):
        notice.get_by_label(label).fill(value)
    page.get_by_role("button", name="Record the notice").click()
    expect(page.locator("#executive-notice")).to_be_visible()
    page.get_by_role("button", name="Record that the offer was made").click()
    expect(page.locator("#offer-made")).to_be_visible()
    axe_check(page)
