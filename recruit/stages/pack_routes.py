"""Interview packs of a stage: the list, one member's or the chair's .docx, and all as a .zip.

Packs carry candidates' personal data: they are built in memory for each download, never
stored, and every download is recorded in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from flask import abort, current_app, redirect, render_template, send_file, url_for
from flask.typing import ResponseReturnValue

from recruit import audit
from recruit.bank_store import current_bank
from recruit.domain.documents.candidate_brief import advance_briefs
from recruit.domain.documents.interview_pack import pack_filename
from recruit.domain.documents.word.text_safety import safe_download_filename
from recruit.exports import DOCX_MIMETYPE
from recruit.models import Stage, Vacancy
from recruit.stages import bp
from recruit.stages.access import stage_of
from recruit.stages.pack_exercises import pack_exercises
from recruit.stages.packs import (
    PackNotReady,
    PanelPack,
    chair_pack,
    pack_docx_bytes,
    packs_zip_bytes,
    stage_packs,
)

ZIP_MIMETYPE = "application/zip"
_PACKS = "/vacancies/<int:vacancy_id>/stages/<int:stage_id>/packs"


@dataclass(frozen=True)
class PackLink:
    recipient: str
    role_label: str
    filename: str
    href: str


@bp.route(_PACKS)
def packs_page(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    try:
        packs = _packs(vacancy, stage)
    except PackNotReady as problem:
        return render_template("stages/packs.html", vacancy=vacancy, stage=stage, problem=problem)
    return render_template(
        "stages/packs.html",
        vacancy=vacancy,
        stage=stage,
        problem=None,
        links=[_link(vacancy, stage, pack) for pack in packs],
        zip_href=url_for("stages.download_all_packs", vacancy_id=vacancy.id, stage_id=stage.id),
        advance_briefs=advance_briefs(pack_exercises(stage, current_bank())),
    )


@bp.route(f"{_PACKS}/<int:seat_id>.docx")
def download_pack(vacancy_id: int, stage_id: int, seat_id: int) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    if not any(seat.id == seat_id for seat in stage.seats):
        abort(404)
    packs = _ready_packs(vacancy, stage)
    if packs is None:
        return _back_to_packs(vacancy, stage)
    pack = next(pack for pack in packs if pack.seat_id == seat_id)
    return _send_pack(stage, pack, "member")


@bp.route(f"{_PACKS}/chair.docx")
def download_chair_pack(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    packs = _ready_packs(vacancy, stage)
    if packs is None:
        return _back_to_packs(vacancy, stage)
    return _send_pack(stage, chair_pack(packs), "chair")


@bp.route(f"{_PACKS}/all.zip")
def download_all_packs(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    packs = _ready_packs(vacancy, stage)
    if packs is None:
        return _back_to_packs(vacancy, stage)
    data = packs_zip_bytes([pack.context for pack in packs])
    _record_export(stage, "all", seat_id=None, count=len(packs))
    name = safe_download_filename(f"Interview packs - {stage.name} - {vacancy.title}", "zip")[0]
    return send_file(BytesIO(data), mimetype=ZIP_MIMETYPE, as_attachment=True, download_name=name)


def _packs(vacancy: Vacancy, stage: Stage) -> list[PanelPack]:
    return stage_packs(vacancy, stage, current_bank(), current_app.config["ORGANISATION_NAME"])


def _ready_packs(vacancy: Vacancy, stage: Stage) -> list[PanelPack] | None:
    try:
        return _packs(vacancy, stage)
    except PackNotReady:
        return None


def _back_to_packs(vacancy: Vacancy, stage: Stage) -> ResponseReturnValue:
    """The packs page says what is missing, so a download that is not ready goes there."""
    return redirect(url_for("stages.packs_page", vacancy_id=vacancy.id, stage_id=stage.id))


def _send_pack(stage: Stage, pack: PanelPack, kind: str) -> ResponseReturnValue:
    data = pack_docx_bytes(pack.context)
    _record_export(stage, kind, seat_id=pack.seat_id, count=1)
    return send_file(
        BytesIO(data),
        mimetype=DOCX_MIMETYPE,
        as_attachment=True,
        download_name=pack_filename(pack.context),
    )


def _record_export(stage: Stage, kind: str, *, seat_id: int | None, count: int) -> None:
    audit.record_access(
        "pack.exported",
        stage,
        vacancy_id=stage.vacancy_id,
        pack=kind,
        seat_id=seat_id,
        packs=count,
        question_versions={item.bank_id: item.question_version_number for item in stage.items},
    )


def _link(vacancy: Vacancy, stage: Stage, pack: PanelPack) -> PackLink:
    if pack.seat_id is None:
        href = url_for("stages.download_chair_pack", vacancy_id=vacancy.id, stage_id=stage.id)
    else:
        href = url_for(
            "stages.download_pack", vacancy_id=vacancy.id, stage_id=stage.id, seat_id=pack.seat_id
        )
    return PackLink(pack.context.recipient, pack.role_label, pack_filename(pack.context), href)
