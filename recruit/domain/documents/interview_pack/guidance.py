"""The front of an interview pack: cover, values and attributes, how to score, chairing, schedule.

Where young people sit on the panel the pack adds the facilitator's guide (preparing,
safeguarding, thanking and debriefing them), a school-hours warning above the schedule, and
the plain traffic light they judge answers by; the wording is HR's, from
``question_bank/young_people_panel.yaml``.

The scoring guidance restates the panel's rules from the research and from values-based
recruitment practice: independent scores first, evidence for every score, "no evidence"
kept apart from a low score, and formula before discussion.
"""

from __future__ import annotations

from itertools import accumulate

from recruit.domain.adverts.draft import format_govuk_date
from recruit.domain.documents.interview_pack.model import PackContext, PanelSeat
from recruit.domain.documents.interview_pack.young_people import TrafficLight
from recruit.domain.documents.word.writer import PackWriter, one_line, row_cells

NOT_SET = "Not set yet"
CHAIR_HEADING = "Chairing the panel"
VALUES_HEADING = "Our values and the five attributes"
SCORING_HEADING = "How to score"
ADVISER_SCORING_HEADING = "How the panel scores"
SCHEDULE_HEADING = "Schedule"
FACILITATORS_HEADING = "Supporting the young people's panel"
TRAFFIC_LIGHT_HEADING = "Traffic light: how to judge an answer"
SUPPORT_PERSON_LABEL = "Named support person:"
SUPPORT_PERSON_TO_BE_NAMED = "To be named by HR"
# Who answers for the young people's wellbeing on the day, in order of preference.
SUPPORT_ROLES = ("hr_adviser", "chair")
SUGGESTED_TIMES = (
    "These times are suggested: the start of the interview day has not been set yet. Check "
    "the times with the organiser."
)
CONFIDENTIAL = (
    "This pack is confidential. It holds candidates' personal information: keep it secure, "
    "do not copy or forward it, and return or destroy it when the panel has made its decision."
)
INDEPENDENCE = (
    "Score each candidate on your own, straight after the interview and before any discussion "
    "with the rest of the panel. Other members' scores stay hidden from you until you have "
    "submitted yours, and yours stay hidden from them, so that every score is one person's own "
    "judgement. A submitted score is locked: changing it later needs a reason, which is recorded."
)
EVIDENCE_NOTES = (
    "Write an evidence note for every score: what the candidate said or did that led you to it, "
    "in their words where you can. Note examples, actions and results, not impressions such as "
    "\u201cconfident\u201d or \u201cgood fit\u201d. The panel moderates from these notes, and a "
    "candidate can ask to see them."
)
NO_EVIDENCE = (
    "Tick \u201cNo evidence\u201d when the answer gave you nothing to judge, for example because "
    "the candidate misunderstood the question or ran out of time. It is not a score of 1 and is "
    "recorded apart from the scores. A score of 1 means there was evidence, and it was very weak "
    "or against: the candidate described behaviour that runs against the attribute."
)
DECISIVE = (
    "Some negative indicators are marked \u201c(decisive)\u201d. Hearing one is enough on its "
    "own to hold the score for that question at 1, however strong the rest of the answer. Say "
    "what you heard in your evidence note."
)
ADVISER_ROLE = (
    "You advise the panel and do not score. This pack has the questions, probes and guidance "
    "the members use, and no scoring sheets. Give your advice when the chair asks for it; the "
    "members score on their own first."
)
VALUES_FLOOR = (
    "Values-driven leadership is the foundation of the other four attributes. A low score on it "
    "makes a candidate not appointable, whatever the total, unless the panel records a reasoned "
    "override."
)


def write_cover(writer: PackWriter, context: PackContext, title: str) -> None:
    writer.heading(title, 1)
    writer.paragraph(f"{one_line(context.recipient)}, {reader(context)}", label="Prepared for:")
    if not context.recipient_scores:
        writer.paragraph(ADVISER_ROLE)
    writer.paragraph(CONFIDENTIAL)
    rows = [
        ("Organisation", one_line(context.organisation_name)),
        ("Vacancy", f"{one_line(context.vacancy_title)} ({one_line(context.role_level_name)})"),
        ("Innovation", one_line(context.innovation_name)),
        ("Stage", f"{one_line(context.stage_name)} ({one_line(context.stage_type_label)})"),
        ("Date", stage_date_text(context)),
        ("Duration", duration_text(context.stage_duration_minutes)),
        ("Prepared for", one_line(context.recipient)),
    ]
    writer.table(None, rows, (0.28, 0.72), caption="About this interview", bold_first_column=True)
    writer.heading("The panel", 2)
    if not context.panel:
        writer.paragraph("No panel members have been added yet.")
        return
    seats = [(one_line(seat.name), one_line(seat.panel_role_label)) for seat in context.panel]
    writer.table(("Name", "Role on the panel"), seats, (0.5, 0.5), caption="The panel")


def reader(context: PackContext) -> str:
    """Who the pack is for, as the cover and the document's properties say it."""
    if context.is_chair:
        return "chair of the panel"
    return "panel member" if context.recipient_scores else "adviser to the panel"


def stage_date_text(context: PackContext) -> str:
    return format_govuk_date(context.stage_date) if context.stage_date else NOT_SET


def duration_text(minutes: int | None) -> str:
    if minutes is None:
        return NOT_SET
    return f"{minutes} minute{'' if minutes == 1 else 's'}"


def write_values(writer: PackWriter, context: PackContext) -> None:
    writer.heading(VALUES_HEADING, 1, new_page=True)
    innovation = one_line(context.innovation_name)
    if context.innovation_values:
        writer.paragraph(
            f"The post leads {innovation}. Listen for how candidates hold these values:",
            keep_with_next=True,
        )
        writer.bullets(context.innovation_values)
    writer.heading("The five attributes", 2)
    writer.paragraph(
        "The research behind these questions found five attributes in the leaders of councils "
        "that run the innovation well. Each question tests one of them."
    )
    for name, summary in context.attributes:
        writer.heading(name, 3)
        writer.paragraph(summary)


def write_scoring_guidance(writer: PackWriter, context: PackContext) -> None:
    heading = SCORING_HEADING if context.recipient_scores else ADVISER_SCORING_HEADING
    writer.heading(heading, 1, new_page=True)
    writer.heading("The scale", 2)
    who = "Score" if context.recipient_scores else "Members score"
    writer.paragraph(
        f"{who} each answer from 1 to 5 against that question's descriptors. In general:",
        keep_with_next=True,
    )
    scale = [
        (str(score), one_line(label), description)
        for score, label, description in context.rating_scale
    ]
    header = ("Score", "Level", "What it means")
    writer.table(header, scale, (0.12, 0.23, 0.65), caption="The scale", keep_together=True)
    for heading, text in _scoring_rules(context):
        writer.heading(heading, 2)
        writer.paragraph(text)
    writer.heading("How scores are combined", 2)
    if context.weights:
        writer.paragraph(
            "Scores are combined by formula first, with these weights, and only then discussed:",
            keep_with_next=True,
        )
        weights = [(one_line(name), f"{percent}%") for name, percent in context.weights]
        writer.table(
            ("Attribute", "Weight"), weights, (0.75, 0.25), caption="Weights", keep_together=True
        )
    else:
        writer.paragraph("Scores are combined by formula first, and only then discussed.")
    writer.paragraph(VALUES_FLOOR)


def _scoring_rules(context: PackContext) -> list[tuple[str, str]]:
    """The rules as headings and text; an adviser, who does not score, is told so instead of
    being told how to score on their own."""
    if context.recipient_scores:
        own = [
            ("Score on your own first", INDEPENDENCE),
            ("Write evidence notes for every score", EVIDENCE_NOTES),
        ]
    else:
        own = [("You advise and do not score", ADVISER_ROLE)]
    return [
        *own,
        ("\u201cNo evidence\u201d is not a score of 1", NO_EVIDENCE),
        ("Decisive negative indicators", DECISIVE),
    ]


def write_chairing(writer: PackWriter, context: PackContext) -> None:
    """Only in the chair's pack: running the interview to time and the moderation rules."""
    writer.heading(CHAIR_HEADING, 1, new_page=True)
    writer.paragraph("This section is in the chair's pack only.")
    _write_timekeeping(writer, context)
    writer.heading("Running each interview", 2)
    writer.paragraph(
        "Welcome the candidate and introduce the panel. Invite members to ask their questions "
        "in this order:",
        keep_with_next=True,
    )
    writer.bullets([f"{one_line(s.name)} ({one_line(s.panel_role_label)})" for s in context.panel])
    writer.paragraph("During the interview:", keep_with_next=True)
    writer.bullets(
        [
            "Ask each question as written, so that every candidate hears the same words.",
            "Use the probes to draw out evidence, not to lead the candidate to an answer.",
            "Say when time is up for a question and move on.",
            "Leave time for the candidate's own questions, and tell them what happens next.",
        ]
    )
    writer.heading("After each interview", 2)
    writer.bullets(
        [
            "Ask every member to score on their own, with evidence notes, before anyone "
            "discusses the candidate.",
            "Moderation opens only after every member has submitted. Until then no one sees "
            "anyone else's scores.",
            "Start from the formula result, then discuss each attribute where scores differ by "
            "2 points or more, and any attribute no one assessed.",
            "Record the reason for every change the panel agrees: who changed what, when and why.",
            "Record the panel's reasons if it overrides the values floor.",
        ]
    )


def _write_timekeeping(writer: PackWriter, context: PackContext) -> None:
    writer.heading("Keeping time", 2)
    minutes = [question.minutes for question in context.questions]
    total = sum(minutes)
    planned = context.stage_duration_minutes
    against = f", against {duration_text(planned)} planned" if planned else ""
    writer.paragraph(f"The questions take {duration_text(total)}{against}.", keep_with_next=True)
    rows = [
        (f"Question {q.number}", one_line(q.attribute_name), str(q.minutes), str(finish))
        for q, finish in zip(context.questions, accumulate(minutes), strict=True)
    ]
    header = ("Question", "Attribute", "Minutes", "Move on at minute")
    widths = (0.17, 0.5, 0.14, 0.19)
    writer.table(header, rows, widths, caption="Time for each question", keep_together=True)
    if planned and total > planned:
        writer.paragraph(
            "That is more than the time planned: agree before the first interview which probes "
            "to leave out."
        )


def write_schedule(writer: PackWriter, context: PackContext) -> None:
    writer.heading(SCHEDULE_HEADING, 1)
    if not context.schedule:
        writer.paragraph("The schedule has not been set yet.")
        return
    if context.school_hours_warning:
        writer.paragraph(context.school_hours_warning, label="Warning:")
    if context.school_hours_agreed:
        writer.paragraph(context.school_hours_agreed, label="School hours:")
    when = f"Interviews on {format_govuk_date(context.stage_date)}" if context.stage_date else ""
    writer.paragraph(f"{when or 'Interview times'}, in order:", keep_with_next=True)
    if context.schedule_is_suggested:
        writer.paragraph(SUGGESTED_TIMES, keep_with_next=True)
    slots = [(one_line(s.time_label), one_line(s.candidate_label)) for s in context.schedule]
    time_header = "Suggested time" if context.schedule_is_suggested else "Time"
    table = writer.table((time_header, "Candidate"), slots, (0.3, 0.7), caption="Schedule")
    for row, slot in zip(table.rows[1:], context.schedule, strict=True):
        if slot.is_break:
            for cell in row_cells(row):
                for run in cell.paragraphs[0].runs:
                    run.italic = True


def support_person(panel: tuple[PanelSeat, ...]) -> str:
    """The young people's named support person: the stage's HR adviser, else its chair (a
    member stood down is passed over), e.g. "Priya Shah (HR adviser)"."""
    for role in SUPPORT_ROLES:
        seat = next((s for s in panel if s.panel_role == role and not s.stood_down), None)
        if seat is not None:
            return f"{one_line(seat.name)} ({one_line(seat.panel_role_label)})"
    return SUPPORT_PERSON_TO_BE_NAMED


def write_facilitators_guide(writer: PackWriter, context: PackContext) -> None:
    """In every pack of a stage with young people on its panel: how the adults prepare,
    safeguard, thank and debrief them."""
    guide = context.young_people_guide
    if guide is None or not context.young_people_on_panel:
        return
    writer.heading(FACILITATORS_HEADING, 1, new_page=True)
    writer.paragraph(guide.facilitators_introduction)
    for section in guide.facilitators_guide:
        writer.heading(section.heading, 2)
        if section.key == "safeguarding":
            writer.paragraph(support_person(context.panel), label=SUPPORT_PERSON_LABEL)
        writer.bullets(section.points)


def traffic_light_rows(light: TrafficLight) -> list[tuple[str, str]]:
    return [("Green", light.green), ("Amber", light.amber), ("Red", light.red)]


def write_traffic_light_table(writer: PackWriter, light: TrafficLight, caption: str) -> None:
    header = ("Colour", "What it means")
    rows = traffic_light_rows(light)
    writer.table(header, rows, (0.16, 0.84), caption=caption, keep_together=True)
    writer.paragraph(light.write_why)


def shows_traffic_light(context: PackContext) -> bool:
    """A young person's pack, and the chair's where young people sit on the panel."""
    if context.young_people_guide is None:
        return False
    return context.use_young_people_wording or (context.is_chair and context.young_people_on_panel)


def write_traffic_light(writer: PackWriter, context: PackContext) -> None:
    """The plain guide before the scoring sheets; the sheets stay as they are, since adults
    on the panel may still score 1 to 5."""
    if context.young_people_guide is None or not shows_traffic_light(context):
        return
    light = context.young_people_guide.traffic_light
    writer.heading(TRAFFIC_LIGHT_HEADING, 1, new_page=True)
    writer.paragraph(light.introduction, keep_with_next=True)
    write_traffic_light_table(writer, light, "Traffic light")
