"""The briefing pack's and the scoring summary's sign-off, built from the database: the
deciding panel's scoring members sign, its advisers are listed apart, and the briefing's
steps come from the vacancy's recorded decision."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.document import Document as DocxDocument

from recruit.extensions import db
from recruit.models import (
    AppointmentDecision,
    CandidateStatus,
    DecisionConfirmation,
    PanelRole,
    Role,
    StageModeration,
)
from recruit.models._types import utcnow
from tests.support.factories import make_candidate, make_issued_stage, make_vacancy, submit_sheet

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]


def _decided_vacancy(app, make_user, *, decided=True):  # type: ignore[no-untyped-def]
    vacancy = make_vacancy(make_user(Role.HR))
    amara = make_candidate(vacancy, "Amara", "Okafor", status=CandidateStatus.SHORTLISTED)
    chair = make_user(Role.PANEL, name="Cllr Sam Patel")
    member = make_user(Role.PANEL, name="Cllr Joan Whitaker")
    stood_down = make_user(Role.PANEL, name="Cllr Gone Away")
    adviser = make_user(Role.PANEL, name="Jane Morris, Chief Executive")
    hr = make_user(Role.HR, name="Harriet Okafor")
    stage = make_issued_stage(
        app,
        vacancy,
        seats=[
            (chair, PanelRole.CHAIR), (member, PanelRole.ELECTED_MEMBER),
            (stood_down, PanelRole.ELECTED_MEMBER), (adviser, PanelRole.ADVISER),
            (hr, PanelRole.HR_ADVISER),
        ],
        questions=QUESTIONS,
    )  # fmt: skip
    for seat in stage.seats:
        seat.is_councillor = seat.user_id in (chair.id, member.id, stood_down.id)
        seat.is_executive_member = seat.user_id == chair.id
        if seat.user_id == stood_down.id:
            seat.stood_down_at, seat.stood_down_reason = utcnow(), "Unwell"
    for user in (chair, member):
        submit_sheet(stage, user, amara, [4, 4])
    db.session.add(StageModeration(stage_id=stage.id))
    if decided:
        decision = AppointmentDecision(
            vacancy_id=vacancy.id, stage_id=stage.id, candidate_id=amara.id,
            reasons="Strongest evidence.", recorded_by_id=chair.id,
        )  # fmt: skip
        decision.confirmations.append(DecisionConfirmation(user_id=chair.id))
        db.session.add(decision)
    db.session.commit()
    return vacancy, stage


def _captioned(document: DocxDocument, caption: str) -> list[list[str]]:
    from tests.domain.briefing_pack_helpers import rows_text, table_captioned

    return rows_text(table_captioned(document, caption))


def test_briefing_signed_by_the_deciding_members_advised_by_officers(
    app, bank, signed_in, make_user
):
    client, _ = signed_in(Role.REVIEWER)
    vacancy, _stage = _decided_vacancy(app, make_user)
    document = Document(io.BytesIO(client.get(f"/vacancies/{vacancy.id}/comparison.docx").data))
    assert _captioned(document, "Sign-off")[1:] == [
        ["Cllr Sam Patel", "Chair", "Councillor, executive member", "", ""],
        ["Cllr Joan Whitaker", "Elected member", "Councillor", "", ""],
    ]
    assert _captioned(document, "Advised by")[1:] == [
        ["Jane Morris, Chief Executive", "Adviser"],
        ["Harriet Okafor", "HR adviser"],
    ]
    steps = {row[0]: row[1:] for row in _captioned(document, "Steps recorded")[1:]}
    today = date.today()
    assert steps["Decision recorded"][1] == "Amara Okafor (C-01)\nBy Cllr Sam Patel"
    assert steps["Decision recorded"][0] == f"{today.day} {today:%B %Y}"
    assert steps["Confirmed by Cllr Joan Whitaker"][0] == "Not yet"
    assert "Confirmed by Cllr Gone Away" not in steps
    # A DCS is a post elected members appoint: the executive is told before any offer.
    assert steps["Executive notified"][0] == "Not yet"
    assert steps["Offer made"][0] == "Not yet"


def test_briefing_before_a_decision_shows_every_step_not_yet(app, bank, signed_in, make_user):
    client, _ = signed_in(Role.REVIEWER)
    vacancy, _stage = _decided_vacancy(app, make_user, decided=False)
    document = Document(io.BytesIO(client.get(f"/vacancies/{vacancy.id}/comparison.docx").data))
    steps = _captioned(document, "Steps recorded")[1:]
    assert {row[1] for row in steps} == {"Not yet"}


def test_summary_signed_by_the_deciding_members_advised_by_officers(
    app, bank, signed_in, make_user
):
    client, _ = signed_in(Role.HR)
    vacancy, _stage = _decided_vacancy(app, make_user)
    document = Document(io.BytesIO(client.get(f"/vacancies/{vacancy.id}/summary.docx").data))
    assert [row[:2] for row in _captioned(document, "Sign-off")[1:]] == [
        ["Cllr Sam Patel", "Chair, Final panel (councillor, executive member)"],
        ["Cllr Joan Whitaker", "Elected member, Final panel (councillor)"],
    ]
    assert _captioned(document, "Advised by")[1:] == [
        ["Jane Morris, Chief Executive", "Adviser, Final panel"],
        ["Harriet Okafor", "HR adviser, Final panel"],
    ]
