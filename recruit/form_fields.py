"""Form fields whose own parsing errors say what to do, as GOV.UK error messages should."""

from __future__ import annotations

from typing import Any

from wtforms import IntegerField


class WholeNumberField(IntegerField):
    """An integer field whose 'not a number' error is the message given, not WTForms' default."""

    def __init__(self, *args: Any, invalid_message: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.invalid_message = invalid_message

    def process_formdata(self, valuelist: list[Any]) -> None:
        try:
            super().process_formdata(
                [value.strip() if isinstance(value, str) else value for value in valuelist]
            )
        except ValueError as error:
            raise ValueError(self.invalid_message) from error
