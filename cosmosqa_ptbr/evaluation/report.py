"""Write an evaluation run's report.md and plots (matplotlib with the Agg backend: no display needed)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..schema import LETTERS

__all__ = ["plot_accuracy", "plot_confusion", "render_report", "results_table"]

INVALID = "invalid"


def results_table(results: Mapping[str, Any]) -> str:
    """Return the headline numbers of a results.json mapping as a Markdown table."""
    low, high = results["accuracy_interval"]
    rows = [
        ("model", results["model"] + (f" + {results['adapter']}" if results.get("adapter") else "")),
        ("mode", results["mode"]),
        ("data", f"{results['config']} / {results['split']} (n = {results['n']})"),
        ("shots", f"{results['shots']} ({results.get('shots_source') or 'none'})"),
        ("accuracy", f"{results['accuracy']:.2%} (95% CI {low:.2%} to {high:.2%})"),
    ]
    if results.get("option_accuracy") is not None:
        rows.append(("option-text accuracy", f"{results['option_accuracy']:.2%}"))
    if results["mode"] == "generate":
        rows.append(("lenient accuracy", f"{results['lenient_accuracy']:.2%}"))
        rows.append(("invalid rate", f"{results['invalid_rate']:.2%}"))
    rows.append(("time", f"{results['seconds']:.1f} s ({results['items_per_second']:.2f} items/s)"))
    lines = ["| | |", "|---|---|", *(f"| {name} | {value} |" for name, value in rows)]
    return "\n".join(lines)


def _confusion_labels(confusion: Mapping[str, Mapping[str, int]]) -> tuple[list[str], list[str]]:
    columns = list(LETTERS) + ([INVALID] if any(INVALID in row for row in confusion.values()) else [])
    return list(LETTERS), columns


def _confusion_markdown(confusion: Mapping[str, Mapping[str, int]]) -> str:
    rows, columns = _confusion_labels(confusion)
    lines = ["| gold \\ predicted | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for gold in rows:
        counts = confusion.get(gold, {})
        lines.append(f"| {gold} | " + " | ".join(str(counts.get(c, 0)) for c in columns) + " |")
    return "\n".join(lines)


def plot_accuracy(results: Mapping[str, Any], path: Path) -> Path:
    """Bar of accuracy with its 95% bootstrap interval, beside chance (25%)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    low, high = results["accuracy_interval"]
    accuracy = results["accuracy"]
    fig, ax = plt.subplots(figsize=(4.5, 3.5))
    ax.bar([results["mode"]], [accuracy], yerr=[[accuracy - low], [high - accuracy]], capsize=8, color="#4C72B0")
    ax.axhline(1 / len(LETTERS), color="grey", linestyle="--", label="chance")
    ax.set_ylim(0, 1)
    ax.set_ylabel("accuracy")
    ax.set_title(f"{results['split']} (n = {results['n']})")
    ax.legend(loc="upper right")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def plot_confusion(results: Mapping[str, Any], path: Path) -> Path:
    """Heat map of gold letter against predicted letter (and unreadable answers in generate mode)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    confusion = results["confusion_matrix"]
    rows, columns = _confusion_labels(confusion)
    counts = [[confusion.get(g, {}).get(c, 0) for c in columns] for g in rows]
    fig, ax = plt.subplots(figsize=(4.5, 4))
    image = ax.imshow(counts, cmap="Blues")
    ax.set_xticks(range(len(columns)), columns)
    ax.set_yticks(range(len(rows)), rows)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    top = max(max(row) for row in counts) or 1
    for i, row in enumerate(counts):
        for j, value in enumerate(row):
            ax.text(j, i, str(value), ha="center", va="center", color="white" if value > top / 2 else "black")
    fig.colorbar(image, ax=ax)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def render_report(results: Mapping[str, Any], plots: Mapping[str, str]) -> str:
    """Return report.md: the results table, the confusion matrix, rule counts and how it was run."""
    parts = [
        f"# Evaluation: {results['model']} on {results['config']}/{results['split']}",
        "",
        results_table(results),
        "",
    ]
    parts += ["## Confusion matrix", "", _confusion_markdown(results["confusion_matrix"]), ""]
    if results.get("rules"):
        parts += ["## Extraction rules", "", "| rule | count |", "|---|---|"]
        parts += [f"| {rule} | {count} |" for rule, count in results["rules"].items() if count]
        parts.append("")
    parts += ["## Plots", ""] + [f"![{name}]({file})" for name, file in plots.items()] + [""]
    parts += ["## Settings", "", "```json"]
    import json

    parts += [json.dumps({"config": results["settings"], "versions": results["versions"]}, indent=2), "```", ""]
    return "\n".join(parts)
