"""The wash-up page in Chromium, with axe: a candidate with a red flag, the evidence tables,
the error when the discussion is missing, and the record once it is given."""

from __future__ import annotations

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


def _red_flagged_stage(app, make_user):  # type: ignore[no-untyped-def]
    hr = make_user(Role.HR, name="Harriet Adviser")
    chair = make_user(Role.PANEL, name="Priya Chair")
    member = make_user(Role.PANEL, name="Dee Member")
    other = make_user(Role.PANEL, name="Omar Other")
    vacancy = make_vacancy(hr)
    tom = make_candidate(vacancy, "Tom", "Reid")
    seats = [(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER), (other, PanelRole.MEMBER)]
    stage = make_issued_stage(app, vacancy, seats=seats, questions=QUESTIONS)
    submit_sheet(stage, chair, tom, [1, 4])  # a red flag; values mean (1 + 4 + 5) / 3 = 3.3
    submit_sheet(stage, member, tom, [4, 4])
    submit_sheet(stage, other, tom, [5, 3])
    db.session.add(StageModeration(stage_id=stage.id))
    db.session.commit()
    return stage, tom, chair


def test_the_washup_with_a_red_flag_passes_axe(app, page, bank, make_user, live_server, axe_check):
    stage, tom, chair = _red_flagged_stage(app, make_user)
    base = f"{live_server}/vacancies/{stage.vacancy_id}/stages/{stage.id}/moderation"
    chair_email, tom_id = str(chair.email), tom.id
    db.session.close()  # the live server writes next: hold no transaction open
    _sign_in(page, live_server, chair_email)
    page.goto(f"{base}/candidates/{tom_id}")
    expect(page.get_by_role("heading", name="Red flag to discuss")).to_be_visible()
    values = page.get_by_role("table", name="Scores and evidence on Leadership and change")
    expect(values.get_by_role("row")).to_have_count(4)  # the header and three members
    expect(values).to_contain_text("Evidence for 1 from Priya Chair")
    axe_check(page)
    page.get_by_label("Appointable", exact=True).check()
    page.get_by_label("Reasons for the outcome").fill("Strongest across the attributes")
    page.get_by_role("button", name="Save the moderation record").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Record what the panel discussed about the red flag")
    axe_check(page)
    # The evidence tables scroll in their boxes: the page itself reflows at 320px.
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 800})
    summary.get_by_role("link", name="Record what the panel discussed").click()
    expect(page.get_by_label("What the panel discussed about the red flag")).to_be_focused()
    page.get_by_label("What the panel discussed about the red flag").fill(
        "The chair's example was second-hand; the others heard first-hand evidence"
    )
    page.get_by_role("button", name="Save the moderation record").click()
    expect(page.get_by_text("Moderation record saved for")).to_be_visible()
    expect(page.locator("#red-flags + p + .app-table-scroll")).to_contain_text("second-hand")
    axe_check(page)
