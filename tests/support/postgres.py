"""A private PostgreSQL server for the tests, started from the Debian binaries when present.

CI starts its own server and passes RECRUIT_TEST_POSTGRES_URL; on a developer's machine
this starts one on a free loopback port in a temporary folder and stops it afterwards.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass
class PrivatePostgres:
    data_dir: Path
    port: int
    bin_dir: Path
    run_as: str | None

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin_dir / program), *args]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)


def find_postgres_bin() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key)
    for candidate in reversed(candidates):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    return None


def start_private_postgres() -> PrivatePostgres:
    bin_dir = find_postgres_bin()
    if bin_dir is None:
        raise FileNotFoundError("PostgreSQL server binaries not found (Debian package postgresql)")
    run_as = "postgres" if os.geteuid() == 0 else None
    data_dir = Path(tempfile.mkdtemp(prefix="recruit-pg-"))
    if run_as:
        user = pwd.getpwnam(run_as)
        os.chown(data_dir, user.pw_uid, user.pw_gid)
    data_dir.chmod(0o700)
    server = PrivatePostgres(data_dir, _free_port(), bin_dir, run_as)
    server._run(
        "initdb",
        "-D",
        str(data_dir),
        "-U",
        "postgres",
        "--auth=trust",
        "--encoding=UTF8",
        "--locale=C.UTF-8",
    )
    server._run(
        "pg_ctl",
        "-D",
        str(data_dir),
        "-l",
        str(data_dir / "server.log"),
        "-w",
        "-t",
        "30",
        "-o",
        f"-c listen_addresses=127.0.0.1 -p {server.port} -k {data_dir} -c fsync=off",
        "start",
    )
    return server


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _version_key(path: str) -> tuple[int, ...]:
    version = Path(path).parent.name
    return tuple(int(part) for part in version.split(".") if part.isdigit())
