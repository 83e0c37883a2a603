"""The white margin trimmed off a chart in the Word summary, measured on known pictures."""

from __future__ import annotations

from io import BytesIO

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image, ImageDraw

from recruit.domain.documents.scoring_summary.parts import _white_margins
from recruit.domain.scoring.charts import radar_chart


def _pixels(mode: str, ink: tuple[int, ...], box: tuple[int, int, int, int]) -> np.ndarray:
    white = (255,) * len(ink)
    picture = Image.new(mode, (200, 100), white)
    ImageDraw.Draw(picture).rectangle(box, fill=ink)
    return np.asarray(picture)


@pytest.mark.parametrize(
    ("mode", "ink"),
    [
        ("RGB", (0, 0, 0)),
        ("RGBA", (30, 90, 200, 255)),
        ("RGB", (255, 255, 200)),  # ink in one channel only
        ("RGB", (244, 250, 250)),  # just darker than the white threshold (96% of 255)
    ],
)
def test_margins_are_the_white_around_the_ink_less_a_border(mode, ink):
    # Ink from column 40 to 159 and row 10 to 69 of a 200 x 100 picture.
    left, top, right, bottom = _white_margins(_pixels(mode, ink, (40, 10, 159, 69)))
    assert (left, top, right, bottom) == pytest.approx((0.18, 0.08, 0.18, 0.28))


def test_near_white_is_margin_and_a_blank_or_empty_picture_is_not_cropped():
    assert _white_margins(_pixels("RGB", (245, 250, 250), (40, 10, 159, 69))) == (0, 0, 0, 0)
    assert _white_margins(_pixels("RGBA", (255, 255, 255, 0), (40, 10, 159, 69))) == (0, 0, 0, 0)
    assert _white_margins(np.zeros((0, 0, 4), dtype=np.uint8)) == (0, 0, 0, 0)
    assert _white_margins(np.zeros((10, 10), dtype=np.uint8)) == (0, 0, 0, 0)


def test_ink_touching_the_edge_leaves_no_margin_there():
    left, top, right, bottom = _white_margins(_pixels("RGB", (0, 0, 0), (0, 0, 99, 99)))
    assert (left, top, right, bottom) == pytest.approx((0, 0, 0.48, 0))


def test_a_single_inked_pixel_in_the_corner():
    pixels = _pixels("RGB", (0, 0, 0), (199, 99, 199, 99))
    assert _white_margins(pixels) == pytest.approx((0.995 - 0.02, 0.99 - 0.02, 0, 0))


@pytest.mark.parametrize("series_count", [1, 2])
def test_a_charts_pixels_are_its_png_and_its_png_is_what_savefig_writes(series_count):
    """The chart is drawn once and encoded from its pixels: the margins measured on them are
    the PNG's, and the bytes are those matplotlib's own ``savefig`` writes."""
    names = ["Values-driven", "Partnerships", "Decisions", "Learning", "Resilience"]
    series = [("Candidate A", [3.5, 4.0, None, 2.5, 3.0]), ("Target", [4, 4, 4, 4, 4])]
    chart = radar_chart(names, series[:series_count])
    with Image.open(BytesIO(chart.png)) as picture:
        assert np.array_equal(np.asarray(picture.convert("RGBA")), chart.pixels)
    figure = Figure(figsize=(5, 5), dpi=100, facecolor="white")
    canvas = FigureCanvasAgg(figure)
    figure.figimage(chart.pixels, origin="upper")
    canvas.draw()
    assert np.array_equal(np.asarray(canvas.buffer_rgba()), chart.pixels)
    saved = BytesIO()
    figure.savefig(saved, format="png", metadata={"Software": None})
    assert saved.getvalue() == chart.png
