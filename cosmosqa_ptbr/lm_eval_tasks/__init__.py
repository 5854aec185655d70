"""Tasks for EleutherAI's lm-evaluation-harness that ask Cosmos QA Português exactly as the package does.

``cosmosqa-ptbr lm-eval-tasks`` prints this folder, for the harness's ``--include_path``::

    lm_eval --model hf --model_args pretrained=MODEL --include_path "$(cosmosqa-ptbr lm-eval-tasks)" \\
        --tasks cosmosqa_ptbr --apply_chat_template

Tasks (the YAML files here; ``utils.py`` is what they call, imported by the harness by its path):

- ``cosmosqa_ptbr``: log-likelihood of the letters " A" .. " D" after the assistant turn's "Alternativa";
  with ``--apply_chat_template`` the context is byte for byte the package's prompt (system prompt, user turn,
  chat template, answer prefix), so the predicted letters are those of ``cosmosqa-ptbr evaluate
  --no-option-score``.
- ``cosmosqa_ptbr_gen``: greedy generation read by :func:`cosmosqa_ptbr.extract_answer`; an unreadable
  answer counts wrong.
- ``cosmosqa_ptbr_full``, ``cosmosqa_ptbr_gen_full``: the same on the full validation split (the Hub, or local
  files given as ``--metadata '{"data_files": {"validation": "val.jsonl"}}'``). The others use the embedded sample.

The prompt text is not written in the YAML files: ``utils.load`` adds it to each row from
:mod:`cosmosqa_ptbr.prompts`, and the tasks name those columns.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Final

from ..cli.options import subcommand_parser

__all__ = ["TASKS_DIR", "TASK_NAMES", "main", "make_parser"]

#: The folder to pass to ``lm_eval --include_path``.
TASKS_DIR: Final = Path(__file__).resolve().parent
TASK_NAMES: Final = ("cosmosqa_ptbr", "cosmosqa_ptbr_gen", "cosmosqa_ptbr_full", "cosmosqa_ptbr_gen_full")


def make_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
    """Build the ``lm-eval-tasks`` subcommand's parser."""
    return subcommand_parser(
        subparsers,
        "lm-eval-tasks",
        "Print the folder of the package's lm-evaluation-harness tasks. Use it as "
        '`lm_eval --include_path "$(cosmosqa-ptbr lm-eval-tasks)" --tasks cosmosqa_ptbr --apply_chat_template`. '
        "Tasks: " + ", ".join(TASK_NAMES) + ".",
    )


def main(args: argparse.Namespace) -> int:
    """Print the tasks folder."""
    print(TASKS_DIR)
    return 0
