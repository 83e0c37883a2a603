"""Writing export files so that a failure leaves nothing half-written.

A command's output goes first to a hidden temporary file in the same folder, which replaces
the target only once every byte is on disk: a full disk, a quota or a killed process leaves
the target as it was (absent, or the previous export) and never a truncated document. A
target that is not a regular file (``/dev/stdout``, a pipe) is written straight through:
there is nothing there to replace, and replacing a device node would be wrong.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import suppress
from pathlib import Path

import click

# Written in pieces so that a short write (a nearly full disk) is carried on, not lost.
CHUNK_BYTES = 64 * 1024


def write_atomically(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Put ``data`` at ``path`` all at once, or leave ``path`` untouched and raise OSError.

    ``mode`` sets the file's permissions (default: as the umask allows, like ``open``).
    """
    if path.exists() and not path.is_file():
        _write_through(path, data)
        return
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        try:
            _write_all(descriptor, data)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.chmod(temporary, _default_mode() if mode is None else mode)
        os.replace(temporary, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_folder_atomically(folder: Path, files: dict[str, bytes]) -> None:
    """Write several files (by path relative to ``folder``), all of them or none.

    Everything is written to a hidden temporary folder beside ``folder`` first; only then
    are the files moved in. A move within one filesystem needs no space, so a full disk
    stops the export before any file in ``folder`` changes.
    """
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(20, "Not a folder", str(folder))
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
    try:
        for name, data in files.items():
            _write_new_file(staging / name, data)
        for name in files:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, folder / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_export(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """``write_atomically`` for a command: a failure is one plain line, not a traceback."""
    try:
        write_atomically(path, data, mode=mode)
    except OSError as error:
        raise click.ClickException(cannot_write(path, error)) from None


def cannot_write(path: Path, error: OSError) -> str:
    return f"Cannot write {path}: {error.strerror or error}. Nothing was written."


def _write_new_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _default_mode())
    try:
        _write_all(descriptor, data)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _write_through(path: Path, data: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY)
    try:
        _write_all(descriptor, data)
    finally:
        os.close(descriptor)


def _write_all(descriptor: int, data: bytes) -> None:
    remaining = memoryview(data)
    while remaining:
        written = os.write(descriptor, remaining[:CHUNK_BYTES])
        remaining = remaining[written:]


def _default_mode() -> int:
    """The mode ``open`` would give a new file: read-write as far as the umask allows."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
