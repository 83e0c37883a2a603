"""The shortlist comparison for the DCS, its radar chart and briefing pack, and the
vacancy's target profile.

The comparison follows the summary's rules: reviewers, HR and admin see every moderated
stage; panel members only the moderated stages they sat on; anyone else gets a 404. The
target levels are the deciding panel's to set: its scoring members, or HR (and admin) for
them; anyone else gets a 404 on the form.
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from recruit import audit
from recruit.authorisation import login_required
from recruit.bank_store import current_bank
from recruit.comparisons import bp
from recruit.comparisons.briefing import briefing_docx
from recruit.comparisons.context import (
    ComparisonView,
    build_comparison,
    may_set_target,
    target_context_for,
    target_for,
)
from recruit.comparisons.evidence import candidate_evidence
from recruit.comparisons.forms import TargetForm, target_form
from recruit.domain.comparison import sort_keys
from recruit.domain.scoring.charts import radar_png
from recruit.extensions import db
from recruit.form_fields import saved_since_loaded
from recruit.models import LeadershipProfile, TargetProfile, Vacancy
from recruit.models._types import utcnow
from recruit.results.consolidation import attribute_names, short_names
from recruit.results.visibility import names_shown_to
from recruit.stages.roles import deciding_stage
from recruit.summaries.queries import results_vacancy, visible_outcomes

# 720 pixels: wider than the page's text column (640), so the chart fills it legibly.
COMPARISON_CHART_INCHES = 7.2


def _view(vacancy: Vacancy) -> ComparisonView:
    return build_comparison(
        vacancy,
        visible_outcomes(vacancy),
        request.args.get("sort"),
        request.args.getlist("candidate"),
        names_shown_to(current_user, vacancy),
    )


@bp.route("/vacancies/<int:vacancy_id>/comparison")
@login_required
def comparison(vacancy_id: int) -> ResponseReturnValue:
    """The compared candidates side by side, read from the stages' results alone: each
    candidate's evidence is on their own page (``candidate_details``)."""
    view = _view(results_vacancy(vacancy_id))
    return render_template(
        "comparisons/comparison.html",
        view=view,
        details_url=_details_url(view),
        names=attribute_names(),
        short_names=short_names(),
        sort_keys=sort_keys(tuple(attribute_names())),
        may_set_target=may_set_target(current_user, view.vacancy),
    )


def _details_url(view: ComparisonView) -> Callable[[str], str]:
    """Each candidate's evidence page, keeping the comparison's candidates and order.

    The query string is the same for every candidate, so it is built once: url_for
    encoding every chosen candidate again for each link cost a tenth of the page."""
    query = url_for(
        ".comparison",
        vacancy_id=view.vacancy.id,
        candidate=view.chosen,
        sort=view.comparison.sort_key,
    ).partition("?")[2]
    paths = {
        code: url_for(".candidate_details", vacancy_id=view.vacancy.id, candidate_id=found.id)
        for code, found in view.candidates.items()
    }
    return lambda code: f"{paths[code]}?{query}" if query else paths[code]


@bp.route("/vacancies/<int:vacancy_id>/comparison/candidates/<int:candidate_id>")
@login_required
def candidate_details(vacancy_id: int, candidate_id: int) -> ResponseReturnValue:
    """Both sides of the evidence on one candidate, and where they fall below the target."""
    vacancy = results_vacancy(vacancy_id)
    if all(candidate.id != candidate_id for candidate in vacancy.candidates):
        abort(404)  # no such candidate; one without results yet goes back to the comparison
    view = _view(vacancy)
    code = next((code for code, c in view.candidates.items() if c.id == candidate_id), None)
    if code is None:
        # As the summary does for a stage not yet in moderation: back to where it will be.
        flash("That candidate has no results to compare yet.", "info")
        return redirect(url_for(".comparison", vacancy_id=view.vacancy.id))
    found = candidate_evidence(view.vacancy, view.outcomes, [view.candidates[code]])
    return render_template(
        "comparisons/candidate.html",
        view=view,
        code=code,
        found=found[code],
        compared=next((c for c in view.comparison.candidates if c.candidate == code), None),
        names=attribute_names(),
        short_names=short_names(),
    )


@bp.route("/vacancies/<int:vacancy_id>/comparison/radar.png")
@login_required
def radar(vacancy_id: int) -> ResponseReturnValue:
    view = _view(results_vacancy(vacancy_id))
    keys = tuple(attribute_names())
    series = [
        (view.labels[c.candidate], [c.combined.attribute(key).result for key in keys])
        for c in view.comparison.candidates
    ]
    if view.comparison.target is not None:
        levels = view.comparison.target.levels
        series.append(("Target level", [_float_or_none(levels.get(key)) for key in keys]))
    axes = [a.short_name or a.name for a in current_bank().attributes]
    png = radar_png(axes, series, size_inches=COMPARISON_CHART_INCHES)
    return send_file(BytesIO(png), mimetype="image/png", download_name="comparison.png")


def _float_or_none(level: int | None) -> float | None:
    return None if level is None else float(level)


@bp.route("/vacancies/<int:vacancy_id>/comparison.docx")
@login_required
def briefing_pack(vacancy_id: int) -> ResponseReturnValue:
    view = _view(results_vacancy(vacancy_id))
    data, filename = briefing_docx(view)
    audit.record_access("comparison.exported", view.vacancy, candidates=list(view.chosen))
    return send_file(
        BytesIO(data),
        as_attachment=True,
        download_name=filename,
        mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


@bp.route("/vacancies/<int:vacancy_id>/target", methods=["GET", "POST"])
@login_required
def target(vacancy_id: int) -> ResponseReturnValue:
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None or not may_set_target(current_user, vacancy):
        abort(404)
    names = attribute_names()
    saved = target_for(vacancy)
    shared = _shared_profiles()
    form = target_form(tuple(names), names, data=_saved_target(saved))
    form.set_profiles(shared)
    if form.validate_on_submit():
        entered = form.entered_levels(names)
        context_id = _chosen_profile(form.context_profile_id.data, shared)
        if entered is not None:
            if saved_since_loaded(form.lock_version, saved.lock_version if saved else None):
                flash(
                    "Someone else saved the target while you were editing. Your entries are "
                    "below and have not been saved: check them and save again."
                )
            else:
                return _save_target(vacancy, saved, form, entered, context_id)
    return render_template(
        "comparisons/target.html",
        vacancy=vacancy,
        form=form,
        names=names,
        short_names=short_names(),
        context=target_context_for(form.context_profile_id.data, shared),
        panel=deciding_stage(vacancy),
    )


def _shared_profiles() -> list[LeadershipProfile]:
    return list(
        db.session.scalars(
            select(LeadershipProfile).where(LeadershipProfile.shared_at.is_not(None))
        )
    )


def _chosen_profile(profile_id: str | None, shared: list[LeadershipProfile]) -> int | None:
    # Only a shared profile may be shown: a private one, or an id typed in, counts as none.
    return next((p.id for p in shared if str(p.id) == (profile_id or "")), None)


def _saved_target(saved: TargetProfile | None) -> dict[str, str]:
    if saved is None:
        return {"lock_version": ""}
    data = {f"level_{key}": str(level) for key, level in saved.levels.items()}
    data.update({f"reason_{key}": reason for key, reason in saved.reasons.items()})
    data["rationale"] = saved.rationale
    data["context_profile_id"] = str(saved.context_profile_id or "")
    data["lock_version"] = str(saved.lock_version)
    return data


def _save_target(
    vacancy: Vacancy,
    saved: TargetProfile | None,
    form: TargetForm,
    entered: tuple[dict[str, int], dict[str, str]],
    context_profile_id: int | None,
) -> ResponseReturnValue:
    if saved is None:
        saved = TargetProfile(vacancy_id=vacancy.id)
        db.session.add(saved)
    saved.levels, saved.reasons = entered
    saved.rationale = (form.rationale.data or "").strip()
    saved.context_profile_id = context_profile_id
    saved.set_by_id = current_user.id
    saved.set_at = utcnow()
    audit.record(
        "target.saved",
        vacancy,
        levels=saved.levels,
        reasons=saved.reasons,
        context_profile_id=context_profile_id,
    )
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        flash("Someone else saved the target at the same moment. Check it again.")
        return redirect(url_for(".target", vacancy_id=vacancy.id))
    flash("Target levels saved.", "success")
    return redirect(url_for(".comparison", vacancy_id=vacancy.id))
