"""Fair-selection monitoring in the app (#26): HR record equality answers without reading
them, the equality monitoring role reads the report, every view is logged, and the counts
on the page are the funnel's, with small numbers hidden."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date, timedelta

import pytest
from docx import Document
from sqlalchemy import select

from recruit.equality.report import ReportFilters, build_report
from recruit.extensions import db
from recruit.models import (
    AuditEvent,
    Candidate,
    CandidateStatus,
    EqualityAnswers,
    EqualityTally,
    Role,
)
from recruit.retention import purge
from tests.conftest import skip_or_fail
from tests.support.factories import make_candidate, make_vacancy
from tests.support.forms import csrf_token_from
from tests.support.word import all_text

HEADER = "candidate,ethnicity,sex,disability,care_experience\r\n"


def _upload(client, vacancy, text: str):  # type: ignore[no-untyped-def]
    url = f"/vacancies/{vacancy.id}/candidates/equality/import"
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    data = {"csrf_token": token, "file": (io.BytesIO(text.encode()), "equality.csv")}
    return client.post(url, data=data, content_type="multipart/form-data")


def _answers() -> dict[int, EqualityAnswers]:
    return {row.candidate_id: row for row in db.session.scalars(select(EqualityAnswers))}


def test_hr_import_the_equality_export_and_are_not_shown_the_answers(signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    amara, tom = make_candidate(vacancy), make_candidate(vacancy, "Tom", "Reid")
    text = (
        HEADER
        + f"C-01,Asian,female,no,\r\n{tom.email.upper()},white,Male,prefer not to say,yes\r\n"
    )
    response = _upload(client, vacancy, text)
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Equality monitoring answers recorded for 2 candidates" in page
    stored = _answers()
    assert (stored[amara.id].ethnicity, stored[amara.id].sex, stored[amara.id].care_experience) == (
        "asian",
        "female",
        None,
    )
    assert (stored[tom.id].ethnicity, stored[tom.id].disability) == ("white", "prefer_not_to_say")
    assert stored[tom.id].source == "import" and stored[tom.id].recorded_by_id == hr.id
    assert db.session.scalar(
        select(AuditEvent.action).where(AuditEvent.action == "equality.imported")
    )


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            HEADER + "C-01,Asian,female,no,\r\nC-09,white,male,no,no\r\n",
            "Row 3, column ‘candidate’",
        ),
        (HEADER + "C-01,Martian,female,no,\r\n", "Row 2, column ‘ethnicity’"),
        (HEADER + "C-01,asian,female,no,\r\nc-01,white,male,no,no\r\n", "also on row 2"),
        ("candidate,star sign\r\nC-01,leo\r\n", "Row 1, column ‘star sign’"),
        ("ethnicity\r\nwhite\r\n", "no ‘candidate’ column"),
    ],
)
def test_a_file_with_a_problem_names_the_row_and_column_and_records_nothing(signed_in, text, where):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    make_candidate(vacancy)
    response = _upload(client, vacancy, text)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert where in page
    assert not _answers()


def test_hr_enter_answers_from_a_paper_form_and_the_form_never_shows_them(signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    candidate = make_candidate(vacancy)
    url = f"/vacancies/{vacancy.id}/candidates/{candidate.id}/equality"
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    data = {"csrf_token": token, "ethnicity": "black", "sex": "male", "age_band": "45_54"}
    assert client.post(url, data=data).status_code == 302
    held = _answers()[candidate.id]
    assert (held.ethnicity, held.sex, held.age_band, held.religion) == (
        "black",
        "male",
        "45_54",
        None,
    )
    assert held.source == "entered"

    page = client.get(url).get_data(as_text=True)
    assert "were recorded on" in page
    # Every question starts again at "Not answered": the held answers are never shown.
    assert page.count("checked") == 8 and 'value="black" checked' not in page


def test_a_hostile_answer_is_refused_the_govuk_way(signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    candidate = make_candidate(vacancy)
    url = f"/vacancies/{vacancy.id}/candidates/{candidate.id}/equality"
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    response = client.post(url, data={"csrf_token": token, "ethnicity": "<script>"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert not _answers()


def _campaign(  # type: ignore[no-untyped-def]
    hr,
    *,
    closing: date,
    applicants: int = 16,
    shortlisted_white: int = 8,
    shortlisted_minority: int = 8,
):
    """``applicants`` white and as many ethnic minority applicants, the given numbers
    shortlisted and interviewed, and the first of each shortlist appointed."""
    vacancy = make_vacancy(hr, closing_date=closing)
    for ethnicity, shortlisted in (("white", shortlisted_white), ("black", shortlisted_minority)):
        for number in range(applicants):
            status = CandidateStatus.NOT_SHORTLISTED
            if number < shortlisted:
                status = CandidateStatus.APPOINTED if number == 0 else CandidateStatus.INTERVIEWED
            candidate = make_candidate(vacancy, f"{ethnicity}{number}", "Applicant", status=status)
            db.session.add(
                EqualityAnswers(candidate_id=candidate.id, ethnicity=ethnicity, source="import")
            )
    db.session.commit()
    return vacancy


def test_the_equality_role_reads_the_report_and_each_view_is_logged(signed_in, make_user):
    hr = make_user(Role.HR)
    recent = date.today() - timedelta(days=30)
    _campaign(hr, closing=recent, applicants=30, shortlisted_white=15, shortlisted_minority=5)
    client, officer = signed_in(Role.EQUALITY)
    response = client.get("/equality")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "60</strong> candidates in <strong>1</strong> vacancy" in page
    assert "Ethnicity (white and ethnic minority)" in page
    # One of each group appointed: below 5, so hidden, and that measure cannot be given.
    assert "[c]" in page and "Too few to tell" in page
    # 5 of 30 shortlisted against 15 of 30: a third of the rate, Fisher's p about 0.013.
    assert "Evidence of adverse impact at shortlisting" in page
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "equality.report_viewed")
    )
    assert event.user_id == officer.id and event.detail["grouping"] == "ethnicity_wres"


def test_the_report_filters_by_closing_date_and_says_what_it_counts(signed_in, make_user):
    hr = make_user(Role.HR)
    _campaign(hr, closing=date(2026, 5, 1))
    _campaign(hr, closing=date(2025, 5, 1))
    client, _ = signed_in(Role.EQUALITY)
    args = "closes_from=1&closes_from=1&closes_from=2026&closes_to=31&closes_to=12&closes_to=2026"
    page = client.get(f"/equality?{args}&grouping=ethnicity_wres").get_data(as_text=True)
    assert "32</strong> candidates in <strong>1</strong> vacancy" in page


def test_a_bad_date_in_the_filters_is_shown_the_govuk_way(signed_in):
    client, _ = signed_in(Role.EQUALITY)
    response = client.get("/equality?closes_from=40&closes_from=13&closes_from=2026")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert not db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "equality.report_viewed")
    )


def test_the_csv_has_the_published_table_only_and_its_download_is_logged(signed_in, make_user):
    hr = make_user(Role.HR)
    _campaign(
        hr, closing=date.today() - timedelta(days=30), shortlisted_white=12, shortlisted_minority=3
    )
    client, _ = signed_in(Role.ADMIN)
    response = client.get("/equality/report.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    by_group = {row[0]: row for row in rows if row}
    assert by_group["White"][1:3] == ["16", "12"]
    assert by_group["Ethnic minority"][2] == "[c]"
    assert by_group["All candidates"][1:3] == ["32", "15"]
    assert any("Adverse impact ratio at shortlisting" in row[0] for row in rows if row)
    assert db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "equality.report_downloaded")
    )


@pytest.mark.parametrize("role", [Role.HR, Role.PANEL, Role.REVIEWER])
def test_nobody_else_reads_the_report(signed_in, role):
    client, _ = signed_in(role)
    assert client.get("/equality").status_code == 403
    assert client.get("/equality/report.csv").status_code == 403


def _year_of_campaigns(make_user):  # type: ignore[no-untyped-def]
    hr = make_user(Role.HR)
    recent = date.today() - timedelta(days=30)
    _campaign(hr, closing=recent, applicants=30, shortlisted_white=15, shortlisted_minority=5)


def test_the_word_report_has_a_section_per_grouping_and_reopens(signed_in, make_user, tmp_path):
    _year_of_campaigns(make_user)
    client, _ = signed_in(Role.EQUALITY)
    response = client.get("/equality/report.docx")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].endswith('fair-selection-report.docx"')
    path = tmp_path / "report.docx"
    path.write_bytes(response.data)
    document = Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Fair selection report"
    for label in ("Ethnicity (white and ethnic minority)", "Sex", "Care experience"):
        assert label in headings
    text = all_text(document)
    assert "Evidence of adverse impact at shortlisting" in text and "[c]" in text
    assert "60 candidates in 1 vacancy" in text
    _converts_to_pdf(path, tmp_path)
    assert (
        db.session.scalar(
            select(AuditEvent).where(AuditEvent.action == "equality.report_downloaded")
        ).detail["format"]
        == "docx"
    )


def _converts_to_pdf(path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    soffice = shutil.which("soffice")
    if soffice is None:
        skip_or_fail("LibreOffice (soffice) is not installed")
        return
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    command = [soffice, "--headless", "--norestore", "--nolockcheck", profile]
    command += ["--convert-to", "pdf", "--outdir", str(tmp_path), str(path)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    assert path.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


def test_the_command_line_writes_the_report_for_a_period(app, make_user, tmp_path):
    _year_of_campaigns(make_user)
    runner = app.test_cli_runner()
    period = [
        "--from",
        (date.today() - timedelta(days=365)).isoformat(),
        "--to",
        date.today().isoformat(),
    ]
    word, figures = tmp_path / "equality.docx", tmp_path / "equality.csv"
    for out in (word, figures):
        result = runner.invoke(args=["equality", "report", *period, "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert "60 candidates" in result.output
    assert "Fair selection report" in all_text(Document(str(word)))
    rows = list(csv.reader(io.StringIO(figures.read_text(encoding="utf-8"))))
    assert ["White", "30", "15"] == rows[1][:3]
    actions = db.session.scalars(select(AuditEvent.action)).all()
    assert actions.count("equality.report_exported") == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-05-01", "--to", "2026-04-01", "--out", "x.docx"], "on or before"),
        (["--from", "2026-04-01", "--to", "2026-05-01", "--out", "x.pdf"], ".docx or .csv"),
        (["--from", "1 April", "--to", "2026-05-01", "--out", "x.csv"], "1 April"),
    ],
)
def test_the_command_line_refuses_what_it_cannot_do(app, args, message):
    result = app.test_cli_runner().invoke(args=["equality", "report", *args])
    assert result.exit_code != 0 and message in result.output


def test_the_retention_purge_turns_answers_into_counts_and_the_report_keeps_them(app, make_user):
    hr = make_user(Role.HR)
    _campaign(
        hr, closing=date(2025, 3, 1), applicants=30, shortlisted_white=15, shortlisted_minority=5
    )
    filters = ReportFilters(closes_from=date(2025, 1, 1), closes_to=date(2025, 12, 31))
    with app.test_request_context():
        before = build_report(filters, 5)
    # Years on: every unsuccessful candidate is due (the command refuses a future date).
    purged = purge(date.today() + timedelta(days=5 * 365), 6, dry_run=False)
    assert not purged.failed
    anonymised = db.session.scalars(
        select(Candidate.id).where(Candidate.anonymised_at.is_not(None))
    ).all()
    assert len(anonymised) == 58, "every candidate but the two appointed"
    # Their answers are gone: only the counts remain, with no link to anyone.
    assert not set(anonymised) & set(_answers())
    tallied = db.session.scalars(
        select(EqualityTally.count).where(EqualityTally.category == "ethnicity")
    ).all()
    assert sum(tallied) == 58
    with app.test_request_context():
        after = build_report(filters, 5)
    assert after.published == before.published
    assert (after.candidates, after.answered, after.vacancies) == (60, 60, 1)
