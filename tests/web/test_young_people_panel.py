"""A young people's panel stage: its packs, downloaded and reopened, and its stage page."""

from __future__ import annotations

import datetime
import io

import pytest
from docx import Document
from docx.document import Document as DocxDocument

from recruit.domain.documents.interview_pack import (
    CONTENT_NOTE_LABEL,
    FACILITATORS_HEADING,
    TRAFFIC_LIGHT_HEADING,
)
from recruit.domain.exercises.wording import distressing_terms_in
from recruit.extensions import db
from recruit.models import Candidate, CandidateStatus, PanelRole, Role, Stage, StageType, Vacancy
from tests.support.factories import make_stage, make_vacancy
from tests.support.forms import csrf_token_from

# Adult wording about a young person who was sexually exploited, with a young people's version;
# and a scenario whose guidance is about exploitation, with none.
EXPLOITED = "values-care-leaver-records-01"
MISSING_BOY = "decisions-exploitation-risk-01"
QUESTIONS = ("values-personal-values-01", EXPLOITED, MISSING_BOY)
WEDNESDAY = datetime.date(2027, 2, 3)
SATURDAY = datetime.date(2027, 2, 6)
SCHOOL_HOURS_ID = 'id="school-hours-warning"'


def _candidates(vacancy: Vacancy) -> None:
    for code, first in (("C-01", "Aisha"), ("C-02", "Ben")):
        db.session.add(
            Candidate(
                vacancy_id=vacancy.id,
                code=code,
                first_name=first,
                last_name="Khan",
                email=f"{first.lower()}@candidate.example",
                status=CandidateStatus.APPLIED,
            )
        )
    db.session.commit()


def _young_peoples_stage(signed_in, make_user, **overrides):  # type: ignore[no-untyped-def]
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    _candidates(vacancy)
    seats = [
        (make_user(Role.PANEL, name="Sam Patel"), PanelRole.CHAIR),
        (make_user(Role.HR, name="Priya Shah"), PanelRole.HR_ADVISER),
        (make_user(Role.PANEL, name="Jo Bell"), PanelRole.YOUNG_PEOPLES_PANEL),
    ]
    values = {
        "name": "Young people's panel",
        "stage_type": StageType.YOUNG_PEOPLES_PANEL,
        "held_on": WEDNESDAY,
        "starts_at": datetime.time(10, 0),
        **overrides,
    }
    stage = make_stage(vacancy, seats=seats, questions=QUESTIONS, **values)
    return client, vacancy, stage


def _base(vacancy: Vacancy, stage: Stage) -> str:
    return f"/vacancies/{vacancy.id}/stages/{stage.id}"


def _issue(client, base: str) -> None:  # type: ignore[no-untyped-def]
    token = csrf_token_from(client.get(f"{base}/plan").get_data(as_text=True))
    data = {"csrf_token": token, "override_reason": "Safeguarding is asked at the final panel"}
    assert client.post(f"{base}/plan/issue", data=data).status_code == 302


def _seat(stage: Stage, role: PanelRole) -> int:
    return next(seat.id for seat in stage.seats if seat.panel_role is role)


def _pack(client, url: str) -> DocxDocument:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return Document(io.BytesIO(response.data))


def _texts(document: DocxDocument) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts.extend(p.text for p in cell.paragraphs)
    return texts


def _one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def issued(bank, signed_in, make_user):  # type: ignore[no-untyped-def]
    client, vacancy, stage = _young_peoples_stage(signed_in, make_user)
    _issue(client, _base(vacancy, stage))
    return client, vacancy, stage


def test_the_young_persons_pack_leaves_out_distressing_adult_wording(bank, issued):
    client, vacancy, stage = issued
    url = f"{_base(vacancy, stage)}/packs/{_seat(stage, PanelRole.YOUNG_PEOPLES_PANEL)}.docx"
    texts = _texts(_pack(client, url))
    text = "\n".join(texts)
    for qid in (EXPLOITED, MISSING_BOY):
        assert _one_line(bank.question(qid).question) not in text
    outside_notes = [t for t in texts if not t.startswith(CONTENT_NOTE_LABEL)]
    assert [t for t in outside_notes if distressing_terms_in(t)] == []
    notes = [t for t in texts if t.startswith(CONTENT_NOTE_LABEL)]
    assert len(notes) == 2 and all("is about exploitation" in note for note in notes)
    assert TRAFFIC_LIGHT_HEADING in texts and "Green" in texts
    assert FACILITATORS_HEADING in texts
    assert "Named support person: Priya Shah (HR adviser)" in texts


def test_the_young_persons_schedule_warns_of_school_hours(issued):
    client, vacancy, stage = issued
    url = f"{_base(vacancy, stage)}/packs/{_seat(stage, PanelRole.YOUNG_PEOPLES_PANEL)}.docx"
    texts = _texts(_pack(client, url))
    warning = next(t for t in texts if t.startswith("Warning: This young people's panel"))
    assert "on Wednesday 3 February 2027, a school day" in warning
    assert texts.index(warning) == texts.index("Schedule") + 1


def test_the_chairs_pack_keeps_the_adult_wording_with_a_content_note(bank, issued):
    client, vacancy, stage = issued
    texts = _texts(
        _pack(client, f"{_base(vacancy, stage)}/packs/{_seat(stage, PanelRole.CHAIR)}.docx")
    )
    text = "\n".join(texts)
    for qid in (EXPLOITED, MISSING_BOY):
        assert _one_line(bank.question(qid).question) in text
    assert sum(t.startswith(CONTENT_NOTE_LABEL) for t in texts) == 2
    assert "Named support person: Priya Shah (HR adviser)" in texts


def test_an_adult_members_pack_at_a_final_panel_is_unchanged(bank, signed_in, make_user):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    _candidates(vacancy)
    seats = [(make_user(Role.PANEL, name="Ruth Owen"), PanelRole.MEMBER)]
    stage = make_stage(vacancy, seats=seats, questions=QUESTIONS, held_on=WEDNESDAY)
    base = _base(vacancy, stage)
    _issue(client, base)
    texts = _texts(_pack(client, f"{base}/packs/{_seat(stage, PanelRole.MEMBER)}.docx"))
    assert f"Ask: {_one_line(bank.question(EXPLOITED).question)}" in texts
    assert not any(t.startswith(CONTENT_NOTE_LABEL) for t in texts)
    assert FACILITATORS_HEADING not in texts and TRAFFIC_LIGHT_HEADING not in texts
    assert not any(t.startswith("Warning: This young people's panel") for t in texts)
    page = client.get(base).get_data(as_text=True)
    assert SCHOOL_HOURS_ID not in page


def test_the_stage_page_warns_of_a_school_day(bank, signed_in, make_user):
    client, vacancy, stage = _young_peoples_stage(signed_in, make_user)
    page = client.get(_base(vacancy, stage)).get_data(as_text=True)
    assert SCHOOL_HOURS_ID in page
    assert "This young people&#39;s panel runs from 10:00 to" in page
    assert "on Wednesday 3 February 2027, a school day" in page
    assert "after 16:00" in page


@pytest.mark.parametrize(
    "overrides",
    [
        {"held_on": SATURDAY},
        {"starts_at": datetime.time(16, 30)},
        {"held_on": None},
    ],
)
def test_the_stage_page_has_no_warning_outside_school_hours(bank, signed_in, make_user, overrides):
    client, vacancy, stage = _young_peoples_stage(signed_in, make_user, **overrides)
    page = client.get(_base(vacancy, stage)).get_data(as_text=True)
    assert SCHOOL_HOURS_ID not in page


AGREEMENT = (
    "Agreed with the young people, their carers and their schools by Dee Moss, participation "
    "lead, on 20 January 2027: the two still at school are on study leave that day."
)


def _edit_stage(client, vacancy, stage, agreement: str):  # type: ignore[no-untyped-def]
    url = f"{_base(vacancy, stage)}/edit"
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    data = {
        "csrf_token": token,
        "lock_version": stage.lock_version,
        "name": stage.name,
        "stage_type": stage.stage_type.value,
        "role": stage.role.value,
        "held_on": ["3", "2", "2027"],
        "duration_minutes": "45",
        "starts_at": "10:00",
        "school_hours_agreement": agreement,
    }
    return client.post(url, data=data, follow_redirects=True)


def test_an_agreed_time_replaces_the_warning_on_the_stage_page_and_in_the_pack(
    bank, signed_in, make_user
):  # type: ignore[no-untyped-def]
    client, vacancy, stage = _young_peoples_stage(signed_in, make_user)
    page = _edit_stage(client, vacancy, stage, f"  {AGREEMENT}  ").get_data(as_text=True)
    assert SCHOOL_HOURS_ID not in page and 'id="school-hours-agreed"' in page
    agreed = page.split('id="school-hours-agreed">')[1].split("</div>")[0]
    assert "on Wednesday 3 February 2027, a school day. The time was agreed: Agreed with" in (
        agreed.replace("&#39;", "'")
    )
    db.session.expire_all()
    assert stage.school_hours_agreement == AGREEMENT  # kept without the spaces around it

    base = _base(vacancy, stage)
    _issue(client, base)
    texts = _texts(
        _pack(client, f"{base}/packs/{_seat(stage, PanelRole.YOUNG_PEOPLES_PANEL)}.docx")
    )
    assert not any(t.startswith("Warning: This young people's panel") for t in texts)
    agreed_line = next(t for t in texts if t.startswith("School hours: This young people's panel"))
    assert agreed_line.endswith(f"The time was agreed: {AGREEMENT}")


def test_clearing_the_agreement_brings_the_warning_back(bank, signed_in, make_user):
    client, vacancy, stage = _young_peoples_stage(signed_in, make_user)
    _edit_stage(client, vacancy, stage, AGREEMENT)
    db.session.expire_all()
    page = _edit_stage(client, vacancy, stage, "   ").get_data(as_text=True)
    assert SCHOOL_HOURS_ID in page and 'id="school-hours-agreed"' not in page
    db.session.expire_all()
    assert stage.school_hours_agreement is None


def test_an_agreement_outside_school_hours_says_nothing(bank, signed_in, make_user):
    client, vacancy, stage = _young_peoples_stage(signed_in, make_user, held_on=SATURDAY)
    stage.school_hours_agreement = AGREEMENT
    db.session.commit()
    page = client.get(_base(vacancy, stage)).get_data(as_text=True)
    assert SCHOOL_HOURS_ID not in page and 'id="school-hours-agreed"' not in page


def test_an_overlong_agreement_is_refused_and_kept(bank, signed_in, make_user):
    client, vacancy, stage = _young_peoples_stage(signed_in, make_user)
    page = _edit_stage(client, vacancy, stage, "x" * 2001).get_data(as_text=True)
    assert "How the time was agreed must be 2000 characters or fewer" in page
    assert "x" * 2001 in page  # re-shown, nothing lost
    db.session.expire_all()
    assert stage.school_hours_agreement is None
