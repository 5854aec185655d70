"""Imports inside the package flow one way: schema -> data -> prompts -> train/inference -> parsing ->
evaluation -> cards, CLI and entry points."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cosmosqa_ptbr"

#: Layer of each module; a module may import its own layer and the ones below it.
LAYERS: dict[str, int] = {
    "cosmosqa_ptbr": 6,  # the package root re-exports the public API; below it, only __version__ is imported
    "schema": 0,
    "_cli": 0,
    "dataset": 1,
    "_builder": 1,
    "_registration": 1,
    "translation": 1,
    "_translation_check": 1,
    "_translation_store": 1,
    "_translation_run": 1,
    "prompts": 2,
    "modeling": 3,
    "inference": 3,
    "_train_args": 3,
    "_train_data": 3,
    "parsing": 4,
    "scoring": 4,
    "metrics": 4,
    "metrics.letter_accuracy": 4,
    "metrics.letter_accuracy.letter_accuracy": 4,
    "_stats": 5,
    "_report": 5,
    "evaluation": 5,
    "cards": 6,
    "_train_run": 6,  # the training pipeline: SFT, then the final evaluation, the card and the Hub upload
    "train": 6,
    "cli": 6,
}
#: Functions that are command-line entry points and may reach any layer.
ENTRY_POINTS = {"main", "compare_main"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts) or "cosmosqa_ptbr"


def _imported(node: ast.AST, importer: str) -> list[str]:
    if isinstance(node, ast.ImportFrom):
        if node.level:
            base = importer.split(".")[: -node.level] if importer != "cosmosqa_ptbr" else []
            if node.module is None:  # `from . import x`
                return [".".join([*base, alias.name]) or "cosmosqa_ptbr" for alias in node.names]
            return [".".join([*base, node.module])]
        if node.module == "cosmosqa_ptbr":  # `from cosmosqa_ptbr import translation` names a submodule
            return [alias.name if alias.name in LAYERS else "cosmosqa_ptbr" for alias in node.names]
        if node.module and node.module.startswith("cosmosqa_ptbr."):
            return [node.module.removeprefix("cosmosqa_ptbr.")]
    if isinstance(node, ast.Import):
        return [a.name.removeprefix("cosmosqa_ptbr.") for a in node.names if a.name.startswith("cosmosqa_ptbr.")]
    return []


def _layer(module: str) -> int:
    while module not in LAYERS and "." in module:
        module = module.rsplit(".", 1)[0]
    return LAYERS.get(module or "cosmosqa_ptbr", -1)


def _violations(path: Path) -> list[str]:
    importer = _module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def visit(node: ast.AST, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            name = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            for module in _imported(child, importer):
                if module in ("", "cosmosqa_ptbr") and isinstance(child, ast.ImportFrom):
                    imported_names = {alias.name for alias in child.names}
                    if imported_names <= {"__version__"}:
                        continue
                if _layer(module) > _layer(importer) and name not in ENTRY_POINTS:
                    found.append(f"{importer} (layer {_layer(importer)}) imports {module} (layer {_layer(module)})")
            visit(child, name)

    visit(tree, None)
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "app.py")


def test_every_module_has_a_layer() -> None:
    """Each module of the package is placed in a layer, so that a new one cannot dodge the rule."""
    missing = [_module_name(p) for p in MODULES if _module_name(p) not in LAYERS]
    assert not missing, f"add these modules to LAYERS in tests/test_layering.py: {missing}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_no_module_imports_a_higher_layer(path: Path) -> None:
    """Lower layers never import higher ones, except command-line entry points (`main`)."""
    assert _violations(path) == []
