"""Load the key pages with wrk against real gunicorn workers, signed in as a panel chair.

gunicorn serves ``bench.wsgi:app`` (the app plus the one-SELECT baseline route) with two
workers on 127.0.0.1, and for its own run ``bench.bare_app:app`` (bare Flask and
Flask-SQLAlchemy) with the same settings. The bench signs in with a real POST, checks every
page answers 200 (not a redirect to sign-in), then runs wrk on each in turn and parses its
``--latency`` report.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import requests

from bench.memory import workers_peak_memory

PROJECT_ROOT = Path(__file__).resolve().parent.parent
WRK = shutil.which("wrk") or "/usr/bin/wrk"
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


class LoadError(RuntimeError):
    """The server or a page did not behave as the bench needs."""


@dataclass(frozen=True)
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int
    socket_errors: int

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


APP = "bench.wsgi:app"
BARE_APP = "bench.bare_app:app"


class Server:
    """gunicorn with two workers on a free local port, for the length of a ``with`` block.

    ``app`` is the WSGI entry gunicorn loads; the server counts as up once ``ready_path``
    answers and every worker has started.
    """

    def __init__(
        self,
        database_url: str,
        work_dir: Path,
        workers: int = 2,
        *,
        app: str = APP,
        ready_path: str = "/healthz",
    ) -> None:
        self.database_url = database_url
        self.app = app
        self.ready_path = ready_path
        self.log_path = work_dir / f"gunicorn-{app.split(':')[0]}.log"
        self.workers = workers
        self.port = _free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        env = {**os.environ, "DATABASE_URL": self.database_url, "RECRUIT_ENV": "development"}
        env.pop("FLASK_DEBUG", None)
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(self.workers),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--error-logfile",
            str(self.log_path),
            self.app,
        ]
        self.process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env)  # noqa: S603
        try:
            self._wait_until_up()
        except BaseException:
            self.__exit__()  # a server that never came up must not outlive the bench
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def _wait_until_up(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise LoadError(f"gunicorn exited: see {self.log_path}")
            try:
                if requests.get(f"{self.base_url}{self.ready_path}", timeout=10).ok:
                    if len(workers_peak_memory(self.process.pid)) >= self.workers:
                        return
            except (requests.ConnectionError, requests.Timeout):
                pass
            time.sleep(0.2)
        raise LoadError(f"gunicorn did not answer within {timeout:.0f} s: see {self.log_path}")

    def peak_memory_per_worker(self) -> dict[int, float]:
        assert self.process is not None
        return workers_peak_memory(self.process.pid)


def sign_in(base_url: str, email: str, password: str) -> str:
    """A real sign-in: fetch the form, post it with its CSRF token; return the Cookie header."""
    session = requests.Session()
    page = session.get(f"{base_url}/sign-in", timeout=30)
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.text)
    if match is None:
        raise LoadError("The sign-in page has no CSRF token")
    answer = session.post(
        f"{base_url}/sign-in",
        data={"csrf_token": match[1], "email": email, "password": password},
        allow_redirects=False,
        timeout=30,
    )
    if answer.status_code != 302 or "/sign-in" in answer.headers.get("Location", ""):
        raise LoadError(f"Signing in as {email} failed with {answer.status_code}")
    return "; ".join(f"{name}={value}" for name, value in session.cookies.items())


def check_page(base_url: str, path: str, cookie: str) -> int:
    """The page's size in bytes; raises unless it answers 200 without redirecting."""
    answer = requests.get(
        f"{base_url}{path}", headers=_cookie_header(cookie), allow_redirects=False, timeout=60
    )
    if answer.status_code != 200:
        raise LoadError(f"{path} answered {answer.status_code}, not 200")
    return len(answer.content)


def run_wrk(url: str, cookie: str, *, connections: int, threads: int, seconds: float) -> WrkResult:
    """wrk on ``url``; with an empty ``cookie`` (the bare app), no Cookie header at all."""
    cookie_header = ["-H", f"Cookie: {cookie}"] if cookie else []
    command = [
        WRK,
        f"-t{min(threads, connections)}",
        f"-c{connections}",
        f"-d{seconds:g}s",
        "--timeout",
        "30s",
        "--latency",
        *cookie_header,
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise LoadError(f"wrk failed: {done.stderr.strip() or done.stdout.strip()}")
    return parse_wrk(done.stdout)


def parse_wrk(output: str) -> WrkResult:
    """Read wrk's ``--latency`` report: requests/s, the 50% and 99% latencies, errors."""
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    if rate is None or total is None:
        raise LoadError(f"Could not read wrk's report:\n{output}")
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return WrkResult(
        requests_per_second=float(rate[1]),
        p50_ms=_percentile(output, "50%"),
        p99_ms=_percentile(output, "99%"),
        requests=int(total[1]),
        non_2xx=int(non_2xx[1]) if non_2xx else 0,
        socket_errors=sum(int(n) for n in errors.groups()) if errors else 0,
    )


def _percentile(output: str, label: str) -> float:
    match = re.search(rf"^\s+{re.escape(label)}\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
    if match is None:
        raise LoadError(f"wrk's report has no {label} latency:\n{output}")
    return float(match[1]) * _UNITS[match[2]]


def _cookie_header(cookie: str) -> dict[str, str]:
    return {"Cookie": cookie} if cookie else {}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
