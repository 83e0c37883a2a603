"""Who signs, and who is listed as having advised: shared by the panel scoring summary and the
DCS briefing pack, so both say the same about who decided.

Officers advise an appointing panel and do not decide (the standing orders for a chief officer
appointment), so advisers get a list of their own with no signature line: a signature beside
the members' would read as a share in the decision.
"""

from __future__ import annotations

from collections.abc import Sequence

from recruit.domain.documents.scoring_summary.model import SignOff
from recruit.domain.documents.scoring_summary.parts import heading
from recruit.domain.documents.word.writer import PackWriter, one_line

ADVISED_BY_HEADING = "Advised by"
ADVISED_BY_HEADER = ("Name", "Role")
ADVISED_BY_NOTE = "These officers advised the panel. They did not score or decide, so do not sign."
EXECUTIVE_MEMBER = "Councillor, executive member"
COUNCILLOR = "Councillor"
NOT_A_COUNCILLOR = "Not a councillor"
# Longer than any real name or role: a pasted essay must not fill the table.
_LABEL_LIMIT = 200


def member_text(person: SignOff) -> str:
    """Whether the person is an elected member, and one on the executive."""
    if person.executive_member:
        return EXECUTIVE_MEMBER
    return COUNCILLOR if person.councillor else NOT_A_COUNCILLOR


def merged_roles(people: Sequence[SignOff]) -> list[tuple[SignOff, str]]:
    """One entry per person, in order, with every role they hold joined: a chair of two
    stages appears once, "Chair, Stage 1; Chair, Stage 2". Entries with no name stay apart."""
    found: list[tuple[SignOff, list[str]]] = []
    for person in people:
        name, role = one_line(person.name), one_line(person.role)
        held = next(
            (roles for known, roles in found if name and one_line(known.name) == name), None
        )
        if held is None:
            found.append((person, [role]))
        elif role not in held:
            held.append(role)
    return [(person, "; ".join(role for role in roles if role)) for person, roles in found]


def write_advisers(writer: PackWriter, advisers: Sequence[SignOff], heading_level: int) -> None:
    """The advisers, under their own heading, with no signature column; nothing when none."""
    if not advisers:
        return
    heading(writer, ADVISED_BY_HEADING, heading_level)
    writer.paragraph(ADVISED_BY_NOTE, keep_with_next=True)
    rows = [(_short(person.name), _short(role)) for person, role in merged_roles(advisers)]
    writer.table(
        ADVISED_BY_HEADER, rows, (0.4, 0.6), caption=ADVISED_BY_HEADING, keep_together=True
    )


def _short(text: str) -> str:
    line = one_line(text)
    return line if len(line) <= _LABEL_LIMIT else line[: _LABEL_LIMIT - 1].rstrip() + "\u2026"
