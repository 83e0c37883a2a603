"""The briefing pack as downloaded: GET /vacancies/<id>/comparison.docx on a seeded vacancy
gives the restructured pack."""

from __future__ import annotations

import io

from docx import Document

from recruit.extensions import db
from recruit.models import Role
from tests.web.test_comparisons import _vacancy


def test_downloaded_briefing_pack_has_the_honest_sections(app, bank, signed_in, make_user):  # type: ignore[no-untyped-def]
    client, _ = signed_in(Role.REVIEWER)
    vacancy, _stage, _chair = _vacancy(app, make_user)

    response = client.get(f"/vacancies/{vacancy.id}/comparison.docx")

    assert response.status_code == 200
    document = Document(io.BytesIO(response.data))
    level_one = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    for section in ("The deciding panel's results", "What the advisory panels said",
                    "Evidence and concerns", "How far each panel agreed",
                    "Decision and sign-off", "Before the offer is unconditional"):  # fmt: skip
        assert section in level_one, section
    level_two = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "Is the evidence complete?" in level_two
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "spread" not in (text + cells).lower()
    assert f"recruit vacancy {vacancy.id}" in cells and f"Vacancy {vacancy.id}\n" not in cells
    vacancy.job_reference = "NCC-CS-0142"
    db.session.commit()
    again = Document(io.BytesIO(client.get(f"/vacancies/{vacancy.id}/comparison.docx").data))
    assert "NCC-CS-0142" in "\n".join(c.text for t in again.tables for r in t.rows for c in r.cells)
    assert "Amara Okafor" in cells
