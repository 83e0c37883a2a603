"""``python -m bench``: seed, measure against same-run baselines, print the table, write JSON.

SQLite in a temporary folder by default; PostgreSQL when DATABASE_URL names one (the bench
fills it from empty: pass --reset to drop what is there first).
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from bench.client import page_paths, stage_summary_path
from bench.consolidation import measure_consolidation
from bench.database import (
    backend_name,
    bench_app,
    database_url,
    prepare_database,
    settle_database,
)
from bench.exports import measure_exports
from bench.load import BARE_APP, Server, check_page, run_wrk, sign_in
from bench.queries import queries_per_page
from bench.report import (
    baseline_table,
    latency_note,
    light_load_note,
    table,
    targets,
    write_json,
)
from bench.seed import SeededVacancy, seed

WARM_UP_SECONDS = 2.0
LOADED_PAGES = (
    "score entry",
    "panel summary",
    "panel summary, one stage",
    "comparison",
    "question search",
)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="1 = 200 vacancies and 5,000 candidates (default 1)",
    )
    parser.add_argument("--out", type=Path, default=Path("bench-results.json"))
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--light-connections",
        type=int,
        default=4,
        help="each page and the baseline again at this many connections, where the p99 "
        "target applies (0: not at all, and that target goes unmet; default 4)",
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--small",
        type=int,
        default=10,
        help="candidates on the 1x vacancy (queries and consolidation)",
    )
    parser.add_argument(
        "--large",
        type=int,
        default=1000,
        help="candidates on the vacancy queries are counted at (and 100x)",
    )
    parser.add_argument(
        "--repeats",
        type=int,
        default=5,
        help="builds of each export, after one warm-up; the middle one by its time beyond "
        "its charts counts (default 5)",
    )
    parser.add_argument(
        "--reset",
        action="store_true",
        help="empty the DATABASE_URL database first (drops every table)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="recruit-bench-") as folder:
        results = run(args, Path(folder))
    rows = targets(results)
    notes = [note for note in (latency_note(results), light_load_note(results)) if note]
    print(baseline_table(results))
    print()
    print(table(rows))
    for note in notes:
        print(f"\n{note}")
    write_json(args.out, results, rows, notes)
    print(f"\nWrote {args.out}")
    return 0


def run(args: argparse.Namespace, work_dir: Path) -> dict[str, Any]:
    url = database_url(work_dir)
    app = bench_app(url)
    prepare_database(app, reset=args.reset)
    sizes = tuple(sorted({args.small, args.small * 10, args.small * 100, args.large}))
    started = time.perf_counter()
    with app.app_context():
        seeded = seed(args.scale, sizes)
    settle_database(app)
    results: dict[str, Any] = {
        "meta": {
            "backend": backend_name(url),
            "scale": args.scale,
            "python": platform.python_version(),
            "connections": args.connections,
            "light_connections": args.light_connections,
            "duration_seconds": args.duration,
            "export_repeats": args.repeats,
            "seed_seconds": round(time.perf_counter() - started, 1),
            "rows": seeded.rows,
        },
    }
    _step("queries per page")
    results["queries"] = queries_per_page(app, seeded, (args.small, args.large))
    _step("exports")
    results["exports"] = measure_exports(app, seeded, args.repeats)
    _step("consolidation")
    results["consolidation"] = measure_consolidation(
        app, seeded, (args.small, args.small * 10, args.small * 100)
    )
    with app.app_context():
        from recruit.extensions import db

        db.engine.dispose()  # gunicorn has the database to itself from here
    _step("load (wrk)")
    results.update(_load(args, url, work_dir, seeded))
    return results


def _load(args: argparse.Namespace, url: str, work_dir: Path, seeded) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The bare Flask app, then each key page under wrk right after a run of the one-SELECT
    baseline.

    This machine's speed drifts over the minutes a load run takes, so each page's share is
    taken against the baseline measured just before it ("adjacent_baseline"); the first
    of those runs is also reported as the baseline itself, and taken as a share of the bare
    app measured just before it.
    """
    paths = _loaded_paths(seeded.load)
    baseline_path = f"/bench/one-select/{seeded.load.id}"
    with Server(url, work_dir) as server:
        cookie = sign_in(server.base_url, seeded.load.chair_email, seeded.password)
        for path in paths.values():  # before minutes of wrk, not after
            check_page(server.base_url, path, cookie)
        bare_app = _bare_app(args, url, work_dir, seeded.load.id)
        measure = partial(_measure_page, server.base_url, cookie, args)
        load: dict[str, Any] = {}
        for page, path in paths.items():
            baseline = measure("one-select baseline", baseline_path)
            load.setdefault("one-select baseline", baseline)
            load[page] = {**measure(page, path), "adjacent_baseline": baseline}
        light = _light_load(server.base_url, cookie, args, baseline_path, paths)
        memory = server.peak_memory_per_worker()
    return {
        "bare_app": bare_app,
        "load": load,
        **({"light_load": light} if light else {}),
        "memory_mb_per_worker": {str(pid): mb for pid, mb in memory.items()},
    }


def _loaded_paths(vacancy: SeededVacancy) -> dict[str, str]:
    paths = {page: path for page, (path, _) in page_paths(vacancy).items()}
    paths["panel summary, one stage"] = stage_summary_path(vacancy)
    return {page: paths[page] for page in LOADED_PAGES}


def _bare_app(
    args: argparse.Namespace, url: str, work_dir: Path, vacancy_id: int
) -> dict[str, Any]:
    """The same primary-key SELECT in bare Flask and Flask-SQLAlchemy, under its own gunicorn
    with the app's settings, stopped before the app's pages are loaded."""
    path = f"/one-select/{vacancy_id}"
    with Server(url, work_dir, app=BARE_APP, ready_path=path) as bare:
        return _measure_page(bare.base_url, "", args, "bare Flask app", path)


def _light_load(
    base_url: str, cookie: str, args: argparse.Namespace, baseline_path: str, paths: dict[str, str]
) -> dict[str, Any]:
    """The baseline and each page at a few connections, as a panel rather than a crowd
    would load them: where the p99 target applies."""
    if args.light_connections <= 0:
        return {}
    light_args = argparse.Namespace(**{**vars(args), "connections": args.light_connections})
    measure = partial(_measure_page, base_url, cookie, light_args)
    connections = "connection" if args.light_connections == 1 else "connections"
    return {
        page: measure(f"{page} at {args.light_connections} {connections}", path)
        for page, path in {"one-select baseline": baseline_path, **paths}.items()
    }


def _measure_page(
    base_url: str, cookie: str, args: argparse.Namespace, page: str, path: str
) -> dict[str, Any]:
    size = check_page(base_url, path, cookie)
    wrk = partial(
        run_wrk, f"{base_url}{path}", cookie, connections=args.connections, threads=args.threads
    )
    # Unrecorded: each worker's first requests compile the templates and read the bank,
    # which would otherwise be the slowest requests of a short run's p99.
    wrk(seconds=min(WARM_UP_SECONDS, args.duration))
    result = wrk(seconds=args.duration)
    _step(f"  {page}: {result.requests_per_second:.1f} req/s, p99 {result.p99_ms:.1f} ms")
    return {**result.as_dict(), "path": path, "bytes": size}


def _step(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
