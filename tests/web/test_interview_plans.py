"""Interview plans: choosing questions, order, minutes, weights, coverage warnings, issue."""

from __future__ import annotations

from sqlalchemy import select

from recruit.bank_store import save_question
from recruit.extensions import db
from recruit.models import PlanItem, Question, Role, StageType
from tests.support.factories import make_stage, make_vacancy
from tests.support.forms import csrf_token_from


def _post(client, url: str, data: dict[str, object], page_url: str):  # type: ignore[no-untyped-def]
    token = csrf_token_from(client.get(page_url).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **data})


def _setup(bank, signed_in):  # type: ignore[no-untyped-def]
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user)
    stage = make_stage(vacancy, duration_minutes=30)
    base = f"/vacancies/{vacancy.id}/stages/{stage.id}/plan"
    return client, vacancy, stage, base


def test_find_questions_defaults_to_the_vacancy_role_level_and_innovation(bank, signed_in):
    client, vacancy, stage, base = _setup(bank, signed_in)
    page = client.get(f"{base}/questions").get_data(as_text=True)
    expected = bank.questions_for(role_level="dcs", innovation="family_safeguarding")
    assert f"{len(expected)} questions" in page


def test_add_order_minutes_and_remove(bank, signed_in):
    client, vacancy, stage, base = _setup(bank, signed_in)
    first, second = "values-personal-values-01", "decisions-own-risk-01"
    for question_id in (first, second):
        assert (
            _post(
                client, f"{base}/add", {"question_id": question_id}, f"{base}/questions"
            ).status_code
            == 302
        )
    items = db.session.scalars(select(PlanItem).order_by(PlanItem.position)).all()
    assert [i.question_id for i in items] == [first, second]
    assert items[0].minutes == bank.question(first).minutes
    _post(client, f"{base}/items/{items[1].id}/up", {}, base)
    assert [
        i.question_id for i in db.session.scalars(select(PlanItem).order_by(PlanItem.position))
    ] == [second, first]
    response = _post(
        client,
        f"{base}/minutes",
        {f"minutes_{items[0].id}": "12", f"minutes_{items[1].id}": "8"},
        base,
    )
    assert response.status_code == 302
    assert db.session.get(PlanItem, items[0].id).minutes == 12
    page = client.get(base).get_data(as_text=True)
    assert "20 of 30 minutes planned" in page
    _post(client, f"{base}/items/{items[0].id}/remove", {}, base)
    assert [i.question_id for i in db.session.scalars(select(PlanItem))] == [second]


def test_coverage_warnings_are_shown(bank, signed_in):
    client, vacancy, stage, base = _setup(bank, signed_in)
    _post(client, f"{base}/add", {"question_id": "decisions-own-risk-01"}, f"{base}/questions")
    _post(client, f"{base}/add", {"question_id": "decisions-own-risk-01"}, f"{base}/questions")
    _post(client, f"{base}/add", {"question_id": "values-nwd-good-enough-01"}, f"{base}/questions")
    page = client.get(base).get_data(as_text=True)
    assert "govuk-warning-text" in page
    assert "Changing practice and culture" in page  # an attribute with no question
    assert "is written for No Wrong Door, not Family Safeguarding" in page
    # Findings name a question by its opening words, not its id.
    opening = " ".join(bank.question("decisions-own-risk-01").question.split()[:8])
    assert f"Question \u201c{opening}\u2026\u201d is asked twice" in page.replace("&#39;", "'")
    assert "Question decisions-own-risk-01 is asked" not in page


def test_bad_minutes_and_weights_are_reshown_with_errors(bank, signed_in):
    client, vacancy, stage, base = _setup(bank, signed_in)
    _post(client, f"{base}/add", {"question_id": "decisions-own-risk-01"}, f"{base}/questions")
    item = db.session.scalar(select(PlanItem))
    bad_minutes = _post(client, f"{base}/minutes", {f"minutes_{item.id}": "ten"}, base)
    assert "Enter the minutes as a whole number" in bad_minutes.get_data(as_text=True)
    zeros = {
        f"weight_{key.replace('-', '_')}": "0"
        for key in ("values", "decisions", "practice-culture", "partnerships", "buy-in")
    }
    response = _post(client, f"{base}/weights", zeros, base)
    assert "Give at least one attribute a weight above 0" in response.get_data(as_text=True)


def test_weights_are_normalised(bank, signed_in):
    client, vacancy, stage, base = _setup(bank, signed_in)
    weights = {
        "weight_values": "50",
        "weight_decisions": "50",
        "weight_practice_culture": "0",
        "weight_partnerships": "0",
        "weight_buy_in": "0",
    }
    assert _post(client, f"{base}/weights", weights, base).status_code == 302
    db.session.refresh(stage)
    assert stage.weights == {
        "values": 0.5,
        "decisions": 0.5,
        "practice-culture": 0.0,
        "partnerships": 0.0,
        "buy-in": 0.0,
    }


def test_issue_freezes_the_question_text_against_later_bank_edits(bank, signed_in, make_user):
    client, vacancy, stage, base = _setup(bank, signed_in)
    _post(client, f"{base}/add", {"question_id": "decisions-own-risk-01"}, f"{base}/questions")
    # No safeguarding question in this one-question plan: issued past the gate, with a reason.
    reason = {"override_reason": "Safeguarding is asked at another stage"}
    assert _post(client, f"{base}/issue", reason, base).status_code == 302
    item = db.session.scalar(select(PlanItem))
    original = bank.question("decisions-own-risk-01").question
    assert item.frozen_content["question"] == original and item.question_version_number == 1

    edited = bank.question("decisions-own-risk-01").to_dict() | {"question": "A rewritten question"}
    row = db.session.get(Question, "decisions-own-risk-01")
    save_question(edited, make_user(Role.ADMIN), "Reworded", row.lock_version)
    db.session.commit()
    db.session.refresh(item)
    assert item.frozen_content["question"] == original

    locked = _post(
        client, f"{base}/add", {"question_id": "values-personal-values-01"}, f"{base}/questions"
    )
    assert locked.status_code == 302
    assert len(db.session.scalars(select(PlanItem)).all()) == 1
    assert "Withdraw it to change its questions" in client.get(base).get_data(as_text=True)


def test_young_peoples_panel_defaults_to_questions_with_a_plain_english_version(bank, signed_in):
    client, user = signed_in(Role.HR)
    vacancy = make_vacancy(user)
    stage = make_stage(
        vacancy, name="Young people's panel", stage_type=StageType.YOUNG_PEOPLES_PANEL
    )
    page = client.get(f"/vacancies/{vacancy.id}/stages/{stage.id}/plan/questions").get_data(
        as_text=True
    )
    expected = [
        q
        for q in bank.questions_for(role_level="dcs", innovation="family_safeguarding")
        if q.young_people_variant
    ]
    assert f"{len(expected)} questions" in page


def test_adding_an_unknown_or_retired_question_is_refused(bank, signed_in):
    client, vacancy, stage, base = _setup(bank, signed_in)
    assert (
        _post(
            client, f"{base}/add", {"question_id": "no-such-question"}, f"{base}/questions"
        ).status_code
        == 400
    )
    assert db.session.scalar(select(PlanItem)) is None


def test_several_ticked_questions_are_added_at_once_in_the_order_listed(bank, signed_in):
    client, vacancy, stage, base = _setup(bank, signed_in)
    chosen = ["values-personal-values-01", "decisions-own-risk-01", "buy-in-finance-director-01"]
    response = _post(client, f"{base}/add", {"question_id": chosen}, f"{base}/questions")
    assert response.status_code == 302 and response.headers["Location"].endswith("/plan")
    items = db.session.scalars(select(PlanItem).order_by(PlanItem.position)).all()
    assert [item.question_id for item in items] == chosen
    page = client.get(base).get_data(as_text=True)
    assert "3 questions added to the plan" in page


def test_one_added_question_is_named_by_its_words_not_its_id(bank, signed_in):
    client, vacancy, stage, base = _setup(bank, signed_in)
    _post(client, f"{base}/add", {"question_id": "values-personal-values-01"}, f"{base}/questions")
    page = client.get(base).get_data(as_text=True)
    words = " ".join(bank.question("values-personal-values-01").question.split())
    assert f"Added to the plan: {words[:40]}" in page.replace("&#39;", "'")
    assert "Question values-personal-values-01 added" not in page


def test_adding_none_or_too_many_or_an_unknown_one_adds_nothing(bank, signed_in):
    client, vacancy, stage, base = _setup(bank, signed_in)
    response = _post(client, f"{base}/add", {}, f"{base}/questions")
    assert response.status_code == 302 and "/plan/questions" in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Tick the questions you want to add" in page
    mixed = ["values-personal-values-01", "no-such-question"]
    assert (
        _post(client, f"{base}/add", {"question_id": mixed}, f"{base}/questions").status_code == 400
    )
    many = [q.id for q in bank.active_questions()][:51]
    assert (
        _post(client, f"{base}/add", {"question_id": many}, f"{base}/questions").status_code == 400
    )
    assert db.session.scalar(select(PlanItem)) is None


def test_an_empty_plan_shows_one_plain_hint_not_a_wall_of_warnings(bank, signed_in):
    client, vacancy, stage, base = _setup(bank, signed_in)
    page = client.get(base).get_data(as_text=True)
    assert 'id="empty-plan"' in page and "This plan has no questions yet." in page
    assert "govuk-warning-text__text" not in page
    _post(client, f"{base}/add", {"question_id": "values-personal-values-01"}, f"{base}/questions")
    page = client.get(base).get_data(as_text=True)
    assert 'id="empty-plan"' not in page and "govuk-warning-text__text" in page


def test_the_question_list_shows_full_text_and_the_plan_so_far(bank, signed_in):
    client, vacancy, stage, base = _setup(bank, signed_in)
    _post(client, f"{base}/add", {"question_id": "decisions-own-risk-01"}, f"{base}/questions")
    page = client.get(f"{base}/questions").get_data(as_text=True)
    minutes = bank.question("decisions-own-risk-01").minutes
    assert f"The plan so far: 1 line, {minutes} of 30 minutes" in page
    longest = max(
        bank.questions_for(role_level="dcs", innovation="family_safeguarding"),
        key=lambda question: len(question.question),
    )
    assert " ".join(longest.question.split())[-40:] in " ".join(page.split()).replace("&#39;", "'")
