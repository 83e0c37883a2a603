"""Build time of each Word export, against a minimal python-docx script writing the same
number of paragraphs and table cells, plus the time spent drawing distinct charts.

Each export is fetched through the real route in process (signed in as HR), reopened with
python-docx to count what it holds, then the baseline writes that much with python-docx
alone. Chart drawing is timed inside each build: only the first drawing of each distinct
chart in a build counts towards that build's allowance, so drawing the same chart twice
shows. Of the repeated builds, the one whose time beyond its charts is the median is
reported, with its own chart time: charts timed in one build and the export in another
differed by more than the margin on this machine.
"""

from __future__ import annotations

import statistics
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from docx import Document
from flask import Flask

from bench.client import signed_in_client
from bench.seed import Seeded

REPEATS = 5
# The modules whose exports draw charts, each holding its own reference to the drawing
# function. (The web pages' PNG routes keep the charts they drew: ``charts.radar_png``.)
CHART_USERS = ("recruit.domain.documents.scoring_summary.parts",)


@dataclass
class DocShape:
    paragraphs: int = 0
    tables: list[tuple[int, int]] = field(default_factory=list)  # (rows, columns)
    images: int = 0

    @property
    def cells(self) -> int:
        return sum(rows * columns for rows, columns in self.tables)


@dataclass
class ChartLog:
    calls: int = 0
    distinct_seconds: dict[str, float] = field(default_factory=dict)


def export_paths(seeded: Seeded) -> dict[str, str]:
    vacancy = seeded.export
    return {
        "interview packs zip": (
            f"/vacancies/{vacancy.id}/stages/{vacancy.scoring_stage_id}/packs/all.zip"
        ),
        "panel summary docx": f"/vacancies/{vacancy.id}/summary.docx",
        "briefing pack docx": f"/vacancies/{vacancy.id}/comparison.docx",
    }


@dataclass(frozen=True)
class Build:
    """One timed build of an export and the charts drawn during it."""

    seconds: float
    charts: ChartLog

    @property
    def chart_seconds(self) -> float:
        return sum(self.charts.distinct_seconds.values())

    @property
    def seconds_beyond_charts(self) -> float:
        return self.seconds - self.chart_seconds


def measure_exports(app: Flask, seeded: Seeded, repeats: int = REPEATS) -> dict[str, dict]:
    client = signed_in_client(app, seeded.hr_email, seeded.password)
    results = {}
    for name, path in export_paths(seeded).items():
        client.get(path)  # warm: templates, fonts and the bank are start-up work
        builds = []
        for _ in range(repeats):
            charts = ChartLog()
            with timed_charts(charts):
                started = time.perf_counter()
                response = client.get(path)
                builds.append(Build(time.perf_counter() - started, charts))
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}, not 200")
        shapes = _shapes(response.data, zipped=path.endswith(".zip"))
        results[name] = _result(builds, shapes, len(response.data), repeats)
    return results


def median_build(builds: list[Build]) -> Build:
    """The build whose time beyond its charts is the median (the upper one of an even count)."""
    return sorted(builds, key=lambda build: build.seconds_beyond_charts)[len(builds) // 2]


def _result(builds: list[Build], shapes: list[DocShape], size: int, repeats: int) -> dict:
    build = median_build(builds)
    raw_seconds = raw_docx_seconds(shapes, repeats)
    return {
        "seconds": build.seconds,
        "raw_docx_seconds": raw_seconds,
        "chart_seconds": build.chart_seconds,
        "allowance_seconds": 2 * raw_seconds + build.chart_seconds,
        "documents": len(shapes),
        "paragraphs": sum(s.paragraphs for s in shapes),
        "table_cells": sum(s.cells for s in shapes),
        "images": sum(s.images for s in shapes),
        "chart_calls_per_export": sum(b.charts.calls for b in builds) / repeats,
        "distinct_charts": len(build.charts.distinct_seconds),
        "bytes": size,
    }


def _shapes(data: bytes, *, zipped: bool) -> list[DocShape]:
    if not zipped:
        return [_shape(data)]
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return [_shape(archive.read(n)) for n in archive.namelist() if n.endswith(".docx")]


def _shape(data: bytes) -> DocShape:
    document = Document(BytesIO(data))
    return DocShape(
        paragraphs=len(document.paragraphs),
        tables=[(len(t.rows), len(t.columns)) for t in document.tables],
        images=len(document.inline_shapes),
    )


def raw_docx_seconds(shapes: list[DocShape], repeats: int = REPEATS) -> float:
    """Median time for plain python-docx to write the same paragraphs and table cells."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        outputs = [_raw_document(shape) for shape in shapes]
        if len(outputs) > 1:
            with zipfile.ZipFile(BytesIO(), "w", zipfile.ZIP_DEFLATED) as archive:
                for number, output in enumerate(outputs):
                    archive.writestr(f"{number}.docx", output)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _raw_document(shape: DocShape) -> bytes:
    document = Document()
    for number in range(shape.paragraphs):
        document.add_paragraph(f"Paragraph {number}: a line of text the size of a short note.")
    for rows, columns in shape.tables:
        table = document.add_table(rows=rows, cols=columns)
        for row in table.rows:
            for cell in row.cells:
                cell.text = "4.5"
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@contextmanager
def timed_charts(log: ChartLog) -> Iterator[None]:
    """Time every chart drawn inside the block (the real drawing function runs)."""
    import importlib

    modules = [importlib.import_module(name) for name in CHART_USERS]
    originals = [module.radar_chart for module in modules]
    timed = _timing(originals[0], log)
    for module in modules:
        module.radar_chart = timed
    try:
        yield
    finally:
        for module, original in zip(modules, originals, strict=True):
            module.radar_chart = original


def _timing(draw: Callable[..., Any], log: ChartLog) -> Callable[..., Any]:
    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        chart = draw(*args, **kwargs)
        key = repr((args, sorted(kwargs.items())))
        log.calls += 1
        log.distinct_seconds.setdefault(key, time.perf_counter() - started)
        return chart

    return timed
