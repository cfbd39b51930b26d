"""The data flows one way (ARCHITECTURE.md): no layer imports a layer after it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"
# Each layer, and the packages and modules it must never import.
FORBIDDEN = {
    "data": ("domain", "charts", "routes", "http", "deps", "context", "templating", "main"),
    "domain": ("charts", "routes", "http", "deps", "context", "templating", "urls", "main"),
    "charts": ("routes", "http", "deps", "context", "templating", "main"),
    "http": ("domain", "charts", "routes", "deps", "context", "templating", "main"),
}


def imported_app_modules(path: Path) -> set[str]:
    """The first part of every ``app.`` module a file imports, relative imports resolved."""
    package = path.relative_to(APP.parent).with_suffix("").parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            parts = base + (node.module.split(".") if node.module else [])
            if parts[:1] == ["app"] and len(parts) > 1:
                found.add(parts[1])
            elif parts == ["app"]:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("app."))
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_layer_imports_a_later_one(layer: str) -> None:
    wrong = {
        f"{path.relative_to(APP.parent)} imports app.{module}"
        for path in sorted((APP / layer).rglob("*.py"))
        for module in imported_app_modules(path) & set(FORBIDDEN[layer])
    }
    assert not wrong, "\n".join(sorted(wrong))


def test_the_check_sees_relative_imports() -> None:
    """A guard on the guard: the routes do import the charts, and the check must see it."""
    assert "charts" in imported_app_modules(APP / "routes" / "charts.py")
    assert "domain" in imported_app_modules(APP / "charts" / "views.py")
