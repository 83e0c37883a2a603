"""Radar charts of attribute scores as PNG bytes, for Word summaries and comparisons.

Drawn on a bare ``matplotlib.figure.Figure`` with the Agg canvas, never through pyplot:
pyplot keeps a global list of open figures and a global backend, which are not safe to share
between the threads of a web server. Nothing here changes ``rcParams``; every font and colour
is passed to the artist that uses it.

Every chart must have the same figures beside it in a table: a picture is no use to a screen
reader, and a radar chart exaggerates differences on axes that sit next to each other.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO

import numpy as np
import numpy.typing as npt
from matplotlib import font_manager
from matplotlib import image as matplotlib_image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font
from matplotlib.lines import Line2D
from matplotlib.projections.polar import PolarAxes
from matplotlib.text import Text
from matplotlib.typing import LineStyleType

from recruit.domain.documents.word.text_safety import clean_for_document

Series = tuple[str, Sequence[float | None]]

# Arial where the council's machines have it; Liberation Sans has the same widths; DejaVu Sans
# ships with matplotlib, so there is always a font without a network.
PREFERRED_FONTS = ("Arial", "Liberation Sans", "DejaVu Sans")
# GOV.UK Design System colours, each at least 3:1 against white (WCAG 2.2 non-text contrast).
# Each series also has its own marker and line style, so no one relies on colour alone.
SERIES_COLOURS = ("#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#6f3828", "#005ea5", "#d53880")
SERIES_MARKERS = ("o", "s", "^", "D", "v", "P", "X")
SERIES_LINES: tuple[LineStyleType, ...] = ("-", "--", "-.", ":", "-", "--", "-.")
GRID_COLOUR = "#b1b4b6"
TEXT_COLOUR = "#0b0c0c"
NOT_ASSESSED = "not assessed"
# A pasted essay as an attribute or series name would swamp the chart; the table says it all.
_LABEL_LIMIT = 80
_LABEL_WIDTH = 16
_LEGEND_LIMIT = 40
_AXES_BOX = (0.25, 0.25, 0.5, 0.5)  # left, bottom, width, height: room for the labels
_AXES_BOX_WITH_LEGEND = (0.27, 0.33, 0.46, 0.46)
# The boxes suit the standard 5-inch chart. Labels and the legend keep their size in points,
# so a larger chart keeps the same margins in inches and gives the rest to the plot.
_STANDARD_INCHES = 5.0


@dataclass(frozen=True)
class RadarChart:
    """A drawn chart: the PNG, and the same picture as RGBA pixels (rows from the top).

    The pixels let a caller measure the picture (its white margin, say) without decoding
    the PNG it has just been given.
    """

    png: bytes
    pixels: npt.NDArray[np.uint8]
    # Per series, the runs of attribute indices its line joins: an attribute with no
    # figure breaks the line, so a reader never sees a zero no one scored.
    plotted: tuple[tuple[tuple[int, ...], ...], ...] = ()


def radar_chart(
    attribute_names: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    maximum: float = 5,
    size_inches: float = 5.0,
    dpi: int = 100,
) -> RadarChart:
    """A radar chart with one axis per attribute, scaled 0 to ``maximum``.

    Each series is (name, one value per attribute). A value of None (not assessed) is
    left out: the series' line breaks there rather than dropping to the centre, which
    would read as a zero, and only a shape with every point is shaded. When every series
    lacks it the axis label says "not assessed". A legend appears with more than one series.
    """
    if not attribute_names:
        raise ValueError("A radar chart needs at least one attribute")
    for name, values in series:
        if len(values) != len(attribute_names):
            raise ValueError(f"Series {name!r} has {len(values)} values for "
                             f"{len(attribute_names)} attributes")  # fmt: skip
    figure = Figure(figsize=(size_inches, size_inches), dpi=dpi, facecolor="white")
    canvas = FigureCanvasAgg(figure)  # the figure draws with Agg, not a GUI backend
    box = _axes_box(size_inches, legend=len(series) > 1)
    axes = figure.add_axes(box, projection="polar")
    assert isinstance(axes, PolarAxes)
    angles = _angles(len(attribute_names))
    _draw_grid(axes, attribute_names, series, angles, maximum)
    plotted = tuple(
        _draw_series(axes, index, angles, values, maximum)
        for index, (_, values) in enumerate(series)
    )
    if len(series) > 1:
        _draw_legend(figure, series)
    # Drawn once and encoded from the drawn pixels: the same bytes as ``figure.savefig``
    # (which draws again), and the pixels stay at hand for measuring the picture.
    # matplotlib's Agg canvas has no annotations.
    canvas.draw()  # type: ignore[no-untyped-call]
    pixels = np.asarray(canvas.buffer_rgba())  # type: ignore[no-untyped-call]
    buffer = BytesIO()
    # imsave leaves out a key given None (here matplotlib's Software stamp), but its types
    # allow only strings.
    matplotlib_image.imsave(
        buffer,
        pixels,
        format="png",
        origin="upper",
        dpi=dpi,
        metadata={"Software": None},  # type: ignore[dict-item]
    )
    return RadarChart(png=buffer.getvalue(), pixels=pixels, plotted=plotted)


# Web pages ask for the same charts every time they are opened, and drawing one takes about
# a tenth of a second. Each process keeps the PNGs of the charts it drew last (about 40 KB
# each), keyed on everything the drawing depends on, so a chart is never stale.
_PNG_CACHE_SIZE = 64


def radar_png(
    attribute_names: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    size_inches: float = 5.0,
) -> bytes:
    """``radar_chart(attribute_names, series, size_inches=...).png``, drawn once for each
    distinct input."""
    frozen_series = tuple((name, tuple(values)) for name, values in series)
    return _cached_png(tuple(attribute_names), frozen_series, size_inches)


@lru_cache(maxsize=_PNG_CACHE_SIZE)
def _cached_png(
    attribute_names: tuple[str, ...],
    series: tuple[tuple[str, tuple[float | None, ...]], ...],
    size_inches: float = 5.0,
) -> bytes:
    return radar_chart(attribute_names, series, size_inches=size_inches).png


def _axes_box(size_inches: float, *, legend: bool) -> tuple[float, float, float, float]:
    left, bottom, _, _ = _AXES_BOX_WITH_LEGEND if legend else _AXES_BOX
    if size_inches <= _STANDARD_INCHES:
        return _AXES_BOX_WITH_LEGEND if legend else _AXES_BOX
    scale = _STANDARD_INCHES / size_inches
    side, foot = left * scale, bottom * scale
    width = 1 - 2 * side
    return (side, foot, width, width)


def _angles(count: int) -> list[float]:
    return [2 * math.pi * index / count for index in range(count)]


def _draw_grid(
    axes: PolarAxes,
    names: Sequence[str],
    series: Sequence[Series],
    angles: list[float],
    maximum: float,
) -> None:
    font = _font_families()
    # The first attribute (values, the foundation) at the top, then clockwise like a clock.
    axes.set_theta_offset(math.pi / 2)
    axes.set_theta_direction(-1)
    axes.set_ylim(0, maximum)
    rings = list(range(1, math.floor(maximum) + 1))
    axes.set_yticks(rings, [""] * len(rings))
    labels = [_axis_label(name, index, series) for index, name in enumerate(names)]
    axes.set_xticks(angles, labels, fontsize=11, color=TEXT_COLOUR)
    for text, angle in zip(axes.get_xticklabels(), angles, strict=True):
        text.set_fontfamily(font)
        text.set_parse_math(False)  # a "$" in a name must not start TeX maths
        _align_away_from_centre(text, angle)
    _label_rings(axes, rings, math.pi / len(names))
    axes.tick_params(axis="x", pad=6)
    axes.grid(color=GRID_COLOUR, linewidth=0.8)
    axes.spines["polar"].set_color(GRID_COLOUR)


def _label_rings(axes: PolarAxes, rings: Sequence[int], angle: float) -> None:
    """Ring numbers between the first two axes, on a white patch drawn above the series, so
    a line crossing a number never hides it (matplotlib draws its own tick labels below)."""
    for ring in rings:
        axes.text(
            angle, ring, str(ring), fontsize=9, color="#505a5f", ha="center", va="center",
            fontfamily=_font_families(), zorder=5,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 0.6},
        )  # fmt: skip


def _align_away_from_centre(text: Text, angle: float) -> None:
    """Anchor each label on the side nearest the chart, so long names grow outwards."""
    on_screen = math.pi / 2 - angle  # the first axis is at the top, the rest run clockwise
    across, up = math.cos(on_screen), math.sin(on_screen)
    text.set_horizontalalignment("left" if across > 0.1 else "right" if across < -0.1 else "center")
    text.set_verticalalignment("bottom" if up > 0.1 else "top" if up < -0.1 else "center")


def _axis_label(name: str, index: int, series: Sequence[Series]) -> str:
    text = _chart_text(name, _LABEL_LIMIT)
    wrapped = "\n".join(textwrap.wrap(text, _LABEL_WIDTH, break_on_hyphens=False)) or "\u2013"
    if series and all(_plottable(values[index]) is None for _, values in series):
        wrapped += f"\n({NOT_ASSESSED})"
    return wrapped


def _draw_series(
    axes: PolarAxes, index: int, angles: list[float], values: Sequence[float | None], top: float
) -> tuple[tuple[int, ...], ...]:
    colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
    points = [_plottable(value) for value in values]
    radii = [min(max(point, 0.0), top) if point is not None else 0.0 for point in points]
    line_style = SERIES_LINES[index % len(SERIES_LINES)]
    runs = plotted_runs(values)
    for run in runs:
        # A run round the whole chart closes the shape by returning to its first axis.
        closed = (*run, run[0]) if len(run) == len(values) else run
        xs, ys = [angles[i] for i in closed], [radii[i] for i in closed]
        axes.plot(xs, ys, color=colour, linewidth=2, linestyle=line_style)
        if len(run) == len(values):
            axes.fill(xs, ys, color=colour, alpha=0.08)
    scored = [(angles[i], radii[i]) for i, point in enumerate(points) if point is not None]
    if scored:
        marker = SERIES_MARKERS[index % len(SERIES_MARKERS)]
        marks_x, marks_y = zip(*scored, strict=True)
        axes.plot(marks_x, marks_y, linestyle="none", marker=marker, markersize=6, color=colour)
    return runs


def plotted_runs(values: Sequence[float | None]) -> tuple[tuple[int, ...], ...]:
    """The runs of consecutive attribute indices with a figure, going round the chart (a
    run may wrap from the last axis to the first). Every index once: the whole chart is
    one run; no figure at all, none."""
    present = [_plottable(value) is not None for value in values]
    if all(present):
        return (tuple(range(len(values))),) if values else ()
    if not any(present):
        return ()
    start = present.index(False)  # begin after a gap, so a run never wraps past a gap
    order = [(start + step) % len(values) for step in range(len(values))]
    runs: list[list[int]] = []
    for position in order:
        if not present[position]:
            runs.append([])
        else:
            runs[-1].append(position)
    return tuple(tuple(run) for run in runs if run)


def _plottable(value: float | None) -> float | None:
    if value is None or isinstance(value, bool) or not math.isfinite(value):
        return None
    return float(value)


def _draw_legend(figure: Figure, series: Sequence[Series]) -> None:
    handles = [
        Line2D(
            [],
            [],
            color=SERIES_COLOURS[index % len(SERIES_COLOURS)],
            linestyle=SERIES_LINES[index % len(SERIES_LINES)],
            marker=SERIES_MARKERS[index % len(SERIES_MARKERS)],
            linewidth=2,
        )
        for index in range(len(series))
    ]
    names = [_chart_text(name, _LEGEND_LIMIT) or "\u2013" for name, _ in series]
    legend = figure.legend(
        handles,
        names,
        loc="lower center",
        ncols=min(len(series), 2),
        frameon=False,
        fontsize=11,
        handlelength=3,
    )
    for text in legend.get_texts():
        text.set_fontfamily(_font_families())
        text.set_color(TEXT_COLOUR)
        text.set_parse_math(False)


def _chart_text(text: str, limit: int) -> str:
    """One line of text the chart's fonts can draw, shortened to ``limit`` characters.

    Characters no installed font has (most emoji) are dropped rather than drawn as empty
    boxes, which would also make matplotlib warn on every chart.
    """
    drawable = _drawable_characters()
    line = " ".join(clean_for_document(text).split())
    kept = "".join(character for character in line if ord(character) in drawable)
    kept = " ".join(kept.split())
    return kept if len(kept) <= limit else kept[: limit - 1].rstrip() + "\u2026"


@lru_cache(maxsize=1)
def _font_families() -> list[str]:
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return [name for name in PREFERRED_FONTS if name in installed] or ["DejaVu Sans"]


@lru_cache(maxsize=1)
def _drawable_characters() -> frozenset[int]:
    """Code points at least one of the chart's fonts can draw (matplotlib falls back in turn)."""
    drawable: set[int] = set()
    for family in _font_families():
        properties = font_manager.FontProperties(family=family)
        path = font_manager.findfont(properties, fallback_to_default=False)
        drawable.update(FT2Font(path).get_charmap())
    return frozenset(drawable)
