"""The shape of the code, checked: the rules docs/architecture.md describes hold in every file.

- The functional core (`recruit/domain/`) imports nothing of the web app: no Flask,
  SQLAlchemy or Werkzeug, and nothing from `recruit` outside `recruit.domain`.
- Every module of the core sits in a package named for what it is about: no module lies
  loose in `recruit/domain/` beside its `__init__`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECRUIT = ROOT / "recruit"
DOMAIN = RECRUIT / "domain"
WEB_FRAMEWORK = {"flask", "flask_sqlalchemy", "flask_login", "flask_wtf", "sqlalchemy", "werkzeug"}


def imported_modules(path: Path) -> Iterator[str]:
    """Every module ``path`` imports, absolute (relative imports resolved from its package)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            prefix = ".".join(base) if node.level else ""
            module = node.module or ""
            yield f"{prefix}.{module}".strip(".") if node.level else module


DOMAIN_MODULES = sorted(DOMAIN.rglob("*.py"))


@pytest.mark.parametrize("module", DOMAIN_MODULES, ids=lambda p: str(p.relative_to(DOMAIN)))
def test_the_domain_imports_nothing_of_the_web_app(module: Path) -> None:
    imported = list(imported_modules(module))
    framework = [name for name in imported if name.split(".")[0] in WEB_FRAMEWORK]
    outside = [
        name
        for name in imported
        if name.split(".")[0] == "recruit" and not name.startswith("recruit.domain")
    ]
    assert framework == [] and outside == []


def test_every_domain_module_sits_in_a_package() -> None:
    loose = [path.name for path in DOMAIN.glob("*.py") if path.name != "__init__.py"]
    assert loose == []
    packages_without_init = [
        str(folder.relative_to(DOMAIN))
        for folder in DOMAIN.rglob("*")
        if folder.is_dir()
        and folder.name != "__pycache__"
        and not (folder / "__init__.py").exists()
    ]
    assert packages_without_init == []


def test_the_checks_see_the_whole_domain() -> None:
    # A check over no files passes whatever the code does: make sure these found the core.
    assert len(DOMAIN_MODULES) > 80
    assert any("flask" in name for name in imported_modules(RECRUIT / "__init__.py"))
