"""The downloaded briefing pack carries the appointed candidate's recorded checks."""

from __future__ import annotations

import io
from datetime import date

from docx import Document

from recruit.extensions import db
from recruit.models import CandidateStatus, CheckKind, CheckStatus, PreEmploymentCheck, Role
from tests.web.test_comparisons import _vacancy


def _checklist_rows(client, vacancy_id: int) -> list[list[str]]:  # type: ignore[no-untyped-def]
    response = client.get(f"/vacancies/{vacancy_id}/comparison.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.data))
    (table,) = [t for t in document.tables if any(c.text == "Check" for c in t.rows[0].cells)]
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_briefing_prints_the_appointed_candidates_recorded_checks(
    app, bank, signed_in, make_user
):  # type: ignore[no-untyped-def]
    client, _ = signed_in(Role.REVIEWER)
    vacancy, _stage, _chair = _vacancy(app, make_user)
    hr = make_user(Role.HR, name="Harriet Okafor")

    blank = _checklist_rows(client, vacancy.id)
    assert blank[0] == ["Done", "Check", "Date", "Checked by"]

    amara = vacancy.candidates[0]
    amara.status = CandidateStatus.APPOINTED
    db.session.add(
        PreEmploymentCheck(
            candidate_id=amara.id, kind=CheckKind.ENHANCED_DBS, status=CheckStatus.SATISFACTORY,
            completed_on=date(2026, 1, 19), outcome="Clear", verified_by_id=hr.id,
        )
    )  # fmt: skip
    db.session.commit()

    rows = _checklist_rows(client, vacancy.id)
    assert rows[0] == ["Done", "Check", "Status", "Date", "Checked by"]
    by_check = {row[1]: row for row in rows[1:]}
    assert by_check["Enhanced DBS check"] == [
        "☑", "Enhanced DBS check", "Satisfactory", "19 January 2026", "Harriet Okafor",
    ]  # fmt: skip
    assert by_check["Identity"][:3] == ["☐", "Identity", "Not started"]
