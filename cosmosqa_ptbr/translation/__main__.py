"""``python -m cosmosqa_ptbr.translation``: the ``translate`` subcommand."""

from __future__ import annotations

from .pipeline import main, make_parser

if __name__ == "__main__":
    raise SystemExit(main(make_parser().parse_args()))
