"""The vacancy's timetable: the page with its clashes, the candidates' .docx, the chair's
day's timetable, the command line, and who may see them."""

from __future__ import annotations

import datetime
import io

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from sqlalchemy import select

from recruit.domain.documents.interview_pack.day_timetable import DAY_TIMETABLE_HEADING
from recruit.extensions import db
from recruit.models import AuditEvent, PanelRole, Role, StageType, Vacancy
from tests.support.factories import make_candidate, make_issued_stage, make_stage, make_vacancy

DAY = datetime.date(2027, 4, 14)
NEXT_DAY = datetime.date(2027, 4, 15)
QUESTIONS = ("values-personal-values-01", "decisions-own-risk-01")


def _carousel(vacancy: Vacancy, *, stakeholder_slot: int = 60) -> None:
    """A young people's panel and a stakeholder panel on one day, the final panel the next
    day with no start time yet, and three candidates (one withdrawn, left out)."""
    for first, last in (("Aisha", "Khan"), ("Ben", "Okafor"), ("Carys", "Jones")):
        make_candidate(vacancy, first, last)
    make_candidate(vacancy, "Dan", "Withdrew", status="withdrawn")
    common = {"held_on": DAY, "starts_at": datetime.time(10, 0), "break_minutes": 15}
    make_stage(
        vacancy,
        name="Young people's panel",
        stage_type=StageType.YOUNG_PEOPLES_PANEL,
        duration_minutes=45,
        slot_minutes=60,
        **common,
    )
    make_stage(
        vacancy,
        name="Stakeholder panel",
        stage_type=StageType.STAKEHOLDER_PANEL,
        duration_minutes=stakeholder_slot - 15,
        slot_minutes=stakeholder_slot,
        **common,
    )
    make_stage(vacancy, name="Final panel", held_on=NEXT_DAY)


@pytest.fixture
def hr_and_vacancy(bank, signed_in):  # type: ignore[no-untyped-def]
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr, hide_candidate_names=True)
    return client, vacancy


def _reopen(data: bytes) -> DocxDocument:
    return Document(io.BytesIO(data))


def _section_texts(document: DocxDocument) -> list[str]:
    """The body's text split at each section break: one entry per candidate's page."""
    pages, current = [], []
    body = document.element.body
    for block in body.iterchildren():
        current.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
        if block.find(".//{*}sectPr") is not None:
            pages.append("\n".join(current))
            current = []
    pages.append("\n".join(current))
    return [page for page in pages if page.strip()]


def _headings(document: DocxDocument) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]


def test_the_page_shows_each_panel_by_time_and_any_clash(hr_and_vacancy):
    client, vacancy = hr_and_vacancy
    _carousel(vacancy, stakeholder_slot=90)

    page = client.get(f"/vacancies/{vacancy.id}/timetable").get_data(as_text=True)

    assert "govuk-warning-text" in page and 'class="app-table-scroll"' in page
    assert "C-02 is due at the Stakeholder panel 10:00\u201311:15" in page
    assert "and the Young people&#39;s panel 11:00\u201311:45 on 14 April 2027" in page
    assert "Final panel</strong>: times to be confirmed" in page
    assert f"/vacancies/{vacancy.id}/timetable.docx" in page
    assert "C-04" not in page


def test_without_a_clash_the_page_shows_the_carousel_and_no_warning(hr_and_vacancy):
    client, vacancy = hr_and_vacancy
    _carousel(vacancy)

    page = client.get(f"/vacancies/{vacancy.id}/timetable").get_data(as_text=True)

    assert "govuk-warning-text" not in page
    row = page.index("10:00 to 10:45")
    assert page.index("C-01", row) < page.index("C-02", row) < page.index("11:00 to 11:45")
    shown = client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
    assert f"/vacancies/{vacancy.id}/timetable" in shown


def test_the_document_has_a_section_per_candidate_with_their_times(hr_and_vacancy):
    client, vacancy = hr_and_vacancy
    _carousel(vacancy)

    response = client.get(f"/vacancies/{vacancy.id}/timetable.docx")

    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    document = _reopen(response.data)
    assert len(document.sections) == 3
    pages = _section_texts(document)
    assert [page.splitlines()[0] for page in pages] == [
        f"Interview timetable: C-0{n}" for n in (1, 2, 3)
    ]
    second = pages[1]
    # C-02 opens the stakeholder panel, then meets the young people after the panel's slot.
    assert second.index("10:00 to 10:45Stakeholder panel") < second.index(
        "11:00 to 11:45Young people's panel"
    )
    assert "10:45 to 11:00Break" in second
    assert "County Hall" in second and "15 April 2027" in second
    assert "Times to be confirmed" in second and "Clash" not in second
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "timetable.exported"))
    assert event is not None and event.object_id == str(vacancy.id)


def test_a_clash_is_stated_on_the_candidates_page(hr_and_vacancy):
    client, vacancy = hr_and_vacancy
    _carousel(vacancy, stakeholder_slot=90)

    pages = _section_texts(_reopen(client.get(f"/vacancies/{vacancy.id}/timetable.docx").data))

    assert "Clash" not in pages[0]
    assert "Clash: C-02 is due at the Stakeholder panel 10:00\u201311:15" in pages[1]


def test_the_chairs_pack_follows_the_carousel_and_has_the_days_timetable(
    app, hr_and_vacancy, make_user
):
    client, vacancy = hr_and_vacancy
    _carousel(vacancy)
    chair = make_user(Role.PANEL, name="Sam Patel")
    member = make_user(Role.PANEL, name="Ruth Owen")
    second = make_issued_stage(
        app,
        vacancy,
        seats=[(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER)],
        questions=QUESTIONS,
        name="Presentation",
        stage_type=StageType.PRESENTATION,
        held_on=DAY,
        starts_at=datetime.time(10, 0),
        duration_minutes=45,
        slot_minutes=60,
        break_minutes=15,
    )
    seat, member_seat = (
        next(s.id for s in second.seats if s.user_id == user.id) for user in (chair, member)
    )
    base = f"/vacancies/{vacancy.id}/stages/{second.id}/packs"

    chair_pack = _reopen(client.get(f"{base}/{seat}.docx").data)
    member_pack = _reopen(client.get(f"{base}/{member_seat}.docx").data)
    assert DAY_TIMETABLE_HEADING in _headings(chair_pack)
    assert DAY_TIMETABLE_HEADING not in _headings(member_pack)
    schedule = next(t for t in chair_pack.tables if t.rows[0].cells[-1].text == "Candidate")
    # The third panel on the day starts with the third candidate.
    assert [row.cells[1].text for row in schedule.rows[1:]] == ["C-03", "C-01", "Break", "C-02"]
    grid = next(t for t in chair_pack.tables if t.rows[0].cells[-1].text == "Presentation")
    assert [c.text for c in grid.rows[0].cells] == [
        "Time",
        "Young people's panel",
        "Stakeholder panel",
        "Presentation",
    ]
    assert [c.text for c in grid.rows[1].cells] == ["10:00 to 10:45", "C-01", "C-02", "C-03"]


def test_hr_may_see_the_timetable_and_a_panel_member_may_not(app, bank, signed_in, make_user):
    hr_client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    _carousel(vacancy)
    panel_client, _ = signed_in(Role.PANEL)

    for url in (f"/vacancies/{vacancy.id}/timetable", f"/vacancies/{vacancy.id}/timetable.docx"):
        assert hr_client.get(url).status_code == 200
        assert panel_client.get(url).status_code == 403
        assert app.test_client().get(url).status_code == 302
    assert hr_client.get("/vacancies/999/timetable").status_code == 404


def test_the_command_writes_the_timetables(app, bank, make_user, tmp_path):
    vacancy = make_vacancy(make_user(Role.HR), hide_candidate_names=True)
    _carousel(vacancy)
    out = tmp_path / "timetable.docx"

    result = app.test_cli_runner().invoke(
        args=["export", "timetable", "--vacancy", str(vacancy.id), "--out", str(out)]
    )

    assert result.exit_code == 0, result.output
    assert len(Document(str(out)).sections) == 3
    assert db.session.scalar(
        select(AuditEvent).where(
            AuditEvent.action == "timetable.exported", AuditEvent.actor == "command line"
        )
    )
    refused = app.test_cli_runner().invoke(
        args=["export", "timetable", "--vacancy", str(vacancy.id), "--out", str(out) + ".pdf"]
    )
    assert refused.exit_code != 0 and "must end in .docx" in refused.output
