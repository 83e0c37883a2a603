"""The import's caps against a real vacancy: the demo's campaign exports far inside each
of them, and imports again."""

from __future__ import annotations

import json
import re

from sqlalchemy import select

from recruit.cli.demo import DEMO_VACANCY_TITLE
from recruit.domain.interchange.reading import MAX_DEPTH, MAX_FILE_BYTES, MAX_NUMBER_CHARACTERS
from recruit.extensions import db
from recruit.models import Vacancy
from tests.web.test_vacancy_interchange import run_import

# A number outside a string: what parse_int and parse_float see.
NUMBER = re.compile(rb"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


def test_the_demo_export_is_far_inside_every_cap_and_imports(app, tmp_path):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo"]).exit_code == 0
    vacancy = db.session.scalars(select(Vacancy).where(Vacancy.title == DEMO_VACANCY_TITLE)).one()
    path = tmp_path / "demo.json"
    result = runner.invoke(args=["vacancy", "export", str(vacancy.id), "--out", str(path)])
    assert result.exit_code == 0, result.output
    data = path.read_bytes()
    document = json.loads(data)
    assert len(document["stages"]) == 3 and len(document["candidates"]) == 6
    assert 100 * len(data) < MAX_FILE_BYTES
    assert 3 * _depth(document) < MAX_DEPTH
    numbers = NUMBER.findall(STRING.sub(b'""', data))
    assert 2 * max(map(len, numbers)) < MAX_NUMBER_CHARACTERS
    imported = run_import(runner, path)
    assert imported.exit_code == 0, imported.output
