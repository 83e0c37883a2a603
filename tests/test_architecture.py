"""The shape of the code, checked: the rules docs/architecture.md describes hold in every file.

- The functional core (`recruit/domain/`) imports nothing of the web app: no Flask,
  SQLAlchemy or Werkzeug, and nothing from `recruit` outside `recruit.domain`.
- Every module of the core sits in a package named for what it is about: no module lies
  loose in `recruit/domain/` beside its `__init__`.
- Each feature package makes its blueprint in `__init__` and imports every route module;
  no route module imports another, and no module imports another's `_private` name.
- Only the Word toolkit (`recruit/domain/documents/word/`) opens or saves a Word document.
- No bulk UPDATE, DELETE or INSERT statement writes a table a stage's results come from:
  writes go through the session, which raises the stage's results version.
"""

from __future__ import annotations

import ast
import re
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


def imported_names(path: Path) -> Iterator[tuple[str, str]]:
    """Each ``from module import name`` in ``path`` as (module, name), relative ones resolved."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
            module = f"{base}.{node.module or ''}".strip(".") if node.level else node.module or ""
            yield from ((module, alias.name) for alias in node.names)
        elif isinstance(node, ast.Import):
            yield from ((alias.name, "") for alias in node.names)


def dotted(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


ROUTE_MODULES = sorted(
    path
    for path in RECRUIT.rglob("*.py")
    if path.name == "routes.py" or path.name.endswith("_routes.py")
)


def test_no_route_module_imports_another() -> None:
    # What two views share lives in the package's access.py or queries.py, never in a
    # route module, so one page's module never drags in another's views.
    route_names = {dotted(path) for path in ROUTE_MODULES}
    borrowed = [
        f"{dotted(path)} imports {module}{'.' + name if name else ''}"
        for path in ROUTE_MODULES
        for module, name in imported_names(path)
        if {module, f"{module}.{name}"} & (route_names - {dotted(path)})
    ]
    assert borrowed == []


def test_each_package_imports_its_route_modules() -> None:
    # The package's __init__ makes ``bp`` and imports every route module, so a new page
    # module cannot be left out of the app (create_app only registers ``bp``).
    missing = [
        dotted(path)
        for path in ROUTE_MODULES
        if (dotted(path.parent), path.stem) not in set(imported_names(path.parent / "__init__.py"))
    ]
    assert len(ROUTE_MODULES) > 15
    assert missing == []


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_module_imports_another_modules_private_names() -> None:
    borrowed: dict[tuple[str, str], list[str]] = {}
    for path in sorted(RECRUIT.rglob("*.py")):
        for module, name in imported_names(path):
            if module.startswith("recruit") and _is_private(name):
                borrowed.setdefault((str(path.relative_to(ROOT)), module), []).append(name)
    assert borrowed == {}


WORD_TOOLKIT = DOMAIN / "documents" / "word"


def test_only_the_word_toolkit_opens_or_saves_a_word_document() -> None:
    """Builders start from ``start_document`` and end with ``document_bytes``: python-docx's
    ``Document()`` and ``save`` are the toolkit's alone, so every export is set up alike."""
    outside = [
        str(path.relative_to(ROOT))
        for path in sorted(RECRUIT.rglob("*.py"))
        if WORD_TOOLKIT not in path.parents and _opens_or_saves_documents(path)
    ]
    assert outside == []


def _opens_or_saves_documents(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name == "docx" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.module == "docx":
            return True
        if _is_built_document_saved(node):
            return True
    return False


def _is_built_document_saved(node: ast.AST) -> bool:
    """``build_...(...).save(...)``: a document builder's result saved by hand."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return False
    built = node.func.value
    return (
        node.func.attr == "save"
        and isinstance(built, ast.Call)
        and isinstance(built.func, ast.Name)
        and built.func.id.startswith("build_")
    )


# Models whose rows feed a stage's results (recruit.results.snapshots.RESULTS_TABLES). The
# session raises a stage's results version for every write it flushes; a bulk UPDATE or
# DELETE statement bypasses that bookkeeping and would leave a stale snapshot standing.
RESULTS_MODELS = (
    "AgreedScore|Candidate|CandidateDecision|ConflictOfInterest|PanelSeat|PlanItem|Score"
    "|ScoreSheet|Stage"
)
BULK_WRITE = re.compile(rf"\b(?:update|delete|insert)\(\s*(?:{RESULTS_MODELS})\b")


def test_no_bulk_statement_writes_a_table_the_results_come_from() -> None:
    allowed = {RECRUIT / "results" / "snapshots.py"}  # raises the versions themselves
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted(RECRUIT.rglob("*.py"))
        if path not in allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if BULK_WRITE.search(line)
    ]
    assert not offenders, f"write through the session instead: {offenders}"


def test_the_bulk_write_check_knows_every_results_table() -> None:
    from recruit import models
    from recruit.results.snapshots import RESULTS_TABLES

    named = {getattr(models, name).__tablename__ for name in RESULTS_MODELS.split("|")}
    assert named == RESULTS_TABLES
