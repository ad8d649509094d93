"""The GUI package's house rules, read from the source: no import circles between its
modules (function-local imports count too: they only hide a circle), folders that
import only the folders below them, and no SQL (the store's named functions do that)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "desktop" / "briefbook" / "gui"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(GUI.parent.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The gui modules that ``path`` imports, at module level or inside functions."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:  # `from . import kinds` imports a module
                if f"{target}.{alias.name}" in modules:
                    found.add(f"{target}.{alias.name}")
            if target in modules:
                found.add(target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
    # a package's __init__ is not a dependency worth a circle
    return {m for m in found if m != name and not GUI.joinpath(*m.split(".")[2:], "__init__.py").exists()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, result = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return result


def test_the_gui_has_no_import_circles():
    paths = sorted(GUI.rglob("*.py"))
    modules = {_module_name(p) for p in paths}
    graph = {_module_name(p): _imports(p, modules) for p in paths}
    assert any(graph.values()), "the import graph came out empty: the parser is broken"
    assert _cycles(graph) == []


def test_the_circle_finder_finds_a_circle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


# From the top down; a sub-package may import only those after it.
LAYERS = ("views", "dialogs", "models", "commands", "runtime")


def test_each_gui_folder_imports_only_the_folders_below_it():
    paths = sorted(GUI.rglob("*.py"))
    modules = {_module_name(p) for p in paths}
    wrong = []
    for path in paths:
        rel = path.relative_to(GUI).parts
        if len(rel) < 2:
            continue  # app.py and selftest_window.py sit above every folder
        below = LAYERS[LAYERS.index(rel[0]) + 1:]
        for target in _imports(path, modules):
            folder = target.split(".")[2] if target.count(".") >= 3 else None
            if folder is not None and folder != rel[0] and folder not in below:
                wrong.append(f"{'/'.join(rel)} imports {target}")
    assert wrong == []


def test_every_gui_folder_says_what_belongs_there():
    folders = [p for p in GUI.iterdir() if p.is_dir() and p.name != "__pycache__"]
    assert sorted(p.name for p in folders) == sorted(LAYERS)
    for folder in folders:
        doc = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8")))
        assert doc, f"{folder.name}/__init__.py has no docstring"


SQL_START = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|REPLACE|PRAGMA|CREATE|DROP|ALTER)\s")
RUNS_SQL = {"execute", "executemany", "executescript"}
# The serialising wrapper around the store's connection forwards the store's statements.
FORWARDS_SQL = {"runtime/gateway.py"}


def sql_in(source: str) -> list[str]:
    """SQL-looking string literals (f-string pieces too) and calls that run a statement."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_START.match(node.value):
            found.append(f"line {node.lineno}: {node.value.strip()[:50]!r}")  # (an f-string piece: its string's line)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in RUNS_SQL):
            found.append(f"line {node.lineno}: .{node.func.attr}(")
    return found


def test_the_gui_holds_no_sql():
    found = []
    for path in sorted(GUI.rglob("*.py")):
        rel = path.relative_to(GUI).as_posix()
        if rel not in FORWARDS_SQL:
            found += [f"{rel} {hit}" for hit in sql_in(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_sql_finder_finds_sql():
    source = (
        'lib.scalar("SELECT 1 FROM articles WHERE id = ?", (1,))\n'
        'conn.execute(f"""\n    UPDATE {table} SET x = ?""", (1,))\n'
        'label = _("Delete")  # a UI word, not a statement\n'
        'lib.query("WITH t AS (SELECT 1) SELECT * FROM t")\n'
    )
    hits = sql_in(source)
    assert len(hits) == 4  # the SELECT, the f-string's UPDATE, its .execute(, the WITH
    assert {hit.split(":", 1)[1].strip(" '").split()[0].rstrip("'") for hit in hits} == {
        "SELECT", "UPDATE", ".execute(", "WITH"}
