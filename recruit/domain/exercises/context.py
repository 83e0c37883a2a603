"""One exercise being checked: where it is, what it is, and how to word a problem with it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from recruit.domain.exercises.model import ExerciseKeys, ExerciseKind
from recruit.domain.exercises.schema import YOUNG_PEOPLE_FILE_STEM, ExerciseProblem
from recruit.domain.question_bank.yaml_source import LinedMapping, texts_in


@dataclass(frozen=True)
class ExerciseContext:
    file: str
    record: LinedMapping
    keys: ExerciseKeys

    @property
    def exercise_id(self) -> str:
        value = self.record.get("id")
        return value if isinstance(value, str) and value.strip() else "(no id)"

    @property
    def kind(self) -> ExerciseKind | None:
        value = self.record.get("kind")
        known = {kind.value: kind for kind in ExerciseKind}
        return known.get(value) if isinstance(value, str) else None

    @property
    def for_young_people(self) -> bool:
        return self.kind is ExerciseKind.YOUNG_PEOPLE_ACTIVITY

    @property
    def file_stem(self) -> str:
        return PurePosixPath(self.file).stem

    @property
    def in_young_people_file(self) -> bool:
        return self.file_stem == YOUNG_PEOPLE_FILE_STEM

    @property
    def attributes(self) -> list[str]:
        """The listed attributes that are known keys, in the order written."""
        return [key for key in texts_in(self.record.get("attributes")) if key in self.known]

    @property
    def known(self) -> tuple[str, ...]:
        return self.keys.attributes

    def text(self, field: str) -> str | None:
        value = self.record.get(field)
        return value if isinstance(value, str) else None

    def problem(self, field: str, message: str, line: int | None = None) -> ExerciseProblem:
        where = self.record.line_of(field) if line is None else line
        return ExerciseProblem(self.file, where, self.exercise_id, field, message)
