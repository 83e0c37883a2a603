"""vacancy import refuses sheets the app would never have taken: from a seat that does not
score (the HR adviser), or counting for a candidate the member declared a conflict with."""

from __future__ import annotations

import json

import pytest

from tests.web.test_vacancy_interchange import (
    export_document,
    full_vacancy,
    row_counts,
    run_import,
)

CHRIS = "chris.chair@council.example"
MO = "mo.member@council.example"


@pytest.fixture
def exported(app, bank, make_user, tmp_path):  # type: ignore[no-untyped-def]
    vacancy = full_vacancy(app, make_user)
    return export_document(app.test_cli_runner(), vacancy.id, tmp_path / "vacancy.json")


def _declare(document, email, code):  # type: ignore[no-untyped-def]
    document["conflicts"].append(
        {
            "member_email": email,
            "candidate_code": code,
            "description": "Worked together for six years",
            "declared_at": "2026-03-20T12:00:00+00:00",
        }
    )


def _refused(app, document, tmp_path):  # type: ignore[no-untyped-def]
    """The import's output, having checked that it failed and wrote nothing."""
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = row_counts()
    result = run_import(app.test_cli_runner(), path)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "Nothing was imported" in result.output
    assert row_counts() == before
    return result.output


def test_a_sheet_from_an_hr_adviser_is_refused_naming_them(app, exported, tmp_path):
    exported["stages"][0]["seats"][0]["panel_role"] = "hr_adviser"  # Chris, who has a sheet
    output = _refused(app, exported, tmp_path)
    assert "has 1 problem" in output
    assert (
        "stages[0].sheets[0]: Stage ‘Stakeholder panel’: Chris Chair sits as HR adviser, "
        "who does not score, but the file has their sheet for C-01"
    ) in output


def test_a_draft_begun_before_a_declared_conflict_imports(app, exported, tmp_path):
    _declare(exported, MO, "C-02")  # Mo's sheet for Tom is a draft: it never counts
    path = tmp_path / "vacancy.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["vacancy", "import", str(path)])
    assert result.exit_code == 0, result.output


def test_a_counted_sheet_despite_a_declared_conflict_is_refused(app, exported, tmp_path):
    _declare(exported, CHRIS, "C-01")  # Chris's sheet for Amara is submitted and counts
    output = _refused(app, exported, tmp_path)
    assert (
        "stages[0].sheets[0]: Stage ‘Stakeholder panel’: Chris Chair declared a conflict of "
        "interest with C-01, but the file has their submitted sheet for C-01, and it is not "
        "set aside"
    ) in output


def test_a_sheet_set_aside_for_a_conflict_imports(app, exported, tmp_path):
    _declare(exported, MO, "C-01")  # Mo's sheet for Amara was submitted, then set aside
    path = tmp_path / "declared.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    result = run_import(app.test_cli_runner(), path)
    assert result.exit_code == 0, result.output
    assert "Imported" in result.output
