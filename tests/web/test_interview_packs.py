"""Interview packs of a stage: the page, each member's .docx, the chair's, the zip, the CLI."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from dataclasses import dataclass

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from sqlalchemy import select

from recruit.bank_store import save_question
from recruit.domain.documents.interview_pack import (
    CHAIR_HEADING,
    CONFLICT_TICK,
    DECLARATION_HEADING,
    sheet_heading,
)
from recruit.extensions import db
from recruit.models import (
    AuditEvent,
    Candidate,
    CandidateStatus,
    ConflictOfInterest,
    PanelRole,
    Question,
    Role,
    Stage,
    Vacancy,
)
from tests.support.factories import make_stage, make_vacancy
from tests.support.forms import csrf_token_from

QUESTIONS = (
    "values-personal-values-01",
    "decisions-own-risk-01",
    "practice-culture-shared-vision-01",
    "partnerships-translating-model-01",
)
CANDIDATES = (("C-01", "Aisha", "Khan"), ("C-02", "Ben", "Okafor"), ("C-03", "Carys", "Jones"))
WITHDRAWN = ("C-04", "Dan", "Withdrew")


@dataclass
class PackStage:
    client: object
    vacancy: Vacancy
    stage: Stage
    chair_seat_id: int
    member_seat_id: int
    young_person_seat_id: int

    @property
    def base(self) -> str:
        return f"/vacancies/{self.vacancy.id}/stages/{self.stage.id}"


def _add_candidates(vacancy: Vacancy) -> None:
    for code, first, last in (*CANDIDATES, WITHDRAWN):
        db.session.add(
            Candidate(
                vacancy_id=vacancy.id,
                code=code,
                first_name=first,
                last_name=last,
                email=f"{first.lower()}@candidate.example",
                status=CandidateStatus.WITHDRAWN
                if code == WITHDRAWN[0]
                else CandidateStatus.APPLIED,
            )
        )
    db.session.commit()


def _issue(client, base: str) -> None:  # type: ignore[no-untyped-def]
    token = csrf_token_from(client.get(f"{base}/plan").get_data(as_text=True))
    # These packs test layout, not safer recruitment: the plan is issued past its gate.
    data = {"csrf_token": token, "override_reason": "Safeguarding is asked at the final panel"}
    response = client.post(f"{base}/plan/issue", data=data)
    assert response.status_code == 302


def _make_pack_stage(bank, signed_in, make_user, *, roles=None, issue=True) -> PackStage:  # type: ignore[no-untyped-def]
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    _add_candidates(vacancy)
    roles = roles or (PanelRole.CHAIR, PanelRole.MEMBER, PanelRole.YOUNG_PEOPLES_PANEL)
    names = ("Sam Patel", "Ruth Owen", "Jo Bell")
    seats = [(make_user(Role.PANEL, name=n), r) for n, r in zip(names, roles, strict=True)]
    stage = make_stage(vacancy, seats=seats, questions=QUESTIONS)
    ids = [next(s.id for s in stage.seats if s.user_id == user.id) for user, _ in seats]
    pack_stage = PackStage(client, vacancy, stage, *ids)
    if issue:
        _issue(client, pack_stage.base)
    return pack_stage


@pytest.fixture
def issued(bank, signed_in, make_user) -> PackStage:  # type: ignore[no-untyped-def]
    return _make_pack_stage(bank, signed_in, make_user)


def _reopen(data: bytes) -> DocxDocument:
    return Document(io.BytesIO(data))


def _all_text(document: DocxDocument) -> str:
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    return "\n".join(paragraph.text for paragraph in paragraphs)


def _sheet_headings(document: DocxDocument) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.startswith("Scoring sheet:")]


def _download(client, url: str) -> DocxDocument:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert "attachment" in response.headers["Content-Disposition"]
    return _reopen(response.data)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_the_packs_page_lists_a_pack_for_each_panel_member(issued):
    page = issued.client.get(f"{issued.base}/packs").get_data(as_text=True)
    assert page.count("Download (.docx)") == 3
    for name in ("Sam Patel", "Ruth Owen", "Jo Bell"):
        assert f"the pack for {name}" in page
    assert f"{issued.base}/packs/{issued.member_seat_id}.docx" in page
    assert "Download all as a zip" in page and f"{issued.base}/packs/all.zip" in page


def test_every_pack_has_the_issued_questions_a_sheet_per_candidate_and_the_organisation(
    bank, issued
):
    urls = [f"{issued.base}/packs/{seat}.docx" for seat in (issued.member_seat_id,)]
    urls += [f"{issued.base}/packs/{issued.young_person_seat_id}.docx"]
    urls += [f"{issued.base}/packs/chair.docx"]
    for url in urls:
        document = _download(issued.client, url)
        text = _all_text(document)
        for question_id in QUESTIONS:
            assert _one_line(bank.question(question_id).question) in text, (url, question_id)
        assert _sheet_headings(document) == [
            sheet_heading(f"{first} {last} ({code})") for code, first, last in CANDIDATES
        ]
        assert "Dan Withdrew" not in text and "C-04" not in text
        header = " ".join(p.text for p in document.sections[0].header.paragraphs)
        assert "Testshire Council" in header


def test_only_the_chairs_pack_has_the_chairing_section(issued):
    chair = _all_text(_download(issued.client, f"{issued.base}/packs/chair.docx"))
    chair_seat = _all_text(
        _download(issued.client, f"{issued.base}/packs/{issued.chair_seat_id}.docx")
    )
    member = _all_text(
        _download(issued.client, f"{issued.base}/packs/{issued.member_seat_id}.docx")
    )
    assert CHAIR_HEADING in chair and "Sam Patel, chair of the panel" in chair
    assert chair_seat == chair
    assert CHAIR_HEADING not in member and "Ruth Owen, panel member" in member


def _schedule_rows(document: DocxDocument) -> list[tuple[str, str]]:
    table = next(t for t in document.tables if t.rows[0].cells[-1].text == "Candidate")
    return [(row.cells[0].text, row.cells[1].text) for row in table.rows]


def test_the_schedule_suggests_times_from_half_past_nine_with_time_to_score(issued):
    document = _download(issued.client, f"{issued.base}/packs/chair.docx")
    # 90 minutes each, then 15 minutes to score before the next candidate.
    assert [time for time, _ in _schedule_rows(document)] == [
        "Suggested time",
        "09:30 to 11:00",
        "11:15 to 12:45",
        "13:00 to 14:30",
    ]
    assert "These times are suggested" in _all_text(document)


def test_the_schedule_uses_the_stages_start_slot_and_break(issued):
    issued.stage.starts_at = datetime.time(10, 15)
    issued.stage.slot_minutes = 110
    issued.stage.break_minutes = 40
    db.session.commit()
    document = _download(issued.client, f"{issued.base}/packs/{issued.member_seat_id}.docx")
    # Three candidates: the break follows the second interview's slot.
    assert _schedule_rows(document) == [
        ("Time", "Candidate"),
        ("10:15 to 11:45", "Aisha Khan (C-01)"),
        ("12:05 to 13:35", "Ben Okafor (C-02)"),
        ("13:55 to 14:35", "Break"),
        ("14:35 to 16:05", "Carys Jones (C-03)"),
    ]
    assert "suggested" not in _all_text(document)


def test_the_young_peoples_panel_member_gets_the_plain_english_wording_first(bank, issued):
    young = _download(issued.client, f"{issued.base}/packs/{issued.young_person_seat_id}.docx")
    member = _download(issued.client, f"{issued.base}/packs/{issued.member_seat_id}.docx")
    variant = _one_line(bank.question("values-personal-values-01").young_people_variant)
    assert f"Ask: {variant}" in [p.text for p in young.paragraphs]
    assert variant not in _all_text(member)


def test_hidden_names_show_only_codes_in_a_members_pack(issued):
    issued.vacancy.hide_candidate_names = True
    db.session.commit()
    document = _download(issued.client, f"{issued.base}/packs/{issued.member_seat_id}.docx")
    text = _all_text(document)
    assert _sheet_headings(document) == [sheet_heading(code) for code, _, _ in CANDIDATES]
    for code, first, last in CANDIDATES:
        assert f"{first} {last}" not in text and f"({code})" not in text


def test_the_zip_holds_every_members_pack_and_each_reopens(bank, issued):
    response = issued.client.get(f"{issued.base}/packs/all.zip")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert "attachment" in response.headers["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        names = archive.namelist()
        documents = [_reopen(archive.read(name)) for name in names]
    assert len(names) == 3 and len(set(names)) == 3
    assert sum(name.endswith(" - chair.docx") for name in names) == 1
    question = _one_line(bank.question(QUESTIONS[0]).question)
    assert all(question in _all_text(document) for document in documents)


def test_with_no_chair_on_the_panel_a_chairs_pack_is_added(bank, signed_in, make_user):
    roles = (PanelRole.MEMBER, PanelRole.YOUNG_PEOPLES_PANEL, PanelRole.HR_ADVISER)
    pack_stage = _make_pack_stage(bank, signed_in, make_user, roles=roles)
    page = pack_stage.client.get(f"{pack_stage.base}/packs").get_data(as_text=True)
    assert page.count("Download (.docx)") == 4 and "the pack for Chair" in page
    response = pack_stage.client.get(f"{pack_stage.base}/packs/all.zip")
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        names = archive.namelist()
        assert all(_reopen(archive.read(name)).paragraphs for name in names)
    assert len(names) == 4 and any(name.endswith("Chair - chair.docx") for name in names)
    chair = _all_text(_download(pack_stage.client, f"{pack_stage.base}/packs/chair.docx"))
    assert CHAIR_HEADING in chair


def test_before_the_plan_is_issued_the_page_says_so_and_downloads_go_back_to_it(
    bank, signed_in, make_user
):
    pack_stage = _make_pack_stage(bank, signed_in, make_user, issue=False)
    client, base = pack_stage.client, pack_stage.base
    page = client.get(f"{base}/packs")
    assert page.status_code == 200
    assert "Issue the interview plan first" in page.get_data(as_text=True)
    assert "Download (.docx)" not in page.get_data(as_text=True)
    for name in (f"{pack_stage.member_seat_id}.docx", "chair.docx", "all.zip"):
        response = client.get(f"{base}/packs/{name}")
        assert response.status_code == 302 and response.headers["Location"].endswith(
            f"{base}/packs"
        )
        followed = client.get(f"{base}/packs/{name}", follow_redirects=True)
        assert followed.status_code == 200
        assert "Issue the interview plan first" in followed.get_data(as_text=True)


def test_an_issued_plan_with_no_panel_asks_for_a_panel(bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    stage = make_stage(vacancy, questions=QUESTIONS[:1])
    base = f"/vacancies/{vacancy.id}/stages/{stage.id}"
    _issue(client, base)
    page = client.get(f"{base}/packs").get_data(as_text=True)
    assert "Add at least one person to the panel first" in page
    assert client.get(f"{base}/packs/chair.docx").status_code == 302


def test_a_seat_from_another_stage_is_not_found(bank, issued, make_user):
    other = make_stage(issued.vacancy, seats=[(make_user(Role.PANEL), PanelRole.MEMBER)])
    response = issued.client.get(f"{issued.base}/packs/{other.seats[0].id}.docx")
    assert response.status_code == 404


def test_editing_the_bank_after_issue_does_not_change_the_pack(bank, issued, make_user):
    question_id = QUESTIONS[1]
    original = _one_line(bank.question(question_id).question)
    edited = bank.question(question_id).to_dict() | {"question": "A rewritten question"}
    row = db.session.get(Question, question_id)
    save_question(edited, make_user(Role.ADMIN), "Reworded", row.lock_version)
    db.session.commit()
    text = _all_text(_download(issued.client, f"{issued.base}/packs/{issued.member_seat_id}.docx"))
    assert original in text and "A rewritten question" not in text
    assert f"Bank reference {question_id}, version 1." in text


def test_each_download_is_recorded_in_the_audit_log(issued):
    issued.client.get(f"{issued.base}/packs/{issued.member_seat_id}.docx")
    issued.client.get(f"{issued.base}/packs/all.zip")
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "pack.exported").order_by(AuditEvent.id)
    ).all()
    assert [event.detail["pack"] for event in events] == ["member", "all"]
    assert events[0].detail["seat_id"] == issued.member_seat_id
    assert events[0].object_id == str(issued.stage.id)


@pytest.mark.parametrize("role", [Role.PANEL, Role.REVIEWER])
def test_panel_and_reviewers_cannot_reach_packs(bank, signed_in, make_user, role):
    hr_stage = _make_pack_stage(bank, signed_in, make_user)
    client, _user = signed_in(role)
    for path in ("", f"/{hr_stage.member_seat_id}.docx", "/chair.docx", "/all.zip"):
        assert client.get(f"{hr_stage.base}/packs{path}").status_code == 403, path


def test_export_command_writes_the_chairs_pack_and_the_zip(app, issued, tmp_path):
    runner = app.test_cli_runner()
    ids = ["--vacancy", str(issued.vacancy.id), "--stage", str(issued.stage.id)]
    chair = tmp_path / "chair.docx"
    result = runner.invoke(args=["export", "pack", *ids, "--out", str(chair)])
    assert result.exit_code == 0, result.output
    assert CHAIR_HEADING in _all_text(Document(str(chair)))
    everyone = tmp_path / "packs.zip"
    result = runner.invoke(args=["export", "pack", *ids, "--all-members", "--out", str(everyone)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(everyone) as archive:
        assert len(archive.namelist()) == 3
        assert all(_reopen(archive.read(name)).paragraphs for name in archive.namelist())
    assert db.session.scalar(
        select(AuditEvent).where(
            AuditEvent.action == "pack.exported", AuditEvent.actor == "command line"
        )
    )


def test_export_command_refuses_clearly(app, bank, issued, signed_in, make_user, tmp_path):
    runner = app.test_cli_runner()
    vacancy, stage = str(issued.vacancy.id), str(issued.stage.id)
    unissued = _make_pack_stage(bank, signed_in, make_user, issue=False)

    def run(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(args=["export", "pack", *args])

    cases = [
        (
            ["--vacancy", "999", "--stage", stage, "--out", str(tmp_path / "a.docx")],
            "Vacancy 999 does not exist",
        ),
        (
            ["--vacancy", vacancy, "--stage", "999", "--out", str(tmp_path / "a.docx")],
            "Stage 999 does not exist",
        ),
        (
            [
                "--vacancy",
                vacancy,
                "--stage",
                str(unissued.stage.id),
                "--out",
                str(tmp_path / "a.docx"),
            ],
            "belongs to another vacancy",
        ),
        (
            [
                "--vacancy",
                str(unissued.vacancy.id),
                "--stage",
                str(unissued.stage.id),
                "--out",
                str(tmp_path / "a.docx"),
            ],
            "Issue the interview plan first",
        ),
        (
            ["--vacancy", vacancy, "--stage", stage, "--out", str(tmp_path / "a.pdf")],
            "must end in .docx",
        ),
        (
            [
                "--vacancy",
                vacancy,
                "--stage",
                stage,
                "--all-members",
                "--out",
                str(tmp_path / "a.docx"),
            ],
            "must end in .zip",
        ),
    ]
    for args, message in cases:
        result = run(*args)
        assert result.exit_code != 0 and message in result.output, (args, result.output)
    assert not list(tmp_path.iterdir())


def _declared(document: DocxDocument) -> list[tuple[str, str]]:
    table = next(t for t in document.tables if t.rows[0].cells[1].text == CONFLICT_TICK)
    return [(row.cells[0].text, row.cells[1].text) for row in table.rows[1:]]


def test_each_pack_opens_with_a_conflict_declaration_of_the_stages_candidates(issued):
    for seat in ("chair", issued.member_seat_id, issued.young_person_seat_id):
        document = _download(issued.client, f"{issued.base}/packs/{seat}.docx")
        headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
        assert headings[1] == DECLARATION_HEADING, seat
        assert _declared(document) == [
            (f"{first} {last} ({code})", "☐") for code, first, last in CANDIDATES
        ]
        assert "declared in the app, under Your interviews" in _all_text(document)


def test_the_declaration_shows_codes_when_names_are_hidden_and_marks_declared_conflicts(issued):
    issued.vacancy.hide_candidate_names = True
    member = next(s for s in issued.stage.seats if s.id == issued.member_seat_id)
    first = next(c for c in issued.vacancy.candidates if c.code == "C-01")
    db.session.add(
        ConflictOfInterest(user_id=member.user_id, candidate_id=first.id, description="x")
    )
    db.session.commit()
    document = _download(issued.client, f"{issued.base}/packs/{issued.member_seat_id}.docx")
    assert _declared(document) == [("C-01", "☒"), ("C-02", "☐"), ("C-03", "☐")]
    assert _sheet_headings(document) == [sheet_heading("C-02"), sheet_heading("C-03")]


def test_no_pack_offers_an_unweighted_total(issued):
    text = _all_text(_download(issued.client, f"{issued.base}/packs/{issued.member_seat_id}.docx"))
    assert not re.search(r"out of \d+", text) and "Total of the scores" not in text
    assert "weighted figure is worked out at moderation" in text


def test_the_hr_advisers_pack_has_no_scoring_sheets(bank, signed_in, make_user):
    roles = (PanelRole.CHAIR, PanelRole.MEMBER, PanelRole.HR_ADVISER)
    pack_stage = _make_pack_stage(bank, signed_in, make_user, roles=roles)
    adviser_seat = pack_stage.young_person_seat_id  # the third seat: the HR adviser here
    adviser = _download(pack_stage.client, f"{pack_stage.base}/packs/{adviser_seat}.docx")
    member = _download(
        pack_stage.client, f"{pack_stage.base}/packs/{pack_stage.member_seat_id}.docx"
    )
    text = _all_text(adviser)
    assert _sheet_headings(adviser) == [] and len(_sheet_headings(member)) == len(CANDIDATES)
    assert "Jo Bell, adviser to the panel" in text
    assert "You advise the panel and do not score" in text
    assert "Score on your own first" not in text
    assert _one_line(bank.question(QUESTIONS[0]).question) in text
    assert len(_declared(adviser)) == len(CANDIDATES)
