"""The stage page shows each panel member's safer recruitment training, and warns when no
one who scores (and is still on the panel) is trained within the setting's years."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from recruit.cli.demo import DEMO_VACANCY_TITLE
from recruit.domain.panels.training import training_expiry
from recruit.extensions import db
from recruit.models import PanelRole, Role, User, Vacancy
from recruit.models._types import utcnow
from recruit.stages.panel import council_today
from tests.support.factories import make_stage, make_vacancy

# The DCS campaign: the demo also has a year of past vacancies (recruit.cli.demo_equality).
DEMO_VACANCY = select(Vacancy).where(Vacancy.title == DEMO_VACANCY_TITLE)

WARNING = (
    "No one on this panel who scores is trained in safer recruitment (within 5 years). "
    "The plan cannot be issued until someone is."
)


def _trained(user: User, days_ago: int | None) -> User:
    user.safer_recruitment_trained_on = (
        None if days_ago is None else council_today() - timedelta(days=days_ago)
    )
    db.session.commit()
    return user


def _page(client, stage) -> str:  # type: ignore[no-untyped-def]
    response = client.get(f"/vacancies/{stage.vacancy_id}/stages/{stage.id}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _row(page: str, name: str) -> str:
    rows = re.findall(r'<tr class="govuk-table__row">(.*?)</tr>', page, re.S)
    (row,) = [row for row in rows if f'<td class="govuk-table__cell">{name}</td>' in row]
    return " ".join(row.split())


def _day(days_ago: int) -> str:
    day = council_today() - timedelta(days=days_ago)
    return f"{day.day} {day:%B %Y}"


def test_each_seat_shows_its_training_and_a_current_scoring_member_means_no_warning(
    bank, signed_in, make_user
):
    client, hr = signed_in(Role.HR)
    chair = _trained(make_user(Role.PANEL, name="Chair Trained"), 100)
    expired = _trained(make_user(Role.PANEL, name="Member Expired"), 6 * 366)
    untrained = make_user(Role.PANEL, name="Member Untrained")
    stage = make_stage(
        make_vacancy(hr),
        seats=[
            (chair, PanelRole.CHAIR),
            (expired, PanelRole.MEMBER),
            (untrained, PanelRole.MEMBER),
        ],
    )

    page = _page(client, stage)

    assert "Safer recruitment training</th>" in page
    assert WARNING not in page and 'id="safer-recruitment-training-problem"' not in page
    trained_row = _row(page, "Chair Trained")
    assert '<strong class="govuk-tag govuk-tag--green">Trained</strong>' in trained_row
    expiry = training_expiry(council_today() - timedelta(days=100), 5)
    assert f"Trained {_day(100)}, valid until {expiry.day} {expiry:%B %Y}" in trained_row
    expired_row = _row(page, "Member Expired")
    assert '<strong class="govuk-tag govuk-tag--red">Expired</strong>' in expired_row
    assert "Training expired " in expired_row
    untrained_row = _row(page, "Member Untrained")
    assert '<strong class="govuk-tag govuk-tag--grey">Not trained</strong>' in untrained_row


def test_the_warning_shows_when_only_advisers_or_stood_down_members_are_trained(
    bank, signed_in, make_user
):
    client, hr = signed_in(Role.HR)
    _trained(hr, 10)
    stood_down = _trained(make_user(Role.PANEL, name="Stood Down Trained"), 10)
    adviser = _trained(make_user(Role.PANEL, name="Adviser Trained"), 10)
    expired = _trained(make_user(Role.PANEL, name="Chair Expired"), 6 * 366)
    stage = make_stage(
        make_vacancy(hr),
        seats=[
            (expired, PanelRole.CHAIR),
            (stood_down, PanelRole.MEMBER),
            (adviser, PanelRole.ADVISER),
            (hr, PanelRole.HR_ADVISER),
        ],
    )
    seat = next(seat for seat in stage.seats if seat.user_id == stood_down.id)
    seat.stood_down_at, seat.stood_down_reason = utcnow(), "Unwell"
    db.session.commit()

    page = _page(client, stage)

    assert 'id="safer-recruitment-training-problem"' in page and WARNING in page
    # They are trained, and shown so; they just do not count towards the rule.
    for name in ("Stood Down Trained", "Adviser Trained"):
        assert "govuk-tag--green" in _row(page, name)

    # Train the chair (a scoring member still on the panel): the warning goes.
    _trained(expired, 0)
    assert WARNING not in _page(client, stage)


def test_the_warning_follows_the_setting(app, bank, signed_in, make_user):
    client, hr = signed_in(Role.HR)
    chair = _trained(make_user(Role.PANEL, name="Chair"), 4 * 366)
    stage = make_stage(make_vacancy(hr), seats=[(chair, PanelRole.CHAIR)])
    assert "(within 5 years)" not in _page(client, stage)
    app.config["SAFER_RECRUITMENT_REFRESH_YEARS"] = 3
    page = _page(client, stage)
    assert (
        "No one on this panel who scores is trained in safer recruitment (within 3 years)" in page
    )
    assert "govuk-tag--red" in _row(page, "Chair")


def test_an_empty_panel_warns_too(bank, signed_in):
    client, hr = signed_in(Role.HR)
    stage = make_stage(make_vacancy(hr))
    page = _page(client, stage)
    assert "No one is on this panel yet." in page and WARNING in page


def test_every_demo_stage_has_a_trained_scoring_member_and_someone_is_untrained(app):
    from recruit.cli.demo import DEMO_USERS
    from recruit.stages.panel import training_at

    assert app.test_cli_runner().invoke(args=["demo"]).exit_code == 0
    vacancy = db.session.scalar(DEMO_VACANCY)
    assert len(vacancy.stages) == 3
    states = set()
    with app.test_request_context():
        for stage in vacancy.stages:
            training = training_at(stage)
            assert training.problem is None, stage.name
            # ... and on the day it issued its plan, too (the demo's plans are weeks old).
            assert training_at(stage, stage.plan_issued_at.date()).problem is None, stage.name
            states |= {status.state for status in training.statuses.values()}
    assert {"current", "expired", "not trained"} <= states, "the demo shows every state"
    users = db.session.scalars(select(User)).all()
    untrained = {user.email for user in users if user.safer_recruitment_trained_on is None}
    assert untrained and untrained == {u.email for u in DEMO_USERS if u.trained_days_ago is None}
