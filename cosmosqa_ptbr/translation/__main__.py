"""``python -m cosmosqa_ptbr.translation``: the ``translate`` subcommand."""

from __future__ import annotations

from ..cli.options import module_main
from .pipeline import main, make_parser

if __name__ == "__main__":
    raise SystemExit(module_main("translate", main, make_parser))
