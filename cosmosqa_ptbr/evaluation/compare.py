"""Compare two evaluation runs on the items both scored: paired bootstrap, McNemar's exact test, agreement,
each run's selection bias (RStd of the recall per letter, on the shared items) and the items that flip.

``cosmosqa-ptbr compare A/results.json B/results.json`` tells whether two runs really differ. Two runs of one
model on two tasks with the same item ids (``cosmos_qa_en`` and its translation ``cosmos_qa_ptbr``) are a
translation pair: the paired gap A - B is then the drop from the source language to the translation, and the
items right in A and wrong in B are where to look for translation errors (``cosmosqa-ptbr gap`` ranks them over
many models).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..cli.options import CommandError, subcommand_parser
from ..data.reading import DataFilesError, read_json_lines, read_json_object

ID = "id"  # the item id in predictions.jsonl
WRITTEN_BY = "cosmosqa-ptbr compare"
#: Flips printed per direction in the table; --output FILE.json holds them all.
SHOWN_FLIPS = 10


def _is_letter(value: Any, *, null: bool = False) -> bool:
    return (value is None and null) or (isinstance(value, str) and len(value) == 1 and "A" <= value <= "Z")


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
    #: Each run's task as its results.json records it (name, language...), None when it records none.
    task_a: dict[str, Any] | None = None
    task_b: dict[str, Any] | None = None
    #: Each run's model (and adapter), None when its results.json names none.
    model_a: str | None = None
    model_b: str | None = None
    #: The protocol each run was asked under (``package`` for a run that records none).
    protocol_a: str = "package"
    protocol_b: str = "package"
    #: Items right in A and wrong in B (and the reverse), in A's order: id, gold, both predictions, and the
    #: probability each run gave the gold letter where both recorded letter probabilities.
    flips_a: list[dict[str, Any]] = field(default_factory=list)
    flips_b: list[dict[str, Any]] = field(default_factory=list)
    #: The shared item ids, in A's order (not written by to_dict: the flips and n say what matters).
    shared_ids: list[str] = field(default_factory=list, repr=False)

    @property
    def different_tasks(self) -> bool:
        """Whether both runs name their task and the names differ (e.g. an English original and its translation)."""
        return bool(self.task_a and self.task_b and self.task_a.get("name") != self.task_b.get("name"))

    @property
    def different_protocols(self) -> bool:
        """Whether the two runs asked their items under different protocols (the package's, the leaderboard's)."""
        return self.protocol_a != self.protocol_b

    @property
    def different_models(self) -> bool:
        """Whether both runs name their model (and adapter) and these differ."""
        return self.model_a is not None and self.model_b is not None and self.model_a != self.model_b

    @property
    def gap(self) -> float:
        """Accuracy A - B: for a translation pair, the drop from the source language to the translation."""
        return -self.difference + 0.0

    @property
    def gap_interval(self) -> tuple[float, float]:
        """The paired bootstrap interval of :attr:`gap` (the interval of B - A, negated)."""
        low, high = self.difference_interval
        return -high + 0.0, -low + 0.0  # + 0.0: no "-0.00%"

    def notes(self) -> list[str]:
        """One line each for what sets the two runs apart: other tasks (a translation pair), other models."""
        lines = []
        if self.different_tasks:
            name_a, name_b = _task_name(self.task_a), _task_name(self.task_b)
            kind = (
                "a translation pair"
                if (self.task_a or {}).get("language") != (self.task_b or {}).get("language")
                else "two tasks in one language"
            )
            lines.append(
                f"A and B are on different tasks, {kind}: {name_a} -> {name_b} on {self.n} shared items; "
                f"the gap A - B is {self.gap:+.2%}."
            )
        if self.different_models:
            lines.append(
                f"A and B are runs of different models ({self.model_a} vs {self.model_b}): the difference is "
                "between the models, not a translation gap."
            )
        if self.different_protocols:
            lines.append(
                f"A and B were asked under different protocols ({self.protocol_a} vs {self.protocol_b}): the "
                "difference includes how the items were asked and read."
            )
        return lines

    def to_dict(self) -> dict[str, Any]:
        """Return the comparison as a JSON-ready mapping (every flip included)."""
        data = asdict(self)
        del data["shared_ids"]
        data["difference_interval"] = list(self.difference_interval)
        data["gap"] = self.gap
        data["gap_interval"] = list(self.gap_interval)
        data["different_tasks"] = self.different_tasks
        data["different_models"] = self.different_models
        data["different_protocols"] = self.different_protocols
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
        if self.different_protocols or self.protocol_a != "package":
            rows.append(("protocol A / B", f"{self.protocol_a} / {self.protocol_b}"))
        if self.different_tasks:
            gap_low, gap_high = self.gap_interval
            rows.append(("tasks A / B", f"{_task_name(self.task_a)} / {_task_name(self.task_b)}"))
            rows.append(("gap A - B", f"{self.gap:+.2%} (95% paired bootstrap {gap_low:+.2%} to {gap_high:+.2%})"))
        return "\n".join(["| | |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows)])

    def flip_lines(self, shown: int = SHOWN_FLIPS) -> list[str]:
        """The flipping items, per direction: their count, then the first ``shown`` with both predictions."""
        lines = []
        for flips, right, wrong in ((self.flips_a, "A", "B"), (self.flips_b, "B", "A")):
            lines.append(f"right in {right}, wrong in {wrong}: {len(flips)} item{'' if len(flips) == 1 else 's'}")
            for flip in flips[:shown]:
                lines.append(
                    f"  {flip[ID]}: gold {flip['gold']}, A answered {_answer(flip['a'])}, "
                    f"B answered {_answer(flip['b'])}"
                )
            if len(flips) > shown:
                lines.append(f"  ... and {len(flips) - shown} more (--output FILE.json lists them all)")
        return lines


class CompareError(CommandError, ValueError):
    """Two runs cannot be compared: a bad predictions line, no shared ids, or different gold letters."""


def _task_name(task: dict[str, Any] | None) -> str:
    if not task:
        return "?"
    return f"{task.get('name', '?')} ({task.get('language', '?')})"


def _answer(letter: Any) -> str:
    return str(letter) if letter is not None else "nothing readable"


def _describe_run(results_path: str | Path) -> tuple[dict[str, Any] | None, str | None, str]:
    """The task, the model (+ adapter) and the protocol a run's results.json records; (None, None, "package")
    where it has none."""
    path = Path(results_path)
    results_file = path if path.name == "results.json" or path.is_file() else path / "results.json"
    try:
        data = json.loads(results_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, None, "package"
    if not isinstance(data, dict):
        return None, None, "package"
    task = data.get("task") if isinstance(data.get("task"), dict) else None
    model = data.get("model")
    if model is not None and data.get("adapter"):
        model = f"{model} + {data['adapter']}"
    return task, (str(model) if model is not None else None), str(data.get("protocol") or "package")


def _gold_probability(row: dict[str, Any]) -> float | None:
    probabilities = row.get("probabilities")
    if isinstance(probabilities, dict) and isinstance(probabilities.get(row["gold"]), (int, float)):
        return float(probabilities[row["gold"]])
    return None


def _flip(key: str, row_a: dict[str, Any], row_b: dict[str, Any]) -> dict[str, Any]:
    flip = {ID: key, "gold": row_a["gold"], "a": row_a["predicted"], "b": row_b["predicted"]}
    p_a, p_b = _gold_probability(row_a), _gold_probability(row_b)
    if p_a is not None and p_b is not None:
        flip["p_gold_a"], flip["p_gold_b"] = p_a, p_b
    return flip


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
        protocol = "" if (data.get("protocol") or "package") == "package" else f", {data['protocol']} protocol"
        label = f"{data.get('model')} ({data.get('mode')}{protocol}) [{folder}]"
    rows: dict[str, dict[str, Any]] = {}
    for number, row in read_json_lines(predictions_path, error=lambda message, line: CompareError(message)):
        if not isinstance(row, dict) or ID not in row or "gold" not in row or "predicted" not in row:
            message = f"{predictions_path} line {number}: needs the keys id, gold and predicted"
            raise CompareError(message)
        if not isinstance(row[ID], str) or not _is_letter(row["gold"]) or not _is_letter(row["predicted"], null=True):
            message = (
                f"{predictions_path} line {number}: id must be a string, gold a letter (A, B, ...) and "
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
    (task_a, model_a, protocol_a), (task_b, model_b, protocol_b) = _describe_run(a), _describe_run(b)
    shared = [key for key in rows_a if key in rows_b]
    if not shared:
        tasks = f" (tasks {_task_name(task_a)} and {_task_name(task_b)})" if task_a and task_b else ""
        raise CompareError(f"{a} and {b} share no item ids{tasks}: compare runs on the same items")
    for key in shared:
        if rows_a[key]["gold"] != rows_b[key]["gold"]:
            raise CompareError(f"item {key} has gold {rows_a[key]['gold']} in {a} but {rows_b[key]['gold']} in {b}")
    right_a = [rows_a[k]["predicted"] == rows_a[k]["gold"] for k in shared]
    right_b = [rows_b[k]["predicted"] == rows_b[k]["gold"] for k in shared]
    only_a = sum(x and not y for x, y in zip(right_a, right_b, strict=True))
    only_b = sum(y and not x for x, y in zip(right_a, right_b, strict=True))
    both = sum(x and y for x, y in zip(right_a, right_b, strict=True))
    n = len(shared)
    outcomes = list(zip(shared, right_a, right_b, strict=True))
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
        task_a=task_a,
        task_b=task_b,
        model_a=model_a,
        model_b=model_b,
        protocol_a=protocol_a,
        protocol_b=protocol_b,
        flips_a=[_flip(k, rows_a[k], rows_b[k]) for k, x, y in outcomes if x and not y],
        flips_b=[_flip(k, rows_a[k], rows_b[k]) for k, x, y in outcomes if y and not x],
        shared_ids=shared,
    )


def make_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
    """Build the ``compare`` subcommand's parser."""
    parser = subcommand_parser(
        subparsers,
        "compare",
        "Compare two evaluation runs on the items both scored. Prints the accuracy difference (B - A) with a "
        "paired bootstrap 95% interval, McNemar's exact test, the agreement rate and the items that flip (right in "
        "one run, wrong in the other). Each run is a results.json (or its folder) with predictions.jsonl beside it. "
        "Two runs of one model on two tasks with the same ids (cosmos_qa_en and cosmos_qa_ptbr) are a translation "
        "pair: the gap A - B is the drop from the source language to the translation (`cosmosqa-ptbr gap` ranks "
        "the flipping items over many models).",
    )
    parser.add_argument("a", help="first run: path of its results.json or its folder")
    parser.add_argument("b", help="second run: path of its results.json or its folder")
    parser.add_argument("--seed", type=int, default=0, help="seed of the paired bootstrap")
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON instead of a table")
    parser.add_argument(
        "--output",
        metavar="FILE.json",
        help="also write the comparison, with every flipping item, to this JSON file (a new file, or one written "
        "by compare before)",
    )
    return parser


def _check_output(path: Path) -> None:
    """``--output`` must be a new file or one compare wrote: nobody else's file is replaced."""
    if path.is_dir():
        raise CompareError(f"--output {path} is a folder: pass a file name such as comparison.json")
    if path.exists():
        try:
            ours = json.loads(path.read_text(encoding="utf-8")).get("written_by") == WRITTEN_BY
        except (OSError, ValueError, AttributeError):
            ours = False
        if not ours:
            raise CompareError(f"--output {path} exists and was not written by compare: pass a new file name")
    elif not path.parent.is_dir():
        raise CompareError(f"--output {path}: folder {path.parent} does not exist; create it or pick another path")


def main(args: argparse.Namespace) -> int:
    """Run ``compare`` and print its table (or JSON), what sets the runs apart, and the flipping items."""
    output = Path(args.output) if args.output else None
    if output is not None:
        _check_output(output)
    result = compare(args.a, args.b, seed=args.seed)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2))
    else:
        print("\n".join([result.table(), "", *result.notes(), *result.flip_lines()]))
    if output is not None:
        temporary = output.with_name(f".{output.name}.tmp")
        data = {"written_by": WRITTEN_BY, **result.to_dict()}
        temporary.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(temporary, output)
        # With --json, stdout stays one JSON document.
        print(f"\nwrote {output}", file=sys.stderr if args.json else sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(make_parser().parse_args()))
