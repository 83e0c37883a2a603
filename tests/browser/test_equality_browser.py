"""HR record a vacancy's equality export, and the equality monitoring officer reads the
fair-selection report, in Chromium with axe on every page and error state (#26)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from recruit.extensions import db
from recruit.models import CandidateStatus, Role
from recruit.stages.panel import council_today
from tests.browser.test_shell import _sign_in
from tests.support.factories import make_candidate, make_vacancy

pytestmark = pytest.mark.browser


BLACK = '"Black, Black British, Black Welsh, Caribbean or African"'


def _export(count: int) -> str:
    rows = [
        # A label holding commas is quoted, as a spreadsheet saves it.
        f"C-{number:02d},{'white' if number % 2 else BLACK},female"
        for number in range(1, count + 1)
    ]
    return "candidate,ethnicity,sex\n" + "\n".join(rows) + "\n"


def test_hr_record_the_export_and_the_officer_reads_the_report(
    app, page, bank, make_user, live_server, axe_check, tmp_path
):
    hr = make_user(Role.HR, name="Harriet Okafor")
    officer = make_user(Role.EQUALITY, name="Nadia Rahman")
    vacancy = make_vacancy(hr, closing_date=council_today() - timedelta(days=20))
    for number in range(24):
        status = CandidateStatus.SHORTLISTED if number < 12 else CandidateStatus.NOT_SHORTLISTED
        make_candidate(vacancy, f"Person{number}", "Applicant", status=status)
    emails, vacancy_id = (str(hr.email), str(officer.email)), vacancy.id
    db.session.close()  # the live server writes next: hold no transaction open

    _sign_in(page, live_server, emails[0])
    page.goto(f"{live_server}/vacancies/{vacancy_id}/candidates")
    page.get_by_role("button", name="Record equality monitoring answers").click()
    axe_check(page)
    bad = tmp_path / "bad.csv"
    bad.write_text("candidate,ethnicity\nC-01,Martian\n", encoding="utf-8")
    page.get_by_label("Upload the equality export (CSV)").set_input_files(str(bad))
    page.get_by_role("button", name="Record the answers").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    expect(page.locator(".app-import-problems")).to_contain_text("Row 2, column ‘ethnicity’")
    axe_check(page)
    good = tmp_path / "good.csv"
    good.write_text(_export(24), encoding="utf-8")
    page.get_by_label("Upload the equality export (CSV)").set_input_files(str(good))
    page.get_by_role("button", name="Record the answers").click()
    expect(
        page.get_by_text("Equality monitoring answers recorded for 24 candidates")
    ).to_be_visible()

    page.context.clear_cookies()
    _sign_in(page, live_server, emails[1])
    page.get_by_role("link", name="Fair selection").click()
    expect(page.get_by_role("heading", name="Fair selection")).to_be_visible()
    expect(page.locator("#report-scope")).to_contain_text("24 candidates in 1 vacancy")
    axe_check(page)
    page.get_by_label("Group candidates by").select_option("sex")
    page.get_by_role("button", name="Show the report").click()
    expect(page.get_by_role("heading", name=re.compile("^Sex: how far"))).to_be_visible()
    axe_check(page)
