"""A decision's inputs digest after an import: the record was current where it was made,
so it must still be current in the imported copy, and a stale one must stay stale."""

from __future__ import annotations

import re

from sqlalchemy import select

from recruit.extensions import db
from recruit.models import CandidateDecision, Stage
from recruit.moderation.state import changed_records, current_digest
from recruit.results.consolidation import consolidate_stage
from tests.web.test_vacancy_interchange import export_document, full_vacancy, run_import


def _first_stage(vacancy_id: int) -> Stage:
    return db.session.scalar(
        select(Stage).where(Stage.vacancy_id == vacancy_id, Stage.position == 1)
    )


def test_a_current_record_is_still_current_after_an_import(app, bank, make_user, tmp_path):
    vacancy = full_vacancy(app, make_user)
    stage = _first_stage(vacancy.id)
    outcome = consolidate_stage(stage)
    codes = {candidate.id: candidate.code for candidate in vacancy.candidates}
    for decision in db.session.scalars(
        select(CandidateDecision).where(CandidateDecision.stage_id == stage.id)
    ):
        decision.inputs_digest = current_digest(outcome, codes[decision.candidate_id])
    db.session.commit()
    assert changed_records(consolidate_stage(stage)) == set()
    runner = app.test_cli_runner()
    export_document(runner, vacancy.id, tmp_path / "vacancy.json")
    result = run_import(runner, tmp_path / "vacancy.json")
    assert result.exit_code == 0, result.output
    new_id = int(re.search(r"as vacancy (\d+)", result.output).group(1))
    assert changed_records(consolidate_stage(_first_stage(new_id))) == set()


def test_a_stale_record_stays_stale_after_an_import(app, bank, make_user, tmp_path):
    """full_vacancy's digest for C-01 matches no scores: the import must not make it match."""
    vacancy = full_vacancy(app, make_user)
    assert "C-01" in changed_records(consolidate_stage(_first_stage(vacancy.id)))
    runner = app.test_cli_runner()
    export_document(runner, vacancy.id, tmp_path / "vacancy.json")
    result = run_import(runner, tmp_path / "vacancy.json")
    assert result.exit_code == 0, result.output
    new_id = int(re.search(r"as vacancy (\d+)", result.output).group(1))
    assert "C-01" in changed_records(consolidate_stage(_first_stage(new_id)))
