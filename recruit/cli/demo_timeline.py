"""The demo campaign's calendar: every day it records, counted back from the day it is loaded.

The demo is loaded on any day, so its days are working days (Monday to Friday; bank holidays
are not counted, as the app's objection period does not count them) before that day, in the
order a council's campaign runs: advert, closing date, shortlist, the assessment day (the
young people's and stakeholder panels side by side, the candidates moving between them),
the appointment panel, the decision the next day, the notice to the executive the day
after, the objection period, then the offer. Nothing is in the future.
Times are UK times of day, stored as UTC like every time the app records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from recruit.domain.decisions import DEFAULT_OBJECTION_DAYS, objection_deadline
from recruit.domain.documents.interview_pack.timetable import SCORING_GAP_MINUTES
from recruit.presentation import UK_TIME

SATURDAY = 5
# The stages by name (``demo_interviews.DEMO_STAGES``): when each day's first interview starts.
# The appointment panel interviews only the final shortlist, so its stage records no start:
# the interview pack would time a slot for all six candidates.
YOUNG_PEOPLE = "Young people's panel"
STAKEHOLDERS = "Stakeholder panel"
APPOINTMENT = "Appointment panel"
FIRST_INTERVIEW = {YOUNG_PEOPLE: time(9, 30), STAKEHOLDERS: time(9, 30), APPOINTMENT: time(10, 0)}
RECORDED_STARTS = frozenset({YOUNG_PEOPLE, STAKEHOLDERS})
# The assessment day's carousel: both panels keep the same hour-long slots, so a candidate
# leaving one panel walks to the other, with lunch after the third.
ASSESSMENT_DAY_SLOT_MINUTES = 60
ASSESSMENT_DAY_BREAK_MINUTES = 45


def is_working_day(day: date) -> bool:
    return day.weekday() < SATURDAY


def working_days_before(day: date, count: int) -> date:
    """The working day ``count`` working days before ``day``."""
    while count > 0:
        day -= timedelta(days=1)
        count -= is_working_day(day)
    return day


def working_days_after(day: date, count: int) -> date:
    """The working day ``count`` working days after ``day``."""
    while count > 0:
        day += timedelta(days=1)
        count -= is_working_day(day)
    return day


def next_working_day(day: date) -> date:
    return working_days_after(day, 1)


def uk_time(day: date, hour: int, minute: int = 0) -> datetime:
    """The UTC moment of ``hour:minute`` UK time on ``day``: 14:00 in July is 13:00 UTC."""
    return datetime.combine(day, time(hour, minute), tzinfo=UK_TIME).astimezone(UTC)


def later(moment: datetime, minutes: int) -> datetime:
    return moment + timedelta(minutes=minutes)


@dataclass(frozen=True)
class DemoTimeline:
    """The day the demo is loaded, then the campaign's days, oldest first."""

    today: date
    vacancy_created: date  # the vacancy set up and its advert drafted and finished
    profile_shared: date  # the outgoing DCS shares her profile and asks three colleagues
    closing_date: date  # the last day to apply
    shortlisted: date  # HR adds the six candidates shortlisted
    target_set: date  # the appointment panel's target levels, before any interview
    plans_issued: date
    young_peoples_panel: date  # the assessment day: both advisory panels
    stakeholder_panel: date
    final_shortlist: date  # three taken forward after the advisory panels
    appointment_panel: date
    decision_recorded: date  # recorded and confirmed by the three councillors
    executive_notified: date
    objection_deadline: date  # by the app's own rule, from the notice
    offer_made: date  # the working day after the objection period ends

    def stage_day(self, stage_name: str) -> date:
        return {
            YOUNG_PEOPLE: self.young_peoples_panel,
            STAKEHOLDERS: self.stakeholder_panel,
            APPOINTMENT: self.appointment_panel,
        }[stage_name]

    def interview_starts(self, stage_name: str, slot: int, interview_minutes: int) -> datetime:
        """When the ``slot``-th interview of the stage's day starts (0: the first), one
        after another with the pack's scoring gap after each."""
        first = FIRST_INTERVIEW[stage_name]
        start = uk_time(self.stage_day(stage_name), first.hour, first.minute)
        return later(start, slot * (interview_minutes + SCORING_GAP_MINUTES))

    def day_ends(self, stage_name: str, interviews: int, interview_minutes: int) -> datetime:
        """When the last interview's scoring gap ends: moderation opens after it."""
        return self.interview_starts(stage_name, interviews, interview_minutes)


def demo_timeline(today: date | None = None) -> DemoTimeline:
    """The calendar for a demo loaded on ``today`` (by default the real today)."""
    today = today or date.today()
    appointment_panel = working_days_before(today, 15)  # three weeks ago
    stakeholder_panel = working_days_before(today, 25)  # five weeks ago: the assessment day
    closing_date = working_days_before(today, 35)  # seven weeks ago
    decision_recorded = next_working_day(appointment_panel)
    executive_notified = next_working_day(decision_recorded)
    deadline = objection_deadline(executive_notified, DEFAULT_OBJECTION_DAYS)
    return DemoTimeline(
        today=today,
        vacancy_created=working_days_before(today, 50),  # ten weeks ago
        profile_shared=working_days_before(today, 45),
        closing_date=closing_date,
        shortlisted=working_days_after(closing_date, 3),
        target_set=working_days_after(closing_date, 5),
        plans_issued=working_days_after(closing_date, 6),
        young_peoples_panel=stakeholder_panel,
        stakeholder_panel=stakeholder_panel,
        final_shortlist=next_working_day(stakeholder_panel),
        appointment_panel=appointment_panel,
        decision_recorded=decision_recorded,
        executive_notified=executive_notified,
        objection_deadline=deadline,
        offer_made=next_working_day(deadline),
    )
