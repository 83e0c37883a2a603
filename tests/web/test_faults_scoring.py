"""Faults while a panel member scores: the database failing part way through saving or
submitting a sheet, and the gunicorn worker killed while a submission is in flight.

Either way the sheet is never half-written: it is the previous draft, whole, until a later
submission succeeds exactly once. The member sees the service's plain error page, and a
killed worker is replaced by gunicorn's master, so the service answers again.
"""

from __future__ import annotations

import os
import signal
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
import requests
from sqlalchemy import func, select, text, update

from recruit.extensions import db
from recruit.models import AuditEvent, PanelRole, Role, ScoreSheet, SheetStatus
from tests.conftest import TEST_PASSWORD
from tests.support.db_faults import DatabaseFails
from tests.support.factories import make_candidate, make_issued_stage, make_vacancy
from tests.support.gunicorn import running_gunicorn
from tests.support.panel_http import FlaskPanelBrowser, PanelBrowser, sheet_answers, sheet_path

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]
SERVICE_PROBLEM = "Sorry, there is a problem with the service"


def _submissions() -> int:
    db.session.rollback()
    query = select(func.count()).select_from(AuditEvent)
    return db.session.scalar(query.where(AuditEvent.action == "scores.submitted")) or 0


@dataclass
class DraftSheet:
    """A member's complete draft sheet, ready to submit, and how to reach it."""

    stage_id: int
    candidate_id: int
    item_ids: list[int]
    email: str


FIRST_ANSWERS = {"scores": ("4", "none"), "notes": ("Led the change in the rota", "")}


def _draft_sheet(app, make_user, member) -> DraftSheet:  # type: ignore[no-untyped-def]
    vacancy = make_vacancy(make_user(Role.HR))
    candidate = make_candidate(vacancy, "Amara", "Okafor")
    stage = make_issued_stage(
        app,
        vacancy,
        seats=[(member, PanelRole.CHAIR), (make_user(Role.PANEL), PanelRole.MEMBER)],
        questions=QUESTIONS,
    )
    sheet = DraftSheet(stage.id, candidate.id, [item.id for item in stage.items], member.email)
    db.session.close()
    return sheet


def _answers(sheet: DraftSheet, scores, notes) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return sheet_answers(
        dict(zip(sheet.item_ids, scores, strict=True)),
        dict(zip(sheet.item_ids, notes, strict=True)),
    )


def _saved(sheet: DraftSheet) -> tuple[SheetStatus | None, dict[int, tuple]]:  # type: ignore[type-arg]
    db.session.rollback()
    row = db.session.scalar(select(ScoreSheet).where(ScoreSheet.candidate_id == sheet.candidate_id))
    if row is None:
        return None, {}
    return row.status, {s.plan_item_id: (s.score, s.no_evidence, s.evidence) for s in row.scores}


@pytest.fixture
def member_with_draft(app, bank, make_user):  # type: ignore[no-untyped-def]
    app.config["PROPAGATE_EXCEPTIONS"] = False
    member = make_user(Role.PANEL, name="Sam Patel")
    sheet = _draft_sheet(app, make_user, member)
    browser = FlaskPanelBrowser(app.test_client())
    assert browser.sign_in(sheet.email, TEST_PASSWORD).status_code == 302
    response = browser.save_sheet(
        sheet.stage_id, sheet.candidate_id, _answers(sheet, **FIRST_ANSWERS), "check"
    )
    assert response.status_code == 302
    return browser, sheet


def _assert_plain_500(response) -> None:  # type: ignore[no-untyped-def]
    page = response.get_data(as_text=True)
    assert response.status_code == 500 and SERVICE_PROBLEM in page
    assert "Traceback" not in page and "server closed" not in page


def test_database_failing_mid_submit_leaves_the_draft(member_with_draft):  # type: ignore[no-untyped-def]
    browser, sheet = member_with_draft
    before = _saved(sheet)
    hidden = browser.check_form(sheet.stage_id, sheet.candidate_id)
    with DatabaseFails("UPDATE score_sheet") as fault:
        response = browser.submit(sheet.stage_id, sheet.candidate_id, hidden)
    assert fault.ran_before_fault("INSERT INTO audit_event")  # a row was already sent
    _assert_plain_500(response)
    assert _saved(sheet) == before and before[0] is SheetStatus.DRAFT
    assert _submissions() == 0

    response = browser.submit(sheet.stage_id, sheet.candidate_id)
    assert response.status_code == 302 and response.headers["Location"].endswith("/submitted")
    assert browser.submit(sheet.stage_id, sheet.candidate_id, hidden).status_code == 302
    assert _saved(sheet) == (SheetStatus.SUBMITTED, before[1])
    assert _submissions() == 1


def test_database_failing_mid_draft_save_keeps_the_previous_draft(member_with_draft):  # type: ignore[no-untyped-def]
    browser, sheet = member_with_draft
    before = _saved(sheet)
    changed = _answers(sheet, ("1", "2"), ("Rewritten first note", "A new second note"))
    with DatabaseFails("UPDATE score ", occurrence=2) as fault:
        response = browser.save_sheet(sheet.stage_id, sheet.candidate_id, changed)
    assert fault.ran_before_fault("UPDATE score ")  # the first score row was already sent
    assert _saved(sheet) == before
    # Nothing half-written, and the member's text comes back to save again.
    page = response.get_data(as_text=True)
    assert response.status_code == 503 and "could not be saved" in page
    assert "Rewritten first note" in page and "A new second note" in page
    assert "Traceback" not in page and "server closed" not in page

    assert browser.save_sheet(sheet.stage_id, sheet.candidate_id, changed).status_code == 302
    status, scores = _saved(sheet)
    assert status is SheetStatus.DRAFT
    assert sorted(scores.values()) == [
        (1, False, "Rewritten first note"),
        (2, False, "A new second note"),
    ]


# --- a gunicorn worker killed while a submission is in flight -------------------------------


def _start_post_and_stall(
    base: str, path: str, cookies: str, fields: dict[str, str]
) -> socket.socket:
    """Send a POST's headers and half its body, then stop: the worker waits for the rest."""
    body = urlencode(fields).encode()
    host_port = base.removeprefix("http://")
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host_port}\r\nCookie: {cookies}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()
    host, port = host_port.split(":")
    connection = socket.create_connection((host, int(port)), timeout=30)
    connection.sendall(head + body[: len(body) // 2])
    return connection


def _reply(connection: socket.socket) -> bytes:
    try:
        return connection.recv(65536)
    except ConnectionResetError:
        return b""
    finally:
        connection.close()


def _browser_with_draft(base: str, sheet: DraftSheet) -> PanelBrowser:
    browser = PanelBrowser(base)
    assert browser.sign_in(sheet.email, TEST_PASSWORD).status_code == 302
    answers = _answers(sheet, **FIRST_ANSWERS)
    response = browser.save_sheet(sheet.stage_id, sheet.candidate_id, answers, "check")
    assert response.status_code == 302
    return browser


def _kill_worker_mid_submit(server, browser: PanelBrowser, sheet: DraftSheet) -> None:  # type: ignore[no-untyped-def]
    """Start the submission, stall it half way through its body, and SIGKILL the worker."""
    hidden = browser.check_form(sheet.stage_id, sheet.candidate_id)
    cookies = "; ".join(f"{c.name}={c.value}" for c in browser.session.cookies)
    [worker] = server.worker_pids()
    path = sheet_path(sheet.stage_id, sheet.candidate_id, "check")
    stalled = _start_post_and_stall(server.base, path, cookies, hidden)
    try:
        # A pause for the worker to take the request in: it then blocks reading the body.
        # Had it not got that far, the body would still be incomplete: the same outcome.
        stalled.settimeout(1.0)
        with pytest.raises(TimeoutError):
            stalled.recv(1)  # no answer: the worker is waiting for the rest of the body
        stalled.settimeout(30)
        os.kill(worker, signal.SIGKILL)
        assert _reply(stalled) == b""  # the connection died with the worker: no response
    finally:
        stalled.close()
    server.wait_for_new_worker(worker)


def test_worker_killed_mid_submit_leaves_a_whole_draft(app, bank, make_user, database_url):  # type: ignore[no-untyped-def]
    sheet = _draft_sheet(app, make_user, make_user(Role.PANEL, name="Sam Patel"))
    with running_gunicorn(database_url, workers=1) as server:
        browser = _browser_with_draft(server.base, sheet)
        before = _saved(sheet)
        db.session.close()  # the test holds no lock while the worker runs

        _kill_worker_mid_submit(server, browser, sheet)
        assert _saved(sheet) == before and before[0] is SheetStatus.DRAFT
        assert _submissions() == 0
        db.session.close()

        # The master started a new worker: the member submits again, twice, and it counts once.
        assert browser.get("/healthz").status_code == 200
        hidden = browser.check_form(sheet.stage_id, sheet.candidate_id)
        response = browser.submit(sheet.stage_id, sheet.candidate_id, hidden)
        assert response.status_code == 302 and response.headers["Location"].endswith("/submitted")
        assert browser.submit(sheet.stage_id, sheet.candidate_id, hidden).status_code == 302
        assert _saved(sheet) == (SheetStatus.SUBMITTED, before[1])
        assert _submissions() == 1
        db.session.close()
        assert "SIGKILL" in server.log()


@contextmanager
def _sheet_row_locked(sheet: DraftSheet) -> Iterator[None]:
    """Hold a lock the submission will wait on, from the test's own connection: the
    sheet's row on PostgreSQL (so the worker waits part way through writing), the write
    lock on SQLite (so it waits to begin)."""
    connection = db.engine.connect()
    transaction = connection.begin()
    try:
        row = select(ScoreSheet.id).where(ScoreSheet.candidate_id == sheet.candidate_id)
        if connection.dialect.name == "postgresql":
            connection.execute(row.with_for_update())
        else:
            unchanged = {"updated_at": ScoreSheet.updated_at}  # a write that changes nothing
            connection.execute(update(ScoreSheet).where(ScoreSheet.id.in_(row)).values(unchanged))
        yield
    finally:
        transaction.rollback()
        connection.close()


def _statement_waiting_on_the_lock() -> str:
    """The worker's statement that waits on the test's lock. PostgreSQL shows it; SQLite
    cannot, so give the worker a moment (the outcome must be the same wherever it got to)."""
    if db.engine.dialect.name != "postgresql":
        time.sleep(1.0)
        return ""
    # Only the sheet's update counts: another statement can wait on a lock for a moment (a
    # reader behind a cleanup's lock, say), and taking it for the submission failed a run.
    waiting = text(
        "SELECT query FROM pg_stat_activity "
        "WHERE wait_event_type = 'Lock' AND datname = current_database() "
        "AND query LIKE 'UPDATE score_sheet%'"
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with db.engine.connect() as connection:
            statement = connection.scalar(waiting)
        if statement:
            return str(statement)
        time.sleep(0.1)
    raise AssertionError("the submission never reached the locked row")


def test_worker_killed_inside_its_transaction_rolls_back(app, bank, make_user, database_url):  # type: ignore[no-untyped-def]
    sheet = _draft_sheet(app, make_user, make_user(Role.PANEL, name="Sam Patel"))
    with running_gunicorn(database_url, workers=1) as server:
        browser = _browser_with_draft(server.base, sheet)
        before = _saved(sheet)
        db.session.close()
        hidden = browser.check_form(sheet.stage_id, sheet.candidate_id)
        [worker] = server.worker_pids()
        with ThreadPoolExecutor(max_workers=1) as pool, _sheet_row_locked(sheet):
            submission = pool.submit(browser.submit, sheet.stage_id, sheet.candidate_id, hidden)
            statement = _statement_waiting_on_the_lock()
            if statement:  # PostgreSQL: the audit row is written, the sheet's update waits
                assert statement.startswith("UPDATE score_sheet"), statement
            os.kill(worker, signal.SIGKILL)
            with pytest.raises(requests.ConnectionError):
                submission.result(timeout=60)  # the worker died: no response at all
        server.wait_for_new_worker(worker)

        assert _saved(sheet) == before and before[0] is SheetStatus.DRAFT
        assert _submissions() == 0
        db.session.close()
        response = browser.submit(sheet.stage_id, sheet.candidate_id, hidden)
        assert response.status_code == 302 and response.headers["Location"].endswith("/submitted")
        assert _saved(sheet) == (SheetStatus.SUBMITTED, before[1])
        assert _submissions() == 1
        db.session.close()


def test_a_stalled_submission_holds_up_no_one_else(app, bank, make_user, database_url):  # type: ignore[no-untyped-def]
    # A member on a failing connection must not stop the rest of the panel: the stalled
    # worker has not begun its transaction, so another worker can write (on SQLite the
    # write lock would otherwise be held until the others failed with "database is locked").
    sheet = _draft_sheet(app, make_user, make_user(Role.PANEL, name="Sam Patel"))
    colleague = make_user(Role.PANEL, name="Ruth Owen").email
    db.session.close()
    with running_gunicorn(database_url, workers=2) as server:
        browser = _browser_with_draft(server.base, sheet)
        before = _saved(sheet)
        db.session.close()
        hidden = browser.check_form(sheet.stage_id, sheet.candidate_id)
        cookies = "; ".join(f"{c.name}={c.value}" for c in browser.session.cookies)
        path = sheet_path(sheet.stage_id, sheet.candidate_id, "check")
        stalled = _start_post_and_stall(server.base, path, cookies, hidden)
        try:
            stalled.settimeout(1.0)
            with pytest.raises(TimeoutError):
                stalled.recv(1)  # the first worker waits for the rest of the body
            other = PanelBrowser(server.base)
            assert other.sign_in(colleague, TEST_PASSWORD).status_code == 302  # a write
        finally:
            stalled.close()  # the connection drops half way through the body
        assert _saved(sheet) == before and _submissions() == 0
        db.session.close()
