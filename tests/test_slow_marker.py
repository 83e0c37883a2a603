"""The quick loop (-m "not slow") leaves out exactly the Hypothesis and LibreOffice tests."""

from __future__ import annotations

import shutil

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import _is_slow


@given(st.integers())
def _a_hypothesis_test(number: int) -> None:
    assert isinstance(number, int)


def _calls_a_hypothesis_helper() -> None:
    _a_hypothesis_test()


def _converts_with_libreoffice() -> str | None:
    return shutil.which("soffice")


def _calls_the_converter() -> None:
    _converts_with_libreoffice()


def _plain() -> int:
    return len("nothing slow here")


def test_hypothesis_tests_and_their_callers_are_slow() -> None:
    assert _is_slow(_a_hypothesis_test)
    assert _is_slow(_calls_a_hypothesis_helper)


def test_libreoffice_tests_and_their_callers_are_slow() -> None:
    assert _is_slow(_converts_with_libreoffice)
    assert _is_slow(_calls_the_converter)


def test_other_tests_are_not_slow() -> None:
    assert not _is_slow(_plain)
