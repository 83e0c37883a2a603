"""The candidate pack: what an applicant downloads with the advert, as one Word document.

It is made from the advert (its current version), so a vacancy without one has no pack: the
download says so and goes back to the advert page. ``candidate_pack_bytes`` is shared with
``flask --app recruit export candidate-pack``.
"""

from __future__ import annotations

from functools import lru_cache
from io import BytesIO
from pathlib import Path

from flask import current_app, flash, redirect, send_file, url_for
from flask.typing import ResponseReturnValue

from recruit import audit
from recruit.adverts import bp, queries
from recruit.adverts.rendering import DOWNLOADS
from recruit.bank_store import current_bank
from recruit.domain.adverts.draft.sections import section_bodies
from recruit.domain.documents.candidate_pack import (
    SAFER_RECRUITMENT_SECTION,
    CandidatePack,
    PackStage,
    PackWording,
    build_candidate_pack_docx,
    load_pack_wording,
)
from recruit.domain.documents.word import document_bytes
from recruit.domain.documents.word.text_safety import safe_download_filename
from recruit.domain.question_bank import QuestionBank
from recruit.exports import REFERENCE_DOCX
from recruit.extensions import db
from recruit.models import Vacancy
from recruit.models.vacancies import CONTRACT_LABELS

WORDING_FILE = "candidate_pack.yaml"
NO_ADVERT = "Create the advert first: the candidate pack is made from it."


@bp.route("/vacancies/<int:vacancy_id>/advert/candidate-pack.docx")
def candidate_pack(vacancy_id: int) -> ResponseReturnValue:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    if vacancy.advert is None:
        flash(NO_ADVERT, "info")
        return redirect(url_for("adverts.builder", vacancy_id=vacancy.id))
    data = candidate_pack_bytes(
        vacancy, current_bank(), current_app.config["ORGANISATION_NAME"], pack_wording()
    )
    audit.record_access(
        "candidate_pack.exported", vacancy, version=vacancy.advert.current_version_number
    )
    ascii_name, _utf8_name = safe_download_filename(f"Candidate pack - {vacancy.title}", "docx")
    return send_file(
        BytesIO(data), mimetype=DOWNLOADS["docx"], as_attachment=True, download_name=ascii_name
    )


def pack_wording() -> PackWording:
    """The pack's own wording from the question bank folder, read once per process."""
    return _read_wording(Path(current_app.config["QUESTION_BANK_DIR"]) / WORDING_FILE)


@lru_cache(maxsize=4)
def _read_wording(path: Path) -> PackWording:
    return load_pack_wording(path.read_text(encoding="utf-8"))


def candidate_pack_bytes(
    vacancy: Vacancy, bank: QuestionBank, organisation_name: str, wording: PackWording
) -> bytes:
    """The vacancy's candidate pack as .docx bytes; the vacancy must have an advert."""
    reference = REFERENCE_DOCX if REFERENCE_DOCX.exists() else None
    return document_bytes(
        build_candidate_pack_docx(_pack(vacancy, bank, organisation_name, wording), reference)
    )


def _pack(
    vacancy: Vacancy, bank: QuestionBank, organisation_name: str, wording: PackWording
) -> CandidatePack:
    assert vacancy.advert is not None, "the candidate pack is made from the advert"
    advert = queries.advert_document(vacancy, vacancy.advert.current, bank, organisation_name)
    return CandidatePack(
        advert=advert,
        reference=vacancy.reference,
        salary=vacancy.salary_range,
        contract=CONTRACT_LABELS.get(vacancy.contract, vacancy.contract),
        location=vacancy.location,
        interview_dates=vacancy.interview_dates,
        contact=vacancy.hiring_manager,
        # Panel members are never named to applicants: a stage is its name, type and date.
        stages=tuple(
            PackStage(stage.name, stage.stage_type.label, stage.held_on) for stage in vacancy.stages
        ),
        safer_recruitment=_safer_recruitment(vacancy, bank, organisation_name),
        wording=wording,
    )


def _safer_recruitment(vacancy: Vacancy, bank: QuestionBank, organisation_name: str) -> str:
    """The advert's safer recruitment section, or the drafted one if it lacks a statement.

    The pack must make every statement the advert check asks for. Every post this tool
    recruits for works with or leads services for children, so the drafted wording always
    includes the enhanced DBS check with the children's barred list; an advert whose section
    was edited down (or that predates the section) falls back to that wording.
    """
    assert vacancy.advert is not None
    sections = queries.sections_of(vacancy.advert.current)
    written = next((s for s in sections if s.key == SAFER_RECRUITMENT_SECTION), None)
    if written and not queries.run_check([written], vacancy, bank).missing_safer_recruitment:
        return written.body
    facts = queries.vacancy_facts(vacancy, bank, organisation_name)
    return section_bodies(facts, ())[SAFER_RECRUITMENT_SECTION]
