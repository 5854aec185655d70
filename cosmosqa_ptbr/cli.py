"""``cosmosqa-ptbr <subcommand>``: one subcommand per capability.

Each subcommand lives in its own module, which exposes ``make_parser(subparsers)`` and ``main(args)``
and imports nothing heavy at module level. Only the module of the subcommand being run is imported,
so ``cosmosqa-ptbr --help`` answers at once.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NamedTuple

from . import __version__

__all__ = ["SUBCOMMANDS", "build_parser", "main"]


class Subcommand(NamedTuple):
    module: str
    summary: str
    make_parser: str = "make_parser"
    main: str = "main"


SUBCOMMANDS: dict[str, Subcommand] = {
    "data": Subcommand("cosmosqa_ptbr.dataset", "inspect, export and publish Cosmos QA Português"),
    "translate": Subcommand("cosmosqa_ptbr.translation", "translate English Cosmos QA to pt-BR with an LLM"),
    "score": Subcommand("cosmosqa_ptbr.scoring", "score a file of raw model generations"),
    "evaluate": Subcommand("cosmosqa_ptbr.evaluation", "evaluate a causal LM (+ LoRA adapter) on a split"),
    "compare": Subcommand(
        "cosmosqa_ptbr.evaluation",
        "compare two evaluation runs (paired bootstrap, McNemar)",
        make_parser="make_compare_parser",
        main="compare_main",
    ),
    "train": Subcommand("cosmosqa_ptbr.train", "QLoRA/LoRA SFT from a YAML recipe"),
    "cards": Subcommand("cosmosqa_ptbr.cards", "render the dataset and model cards"),
}


def _chosen(argv: Sequence[str]) -> str | None:
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in SUBCOMMANDS else None
    return None


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """Build the parser; only the subcommand named in ``argv`` gets its full set of options."""
    parser = argparse.ArgumentParser(
        prog="cosmosqa-ptbr",
        description="Cosmos QA Português: data, translation, evaluation, training and cards.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="<command>", required=True)
    chosen = _chosen(argv)
    for name, sub in SUBCOMMANDS.items():
        if name == chosen:
            module = importlib.import_module(sub.module)
            sub_parser = getattr(module, sub.make_parser)(subparsers)
            sub_parser.set_defaults(_main=getattr(module, sub.main))
        else:
            subparsers.add_parser(name, help=sub.summary, description=sub.summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(argv).parse_args(argv)
    return int(args._main(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
