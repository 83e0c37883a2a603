"""The audit log for admins: filter, page through and download who did what (security item 21).

Both pages are GETs that change nothing stored, so a filtered view is a link that can be
bookmarked or shared. Downloading the log is itself recorded, in its own transaction (see
``audit.record_access``). The admin blueprint's guard keeps every other role out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from typing import Any

from flask import redirect, render_template, request, send_file, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute

from recruit import audit
from recruit.admin import bp
from recruit.admin.audit_forms import AuditFilterForm
from recruit.domain.audit.filters import (
    CSV_HEADER,
    CSV_ROW_LIMIT,
    PER_PAGE,
    UK_TIME,
    AuditFilters,
    csv_row,
    detail_pairs,
    iso_utc,
    page_count,
    page_number,
    page_numbers,
)
from recruit.domain.documents.spreadsheet_safety import csv_text
from recruit.extensions import db
from recruit.models import AuditEvent

# Only these query parameters are carried into page and download links.
FILTER_PARAMETERS = ("action", "who", "object_type", "from_date", "to_date")


class AuditLog:
    """The log as a whole, the subject of an export: recorded as type AuditLog with no id."""


@dataclass(frozen=True)
class AuditRow:
    occurred_at: datetime
    iso_time: str
    actor: str
    action: str
    object_label: str
    details: list[tuple[str, str]]


@bp.route("/audit")
def audit_log() -> ResponseReturnValue:
    form = _filter_form()
    if not form.validate():
        return render_template(
            "admin/audit_log.html", form=form, filters=None, filtered=bool(_filter_query())
        )
    filters = form.filters()
    conditions = _conditions(filters)
    total = db.session.scalar(select(func.count(AuditEvent.id)).where(*conditions)) or 0
    pages = page_count(total)
    page = min(page_number(request.args.get("page")), pages)
    events = db.session.scalars(
        select(AuditEvent)
        .where(*conditions)
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .limit(PER_PAGE)
        .offset((page - 1) * PER_PAGE)
    ).all()
    query = _filter_query()
    return render_template(
        "admin/audit_log.html",
        form=form,
        filters=filters,
        rows=[_row(event) for event in events],
        total=total,
        first=(page - 1) * PER_PAGE + 1,
        last=(page - 1) * PER_PAGE + len(events),
        pagination=_pagination(page, pages, query),
        csv_href=url_for("admin.audit_log_csv", **query),
        filtered=bool(query),
        row_limit=CSV_ROW_LIMIT,
    )


@bp.route("/audit.csv")
def audit_log_csv() -> ResponseReturnValue:
    form = _filter_form()
    if not form.validate():
        # The page shows what is wrong with the filters; nothing is downloaded or recorded.
        return redirect(url_for("admin.audit_log", **_filter_query()))
    filters = form.filters()
    results = db.session.execute(
        select(
            AuditEvent.occurred_at,
            AuditEvent.actor,
            AuditEvent.user_id,
            AuditEvent.action,
            AuditEvent.object_type,
            AuditEvent.object_id,
            AuditEvent.detail,
            AuditEvent.ip_address,
        )
        .where(*_conditions(filters))
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .limit(CSV_ROW_LIMIT + 1)
    ).all()
    truncated = len(results) > CSV_ROW_LIMIT
    rows = [csv_row(*result) for result in results[:CSV_ROW_LIMIT]]
    data = csv_text([CSV_HEADER, *rows]).encode("utf-8-sig")  # Excel reads UTF-8 with a BOM
    audit.record_access(
        "audit.exported",
        AuditLog(),
        filters=filters.as_detail(),
        rows=len(rows),
        truncated=truncated,
    )
    return send_file(
        BytesIO(data),
        mimetype="text/csv",
        as_attachment=True,
        download_name=f"audit-log-{datetime.now(UK_TIME):%Y-%m-%d}.csv",
    )


def _filter_form() -> AuditFilterForm:
    form = AuditFilterForm(request.args)
    form.set_choices(_distinct(AuditEvent.action), _distinct(AuditEvent.object_type))
    return form


def _distinct(column: InstrumentedAttribute[str | None]) -> list[str]:
    values = db.session.scalars(
        select(column).where(column.is_not(None)).distinct().order_by(column)
    )
    return [value for value in values if value]


def _conditions(filters: AuditFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.action:
        conditions.append(AuditEvent.action == filters.action)
    if filters.actor:
        # autoescape: a % or _ typed by the admin is matched literally, not as a wildcard.
        conditions.append(AuditEvent.actor.icontains(filters.actor, autoescape=True))
    if filters.object_type:
        conditions.append(AuditEvent.object_type == filters.object_type)
    start, end = filters.utc_range()
    if start is not None:
        conditions.append(AuditEvent.occurred_at >= start)
    if end is not None:
        conditions.append(AuditEvent.occurred_at < end)
    return conditions


def _filter_query() -> dict[str, Any]:
    """The filters exactly as given, for links: other parameters (such as page) are dropped."""
    return {name: request.args.getlist(name) for name in FILTER_PARAMETERS if name in request.args}


def _row(event: AuditEvent) -> AuditRow:
    object_label = " ".join(part for part in (event.object_type, event.object_id) if part)
    return AuditRow(
        occurred_at=event.occurred_at,
        iso_time=iso_utc(event.occurred_at),
        actor=event.actor,
        action=event.action,
        object_label=object_label,
        details=detail_pairs(event.detail),
    )


def _pagination(page: int, pages: int, query: dict[str, Any]) -> dict[str, object] | None:
    """Parameters for the GOV.UK pagination component, or None when one page holds it all."""
    if pages <= 1:
        return None

    def href(number: int) -> str:
        return url_for("admin.audit_log", **query, page=number)

    items = [
        {"ellipsis": True}
        if number is None
        else {"number": number, "href": href(number), "current": number == page}
        for number in page_numbers(page, pages)
    ]
    return {
        "previous": {"href": href(page - 1)} if page > 1 else None,
        "next": {"href": href(page + 1)} if page < pages else None,
        "items": items,
        "landmarkLabel": "Audit log pages",
    }
