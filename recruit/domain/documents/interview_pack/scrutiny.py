"""What shortlisting scrutiny asked this stage's panel to explore, in its packs.

Safer recruitment has the panel explore with each candidate any gap in employment history
and any discrepancy found when the application was scrutinised. A point reaches only the
pack of the stage chosen to explore it: the section lists them by candidate for everyone on
the panel, and a scoring member's sheet for the candidate repeats them, where the member
looks during the interview.
"""

from __future__ import annotations

from collections.abc import Sequence

from recruit.domain.documents.interview_pack.model import PackContext, PackPoint
from recruit.domain.documents.word.writer import PackWriter, one_line

POINTS_HEADING = "Points to explore from the applications"
POINTS_INTRO = (
    "When the applications were scrutinised for shortlisting, these gaps in employment "
    "history and discrepancies were noted for this panel to explore. Ask about each in a "
    "neutral way and note the explanation: a satisfactory explanation is common, and a gap "
    "is not on its own a reason to mark a candidate down. Tell the HR adviser what you heard."
)


def write_points_to_explore(writer: PackWriter, context: PackContext) -> None:
    """The section, only when this stage has points to explore."""
    if not context.points_to_explore:
        return
    writer.heading(POINTS_HEADING, 1, new_page=True)
    writer.paragraph(POINTS_INTRO)
    for candidate, points in context.points_to_explore:
        writer.heading(one_line(candidate), 2)
        _write_points(writer, points)


def points_for(context: PackContext, candidate: str) -> tuple[PackPoint, ...]:
    return next((points for label, points in context.points_to_explore if label == candidate), ())


def write_sheet_points(writer: PackWriter, context: PackContext, candidate: str) -> None:
    """On a scoring sheet: the candidate's points, before the scores."""
    points = points_for(context, candidate)
    if points:
        writer.paragraph("From the application, explore:", keep_with_next=True)
        _write_points(writer, points)


def _write_points(writer: PackWriter, points: Sequence[PackPoint]) -> None:
    for point in points:
        heading = f"{point.kind_label}, {point.when}" if point.when else point.kind_label
        writer.paragraph(point.noted, label=f"{heading}:")
        writer.paragraph(point.to_explore, label="Explore:")
