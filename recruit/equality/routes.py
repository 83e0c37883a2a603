"""The fair-selection report (equality monitoring and administrators only): the page, its
CSV and its Word report. Every view is written to the audit log: equality answers are
special category data."""

from __future__ import annotations

from datetime import date, timedelta

from flask import Response, current_app, render_template, request
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from recruit import audit
from recruit.authorisation import require_roles_for_blueprint
from recruit.bank_store import BankNotLoaded, current_bank
from recruit.domain.adverts.draft import format_govuk_date
from recruit.domain.documents.equality_report import equality_report_bytes
from recruit.domain.equality.report_csv import report_csv
from recruit.domain.equality.suppression import count_text, rate_text
from recruit.equality import bp
from recruit.equality.forms import ReportFiltersForm
from recruit.equality.report import (
    GROUPINGS,
    ReportFilters,
    build_report,
    chart_rows,
    document_context,
    grouping_by_key,
    scope_text,
)
from recruit.exports import DOCX_MIMETYPE
from recruit.extensions import db
from recruit.models import Role, Vacancy
from recruit.stages.packs import PACK_REFERENCE
from recruit.stages.panel import council_today

require_roles_for_blueprint(bp, Role.EQUALITY, Role.ADMIN)


@bp.route("/equality")
def report() -> ResponseReturnValue:
    form, filters = _filters()
    result = build_report(filters, _threshold()) if not form.errors else None
    if result is not None:
        audit.record_access("equality.report_viewed", None, **filters.described())
    return render_template(
        "equality/report.html",
        form=form,
        report=result,
        chart=chart_rows(result.published) if result else [],
        count_text=count_text,
        rate_text=rate_text,
        download_args=request.args.to_dict(flat=False),
    )


@bp.route("/equality/report.csv")
def report_download() -> ResponseReturnValue:
    form, filters = _filters()
    if form.errors:
        return report()
    result = build_report(filters, _threshold())
    audit.record_access("equality.report_downloaded", None, format="csv", **filters.described())
    return Response(
        report_csv(result.published, result.wres, result.likelihoods, result.impacts),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="fair-selection-report.csv"'},
    )


@bp.route("/equality/report.docx")
def report_word() -> ResponseReturnValue:
    form, filters = _filters()
    if form.errors:
        return report()
    context = document_context(
        filters, _threshold(), current_app.config["ORGANISATION_NAME"], _scope(filters)
    )
    audit.record_access("equality.report_downloaded", None, format="docx", **filters.described())
    return Response(
        equality_report_bytes(context, PACK_REFERENCE),
        mimetype=DOCX_MIMETYPE,
        headers={"Content-Disposition": 'attachment; filename="fair-selection-report.docx"'},
    )


def _scope(filters: ReportFilters) -> str:
    if filters.vacancy_id is not None:
        vacancy = db.session.get(Vacancy, filters.vacancy_id)
        if vacancy is not None:
            return (
                f"One vacancy: {vacancy.title}, closed {format_govuk_date(vacancy.closing_date)}."
            )
    try:
        bank = current_bank()
        levels = {level.key: level.name for level in bank.role_levels}
        level = levels[filters.role_level] if filters.role_level else None
        innovation = bank.innovation(filters.innovation).name if filters.innovation else None
    except (BankNotLoaded, KeyError):
        level, innovation = filters.role_level, filters.innovation
    return scope_text(filters, level, innovation)


def _threshold() -> int:
    return int(current_app.config["EQUALITY_SUPPRESSION_THRESHOLD"])


def _filters() -> tuple[ReportFiltersForm, ReportFilters]:
    """The form as sent (a year to today when nothing is), and the filters it gives."""
    form = ReportFiltersForm(request.args or None)
    vacancies = db.session.execute(
        select(Vacancy.id, Vacancy.title, Vacancy.closing_date).order_by(
            Vacancy.closing_date.desc(), Vacancy.id
        )
    ).all()
    form.set_choices(
        [(g.key, g.label) for g in GROUPINGS],
        *_role_levels_and_innovations(),
        [(str(v.id), f"{v.title} (closed {v.closing_date:%d/%m/%Y})") for v in vacancies],
    )
    if not request.args:
        today = council_today()
        form.closes_from.data, form.closes_to.data = today - timedelta(days=365), today
    form.validate()
    vacancy_id = form.vacancy.data if form.vacancy.data and form.vacancy.data.isdigit() else None
    filters = ReportFilters(
        grouping=grouping_by_key(form.grouping.data or ""),
        closes_from=_date_or_none(form.closes_from.data),
        closes_to=_date_or_none(form.closes_to.data),
        role_level=form.role_level.data or None,
        innovation=form.innovation.data or None,
        vacancy_id=int(vacancy_id) if vacancy_id and len(vacancy_id) < 10 else None,
    )
    return form, filters


def _role_levels_and_innovations() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The choices, named as the bank names them; by key before any bank is loaded (the
    report counts vacancies, and needs no questions)."""
    try:
        bank = current_bank()
    except BankNotLoaded:
        levels = db.session.scalars(
            select(Vacancy.role_level).distinct().order_by(Vacancy.role_level)
        )
        innovations = db.session.scalars(
            select(Vacancy.innovation).distinct().order_by(Vacancy.innovation)
        )
        return [(key, key) for key in levels], [(key, key) for key in innovations]
    return (
        [(level.key, level.name) for level in bank.role_levels],
        [(innovation.key, innovation.name) for innovation in bank.innovations],
    )


def _date_or_none(value: object) -> date | None:
    return value if isinstance(value, date) else None
