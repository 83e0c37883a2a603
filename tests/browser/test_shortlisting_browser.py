"""Shortlisting scrutiny in Chromium: HR notes a gap for a stage's panel (an error first),
records the decision per essential criterion (a refusal first), and the panel member of
that stage reads the gap on the score sheet; axe on each page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from recruit.extensions import db
from recruit.models import PersonSpecCriterion
from tests.browser.test_shell import _sign_in
from tests.support.panel_web import build_panel

pytestmark = pytest.mark.browser


def test_hr_scrutinises_and_the_panel_reads_the_point(
    page, app, bank, make_user, live_server, axe_check
):
    panel = build_panel(app, make_user)
    vacancy_id, stage_id, amara_id = panel.stage.vacancy_id, panel.stage.id, panel.amara.id
    db.session.add(
        PersonSpecCriterion(
            vacancy_id=vacancy_id, position=1, text="Social Work England registration",
            essential=True, assessed_by=["application"],
        )
    )  # fmt: skip
    db.session.commit()
    _sign_in(page, live_server, str(panel.hr.email))
    page.goto(f"{live_server}/vacancies/{vacancy_id}/shortlisting")
    axe_check(page)
    page.get_by_role("link", name="Amara Okafor (C-01)").click()
    axe_check(page)

    page.get_by_role("button", name="Note a gap or discrepancy").click()
    page.get_by_label("Gap in employment").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Enter the date the gap started").first).to_be_visible()
    axe_check(page)
    for legend, (day, month, year) in (("From", ("1", "3", "2019")), ("To", ("30", "9", "2019"))):
        group = page.get_by_role("group", name=legend, exact=True)
        group.get_by_label("Day").fill(day)
        group.get_by_label("Month").fill(month)
        group.get_by_label("Year").fill(year)
    page.get_by_label("What you noticed").fill("No employment listed between two posts")
    page.get_by_label("What the panel should explore").fill("Ask about March to September 2019")
    page.get_by_label("Final panel").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Gap in employment saved")).to_be_visible()
    expect(page.get_by_text("(about 6 months)")).to_be_visible()
    axe_check(page)

    page.get_by_role("button", name="Record the decision").click()
    page.get_by_label("Not met").check()
    page.get_by_label("Shortlist", exact=True).check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("does not meet an essential criterion").first).to_be_visible()
    axe_check(page)
    page.get_by_label("Met", exact=True).check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Decision recorded: C-01 shortlisted")).to_be_visible()
    axe_check(page)

    page.context.clear_cookies()
    _sign_in(page, live_server, str(panel.member.email))
    page.goto(f"{live_server}/interviews/{stage_id}/candidates/{amara_id}/score")
    points = page.locator("#points-to-explore")
    expect(points).to_contain_text("Ask about March to September 2019")
    axe_check(page)
