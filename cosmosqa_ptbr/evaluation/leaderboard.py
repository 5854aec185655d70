"""Rank evaluation runs: a Markdown table and a plot of their accuracies, with runs on other items flagged.

``cosmosqa-ptbr leaderboard RUN... --output-dir DIR`` reads each run's ``results.json`` (its folder or the file)
and writes ``DIR/leaderboard.md`` and ``DIR/leaderboard.png``, sorted by accuracy. Accuracies measured on
different items are not comparable, so every run carries the hash of its item ids (``items_hash`` in
results.json, else computed from the ``predictions.jsonl`` beside it) and the runs outside the largest group of
equal hashes are marked in the table, the plot and a note under the table.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..cli.options import CommandError, check_writable, subcommand_parser
from ..data.reading import read_json_lines, read_json_object

ID = "id"  # the item id in predictions.jsonl

__all__ = ["LeaderboardError", "Run", "items_hash", "main", "make_parser", "read_run", "render_table", "write"]

#: First line of every leaderboard.md written here: a file without it is not overwritten.
MARKER = "<!-- written by `cosmosqa-ptbr leaderboard`; rerun it to update -->"
MISSING = "-"


class LeaderboardError(CommandError):
    """A run cannot be read, or the output folder holds files this command did not write."""


@dataclass
class Run:
    """One evaluation run as the leaderboard shows it: where it came from, its results and its item set."""

    source: Path
    results: dict[str, Any]
    items_hash: str | None

    @property
    def accuracy(self) -> float:
        """The run's accuracy (unreadable answers count wrong)."""
        return float(self.results["accuracy"])


def items_hash(ids: Iterable[str]) -> str:
    """First 16 hex digits of the SHA-256 of the sorted item ids joined by newlines.

    >>> items_hash(["b", "a"]) == items_hash(["a", "b"])
    True
    >>> len(items_hash(["a"]))
    16
    """
    return hashlib.sha256("\n".join(sorted(ids)).encode("utf-8")).hexdigest()[:16]


def _leaderboard_error(message: str, line: int | None = None) -> LeaderboardError:
    return LeaderboardError(message)


def _hash_from_predictions(path: Path) -> str:
    ids = []
    for number, row in read_json_lines(path, fix="rerun the evaluation", error=_leaderboard_error):
        if not isinstance(row, dict) or ID not in row:
            raise LeaderboardError(f"{path} line {number} has no {ID!r}: rerun the evaluation to write the item ids")
        ids.append(str(row[ID]))
    return items_hash(ids)


def read_run(path: str | Path) -> Run:
    """Read one run from its ``results.json`` or the folder holding it; its item hash from the file or predictions."""
    given = Path(path)
    results_path = given / "results.json" if given.is_dir() else given
    if not results_path.is_file():
        where = f"{given} holds no results.json" if given.is_dir() else f"{given} does not exist"
        raise LeaderboardError(f"{where}: pass an evaluation run's folder or its results.json")
    results = read_json_object(results_path, fix="pass an evaluation's results.json", error=_leaderboard_error)
    accuracy = results.get("accuracy")
    if not _is_number(accuracy) or not 0 <= accuracy <= 1:
        keys = ", ".join(list(results)[:6]) or "none"
        message = (
            f"{results_path} has no numeric 'accuracy' from 0 to 1 (its keys: {keys}): "
            "pass the results.json of an evaluation run"
        )
        raise LeaderboardError(message)
    interval = results.get("accuracy_interval")
    if interval is not None and _interval(interval) is None:
        message = f"{results_path}: 'accuracy_interval' is not two numbers: pass the results.json of an evaluation run"
        raise LeaderboardError(message)
    found = results.get("items_hash")
    if found is not None and not isinstance(found, str):
        message = f"{results_path}: 'items_hash' is not a string: pass the results.json of an evaluation run"
        raise LeaderboardError(message)
    if not found:
        predictions = results_path.parent / "predictions.jsonl"
        found = _hash_from_predictions(predictions) if predictions.is_file() else None
    return Run(source=results_path, results=results, items_hash=found)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _interval(value: Any) -> tuple[float, float] | None:
    """A 95% interval as results.json holds it (two numbers), or None for anything else."""
    if isinstance(value, Sequence) and not isinstance(value, str) and len(value) == 2 and all(map(_is_number, value)):
        return float(value[0]), float(value[1])
    return None


def _percent(value: Any) -> str:
    return f"{value:.2%}" if _is_number(value) else MISSING


def _with_interval(value: Any, interval: Any) -> str:
    if not _is_number(value):
        return MISSING
    bounds = _interval(interval)
    return f"{value:.2%} ({bounds[0]:.2%}-{bounds[1]:.2%})" if bounds else f"{value:.2%}"


def _nested(results: Mapping[str, Any], key: str, field: str) -> Any:
    section = results.get(key)
    return section.get(field) if isinstance(section, Mapping) else None


def _text(value: Any) -> str:
    return MISSING if value is None or value == "" else str(value).replace("|", "\\|")


def item_sets(runs: Sequence[Run]) -> dict[str | None, str]:
    """Name each item set ``S1``, ``S2``... by size of its group of runs (``S1`` the largest); unknown is ``?``."""
    counts = Counter(run.items_hash for run in runs if run.items_hash)
    names: dict[str | None, str] = {None: "?"}
    for number, (found, _) in enumerate(counts.most_common(), start=1):
        names[found] = f"S{number}"
    return names


def render_table(runs: Sequence[Run]) -> str:
    """Return the leaderboard as Markdown: one row per run, best accuracy first, then a note on the item sets."""
    names = item_sets(runs)
    header = [
        "#",
        "model",
        "adapter",
        "protocol",
        "mode",
        "shots",
        "n",
        "items",
        "accuracy (95% CI)",
        "debiased (95% CI)",
        "circular (95% CI)",
        "RStd",
        "invalid",
        "items/s",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for rank, run in enumerate(sorted(runs, key=lambda r: -r.accuracy), start=1):
        data = run.results
        rstd = _nested(data, "selection_bias", "rstd")
        speed = data.get("items_per_second")
        name = names[run.items_hash]
        cells = [
            str(rank),
            _text(data.get("model")),
            _text(data.get("adapter")),
            _text(data.get("protocol") or "package"),
            _text(data.get("mode")),
            _text(data.get("shots")),
            _text(data.get("n")),
            name if name == "S1" else f"**{name}**",
            _with_interval(data["accuracy"], data.get("accuracy_interval")),
            _with_interval(_nested(data, "debiased", "accuracy"), _nested(data, "debiased", "accuracy_interval")),
            _with_interval(_nested(data, "circular", "accuracy"), _nested(data, "circular", "accuracy_interval")),
            f"{rstd:.1f}" if _is_number(rstd) else MISSING,
            _percent(data.get("invalid_rate")),
            f"{speed:.2f}" if _is_number(speed) else MISSING,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    notes = ["", "Items: runs with the same set name scored the same item ids (hash of the sorted ids)."]
    for found, name in sorted(names.items(), key=lambda pair: pair[1]):
        members = [str(run.source) for run in runs if run.items_hash == found]
        if members and name != "S1":
            why = "unknown (no items_hash and no predictions.jsonl)" if found is None else f"hash {found}"
            notes.append(
                f"**{name}** ({why}): not comparable with S1, scored on other items: " + ", ".join(members) + "."
            )
    hashes = {run.items_hash for run in runs}
    if len(hashes) == 1 and None not in hashes:
        notes[-1] += " All runs scored the same items."
    return "\n".join(lines + notes) + "\n"


def plot(runs: Sequence[Run], path: Path) -> Path:
    """Horizontal bars of accuracy with 95% intervals, best on top; runs on other items hatched and labelled."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = item_sets(runs)
    ordered = sorted(runs, key=lambda r: r.accuracy)
    labels, lows, highs = [], [], []
    for run in ordered:
        data = run.results
        label = f"{data.get('model', '?')}" + (f" + {data['adapter']}" if data.get("adapter") else "")
        protocol = "" if (data.get("protocol") or "package") == "package" else f"{data['protocol']} protocol, "
        label += f" [{protocol}{data.get('mode', '?')}, {data.get('shots', 0)}-shot, {names[run.items_hash]}]"
        labels.append(label[-70:])
        low, high = _interval(data.get("accuracy_interval")) or (run.accuracy, run.accuracy)
        lows.append(max(run.accuracy - low, 0.0))
        highs.append(max(high - run.accuracy, 0.0))
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.45 * len(ordered)))
    bars = ax.barh(range(len(ordered)), [r.accuracy for r in ordered], xerr=[lows, highs], capsize=4, color="#4C72B0")
    for bar, run in zip(bars, ordered, strict=True):
        if names[run.items_hash] != "S1":
            bar.set_hatch("//")
            bar.set_facecolor("#DD8452")
    ax.axvline(0.25, color="grey", linestyle="--", label="chance")
    ax.set_yticks(range(len(ordered)), labels, fontsize=8)
    ax.set_xlim(0, 1)
    ax.set_xlabel("accuracy (95% interval); hatched: other items than S1")
    ax.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def _check_output_dir(output_dir: Path) -> None:
    table, figure = output_dir / "leaderboard.md", output_dir / "leaderboard.png"
    check_writable(output_dir, "--output-dir", folder=True, error=LeaderboardError)
    ours = table.is_file() and table.read_text(encoding="utf-8", errors="replace").startswith(MARKER)
    if (table.exists() or figure.exists()) and not ours:
        message = (
            f"{output_dir} already holds a leaderboard.md or leaderboard.png that this command did not write: "
            "pass another --output-dir"
        )
        raise LeaderboardError(message)


def write(paths: Sequence[str | Path], output_dir: str | Path) -> tuple[Path, Path]:
    """Read the runs at ``paths`` and write ``leaderboard.md`` and ``leaderboard.png`` into ``output_dir``."""
    if not paths:
        raise LeaderboardError("no runs given: pass one or more evaluation run folders or results.json files")
    output_dir = Path(output_dir)
    _check_output_dir(output_dir)
    runs = [read_run(path) for path in paths]
    seen: dict[Path, str] = {}
    for path, run in zip(paths, runs, strict=True):
        key = run.source.resolve()
        if key in seen:
            raise LeaderboardError(f"{path} and {seen[key]} are the same run: give each run once")
        seen[key] = str(path)
    text = f"{MARKER}\n\n# Leaderboard\n\n{render_table(runs)}"
    output_dir.mkdir(parents=True, exist_ok=True)
    table, figure = output_dir / "leaderboard.md", output_dir / "leaderboard.png"
    # Both files are written aside and renamed once both are complete: never a half-written table or plot.
    table_aside, figure_aside = output_dir / ".leaderboard.md.tmp", output_dir / ".leaderboard.tmp.png"
    try:
        table_aside.write_text(text, encoding="utf-8")
        plot(runs, figure_aside)
        os.replace(figure_aside, figure)
        os.replace(table_aside, table)
    finally:
        table_aside.unlink(missing_ok=True)
        figure_aside.unlink(missing_ok=True)
    return table, figure


def make_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
    """Build the ``leaderboard`` subcommand's parser."""
    parser = subcommand_parser(
        subparsers,
        "leaderboard",
        "Rank evaluation runs by accuracy. Reads each run's results.json and writes leaderboard.md (model, adapter, "
        "protocol, mode, shots, accuracy with its 95% interval, debiased and circular accuracy, RStd, invalid rate, "
        "items/s) and leaderboard.png into --output-dir. Runs scored on other items than the rest are flagged.",
    )
    parser.add_argument("runs", nargs="+", metavar="RUN", help="an evaluation run's folder or its results.json")
    parser.add_argument("--output-dir", required=True, help="folder to write leaderboard.md and leaderboard.png into")
    return parser


def main(args: argparse.Namespace) -> int:
    """Run ``leaderboard``: write the files, print the table and where they went."""
    table, figure = write(args.runs, args.output_dir)
    print(table.read_text(encoding="utf-8").split("\n", 2)[2].strip())
    print(f"\nwrote {table} and {figure}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(make_parser().parse_args()))
