"""Tasks for EleutherAI's lm-evaluation-harness that ask a task's items exactly as the package does.

``cosmosqa-ptbr lm-eval-tasks`` prints this folder, which holds the tasks of the built-in specs, for the
harness's ``--include_path``::

    lm_eval --model hf --model_args pretrained=MODEL --include_path "$(cosmosqa-ptbr lm-eval-tasks)" \\
        --tasks cosmosqa_ptbr --apply_chat_template

and ``cosmosqa-ptbr lm-eval-tasks --task my_task.yaml --output-dir DIR`` writes the tasks of any specs (built-in
names or YAML files, ``--task`` repeated) into ``DIR`` and prints it. The tasks are generated from the specs by
:func:`~cosmosqa_ptbr.lm_eval_tasks.render.render_tasks`, never written by hand (a test keeps the YAML files here
equal to a fresh generation). Each spec gives five (names from its ``harness_task``: ``cosmosqa_ptbr`` for
Cosmos QA Português, ``cosmosqa_en`` for the English original):

- ``<name>``: log-likelihood of the letters (``" A"`` .. ``" D"``, or as many as the items have options) after
  the assistant turn's answer prefix; with ``--apply_chat_template`` the context is byte for byte the package's
  prompt (system prompt, user turn, chat template, answer prefix), so the predicted letters are those of
  ``cosmosqa-ptbr evaluate --no-option-score``.
- ``<name>_gen``: greedy generation read by :func:`cosmosqa_ptbr.extract_answer` with the item's options; an
  unreadable answer counts wrong.
- ``<name>_full``, ``<name>_gen_full``: the same on the full validation split (the spec's Hub repo or files, or
  local files given as ``--metadata '{"data_files": {"validation": "val.jsonl"}}'``). The plain tasks read the
  spec's embedded sample, or its files when it has none.
- ``<name>_leaderboard``: the Open Portuguese LLM Leaderboard's protocol (:mod:`cosmosqa_ptbr.protocols`), on the
  plain tasks' items: its description, 3 solved examples drawn for each item as ``evaluate`` draws them, greedy
  generation until a blank line or 32 tokens, read by its ``find_choices`` filter; its contexts, generations and
  letters are those of ``cosmosqa-ptbr evaluate --protocol leaderboard``, with ``--apply_chat_template`` and
  without it (plain, as ``--chat-template none``).

The prompt text is not written in the YAML files: ``utils.load`` adds the spec's system prompt and answer prefix
to each item as columns, and ``utils.doc_to_text`` renders the spec's user turn. One difference remains in the
first four: where a model's chat template refuses a system turn (Gemma's, Mistral's older ones), the harness drops
the system prompt while the package folds it into the first user turn (:func:`cosmosqa_ptbr.prompts.fold_system`),
so the two ask different prompts there (the ``_leaderboard`` task gets the leaderboard's own fallback instead).
Without ``--apply_chat_template`` the harness writes its own plain prompt for the first four, not the package's
:func:`~cosmosqa_ptbr.prompts.plain_prompt`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Final

from ..cli.options import CommandError, subcommand_parser
from ..tasks import builtin_tasks, get_task
from .render import render_tasks, task_names

__all__ = ["COMMAND", "TASKS_DIR", "TASK_NAMES", "main", "make_parser", "render_tasks", "task_names"]

#: The folder to pass to ``lm_eval --include_path``: the tasks of the built-in specs.
TASKS_DIR: Final = Path(__file__).resolve().parent
#: The tasks in :data:`TASKS_DIR`.
TASK_NAMES: Final = tuple(name for task in builtin_tasks() for name in task_names(get_task(task)))
#: The command named in the manifest of a folder it writes.
COMMAND: Final = "lm-eval-tasks"


def make_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
    """Build the ``lm-eval-tasks`` subcommand's parser."""
    parser = subcommand_parser(
        subparsers,
        COMMAND,
        "Print the folder of the package's lm-evaluation-harness tasks, or write the tasks of task specs into a "
        'folder. Use it as `lm_eval --include_path "$(cosmosqa-ptbr lm-eval-tasks)" --tasks cosmosqa_ptbr '
        "--apply_chat_template`. Shipped tasks: " + ", ".join(TASK_NAMES) + ". Each spec gives five: NAME "
        "(letter log-likelihoods), NAME_gen (generation read by the answer extractor), NAME_full and NAME_gen_full "
        '(the full split, or local files given as --metadata \'{"data_files": {"validation": "FILE"}}\'), and '
        "NAME_leaderboard (the Open Portuguese LLM Leaderboard's protocol, as evaluate --protocol leaderboard).",
    )
    parser.add_argument(
        "--task",
        action="append",
        metavar="NAME|FILE.yaml",
        help=f"a built-in task ({', '.join(builtin_tasks())}) or a task spec file whose harness tasks to write "
        "(repeatable; needs --output-dir; default: the built-in tasks)",
    )
    parser.add_argument(
        "--output-dir",
        metavar="DIR",
        help="write the tasks, the utils.py they call and a copy of each spec file into DIR (new, empty, or written "
        "by this command before) and print DIR; without it the shipped folder is printed",
    )
    return parser


def main(args: argparse.Namespace) -> int:
    """Print the shipped tasks folder, or write the tasks of ``--task`` specs into ``--output-dir`` and print it."""
    if args.output_dir is None:
        if args.task:
            message = (
                "--task needs --output-dir DIR: the folder to write the specs' harness tasks into (the shipped "
                "folder holds the built-in tasks only)"
            )
            raise CommandError(message)
        print(TASKS_DIR)
        return 0
    specs = [get_task(task) for task in (args.task or builtin_tasks())]
    files = render_tasks(specs)
    # The folder's ownership (new, empty or this command's manifest) is checked before anything is written,
    # and it stays locked while it is.
    from ..cli.folders import owned_folder, record_files, replacing

    with owned_folder(args.output_dir, command=COMMAND, flag="--output-dir") as folder:
        record_files(folder, files, command=COMMAND)
        for name, text in files.items():
            with replacing(folder / name) as temporary:
                temporary.write_text(text, encoding="utf-8")
    names = sorted(name.removesuffix(".yaml") for name in files if name.endswith(".yaml"))
    print(f"wrote the harness tasks {', '.join(names)} into {folder}", file=sys.stderr)
    print(folder.resolve())
    return 0
