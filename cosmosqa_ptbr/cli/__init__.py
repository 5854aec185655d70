"""``cosmosqa-ptbr <subcommand>``: one subcommand per capability.

Each subcommand lives in its own module, which exposes ``make_parser(subparsers)`` and ``main(args)``
and imports nothing heavy at module level. Only the module of the subcommand being run is imported,
so ``cosmosqa-ptbr --help`` answers at once.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Final, NamedTuple

from .. import __version__
from .options import CommandParser, debug_requested, run_guarded

__all__ = ["SUBCOMMANDS", "build_parser", "main"]


class Subcommand(NamedTuple):
    module: str
    summary: str


SUBCOMMANDS: dict[str, Subcommand] = {
    "data": Subcommand(
        "cosmosqa_ptbr.data.command", "inspect, export and publish a task's data (Cosmos QA Português by default)"
    ),
    "translate": Subcommand(
        "cosmosqa_ptbr.translation.pipeline",
        "translate a task into another language with an LLM (Cosmos QA to pt-BR by default)",
    ),
    "score": Subcommand("cosmosqa_ptbr.evaluation.scoring", "score a file of raw model generations"),
    "evaluate": Subcommand("cosmosqa_ptbr.evaluation.runner", "evaluate a causal LM (+ LoRA adapter) on a split"),
    "compare": Subcommand(
        "cosmosqa_ptbr.evaluation.compare", "compare two evaluation runs (paired bootstrap, McNemar)"
    ),
    "train": Subcommand("cosmosqa_ptbr.training.command", "QLoRA/LoRA SFT from a YAML recipe"),
    "cards": Subcommand("cosmosqa_ptbr.hub.cards", "render the dataset and model cards"),
    "space": Subcommand("cosmosqa_ptbr.hub.space", "write the Gradio Space as a folder and publish it"),
    "metric": Subcommand("cosmosqa_ptbr.hub.metric", "publish letter_accuracy as an evaluate community metric"),
    "lm-eval-tasks": Subcommand(
        "cosmosqa_ptbr.lm_eval_tasks", "print the folder of the lm-evaluation-harness tasks (--include_path)"
    ),
    "leaderboard": Subcommand("cosmosqa_ptbr.evaluation.leaderboard", "rank evaluation runs in a table and a plot"),
    "gap": Subcommand(
        "cosmosqa_ptbr.evaluation.gap", "rank the items models get right in the source language, wrong in translation"
    ),
}


def _chosen(argv: Sequence[str]) -> str | None:
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in SUBCOMMANDS else None
    return None


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """Build the parser; only the subcommand named in ``argv`` gets its full set of options."""
    parser = CommandParser(
        prog="cosmosqa-ptbr",
        description="Cosmos QA Português: data, translation, evaluation, training and cards.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the full traceback of any error")
    subparsers = parser.add_subparsers(dest="command", metavar="<command>", required=True)
    chosen = _chosen(argv)
    for name, sub in SUBCOMMANDS.items():
        if name == chosen:
            module = importlib.import_module(sub.module)
            sub_parser = module.make_parser(subparsers)
            sub_parser.set_defaults(_main=module.main)
        else:
            subparsers.add_parser(name, help=sub.summary, description=sub.summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the process exit code.

    A :class:`~cosmosqa_ptbr.cli.options.CommandError` (a mistake the user can fix) prints one line,
    ``cosmosqa-ptbr <command>: error: <message>``, and exits with status 2; ``--debug`` (or
    ``COSMOSQA_DEBUG=1``) shows its traceback too. Any other exception is a bug and keeps its traceback.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = debug_requested(argv)
    argv = [arg for arg in argv if arg != "--debug"]
    args = build_parser(argv).parse_args(argv)
    if not debug:
        _warnings_in_one_line(args.command)
    return run_guarded(args.command, lambda: args._main(args), debug=debug)


_PACKAGE: Final = Path(__file__).resolve().parents[1]


def _warnings_in_one_line(command: str) -> None:
    """The package's own warnings print as its errors do, one line naming the command, without the source line."""
    default = warnings.formatwarning

    def formatted(
        message: Warning | str, category: type[Warning], filename: str, lineno: int, line: str | None = None
    ) -> str:
        if Path(filename).resolve().is_relative_to(_PACKAGE):
            return f"cosmosqa-ptbr {command}: warning: {message}\n"
        return default(message, category, filename, lineno, line)

    warnings.formatwarning = formatted
