"""Extraction accuracy on the public set: ``extract_answer`` against the reference work's parser.

The reference parser read the first line after the assistant marker and matched ``Alternativa\\s*([A-Z])``.
A case counts as read right when the letter returned equals the annotated one; for outputs annotated as
unreadable (``None``) that means returning no letter. Run: ``python benchmarks/extraction_baseline.py``.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cosmosqa_ptbr.evaluation.extraction import extract_answer
from cosmosqa_ptbr.prompts import ANSWER_PREFIX

CASES_FILE = Path(__file__).resolve().parents[1] / "tests" / "data" / "extraction_cases.jsonl"
_BASELINE = re.compile(rf"{ANSWER_PREFIX}\s*([A-Z])")


def baseline_letter(text: str, options: list[str] | None = None) -> str | None:
    """The reference parser: the first line after the assistant marker, then ``Alternativa\\s*([A-Z])``."""
    answer = text.split("<|assistant|>")[-1].strip()
    first_line = answer.split("\n")[0] if answer else ""
    match = _BASELINE.search(first_line)
    return match.group(1) if match else None


def ours_letter(text: str, options: list[str] | None = None) -> str | None:
    """This package's extractor."""
    return extract_answer(text, options).letter


def measure(cases: list[dict[str, Any]], parsers: dict[str, Callable[..., str | None]]) -> dict[str, dict[str, list]]:
    """Return, per category (and "all"), per parser, the list of hit/miss booleans."""
    hits: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for case in cases:
        for name, parser in parsers.items():
            hit = parser(case["text"], case["options"]) == case["letter"]
            for key in (case["category"], "all"):
                hits[key][name].append(hit)
            hits["answerable" if case["letter"] else "unanswerable"][name].append(hit)
    return hits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES_FILE, help="JSONL of annotated outputs")
    args = parser.parse_args()
    cases = [json.loads(line) for line in args.cases.read_text(encoding="utf-8").splitlines() if line.strip()]
    parsers = {"reference regex": baseline_letter, "extract_answer": ours_letter}
    hits = measure(cases, parsers)
    order = sorted(key for key in hits if key not in ("all", "answerable", "unanswerable"))
    header = f"{'category':<18}{'n':>5}" + "".join(f"{name:>18}" for name in parsers)
    print(header)
    print("-" * len(header))
    for key in [*order, "answerable", "unanswerable", "all"]:
        if key == "answerable":
            print("-" * len(header))
        row = hits[key]
        n = len(next(iter(row.values())))
        cells = "".join(f"{sum(row[name]) / n:>17.1%} " for name in parsers)
        print(f"{key:<18}{n:>5}{cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
