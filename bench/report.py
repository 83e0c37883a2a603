"""The targets from issue #9, judged on the measurements, as a printed table and JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

THROUGHPUT_SHARE = 0.40
P99_LIMIT_MS = 50.0
EXPORT_FACTOR = 2.0
QUERY_GROWTH_ALLOWED = 2
CONSOLIDATION_LIMIT = 120.0
WORKER_MEMORY_MB = 200.0


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    load = results.get("load", {})
    baseline = load.get("one-select baseline")
    for page, figures in load.items():
        if page == "one-select baseline" or baseline is None:
            continue
        # The baseline run just before this page, where there is one (see bench.__main__).
        adjacent = figures.get("adjacent_baseline", baseline)
        share = figures["requests_per_second"] / max(adjacent["requests_per_second"], 1e-9)
        clean = figures["non_2xx"] == 0 and figures["socket_errors"] == 0
        rows.append(
            _row(
                f"{page}: throughput",
                figures["requests_per_second"],
                "req/s",
                adjacent["requests_per_second"],
                share,
                f">= {THROUGHPUT_SHARE:.0%} of one-SELECT, no errors",
                share >= THROUGHPUT_SHARE and clean,
            )
        )
        rows.append(
            _row(
                f"{page}: p99 latency",
                figures["p99_ms"],
                "ms",
                adjacent["p99_ms"],
                figures["p99_ms"] / max(adjacent["p99_ms"], 1e-9),
                f"< {P99_LIMIT_MS:g} ms",
                figures["p99_ms"] < P99_LIMIT_MS,
            )
        )
    for name, figures in results.get("exports", {}).items():
        allowance = figures["allowance_seconds"]
        rows.append(
            _row(
                f"export: {name}",
                figures["seconds"],
                "s",
                figures["raw_docx_seconds"],
                figures["seconds"] / max(figures["raw_docx_seconds"], 1e-9),
                f"<= 2x raw + charts ({allowance:.3f} s)",
                figures["seconds"] <= allowance,
            )
        )
    rows += _query_rows(results.get("queries", {}))
    rows += _consolidation_rows(results.get("consolidation", {}))
    memory = results.get("memory_mb_per_worker", {})
    if memory:
        peak = max(memory.values())
        rows.append(
            _row(
                "peak memory per worker (largest)",
                peak,
                "MB",
                None,
                None,
                f"<= {WORKER_MEMORY_MB:g} MB",
                peak <= WORKER_MEMORY_MB,
            )
        )
    return rows


def latency_note(results: dict[str, Any]) -> str | None:
    """What the p99 target asks of throughput, by Little's law, for the reader of the table.

    wrk keeps every connection busy: each sends its next request when the last is answered,
    so the mean latency is the number of connections divided by the throughput. A p99 under
    the limit therefore needs at least connections / limit requests a second, whatever the
    page does; the baseline's own figure says whether this machine gets there at all.
    """
    load = results.get("load", {})
    baseline = load.get("one-select baseline")
    connections = results.get("meta", {}).get("connections")
    if baseline is None or not connections:
        return None
    needed = connections / (P99_LIMIT_MS / 1000)
    return (
        f"Little's law: at {connections} connections the mean latency is {connections} / "
        f"throughput, so p99 < {P99_LIMIT_MS:g} ms needs more than {needed:.0f} req/s. "
        f"The one-SELECT baseline served {baseline['requests_per_second']:.0f} req/s "
        f"(p99 {baseline['p99_ms']:.1f} ms)."
    )


def light_load_note(results: dict[str, Any]) -> str | None:
    """Each page's p99 at the light load, for the reader: not one of the issue's targets."""
    light = results.get("light_load", {})
    if not light:
        return None
    connections = results.get("meta", {}).get("light_connections")
    figures = ", ".join(
        f"{page} {figures['p99_ms']:.0f} ms ({figures['requests_per_second']:.0f} req/s)"
        for page, figures in light.items()
    )
    plural = "" if connections == 1 else "s"
    return f"For information, p99 at {connections} connection{plural}: {figures}."


def _query_rows(queries: dict[str, dict[str, int]]) -> list[dict[str, Any]]:
    rows = []
    for page, counts in queries.items():
        sizes = sorted(counts, key=int)
        small, large = counts[sizes[0]], counts[sizes[-1]]
        rows.append(
            _row(
                f"queries: {page} ({sizes[-1]} vs {sizes[0]} candidates)",
                large,
                "queries",
                small,
                large / max(small, 1),
                f"flat (at most +{QUERY_GROWTH_ALLOWED})",
                large <= small + QUERY_GROWTH_ALLOWED,
            )
        )
    return rows


def _consolidation_rows(volumes: dict[str, dict[str, float]]) -> list[dict[str, Any]]:
    if len(volumes) < 2:
        return []
    labels = sorted(volumes, key=lambda label: int(label[:-1]))
    first, last = volumes[labels[0]], volumes[labels[-1]]
    growth = int(labels[-1][:-1]) / int(labels[0][:-1])
    limit = CONSOLIDATION_LIMIT * growth / 100
    rows = []
    for kind in ("pure", "bridge"):
        ratio = last[f"{kind}_seconds"] / max(first[f"{kind}_seconds"], 1e-9)
        rows.append(
            _row(
                f"consolidation ({kind}): {labels[-1]} vs {labels[0]}",
                last[f"{kind}_seconds"],
                "s",
                first[f"{kind}_seconds"],
                ratio,
                f"<= {limit:g}x the time",
                ratio <= limit,
            )
        )
    return rows


def _row(
    measurement: str,
    value: float,
    unit: str,
    baseline: float | None,
    ratio: float | None,
    target: str,
    met: bool,
) -> dict[str, Any]:
    return {
        "measurement": measurement,
        "value": value,
        "unit": unit,
        "baseline": baseline,
        "ratio": ratio,
        "target": target,
        "met": bool(met),
    }


def table(rows: list[dict[str, Any]]) -> str:
    header = ("Measurement", "Value", "Baseline", "Ratio", "Target", "Met")
    lines = [[header[0], header[1], header[2], header[3], header[4], header[5]]]
    for row in rows:
        lines.append(
            [
                row["measurement"],
                f"{_number(row['value'])} {row['unit']}",
                "" if row["baseline"] is None else _number(row["baseline"]),
                "" if row["ratio"] is None else f"{row['ratio']:.2f}",
                row["target"],
                "met" if row["met"] else "NOT MET",
            ]
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def _number(value: float) -> str:
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value)}"
    return f"{value:.3f}" if abs(value) < 100 else f"{value:.1f}"


def write_json(
    path: Path, results: dict[str, Any], rows: list[dict[str, Any]], notes: list[str]
) -> None:
    path.write_text(json.dumps({**results, "targets": rows, "notes": notes}, indent=2) + "\n")
