"""Sign in, the home page and the admin pages in a real browser, checked with axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from recruit.models import Role
from tests.conftest import TEST_PASSWORD

pytestmark = pytest.mark.browser


def _user_email(make_user, role: Role) -> str:  # type: ignore[no-untyped-def]
    return str(make_user(role, name="Browser Tester").email)


def _sign_in(page, base_url: str, email: str) -> None:  # type: ignore[no-untyped-def]
    # A response still in flight from the previous user's page (a favicon, say) can set
    # that user's session cookie again after the test cleared it, and the sign-in form's
    # CSRF token then belongs to no session (400). Let the page settle, start from no
    # cookies, and try once more if the form was refused that way.
    for _attempt in range(2):
        page.wait_for_load_state("networkidle")
        page.context.clear_cookies()
        page.goto(f"{base_url}/sign-in")
        page.get_by_label("Email address").fill(email)
        page.get_by_role("textbox", name="Password").fill(TEST_PASSWORD)
        with page.expect_response(lambda r: r.request.method == "POST") as posted:
            page.get_by_role("button", name="Sign in").click()
        if posted.value.status != 400:
            page.wait_for_load_state()
            return
    raise AssertionError(f"signing in as {email} was refused twice")


def test_sign_in_page_and_its_error_state_pass_axe(page, make_user, live_server, axe_check):
    page.goto(f"{live_server}/sign-in")
    expect(page).to_have_title("Sign in – Recruit – Testshire Council")
    axe_check(page)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_title(re.compile(r"^Error:\ Sign\ in"))
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    axe_check(page)


def test_home_page_after_sign_in_passes_axe(page, make_user, live_server, axe_check):
    email = _user_email(make_user, Role.ADMIN)
    _sign_in(page, live_server, email)
    page.wait_for_url(f"{live_server}/")
    expect(page.get_by_role("heading", name="Welcome, Browser Tester")).to_be_visible()
    expect(page.get_by_text("Testshire Council").first).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Users", exact=True).click()
    expect(page).to_have_title(re.compile(r"^Users"))
    axe_check(page)


def test_sign_in_and_out_with_the_keyboard_alone(page, make_user, live_server):
    email = _user_email(make_user, Role.HR)
    page.goto(f"{live_server}/sign-in")
    page.keyboard.press("Tab")  # skip link
    focused = page.evaluate("document.activeElement.textContent")
    assert "Skip to main content" in focused
    page.locator("#email").focus()
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(TEST_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server}/")
    sign_out = page.get_by_role("button", name="Sign out")
    sign_out.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server}/sign-in")
    expect(page.get_by_text("You have signed out")).to_be_visible()


@pytest.mark.parametrize("path", ["/sign-in", "/"])
def test_pages_reflow_at_320_pixels(page, make_user, live_server, path):
    email = _user_email(make_user, Role.ADMIN)
    _sign_in(page, live_server, email)
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server}{path}")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px wide"
