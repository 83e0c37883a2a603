"""What the score-sheet views share: the member's visit or the refusal page, the candidate's
label for the panel, and why a posted sheet cannot be saved as it stands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

from flask import abort, make_response, render_template

from recruit.extensions import csrf
from recruit.form_fields import saved_since_loaded
from recruit.models import Candidate, ScoreSheet, Stage
from recruit.presentation import govuk_time
from recruit.results import sheets
from recruit.scoring.forms import AmendScoreForm, ScoreSheetForm
from recruit.scoring.sheet_access import SheetVisit, load_visit, refusal_for

View = TypeVar("View", bound=Callable[..., Any])


def csrf_exempt(view: View) -> View:
    """Flask-WTF's ``csrf.exempt``, keeping the view's type (Flask-WTF has none). The
    score-sheet views check the token themselves, to give the member their text back."""
    return cast(View, csrf.exempt(view))


def visit_or_refusal(stage_id: int, candidate_id: int) -> SheetVisit:
    """The member's visit to a candidate's sheet they may score now; if they may not, the
    request ends with the refusal page (403) saying why."""
    visit = load_visit(stage_id, candidate_id)
    refuse(visit, refusal_for(visit))
    return visit


def refuse(visit: SheetVisit, reason: str | None, heading: str = "") -> None:
    """End the request with the refusal page (403) when there is a ``reason``."""
    if reason:
        page = render_refusal(visit.seat.stage, visit.candidate, reason, heading)
        abort(make_response(page))


def panel_label(stage: Stage, candidate: Candidate) -> str:
    return sheets.candidate_label(candidate, sheets.names_visible_to_panel(stage))


def posted_sheet_problem(
    form: ScoreSheetForm | AmendScoreForm, sheet: ScoreSheet | None
) -> str | None:
    """A reason the post cannot be saved as it stands (the text goes back to the member)."""
    if form.meta.csrf and not form.csrf_token.validate(form):
        return (
            "Your scores could not be saved because the page had expired. Your text is "
            "below: choose Save draft again."
        )
    if saved_since_loaded(form.lock_version, sheet.lock_version if sheet is not None else None):
        saved_at = sheet.updated_at if sheet is not None else None
        return (
            "This sheet was saved in another tab or window"
            + (f" at {govuk_time(saved_at)}" if saved_at else "")
            + ". Your text on this page has not been saved yet: check it, then save again."
        )
    return None


def render_refusal(
    stage: Stage, candidate: Candidate, reason: str, heading: str = ""
) -> tuple[str, int]:
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
