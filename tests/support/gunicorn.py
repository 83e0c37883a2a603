"""A real gunicorn serving the app on loopback, against the test database.

``running_gunicorn`` starts the master with N sync workers on a free 127.0.0.1 port, waits
for /healthz, and on exit stops it and checks its log held no traceback. The log goes to a
file, not a pipe: a busy server filling a pipe nobody reads would block its workers.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

SECRET_KEY = "gunicorn-test-secret-key-long-enough-0123456789"
START_SECONDS = 30


@dataclass
class GunicornServer:
    base: str
    process: subprocess.Popen  # type: ignore[type-arg]
    log_path: Path

    @property
    def port(self) -> int:
        return int(self.base.rsplit(":", 1)[1])

    def worker_pids(self) -> list[int]:
        """The master's live worker processes, read from /proc."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_for_new_worker(self, old_pid: int, timeout: float = START_SECONDS) -> int:
        """After a worker died, wait until the master has started its replacement."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pids = [pid for pid in self.worker_pids() if pid != old_pid]
            if pids:
                return pids[0]
            time.sleep(0.1)
        raise RuntimeError("gunicorn did not replace the killed worker")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_gunicorn(
    database_url: str, *, workers: int = 3, env: dict[str, str] | None = None
) -> Iterator[GunicornServer]:
    port = free_port()
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": SECRET_KEY,
        "RECRUIT_ENV": "development",
        **(env or {}),
    }
    with tempfile.TemporaryDirectory(prefix="gunicorn-test-") as folder:
        log_path = Path(folder) / "gunicorn.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "-w",
                    str(workers),
                    "-b",
                    f"127.0.0.1:{port}",
                    "--timeout",
                    "60",
                    "recruit:create_app()",
                ],
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        server = GunicornServer(f"http://127.0.0.1:{port}", process, log_path)
        try:
            _wait_until_up(server)
            yield server
        finally:
            _stop(server)
            output = server.log()
        assert "Traceback" not in output, output[-3000:]


def _stop(server: GunicornServer) -> None:
    """Stop the master, then any worker it left behind (one stuck on a stalled client
    would otherwise keep holding its database transaction after the test)."""
    workers = server.worker_pids() if server.process.poll() is None else []
    server.process.terminate()
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=10)
    for pid in workers:
        with contextlib.suppress(OSError):  # gone already: nothing to do
            if b"gunicorn" in Path(f"/proc/{pid}/cmdline").read_bytes():
                os.kill(pid, signal.SIGKILL)


def _wait_until_up(server: GunicornServer) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited early:\n{server.log()[-3000:]}")
        try:
            if requests.get(f"{server.base}/healthz", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")
