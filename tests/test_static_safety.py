"""Checks on the code itself: SQL only through the ORM or bound parameters (security item 12),
and no personal data in URLs or browser storage (item 24)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "recruit").rglob("*.py"))
# SQL text the app sends itself, with no user data in it: SQLite pragmas and the
# transaction mode, built from module constants (recruit/database.py).
ALLOWED_SQL_TEXT = {("database.py", "PRAGMA"), ("database.py", "BEGIN")}


def _string_sql_calls(path: Path) -> list[tuple[int, str]]:
    """Calls to execute/exec_driver_sql whose first argument is built text, not a statement."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in ("execute", "exec_driver_sql", "executescript") or not node.args:
            continue
        argument = node.args[0]
        if isinstance(argument, ast.Constant | ast.JoinedStr | ast.BinOp):
            text = ast.unparse(argument)
            found.append((node.lineno, text))
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_sql_goes_through_the_orm_or_bound_parameters(path):
    offending = [
        (line, text)
        for line, text in _string_sql_calls(path)
        if not any(path.name == name and word in text for name, word in ALLOWED_SQL_TEXT)
    ]
    assert not offending, f"{path}: SQL built as text at {offending}"


def test_sqlalchemy_text_is_never_imported():
    for path in SOURCES:
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
                names = {alias.name for alias in node.names}
                assert "text" not in names, f"{path} imports sqlalchemy.text"


def test_routes_take_ids_not_personal_data(app):
    for rule in app.url_map.iter_rules():
        for name in rule.arguments - {"filename"}:  # static files and assets
            assert not any(word in name for word in ("email", "name", "phone")), (
                f"{rule.rule} puts {name} in the URL"
            )


def test_no_browser_storage_in_scripts():
    for script in (ROOT / "recruit" / "static").rglob("*.js"):
        text = script.read_text()
        for api in ("localStorage", "sessionStorage", "indexedDB", "document.cookie"):
            assert api not in text, f"{script} uses {api}"
