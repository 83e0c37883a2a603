"""Radar charts: real PNGs of the expected size, drawn without pyplot or global state."""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO

import matplotlib
import pytest
from matplotlib._pylab_helpers import Gcf
from PIL import Image, ImageChops

from recruit.domain.scoring.charts import (
    _axis_label,
    _cached_png,
    plotted_runs,
    radar_chart,
    radar_png,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
NAMES = ("Values-driven", "Decisions for families", "Practice and culture", "Partnerships",
         "Political buy-in")  # fmt: skip
CANDIDATE = ("C-01", (3.5, 4.25, 3.0, 2.75, 4.0))


def radar_chart_png(names, series, **options) -> bytes:
    return radar_chart(names, series, **options).png


def decode(png: bytes) -> Image.Image:
    image = Image.open(BytesIO(png))
    image.load()
    return image.convert("RGB")


def differ(first: bytes, second: bytes) -> bool:
    return ImageChops.difference(decode(first), decode(second)).getbbox() is not None


def test_chart_is_a_png_of_five_inches_at_100_dpi() -> None:
    png = radar_chart_png(NAMES, [CANDIDATE])

    assert png.startswith(PNG_SIGNATURE)
    image = Image.open(BytesIO(png))
    assert image.format == "PNG" and image.size == (500, 500)


def test_size_and_resolution_can_be_chosen() -> None:
    png = radar_chart_png(NAMES, [CANDIDATE], size_inches=3, dpi=150)

    assert Image.open(BytesIO(png)).size == (450, 450)


def test_different_scores_draw_different_images_and_the_same_scores_the_same() -> None:
    first = radar_chart_png(NAMES, [CANDIDATE])
    again = radar_chart_png(NAMES, [CANDIDATE])
    other = radar_chart_png(NAMES, [("C-01", (3.5, 4.25, 3.0, 2.75, 1.0))])

    assert not differ(first, again)
    assert differ(first, other)


def test_several_series_add_a_legend_below_the_chart() -> None:
    single = decode(radar_chart_png(NAMES, [CANDIDATE]))
    double = decode(radar_chart_png(NAMES, [CANDIDATE, ("Agreed", (4, 4, 3, 3, 4))]))

    bottom = (0, 440, 500, 500)  # the legend's strip: blank on a chart of one series
    assert ImageChops.difference(single.crop(bottom), Image.new("RGB", (500, 60), "white")).getbbox() is None  # fmt: skip
    assert double.crop(bottom).getextrema() != ((255, 255),) * 3


def test_missing_and_out_of_range_scores_still_draw() -> None:
    gaps = radar_chart_png(NAMES, [("C-03", (2.5, None, math.nan, 7.0, -1.0))])
    all_missing = radar_chart_png(NAMES, [("C-04", (None,) * 5)])

    assert decode(gaps).size == decode(all_missing).size == (500, 500)
    assert differ(gaps, all_missing)


@pytest.mark.parametrize("count", [3, 5, 8])
def test_any_number_of_axes_from_three(count: int) -> None:
    names = [f"Attribute {number}" for number in range(count)]

    assert decode(radar_chart_png(names, [("C-01", [3.0] * count)])).size == (500, 500)


def test_mismatched_or_empty_input_is_refused() -> None:
    with pytest.raises(ValueError, match="5 attributes"):
        radar_chart_png(NAMES, [("C-01", (1, 2, 3))])
    with pytest.raises(ValueError, match="at least one attribute"):
        radar_chart_png([], [])


def test_hostile_names_neither_warn_nor_break_the_chart() -> None:
    # Warnings are errors in the test run: a glyph missing from the fonts would fail here.
    hostile = ("\x00\x07\ufffe\ud800" + "$\\frac{1}{0}$ ^_{ مدير خدمات מנהל 👩🏽‍👧 🌍 "
               + "x" * 100_000)  # fmt: skip
    names = [hostile, "=1+1", "", "\t\r\n", "Partnerships"]

    png = radar_chart_png(names, [(hostile, (1, 2, 3, 4, 5)), ("👩🏽‍👧", (5, 4, 3, 2, 1))])

    assert decode(png).size == (500, 500)


def test_charts_drawn_in_threads_match_and_leave_no_global_state() -> None:
    settings = dict(matplotlib.rcParams)
    expected = decode(radar_chart_png(NAMES, [CANDIDATE]))

    with ThreadPoolExecutor(max_workers=4) as pool:
        drawn = list(pool.map(lambda _: radar_chart_png(NAMES, [CANDIDATE]), range(8)))

    assert all(ImageChops.difference(decode(png), expected).getbbox() is None for png in drawn)
    assert Gcf.get_num_fig_managers() == 0, "no pyplot figure should be left open"
    assert dict(matplotlib.rcParams) == settings


def test_a_page_chart_is_drawn_once_for_the_same_figures() -> None:
    series = [("Panel", [3.5, 4.25, 3.0, 2.75, None])]
    before = _cached_png.cache_info()

    first = radar_png(list(NAMES), series)
    again = radar_png(tuple(NAMES), [("Panel", (3.5, 4.25, 3.0, 2.75, None))])
    other = radar_png(NAMES, [("Panel", [3.5, 4.25, 3.0, 2.75, 1.0])])

    after = _cached_png.cache_info()
    assert first == radar_chart_png(NAMES, series)  # the same picture as drawing it afresh
    assert again is first and other != first
    assert after.hits - before.hits >= 1 and after.misses - before.misses <= 2


@pytest.mark.parametrize(
    ("values", "runs"),
    [
        ((3, 4, 3, 2, 5), ((0, 1, 2, 3, 4),)),
        # Political buy-in (the last axis) not assessed: one run from the first to the fourth.
        ((3, 4, 3, 2, None), ((0, 1, 2, 3),)),
        # A gap in the middle: the run wraps from the last axis round to the first.
        ((3, None, 3, 2, 5), ((2, 3, 4, 0),)),
        ((3, None, 3, None, 5), ((2,), (4, 0))),
        ((None,) * 5, ()),
        ((math.nan, 2, 3, 4, 5), ((1, 2, 3, 4),)),
    ],
)
def test_the_line_joins_only_assessed_attributes(values, runs) -> None:
    assert plotted_runs(values) == runs


def test_an_unassessed_attribute_is_left_out_of_the_drawn_line_not_drawn_at_zero() -> None:
    chart = radar_chart(NAMES, [("C-01", (3, 4, 3, 2, None)), ("Target", (4, 4, 3, 4, 4))])
    assert chart.plotted == (((0, 1, 2, 3),), ((0, 1, 2, 3, 4),))

    # The centre (row 220 with a legend: the axes sit above it) shows only the light grey
    # grid: no series line drawn down to zero for the missing axis, as a 0 would be.
    def centre_darkest(chart):  # type: ignore[no-untyped-def]
        return chart.pixels[217:224, 247:254, :3].min()

    zero = radar_chart(NAMES, [("C-01", (3, 4, 3, 2, 0.0)), ("Target", (4, 4, 3, 4, 4))])
    assert centre_darkest(zero) < 100
    assert centre_darkest(chart) > 150


def test_the_axis_says_not_assessed_when_no_series_has_it() -> None:
    assert "not assessed" in _axis_label("Political buy-in", 4, [("C-01", (3, 4, 3, 2, None))])
    assert "not assessed" not in _axis_label("Political buy-in", 4, [("C-01", (3, 4, 3, 2, 1))])


def test_a_larger_chart_gives_its_extra_room_to_the_plot_not_the_margins() -> None:
    series = [("C-01", (3, 4, 3, 2, 5)), ("Target", (4, 4, 3, 4, 4))]
    standard, large = radar_chart(NAMES, series), radar_chart(NAMES, series, size_inches=7.2)

    def plot_share(chart):  # type: ignore[no-untyped-def]
        # The share of the picture's width the drawing (anything not white) spans.
        drawn = (chart.pixels[:, :, :3] < 250).any(axis=2).any(axis=0).nonzero()[0]
        return (drawn[-1] - drawn[0]) / chart.pixels.shape[1]

    assert large.pixels.shape[:2] == (720, 720)
    assert plot_share(large) > plot_share(standard)
