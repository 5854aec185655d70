"""``python -m cosmosqa_ptbr.training`` / ``accelerate launch -m cosmosqa_ptbr.training``: the ``train`` subcommand."""

from __future__ import annotations

from ..cli.options import module_main
from .command import main, make_parser

if __name__ == "__main__":
    raise SystemExit(module_main("train", main, make_parser))
