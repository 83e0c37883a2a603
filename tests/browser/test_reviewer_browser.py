"""The DCS as reviewer in Chromium, with axe on each page: "Your vacancies" in the
navigation, the vacancy read-only with where the decision stands, then its panel scoring
summary and shortlist comparison."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from recruit.extensions import db
from recruit.models import (
    CandidateDecision,
    Outcome,
    PanelRole,
    Role,
    StageModeration,
    StageType,
)
from tests.browser.test_shell import _sign_in
from tests.support.factories import make_candidate, make_issued_stage, make_vacancy, submit_sheet

pytestmark = pytest.mark.browser

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]


def _reviewer_on_a_deciding_panel(app, make_user) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """A DCS on the elected-member panel that decides, in moderation with one outcome."""
    hr, chair = make_user(Role.HR), make_user(Role.PANEL, name="Cllr Sam Patel")
    dcs = make_user(Role.REVIEWER, name="Dr Ruth Adeyemi")
    vacancy = make_vacancy(hr, title="Director of Children's Services")
    make_vacancy(title="Head of Service, Fostering")  # not theirs: never listed
    stage = make_issued_stage(
        app,
        vacancy,
        name="Elected-member appointment panel",
        stage_type=StageType.ELECTED_MEMBER_PANEL,
        seats=[(chair, PanelRole.CHAIR), (dcs, PanelRole.MEMBER)],
        questions=QUESTIONS,
    )
    amara, tom = make_candidate(vacancy, "Amara", "Okafor"), make_candidate(vacancy, "Tom", "Reid")
    for candidate, scores in ((amara, [5, 4]), (tom, [3, 4])):
        submit_sheet(stage, chair, candidate, scores)
        submit_sheet(stage, dcs, candidate, scores)
    db.session.add(StageModeration(stage_id=stage.id))
    db.session.add(
        CandidateDecision(
            stage_id=stage.id,
            candidate_id=amara.id,
            outcome=Outcome.APPOINTABLE,
            reasons="Strong on values",
            recorded_by_id=chair.id,
        )
    )
    db.session.commit()
    return str(dcs.email), vacancy.id


def test_the_reviewers_vacancy_pages_pass_axe_and_reflow(
    app, page, bank, make_user, live_server, axe_check
):
    email, vacancy_id = _reviewer_on_a_deciding_panel(app, make_user)
    db.session.close()  # the live server writes next: hold no transaction open
    _sign_in(page, live_server, email)
    page.get_by_role("navigation").get_by_role("link", name="Your vacancies").click()
    expect(page.get_by_role("heading", name="Your vacancies")).to_be_visible()
    expect(page.get_by_text("Head of Service, Fostering")).to_have_count(0)
    axe_check(page)
    page.get_by_role("link", name="Director of Children's Services").click()
    assert page.url == f"{live_server}/vacancies/{vacancy_id}"
    expect(page.get_by_role("heading", name="Where the decision stands")).to_be_visible()
    expect(page.locator("#decision-progress")).to_contain_text("In moderation")
    outcomes = page.locator("#decision-outcomes")
    expect(outcomes.get_by_role("row", name="Amara Okafor (C-01) Appointable")).to_be_visible()
    expect(outcomes.get_by_role("row", name="Tom Reid (C-02) Not recorded yet")).to_be_visible()
    # Read-only: no forms, no change links, no buttons in the page's main content.
    main = page.get_by_role("main")
    expect(main.locator("form")).to_have_count(0)
    expect(main.get_by_role("link", name="Change")).to_have_count(0)
    expect(main.get_by_role("button")).to_have_count(0)
    axe_check(page)
    _assert_reflows(page)
    page.get_by_role("link", name="Read the panel scoring summary").click()
    expect(page.get_by_role("heading", name="Panel scoring summary")).to_be_visible()
    page.go_back()
    page.get_by_role("link", name="Compare the shortlist").click()
    expect(page.get_by_role("heading", name="Shortlist comparison")).to_be_visible()


def _assert_reflows(page) -> None:  # type: ignore[no-untyped-def]
    """At 320px the page must not scroll sideways (WCAG 1.4.10)."""
    page.set_viewport_size({"width": 320, "height": 800})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"the reviewer's vacancy page is {width}px wide at 320px"
    page.set_viewport_size({"width": 1280, "height": 720})
