"""The advert builder: start from a draft, edit each section, check the language, export."""

from __future__ import annotations

from io import BytesIO
from typing import cast

from flask import (
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user

from recruit import audit
from recruit.adverts import bp, queries
from recruit.adverts.forms import ButtonForm, SectionForm, SelfAssessmentForm
from recruit.adverts.rendering import DOWNLOADS, render_advert
from recruit.authorisation import require_roles_for_blueprint
from recruit.bank_store import current_bank
from recruit.domain.adverts.check import highlight_segments
from recruit.domain.adverts.draft import AdvertSection
from recruit.domain.documents.word.text_safety import safe_download_filename
from recruit.extensions import db
from recruit.form_fields import add_error
from recruit.models import Advert, Role, Vacancy

require_roles_for_blueprint(bp, Role.ADMIN, Role.HR)


def _vacancy_and_advert(vacancy_id: int) -> tuple[Vacancy, Advert]:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    if vacancy.advert is None:
        abort(404)
    return vacancy, vacancy.advert


@bp.route("/vacancies/<int:vacancy_id>/advert")
def builder(vacancy_id: int) -> ResponseReturnValue:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    if vacancy.advert is None:
        return render_template("adverts/start.html", vacancy=vacancy, form=ButtonForm())
    bank = current_bank()
    sections = queries.sections_of(vacancy.advert.current)
    return render_template(
        "adverts/builder.html",
        vacancy=vacancy,
        advert=vacancy.advert,
        sections=sections,
        check=queries.run_check(sections, vacancy, bank),
        button=ButtonForm(),
        self_assessment=SelfAssessmentForm(
            include=vacancy.advert.current.include_self_assessment,
            lock_version=vacancy.advert.lock_version,
        ),
    )


@bp.route("/vacancies/<int:vacancy_id>/advert/start", methods=["POST"])
def start(vacancy_id: int) -> ResponseReturnValue:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    if ButtonForm().validate_on_submit() and vacancy.advert is None:
        queries.start_advert(
            vacancy, current_bank(), current_app.config["ORGANISATION_NAME"], current_user
        )
        db.session.commit()
        flash(
            "Draft advert created from the innovation's values and the five attributes", "success"
        )
    return redirect(url_for("adverts.builder", vacancy_id=vacancy.id))


@bp.route("/vacancies/<int:vacancy_id>/advert/sections/<key>", methods=["GET", "POST"])
def edit_section(vacancy_id: int, key: str) -> ResponseReturnValue:
    vacancy, advert = _vacancy_and_advert(vacancy_id)
    section = next((s for s in queries.sections_of(advert.current) if s.key == key), None) or abort(
        404
    )
    form = SectionForm(
        data=None
        if request.method == "POST"
        else {"heading": section.heading, "body": section.body, "lock_version": advert.lock_version}
    )
    if form.validate_on_submit() and not form.check.data:
        # InputRequired passed, so every field holds a value.
        heading = cast(str, form.heading.data).strip()
        body = cast(str, form.body.data).strip()
        lock_version = cast(int, form.lock_version.data)
        try:
            queries.save_section(advert, key, heading, body, current_user, lock_version)
        except queries.AdvertChangedElsewhere:
            # validate() left the field's errors a list (its stubs say only Sequence).
            add_error(
                form.body,
                "Someone else saved a new version of this advert while you were editing. "
                "Your text is below and has not been saved: compare it with the current "
                "advert, then save again.",
            )
            form.lock_version.data = advert.lock_version
        else:
            db.session.commit()
            flash(
                f"‘{heading}’ saved as version {advert.current_version_number}",
                "success",
            )
            return redirect(url_for("adverts.builder", vacancy_id=vacancy.id))
    return _section_page(vacancy, advert, section, form)


def _section_page(
    vacancy: Vacancy, advert: Advert, section: AdvertSection, form: SectionForm
) -> ResponseReturnValue:
    sections = queries.sections_of(advert.current)
    if form.body.data is not None and not form.body.errors:
        # Check the advert as it would read with this draft in place, without saving it.
        draft = AdvertSection(section.key, form.heading.data or section.heading, form.body.data)
        sections = [draft if s.key == section.key else s for s in sections]
    check = queries.run_check(sections, vacancy, current_bank())
    return render_template(
        "adverts/section.html",
        vacancy=vacancy,
        advert=advert,
        section=section,
        form=form,
        check=check,
        checked=bool(form.check.data),
    )


@bp.route("/vacancies/<int:vacancy_id>/advert/self-assessment", methods=["POST"])
def self_assessment(vacancy_id: int) -> ResponseReturnValue:
    vacancy, advert = _vacancy_and_advert(vacancy_id)
    form = SelfAssessmentForm()
    if form.validate_on_submit():
        try:
            # InputRequired passed, so the field holds a whole number.
            lock_version = cast(int, form.lock_version.data)
            queries.set_self_assessment(advert, bool(form.include.data), current_user, lock_version)
        except queries.AdvertChangedElsewhere:
            abort(409)
        db.session.commit()
        flash("Self-assessment prompts saved", "success")
    return redirect(url_for("adverts.builder", vacancy_id=vacancy.id))


@bp.route("/vacancies/<int:vacancy_id>/advert/ready", methods=["POST"])
def mark_ready(vacancy_id: int) -> ResponseReturnValue:
    vacancy, advert = _vacancy_and_advert(vacancy_id)
    if ButtonForm().validate_on_submit():
        queries.set_finished(advert, not advert.is_finished)
        db.session.commit()
        flash(
            "Advert marked ready to publish"
            if advert.is_finished
            else "Advert reopened for changes",
            "success",
        )
    return redirect(url_for("adverts.builder", vacancy_id=vacancy.id))


@bp.route("/vacancies/<int:vacancy_id>/advert/check")
def language_check(vacancy_id: int) -> ResponseReturnValue:
    vacancy, advert = _vacancy_and_advert(vacancy_id)
    sections = queries.sections_of(advert.current)
    check = queries.run_check(sections, vacancy, current_bank())
    return render_template(
        "adverts/check.html",
        vacancy=vacancy,
        advert=advert,
        check=check,
        segments=highlight_segments(check),
    )


@bp.route("/vacancies/<int:vacancy_id>/advert/versions")
def versions(vacancy_id: int) -> ResponseReturnValue:
    vacancy, advert = _vacancy_and_advert(vacancy_id)
    return render_template("adverts/versions.html", vacancy=vacancy, advert=advert)


@bp.route("/vacancies/<int:vacancy_id>/advert/versions/<int:number>")
def version(vacancy_id: int, number: int) -> ResponseReturnValue:
    vacancy, advert = _vacancy_and_advert(vacancy_id)
    chosen = next((v for v in advert.versions if v.number == number), None) or abort(404)
    return render_template(
        "adverts/version.html",
        vacancy=vacancy,
        advert=advert,
        version=chosen,
        sections=queries.sections_of(chosen),
    )


@bp.route("/vacancies/<int:vacancy_id>/advert/download/<fmt>")
def download(vacancy_id: int, fmt: str) -> ResponseReturnValue:
    if fmt not in DOWNLOADS:
        abort(404)
    vacancy, advert = _vacancy_and_advert(vacancy_id)
    document = queries.advert_document(
        vacancy, advert.current, current_bank(), current_app.config["ORGANISATION_NAME"]
    )
    data = render_advert(document, fmt)
    audit.record_access(
        "advert.exported", vacancy, format=fmt, version=advert.current_version_number
    )
    ascii_name, _utf8_name = safe_download_filename(f"Advert - {vacancy.title}", fmt)
    return send_file(
        BytesIO(data), mimetype=DOWNLOADS[fmt], as_attachment=True, download_name=ascii_name
    )
