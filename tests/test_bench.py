"""The benchmark runs end to end at a tiny scale and writes every measurement and target.

Speed is never asserted: the run proves the bench works (real gunicorn, real wrk, real
python-docx, the real database) and that its JSON holds sane values.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.consolidation import interleaved_medians
from bench.exports import Build, ChartLog, median_build, timed_charts
from tests.conftest import BACKEND, skip_or_fail

PROJECT_ROOT = Path(__file__).resolve().parent.parent
KEY_PAGES = {"score entry", "panel summary", "comparison", "question search"}
COUNTED_PAGES = KEY_PAGES | {"your interviews", "vacancy page", "moderation"}
EXPORTS = {"interview packs zip", "panel summary docx", "briefing pack docx"}


@pytest.fixture(scope="module")
def bench_database_url(request: pytest.FixtureRequest) -> str | None:
    """None for SQLite (the bench makes its own file); a fresh PostgreSQL database otherwise."""
    if BACKEND != "postgres":
        return None
    from tests.support.databases import create_postgres_database, drop_postgres_database

    server_url = request.getfixturevalue("postgres_server_url")
    url = create_postgres_database(server_url)
    request.addfinalizer(lambda: drop_postgres_database(server_url, url))
    return url


@pytest.fixture(scope="module")
def bench_results(tmp_path_factory: pytest.TempPathFactory, bench_database_url: str | None):
    if shutil.which("wrk") is None and not Path("/usr/bin/wrk").exists():
        skip_or_fail("wrk is not installed (Debian package wrk)")
    out = tmp_path_factory.mktemp("bench") / "results.json"
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    if bench_database_url:
        env["DATABASE_URL"] = bench_database_url
    command = [
        sys.executable,
        "-m",
        "bench",
        "--scale",
        "0.01",
        "--duration",
        "2",
        "--connections",
        "2",
        "--light-connections",
        "1",
        "--small",
        "2",
        "--large",
        "20",
        "--repeats",
        "1",
        "--out",
        str(out),
    ]
    done = subprocess.run(  # noqa: S603
        command,
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads(out.read_text()), done.stdout


def test_the_bench_measures_every_key_page_under_load_against_the_baseline(bench_results):
    results, _ = bench_results
    assert set(results["load"]) == KEY_PAGES | {"one-select baseline"}
    for page, figures in results["load"].items():
        assert figures["requests"] > 0, page
        assert figures["requests_per_second"] > 0, page
        assert 0 < figures["p50_ms"] <= figures["p99_ms"], page
        assert figures["non_2xx"] == 0, page
        assert figures["bytes"] > 0, page


def test_each_page_is_compared_with_the_baseline_run_just_before_it(bench_results):
    results, _ = bench_results
    load = results["load"]
    adjacent = {page: load[page]["adjacent_baseline"] for page in KEY_PAGES}
    assert load["one-select baseline"] in adjacent.values()  # the first of those runs
    rows = {row["measurement"]: row for row in results["targets"]}
    for page, baseline in adjacent.items():
        assert baseline["path"].startswith("/bench/one-select/") and baseline["requests"] > 0
        row = rows[f"{page}: throughput"]
        assert row["baseline"] == baseline["requests_per_second"]
        expected = load[page]["requests_per_second"] / baseline["requests_per_second"]
        assert row["ratio"] == pytest.approx(expected)


def test_the_bench_counts_queries_per_page_at_both_sizes(bench_results):
    results, _ = bench_results
    assert set(results["queries"]) == COUNTED_PAGES
    for page, counts in results["queries"].items():
        assert set(counts) == {"2", "20"}, page
        assert all(count > 0 for count in counts.values()), page


def test_the_bench_times_each_export_against_raw_python_docx(bench_results):
    results, _ = bench_results
    assert set(results["exports"]) == EXPORTS
    for name, figures in results["exports"].items():
        assert figures["seconds"] > 0 and figures["raw_docx_seconds"] > 0, name
        assert figures["paragraphs"] + figures["table_cells"] > 0, name
    assert results["exports"]["interview packs zip"]["documents"] == 6  # a panel of six
    assert results["exports"]["panel summary docx"]["images"] >= 1  # it has charts
    assert results["exports"]["panel summary docx"]["chart_seconds"] > 0
    for name, figures in results["exports"].items():
        # The allowance is built from the reported build's own chart time.
        expected = 2 * figures["raw_docx_seconds"] + figures["chart_seconds"]
        assert figures["allowance_seconds"] == pytest.approx(expected), name
        assert figures["chart_seconds"] < figures["seconds"], name


def test_the_reported_build_is_the_median_by_time_beyond_its_charts():
    def build(seconds: float, chart_seconds: float) -> Build:
        return Build(seconds, ChartLog(calls=1, distinct_seconds={"chart": chart_seconds}))

    # Beyond their charts: 0.5, 0.2 and 0.3 s. By total time alone the median is the third.
    builds = [build(1.0, 0.5), build(1.4, 1.2), build(1.1, 0.8)]

    chosen = median_build(builds)

    assert chosen is builds[2]
    assert chosen.seconds_beyond_charts == pytest.approx(0.3)


def test_a_chart_drawn_twice_in_one_build_counts_once():
    log = ChartLog()
    with timed_charts(log):
        from recruit.domain.documents.scoring_summary import parts as scoring_summary_parts

        for _ in range(2):
            scoring_summary_parts.radar_chart(["A", "B", "C"], [("Panel", [3.0, 4.0, 2.0])])

    assert log.calls == 2
    assert len(log.distinct_seconds) == 1


def test_volumes_are_timed_in_turns_round_after_round():
    log: list[str] = []
    runs = {"1x": lambda: log.append("1x"), "100x": lambda: log.append("100x")}

    medians = interleaved_medians(runs, rounds=3, seconds_per_turn=0.0)

    assert log == ["1x", "100x"] * 3  # never all of one volume, then all of the other
    assert set(medians) == {"1x", "100x"} and all(m >= 0 for m in medians.values())


def test_a_short_run_is_repeated_until_its_turn_has_lasted_long_enough():
    calls: list[str] = []
    now = [0.0]  # a clock the run moves on by a quarter of a second: no real waiting

    def run() -> None:
        calls.append("run")
        now[0] += 0.25

    medians = interleaved_medians(
        {"short": run}, before_each=lambda: calls.append("reset"), rounds=2,
        seconds_per_turn=1.0, clock=lambda: now[0],
    )  # fmt: skip

    assert calls == ["reset", "run"] * 8  # four runs fill each one-second turn, twice
    assert medians["short"] == 0.25


def test_the_bench_times_consolidation_at_three_volumes(bench_results):
    results, _ = bench_results
    volumes = results["consolidation"]
    assert set(volumes) == {"1x", "10x", "100x"}
    assert volumes["1x"]["scores"] < volumes["10x"]["scores"] < volumes["100x"]["scores"]
    for figures in volumes.values():
        assert figures["pure_seconds"] > 0 and figures["bridge_seconds"] > 0


def test_the_bench_reads_each_workers_peak_memory(bench_results):
    results, _ = bench_results
    memory = results["memory_mb_per_worker"]
    assert len(memory) == 2
    assert all(10 < mb < 4000 for mb in memory.values())


def test_every_target_is_judged_met_or_not_and_printed(bench_results):
    results, stdout = bench_results
    rows = results["targets"]
    # Two per loaded page, one per export and counted page, two for consolidation, memory.
    assert len(rows) == 2 * 4 + 3 + 7 + 2 + 1
    for row in rows:
        assert isinstance(row["met"], bool), row
        assert row["measurement"] in stdout
    assert results["meta"]["backend"] == ("postgresql" if BACKEND == "postgres" else "sqlite")


def test_the_latency_target_is_put_in_terms_of_throughput(bench_results):
    results, stdout = bench_results
    # Two connections for a 50 ms p99 need more than 2 / 0.05 = 40 requests a second.
    baseline = results["load"]["one-select baseline"]["requests_per_second"]
    note = (
        "Little's law: at 2 connections the mean latency is 2 / throughput, so p99 < 50 ms "
        f"needs more than 40 req/s. The one-SELECT baseline served {baseline:.0f} req/s"
    )
    assert results["notes"][0].startswith(note)
    assert note in stdout


def test_each_page_is_also_measured_at_a_light_load_for_information(bench_results):
    results, stdout = bench_results
    light = results["light_load"]
    assert set(light) == KEY_PAGES | {"one-select baseline"}
    for page, figures in light.items():
        assert figures["requests"] > 0 and figures["non_2xx"] == 0, page
        assert figures["path"] == results["load"][page]["path"], page
    note = results["notes"][1]
    assert note.startswith("For information, p99 at 1 connection: one-select baseline ")
    assert note in stdout
    # Information only: no target row is judged on it.
    assert not [row for row in results["targets"] if "connection" in row["measurement"]]
