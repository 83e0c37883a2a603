"""The decision page and its steps. Who may do what:

* the deciding panel's scoring members record the decision (once the deciding stage's
  moderation is closed, and, for a post elected members appoint, once the panel is made up
  as the standing orders ask), confirm it, and rule on objections;
* HR and admin record the notice to the executive, the objections that arrive and, when
  nothing stands in the way (``domain.decisions.offer_blockers``), that the offer was made.

Every step is audited. The decision can be recorded again (it then needs every confirmation
again) until the executive has been told.
"""

from __future__ import annotations

from datetime import date
from typing import cast

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf import FlaskForm

from recruit import audit
from recruit.authorisation import login_required
from recruit.checks.queries import outstanding_for
from recruit.decisions import bp
from recruit.decisions.forms import (
    NO_APPOINTMENT,
    UPHELD,
    ConfirmDecisionForm,
    NoticeForm,
    ObjectionForm,
    OfferForm,
    RecordDecisionForm,
    RulingForm,
)
from recruit.decisions.queries import DecisionView, appointable, decision_view
from recruit.domain.decisions import objection_deadline, offer_blockers
from recruit.extensions import db
from recruit.form_fields import add_error
from recruit.models import (
    AppointmentDecision,
    DecisionConfirmation,
    ExecutiveObjection,
)
from recruit.models._types import utcnow
from recruit.references.queries import needed_before_deciding, reference_problems_for

BASE = "/vacancies/<int:vacancy_id>/decision"


@bp.route(BASE)
@login_required
def show(vacancy_id: int) -> ResponseReturnValue:
    view = decision_view(vacancy_id)
    return _page(view)


@bp.route(f"{BASE}/record", methods=["POST"])
@login_required
def record(vacancy_id: int) -> ResponseReturnValue:
    view = decision_view(vacancy_id)
    _deciders_only(view)
    refusal = _record_refusal(view)
    if refusal:
        flash(refusal, "info")
        return _back(view)
    form = RecordDecisionForm()
    form.set_candidates(appointable(view, current_user))
    if not form.validate_on_submit() or not _references_allow(view, form):
        return _page(view, record_form=form), 200
    decision = _save_decision(view, form)
    audit.record(
        "decision.recorded",
        decision,
        vacancy_id=view.vacancy.id,
        candidate_id=decision.candidate_id,
        reasons=decision.reasons,
    )
    db.session.commit()
    flash("Decision recorded: each member of the deciding panel now confirms it", "success")
    return _back(view)


@bp.route(f"{BASE}/confirm", methods=["POST"])
@login_required
def confirm(vacancy_id: int) -> ResponseReturnValue:
    view = decision_view(vacancy_id)
    _deciders_only(view)
    decision = view.decision
    if decision is None or not ConfirmDecisionForm().validate_on_submit():
        return _back(view)
    if not view.ready:
        flash("Moderation at the deciding stage was reopened: confirm once it is closed", "info")
        return _back(view)
    if all(c.user_id != current_user.id for c in decision.confirmations):
        decision.confirmations.append(DecisionConfirmation(user_id=current_user.id))
        audit.record("decision.confirmed", decision, vacancy_id=view.vacancy.id)
        db.session.commit()
        flash("You confirmed the decision", "success")
    return _back(view)


@bp.route(f"{BASE}/notice", methods=["POST"])
@login_required
def notice(vacancy_id: int) -> ResponseReturnValue:
    view = decision_view(vacancy_id)
    _staff_only(view)
    decision = view.decision
    if decision is None or decision.candidate_id is None or not view.members_appoint:
        return _back(view)
    form = NoticeForm()
    if not form.validate_on_submit():
        return _page(view, notice_form=form), 200
    notified_on = cast(date, form.notified_on.data)  # required: the field refuses a blank
    days = cast(int, form.objection_days.data)  # InputRequired and NumberRange passed
    decision.executive_notified_on = notified_on
    decision.executive_notified_by_id = current_user.id
    decision.objection_days = days
    decision.objection_deadline = objection_deadline(notified_on, days)
    audit.record(
        "decision.executive_notified",
        decision,
        vacancy_id=view.vacancy.id,
        notified_on=notified_on.isoformat(),
        objection_days=days,
    )
    db.session.commit()
    flash("Notice to the executive recorded", "success")
    return _back(view)


@bp.route(f"{BASE}/objections", methods=["POST"])
@login_required
def objection(vacancy_id: int) -> ResponseReturnValue:
    view = decision_view(vacancy_id)
    _staff_only(view)
    decision = view.decision
    if decision is None or decision.executive_notified_on is None or decision.offer_made_at:
        return _back(view)
    form = ObjectionForm()
    if not form.validate_on_submit():
        return _page(view, objection_form=form), 200
    row = ExecutiveObjection(
        objector=cast(str, form.objector.data).strip(),  # InputRequired passed
        received_on=cast(date, form.received_on.data),
        summary=cast(str, form.summary.data).strip(),
        recorded_by_id=current_user.id,
    )
    decision.objections.append(row)
    audit.record("decision.objection_recorded", decision, objector=row.objector)
    db.session.commit()
    flash(f"Objection from {row.objector} recorded: the panel now rules on it", "success")
    return _back(view)


@bp.route(f"{BASE}/objections/<int:objection_id>/ruling", methods=["POST"])
@login_required
def ruling(vacancy_id: int, objection_id: int) -> ResponseReturnValue:
    view = decision_view(vacancy_id)
    found = db.session.get(ExecutiveObjection, objection_id)
    if found is None or view.decision is None or found.decision_id != view.decision.id:
        abort(404)
    _deciders_only(view)
    if found.upheld is not None:
        flash("The panel has already ruled on this objection", "info")
        return _back(view)
    form = RulingForm(prefix=f"ruling-{found.id}")
    if not form.validate_on_submit():
        return _page(view, ruling_forms={found.id: form}), 200
    found.upheld = form.ruling.data == UPHELD
    found.ruling_reasons = cast(str, form.reasons.data).strip()  # InputRequired passed
    found.ruled_by_id, found.ruled_at = current_user.id, utcnow()
    audit.record(
        "decision.objection_ruled",
        view.decision,
        objector=found.objector,
        upheld=found.upheld,
        reasons=found.ruling_reasons,
    )
    db.session.commit()
    flash("Ruling recorded", "success")
    return _back(view)


@bp.route(f"{BASE}/offer", methods=["POST"])
@login_required
def offer(vacancy_id: int) -> ResponseReturnValue:
    view = decision_view(vacancy_id)
    _staff_only(view)
    decision = view.decision
    if decision is None or not OfferForm().validate_on_submit():
        return _back(view)
    blockers = offer_blockers(view.facts(), date.today())
    if blockers:
        flash(f"The offer cannot be made yet: {blockers[0]}", "info")
        return _back(view)
    decision.offer_made_at, decision.offer_made_by_id = utcnow(), current_user.id
    audit.record("decision.offer_made", decision, vacancy_id=view.vacancy.id)
    db.session.commit()
    flash("Offer recorded as made", "success")
    return _back(view)


def _record_refusal(view: DecisionView) -> str | None:
    if not view.ready:
        return "The decision is recorded once the deciding stage's moderation is closed"
    if view.panel_problems:
        return f"The appointing panel is not made up as it must be: {view.panel_problems[0]}"
    if view.decision is not None and view.decision.executive_notified_on is not None:
        return "The executive has been told of this decision, so it can no longer change"
    return None


def _save_decision(view: DecisionView, form: RecordDecisionForm) -> AppointmentDecision:
    decision = view.decision or AppointmentDecision(vacancy_id=view.vacancy.id)
    if view.decision is None:
        db.session.add(decision)
    assert view.stage is not None, "a refusal stops a vacancy with no deciding stage"
    decision.stage_id = view.stage.id
    chosen = form.candidate.data
    decision.candidate_id = None if chosen == NO_APPOINTMENT else int(cast(str, chosen))
    decision.reasons = cast(str, form.reasons.data).strip()  # InputRequired passed
    decision.recorded_by_id, decision.recorded_at = current_user.id, utcnow()
    # Recorded again, it is a new decision: every member confirms it afresh; the one who
    # records it confirms it by doing so.
    # Keep the recorder's own row (renewed) rather than delete and re-add it: the unit of
    # work inserts before it deletes, which would break one-confirmation-per-member.
    own = next((c for c in decision.confirmations if c.user_id == current_user.id), None)
    for confirmation in [c for c in decision.confirmations if c is not own]:
        decision.confirmations.remove(confirmation)
    if own is None:
        decision.confirmations.append(DecisionConfirmation(user_id=current_user.id))
    else:
        own.confirmed_at = utcnow()
    return decision


def _deciders_only(view: DecisionView) -> None:
    if not view.viewer_decides:
        abort(403)


def _staff_only(view: DecisionView) -> None:
    if not view.viewer_is_staff:
        abort(403)


def _back(view: DecisionView) -> ResponseReturnValue:
    return redirect(url_for("decisions.show", vacancy_id=view.vacancy.id))


def _page(view: DecisionView, **forms: FlaskForm | dict[int, FlaskForm]) -> str:
    record_form = forms.get("record_form") or RecordDecisionForm()
    assert isinstance(record_form, RecordDecisionForm)
    record_form.set_candidates(appointable(view, current_user))
    objections = view.decision.objections if view.decision else []
    ruling_forms = cast(dict[int, FlaskForm], forms.get("ruling_forms") or {})
    return render_template(
        "decisions/show.html",
        view=view,
        record_form=record_form,
        record_refusal=_record_refusal(view),
        confirm_form=ConfirmDecisionForm(),
        notice_form=forms.get("notice_form") or NoticeForm(),
        objection_form=forms.get("objection_form") or ObjectionForm(),
        ruling_forms={
            o.id: ruling_forms.get(o.id) or RulingForm(prefix=f"ruling-{o.id}") for o in objections
        },
        offer_form=OfferForm(),
        blockers=offer_blockers(view.facts(), date.today()) if view.decision else [],
        error_form=_with_errors(forms),
        references_warning=_references_warning(view),
        # The offer is conditional until these are complete (HR's checklist page).
        checks_outstanding=(
            outstanding_for(view.decision.candidate_id)
            if view.decision and view.decision.candidate_id and view.viewer_is_staff
            else ()
        ),
    )


def _references_allow(view: DecisionView, form: RecordDecisionForm) -> bool:
    """The gate for a senior post with REFERENCES_BEFORE_DECIDING_STAGE on: an appointment is
    recorded only once the candidate's references are complete; the form says what is not."""
    chosen = form.candidate.data
    if chosen == NO_APPOINTMENT or not needed_before_deciding(view.vacancy):
        return True
    problems = reference_problems_for(int(cast(str, chosen)))
    if problems:
        add_error(
            form.candidate,
            "This is a senior post: the candidate's references are to be complete before "
            f"the appointment is recorded. Still to do: {'; '.join(problems)}",
        )
    return not problems


def _references_warning(view: DecisionView) -> list[tuple[str, list[str]]]:
    """For a senior post with REFERENCES_BEFORE_DECIDING_STAGE on: each candidate the deciding
    stage found appointable (labelled as the viewer may see them) whose references are not
    complete, with what is outstanding. Recording their appointment is refused until then
    (``_references_allow``)."""
    if not needed_before_deciding(view.vacancy):
        return []
    found = []
    for candidate_id, label in appointable(view, current_user):
        problems = reference_problems_for(int(candidate_id))
        if problems:
            found.append((label, problems))
    return found


def _with_errors(forms: dict[str, FlaskForm | dict[int, FlaskForm]]) -> FlaskForm | None:
    """The form that was posted and refused, for the page's error summary."""
    for form in forms.values():
        for candidate in form.values() if isinstance(form, dict) else [form]:
            if candidate.errors:
                return candidate
    return None
