"""``python -m cosmosqa_ptbr.training`` / ``accelerate launch -m cosmosqa_ptbr.training``: the ``train`` subcommand."""

from __future__ import annotations

from .command import main, make_parser

if __name__ == "__main__":
    raise SystemExit(main(make_parser().parse_args()))
