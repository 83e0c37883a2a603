"""The panel scoring summary page and its downloads: Word, CSV, XLSX and radar charts."""

from __future__ import annotations

import csv
import io

import lxml.html
from docx import Document
from openpyxl import load_workbook
from sqlalchemy import event, select

from recruit.extensions import db
from recruit.models import AuditEvent, PanelRole, Role, ScoreSheet, StageModeration
from tests.support.factories import (
    make_candidate,
    make_issued_stage,
    make_vacancy,
    submit_sheet,
)
from tests.support.panel_web import client_for

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]
FORMULA_NOTE = '=HYPERLINK("http://evil.example")'


def _scored_vacancy(app, make_user, *, stages=1, moderated=True):  # type: ignore[no-untyped-def]
    vacancy = make_vacancy(make_user(Role.HR))
    amara = make_candidate(vacancy, "Amara", "Okafor")
    tom = make_candidate(vacancy, "Tom", "Reid")
    chair = make_user(Role.PANEL, name="Priya Chair")
    member = make_user(Role.PANEL, name="Dee Member")
    made = []
    for number in range(stages):
        stage = make_issued_stage(
            app,
            vacancy,
            name=f"Stage {number + 1}",
            seats=[(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER)],
            questions=QUESTIONS,
        )
        submit_sheet(stage, chair, amara, [5, 4])
        sheet = submit_sheet(stage, member, amara, [4, 2])
        sheet.scores[0].evidence = FORMULA_NOTE
        submit_sheet(stage, chair, tom, [1, 3])
        submit_sheet(stage, member, tom, [3, None])
        if moderated:
            db.session.add(StageModeration(stage_id=stage.id))
        db.session.commit()
        made.append(stage)
    return vacancy, made, chair, member


def test_no_totals_before_moderation_opens(app, bank, signed_in, make_user):
    client, _hr = signed_in(Role.HR)
    vacancy, _stages, _chair, _member = _scored_vacancy(app, make_user, moderated=False)
    page = client.get(f"/vacancies/{vacancy.id}/summary").get_data(as_text=True)
    assert "No stage has reached moderation yet" in page
    rows = list(
        csv.reader(
            io.StringIO(client.get(f"/vacancies/{vacancy.id}/scores.csv").data.decode("utf-8-sig"))
        )
    )
    assert len(rows) == 1  # the header alone: no scores leave before moderation


def test_summary_pages_show_results_flags_evidence_and_link_tabs(app, bank, signed_in, make_user):
    client, _hr = signed_in(Role.HR)
    vacancy, stages, _chair, _member = _scored_vacancy(app, make_user, stages=2)
    amara = vacancy.candidates[0]
    landing = client.get(f"/vacancies/{vacancy.id}/summary").get_data(as_text=True)
    assert "govuk-tabs" not in landing and "The decision" in landing
    stage_url = f"/vacancies/{vacancy.id}/summary/stages/{stages[0].id}"
    tabs = _tab_links(landing)
    assert tabs[0] == ("All stages", f"/vacancies/{vacancy.id}/summary", "page")
    assert ("Deciding: Stage 1", stage_url, None) in tabs
    assert "Amara Okafor (C-01)" in landing and "Values floor" in landing
    assert "Panel disagreement (1)" in landing  # Amara decisions 4 vs 2, counted at a glance

    page = client.get(stage_url).get_data(as_text=True)
    assert ("Deciding: Stage 1", stage_url, "page") in _tab_links(page)
    assert "Amara Okafor (C-01)" in page and "Values floor" in page
    assert "Panel disagreement" in page
    assert "Krippendorff" in page and "calibration aid" not in page  # tendencies: chair only
    assert "Evidence for 5 from Priya Chair" not in page  # on the candidate's own page

    details_url = f"{stage_url}/candidates/{amara.id}"
    assert details_url in page
    details = client.get(details_url).get_data(as_text=True)
    assert "Evidence for 5 from Priya Chair" in details  # strongest evidence on values
    assert "Panel disagreement" in details and "Moderation record" in details
    assert f"/stages/{stages[0].id}/candidates/{amara.id}/radar.png" in details


def _tab_links(page: str) -> list[tuple[str, str, str | None]]:
    """The summary's strip of page links: label, address and aria-current."""
    document = lxml.html.fromstring(page)
    return [
        (link.text_content().strip(), link.get("href"), link.get("aria-current"))
        for link in document.xpath("//nav[contains(@class, 'app-sub-navigation')]//a")
    ]


def test_a_candidate_not_at_the_stage_is_a_404_and_a_stage_not_moderated_goes_back(
    app, bank, signed_in, make_user
):
    client, _hr = signed_in(Role.HR)
    vacancy, (stage,), _chair, _member = _scored_vacancy(app, make_user, moderated=False)
    other, (moderated,), _chair2, _member2 = _scored_vacancy(app, make_user)
    stage_url = f"/vacancies/{vacancy.id}/summary/stages/{stage.id}"
    for url in (stage_url, f"{stage_url}/candidates/{vacancy.candidates[0].id}"):
        response = client.get(url)
        assert response.status_code == 302
        assert response.headers["Location"] == f"/vacancies/{vacancy.id}/summary"
    # A stage of another vacancy is not this vacancy's: as missing as one that never was.
    assert client.get(f"/vacancies/{vacancy.id}/summary/stages/{moderated.id}").status_code == 404
    # A candidate of another vacancy has no results at this stage.
    stranger = vacancy.candidates[0].id
    missing = client.get(
        f"/vacancies/{other.id}/summary/stages/{moderated.id}/candidates/{stranger}"
    )
    assert missing.status_code == 404


def test_panel_members_see_only_their_stages_and_outsiders_get_404(app, bank, make_user):
    vacancy, stages, chair, _member = _scored_vacancy(app, make_user, stages=2)
    # Set up as if the chair never sat on stage 2 (the app itself never deletes a scored seat).
    chair_seat = next(seat for seat in stages[1].seats if seat.user_id == chair.id)
    for sheet in db.session.scalars(select(ScoreSheet).where(ScoreSheet.seat_id == chair_seat.id)):
        db.session.delete(sheet)
    db.session.flush()
    stages[1].seats.remove(chair_seat)
    db.session.commit()
    page = client_for(app, chair).get(f"/vacancies/{vacancy.id}/summary").get_data(as_text=True)
    assert "Stage 1" in page and "Stage 2" not in page
    # Stage 2's own pages send the chair back to the summary, as its downloads do.
    for url in (
        f"/vacancies/{vacancy.id}/summary/stages/{stages[1].id}",
        f"/vacancies/{vacancy.id}/summary/stages/{stages[1].id}/candidates/"
        f"{vacancy.candidates[0].id}",
    ):
        assert client_for(app, chair).get(url).status_code == 302
    stage_one = f"/vacancies/{vacancy.id}/summary/stages/{stages[0].id}"
    assert "Stage 1" in client_for(app, chair).get(stage_one).get_data(as_text=True)
    outsider = client_for(app, make_user(Role.PANEL))
    assert outsider.get(f"/vacancies/{vacancy.id}/summary").status_code == 404
    assert outsider.get(stage_one).status_code == 404
    assert outsider.get(f"{stage_one}/candidates/{vacancy.candidates[0].id}").status_code == 404
    reviewer = client_for(app, make_user(Role.REVIEWER))
    assert "Stage 2" in reviewer.get(f"/vacancies/{vacancy.id}/summary").get_data(as_text=True)


def test_word_summary_reopens_with_the_stage_and_candidates(app, bank, signed_in, make_user):
    client, _hr = signed_in(Role.HR)
    vacancy, stages, _chair, _member = _scored_vacancy(app, make_user, stages=2)
    response = client.get(f"/vacancies/{vacancy.id}/summary.docx")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    document = Document(io.BytesIO(response.data))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert any("Stage 1" in text for text in headings)
    assert any("Amara Okafor" in text for text in headings)
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "4.5" in cells  # Amara's values mean, to one decimal place
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "summary.exported"))
    one = client.get(f"/vacancies/{vacancy.id}/stages/{stages[1].id}/summary.docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(one.data)).paragraphs)
    assert "Stage 2" in text and "Stage 1" not in text


def test_raw_scores_csv_neutralises_formulas(app, bank, signed_in, make_user):
    client, _hr = signed_in(Role.HR)
    vacancy, _stages, _chair, _member = _scored_vacancy(app, make_user)
    response = client.get(f"/vacancies/{vacancy.id}/scores.csv")
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert len(body) == 8 and "Evidence" in header
    evidence = [row[header.index("Evidence")] for row in body]
    assert "'" + FORMULA_NOTE in evidence and FORMULA_NOTE not in evidence
    assert "No evidence" in [row[header.index("Score")] for row in body]
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "scores.exported"))


def test_raw_scores_xlsx_opens_with_text_cells(app, bank, signed_in, make_user):
    client, _hr = signed_in(Role.HR)
    vacancy, _stages, _chair, _member = _scored_vacancy(app, make_user)
    response = client.get(f"/vacancies/{vacancy.id}/scores.xlsx")
    sheet = load_workbook(io.BytesIO(response.data)).active
    values = [cell.value for row in sheet.iter_rows(min_row=2) for cell in row]
    assert "'" + FORMULA_NOTE in values and FORMULA_NOTE not in values
    assert 5 in values  # scores are numbers


def test_radar_chart_is_a_png(app, bank, signed_in, make_user):
    client, _hr = signed_in(Role.HR)
    vacancy, stages, _chair, _member = _scored_vacancy(app, make_user)
    candidate = vacancy.candidates[0]
    response = client.get(
        f"/vacancies/{vacancy.id}/stages/{stages[0].id}/candidates/{candidate.id}/radar.png"
    )
    assert response.status_code == 200 and response.data.startswith(b"\x89PNG")


def _results_columns(page: str, caption: str) -> list[str]:
    document = lxml.html.fromstring(page)
    table = document.xpath(f"//table[caption[normalize-space()='{caption}']]")[0]
    return [str(title) for title in table.xpath("./thead//th//abbr/@title")]


def test_results_tables_have_columns_only_for_the_attributes_assessed(
    app, bank, signed_in, make_user
):
    client, _hr = signed_in(Role.HR)
    vacancy, _stages, _chair, _member = _scored_vacancy(app, make_user, stages=2)
    assessed = [
        "Leadership and change driven by values",
        "Changing how decisions are made in the interests of children, young people and families",
    ]

    landing = client.get(f"/vacancies/{vacancy.id}/summary").get_data(as_text=True)
    page = client.get(f"/vacancies/{vacancy.id}/summary/stages/{_stages[0].id}").get_data(
        as_text=True
    )

    assert _results_columns(page, "Candidates by attribute") == assessed
    assert _results_columns(landing, "Candidates by attribute at the deciding stage") == assessed
    assert "Not assessed at this stage: Changing practice and culture" in page
    assert "Not assessed at any stage: Changing practice and culture" in landing


def _select_count(client, path: str) -> int:  # type: ignore[no-untyped-def]
    selects: list[str] = []

    def record(_connection, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            selects.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        response = client.get(path)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert response.status_code == 200 and response.data.startswith(b"\x89PNG")
    return len(selects)


def test_a_stage_radar_chart_reads_only_its_own_stage(app, bank, signed_in, make_user):
    client, _hr = signed_in(Role.HR)
    one, (only,), _chair, _member = _scored_vacancy(app, make_user, stages=1)
    two, (first, _second), _chair2, _member2 = _scored_vacancy(app, make_user, stages=2)
    paths = [
        f"/vacancies/{vacancy.id}/stages/{stage.id}/candidates/{stage.vacancy.candidates[0].id}"
        "/radar.png"
        for vacancy, stage in ((one, only), (two, first))
    ]

    for path in paths:
        client.get(path)  # the first request of all loads the question bank

    one_stage, two_stages = (_select_count(client, path) for path in paths)

    # One more query, to see whether the other stage's moderation is open; consolidating
    # that stage too would be six more.
    assert two_stages == one_stage + 1
