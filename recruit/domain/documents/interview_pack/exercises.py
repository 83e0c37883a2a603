"""The exercises in a stage's plan, in its packs: each printed once, before the questions.

An exercise is scored once per attribute it assesses, and those lines sit among the
questions with their descriptors; this section gives the panel what runs the exercise: the
content note first where there is one, the brief the candidate had (and whether it was sent
in advance), how to run it, and the materials. A young people's activity is not scored: its
section adds what the young people look for and ask, and the colours they choose from.
"""

from __future__ import annotations

from recruit.domain.documents.interview_pack.model import (
    PackActivity,
    PackContext,
    PackExercise,
)
from recruit.domain.documents.word.writer import PackWriter, one_line

EXERCISES_HEADING = "Exercises"
EXERCISES_INTRO = (
    "Run each exercise as its brief for the panel says. Its scores are among the questions "
    "that follow: one line for each attribute it assesses, each with its own descriptors."
)


ACTIVITIES_INTRO = (
    "A young people's activity is not scored. After each candidate, each young person "
    "chooses a colour on their own before anyone talks, then says why; the chair records "
    "the colours and the reasons in the panel's report to the deciding panel."
)


def write_exercises(writer: PackWriter, context: PackContext) -> None:
    if not context.exercises:
        return
    writer.heading(EXERCISES_HEADING, 1, new_page=True)
    if any(exercise.activity is None for exercise in context.exercises):
        writer.paragraph(EXERCISES_INTRO)
    if any(exercise.activity is not None for exercise in context.exercises):
        writer.paragraph(ACTIVITIES_INTRO)
    for exercise in context.exercises:
        _write_exercise(writer, exercise)
        if exercise.activity is not None:
            _write_activity(writer, exercise.activity)


def _write_exercise(writer: PackWriter, exercise: PackExercise) -> None:
    writer.heading(one_line(exercise.title), 2)
    if exercise.content_note:
        writer.paragraph(exercise.content_note, label="Content note:")
    writer.paragraph(exercise.kind_label, label="Kind:")
    writer.paragraph("; ".join(exercise.attribute_names), label="Assesses:")
    writer.paragraph(timing_text(exercise), label="Time:")
    writer.heading("The candidate's brief", 3)
    writer.paragraph(exercise.candidate_brief)
    writer.heading("Running the activity" if exercise.activity else "Running the exercise", 3)
    writer.paragraph(exercise.assessor_brief)
    if exercise.materials:
        writer.heading("Materials", 3)
        writer.bullets(exercise.materials)


def _write_activity(writer: PackWriter, activity: PackActivity) -> None:
    for heading, lines in (
        ("What good looks like", activity.what_good_looks_like),
        ("What would worry us", activity.worries),
        ("Questions to follow up", activity.follow_up_questions),
    ):
        if lines:
            writer.heading(heading, 3)
            writer.bullets(lines)
    if activity.traffic_light:
        writer.heading("Choosing a colour", 3)
        for colour, meaning in activity.traffic_light:
            writer.paragraph(meaning, label=f"{colour}:")
        if activity.why_prompt:
            writer.paragraph(activity.why_prompt, label="Then say why:")


def timing_text(exercise: PackExercise) -> str:
    """ "30 minutes, with 60 to prepare; the brief is sent to candidates in advance"."""
    text = f"{exercise.minutes} minutes"
    if exercise.preparation_minutes:
        text += f", with {exercise.preparation_minutes} to prepare"
    if exercise.brief_in_advance:
        text += "; the brief is sent to candidates in advance"
    else:
        text += "; the brief is given on the day"
    return text
