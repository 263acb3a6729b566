"""View models may use QtCore only: widgets and painting belong to ui/."""

from __future__ import annotations

import ast
from pathlib import Path

VIEWMODELS = Path(__file__).resolve().parent.parent / "pos_app" / "viewmodels"
ALLOWED_QT = {"PySide6", "PySide6.QtCore"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "PySide6":
                names.update(f"PySide6.{alias.name}" for alias in node.names)
    return names


def test_view_models_import_qtcore_only() -> None:
    offenders = {
        f"{path.name}: {name}"
        for path in VIEWMODELS.glob("*.py")
        for name in _imports(path)
        if name.startswith("PySide6") and name not in ALLOWED_QT
    }
    assert not offenders, f"view models import more than QtCore: {sorted(offenders)}"


def test_view_models_do_not_reach_the_store() -> None:
    offenders = {
        f"{path.name}: {name}"
        for path in VIEWMODELS.glob("*.py")
        for name in _imports(path)
        if name.startswith(("pos_app.store", "sqlalchemy", "pos_app.ui"))
    }
    assert not offenders, f"view models go past the services: {sorted(offenders)}"


def test_schema_head_constant_matches_the_migrations() -> None:
    from pos_app.store.migrate import SCHEMA_HEAD, head_revision

    assert head_revision() == SCHEMA_HEAD
