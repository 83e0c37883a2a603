"""The white margin trimmed off a chart in the Word summary, measured on known pictures."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image, ImageDraw

from recruit.domain.documents.scoring_summary_parts import _white_margins


def _png(mode: str, ink: tuple[int, ...], box: tuple[int, int, int, int]) -> bytes:
    white = (255,) * len(ink)
    picture = Image.new(mode, (200, 100), white)
    ImageDraw.Draw(picture).rectangle(box, fill=ink)
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("mode", "ink"),
    [("RGB", (0, 0, 0)), ("RGBA", (30, 90, 200, 255)), ("RGB", (255, 255, 200)), ("L", (0,))],
)
def test_margins_are_the_white_around_the_ink_less_a_border(mode, ink):
    # Ink from column 40 to 159 and row 10 to 69 of a 200 x 100 picture.
    left, top, right, bottom = _white_margins(_png(mode, ink, (40, 10, 159, 69)))
    assert (left, top, right, bottom) == pytest.approx((0.18, 0.08, 0.18, 0.28))


def test_near_white_is_margin_and_a_blank_or_damaged_picture_is_not_cropped():
    assert _white_margins(_png("RGB", (250, 250, 250), (40, 10, 159, 69))) == (0, 0, 0, 0)
    assert _white_margins(b"\x89PNG\r\n\x1a\n not really a picture") == (0, 0, 0, 0)
    assert _white_margins(b"") == (0, 0, 0, 0)


def test_ink_touching_the_edge_leaves_no_margin_there():
    left, top, right, bottom = _white_margins(_png("RGB", (0, 0, 0), (0, 0, 99, 99)))
    assert (left, top, right, bottom) == pytest.approx((0, 0, 0.48, 0))
