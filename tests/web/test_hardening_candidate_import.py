"""A candidate file is read and checked before its request takes the database's write lock.

Every POST's first query begins the transaction with BEGIN IMMEDIATE (recruit/database.py),
which on SQLite is the one write lock every worker shares. A hostile file checked after that
would stall everyone's saves. These tests watch the order of events rather than the clock:
when the file is read, no transaction of the request has begun, and on SQLite a second
connection can take the write lock at that very moment.
"""

from __future__ import annotations

import io
import re
import sqlite3
from html import unescape

import pytest
from sqlalchemy import event, func, select

from recruit.domain import candidates as candidate_import
from recruit.extensions import db
from recruit.models import Candidate, Role
from tests.support.factories import make_vacancy
from tests.support.forms import csrf_token_from

GOOD_CSV = (
    b"first_name,last_name,email\r\nAmara,Okafor,amara@example.com\r\nTom,Reid,tom@example.com\r\n"
)


@pytest.fixture
def hr(bank, signed_in):  # type: ignore[no-untyped-def]
    client, user = signed_in(Role.HR)
    return client, make_vacancy(user)


@pytest.fixture
def watched(app, monkeypatch):  # type: ignore[no-untyped-def]
    """The request's events in order: "read" when the file is parsed, "begin" per transaction.

    On SQLite, each read also tries to take the write lock from a second connection without
    waiting, and notes "lock free" or "lock held".
    """
    events: list[str] = []
    real_read_records = candidate_import.read_records
    database = _sqlite_path(app.config["SQLALCHEMY_DATABASE_URI"])

    def read_records(data: bytes) -> list[list[str]]:
        events.append("read")
        if database:
            events.append(_probe_write_lock(database))
        return real_read_records(data)

    def began(_connection) -> None:  # type: ignore[no-untyped-def]
        events.append("begin")

    monkeypatch.setattr(candidate_import, "read_records", read_records)
    event.listen(db.engine, "begin", began)
    yield events
    event.remove(db.engine, "begin", began)


def _sqlite_path(url: str) -> str | None:
    return url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else None


def _probe_write_lock(path: str) -> str:
    connection = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
        return "lock free"
    except sqlite3.OperationalError:
        return "lock held"
    finally:
        connection.close()


def _upload(client, vacancy, data: bytes, watched=None):  # type: ignore[no-untyped-def]
    url = f"/vacancies/{vacancy.id}/candidates/import"
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    if watched is not None:
        watched.clear()  # only the upload's own request
    return client.post(
        url,
        data={"csrf_token": token, "file": (io.BytesIO(data), "candidates.csv")},
        content_type="multipart/form-data",
    )


def _before_any_transaction(events: list[str]) -> None:
    assert events.count("read") == 1, events
    assert events[0] == "read", f"the file was read after a transaction began: {events}"
    assert "lock held" not in events, events


def test_an_upload_is_checked_before_the_request_begins_a_transaction(hr, watched):
    client, vacancy = hr
    response = _upload(client, vacancy, GOOD_CSV, watched)
    assert response.status_code == 200 and "Check the 2 candidates" in response.get_data(
        as_text=True
    )
    _before_any_transaction(watched)
    assert "begin" in watched, "the request still reads the vacancy, after the file"


def test_a_confirmed_import_is_checked_again_before_the_write_lock(hr, watched):
    client, vacancy = hr
    page = _upload(client, vacancy, GOOD_CSV).get_data(as_text=True)
    hidden = re.search(r'<input[^>]*name="csv_text"[^>]*>', page).group(0)
    csv_text = unescape(re.search(r'value="([^"]*)"', hidden).group(1))
    url = f"/vacancies/{vacancy.id}/candidates/import/confirm"  # the test's own read
    watched.clear()
    response = client.post(url, data={"csrf_token": csrf_token_from(page), "csv_text": csv_text})
    assert response.status_code == 302
    _before_any_transaction(watched)
    assert db.session.scalar(select(func.count()).select_from(Candidate)) == 2


# Werkzeug's test client spools a body this size to a temporary file it never closes.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.usefixtures("spooled_upload")
def test_a_file_with_problems_is_checked_before_the_write_lock_too(hr, watched):
    client, vacancy = hr
    response = _upload(client, vacancy, b"x," * 499_998 + b"x\r\n", watched)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "nothing has been imported" in page
    assert "Row 1: this row has 499,999 cells" in page
    _before_any_transaction(watched)
    assert db.session.scalar(select(func.count()).select_from(Candidate)) == 0


def test_a_signed_out_upload_is_not_read_at_all(app, hr, watched):
    _client, vacancy = hr
    stranger = app.test_client()
    token = csrf_token_from(stranger.get("/sign-in").get_data(as_text=True))
    url = f"/vacancies/{vacancy.id}/candidates/import"
    watched.clear()
    response = stranger.post(
        url,
        data={"csrf_token": token, "file": (io.BytesIO(GOOD_CSV), "candidates.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]
    assert "read" not in watched


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"first_name,last_name,email\r\n" + b"\r\n" * 20_000, "more than 10,000 rows"),
        (
            b"first_name,last_name,email\r\nA,B,a@example.com\r\n" + b"," * 100 + b"\r\n",
            "Row 3: this row has 101 cells",
        ),
    ],
)
def test_files_past_a_limit_say_which_and_import_nothing(hr, content, expected):
    client, vacancy = hr
    page = _upload(client, vacancy, content).get_data(as_text=True)
    assert "nothing has been imported" in page and expected in page
    assert db.session.scalar(select(func.count()).select_from(Candidate)) == 0
