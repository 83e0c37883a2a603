"""Every HTML page, every form's error state and the error pages pass axe and reflow at 320px.

The pages come from app.url_map (tests/support/page_catalogue.py), not a hand list: each GET
route is fetched as a visitor its access rule allows, over a realistic seeded campaign
(tests/support/page_world.py). Whatever answers with text/html is opened in Chromium and
checked with axe (WCAG 2.0-2.2 A and AA; any serious or critical finding fails), then the
viewport is narrowed to 320px and the document must not scroll sideways (WCAG 1.4.10; wide
tables scroll inside an .app-table-scroll box instead). A GET route that does not answer 200
fails the test unless NOT_VISITED names it with a reason, so a new page is covered as soon
as it exists. Each visitor then checks other states of pages (EXTRA_STATES) and submits
forms empty or with bad values (FORM_CASES). One seed and one sign-in per visitor.

Set RECRUIT_REFLOW_SCREENSHOTS=/some/folder to save 320px screenshots of SCREENSHOT_PAGES for
a person to look at.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from recruit.extensions import db
from recruit.models import Role
from tests.browser.test_shell import _sign_in
from tests.support.form_cases import CLEAR_FORM, FILL, FORM_CASES, FormCase
from tests.support.page_catalogue import (
    EXTRA_STATES,
    get_rules,
    pages_for,
    url_for_endpoint,
    visitors_of,
)
from tests.support.page_world import ANONYMOUS, VISITORS, PageWorld, seed_world

pytestmark = pytest.mark.browser

# GET routes that cannot answer 200 with the seeded world, each with the reason. Empty: every
# page is reachable. Add an entry only with a comment saying why it cannot be visited.
NOT_VISITED: dict[str, str] = {
    # A Word download, not a page: the seeded stages plan no exercise whose brief is sent in
    # advance, so it redirects; tests/web/test_plan_exercises.py reopens the .docx.
    "stages.download_candidate_brief": "a .docx download, reopened in test_plan_exercises.py",
}

REFLOW_WIDTH = 320
DESKTOP = {"width": 1280, "height": 720}
SCREENSHOTS = os.environ.get("RECRUIT_REFLOW_SCREENSHOTS", "")
SCREENSHOT_PAGES = frozenset(
    {
        "main.home",
        "vacancies.show",
        "adverts.builder",
        "candidates.index",
        "stages.show",
        "stages.plan_page",
        "scoring.score_sheet",
        "moderation.index",
        "moderation.candidate",
        "summaries.summary",
        "summaries.stage_summary",
        "summaries.candidate_summary",
        "comparisons.comparison",
        "comparisons.candidate_details",
        "profiles.show",
        "admin.audit_log",
    }
)
# The outermost elements that reach past the viewport (what to fix when a page is too wide).
TOO_WIDE = """width => [...document.body.querySelectorAll("*")]
  .filter(e => e.getBoundingClientRect().right > width)
  .filter(e => ["absolute", "fixed"].includes(getComputedStyle(e).position)
    || !e.closest(".app-table-scroll") && !(e.parentElement.getBoundingClientRect().right > width))
  .slice(0, 3)
  .map(e => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ").join(".") : ""))"""


def test_the_axe_check_catches_a_serious_violation(page, axe_check):
    # Guards the guard: an image without alt text and an unlabelled field must fail.
    page.set_content(
        '<html lang="en"><head><title>Broken</title></head>'
        '<body><main><img src="chart.png"><input type="text"></main></body></html>'
    )
    with pytest.raises(AssertionError, match="image-alt"):
        axe_check(page)


def test_every_get_route_has_a_visitor(app):
    endpoints = {rule.endpoint for rule in get_rules(app)}
    for endpoint in endpoints:
        assert visitors_of(endpoint), f"nobody visits {endpoint}"
    assert NOT_VISITED.keys() <= endpoints, "NOT_VISITED names routes that no longer exist"
    cases = {case.endpoint for case in FORM_CASES} | {s.endpoint for s in EXTRA_STATES}
    assert cases - {""} <= endpoints, "a form case or extra state names a route that is gone"


@pytest.mark.parametrize("visitor", VISITORS)
def test_every_page_and_form_error_passes_axe_and_reflows(
    app, bank, make_user, live_server, page, axe_check, visitor
):
    world = seed_world(app, make_user)
    db.session.close()  # the live server writes next: hold no transaction open
    _sign_in_as(page, live_server, world, visitor)
    problems = _check_every_route(page, axe_check, app, world, live_server, visitor)
    for state in (s for s in EXTRA_STATES if s.visitor == visitor):
        url = state.url(app, world.ids)
        name = f"{state.endpoint or 'error'} {state.status} {url}"
        problems += _check_page(page, axe_check, f"{live_server}{url}", name, state.status)
    for case in (c for c in FORM_CASES if c.visitor == visitor):
        problems += _submit_form(page, axe_check, app, world, live_server, case)
    assert not problems, "\n".join(problems)


def test_question_bank_not_loaded_page_passes_axe(make_user, live_server, page, axe_check):
    email = str(make_user(Role.PANEL).email)  # no bank fixture: nothing is loaded
    db.session.close()
    _sign_in(page, live_server, email)
    page.wait_for_url(f"{live_server}/")
    problems = _check_page(page, axe_check, f"{live_server}/questions", "not loaded", 503)
    assert not problems, "\n".join(problems)


def _sign_in_as(page, live_server: str, world: PageWorld, visitor: str) -> None:  # type: ignore[no-untyped-def]
    if visitor != ANONYMOUS:
        _sign_in(page, live_server, world.emails[visitor])
        page.wait_for_url(f"{live_server}/")


def _check_every_route(page, axe_check, app, world, live_server, visitor) -> list[str]:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    checked = 0
    for endpoint, url in pages_for(app, visitor, world.ids):
        response = page.request.get(f"{live_server}{url}", max_redirects=0)
        content_type = response.headers.get("content-type", "")
        if content_type.count("charset=") > 1:
            problems.append(f"{endpoint}: malformed Content-Type {content_type!r}")
        if response.status != 200:
            if endpoint not in NOT_VISITED:
                problems.append(
                    f"{endpoint}: GET {url} as {visitor} answered {response.status}: seed a "
                    "record in tests/support/page_world.py so it shows, or add it to "
                    "NOT_VISITED with the reason"
                )
        elif content_type.startswith("text/html"):
            problems += _check_page(page, axe_check, f"{live_server}{url}", endpoint)
            checked += 1
    assert checked, f"no HTML page was checked as {visitor}"
    return problems


def _check_page(page, axe_check, url: str, name: str, status: int = 200) -> list[str]:  # type: ignore[no-untyped-def]
    """Open ``url`` and return what is wrong with it: status, axe findings, reflow."""
    response = page.goto(url)
    if response is None or response.status != status:
        return [f"{name}: {url} answered {response and response.status}, expected {status}"]
    return _check_current_page(page, axe_check, name)


def _check_current_page(page, axe_check, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    problems = []
    try:
        axe_check(page)
    except AssertionError as finding:
        problems.append(f"{name}: {finding}")
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > REFLOW_WIDTH:
        culprits = page.evaluate(TOO_WIDE, REFLOW_WIDTH)
        problems.append(f"{name}: {page.url} is {width}px wide at {REFLOW_WIDTH}px: {culprits}")
    if SCREENSHOTS and name.split(" ")[0] in SCREENSHOT_PAGES:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        file_name = re.sub(r"[^A-Za-z0-9.]+", "_", name).strip("_")
        page.screenshot(path=f"{SCREENSHOTS}/{file_name}.png", full_page=True)
    page.set_viewport_size(DESKTOP)
    return problems


def _submit_form(page, axe_check, app, world, live_server, case: FormCase) -> list[str]:  # type: ignore[no-untyped-def]
    rule = next(rule for rule in get_rules(app) if rule.endpoint == case.endpoint)
    own = {f"{case.endpoint}.{name}": world.ids[key] for name, key in case.overrides.items()}
    url = url_for_endpoint(app, rule, {**world.ids, **own})
    name = f"{case.endpoint} form {case.button!r}"
    page.goto(f"{live_server}{url}")
    button = page.get_by_role("button", name=case.button, exact=True)
    if case.clear:
        button.evaluate(CLEAR_FORM)
    for selector, value in case.fills.items():
        button.evaluate(FILL, [selector, value])
    if case.upload is not None:
        page.locator("input[type=file]").set_input_files(
            {"name": "candidates.csv", "mimeType": "text/csv", "buffer": case.upload}
        )
    if case.session_expires:
        page.context.clear_cookies()
    with page.expect_navigation():
        button.click()
    problems = [f"{name}: {page.url} does not show {case.expect}"]
    if page.locator(case.expect).first.is_visible():
        problems = _check_current_page(page, axe_check, name)
    if case.session_expires:
        _sign_in_as(page, live_server, world, case.visitor)
    return problems
