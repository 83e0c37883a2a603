"""A leader builds a profile; the DCS sets a target and compares the shortlist; axe on each."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from recruit.extensions import db
from recruit.models import (
    CandidateStatus,
    FeedbackRequest,
    LeadershipProfile,
    PanelRole,
    Role,
    StageModeration,
)
from tests.browser.test_shell import _sign_in
from tests.support.factories import (
    make_candidate,
    make_issued_stage,
    make_vacancy,
    submit_sheet,
)

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


def test_a_leader_asks_a_colleague_who_answers_once(page, bank, make_user, live_server, axe_check):
    leader = make_user(Role.PANEL, name="Margaret Hale")
    colleague = make_user(Role.PANEL, name="Priya Shah")
    make_user(Role.HR, name="Harriet Okafor")  # reads shared profiles: not offered
    profile = LeadershipProfile(owner_id=leader.id, title="My leadership, 2026")
    db.session.add(profile)
    db.session.commit()
    leader_email, colleague_email, profile_id = str(leader.email), str(colleague.email), profile.id
    db.session.close()
    _sign_in(page, live_server, leader_email)
    page.goto(f"{live_server}/profiles/{profile_id}/feedback")
    page.get_by_role("button", name="Ask for feedback").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a colleague to ask")
    axe_check(page)
    picker = page.get_by_label("Colleague")
    assert picker.locator("option").all_inner_texts() == ["Choose a colleague", "Priya Shah"]
    picker.select_option(label="Priya Shah")
    page.get_by_role("button", name="Ask for feedback").click()
    expect(page.get_by_text("Your colleague has been asked for feedback.")).to_be_visible()
    expect(page.get_by_text("1 colleague has been asked and none has responded.")).to_be_visible()
    assert "Priya Shah" not in page.content()
    axe_check(page)
    page.context.clear_cookies()
    _sign_in(page, live_server, colleague_email)
    page.goto(f"{live_server}/profiles")
    page.get_by_role("link", name="Margaret Hale").click()
    # locator.all() does not wait: let the feedback form load before collecting its radios.
    fours = page.locator("input[type=radio][value='4']")
    expect(fours).to_have_count(5)
    for radio in fours.all():
        radio.check()
    page.get_by_role("button", name="Send your feedback").click()
    expect(page.get_by_text("Thank you: your feedback was sent.")).to_be_visible()
    page.get_by_role("link", name="Margaret Hale").click()
    expect(page.get_by_text("It cannot be changed now")).to_be_visible()
    expect(page.get_by_role("button", name="Send your feedback")).to_have_count(0)
    axe_check(page)
    assert db.session.query(FeedbackRequest).one().ratings is not None


def test_the_dcs_sets_a_target_and_compares(app, page, bank, make_user, live_server, axe_check):
    vacancy = make_vacancy(make_user(Role.HR))
    chair, member = make_user(Role.PANEL), make_user(Role.PANEL)
    stage = make_issued_stage(
        app,
        vacancy,
        seats=[(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER)],
        questions=["values-personal-values-01", "decisions-own-risk-01"],
    )
    for first, last, scores in (("Amara", "Okafor", [5, 3]), ("Tom", "Reid", [3, 5])):
        candidate = make_candidate(vacancy, first, last, status=CandidateStatus.SHORTLISTED)
        submit_sheet(stage, chair, candidate, scores)
        submit_sheet(stage, member, candidate, scores)
    db.session.add(StageModeration(stage_id=stage.id))
    db.session.commit()
    # The deciding panel's chair sets the target levels for it.
    email, vacancy_id = str(chair.email), vacancy.id
    db.session.close()
    _sign_in(page, live_server, email)
    page.goto(f"{live_server}/vacancies/{vacancy_id}/comparison")
    expect(page.get_by_role("heading", name="Shortlist comparison")).to_be_visible()
    # The plan asks about two attributes of the five the stage weights: no ranks yet.
    expect(page.locator("#incomplete")).to_contain_text("not assessed at the Final panel")
    axe_check(page)
    page.get_by_role("link", name="Set the target levels").click()
    values = page.get_by_role("group", name="Leadership and change driven by values")
    values.get_by_label("Strong").check()
    page.get_by_role("button", name="Save the target levels").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Say why the role needs Strong on Leadership and change driven by values"
    )
    axe_check(page)
    page.get_by_label(
        "Why the role needs this level on Leadership and change driven by values"
    ).fill("The DCS sets the tone for every practitioner")
    page.get_by_role("button", name="Save the target levels").click()
    expect(page.get_by_text("below target").first).to_be_visible()
    expect(page.get_by_text("Tom Reid (C-02): Values-driven reads as Sound (3.0)")).to_be_visible()
    page.get_by_role("link", name="Evidence for and concerns: Tom Reid (C-02)").click()
    expect(
        page.get_by_role("heading", name="Evidence for and concerns: Tom Reid (C-02)")
    ).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("Strongest evidence")
    axe_check(page)
    page.get_by_role("link", name="Back to the shortlist comparison").first.click()
    expect(page.get_by_role("heading", name="Shortlist comparison")).to_be_visible()
    page.get_by_label("Order by").select_option("decisions")
    page.get_by_role("button", name="Update the comparison").click()
    header = page.locator("table thead").first.inner_text()
    assert header.index("Tom Reid") < header.index("Amara Okafor")
    axe_check(page)
    assert page.url.startswith(f"{live_server}/vacancies/{vacancy_id}/comparison")
    # Every candidate gets a column of the same width, whatever tags one of them carries.
    widths = page.locator("table.app-comparison-table thead th").evaluate_all(
        "cells => cells.map(cell => cell.getBoundingClientRect().width)"
    )
    candidate_widths = widths[2:]  # after the measure and the target
    assert len(candidate_widths) == 2
    assert max(candidate_widths) - min(candidate_widths) < 1
