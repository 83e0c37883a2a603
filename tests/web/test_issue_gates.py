"""Safer recruitment gates on issuing a plan: no plan is issued while no stage of the vacancy
asks a safeguarding question, unless HR gives a reason, which the audit log keeps."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from recruit.extensions import db
from recruit.models import AuditEvent, PanelRole, Role
from tests.support.factories import make_stage, make_vacancy
from tests.support.forms import csrf_token_from

PLAIN = ["values-personal-values-01", "decisions-own-risk-01"]


def _safeguarding_question(bank) -> str:  # type: ignore[no-untyped-def]
    return next(q.id for q in bank.questions if q.is_active and "safeguarding" in q.tags)


def _post_issue(client, base: str, reason: str = ""):  # type: ignore[no-untyped-def]
    token = csrf_token_from(client.get(f"{base}/plan").get_data(as_text=True))
    return client.post(f"{base}/plan/issue", data={"csrf_token": token, "override_reason": reason})


def test_no_safeguarding_question_stops_the_plan_and_says_why(bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    stage = make_stage(vacancy, questions=PLAIN)
    base = f"/vacancies/{vacancy.id}/stages/{stage.id}"
    page = client.get(f"{base}/plan").get_data(as_text=True)
    assert 'id="issue-blockers"' in page and "No stage asks a safeguarding question" in page
    refused = _post_issue(client, base)
    text = refused.get_data(as_text=True)
    assert refused.status_code == 200 and "govuk-error-summary" in text
    assert "say why it should be issued anyway" in text
    db.session.refresh(stage)
    assert stage.plan_issued_at is None


def test_hr_may_issue_past_the_gate_with_a_reason_that_is_kept(bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    stage = make_stage(vacancy, questions=PLAIN)
    base = f"/vacancies/{vacancy.id}/stages/{stage.id}"
    response = _post_issue(client, base, "The in-tray exercise tests safeguarding")
    assert response.status_code == 302
    db.session.refresh(stage)
    assert stage.plan_issued_at is not None
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "plan.issued")).one()
    assert event.detail["override_reason"] == "The in-tray exercise tests safeguarding"
    assert "No stage asks a safeguarding question" in event.detail["overridden"][0]
    page = client.get(f"{base}/plan").get_data(as_text=True)
    assert 'id="issue-override"' in page and "The in-tray exercise tests safeguarding" in page


def test_a_safeguarding_question_at_any_stage_lets_every_plan_issue(bank, signed_in, make_user):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    chair = make_user(Role.PANEL, name="Cllr Sam Patel")
    chair.safer_recruitment_trained_on = date.today() - timedelta(days=30)
    make_stage(vacancy, name="Stakeholder panel", questions=[_safeguarding_question(bank)])
    final = make_stage(vacancy, seats=[(chair, PanelRole.CHAIR)], questions=PLAIN)
    base = f"/vacancies/{vacancy.id}/stages/{final.id}"
    assert "issue-blockers" not in client.get(f"{base}/plan").get_data(as_text=True)
    assert _post_issue(client, base).status_code == 302
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "plan.issued")).one()
    assert "overridden" not in event.detail


def test_an_overlong_reason_is_refused_with_a_message(bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    stage = make_stage(vacancy, questions=PLAIN)
    base = f"/vacancies/{vacancy.id}/stages/{stage.id}"
    text = _post_issue(client, base, "x" * 2001).get_data(as_text=True)
    assert "The reason must be 2,000 characters or fewer" in text
    db.session.refresh(stage)
    assert stage.plan_issued_at is None


def test_a_panel_without_a_trained_scoring_member_stops_the_plan(bank, signed_in, make_user):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    chair, adviser = make_user(Role.PANEL, name="Cllr Sam Patel"), make_user(Role.HR)
    make_stage(vacancy, name="Stakeholder panel", questions=[_safeguarding_question(bank)])
    final = make_stage(
        vacancy, seats=[(chair, PanelRole.CHAIR), (adviser, PanelRole.HR_ADVISER)],
        questions=PLAIN,
    )  # fmt: skip
    base = f"/vacancies/{vacancy.id}/stages/{final.id}"
    # Only the HR adviser is trained, and advisers do not score: the gate holds.
    adviser.safer_recruitment_trained_on = date.today() - timedelta(days=400)
    chair.safer_recruitment_trained_on = date.today() - timedelta(days=6 * 366)  # expired
    db.session.commit()
    text = _post_issue(client, base).get_data(as_text=True)
    assert "No one on this panel who scores is trained in safer recruitment" in text
    db.session.refresh(final)
    assert final.plan_issued_at is None
    chair.safer_recruitment_trained_on = date.today() - timedelta(days=400)
    db.session.commit()
    assert _post_issue(client, base).status_code == 302
