"""The subject access Word document, built from a hand-written export: headings, tables with
header rows, title and language, and hostile text. No database: the builder is pure."""

from __future__ import annotations

import copy
import datetime
from io import BytesIO
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from recruit.domain.documents.subject_access.word import (
    about_texts,
    build_subject_access_document,
    subject_access_docx_bytes,
)

NOW = datetime.datetime(2027, 4, 15, 9, 30, tzinfo=datetime.UTC)
RTL_EVIDENCE = "\u05e9\u05dc\u05d5\u05dd: answered in Hebrew first"
HOSTILE = "bell\x07 escape\x1b[0m nul-ish\x01 \ufffe\u2028line \U0001f600 \u202eevil\u202c"
LONG_NOTE = "Long note. " + "y" * 100_000


def _export() -> dict[str, Any]:
    return {
        "format": "recruit-subject-access",
        "format_version": 1,
        "generated_at": "2027-04-15T09:30:00+00:00",
        "organisation": "Testshire Council",
        "about": about_texts("Testshire Council"),
        "candidate": {
            "id": 7,
            "code": "C-03",
            "first_name": "Amara",
            "last_name": "Okafor",
            "email": "amara@example.com",
            "application_date": "2027-03-01",
            "status": "shortlisted",
            "notes": "Asked for a step-free room",
            "created_at": "2027-03-01T10:00:00+00:00",
            "retain_until": "2028-04-15",  # a column added later: shown, made readable
        },
        "vacancy": {"id": 1, "title": "Director of Children's Services", "closing_date": None},
        "people": [
            {
                "label": "Panel member 1",
                "kind": "panel_member",
                "roles": [
                    {
                        "stage_id": 1,
                        "stage": "Final panel",
                        "panel_role": "chair",
                        "panel_role_label": "Chair",
                    }
                ],
            },
            {"label": "Staff member 1", "kind": "staff_member", "roles": []},
        ],
        "stages": [
            {
                "id": 1,
                "name": "Final panel",
                "type": "final_panel",
                "type_label": "Final panel interview",
                "position": 1,
                "held_on": "2027-04-14",
                "plan_issued_at": "2027-04-01T08:00:00+00:00",
                "weights": {"values": 0.5, "decisions": 0.5},
                "moderation": {"opened_at": "2027-04-14T16:00:00+00:00", "closed_early": True},
                "score_sheets": [
                    {
                        "assessor": "Panel member 1 (Chair)",
                        "panel_role": "chair",
                        "status": "submitted",
                        "created_at": "2027-04-14T10:00:00+00:00",
                        "updated_at": "2027-04-14T11:00:00+00:00",
                        "submitted_at": "2027-04-14T11:00:00+00:00",
                        "scores": [
                            {
                                "question_number": 1,
                                "question_id": "values-personal-values-01",
                                "question_version": 2,
                                "attribute": "values",
                                "attribute_name": "Leadership driven by values",
                                "question": "What values brought you into this work?",
                                "question_as_issued": True,
                                "score": 4,
                                "no_evidence": False,
                                "evidence": RTL_EVIDENCE,
                            },
                            {
                                "question_number": 2,
                                "question_id": "decisions-own-risk-01",
                                "question_version": 1,
                                "attribute": "decisions",
                                "attribute_name": "Decisions",
                                "question": "Tell us about a hard decision.",
                                "question_as_issued": True,
                                "score": None,
                                "no_evidence": True,
                                "evidence": "",
                            },
                        ],
                        "amendments": [
                            {
                                "question_number": 1,
                                "question_id": "values-personal-values-01",
                                "before": {"score": 5, "no_evidence": False, "evidence": "Old"},
                                "after": {"score": 4, "no_evidence": False, "evidence": "New"},
                                "reason": "Scored the wrong candidate's answer",
                                "amended_by": "Panel member 1",
                                "amended_at": "2027-04-14T12:00:00+00:00",
                            }
                        ],
                    },
                    {
                        "assessor": "Panel member 2",
                        "panel_role": "member",
                        "status": "draft",
                        "created_at": "2027-04-14T10:00:00+00:00",
                        "updated_at": "2027-04-14T10:05:00+00:00",
                        "submitted_at": None,
                        "scores": [],
                        "amendments": [],
                    },
                ],
                "agreed_scores": [
                    {
                        "attribute": "values",
                        "attribute_name": "Leadership driven by values",
                        "formula_score": 4.25,
                        "agreed": 4.0,
                        "rationale": "Agreed at moderation",
                        "recorded_by": "Panel member 1",
                        "recorded_at": "2027-04-14T16:30:00+00:00",
                    }
                ],
                "decision": {
                    "outcome": "reserve",
                    "reasons": "Strong values, less evidence on decisions",
                    "floor_override_reason": None,
                    "recorded_by": "Panel member 1",
                    "recorded_at": "2027-04-14T16:45:00+00:00",
                },
            }
        ],
        "conflicts_of_interest": [
            {
                "declared_by": "Panel member 3",
                "description": "Former colleague",
                "declared_at": "2027-04-10T09:00:00+00:00",
            }
        ],
        "audit_events": [
            {
                "occurred_at": "2027-03-01T10:00:00+00:00",
                "action": "candidate.added",
                "subject_type": "Candidate",
                "subject_id": "7",
                "actor": "Staff member 1",
                "detail": {"code": "C-03"},
            }
        ],
        "covered_tables": ["candidate"],
    }


def _reopen(export: dict[str, Any]) -> DocxDocument:
    return docx.Document(BytesIO(subject_access_docx_bytes(export, now=NOW)))


def _cells(document: DocxDocument) -> list[str]:
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


def test_it_reopens_with_real_headings_tables_title_and_language():
    document = _reopen(_export())
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings[0] == ("Heading 1", "Information we hold about you: Amara Okafor")
    assert ("Heading 2", "Your candidate record") in headings
    assert ("Heading 2", "Stage: Final panel") in headings
    assert ("Heading 3", "Scores from Panel member 1 (Chair)") in headings
    assert ("Heading 3", "Changes to the scores from Panel member 1 (Chair)") in headings
    assert ("Heading 2", "Record of actions about you") in headings
    properties = document.core_properties
    assert properties.title == "Information we hold about you: Amara Okafor"
    assert properties.language == "en-GB" and properties.author == "Testshire Council"
    language = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert language.get(qn("w:val")) == "en-GB"
    for table in document.tables:
        first_row = table.rows[0]._tr.trPr
        assert first_row is not None and first_row.find(qn("w:tblHeader")) is not None
        assert table._tbl.tblPr.find(qn("w:tblCaption")) is not None


def test_it_says_what_is_held_in_words():
    cells = _cells(_reopen(_export()))
    assert "No evidence" in cells and "Reserve" in cells and "Shortlisted" in cells
    assert "Retain until" in cells and "15 April 2028" in cells  # a new column, readable
    assert "14 April 2027" in cells and "Not recorded" in cells
    assert "Scored the wrong candidate's answer" in cells
    assert "Former colleague" in cells and "Candidate added" in cells
    assert "5\nEvidence: Old" in cells and "4\nEvidence: New" in cells
    assert "Chair, Final panel" in cells and "Not on a panel for this vacancy" in cells
    assert any("closed early" in text.lower() for text in cells)


def test_hostile_text_goes_through_cleaned():
    export = _export()
    export["candidate"]["first_name"] = "Amara\x0b" + HOSTILE
    export["candidate"]["notes"] = HOSTILE + LONG_NOTE
    export["stages"][0]["score_sheets"][0]["scores"][1]["evidence"] = HOSTILE
    export["audit_events"][0]["detail"] = {"note": HOSTILE, "list": [HOSTILE]}
    document = _reopen(export)
    texts = _cells(document) + [p.text for p in document.paragraphs]
    texts.append(document.core_properties.title)
    for text in texts:
        assert not any(ch in text for ch in "\x01\x07\x0b\x1b\ufffe\u2028"), repr(text[:80])
    note = next(text for text in _cells(document) if text.endswith("y" * 1000))
    assert len(note) > 100_000 and "\U0001f600" in note and "\u202eevil" in note
    body = document.element.body
    rtl = [p for p in body.iter(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None]
    assert any("\u05e9\u05dc\u05d5\u05dd" in "".join(p.itertext()) for p in rtl)


def test_an_export_with_nothing_scored_still_builds():
    export = _export()
    for key in ("stages", "conflicts_of_interest", "audit_events", "people"):
        export[key] = []
    document = _reopen(export)
    # Stages, conflicts and the audit trail; and no references, checks, shortlisting
    # scrutiny or equality answers in this export.
    assert [p.text for p in document.paragraphs].count("None recorded.") == 7
    assert len(document.tables) == 2  # the candidate record and the vacancy


def test_building_does_not_change_the_export():
    export = _export()
    before = copy.deepcopy(export)
    build_subject_access_document(export, now=NOW)
    assert export == before


def test_about_texts_name_the_organisation():
    about = about_texts("Testshire\x00 Council")
    assert about["purpose"].startswith("This is a copy of the personal information Testshire")
    assert "{organisation}" not in "".join(about.values())
