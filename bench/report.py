"""The targets from issues #9 and #27, judged on the measurements, as a printed table and
JSON, with the same run's baselines printed above them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# Each key page's throughput at the full load, as a share of the one-SELECT route's.
THROUGHPUT_SHARES = {
    "score entry": 0.30,
    "panel summary": 0.20,
    "panel summary, one stage": 0.20,
    "comparison": 0.20,
    "question search": 0.50,
}
# The app's one-SELECT route as a share of the same SELECT in bare Flask-SQLAlchemy: what
# sign-in, sessions and the app's middleware cost on every request.
BARE_APP_SHARE = 0.50
LIGHT_P99_LIMIT_MS = 100.0  # at the light load (--light-connections, 4 by default)
EXPORT_FACTOR = 2.0
QUERY_GROWTH_ALLOWED = 2
CONSOLIDATION_LIMIT = 120.0
WORKER_MEMORY_MB = 200.0


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    rows = _bare_app_rows(results)
    rows += _throughput_rows(results.get("load", {}))
    rows += _light_load_rows(results)
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


def baseline_table(results: dict[str, Any]) -> str:
    """The same run's floors: the bare app and the app's own one-SELECT route (first run)."""
    connections = results.get("meta", {}).get("connections")
    baselines = {
        "bare Flask + Flask-SQLAlchemy, one SELECT": results.get("bare_app"),
        "app's one-SELECT route, signed in": results.get("load", {}).get("one-select baseline"),
    }
    lines: list[tuple[str, ...]] = [
        ("Baseline", f"req/s at {connections} connections", "p50", "p99")
    ]
    for name, figures in baselines.items():
        if figures is not None:
            lines.append(
                (
                    name,
                    f"{figures['requests_per_second']:.1f}",
                    f"{figures['p50_ms']:.1f} ms",
                    f"{figures['p99_ms']:.1f} ms",
                )
            )
    return _columns(lines)


def latency_note(results: dict[str, Any]) -> str | None:
    """What the latency target asks of throughput, by Little's law, for the reader of the table.

    wrk keeps every connection busy: each sends its next request when the last is answered,
    so the mean latency is the number of connections divided by the throughput. A p99
    within the limit at the light load therefore needs at least connections / limit requests
    a second, whatever the page does. At the full load latency follows from throughput
    alone, so the targets there are shares of the one-SELECT route's throughput instead.
    """
    baseline = results.get("load", {}).get("one-select baseline")
    meta = results.get("meta", {})
    connections, light = meta.get("connections"), meta.get("light_connections")
    if baseline is None or not connections:
        return None
    full_load = (
        f"at {connections} connections the targets are shares of throughput, not latencies "
        f"(the one-SELECT route served {baseline['requests_per_second']:.0f} req/s, "
        f"p99 {baseline['p99_ms']:.1f} ms)"
    )
    light_baseline = results.get("light_load", {}).get("one-select baseline")
    if not light or light_baseline is None:
        return f"Little's law: the mean latency is connections / throughput; {full_load}."
    needed = light / (LIGHT_P99_LIMIT_MS / 1000)
    return (
        f"Little's law: the mean latency is connections / throughput, so at {light} "
        f"{_connections(light)} p99 <= {LIGHT_P99_LIMIT_MS:g} ms needs more than {needed:.0f} "
        f"req/s on each key page (the one-SELECT route served "
        f"{light_baseline['requests_per_second']:.0f} req/s there); {full_load}."
    )


def light_load_note(results: dict[str, Any]) -> str | None:
    """Each page's p99 and throughput at the light load, the one-SELECT route's beside them."""
    light = results.get("light_load", {})
    if not light:
        return None
    connections = results.get("meta", {}).get("light_connections")
    figures = ", ".join(
        f"{page} {figures['p99_ms']:.0f} ms ({figures['requests_per_second']:.0f} req/s)"
        for page, figures in light.items()
    )
    return f"p99 at {connections} {_connections(connections)}: {figures}."


def _connections(count: int) -> str:
    return "connection" if count == 1 else "connections"


def _bare_app_rows(results: dict[str, Any]) -> list[dict[str, Any]]:
    bare = results.get("bare_app")
    baseline = results.get("load", {}).get("one-select baseline")
    if bare is None or baseline is None:
        return []
    share = baseline["requests_per_second"] / max(bare["requests_per_second"], 1e-9)
    return [
        _row(
            "one-SELECT route: throughput",
            baseline["requests_per_second"],
            "req/s",
            bare["requests_per_second"],
            share,
            f">= {BARE_APP_SHARE:.0%} of bare Flask-SQLAlchemy, no errors",
            share >= BARE_APP_SHARE and _clean(baseline) and _clean(bare),
        )
    ]


def _throughput_rows(load: dict[str, Any]) -> list[dict[str, Any]]:
    baseline = load.get("one-select baseline")
    rows = []
    for page, figures in load.items():
        if page == "one-select baseline" or baseline is None:
            continue
        # The baseline run just before this page, where there is one (see bench.__main__).
        adjacent = figures.get("adjacent_baseline", baseline)
        share = figures["requests_per_second"] / max(adjacent["requests_per_second"], 1e-9)
        target = THROUGHPUT_SHARES[page]
        rows.append(
            _row(
                f"{page}: throughput",
                figures["requests_per_second"],
                "req/s",
                adjacent["requests_per_second"],
                share,
                f">= {target:.0%} of one-SELECT, no errors",
                share >= target and _clean(figures),
            )
        )
    return rows


def _light_load_rows(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each key page's p99 at the light load; unmet, and said so, where it was not run."""
    pages = [page for page in results.get("load", {}) if page != "one-select baseline"]
    light = results.get("light_load", {})
    connections = results.get("meta", {}).get("light_connections")
    baseline = light.get("one-select baseline")
    limit = f"<= {LIGHT_P99_LIMIT_MS:g} ms"
    rows = []
    for page in pages:
        figures = light.get(page)
        if figures is None or baseline is None:
            rows.append(_row(f"{page}: p99 at light load", None, "ms", None, None, limit, False))
            continue
        rows.append(
            _row(
                f"{page}: p99 at {connections} {_connections(connections)}",
                figures["p99_ms"],
                "ms",
                baseline["p99_ms"],
                figures["p99_ms"] / max(baseline["p99_ms"], 1e-9),
                limit,
                figures["p99_ms"] <= LIGHT_P99_LIMIT_MS,
            )
        )
    return rows


def _clean(figures: dict[str, Any]) -> bool:
    return bool(figures["non_2xx"] == 0 and figures["socket_errors"] == 0)


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
    value: float | None,
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
    lines: list[tuple[str, ...]] = [("Measurement", "Value", "Baseline", "Ratio", "Target", "Met")]
    for row in rows:
        lines.append(
            (
                row["measurement"],
                "not measured"
                if row["value"] is None
                else f"{_number(row['value'])} {row['unit']}",
                "" if row["baseline"] is None else _number(row["baseline"]),
                "" if row["ratio"] is None else f"{row['ratio']:.2f}",
                row["target"],
                "met" if row["met"] else "NOT MET",
            )
        )
    return _columns(lines)


def _columns(lines: list[tuple[str, ...]]) -> str:
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
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
