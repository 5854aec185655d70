"""Extraction on the public set: ``extract_answer`` beside the leaderboard's filter and the reference regex.

Three readers of the same outputs:

- **ours**: :func:`cosmosqa_ptbr.evaluation.extraction.extract_answer`.
- **leaderboard filter**: what the Open Portuguese LLM Leaderboard applies to generations, the filter chain
  ``normalize_spaces`` -> ``remove_accents`` -> ``find_choices`` of its lm-evaluation-harness fork, with the
  patterns of its task YAMLs written for the item's letters:
  :func:`cosmosqa_ptbr.evaluation.extraction.leaderboard_extract` (its docstring gives the provenance).
- **reference regex**: the reference work's parser, the first line after the assistant marker matched
  against ``Alternativa\\s*([A-Z])``.

A case counts as read right when the letter returned equals the annotated one; for outputs annotated as
unreadable (``None``) that means returning no letter. Each case's letters come from its options (three
options: A-C), A-D without options.

**The public set is a regression suite, not a test set.** ``extract_answer`` was changed until every case in
``tests/data/extraction_cases.jsonl`` passed, so its 100% there holds by construction and says nothing about
unseen outputs. What does say something is how each batch of cases scored when it was first written, before
the parser saw it: those figures are kept in ``tests/data/extraction_first_sight.json``, and the tables below
put them beside today's reading of the same batch (per batch, then per category of each batch). A batch
marked ``held-out`` was written without sight of the parser and measured once, as written, before the parser was
changed for it; it stays out of the regression set, and its first-sight figure is the estimate of accuracy on unseen
replies. Last, the sample's own texts given as replies: the English original of
each option, which should read as that option, and each story, which should read as no answer
(:func:`sample_readings`). Run: ``python benchmarks/extraction_baseline.py``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cosmosqa_ptbr
from cosmosqa_ptbr.evaluation.extraction import extract_answer, item_letters, leaderboard_extract
from cosmosqa_ptbr.tasks import get_task

DATA_DIR = Path(__file__).resolve().parents[1] / "tests" / "data"
CASES_FILE = DATA_DIR / "extraction_cases.jsonl"
HELD_OUT_FILE = DATA_DIR / "extraction_held_out.jsonl"
FIRST_SIGHT_FILE = DATA_DIR / "extraction_first_sight.json"
_BASELINE = re.compile(rf"{get_task('cosmos_qa_ptbr').prompt.answer_prefix}\s*([A-Z])")
BUILTIN_DIR = Path(cosmosqa_ptbr.__file__).resolve().parent / "tasks" / "builtin"
#: Cases written before batches were named.
UNNAMED_BATCH = "2026-11 (a, b)"


def baseline_letter(text: str, options: list[str] | None = None) -> str | None:
    """The reference parser: the first line after the assistant marker, then ``Alternativa\\s*([A-Z])``."""
    answer = text.split("<|assistant|>")[-1].strip()
    first_line = answer.split("\n")[0] if answer else ""
    match = _BASELINE.search(first_line)
    return match.group(1) if match else None


def leaderboard_letter(text: str, options: list[str] | None = None) -> str | None:
    """The Open Portuguese LLM Leaderboard's reading, with the item's letters."""
    return leaderboard_extract(text, item_letters(options))


def ours_letter(text: str, options: list[str] | None = None) -> str | None:
    """This package's extractor."""
    return extract_answer(text, options).letter


PARSERS: dict[str, Callable[..., str | None]] = {
    "ours": ours_letter,
    "leaderboard filter": leaderboard_letter,
    "reference regex": baseline_letter,
}


def measure(cases: list[dict[str, Any]], parsers: dict[str, Callable[..., str | None]]) -> dict[str, dict[str, list]]:
    """Return, per category (and "all", "answerable", "unanswerable"), per parser, the hit/miss booleans."""
    hits: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for case in cases:
        for name, parser in parsers.items():
            hit = parser(case["text"], case["options"]) == case["letter"]
            for key in (case["category"], "all"):
                hits[key][name].append(hit)
            hits["answerable" if case["letter"] else "unanswerable"][name].append(hit)
    return hits


def format_table(hits: dict[str, dict[str, list]], parsers: dict[str, Callable[..., str | None]]) -> str:
    """One row per category, then answerable / unanswerable / all; columns: each parser's accuracy, then n."""
    order = sorted(key for key in hits if key not in ("all", "answerable", "unanswerable"))
    header = f"{'category':<20}" + "".join(f"{name:>20}" for name in parsers) + f"{'n':>6}"
    lines = [header, "-" * len(header)]
    for key in [*order, "answerable", "unanswerable", "all"]:
        if key == "answerable":
            lines.append("-" * len(header))
        row = hits.get(key)
        if not row:
            continue
        n = len(next(iter(row.values())))
        cells = "".join(f"{sum(row[name]) / n:>20.1%}" for name in parsers)
        lines.append(f"{key:<20}{cells}{n:>6}")
    return "\n".join(lines)


def batch_of(case: dict[str, Any]) -> str:
    """The batch a case was written in."""
    return case.get("batch", UNNAMED_BATCH)


def measure_batches(
    cases: list[dict[str, Any]], parsers: dict[str, Callable[..., str | None]]
) -> dict[str, dict[str, dict[str, list]]]:
    """Per batch: :func:`measure` of its cases (per category, "all", "answerable", "unanswerable")."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for case in cases:
        grouped[batch_of(case)].append(case)
    return {name: measure(batch, parsers) for name, batch in grouped.items()}


_KEYS = {"ours": "ours", "leaderboard filter": "leaderboard_filter", "reference regex": "reference_regex"}


def _share(values: list) -> float:
    return sum(values) / len(values)


def _cell(value: float | None) -> str:
    return f"{value:>8.1%}" if value is not None else f"{'-':>8}"


def format_batches(batches: list[dict[str, Any]], final: dict[str, dict[str, dict[str, list]]]) -> str:
    """One row per batch: for each reader, the first-sight accuracy (recorded) and today's (final)."""
    width = max([34, *(len(name) + len(" (held out)") + 1 for name in final)])
    header = f"{'batch':<{width}}" + "".join(f"{name:>20}" for name in PARSERS) + f"{'n':>6}"
    sub = f"{'':<{width}}" + "".join(f"{'first':>11}{'final':>9}" for _ in PARSERS)
    lines = [header, sub, "-" * len(header)]
    recorded = {batch["batch"]: batch for batch in batches}
    for name in sorted(final, key=lambda b: (b not in recorded, list(recorded).index(b) if b in recorded else 0, b)):
        row = final[name]["all"]
        first = recorded.get(name, {})
        cells = "".join(
            f"{_cell(first.get(_KEYS[parser])) if first else _cell(None):>11}{_cell(_share(row[parser])):>9}"
            for parser in PARSERS
        )
        mark = " (held out)" if first.get("held_out") else ""
        lines.append(f"{name + mark:<{width}}{cells}{len(row['ours']):>6}")
    return "\n".join(lines)


def format_batch_categories(batches: list[dict[str, Any]], final: dict[str, dict[str, dict[str, list]]]) -> str:
    """For each batch whose first sight was recorded by category: each category, first sight and final."""
    header = f"{'batch / category':<44}" + "".join(f"{name:>20}" for name in PARSERS) + f"{'n':>6}"
    sub = f"{'':<44}" + "".join(f"{'first':>11}{'final':>9}" for _ in PARSERS)
    lines = [header, sub, "-" * len(header)]
    for batch in batches:
        categories = batch.get("categories")
        if not categories or batch["batch"] not in final:
            continue
        for category, first in sorted(categories.items()):
            row = final[batch["batch"]].get(category)
            if not row:
                continue
            cells = "".join(
                f"{_cell(first.get(_KEYS[parser])):>11}{_cell(_share(row[parser])):>9}" for parser in PARSERS
            )
            lines.append(f"{batch['batch'] + ' / ' + category:<44}{cells}{first['n']:>6}")
    return "\n".join(lines)


def format_first_sight(batches: list[dict[str, Any]]) -> str:
    """The recorded first-sight accuracy of each batch: read before the parser was changed for it."""
    header = f"{'batch (first sight)':<34}{'date':>12}" + "".join(f"{name:>20}" for name in PARSERS) + f"{'n':>6}"
    lines = [header, "-" * len(header)]
    for batch in batches:
        cells = "".join(
            f"{batch[key]:>20.1%}" if batch.get(key) is not None else f"{'-':>20}"
            for key in ("ours", "leaderboard_filter", "reference_regex")
        )
        lines.append(f"{batch['batch']:<34}{batch['date']:>12}{cells}{batch['n']:>6}")
    return "\n".join(lines)


def _pooled_row(label: str, batches: list[dict[str, Any]]) -> str:
    n = sum(b["n"] for b in batches)
    cells = "".join(f"{sum(b[_KEYS[parser]] * b['n'] for b in batches) / n:>20.1%}" for parser in PARSERS)
    return f"{label:<34}{cells}{n:>6}"


def format_held_out(batches: list[dict[str, Any]]) -> str:
    """The held-out batches' first-sight accuracy, one row each, pooled for replies written by people and chat
    models, for generations of the embedded model (batches with a ``generation`` record), and for all: the estimate
    for unseen replies."""
    held = [batch for batch in batches if batch.get("held_out")]
    header = f"{'held-out batch':<34}" + "".join(f"{name:>20}" for name in PARSERS) + f"{'n':>6}"
    lines = [header, "-" * len(header)]
    if not held:
        return "\n".join(lines)
    written = [batch for batch in held if "generation" not in batch]
    generated = [batch for batch in held if "generation" in batch]
    for group, label in ((written, "written replies"), (generated, "model generations")):
        if not group:
            continue
        for batch in group:
            cells = "".join(f"{batch[_KEYS[parser]]:>20.1%}" for parser in PARSERS)
            lines.append(f"{batch['batch']:<34}{cells}{batch['n']:>6}")
        lines.append(_pooled_row(f"  {label}", group))
    lines.append("-" * len(header))
    lines.append(_pooled_row("all held out", held))
    return "\n".join(lines)


def sample_readings() -> dict[str, int]:
    """The extractor on the embedded sample's own texts (a regression check like the public set, not an estimate).

    ``english_*``: the English original of each option (Cosmos QA's own, "none of the above" left out) given as the
    reply to the Portuguese item: read as that option (``english_right``), as another (``english_wrong``), out of
    ``english_total``; ``contexts_read``: items whose story, given as the reply, reads as an answer, out of
    ``contexts_total``.
    """
    spec = get_task("cosmos_qa_ptbr")
    columns = spec.columns
    rows = [json.loads(line) for line in (BUILTIN_DIR / "cosmos_qa_ptbr.validation.jsonl").open(encoding="utf-8")]
    with (BUILTIN_DIR / "cosmos_qa_en.validation.csv").open(encoding="utf-8") as handle:
        english = {row["id"]: row for row in csv.DictReader(handle)}
    found = dict.fromkeys(("english_right", "english_wrong", "english_total", "contexts_read", "contexts_total"), 0)
    for row in rows:
        options = [row[column] for column in columns.option_columns]
        found["contexts_total"] += 1
        found["contexts_read"] += extract_answer(row[columns.context], options).letter is not None
        original = english.get(row[columns.id])
        if original is None:
            continue
        for index, letter in enumerate(spec.letters):
            text = original[f"answer{index}"]
            if "none of the above" in text.lower():
                continue
            got = extract_answer(text, options).letter
            found["english_total"] += 1
            found["english_right"] += got == letter
            found["english_wrong"] += got is not None and got != letter
    return found


def format_sample_readings(found: dict[str, int]) -> str:
    """:func:`sample_readings` in two lines."""
    total = found["english_total"]
    return (
        f"English originals of the options as replies: {found['english_right']} read as their option "
        f"({found['english_right'] / total:.1%}), {found['english_wrong']} as another "
        f"({found['english_wrong'] / total:.2%}), of {total}\n"
        f"Story contexts as replies: {found['contexts_read']} of {found['contexts_total']} read as an answer"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES_FILE, help="JSONL of annotated outputs")
    parser.add_argument("--held-out", type=Path, default=HELD_OUT_FILE, help="JSONL of held-out annotated outputs")
    args = parser.parse_args()
    cases = [json.loads(line) for line in args.cases.read_text(encoding="utf-8").splitlines() if line.strip()]
    held_out = [json.loads(line) for line in args.held_out.read_text(encoding="utf-8").splitlines() if line.strip()]
    batches = json.loads(FIRST_SIGHT_FILE.read_text(encoding="utf-8"))["batches"]
    print(format_table(measure(cases, PARSERS), PARSERS))
    print(
        "\n'ours' reads 100% of the public set by construction: the parser was changed until every case passed."
        "\nAccuracy on outputs it had not seen is the first-sight figure of each batch, recorded when the batch"
        "\nwas written and before the parser was changed for it:\n"
    )
    print(format_first_sight(batches))
    final = measure_batches(cases + held_out, PARSERS)
    print("\nFirst sight (recorded) and final (today) by batch; held-out batches are not in the regression set:\n")
    print(format_batches(batches, final))
    print("\nFirst sight and final by category of each batch recorded by category:\n")
    print(format_batch_categories(batches, final))
    print("\nHeld out (each measured once, as written, before the extractor was changed for it), at first sight:\n")
    print(format_held_out(batches))
    print("\nOn the embedded sample's own texts (an English original reads as its own option; a story as no answer):\n")
    print(format_sample_readings(sample_readings()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
