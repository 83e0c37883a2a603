"""A leader builds a profile; the DCS sets a target and compares the shortlist; axe on each."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from recruit.extensions import db
from recruit.models import CandidateStatus, PanelRole, Role, StageModeration
from recruit.stages.plan import issue_plan
from tests.browser.test_shell import _sign_in
from tests.support.factories import make_candidate, make_stage, make_vacancy, submit_sheet

pytestmark = pytest.mark.browser


def test_a_leader_builds_and_shares_a_profile(page, bank, make_user, live_server, axe_check):
    leader = make_user(Role.PANEL, name="Margaret Hale")
    email = str(leader.email)
    db.session.close()
    _sign_in(page, live_server, email)
    page.get_by_role("link", name="Leadership profiles").first.click()
    axe_check(page)
    page.get_by_role("link", name="Start a leadership profile").click()
    page.get_by_label("Name this profile").fill("My leadership, 2026")
    page.get_by_role("button", name="Start the profile").click()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a rating from 1 to 5")
    axe_check(page)
    for rating in ("5", "4", "4", "5", "3"):
        page.locator(f"input[name=rating][value='{rating}']").check()
        page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Your leadership profile is complete.")).to_be_visible()
    expect(page.get_by_text("lowest on Political buy-in")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Share the profile").click()
    expect(page.get_by_text("Shared", exact=True).first).to_be_visible()


def test_the_dcs_sets_a_target_and_compares(app, page, bank, make_user, live_server, axe_check):
    vacancy = make_vacancy(make_user(Role.HR))
    chair, member = make_user(Role.PANEL), make_user(Role.PANEL)
    stage = make_stage(
        vacancy,
        seats=[(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER)],
        questions=["values-personal-values-01", "decisions-own-risk-01"],
    )
    with app.test_request_context():
        issue_plan(stage)
    db.session.commit()
    for first, last, scores in (("Amara", "Okafor", [5, 3]), ("Tom", "Reid", [3, 5])):
        candidate = make_candidate(vacancy, first, last, status=CandidateStatus.SHORTLISTED)
        submit_sheet(stage, chair, candidate, scores)
        submit_sheet(stage, member, candidate, scores)
    db.session.add(StageModeration(stage_id=stage.id))
    db.session.commit()
    dcs = make_user(Role.REVIEWER, name="Dr Ruth Adeyemi")
    email, vacancy_id = str(dcs.email), vacancy.id
    db.session.close()
    _sign_in(page, live_server, email)
    page.get_by_role("link", name="Compare the shortlist").first.click()
    expect(page.get_by_role("heading", name="Shortlist comparison")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Set the target profile").click()
    page.get_by_label("Minimum for Leadership and change driven by values").fill("9")
    page.get_by_role("button", name="Save the target profile").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("from 1 to 5")
    axe_check(page)
    page.get_by_label("Minimum for Leadership and change driven by values").fill("4")
    page.get_by_role("button", name="Save the target profile").click()
    expect(page.get_by_text("below target").first).to_be_visible()
    page.get_by_label("Order by").select_option("decisions")
    page.get_by_role("button", name="Update the comparison").click()
    header = page.locator("table thead").first.inner_text()
    assert header.index("Tom Reid") < header.index("Amara Okafor")
    axe_check(page)
    assert page.url.startswith(f"{live_server}/vacancies/{vacancy_id}/comparison")
    # Every candidate gets a column of the same width, whatever tags one of them carries.
    widths = page.locator("table thead th").evaluate_all(
        "cells => cells.map(cell => cell.getBoundingClientRect().width)"
    )
    candidate_widths = widths[2:]  # after the measure and the target
    assert len(candidate_widths) == 2
    assert max(candidate_widths) - min(candidate_widths) < 1
