"""Imports inside the package flow one way, with no cycle: schema -> data/translation -> prompts ->
models/inference -> extraction -> evaluation -> hub -> training -> CLI."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cosmosqa_ptbr"

#: Layer of each module or package (the most specific name wins); a module may import its own layer and the
#: ones below it. ARCHITECTURE.md shows the same table.
LAYERS: dict[str, int] = {
    "schema": 0,
    "cli.options": 0,
    "tasks": 0,
    "cli.folders": 0,  # the folders a command writes: ownership, no links, lock
    "data": 1,
    "data.source": 1,
    "translation": 1,
    "prompts": 2,
    "protocols": 2,  # the leaderboard protocol's words and rendering, built from a task spec
    "evaluation.models": 3,
    "evaluation.converted": 3,  # the embedded model's conversion in the user's cache
    "evaluation.inference": 3,
    "evaluation.interactive": 3,
    "training.settings": 3,
    "training.data": 3,
    "evaluation.extraction": 4,
    "evaluation.scoring": 4,
    "metrics": 4,
    "evaluation": 5,
    "evaluation.gap": 5,  # reads runs through compare and leaderboard, texts through data
    "lm_eval_tasks": 5,  # the harness's tasks call the loader, prompts and extractor
    "hub": 6,
    "training": 7,
    "cli": 8,
    "cosmosqa_ptbr": 8,  # the package root re-exports the public API; below it, only __version__ is imported
}
#: Functions that are command-line entry points and may reach any layer (lazily, inside the function).
ENTRY_POINTS = {"main"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts) or "cosmosqa_ptbr"


def _is_package(module: str) -> bool:
    return module == "cosmosqa_ptbr" or (PACKAGE / module.replace(".", "/") / "__init__.py").is_file()


def _known(module: str) -> str:
    """The module itself if it is a file of the package, else its closest parent (``x.y.Name`` -> ``x.y``)."""
    while module and module != "cosmosqa_ptbr":
        path = PACKAGE / module.replace(".", "/")
        if path.with_suffix(".py").is_file() or (path / "__init__.py").is_file():
            return module
        module = module.rpartition(".")[0]
    return "cosmosqa_ptbr"


def _imported(node: ast.AST, importer: str) -> list[str]:
    """Package modules imported by ``node`` (``from . import x`` names submodule x when it exists)."""
    found: list[str] = []
    if isinstance(node, ast.ImportFrom):
        if node.level:
            package = importer if _is_package(importer) else importer.rpartition(".")[0]
            base = package.split(".") if package and package != "cosmosqa_ptbr" else []
            base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
            prefix = ".".join([*base, *([node.module] if node.module else [])])
        elif node.module and (node.module == "cosmosqa_ptbr" or node.module.startswith("cosmosqa_ptbr.")):
            prefix = node.module.removeprefix("cosmosqa_ptbr").lstrip(".")
        else:
            return []
        for alias in node.names:
            if alias.name == "__version__" and not prefix:
                continue  # defined first thing in the root, before it imports anything
            found.append(_known(f"{prefix}.{alias.name}" if prefix else alias.name))
    elif isinstance(node, ast.Import):
        found = [
            _known(a.name.removeprefix("cosmosqa_ptbr.")) for a in node.names if a.name.startswith("cosmosqa_ptbr.")
        ]
    return [name or "cosmosqa_ptbr" for name in found]


def _layer(module: str) -> int:
    name = module
    while name not in LAYERS and "." in name:
        name = name.rsplit(".", 1)[0]
    return LAYERS.get(name or "cosmosqa_ptbr", -1)


def _imports(path: Path) -> list[tuple[str, str | None]]:
    """(imported module, enclosing function or None) for every package import in ``path``."""
    importer = _module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, str | None]] = []

    def visit(node: ast.AST, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            name = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            found.extend((module, name) for module in _imported(child, importer))
            visit(child, name)

    visit(tree, None)
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "app.py")


def _graph() -> dict[str, set[str]]:
    """Who imports whom, entry points left out; importing ``a.b.c`` from outside ``a`` also runs ``a``."""
    graph: dict[str, set[str]] = defaultdict(set)
    for path in MODULES:
        importer = _module_name(path)
        for module, function in _imports(path):
            if function in ENTRY_POINTS or module == importer:
                continue
            graph[importer].add(module)
            parent = module.rpartition(".")[0]
            while parent and not (importer == parent or importer.startswith(parent + ".")):
                graph[importer].add(parent)
                parent = parent.rpartition(".")[0]
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return cycles


def test_every_module_has_a_layer() -> None:
    """Each module of the package is placed in a layer, so that a new one cannot dodge the rule."""
    missing = [_module_name(p) for p in MODULES if _layer(_module_name(p)) < 0]
    assert not missing, f"add these modules to LAYERS in tests/test_layering.py: {missing}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_no_module_imports_a_higher_layer(path: Path) -> None:
    """Lower layers never import higher ones, except command-line entry points (`main`)."""
    importer = _module_name(path)
    violations = [
        f"{importer} (layer {_layer(importer)}) imports {module} (layer {_layer(module)})"
        for module, function in _imports(path)
        if _layer(module) > _layer(importer) and function not in ENTRY_POINTS
    ]
    assert violations == []


def test_the_package_has_no_import_cycle() -> None:
    """No chain of imports leads from a module back to itself, within a layer or across layers."""
    assert _cycles(_graph()) == []


def test_the_cycle_check_finds_a_cycle() -> None:
    """The cycle search reports a two-module loop, so a passing check means something."""
    assert _cycles({"a": {"b"}, "b": {"a"}}) == [["a", "b", "a"]]
