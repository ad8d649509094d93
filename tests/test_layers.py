"""The layers of the package, asserted from the modules' imports (like test_boundaries.py for Qt).

Dependencies point one way:

    faces     gui/, cli.py, selftest.py  ->  services/, store/, core/, paths
    services  services/                  ->  store/, the wings, core/, paths
    wings     ingest/, extract/, link/, export/, knowledge/  ->  core/, paths
    store     store/                     ->  core/
    core      core/                      ->  paths (its data files) only

* A face never imports a wing: everything that combines the library with reading,
  extracting, linking or exporting is a use case in services/.  A face may import
  store/ directly to open a library, for the store's types and read queries, and
  for the single writes that return their undo record (the GUI's undo commands
  call them); that is the store's job, and a pass-through in services/ would add
  nothing.
* A wing imports only core (and paths, for its resource files): not the store,
  not services, not another wing.
* Nothing imports a face, except the faces themselves (cli.py starts the GUI and
  the self-test; the self-test opens a window).
* No import circles between the package's modules, function-local imports included.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "briefbook"

CORE = {"core"}
STORE = {"store"}
WINGS = {"ingest", "extract", "link", "export", "knowledge"}
SERVICES = {"services"}

ALLOWED = {
    "core": {"paths"},  # its data files (core/ja_reading.py reads the Japanese readings)
    "store": CORE,
    "ingest": CORE | {"paths"},
    "extract": CORE | {"paths"},
    "link": CORE | {"paths"},
    "export": CORE | {"paths"},
    "knowledge": CORE | {"paths"},
    "paths": set(),
    "applog": {"paths"},  # where warnings go: the log file in the user data folder
    "cli_args": set(),  # checking command-line values
    "__init__": set(),
    "services": CORE | STORE | WINGS | {"paths", "applog"},
    "gui": CORE | STORE | SERVICES | {"paths"},
    "cli": CORE | STORE | SERVICES | {"paths", "__init__", "gui", "selftest", "applog", "cli_args", "cli_books",
            "cli_review", "cli_export"},
    "cli_books": SERVICES | {"cli_args"},  # the trip and book commands of cli.py
    "cli_review": SERVICES | {"cli_args"},  # the review and mention commands of cli.py
    "cli_export": SERVICES,  # the export command of cli.py
    "selftest": CORE | STORE | SERVICES | {"paths", "gui"},
}

# Import circles that are known and being removed by other work; nothing may be
# added here.  Delete an entry as soon as its circle is gone.
KNOWN_CIRCLES: list[set[str]] = [
    # empty: store/db <-> store/backup and gui/app <-> library_actions <-> main_window are gone
]


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def package_modules(package: Path = PACKAGE) -> dict[str, Path]:
    return {module_name(p, package): p for p in package.rglob("*.py")}


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``name`` imports anywhere (top level or inside functions)."""
    top = name.split(".")[0]
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            # "from .store import facts" imports the module store.facts, not only the package
            targets = [f"{prefix}.{a.name}" if f"{prefix}.{a.name}" in modules else prefix for a in node.names]
        for target in targets:
            if target.split(".")[0] != top:
                continue
            while target not in modules and "." in target:
                target = target.rsplit(".", 1)[0]
            if target != name:
                found.add(target)
    return found


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    modules = package_modules(package)
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def circles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    out = []
    for module, targets in sorted(graph.items()):
        source = layer_of(module)
        for target in sorted(targets):
            dest = layer_of(target)
            if dest != source and dest not in ALLOWED[source]:
                out.append(f"{module} imports {target} ({source} may not import {dest})")
    return out


def test_every_module_belongs_to_a_layer():
    assert {layer_of(m) for m in package_modules()} <= set(ALLOWED)


def test_layers_point_one_way():
    assert layer_violations(import_graph()) == []


def test_no_import_circles_but_the_known_ones():
    found = circles(import_graph())
    assert [c for c in found if c not in KNOWN_CIRCLES] == []


def _write(root: Path, files: dict[str, str]) -> Path:
    package = root / "briefbook"
    for rel, text in files.items():
        path = package / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


def test_the_checker_sees_relative_function_local_and_from_package_imports(tmp_path):
    package = _write(tmp_path, {
        "__init__.py": "",
        "core/__init__.py": "",
        "core/a.py": "",
        "store/__init__.py": "",
        "store/facts.py": "def f():\n    from ..link import keys\n",
        "link/__init__.py": "",
        "link/keys.py": "from briefbook.store import facts\n",
        "services/__init__.py": "",
        "services/x.py": "from ..store import facts\nfrom ..core.a import thing\n",
    })
    graph = import_graph(package)
    assert graph["briefbook.store.facts"] == {"briefbook.link.keys"}
    assert graph["briefbook.services.x"] == {"briefbook.store.facts", "briefbook.core.a"}
    assert sorted(layer_violations(graph)) == [
        "briefbook.link.keys imports briefbook.store.facts (link may not import store)",
        "briefbook.store.facts imports briefbook.link.keys (store may not import link)",
    ]
    assert circles(graph) == [{"briefbook.store.facts", "briefbook.link.keys"}]


def test_services_hold_no_sql():
    """Services combine the store with the wings; the statements themselves live in store/."""
    from tests.gui.test_layout import sql_in

    found = []
    for path in sorted((PACKAGE / "services").rglob("*.py")):
        found += [f"{path.name} {hit}" for hit in sql_in(path.read_text(encoding="utf-8"))]
    assert found == []
