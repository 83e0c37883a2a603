"""Peak resident memory of each gunicorn worker, read from /proc (Linux only)."""

from __future__ import annotations

from pathlib import Path


def worker_pids(master_pid: int) -> list[int]:
    """The master's child processes: gunicorn's workers."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    if not children.exists():
        return []
    return [int(pid) for pid in children.read_text().split()]


def peak_memory_mb(pid: int) -> float | None:
    """VmHWM (the high-water mark of resident memory) in megabytes, or None if unreadable."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def workers_peak_memory(master_pid: int) -> dict[int, float]:
    peaks = {pid: peak_memory_mb(pid) for pid in worker_pids(master_pid)}
    return {pid: mb for pid, mb in peaks.items() if mb is not None}
