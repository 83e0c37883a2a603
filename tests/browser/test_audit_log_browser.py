"""An admin reads and filters the audit log in Chromium; axe on each state of the page."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from recruit.extensions import db
from recruit.models import AuditEvent, Role
from tests.browser.test_shell import _sign_in

pytestmark = pytest.mark.browser


def _add_events() -> None:
    start = datetime(2024, 6, 1, 13, 30, tzinfo=UTC)
    for number in range(55):  # more than one page, so the pagination is checked too
        db.session.add(
            AuditEvent(
                occurred_at=start + timedelta(minutes=number),
                actor="hr.person@test.example",
                action="vacancy.created",
                object_type="Vacancy",
                object_id=str(number),
                detail={"title": f"Director {number}", "note": "<script>alert(1)</script>"},
            )
        )
    db.session.commit()


def test_admin_filters_the_audit_log(page, make_user, live_server, axe_check):
    email = str(make_user(Role.ADMIN, name="Browser Tester").email)
    _add_events()
    _sign_in(page, live_server, email)
    page.get_by_role("link", name="View the audit log").click()
    expect(page.get_by_role("heading", name="Audit log", exact=True)).to_be_visible()
    expect(page.get_by_role("navigation", name="Audit log pages")).to_be_visible()
    axe_check(page)

    page.get_by_label("Action").select_option("vacancy.created")
    from_date = page.get_by_role("group", name="From date")
    from_date.get_by_label("Day").fill("31")
    from_date.get_by_label("Month").fill("2")
    from_date.get_by_label("Year").fill("2024")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_title(re.compile(r"^Error: Audit log"))
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter a real date, like 27 3 2026"
    )
    axe_check(page)

    from_date.get_by_label("Day").fill("1")
    from_date.get_by_label("Month").fill("6")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", name="55 events match these filters")).to_be_visible()
    expect(page.get_by_text("<script>alert(1)</script>").first).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Next page").click()
    expect(page.get_by_text("Showing 51 to 55 of 55.")).to_be_visible()
    expect(page.get_by_label("Action")).to_have_value("vacancy.created")
