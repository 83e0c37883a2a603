"""The subject access document's shortlisting section: the gaps and discrepancies noted on
the application, what the panel was to explore and the explanation recorded, and the
shortlisting decision with its outcome per essential criterion."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from recruit.domain.documents.scoring_summary.parts import heading
from recruit.domain.documents.subject_access.text import (
    NONE_RECORDED,
    free_text,
    value_text,
    when_text,
)
from recruit.domain.documents.word.writer import PackWriter, one_line

INTRO = (
    "Before shortlisting, your application was read for any gap in employment history or "
    "difference between dates or facts, to be explored with you at interview, and measured "
    "against each essential criterion of the person specification."
)


def write_shortlisting(writer: PackWriter, record: Mapping[str, Any] | None) -> None:
    heading(writer, "Shortlisting", 2)
    points = (record or {}).get("points_noted") or []
    decision = (record or {}).get("decision")
    if not points and not decision:
        writer.paragraph(NONE_RECORDED)
        return
    writer.paragraph(INTRO)
    for number, point in enumerate(points, start=1):
        _write_point(writer, number, point)
    if decision:
        _write_decision(writer, decision)


def _write_point(writer: PackWriter, number: int, point: Mapping[str, Any]) -> None:
    dates = " to ".join(value_text(point[key]) for key in ("from", "to") if point.get(key))
    title = f"{one_line(str(point.get('kind', '')))} {number}" + (f": {dates}" if dates else "")
    heading(writer, title, 3)
    writer.paragraph(free_text(point.get("noted")), label="Noted:")
    writer.paragraph(free_text(point.get("to_explore")), label="To explore:")
    writer.paragraph(free_text(point.get("explored_at"), "No stage"), label="Explored at:")
    writer.paragraph(free_text(point.get("explanation"), "Not recorded"), label="Explanation:")
    noted_by = f"{one_line(str(point.get('noted_by', '')))}, {when_text(point.get('noted_at'))}"
    writer.paragraph(noted_by, label="Noted by:")


def _write_decision(writer: PackWriter, decision: Mapping[str, Any]) -> None:
    heading(writer, "Shortlisting decision", 3)
    verdict = "Shortlisted" if decision.get("shortlisted") else "Not shortlisted"
    by = f"{one_line(str(decision.get('decided_by', '')))}, {when_text(decision.get('decided_at'))}"
    writer.paragraph(verdict, label="Decision:")
    writer.paragraph(by, label="Decided by:")
    writer.paragraph(free_text(decision.get("reasons")), label="Reasons:")
    rows = [
        (
            one_line(str(row.get("criterion", ""))),
            one_line(str(row.get("outcome", ""))),
            free_text(row.get("evidence")),
        )
        for row in decision.get("criteria") or []
    ]
    if rows:
        writer.table(
            ("Essential criterion", "Outcome", "Evidence"),
            rows,
            (0.45, 0.15, 0.4),
            caption="Shortlisting: each essential criterion",
        )
