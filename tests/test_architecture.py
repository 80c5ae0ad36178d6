"""The layout rules that keep the house livable, checked on every run."""

import ast
from pathlib import Path

import briefer

PACKAGE = Path(briefer.__file__).parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_gui_package_imports_qt():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "gui" not in path.relative_to(PACKAGE).parts
        and any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in _imports(path))
    ]
    assert offenders == []


def test_inside_the_gui_only_the_qt_module_imports_pyside():
    offenders = [
        path.name
        for path in (PACKAGE / "gui").rglob("*.py")
        if path.name != "qt.py" and any(n.startswith("PySide6") for n in _imports(path))
    ]
    assert offenders == []


def test_dialect_specific_sql_lives_only_in_the_search_adapters():
    markers = ("fts5", "MATCH", "to_tsvector", "gin_trgm_ops", "PRAGMA", "FROM STDIN")
    allowed = {"search/sqlite_fts.py", "search/postgres.py", "store.py", "bulk.py", "cipher.py"}
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in allowed or rel.startswith("migrations/"):
            continue
        text = path.read_text(encoding="utf-8")
        offenders += [f"{rel}: {m}" for m in markers if m in text]
    assert offenders == []


def test_nothing_reads_the_shared_folder_at_run_or_test_time():
    root = PACKAGE.parent
    for folder in ("briefer", "tests"):
        for path in (root / folder).rglob("*.py"):
            if path.resolve() != Path(__file__).resolve():
                assert "../shared" not in path.read_text(encoding="utf-8"), path
