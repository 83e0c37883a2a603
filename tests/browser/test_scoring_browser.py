"""Scoring with the keyboard alone, moderation and the summary in Chromium; axe on each page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from recruit.extensions import db
from recruit.models import PanelRole, Role, StageModeration
from tests.browser.test_shell import _sign_in
from tests.support.factories import (
    make_candidate,
    make_issued_stage,
    make_vacancy,
    submit_sheet,
)

pytestmark = pytest.mark.browser

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]


def _stage(app, make_user, member, chair):  # type: ignore[no-untyped-def]
    vacancy = make_vacancy(make_user(Role.HR))
    amara = make_candidate(vacancy, "Amara", "Okafor")
    stage = make_issued_stage(
        app,
        vacancy,
        seats=[(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER)],
        questions=QUESTIONS,
    )
    return vacancy, stage, amara


def test_a_member_scores_with_the_keyboard_alone(
    app, page, bank, make_user, live_server, axe_check
):
    member = make_user(Role.PANEL, name="Priya Shah")
    _vacancy, stage, amara = _stage(app, make_user, member, make_user(Role.PANEL))
    _sign_in(page, live_server, str(member.email))
    page.goto(f"{live_server}/interviews/{stage.id}/candidates/{amara.id}/score")
    axe_check(page)
    # Question 1: tab to the radios, arrow to score 4, tab to the note and type.
    page.get_by_label("1 – ").first.focus()
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    expect(page.get_by_label("4 – ").first).to_be_checked()
    page.keyboard.press("Tab")
    page.keyboard.type("She described a child's voice changing the plan")
    # Question 2: straight to the continue button without a score shows the errors.
    page.get_by_role("button", name="Continue to check your scores").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter a score from 1 to 5, or choose No evidence"
    )
    axe_check(page)
    expect(page.get_by_label("Evidence for question 1")).to_have_value(
        "She described a child's voice changing the plan"
    )
    page.get_by_label("No evidence").nth(1).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Continue to check your scores").focus()
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("heading", name="Check your scores for Amara Okafor (C-01)")
    ).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Submit your scores").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-panel")).to_contain_text("Scores submitted")
    axe_check(page)
    page.get_by_role("link", name="See your scores and the panel's submitted scores").click()
    expect(page.get_by_role("heading", name="Your scores for Amara Okafor (C-01)")).to_be_visible()
    axe_check(page)


def test_moderation_and_summary_pages_pass_axe(app, page, bank, make_user, live_server, axe_check):
    chair, member = make_user(Role.PANEL, name="Chair"), make_user(Role.PANEL, name="Member")
    waiting_vacancy, waiting, _ = _stage(app, make_user, member, chair)
    vacancy, stage, amara = _stage(app, make_user, member, chair)
    submit_sheet(stage, chair, amara, [1, 4])
    submit_sheet(stage, member, amara, [4, 2])
    db.session.add(StageModeration(stage_id=stage.id))
    db.session.commit()
    email = str(chair.email)
    waiting_url = f"/vacancies/{waiting_vacancy.id}/stages/{waiting.id}/moderation"
    url = f"/vacancies/{vacancy.id}/stages/{stage.id}/moderation"
    db.session.close()  # the live server writes next: hold no transaction open
    _sign_in(page, live_server, email)
    page.goto(f"{live_server}{waiting_url}")
    expect(page.get_by_role("heading", name="Scoring and moderation")).to_be_visible()
    axe_check(page)
    page.goto(f"{live_server}{url}")
    expect(page.get_by_text("Panel disagreement").first).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Record moderation").first.click()
    page.get_by_role("button", name="Save the moderation record").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose an outcome")
    axe_check(page)
    page.get_by_label("Appointable", exact=True).check()
    page.get_by_label("Reasons for the outcome").fill("Strong on decisions")
    page.get_by_label("Reason for overriding the values floor").fill("The 1 was a misreading")
    # The chair's 1 on values is a red flag: the panel records what it discussed.
    page.get_by_label("What the panel discussed about the red flag").fill(
        "The chair misread the answer; the example was in fact strong"
    )
    page.get_by_role("button", name="Save the moderation record").click()
    expect(page.get_by_text("Floor overridden").first).to_be_visible()
    page.get_by_role("link", name="See the panel scoring summary").click()
    expect(page.get_by_role("heading", name="Panel scoring summary")).to_be_visible()
    # The stages are pages of their own, reached from a strip of links, not script tabs.
    pages = page.get_by_role("navigation", name="Pages of this summary")
    expect(pages.get_by_role("link", name="All stages")).to_have_attribute("aria-current", "page")
    axe_check(page)
    _assert_summary_reflows(page)
    pages.get_by_role("link", name=re.compile("^Deciding: ")).click()
    expect(page.get_by_role("heading", name="How far the panel agreed")).to_be_visible()
    expect(pages.get_by_role("link", name=re.compile("^Deciding: "))).to_have_attribute(
        "aria-current", "page"
    )
    axe_check(page)
    _assert_summary_reflows(page)
    page.locator("table.app-results-table a").first.click()
    expect(page.get_by_role("heading", name="Strongest evidence")).to_be_visible()
    assert "Radar chart" in (page.locator("img.app-radar").first.get_attribute("alt") or "")
    axe_check(page)
    _assert_summary_reflows(page)


def _assert_summary_reflows(page) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 320, "height": 800})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{page.url} needs {width}px at 320px wide"
    page.set_viewport_size({"width": 1280, "height": 720})
