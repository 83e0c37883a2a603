"""The bank is read from the database once per request, and again after a change to it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import event

from recruit.bank_store import current_bank, latest_load, question_row, save_question
from recruit.extensions import db
from recruit.models import BankLoad, Role


class StatementCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *_args: object) -> None:
        self.count += 1

    def __enter__(self) -> StatementCounter:
        event.listen(db.engine, "before_cursor_execute", self)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(db.engine, "before_cursor_execute", self)


def test_a_request_checks_the_bank_revision_once(app, bank):
    with app.test_request_context("/questions"):
        first = current_bank()
        with StatementCounter() as statements:
            again = current_bank()
        assert again is first
        assert statements.count == 0


def test_a_change_within_the_request_is_read_back(app, bank, make_user):
    admin = make_user(Role.ADMIN)
    with app.test_request_context("/questions/decisions-own-risk-01/edit"):
        before = current_bank().question("decisions-own-risk-01").question
        edited = bank.question("decisions-own-risk-01").to_dict() | {"question": "Reworded text"}
        row = question_row("decisions-own-risk-01")
        save_question(edited, admin, "Reworded", row.lock_version)
        assert before != "Reworded text"
        assert current_bank().question("decisions-own-risk-01").question == "Reworded text"


def test_each_request_sees_the_bank_as_it_is_now(app, bank, make_user):
    admin = make_user(Role.ADMIN)
    with app.test_request_context("/questions"):
        assert current_bank().question("values-personal-values-01").question != "Changed"
    edited = bank.question("values-personal-values-01").to_dict() | {"question": "Changed"}
    save_question(edited, admin, "Changed", question_row("values-personal-values-01").lock_version)
    db.session.commit()
    with app.test_request_context("/questions"):
        assert current_bank().question("values-personal-values-01").question == "Changed"


def test_the_last_load_comes_with_the_revision_check(app, bank):
    with app.test_request_context("/questions"):
        current_bank()
        with StatementCounter() as statements:
            load = latest_load()
        assert statements.count == 0
        assert load is not None and load.version_hash == bank.version_hash


def test_the_search_page_names_the_latest_load_as_soon_as_there_is_one(app, bank, signed_in):
    client, _hr = signed_in(Role.HR)
    page = client.get("/questions").get_data(as_text=True)
    assert f"(version {bank.version_hash[:12]})" in page
    later = datetime(2031, 1, 2, 9, 5, tzinfo=UTC)
    db.session.add(BankLoad(version_hash="f" * 64, source="test", loaded_at=later))
    db.session.commit()
    page = client.get("/questions").get_data(as_text=True)
    assert "Bank last loaded from files 2 January 2031" in page
    assert "(version ffffffffffff)" in page
