"""The layers as design.md draws them: nothing below ui/ imports Qt, and no module imports
itself through others, counting imports inside functions and those made only for types."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

QT_FREE = ("common", "archive", "render", "search", "capture", "integrity", "site", "userdata")

SCRIPT = f"""
import importlib, pkgutil, sys
sys.modules["PySide6"] = None
for name in {QT_FREE!r}:  # every module, present and future
    package = importlib.import_module("reader." + name)
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
import reader.snapshot
from reader.archive.archive import Archive
from reader.render.renderer import Renderer
archive = Archive.open(sys.argv[1])
Renderer(archive).html_for("coercive-diplomacy")
print("ok")
"""


def test_the_layers_below_ui_work_with_pyside6_blocked() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT / "content")],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.stdout.strip() == "ok", result.stderr


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Every reader module and the reader modules it names in any import statement."""
    files = {module_name(path): path for path in (ROOT / "reader").rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                    + ([base] if base else []))
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    targets.add(full if full in files else base)
        graph[name] = {target for target in targets if target in files and target != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*stack[stack.index(target):], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_module_imports_itself_through_others() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, " -> ".join(cycle or [])


def test_no_folder_holds_more_than_fifteen_modules() -> None:
    for folder in (ROOT / "reader").rglob("*"):
        if folder.is_dir() and folder.name != "__pycache__":
            modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
            assert len(modules) <= 15, f"{folder} holds {len(modules)} modules"


def test_the_main_window_stays_an_assembly_of_parts() -> None:
    lines = (ROOT / "reader" / "ui" / "window" / "main_window.py").read_text().count("\n")
    assert lines < 300, f"main_window.py has {lines} lines"


def test_the_widgets_know_no_storage_engine() -> None:
    """ui/ holds widgets: what the store's engine raises reaches them as StoreError or
    OSError from userdata/, so no widget names sqlite3."""
    for path in (ROOT / "reader" / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert "sqlite3" not in names, f"{path} imports sqlite3"
