"""The record-integrity states in Chromium, with axe on each: a sheet set aside after a
conflict, a record whose inputs changed, closing and reopening moderation, standing a
member down."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from recruit.extensions import db
from recruit.models import PanelRole, Role, StageModeration
from recruit.results import sheets
from tests.browser.test_shell import _sign_in
from tests.support.factories import (
    make_candidate,
    make_issued_stage,
    make_vacancy,
    submit_sheet,
)

pytestmark = pytest.mark.browser

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]


def _moderated_stage(app, make_user):  # type: ignore[no-untyped-def]
    hr = make_user(Role.HR, name="Harriet Adviser")
    chair = make_user(Role.PANEL, name="Priya Chair")
    member = make_user(Role.PANEL, name="Dee Member")
    vacancy = make_vacancy(hr)
    amara = make_candidate(vacancy, "Amara", "Okafor")
    stage = make_issued_stage(
        app,
        vacancy,
        seats=[(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER), (hr, PanelRole.HR_ADVISER)],
        questions=QUESTIONS,
    )
    submit_sheet(stage, chair, amara, [4, 4])
    submit_sheet(stage, member, amara, [5, 3])
    db.session.add(StageModeration(stage_id=stage.id))
    db.session.commit()
    return stage, amara, chair, member, hr


def test_set_aside_and_inputs_changed_states_pass_axe(
    app, page, bank, make_user, live_server, axe_check
):
    stage, amara, chair, member, _hr = _moderated_stage(app, make_user)
    base = f"{live_server}/vacancies/{stage.vacancy_id}/stages/{stage.id}/moderation"
    chair_email, member_email = str(chair.email), str(member.email)
    stage_id, amara_id = stage.id, amara.id
    db.session.close()  # the live server writes next: hold no transaction open
    _sign_in(page, live_server, chair_email)
    page.goto(f"{base}/candidates/{amara_id}")
    page.get_by_label("Appointable", exact=True).check()
    page.get_by_label("Reasons for the outcome").fill("Strong on values")
    page.get_by_role("button", name="Save the moderation record").click()
    page.get_by_role("button", name="Sign out").click()
    # The member declares a conflict after submitting: their sheet is set aside.
    _sign_in(page, live_server, member_email)
    page.goto(f"{live_server}/interviews/{stage_id}/candidates/{amara_id}/conflict")
    page.get_by_label("What is the conflict?").fill("I line-managed her until last year")
    page.get_by_role("button", name="Declare the conflict").click()
    expect(
        page.get_by_text("were set aside").or_(page.get_by_text("was set aside"))
    ).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Sign out").click()
    _sign_in(page, live_server, chair_email)
    page.goto(base)
    expect(page.locator("#inputs-changed")).to_contain_text("Inputs changed since")
    expect(page.locator("#set-aside")).to_be_visible()
    expect(page.get_by_text("Set aside: conflict declared after submission")).to_be_visible()
    axe_check(page)
    page.locator("#inputs-changed").get_by_role("link").first.click()
    expect(page.locator("#inputs-changed")).to_contain_text(
        "Inputs changed since this was recorded"
    )
    axe_check(page)
    page.get_by_role("button", name="Save the moderation record").click()
    expect(page.locator("#inputs-changed")).to_have_count(0)
    # Close moderation, see the locked record, then reopen with a reason.
    page.get_by_role("link", name="Close moderation").click()
    axe_check(page)
    page.get_by_role("button", name="Close moderation").click()
    expect(page.locator("#moderation-closed")).to_contain_text("Moderation closed on")
    axe_check(page)
    page.goto(f"{base}/candidates/{amara_id}")
    expect(page.locator("#moderation-closed")).to_contain_text("this record is locked")
    expect(page.get_by_role("button", name="Save the moderation record")).to_have_count(0)
    axe_check(page)
    page.get_by_role("link", name="Reopen moderation").click()
    page.get_by_role("button", name="Reopen moderation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Give the reason for reopening")
    axe_check(page)
    page.get_by_label("Why are you reopening moderation?").fill("A late conflict came to light")
    page.get_by_role("button", name="Reopen moderation").click()
    expect(page.locator("#moderation-closed")).to_have_count(0)


def test_standing_a_member_down_passes_axe(app, page, bank, make_user, live_server, axe_check):
    stage, _amara, _chair, member, hr = _moderated_stage(app, make_user)
    seat = next(seat for seat in stage.seats if seat.user_id == member.id)
    panel = f"{live_server}/vacancies/{stage.vacancy_id}/stages/{stage.id}"
    stand_down = f"{panel}/panel/{seat.id}/stand-down"
    hr_email = str(hr.email)
    db.session.close()
    _sign_in(page, live_server, hr_email)
    page.goto(panel)
    page.get_by_role("link", name="Remove or stand down Dee Member").click()
    expect(page.get_by_role("heading", name="Stand down Dee Member")).to_be_visible()
    assert page.url == stand_down
    axe_check(page)
    page.get_by_role("button", name="Stand them down").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Give the reason")
    axe_check(page)
    page.get_by_label("Why are they standing down?").fill("Taken ill")
    page.get_by_label("Set them aside").check()
    page.get_by_role("button", name="Stand them down").click()
    expect(page.get_by_text("Stood down").first).to_be_visible()
    axe_check(page)
    with app.app_context():
        stage_now = db.session.get(type(stage), stage.id)
        assert [s.set_aside_reason for s in sheets.set_aside_sheets(stage_now)] == [
            "Panel member stood down: Taken ill"
        ]
