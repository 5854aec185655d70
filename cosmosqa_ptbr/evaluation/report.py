"""Write an evaluation run's report.md and plots (matplotlib with the Agg backend: no display needed)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .extraction import UNREADABLE

__all__ = ["plot_accuracy", "plot_confusion", "plot_selection_bias", "render_report", "results_table"]


def letters_of(results: Mapping[str, Any]) -> list[str]:
    """The answer letters of a run: recorded with its task, else the rows of its confusion matrix (older runs)."""
    task = results.get("task") or {}
    if task.get("letters"):
        return list(task["letters"])
    return list(results.get("confusion_matrix") or "ABCD")


def _pool(results: Mapping[str, Any]) -> str:
    pool = results.get("shots_pool")
    return f"; pool {pool['size']} items, seed {results.get('shots_seed')}" if pool else ""


#: How the results table names each protocol (a run of an earlier release is ``package``).
PROTOCOL_NAMES = {
    "package": "package (the task's own prompt)",
    "leaderboard": "leaderboard (the Open Portuguese LLM Leaderboard's: description, few-shot, generation until a "
    "blank line, find_choices)",
}
#: How the results table names each extractor.
EXTRACTOR_NAMES = {"ours": "ours (extract_answer)", "leaderboard": "leaderboard (find_choices)"}


def _interval_text(scores: Mapping[str, Any]) -> str:
    low, high = scores["accuracy_interval"]
    return f"{scores['accuracy']:.2%} (95% CI {low:.2%} to {high:.2%})"


def results_table(results: Mapping[str, Any]) -> str:
    """Return the headline numbers of a results.json mapping as a Markdown table."""
    low, high = results["accuracy_interval"]
    protocol = results.get("protocol") or "package"
    rows = [
        ("model", results["model"] + (f" + {results['adapter']}" if results.get("adapter") else "")),
        ("protocol", PROTOCOL_NAMES.get(protocol, protocol)),
        ("mode", results["mode"]),
        ("task", (results.get("task") or {}).get("name", "cosmos_qa_ptbr")),
        ("data", f"{results['config']} / {results['split']} (n = {results['n']})"),
        ("shots", f"{results['shots']} ({results.get('shots_source') or 'none'}{_pool(results)})"),
        ("accuracy", f"{results['accuracy']:.2%} (95% CI {low:.2%} to {high:.2%})"),
    ]
    if results.get("option_accuracy") is not None:
        rows.append(("option-text accuracy", f"{results['option_accuracy']:.2%}"))
    orders = f"all {len(letters_of(results))} orders"
    for key, name in (("debiased", "PriDe-debiased accuracy"), ("circular", f"circular accuracy ({orders})")):
        extra = results.get(key)
        if extra:
            low_x, high_x = extra["accuracy_interval"]
            rows.append(
                (name, f"{extra['accuracy']:.2%} (95% CI {low_x:.2%} to {high_x:.2%}; cost {extra['cost']:.2f}x)")
            )
    bias = results.get("selection_bias")
    if bias:
        after = f"; {results['debiased']['rstd']:.1f} after PriDe" if results.get("debiased") else ""
        rows.append(("selection bias (RStd of recall per letter)", f"{bias['rstd']:.1f} points{after}"))
    if results["mode"] == "generate":
        extractor = results.get("extractor") or "ours"
        rows.append(("answers read by", EXTRACTOR_NAMES.get(extractor, extractor)))
        rows.append(("lenient accuracy", f"{results['lenient_accuracy']:.2%}"))
        rows.append(("invalid rate", f"{results['invalid_rate']:.2%}"))
        for name, scores in (results.get("extractors") or {}).items():
            if name != extractor:
                rows.append((f"accuracy read by {EXTRACTOR_NAMES.get(name, name)}", _interval_text(scores)))
                rows.append((f"invalid rate read by {name}", f"{scores['invalid_rate']:.2%}"))
    rows.append(("time", f"{results['seconds']:.1f} s ({results['items_per_second']:.2f} items/s)"))
    lines = ["| | |", "|---|---|", *(f"| {name} | {value} |" for name, value in rows)]
    return "\n".join(lines)


def _confusion_labels(confusion: Mapping[str, Mapping[str, int]]) -> tuple[list[str], list[str]]:
    letters = list(confusion)
    columns = letters + ([UNREADABLE] if any(UNREADABLE in row for row in confusion.values()) else [])
    return letters, columns


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
    label = results["mode"] if (results.get("protocol") or "package") == "package" else str(results["protocol"])
    ax.bar([label], [accuracy], yerr=[[accuracy - low], [high - accuracy]], capsize=8, color="#4C72B0")
    ax.axhline(1 / len(letters_of(results)), color="grey", linestyle="--", label="chance")
    ax.set_ylim(0, 1)
    ax.set_ylabel("accuracy")
    ax.set_title(f"{results['split']} (n = {results['n']})")
    ax.legend(loc="upper right")
    fig.tight_layout()
    fig.savefig(path, dpi=100, format="png")
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
    fig.savefig(path, dpi=100, format="png")
    plt.close(fig)
    return path


def _selection_markdown(bias: Mapping[str, Any], debiased: Mapping[str, Any] | None) -> str:
    lines = ["| letter | gold | predicted | recall |", "|---|---|---|---|"]
    for letter in bias["gold"]:
        recall = bias["recall"].get(letter)
        shown = "-" if recall is None else f"{recall:.2%}"
        lines.append(f"| {letter} | {bias['gold'][letter]} | {bias['predicted'][letter]} | {shown} |")
    lines += ["", f"RStd (population std of the recalls): {bias['rstd']:.1f} points."]
    if debiased:
        prior = ", ".join(f"{letter} {value:.3f}" for letter, value in debiased["prior"].items())
        lines.append(
            f"PriDe prior over the letters ({debiased['calibration_items']} calibration items): {prior}; "
            f"RStd after debiasing: {debiased['rstd']:.1f} points."
        )
    return "\n".join(lines)


def plot_selection_bias(results: Mapping[str, Any], path: Path) -> Path:
    """Bars of how often each letter was predicted beside how often it is the gold answer."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    bias = results["selection_bias"]
    letters = list(bias["gold"])
    positions = range(len(letters))
    width = 0.4
    fig, ax = plt.subplots(figsize=(4.5, 3.5))
    ax.bar([p - width / 2 for p in positions], [bias["gold"][x] for x in letters], width, label="gold", color="#999999")
    predicted = [bias["predicted"][x] for x in letters]
    ax.bar([p + width / 2 for p in positions], predicted, width, label="predicted", color="#4C72B0")
    ax.set_xticks(list(positions), letters)
    ax.set_ylabel("items")
    ax.set_title(f"letters predicted vs gold (RStd {bias['rstd']:.1f})")
    ax.legend(loc="upper right")
    fig.tight_layout()
    fig.savefig(path, dpi=100, format="png")
    plt.close(fig)
    return path


def _prompt_markdown(settings: Mapping[str, Any]) -> list[str]:
    """One rendered prompt of the run, as the model read it, in a fence no backtick run in it can close."""
    example = settings.get("prompt_example")
    if not example:
        return []
    text = example["text"]
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    source = settings.get("chat_template") or "?"
    rendering = f"; the leaderboard's rendering: {example['rendering']}" if example.get("rendering") else ""
    intro = f"Item `{example['id']}` as the model read it (chat template: {source}{rendering}):"
    return ["## Prompt", "", intro, "", f"{fence}text", text, fence, ""]


def render_report(results: Mapping[str, Any], plots: Mapping[str, str]) -> str:
    """Return report.md: the results table, the confusion matrix, rule counts, one prompt and how it was run."""
    protocol = results.get("protocol") or "package"
    under = " under the leaderboard protocol" if protocol == "leaderboard" else ""
    parts = [
        f"# Evaluation: {results['model']} on {results['config']}/{results['split']}{under}",
        "",
        results_table(results),
        "",
    ]
    parts += ["## Confusion matrix", "", _confusion_markdown(results["confusion_matrix"]), ""]
    if results.get("selection_bias"):
        parts += ["## Selection bias", "", _selection_markdown(results["selection_bias"], results.get("debiased")), ""]
    if results.get("rules"):
        parts += ["## Extraction rules", "", "| rule | count |", "|---|---|"]
        parts += [f"| {rule} | {count} |" for rule, count in results["rules"].items() if count]
        parts.append("")
    parts += _prompt_markdown(results.get("settings") or {})
    parts += ["## Plots", ""] + [f"![{name}]({file})" for name, file in plots.items()] + [""]
    parts += ["## Settings", "", "```json"]
    import json

    parts += [json.dumps({"config": results["settings"], "versions": results["versions"]}, indent=2), "```", ""]
    return "\n".join(parts)
