"""What the score-sheet views share: the candidate's label for the panel, why a posted sheet
cannot be saved as it stands, and the refusal page."""

from __future__ import annotations

from flask import render_template

from recruit.models import Candidate, Stage
from recruit.presentation import govuk_time
from recruit.results import sheets


def panel_label(stage: Stage, candidate: Candidate) -> str:
    return sheets.candidate_label(candidate, sheets.names_visible_to_panel(stage))


def posted_sheet_problem(form, sheet) -> str | None:  # type: ignore[no-untyped-def]
    """A reason the post cannot be saved as it stands (the text goes back to the member)."""
    if form.meta.csrf and not form.csrf_token.validate(form):
        return (
            "Your scores could not be saved because the page had expired. Your text is "
            "below: choose Save draft again."
        )
    posted_version = form.lock_version.data or ""
    current_version = str(sheet.lock_version) if sheet is not None else ""
    if posted_version != current_version:
        saved_at = sheet.updated_at if sheet is not None else None
        form.lock_version.data = current_version
        return (
            "This sheet was saved in another tab or window"
            + (f" at {govuk_time(saved_at)}" if saved_at else "")
            + ". Your text on this page has not been saved yet: check it, then save again."
        )
    return None


def render_refusal(stage: Stage, candidate: Candidate, reason: str, heading: str = ""):  # type: ignore[no-untyped-def]
    return (
        render_template(
            "scoring/refused.html",
            stage=stage,
            label=panel_label(stage, candidate),
            reason=reason,
            heading=heading,
        ),
        403,
    )
