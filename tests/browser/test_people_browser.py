"""HR add a councillor who has no account from the stage page, hand over the one-time link,
and the councillor sets a password and signs in; a handed-over password is changed first.
Chromium with axe on every page and error state (issue #25 item 3)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from recruit.accounts import create_user
from recruit.extensions import db
from recruit.models import Role
from tests.browser.test_shell import _sign_in
from tests.support.factories import make_stage, make_vacancy

pytestmark = pytest.mark.browser

CHOSEN = "harbour lantern copper meadow"


def test_hr_invites_a_councillor_who_sets_a_password_and_signs_in(
    app, page, bank, make_user, live_server, axe_check
):
    hr = make_user(Role.HR, name="Harriet Okafor")
    stage = make_stage(make_vacancy(hr), name="Members' panel")
    stage_url = f"{live_server}/vacancies/{stage.vacancy_id}/stages/{stage.id}"
    email = str(hr.email)
    db.session.commit()
    db.session.close()  # the live server writes next: hold no transaction open

    _sign_in(page, live_server, email)
    page.goto(stage_url)
    page.get_by_role("link", name="Add someone who has no account").click()
    axe_check(page)
    page.get_by_role("button", name="Add to the panel").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select their role on the panel")
    axe_check(page)

    page.get_by_label("Their full name").fill("Cllr Rhys Morgan")
    page.get_by_label("Email address").fill("rhys.morgan@council.example")
    page.get_by_label("Chair").check()
    page.get_by_label("They are an elected member (a councillor)").check()
    page.get_by_role("button", name="Add to the panel").click()
    expect(page.get_by_text("Cllr Rhys Morgan added to the panel")).to_be_visible()
    axe_check(page)
    link = page.get_by_test_id("set-password-link").inner_text().strip()
    assert "/set-password/" in link

    page.get_by_role("link", name="Back to Members' panel").click()
    expect(page.get_by_text("No password yet")).to_be_visible()
    page.get_by_role("link", name=re.compile("Their set-password link")).click()
    expect(page.get_by_text("Waiting to be used")).to_be_visible()
    axe_check(page)

    # The councillor, in their own browser.
    page.context.clear_cookies()
    page.goto(link)
    expect(page.get_by_role("heading", name="Set your password")).to_be_visible()
    axe_check(page)
    page.get_by_label("New password", exact=True).fill(CHOSEN)
    page.get_by_label("Confirm new password").fill("not the same words at all")
    page.get_by_role("button", name="Set my password").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("do not match")
    axe_check(page)
    page.get_by_label("New password", exact=True).fill(CHOSEN)
    page.get_by_label("Confirm new password").fill(CHOSEN)
    page.get_by_role("button", name="Set my password").click()
    expect(page.get_by_text("Your password is set")).to_be_visible()
    page.get_by_label("Email address").fill("rhys.morgan@council.example")
    page.get_by_role("textbox", name="Password").fill(CHOSEN)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    # The link was used: opening it again says so.
    page.goto(link)
    expect(page.get_by_text("used already")).to_be_visible()
    axe_check(page)


def test_a_handed_over_password_is_changed_before_anything_else(app, page, live_server, axe_check):
    create_user(
        "given@test.example", "Given Password", Role.PANEL, "handed-over-1234", generated=True
    )
    db.session.commit()
    db.session.close()

    page.goto(f"{live_server}/sign-in")
    page.get_by_label("Email address").fill("given@test.example")
    page.get_by_role("textbox", name="Password").fill("handed-over-1234")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Choose your own password")).to_be_visible()
    axe_check(page)
    page.goto(f"{live_server}/questions")
    expect(page.get_by_role("heading", name="Choose your own password")).to_be_visible()
    page.get_by_label("Current password").fill("handed-over-1234")
    page.get_by_label("New password", exact=True).fill(CHOSEN)
    page.get_by_label("Confirm new password").fill(CHOSEN)
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("Your password has been changed")).to_be_visible()
    page.goto(f"{live_server}/questions")
    expect(page.get_by_role("heading", name="Choose your own password")).to_have_count(0)
