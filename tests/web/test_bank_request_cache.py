"""The bank is read from the database once per request, and again after a change to it."""

from __future__ import annotations

from sqlalchemy import event

from recruit.bank_store import current_bank, question_row, save_question
from recruit.extensions import db
from recruit.models import Role


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
