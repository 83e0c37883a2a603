"""The shortlist comparison for the DCS, its radar chart and briefing pack, and the
vacancy's target profile.

The comparison follows the summary's rules: reviewers, HR and admin see every moderated
stage; panel members only the moderated stages they sat on; anyone else gets a 404. The
target profile is set by HR, admin or reviewers (the appointing side).
"""

from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from recruit import audit
from recruit.authorisation import login_required, roles_required
from recruit.bank_store import current_bank
from recruit.comparisons import bp
from recruit.comparisons.briefing import briefing_docx
from recruit.comparisons.context import ComparisonView, build_comparison, target_for
from recruit.comparisons.forms import SeedTargetForm, TargetForm, target_form
from recruit.domain.comparison import sort_keys
from recruit.domain.profiles import seed_target
from recruit.domain.scoring.charts import radar_png
from recruit.extensions import db
from recruit.form_fields import saved_since_loaded
from recruit.models import LeadershipProfile, Role, TargetProfile, Vacancy
from recruit.models._types import utcnow
from recruit.profiles.queries import feedback_for
from recruit.results.consolidation import attribute_names, short_names
from recruit.results.visibility import names_shown_to
from recruit.summaries.queries import results_vacancy, visible_outcomes

SETS_TARGETS = (Role.HR, Role.ADMIN, Role.REVIEWER)


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
    view = _view(results_vacancy(vacancy_id))
    return render_template(
        "comparisons/comparison.html",
        view=view,
        names=attribute_names(),
        short_names=short_names(),
        sort_keys=sort_keys(tuple(attribute_names())),
        may_set_target=current_user.role in SETS_TARGETS,
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
        minimums = view.comparison.target.minimums
        series.append(("Target", [minimums.get(key) for key in keys]))
    axes = [a.short_name or a.name for a in current_bank().attributes]
    png = radar_png(axes, series)
    return send_file(BytesIO(png), mimetype="image/png", download_name="comparison.png")


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
@roles_required(*SETS_TARGETS)
def target(vacancy_id: int) -> ResponseReturnValue:
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None:
        abort(404)
    names = attribute_names()
    saved = target_for(vacancy)
    shared = _shared_profiles()
    # No prefix: its field names differ from the target form's, and a prefixed CSRF field
    # ("seed-csrf_token") is not recognised as one by scanners or reviewers.
    seed_form = SeedTargetForm()
    seed_form.set_profiles(shared)
    form = target_form(tuple(names), names, data=_saved_target(saved))
    if seed_form.seed.data and seed_form.validate_on_submit():
        form = _seeded(form, names, shared, seed_form.profile_id.data, saved)
    elif form.submit.data and form.validate_on_submit():
        minimums = form.entered_minimums(names)
        if minimums is not None:
            if saved_since_loaded(form.lock_version, saved.lock_version if saved else None):
                flash(
                    "Someone else saved the target profile while you were editing. Your "
                    "entries are below and have not been saved: check them and save again."
                )
            else:
                return _save_target(vacancy, saved, form, minimums)
    return render_template(
        "comparisons/target.html",
        vacancy=vacancy,
        form=form,
        seed_form=seed_form,
        error_form=seed_form,
        names=names,
        has_shared=bool(shared),
    )


def _shared_profiles() -> list[LeadershipProfile]:
    return list(
        db.session.scalars(
            select(LeadershipProfile).where(LeadershipProfile.shared_at.is_not(None))
        )
    )


def _saved_target(saved: TargetProfile | None) -> dict[str, str]:
    if saved is None:
        return {"lock_version": ""}
    data = {f"minimum_{key}": f"{value:g}" for key, value in saved.minimums.items()}
    data["rationale"] = saved.rationale
    data["seeded_from"] = str(saved.seeded_from_id or "")
    data["lock_version"] = str(saved.lock_version)
    return data


def _seeded(
    form: TargetForm,
    names: Mapping[str, str],
    shared: list[LeadershipProfile],
    profile_id: str,
    saved: TargetProfile | None,
) -> TargetForm:
    profile = next((p for p in shared if str(p.id) == profile_id), None)
    if profile is None:
        flash("Choose a shared leadership profile to start from.")
        return form
    minimums = seed_target(profile.ratings, feedback_for(profile))
    data = _saved_target(saved)
    data.update({f"minimum_{key}": f"{value:g}" for key, value in minimums.items()})
    data["seeded_from"] = str(profile.id)
    flash(
        f"The minimums below start from {profile.owner.full_name}'s profile. Change them as the "
        "panel agrees, then save.",
        "info",
    )
    return target_form(tuple(names), names, formdata=None, data=data)


def _save_target(
    vacancy: Vacancy,
    saved: TargetProfile | None,
    form: TargetForm,
    minimums: dict[str, float],
) -> ResponseReturnValue:
    if saved is None:
        saved = TargetProfile(vacancy_id=vacancy.id)
        db.session.add(saved)
    saved.minimums = minimums
    saved.rationale = (form.rationale.data or "").strip()
    seeded = form.seeded_from.data
    saved.seeded_from_id = int(seeded) if seeded and seeded.isdigit() else None
    if saved.seeded_from_id is not None and not any(
        p.id == saved.seeded_from_id for p in _shared_profiles()
    ):
        saved.seeded_from_id = None  # only a shared profile may be named as the source
    saved.set_by_id = current_user.id
    saved.set_at = utcnow()
    audit.record("target.saved", vacancy, minimums=minimums)
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        flash("Someone else saved the target profile at the same moment. Check it again.")
        return redirect(url_for(".target", vacancy_id=vacancy.id))
    flash("Target profile saved.", "success")
    return redirect(url_for(".comparison", vacancy_id=vacancy.id))
