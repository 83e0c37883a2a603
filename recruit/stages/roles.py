"""Which stage of a vacancy decides: one deciding stage, the others advisory.

The deciding stage's moderated outcome is the decision and its figures are the only ones
totalled and ranked; advisory stages report beside it (``domain.scoring.combine_stages``).
A stage's role is frozen once anyone has submitted scores at it, like its weights: changing
it then would move every total without a recorded reason.
"""

from __future__ import annotations

from recruit.models import DECIDING_BY_DEFAULT, Stage, StageRole, StageType, Vacancy
from recruit.results import sheets


def deciding_stage(vacancy: Vacancy, *, other_than: Stage | None = None) -> Stage | None:
    """The vacancy's deciding stage, leaving out ``other_than``; None if there is none."""
    return next(
        (
            stage
            for stage in vacancy.stages
            if stage.role is StageRole.DECIDING and stage is not other_than
        ),
        None,
    )


def chosen_role(
    answer: str | None, stage_type: StageType, vacancy: Vacancy, stage: Stage | None
) -> StageRole:
    """The role the form asks for; left blank, the stage keeps its role, and a new stage
    decides if its type usually does and no other stage decides already."""
    if answer:
        return StageRole(answer)
    if stage is not None:
        return stage.role
    if stage_type in DECIDING_BY_DEFAULT and deciding_stage(vacancy) is None:
        return StageRole.DECIDING
    return StageRole.ADVISORY


def role_problem(role: StageRole, vacancy: Vacancy, stage: Stage | None) -> str | None:
    """Why the stage cannot take ``role``, in words for the form; None if it can."""
    if stage is not None and role is not stage.role and sheets.scoring_started(stage):
        return (
            "The panel has submitted scores at this stage, so whether it decides or advises "
            "can no longer change"
        )
    other = deciding_stage(vacancy, other_than=stage)
    if role is StageRole.DECIDING and other is not None:
        return (
            f"Only one stage makes the decision, and ‘{other.name}’ already does: make that "
            "stage advisory first, or choose advisory here"
        )
    return None
