"""The day's timetable in the chair's pack: every panel held on the stage's date, by time.

On an assessment day the candidates move between panels in a carousel; the chair sees
which candidate is where at each time, any panel whose times are still to be confirmed,
and any clash to put right before the day.
"""

from __future__ import annotations

from recruit.domain.adverts.draft import format_govuk_date
from recruit.domain.documents.interview_pack.model import PackContext
from recruit.domain.documents.word.writer import PackWriter, one_line
from recruit.domain.timetable import DayGrid

DAY_TIMETABLE_HEADING = "The day's timetable"
TIME_COLUMN_SHARE = 0.2


def write_day_timetable(writer: PackWriter, context: PackContext) -> None:
    """The chair's only; nothing when the stage has its date to itself."""
    grid = context.day_timetable
    if not context.is_chair or grid is None:
        return
    writer.heading(DAY_TIMETABLE_HEADING, 2)
    writer.paragraph(
        f"Every panel on {format_govuk_date(grid.held_on)}, and which candidate is where:",
        keep_with_next=True,
    )
    if grid.panels:
        _grid_table(writer, grid)
    for name, order in grid.unconfirmed:
        writer.paragraph(
            f"{one_line(name)}: times to be confirmed. Candidates in this order: "
            f"{', '.join(one_line(label) for label in order)}."
        )
    if grid.clashes:
        writer.paragraph("Put these clashes right before the day:", keep_with_next=True)
        writer.bullets([f"{clash.description}." for clash in grid.clashes])


def _grid_table(writer: PackWriter, grid: DayGrid) -> None:
    share = (1 - TIME_COLUMN_SHARE) / len(grid.panels)
    writer.table(
        ("Time", *(one_line(name) for name in grid.panels)),
        [(row.time_label, *(one_line(cell) for cell in row.cells)) for row in grid.rows],
        (TIME_COLUMN_SHARE, *(share,) * len(grid.panels)),
        caption=DAY_TIMETABLE_HEADING,
        keep_together=True,
    )
