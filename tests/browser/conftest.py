"""Real pages in Debian's headless Chromium, served by a live server on loopback."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from werkzeug.serving import WSGIRequestHandler, make_server

from recruit.extensions import db
from tests.conftest import skip_or_fail

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):  # type: ignore[no-untyped-def]
    executable = chromium_path()
    if executable is None:
        skip_or_fail("Chromium is not installed (Debian package chromium)")
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_ARGS}


RESPONSE_KEY = "tests.response_iterable"


class ClosingRequestHandler(WSGIRequestHandler):
    """Werkzeug's handler, closing every response even when the browser hangs up.

    When Chromium drops a connection mid-response (a favicon request cancelled by the next
    navigation), werkzeug's handler can fail while draining the socket, before it closes
    the response: a static file is then left open and its ResourceWarning fails the test.
    """

    def run_wsgi(self) -> None:
        try:
            super().run_wsgi()
        finally:
            response = getattr(self, "environ", {}).get(RESPONSE_KEY)
            close = getattr(response, "close", None)
            if close is not None:
                close()  # closing twice is harmless: werkzeug's responses allow it


def _remember_response(app):  # type: ignore[no-untyped-def]
    def wsgi(environ, start_response):  # type: ignore[no-untyped-def]
        response = app(environ, start_response)
        environ[RESPONSE_KEY] = response
        return response

    return wsgi


@pytest.fixture
def live_server(app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    # The test's own transaction must not hold SQLite's write lock while pages are driven.
    db.session.remove()
    server = make_server(
        "127.0.0.1",
        0,
        _remember_response(app),
        threaded=True,
        request_handler=ClosingRequestHandler,
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture
def axe_check():  # type: ignore[no-untyped-def]
    """Run axe with the WCAG 2.0/2.1/2.2 A and AA rules; fail on serious or critical findings."""
    axe = Axe()

    def check(page) -> None:  # type: ignore[no-untyped-def]
        # Only violations are reported in full (axe-playwright-python's own default): the same
        # findings, without building selectors for every passing node, which halves the time.
        options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
        results = _run_when_loaded(axe, page, options)
        blocking = [
            violation
            for violation in results.response["violations"]
            if violation["impact"] in ("serious", "critical")
        ]
        summary = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in blocking]
        assert not blocking, f"axe found serious or critical violations on {page.url}: {summary}"

    return check


def _run_when_loaded(axe: Axe, page, options: dict[str, object]):  # type: ignore[no-untyped-def]
    # A click on a link returns once the navigation has started: axe run then, on a loaded
    # machine, can meet the new page before it has a document. Wait for it to load, and
    # if axe still arrived between documents, wait and run it once more.
    page.wait_for_load_state("load")
    try:
        return axe.run(page, options=options)
    except PlaywrightError as error:
        if "documentElement" not in str(error):
            raise
        page.wait_for_load_state("load")
        return axe.run(page, options=options)
