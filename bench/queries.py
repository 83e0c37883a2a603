"""SQL statements per page, counted on the engine while the real app serves the page in
process, on a vacancy with few candidates and on one with many. A count that grows with the
candidates is an N+1 query."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask
from sqlalchemy import event

from bench.client import page_paths, signed_in_client, user_for
from bench.seed import Seeded
from recruit.extensions import db


class QueryCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, _conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        self.statements.append(statement)


@contextmanager
def counting(app: Flask) -> Iterator[QueryCounter]:
    with app.app_context():
        engine = db.engine
    counter = QueryCounter()
    event.listen(engine, "before_cursor_execute", counter)
    try:
        yield counter
    finally:
        event.remove(engine, "before_cursor_execute", counter)


def queries_per_page(app: Flask, seeded: Seeded, sizes: tuple[int, ...]) -> dict[str, dict]:
    """{page: {str(size): statement count}} for each vacancy size; each page is opened once
    to warm the app's caches, then counted on the second request."""
    counts: dict[str, dict[str, int]] = {}
    for size in sizes:
        vacancy = seeded.by_size[size]
        clients = {}
        for page, (path, as_hr) in page_paths(vacancy).items():
            email = user_for(seeded, vacancy, as_hr)
            if email not in clients:
                clients[email] = signed_in_client(app, email, seeded.password)
            client = clients[email]
            _expect_ok(client.get(path), path)
            with counting(app) as counter:
                _expect_ok(client.get(path), path)
            counts.setdefault(page, {})[str(size)] = len(counter.statements)
    return counts


def _expect_ok(response, path: str) -> None:  # type: ignore[no-untyped-def]
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}, not 200")
