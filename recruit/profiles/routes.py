"""Leadership profiles: the report's workbook, one attribute per page, a profile chart and
summary, sharing, and 360 feedback from colleagues.

A profile is its owner's alone: anyone else gets a 404, unless the owner shared it, when
HR, admin and reviewers may read its ratings, summary and colleagues' aggregate (never the
reflections, which stay private). A feedback request is its colleague's alone, and once sent
it cannot be changed: the published figures must only ever grow by whole blocks of
responses (domain.profiles.publish_in_blocks). No page names who was asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from typing import cast

from flask import (
    abort,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from recruit import audit
from recruit.authorisation import login_required
from recruit.bank_store import current_bank
from recruit.domain.profiles import FeedbackAggregate, summarise_profile
from recruit.domain.question_bank.model import Attribute
from recruit.domain.scoring.charts import radar_png
from recruit.extensions import db
from recruit.form_fields import saved_since_loaded
from recruit.models import FeedbackRequest, LeadershipProfile
from recruit.models._types import utcnow
from recruit.profiles import bp
from recruit.profiles.forms import (
    DeleteProfileForm,
    FeedbackForm,
    ProfileForm,
    RequestFeedbackForm,
    ShareForm,
    WorkbookForm,
    feedback_form,
    workbook_form,
)
from recruit.profiles.queries import READERS_OF_SHARED, colleagues_to_ask, feedback_for
from recruit.profiles.wording import about_owner

# feedback_for stays importable from here for the comparisons blueprint.
__all__ = ["bp", "feedback_for"]


def _attributes() -> list[Attribute]:
    return list(current_bank().attributes)


def _own_profile(profile_id: int) -> LeadershipProfile:
    profile = db.session.get(LeadershipProfile, profile_id)
    if profile is None or profile.owner_id != current_user.id:
        abort(404)
    return profile


def _readable_profile(profile_id: int) -> LeadershipProfile:
    profile = db.session.get(LeadershipProfile, profile_id)
    if profile is None:
        abort(404)
    shared_with_me = profile.is_shared and current_user.role in READERS_OF_SHARED
    if profile.owner_id != current_user.id and not shared_with_me:
        abort(404)
    return profile


@bp.route("/profiles")
@login_required
def index() -> ResponseReturnValue:
    mine = db.session.scalars(
        select(LeadershipProfile)
        .where(LeadershipProfile.owner_id == current_user.id)
        .order_by(LeadershipProfile.created_at.desc())
    ).all()
    asked = db.session.scalars(
        select(FeedbackRequest).where(FeedbackRequest.colleague_id == current_user.id)
    ).all()
    shared: Sequence[LeadershipProfile] = []
    if current_user.role in READERS_OF_SHARED:
        shared = db.session.scalars(
            select(LeadershipProfile)
            .where(LeadershipProfile.shared_at.is_not(None))
            .where(LeadershipProfile.owner_id != current_user.id)
        ).all()
    return render_template("profiles/index.html", mine=mine, asked=asked, shared=shared)


@bp.route("/profiles/new", methods=["GET", "POST"])
@login_required
def create() -> ResponseReturnValue:
    form = ProfileForm()
    if form.validate_on_submit():
        profile = LeadershipProfile(
            owner_id=current_user.id,
            title=cast(str, form.title.data).strip(),  # InputRequired: validated, it is text
            role_title=(form.role_title.data or "").strip(),
        )
        db.session.add(profile)
        audit.record("profile.created", profile)
        db.session.commit()
        first = _attributes()[0].key
        return redirect(url_for(".workbook", profile_id=profile.id, key=first))
    return render_template("profiles/new.html", form=form)


@bp.route("/profiles/<int:profile_id>")
@login_required
def show(profile_id: int) -> ResponseReturnValue:
    profile = _readable_profile(profile_id)
    attributes = _attributes()
    names = {a.key: a.short_name or a.name for a in attributes}
    summary = summarise_profile(_valid_ratings(profile), names)
    is_owner = profile.owner_id == current_user.id
    owner = profile.owner.full_name
    return render_template(
        "profiles/show.html",
        profile=profile,
        attributes=attributes,
        summary=summary,
        sentences=summary.sentences if is_owner else about_owner(owner, summary.sentences),
        reading=(lambda text: text) if is_owner else (lambda text: about_owner(owner, [text])[0]),
        feedback=feedback_for(profile),
        is_owner=is_owner,
        share_form=ShareForm(),
    )


def _valid_ratings(profile: LeadershipProfile) -> dict[str, int | None]:
    return {a.key: profile.ratings.get(a.key) for a in _attributes()}


@bp.route("/profiles/<int:profile_id>/attributes/<key>", methods=["GET", "POST"])
@login_required
def workbook(profile_id: int, key: str) -> ResponseReturnValue:
    profile = _own_profile(profile_id)
    attributes = _attributes()
    attribute = next((a for a in attributes if a.key == key), None)
    if attribute is None:
        abort(404)
    saved = {
        "rating": str(profile.ratings.get(key, "")),
        "lock_version": str(profile.lock_version),
        **{f"reflection_{i}": text for i, text in enumerate(profile.reflections.get(key, []))},
    }
    form = workbook_form(attribute, data=saved)
    problem = None
    if form.validate_on_submit():
        if saved_since_loaded(form.lock_version, profile.lock_version):
            problem = (
                "You saved this profile in another tab or window. Your answers on this page "
                "are below and have not been saved: check them, then save again."
            )
        else:
            return _save_workbook_page(profile, attribute, attributes, form)
    position = attributes.index(attribute)
    return render_template(
        "profiles/workbook.html",
        profile=profile,
        attribute=attribute,
        form=form,
        problem=problem,
        step=position + 1,
        steps=len(attributes),
    )


def _save_workbook_page(
    profile: LeadershipProfile,
    attribute: Attribute,
    attributes: list[Attribute],
    form: WorkbookForm,
) -> ResponseReturnValue:
    profile.ratings = {**profile.ratings, attribute.key: int(form.rating.data)}
    profile.reflections = {**profile.reflections, attribute.key: form.answers()}
    profile.updated_at = utcnow()
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        flash("The profile changed in another tab. Check this page and save again.", "info")
        return redirect(url_for(".workbook", profile_id=profile.id, key=attribute.key))
    position = attributes.index(attribute)
    if position + 1 < len(attributes):
        following = attributes[position + 1].key
        return redirect(url_for(".workbook", profile_id=profile.id, key=following))
    flash("Your leadership profile is complete.", "success")
    return redirect(url_for(".show", profile_id=profile.id))


@bp.route("/profiles/<int:profile_id>/chart.png")
@login_required
def chart(profile_id: int) -> ResponseReturnValue:
    profile = _readable_profile(profile_id)
    attributes = _attributes()
    series: list[tuple[str, list[float | None]]] = [
        ("Self-rating", [profile.ratings.get(a.key) for a in attributes])
    ]
    feedback = feedback_for(profile)
    if feedback.shown:
        series.append(("Colleagues", [_colleagues_mean(feedback, a.key) for a in attributes]))
    png = radar_png([a.short_name or a.name for a in attributes], series)
    return send_file(BytesIO(png), mimetype="image/png", download_name="profile.png")


def _colleagues_mean(feedback: FeedbackAggregate, key: str) -> float | None:
    found = feedback.attribute(key)
    return found.mean if found is not None else None


@bp.route("/profiles/<int:profile_id>/share", methods=["POST"])
@login_required
def share(profile_id: int) -> ResponseReturnValue:
    profile = _own_profile(profile_id)
    if ShareForm().validate_on_submit():
        profile.shared_at = None if profile.is_shared else utcnow()
        audit.record("profile.shared" if profile.is_shared else "profile.unshared", profile)
        db.session.commit()
        flash(
            "Your profile is shared with HR and the appointing panel."
            if profile.is_shared
            else "Your profile is private again.",
            "success",
        )
    return redirect(url_for(".show", profile_id=profile.id))


@bp.route("/profiles/<int:profile_id>/delete", methods=["GET", "POST"])
@login_required
def delete(profile_id: int) -> ResponseReturnValue:
    profile = _own_profile(profile_id)
    form = DeleteProfileForm()
    if form.validate_on_submit():
        audit.record("profile.deleted", profile)
        db.session.delete(profile)
        db.session.commit()
        flash("The profile and its feedback were deleted.", "success")
        return redirect(url_for(".index"))
    return render_template("profiles/delete.html", profile=profile, form=form)


@bp.route("/profiles/<int:profile_id>/feedback", methods=["GET", "POST"])
@login_required
def request_feedback(profile_id: int) -> ResponseReturnValue:
    profile = _own_profile(profile_id)
    people = colleagues_to_ask(profile)
    form = RequestFeedbackForm()
    form.set_colleagues(people)
    if form.validate_on_submit() and (colleague := form.chosen()) is not None:
        return _ask(profile, colleague.id)
    return render_template(
        "profiles/request_feedback.html",
        profile=profile,
        form=form,
        can_ask=bool(people),
        feedback=feedback_for(profile),
    )


def _ask(profile: LeadershipProfile, colleague_id: int) -> ResponseReturnValue:
    profile.feedback_requests.append(FeedbackRequest(colleague_id=colleague_id))
    audit.record("feedback.requested", profile)
    try:
        db.session.commit()
    except IntegrityError:  # asked a moment ago in another tab
        db.session.rollback()
        flash("You have already asked that colleague.", "info")
    else:
        # Not named: no page keeps a record of who was asked.
        flash("Your colleague has been asked for feedback.", "success")
    return redirect(url_for(".request_feedback", profile_id=profile.id))


@bp.route("/feedback/<int:request_id>", methods=["GET", "POST"])
@login_required
def give_feedback(request_id: int) -> ResponseReturnValue:
    feedback_request = db.session.get(FeedbackRequest, request_id)
    if feedback_request is None or feedback_request.colleague_id != current_user.id:
        abort(404)
    attributes = _attributes()
    if feedback_request.ratings is not None:
        return _already_sent(feedback_request, attributes)
    form = feedback_form(attributes)
    if form.validate_on_submit():
        return _send(feedback_request, attributes, form)
    return render_template(
        "profiles/give_feedback.html",
        feedback_request=feedback_request,
        attributes=attributes,
        form=form,
    )


def _send(
    feedback_request: FeedbackRequest, attributes: list[Attribute], form: FeedbackForm
) -> ResponseReturnValue:
    feedback_request.ratings = form.ratings()
    feedback_request.responded_at = utcnow()
    audit.record("feedback.given", feedback_request)
    try:
        db.session.commit()
    except StaleDataError:  # sent a moment ago in another tab: that one stands
        db.session.rollback()
        sent = db.session.get(FeedbackRequest, feedback_request.id)
        if sent is None:  # the profile was deleted meanwhile
            abort(404)
        return _already_sent(sent, attributes)
    flash(
        "Thank you: your feedback was sent. It is only ever shown combined with other "
        "colleagues' answers.",
        "success",
    )
    return redirect(url_for(".index"))


def _already_sent(feedback_request: FeedbackRequest, attributes: list[Attribute]) -> str:
    # A sent response is never changed: a change would move the published figures by one
    # colleague's answers alone, which is what the block rule exists to prevent.
    ratings = feedback_request.ratings or {}
    return render_template(
        "profiles/feedback_sent.html",
        feedback_request=feedback_request,
        answers=[(attribute.name, ratings.get(attribute.key)) for attribute in attributes],
        refused=request.method == "POST",
    )
