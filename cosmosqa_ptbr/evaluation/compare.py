"""Compare two evaluation runs on the items both scored: paired bootstrap, McNemar's exact test, agreement,
and each run's selection bias (RStd of the recall per letter, on the shared items).

``cosmosqa-ptbr compare A/results.json B/results.json`` tells whether two runs really differ.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..cli.options import CommandError, subcommand_parser
from ..data.reading import DataFilesError, read_json_lines, read_json_object
from ..schema import ID, LETTERS

__all__ = ["CompareError", "ComparisonResult", "compare", "main", "make_parser"]


@dataclass
class ComparisonResult:
    """Two runs on their shared items: accuracy difference (b - a), paired interval, McNemar, agreement."""

    a: str
    b: str
    n: int
    accuracy_a: float
    accuracy_b: float
    difference: float
    difference_interval: tuple[float, float]
    both_correct: int
    only_a: int
    only_b: int
    both_wrong: int
    mcnemar_p: float
    agreement: float
    rstd_a: float | None = None
    rstd_b: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the comparison as a JSON-ready mapping."""
        data = asdict(self)
        data["difference_interval"] = list(self.difference_interval)
        return data

    def table(self) -> str:
        """Return the comparison as a Markdown table."""
        low, high = self.difference_interval
        rows = [
            ("A", self.a),
            ("B", self.b),
            ("shared items", str(self.n)),
            ("accuracy A / B", f"{self.accuracy_a:.2%} / {self.accuracy_b:.2%}"),
            ("difference B - A", f"{self.difference:+.2%} (95% paired bootstrap {low:+.2%} to {high:+.2%})"),
            ("only A right / only B right", f"{self.only_a} / {self.only_b}"),
            ("McNemar exact p", f"{self.mcnemar_p:.4g}"),
            ("same answer (agreement)", f"{self.agreement:.2%}"),
        ]
        if self.rstd_a is not None and self.rstd_b is not None:
            rows.append(("selection bias RStd A / B (points)", f"{self.rstd_a:.1f} / {self.rstd_b:.1f}"))
        return "\n".join(["| | |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows)])


class CompareError(CommandError, ValueError):
    """Two runs cannot be compared: a bad predictions line, no shared ids, or different gold letters."""


def _read_run(results_path: str | Path) -> tuple[str, dict[str, dict[str, Any]]]:
    path = Path(results_path)
    folder = path.parent if path.name == "results.json" or path.is_file() else path
    predictions_path = folder / "predictions.jsonl"
    if not predictions_path.is_file():
        message = f"{predictions_path} not found: compare reads the predictions.jsonl written beside results.json"
        raise DataFilesError(message)
    label = str(folder)
    results_file = folder / "results.json"
    if results_file.exists():
        fix = "pass the folder of a complete evaluation run (rerun it with --resume if it was interrupted)"
        data = read_json_object(results_file, fix=fix, error=lambda message, line: CompareError(message))
        label = f"{data.get('model')} ({data.get('mode')}) [{folder}]"
    rows: dict[str, dict[str, Any]] = {}
    for number, row in read_json_lines(predictions_path, error=lambda message, line: CompareError(message)):
        if not isinstance(row, dict) or ID not in row or "gold" not in row or "predicted" not in row:
            message = f"{predictions_path} line {number}: needs the keys id, gold and predicted"
            raise CompareError(message)
        if not isinstance(row[ID], str) or row["gold"] not in LETTERS or row["predicted"] not in (*LETTERS, None):
            message = (
                f"{predictions_path} line {number}: id must be a string, gold a letter {'/'.join(LETTERS)} and "
                "predicted a letter or null: pass the predictions.jsonl an evaluation wrote"
            )
            raise CompareError(message)
        if row[ID] in rows:
            raise CompareError(f"{predictions_path} line {number}: id {row[ID]!r} appears twice; the file was edited")
        rows[row[ID]] = row
    return label, rows


def compare(a: str | Path, b: str | Path, *, seed: int = 0, resamples: int = 2000) -> ComparisonResult:
    """Compare two evaluation runs (results.json paths or their folders) on the ids both scored."""
    from .runner import selection_bias
    from .stats import mcnemar_exact, paired_bootstrap_interval

    label_a, rows_a = _read_run(a)
    label_b, rows_b = _read_run(b)
    shared = [key for key in rows_a if key in rows_b]
    if not shared:
        raise CompareError(f"{a} and {b} share no item ids: compare runs on the same split")
    for key in shared:
        if rows_a[key]["gold"] != rows_b[key]["gold"]:
            raise CompareError(f"item {key} has gold {rows_a[key]['gold']} in {a} but {rows_b[key]['gold']} in {b}")
    right_a = [rows_a[k]["predicted"] == rows_a[k]["gold"] for k in shared]
    right_b = [rows_b[k]["predicted"] == rows_b[k]["gold"] for k in shared]
    only_a = sum(x and not y for x, y in zip(right_a, right_b, strict=True))
    only_b = sum(y and not x for x, y in zip(right_a, right_b, strict=True))
    both = sum(x and y for x, y in zip(right_a, right_b, strict=True))
    n = len(shared)
    accuracy_a, accuracy_b = sum(right_a) / n, sum(right_b) / n
    return ComparisonResult(
        a=label_a,
        b=label_b,
        n=n,
        accuracy_a=accuracy_a,
        accuracy_b=accuracy_b,
        difference=accuracy_b - accuracy_a,
        difference_interval=paired_bootstrap_interval(right_a, right_b, seed=seed, resamples=resamples),
        both_correct=both,
        only_a=only_a,
        only_b=only_b,
        both_wrong=n - both - only_a - only_b,
        mcnemar_p=mcnemar_exact(only_a, only_b),
        agreement=sum(rows_a[k]["predicted"] == rows_b[k]["predicted"] for k in shared) / n,
        rstd_a=selection_bias([rows_a[k]["gold"] for k in shared], [rows_a[k]["predicted"] for k in shared])["rstd"],
        rstd_b=selection_bias([rows_b[k]["gold"] for k in shared], [rows_b[k]["predicted"] for k in shared])["rstd"],
    )


def make_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
    """Build the ``compare`` subcommand's parser."""
    parser = subcommand_parser(
        subparsers,
        "compare",
        "Compare two evaluation runs on the items both scored. Prints the accuracy difference (B - A) with a "
        "paired bootstrap 95% interval, McNemar's exact test and the agreement rate. Each run is a "
        "results.json (or its folder) with predictions.jsonl beside it.",
    )
    parser.add_argument("a", help="first run: path of its results.json or its folder")
    parser.add_argument("b", help="second run: path of its results.json or its folder")
    parser.add_argument("--seed", type=int, default=0, help="seed of the paired bootstrap")
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON instead of a table")
    return parser


def main(args: argparse.Namespace) -> int:
    """Run ``compare`` and print its table (or JSON)."""
    result = compare(args.a, args.b, seed=args.seed)
    print(json.dumps(result.to_dict(), indent=2) if args.json else result.table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(make_parser().parse_args()))
