"""Helpers shared by the subcommand modules' ``make_parser`` functions."""

from __future__ import annotations

import argparse
from typing import Any


class HelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Shows an option's default only where it tells something: not None, not for flags, not twice."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        is_flag = action.nargs == 0
        if is_flag or action.default in (None, argparse.SUPPRESS) or "(default" in text or "default:" in text:
            return text
        return super()._get_help_string(action) or text


def subcommand_parser(subparsers: Any | None, name: str, description: str) -> argparse.ArgumentParser:
    """Return the parser for subcommand ``name``: attached to ``subparsers``, or standalone for ``-m``.

    The standalone form lets a module run as ``python -m cosmosqa_ptbr.<module>`` (and under
    ``accelerate launch -m``) with the same options as ``cosmosqa-ptbr <name>``.
    """
    formatter = HelpFormatter
    if subparsers is None:
        return argparse.ArgumentParser(prog=f"cosmosqa-ptbr {name}", description=description, formatter_class=formatter)
    summary = description.split(". ")[0].rstrip(".")
    return subparsers.add_parser(name, help=summary, description=description, formatter_class=formatter)
