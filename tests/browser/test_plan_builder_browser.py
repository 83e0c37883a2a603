"""HR builds a plan of five questions from one page of the question list in Chromium: tick
five, add them once, and the plan holds them; axe on both pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from recruit.models import PanelRole, Role
from tests.browser.test_shell import _sign_in
from tests.support.factories import make_stage, make_vacancy

pytestmark = pytest.mark.browser


def test_five_questions_are_added_from_one_page_load(page, bank, make_user, live_server, axe_check):  # type: ignore[no-untyped-def]
    hr = make_user(Role.HR, name="Harriet HR")
    chair = make_user(Role.PANEL, name="Cllr Chair")
    vacancy = make_vacancy(hr)
    stage = make_stage(vacancy, seats=[(chair, PanelRole.CHAIR)], duration_minutes=75)
    _sign_in(page, live_server, str(hr.email))
    plan = f"{live_server}/vacancies/{vacancy.id}/stages/{stage.id}/plan"
    page.goto(plan)
    expect(page.locator("#empty-plan")).to_be_visible()
    axe_check(page)

    page.goto(f"{plan}/questions")
    axe_check(page)
    documents: list[str] = []
    page.on(
        "request",
        lambda request: (
            documents.append(f"{request.method} {request.url}")
            if request.resource_type == "document"
            else None
        ),
    )
    boxes = page.locator("input[name=question_id]")
    for index in range(5):
        boxes.nth(index).check()
    page.locator("#add-chosen").click()
    expect(page.get_by_text("5 questions added to the plan")).to_be_visible()
    # One submit and the plan it leads to: no page of the list was loaded again.
    assert [entry.split(" ")[0] for entry in documents] == ["POST", "GET"], documents
    expect(page.locator("#plan-caption")).to_be_visible()
    expect(page.locator("table.govuk-table tbody tr")).to_have_count(5)
    axe_check(page)
