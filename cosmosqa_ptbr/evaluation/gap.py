"""The translation gap item by item: the items many models get right in the source language and wrong in the
translation, ranked for a dataset maintainer to review.

``cosmosqa-ptbr gap --pair EN_RUN PT_RUN [--pair EN_RUN PT_RUN ...] --output-dir REVIEW`` (or ``--runs FOLDER...``,
whose runs are paired by model and task) compares each model's run on the source task with its run on the
translated task through :func:`~.compare.compare` (paired gap, McNemar, the flipping items), counts for every item
the models that flip (right in the source language, wrong in the translation), and ranks the items by that count;
ties go to the larger mean drop in the probability the flipping models gave the gold letter (0 for runs without
letter probabilities), then to the smaller id. The texts are loaded again through the task and data source each
run recorded, so a user's own task files work too. It writes, into a folder it owns (new, empty, or written by an
earlier ``gap``):

- ``review.csv``: every item flipped by at least ``--min-flips`` models, in rank order: id, gold letter, the count
  and the models, their answers in the translation, the reverse flips, then the source and translated context,
  question and options side by side;
- ``review.md``: each model's accuracy in both languages with the paired gap and McNemar's test, then the top
  ``--top`` items with both versions in one table;
- ``gap.png``: each model's accuracy in both languages, and how many items each number of models flips;
- ``summary.json``: the same numbers, every pair's comparison with all its flips.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ..cli.options import CommandError, subcommand_parser
from ..tasks import DEFAULT_TASK, Item, gold_letter, letters_for
from .compare import ComparisonResult, compare
from .leaderboard import read_run as read_results

__all__ = ["GapError", "GapReview", "Pair", "ReviewItem", "Run", "build_review", "main", "make_parser", "write_review"]

WRITTEN_BY: Final = "cosmosqa-ptbr gap"
#: The command name the output folder's manifest records (see cli.folders).
COMMAND: Final = "gap"
FILES: Final = ("review.csv", "review.md", "gap.png", "summary.json")
RANKING: Final = (
    "items ranked by the number of models right in the source language and wrong in the translation; ties by the "
    "mean drop in the probability those models gave the gold letter (larger first; 0 without letter "
    "probabilities), then by id"
)
_DATA_FIELDS: Final = ("task", "dataset_config", "data_files", "data_dir", "repo_id", "revision")


class GapError(CommandError):
    """Runs that cannot be paired or read again: the message names the run or the pair and says how to fix it."""


@dataclass
class Run:
    """One evaluation run: its results.json and what it recorded (task, model, settings, data source)."""

    path: Path
    results: dict[str, Any]

    @property
    def task(self) -> dict[str, Any]:
        """The task the run recorded: name, spec, language, letters, fingerprint."""
        return self.results["task"]

    @property
    def task_name(self) -> str:
        """The task's name."""
        return str(self.task["name"])

    @property
    def settings(self) -> dict[str, Any]:
        """The settings the run was made with (the data source among them)."""
        return self.results["settings"]

    @property
    def model(self) -> str:
        """The model, with its adapter when it had one."""
        adapter = self.results.get("adapter")
        return f"{self.results.get('model')}" + (f" + {adapter}" if adapter else "")

    @property
    def identity(self) -> tuple[str, str, int, str]:
        """What makes two runs the same model's: model and adapter, mode, shots, protocol."""
        results = self.results
        mode, shots = str(results.get("mode", "loglik")), int(results.get("shots") or 0)
        return self.model, mode, shots, str(results.get("protocol") or "package")

    def describe(self) -> str:
        """The model and settings in words: ``m1 (loglik, 0-shot)``, ``m1 (generate, 3-shot, leaderboard protocol)``."""
        model, mode, shots, protocol = self.identity
        asked = "" if protocol == "package" else f", {protocol} protocol"
        return f"{model} ({mode}, {shots}-shot{asked})"

    def data_source(self) -> Any:
        """The task and data source the run read, as a :class:`~cosmosqa_ptbr.data.source.DataSource`."""
        from ..data.source import DataSource

        values = {name: self.settings.get(name) for name in _DATA_FIELDS}
        # Runs of the release before recorded the dataset config as `config`.
        values["dataset_config"] = values["dataset_config"] or self.settings.get("config")
        return DataSource(**values)


@dataclass
class Pair:
    """One model's run on the source task and on the translated task, and their comparison (A: the source)."""

    label: str
    source: Run
    translated: Run
    comparison: ComparisonResult


@dataclass
class ReviewItem:
    """One item: which models flip it (right in the source, wrong in the translation), and both versions."""

    id: str
    gold: str
    scored: int = 0
    flipped: list[str] = field(default_factory=list)
    answers: dict[str, str | None] = field(default_factory=dict)
    reverse: list[str] = field(default_factory=list)
    drops: list[float] = field(default_factory=list)
    source: Item | None = None
    translated: Item | None = None

    @property
    def flips(self) -> int:
        """How many models are right in the source language and wrong in the translation."""
        return len(self.flipped)

    @property
    def drop(self) -> float | None:
        """Mean drop in the gold letter's probability over the flipping models that recorded probabilities."""
        return sum(self.drops) / len(self.drops) if self.drops else None

    def sort_key(self) -> tuple[int, float, str]:
        """Most flips first, then the larger mean drop, then the id."""
        return -self.flips, -(self.drop or 0.0), self.id


@dataclass
class GapReview:
    """The pairs, the items ranked (every shared item), and what was left out."""

    pairs: list[Pair]
    items: list[ReviewItem]
    notes: list[str] = field(default_factory=list)

    @property
    def source_task(self) -> dict[str, Any]:
        """The source task as the runs recorded it."""
        return self.pairs[0].source.task

    @property
    def translated_task(self) -> dict[str, Any]:
        """The translated task as the runs recorded it."""
        return self.pairs[0].translated.task

    def flip_counts(self) -> dict[int, int]:
        """How many items each number of models (0 to all) flips."""
        counts = Counter(item.flips for item in self.items)
        return {k: counts.get(k, 0) for k in range(len(self.pairs) + 1)}

    def selected(self, min_flips: int) -> list[ReviewItem]:
        """The ranked items flipped by at least ``min_flips`` models."""
        return [item for item in self.items if item.flips >= min_flips]


# --------------------------------------------------------------------------------------------- reading runs


def read_run(path: str | Path) -> Run:
    """Read a run (its folder or results.json) and check it records what gap needs: task, settings, predictions."""
    base = read_results(path)
    results, where = base.results, base.source
    task, settings = results.get("task"), results.get("settings")
    if not isinstance(task, dict) or not isinstance(task.get("name"), str) or not isinstance(settings, dict):
        message = (
            f"{where} records no task and settings (written by an older evaluate, or not by evaluate): evaluate "
            "the model again with `cosmosqa-ptbr evaluate --task NAME`"
        )
        raise GapError(message)
    shots = results.get("shots", 0)
    if not isinstance(results.get("model"), str) or not isinstance(shots, int) or isinstance(shots, bool):
        message = f"{where} has no model name or a non-integer shots: pass the results.json of an evaluation run"
        raise GapError(message)
    if not (where.parent / "predictions.jsonl").is_file():
        raise GapError(f"{where}: no predictions.jsonl beside it; gap reads each item's prediction from it")
    if str(results.get("config", "")).endswith("(given items)"):
        message = (
            f"{where} scored items given in Python, not read from a data source: gap cannot load their texts again; "
            "evaluate with a task and data source (--task, --data-files)"
        )
        raise GapError(message)
    return Run(path=where, results=results)


def pairs_from_paths(pairs: Sequence[Sequence[str]]) -> list[tuple[Run, Run]]:
    """Read ``--pair SOURCE TRANSLATED`` runs; each pair must hold exactly two paths."""
    for given in pairs:
        if len(given) != 2:
            message = (
                f"--pair takes two runs, the source-language run then the translated run, got {len(given)}: "
                f"{' '.join(given)}; repeat --pair for each model"
            )
            raise GapError(message)
    return [(read_run(source), read_run(translated)) for source, translated in pairs]


def _find_results(paths: Sequence[str]) -> list[Path]:
    """Each path: a results.json, a run's folder, or a folder searched (without following links) for runs."""
    found: dict[Path, Path] = {}  # one entry per run, however often it is reached
    for given in paths:
        path = Path(given)
        if path.is_file() or (path / "results.json").is_file():
            found.setdefault((path if path.is_file() else path / "results.json").resolve(), path)
            continue
        if not path.is_dir():
            raise GapError(f"--runs {given}: does not exist; pass evaluation run folders or folders holding them")
        inside = sorted(
            Path(root) / "results.json"
            for root, _, names in os.walk(path, followlinks=False)
            if "results.json" in names
        )
        if not inside:
            raise GapError(f"--runs {given}: no results.json in it or below it; pass evaluation run folders")
        for result in inside:
            found.setdefault(result.resolve(), result)
    return list(found.values())


def _spec_of(run: Run) -> Any:
    try:
        return run.data_source().spec
    except CommandError as error:
        raise GapError(f"{run.path}: its task cannot be read again ({error})") from None


def pairs_from_folders(
    paths: Sequence[str], source_task: str | None = None, translated_task: str | None = None
) -> tuple[list[tuple[Run, Run]], list[str]]:
    """Find runs under ``paths`` and pair them by model (model, adapter, mode, shots, protocol) and task.

    The source task is ``source_task``, else the one the other task's spec names as its translation source.
    Returns the pairs and one note for each run left without a partner.
    """
    runs = [read_run(path) for path in _find_results(paths)]
    tasks = sorted({run.task_name for run in runs})
    if source_task is None or translated_task is None:
        if source_task is not None or translated_task is not None:
            known = source_task or translated_task
            others = [name for name in tasks if name != known]
            if len(others) != 1:
                message = f"--runs found tasks {', '.join(tasks)}: pass both --source-task and --translated-task"
                raise GapError(message)
            source_task, translated_task = (known, others[0]) if source_task else (others[0], known)
        elif len(tasks) != 2:
            message = (
                f"--runs found runs on {len(tasks)} task(s) ({', '.join(tasks)}): gap needs a source task and its "
                "translation; pass --source-task and --translated-task"
            )
            raise GapError(message)
        else:
            named = {
                name: _spec_of(next(r for r in runs if r.task_name == name)).translation.source_task for name in tasks
            }
            translations = [name for name in tasks if named[name] in tasks and named[name] != name]
            if len(translations) != 1:
                message = (
                    f"--runs found tasks {' and '.join(tasks)} but neither spec names the other as its source: pass "
                    "--source-task NAME and --translated-task NAME"
                )
                raise GapError(message)
            translated_task = translations[0]
            source_task = named[translated_task]
    for name, flag in ((source_task, "--source-task"), (translated_task, "--translated-task")):
        if name not in tasks:
            raise GapError(f"{flag} {name}: no run found on it (the runs are on {', '.join(tasks)})")
    if source_task == translated_task:
        raise GapError(f"--source-task and --translated-task are both {source_task}: name two tasks")
    notes: list[str] = []
    groups: dict[tuple[str, str, int, str], dict[str, Run]] = {}
    for run in runs:
        if run.task_name not in (source_task, translated_task):
            notes.append(f"left out {run.path}: task {run.task_name} is neither {source_task} nor {translated_task}")
            continue
        group = groups.setdefault(run.identity, {})
        if run.task_name in group:
            message = (
                f"{group[run.task_name].path} and {run.path} are both {run.describe()} on task {run.task_name}: a "
                "run on the same task twice; keep one of them"
            )
            raise GapError(message)
        group[run.task_name] = run
    pairs = []
    for group in groups.values():
        if source_task in group and translated_task in group:
            pairs.append((group[source_task], group[translated_task]))
        else:
            (alone,) = group.values()
            missing = translated_task if alone.task_name == source_task else source_task
            notes.append(f"left out {alone.path}: {alone.describe()} has no run on {missing}")
    if not pairs:
        raise GapError(f"--runs: no model has runs on both {source_task} and {translated_task}")
    return pairs, notes


# --------------------------------------------------------------------------------------------- checks


def _labels(runs: Sequence[Run]) -> list[str]:
    """The model's name, with the protocol, mode and shots where they are not the defaults; a number where still
    equal."""
    labels = []
    for run in runs:
        model, mode, shots, protocol = run.identity
        parts = (
            protocol if protocol != "package" else "",
            mode if mode != "loglik" else "",
            f"{shots}-shot" * bool(shots),
        )
        extra = [part for part in parts if part]
        labels.append(model + (f" [{', '.join(extra)}]" if extra else ""))
    counts = Counter(labels)
    seen: Counter[str] = Counter()
    for index, label in enumerate(labels):
        if counts[label] > 1:
            seen[label] += 1
            labels[index] = f"{label} #{seen[label]}"
    return labels


def check_pairs(run_pairs: Sequence[tuple[Run, Run]], *, seed: int = 0) -> list[Pair]:
    """Check the pairs (two tasks, the same two across pairs, one model per pair, each run once) and compare each."""
    if not run_pairs:
        raise GapError("no runs given: pass --pair SOURCE_RUN TRANSLATED_RUN (repeatable) or --runs FOLDER...")
    seen: dict[Path, Path] = {}
    for source, translated in run_pairs:
        if source.task_name == translated.task_name:
            message = (
                f"--pair {source.path} {translated.path}: both runs are on task {source.task_name}, a run on the "
                "same task twice; pair a run on the source task with one on its translation"
            )
            raise GapError(message)
        if source.identity != translated.identity:
            message = (
                f"--pair {source.path} {translated.path}: the runs are {source.describe()} and "
                f"{translated.describe()}; pair two runs of one model with the same mode, shots and protocol"
            )
            raise GapError(message)
        for run in (source, translated):
            key = run.path.resolve()
            if key in seen:
                raise GapError(f"{run.path} is given twice (also as {seen[key]}): give each run once")
            seen[key] = run.path
    first_source, first_translated = run_pairs[0]
    if _spec_of(first_source).translation.source_task == first_translated.task_name:
        message = (
            f"--pair {first_source.path} {first_translated.path}: task {first_source.task_name} is the translation "
            f"of {first_translated.task_name}; give the source-language run first"
        )
        raise GapError(message)
    for source, translated in run_pairs[1:]:
        if (source.task_name, translated.task_name) != (first_source.task_name, first_translated.task_name):
            message = (
                f"--pair {source.path} {translated.path} is on {source.task_name} -> {translated.task_name}, the first "
                f"pair on {first_source.task_name} -> {first_translated.task_name}: every pair must be on the same "
                "two tasks"
            )
            raise GapError(message)
    labels = _labels([source for source, _ in run_pairs])
    return [
        Pair(label, source, translated, compare(source.path, translated.path, seed=seed))
        for label, (source, translated) in zip(labels, run_pairs, strict=True)
    ]


def check_data(pairs: Sequence[Pair]) -> None:
    """Before any loading: each run's task spec and data files can still be found, and name the same task."""
    from ..data.source import DataSource

    for pair in pairs:
        for run in (pair.source, pair.translated):
            try:
                source: DataSource = run.data_source()
                spec = source.spec
                source.check_paths()
            except CommandError as error:
                message = (
                    f"{run.path}: the data it scored cannot be loaded again ({error}); run gap from the folder "
                    "evaluate ran in, or put the task spec and data files back"
                )
                raise GapError(message) from None
            if spec.name != run.task_name:
                message = (
                    f"{run.path} was made on task {run.task_name}, but its task spec "
                    f"{run.settings.get('task') or DEFAULT_TASK!r} now names {spec.name}: put the run's spec back"
                )
                raise GapError(message)


# --------------------------------------------------------------------------------------------- the review


def _load_items(run: Run, cache: dict[str, dict[str, Item]]) -> dict[str, Item]:
    """The items of the split the run scored, by id, loaded through its recorded task and data source."""
    from ..data import load_items
    from ..data.source import resolve_source

    split = str(run.settings.get("split") or "validation")
    key = json.dumps([run.settings.get(name) for name in _DATA_FIELDS] + [split], default=str)
    if key not in cache:
        try:
            source = run.data_source()
            kwargs = resolve_source(source, split)
            config = kwargs.pop("config")
            items = load_items(config, split=split, **kwargs)
        except (CommandError, OSError, KeyError, ValueError) as error:
            message = f"{run.path}: the data it scored cannot be loaded again ({error})"
            raise GapError(message) from None
        if source.spec.fingerprint() != run.task.get("fingerprint"):
            print(
                f"note: the task spec of {run.path} ({run.task_name}) changed since the run; the texts shown are "
                "today's",
                file=sys.stderr,
            )
        cache[key] = {item["id"]: item for item in items}
    return cache[key]


def _item_of(items: Mapping[str, Item], key: str, run: Run, gold: str) -> Item:
    item = items.get(key)
    if item is None:
        message = f"{run.path} scored item {key} that its data source no longer holds: the data changed since the run"
        raise GapError(message)
    if item.get("label") is not None and gold_letter(item) != gold:
        message = (
            f"{run.path}: item {key} had gold {gold} in the run but {gold_letter(item)} in its data now: the data "
            "changed since the run; evaluate again"
        )
        raise GapError(message)
    return item


def build_review(pairs: Sequence[Pair], notes: Iterable[str] = ()) -> GapReview:
    """Count each item's flips over the pairs, load both versions of its text, and rank (see :data:`RANKING`)."""
    by_id: dict[str, ReviewItem] = {}
    golds: dict[str, str] = {}
    for pair in pairs:
        comparison = pair.comparison
        flips = {flip["id"]: flip for flip in comparison.flips_a}
        reverse = {flip["id"] for flip in comparison.flips_b}
        for key in comparison.shared_ids:
            entry = by_id.setdefault(key, ReviewItem(id=key, gold=""))
            entry.scored += 1
            if key in flips:
                flip = flips[key]
                golds[key] = flip["gold"]
                entry.flipped.append(pair.label)
                entry.answers[pair.label] = flip["b"]
                if "p_gold_a" in flip:
                    entry.drops.append(flip["p_gold_a"] - flip["p_gold_b"])
            if key in reverse:
                entry.reverse.append(pair.label)
    cache: dict[str, dict[str, Item]] = {}
    for pair in pairs:
        source_items = _load_items(pair.source, cache)
        translated_items = _load_items(pair.translated, cache)
        for key in pair.comparison.shared_ids:
            entry = by_id[key]
            if entry.source is not None:
                continue
            source = source_items.get(key)
            gold = golds.get(key) or (gold_letter(source) if source and source.get("label") is not None else "")
            entry.source = _item_of(source_items, key, pair.source, gold)
            entry.translated = _item_of(translated_items, key, pair.translated, gold)
            entry.gold = gold
    return GapReview(pairs=list(pairs), items=sorted(by_id.values(), key=ReviewItem.sort_key), notes=list(notes))


# --------------------------------------------------------------------------------------------- writing


def _letters(items: Sequence[ReviewItem]) -> tuple[str, ...]:
    width = max(
        (len(version["options"]) for item in items for version in (item.source, item.translated) if version), default=0
    )
    return letters_for(width) if width else ()


def _option(item: Item | None, index: int) -> str:
    options = item["options"] if item else []
    return options[index] if index < len(options) else ""


def _answer(letter: str | None) -> str:
    return letter if letter is not None else "nothing readable"


def _answers(item: ReviewItem) -> str:
    return "; ".join(f"{label}: {_answer(item.answers[label])}" for label in item.flipped)


def review_csv(review: GapReview, min_flips: int) -> str:
    """The review file: one row per item flipped by at least ``min_flips`` models, both versions side by side."""
    selected = review.selected(min_flips)
    letters = _letters(selected)
    header = [
        "rank",
        "id",
        "gold",
        "flips",
        "pairs",
        "flipped_models",
        "translated_answers",
        "reverse_flips",
        "gold_probability_drop",
        "source_context",
        "translated_context",
        "source_question",
        "translated_question",
    ]
    for letter in letters:
        header += [f"source_{letter}", f"translated_{letter}"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for rank, item in enumerate(selected, start=1):
        source, translated = item.source, item.translated
        row = [
            rank,
            item.id,
            item.gold,
            item.flips,
            item.scored,
            "; ".join(item.flipped),
            _answers(item),
            len(item.reverse),
            f"{item.drop:.4f}" if item.drop is not None else "",
            source["context"] if source else "",
            translated["context"] if translated else "",
            source["question"] if source else "",
            translated["question"] if translated else "",
        ]
        for index in range(len(letters)):
            row += [_option(source, index), _option(translated, index)]
        writer.writerow(row)
    return buffer.getvalue()


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\r", "").replace("\n", "<br>") or " "


def _task_title(task: Mapping[str, Any]) -> str:
    return f"{task.get('name')} ({task.get('language')})"


def models_table(review: GapReview) -> str:
    """Each model's accuracy in both languages on their shared items, the paired gap, McNemar and the flips."""
    source, translated = review.source_task.get("language"), review.translated_task.get("language")
    header = (
        f"| model | items | accuracy {source} | accuracy {translated} | gap (95% paired bootstrap) | McNemar p | "
        f"right in {source} only | right in {translated} only |"
    )
    lines = [header, "|---|---|---|---|---|---|---|---|"]
    for pair in review.pairs:
        c = pair.comparison
        low, high = c.gap_interval
        lines.append(
            f"| {_cell(pair.label)} | {c.n} | {c.accuracy_a:.2%} | {c.accuracy_b:.2%} | "
            f"{c.gap:+.2%} ({low:+.2%} to {high:+.2%}) | {c.mcnemar_p:.4g} | {c.only_a} | {c.only_b} |"
        )
    return "\n".join(lines)


def review_markdown(review: GapReview, *, top: int, min_flips: int, plot: str | None) -> str:
    """review.md: the models' gaps, the flip-count distribution, then the top items with both versions."""
    source_task, translated_task = review.source_task, review.translated_task
    selected = review.selected(min_flips)
    counts = review.flip_counts()
    lines = [
        f"<!-- written by `{WRITTEN_BY}`; rerun it to update -->",
        "",
        f"# Translation review: {_task_title(source_task)} -> {_task_title(translated_task)}",
        "",
        f"{len(review.pairs)} model(s), each evaluated on both tasks; the gap is accuracy in "
        f"{source_task.get('language')} minus accuracy in {translated_task.get('language')} on the items both runs "
        "scored.",
        "",
        models_table(review),
        "",
        "Items by number of models that flip them (right in the source language, wrong in the translation): "
        + ", ".join(f"{k}: {v}" for k, v in counts.items())
        + ".",
        "",
    ]
    if plot:
        lines += [f"![accuracy in both languages and flip counts]({plot})", ""]
    for note in review.notes:
        lines.append(f"- {note}")
    if review.notes:
        lines.append("")
    shown = selected[:top]
    lines += [
        f"## The top {len(shown)} of {len(selected)} items flipped by at least {min_flips} model(s)",
        "",
        f"The {RANKING}. review.csv lists all {len(selected)}.",
        "",
    ]
    letters = _letters(shown)
    for rank, item in enumerate(shown, start=1):
        drop = f"; mean drop of the gold letter's probability {item.drop:.2f}" if item.drop is not None else ""
        reverse = f"; right only in the translation for {', '.join(item.reverse)}" if item.reverse else ""
        lines += [
            f"### {rank}. `{item.id}`",
            "",
            f"Gold {item.gold}. Right in {source_task.get('language')} and wrong in "
            f"{translated_task.get('language')} for {item.flips} of {item.scored} model(s): "
            f"{_answers(item) or 'none'} (their answers in the translation){reverse}{drop}.",
            "",
            f"| | {_cell(_task_title(source_task))} | {_cell(_task_title(translated_task))} |",
            "|---|---|---|",
            f"| context | {_cell(item.source['context'] if item.source else '')} | "
            f"{_cell(item.translated['context'] if item.translated else '')} |",
            f"| question | {_cell(item.source['question'] if item.source else '')} | "
            f"{_cell(item.translated['question'] if item.translated else '')} |",
        ]
        for index, letter in enumerate(letters):
            picked = sorted(label for label, answer in item.answers.items() if answer == letter)
            mark = " (gold)" if letter == item.gold else (f" (picked by {', '.join(picked)})" if picked else "")
            lines.append(
                f"| {letter}{_cell(mark)} | {_cell(_option(item.source, index))} | "
                f"{_cell(_option(item.translated, index))} |"
            )
        lines.append("")
    return "\n".join(lines)


def plot_gap(review: GapReview, path: Path) -> Path:
    """Left: each model's accuracy in both languages with the gap; right: how many items k models flip."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    pairs = list(reversed(review.pairs))  # the first pair on top
    source, translated = review.source_task.get("language"), review.translated_task.get("language")
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 1.8 + 0.55 * len(pairs)), gridspec_kw={"width_ratios": [3, 2]})
    height = 0.38
    rows = range(len(pairs))
    left.barh([r + height / 2 for r in rows], [p.comparison.accuracy_a for p in pairs], height, label=source)
    left.barh([r - height / 2 for r in rows], [p.comparison.accuracy_b for p in pairs], height, label=translated)
    for row, pair in zip(rows, pairs, strict=True):
        c = pair.comparison
        low, high = c.gap_interval
        top = max(c.accuracy_a, c.accuracy_b)
        left.text(top + 0.01, row, f"gap {c.gap:+.1%} [{low:+.1%}, {high:+.1%}]", va="center", fontsize=8)
    letters = str(review.source_task.get("letters") or "")
    if letters:
        left.axvline(1 / len(letters), color="grey", linestyle="--", linewidth=1, label="chance")
    left.set_yticks(list(rows), [p.label[-40:] for p in pairs], fontsize=8)
    left.set_xlim(0, 1.3)
    left.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    left.set_xlabel("accuracy on the shared items (gap: source - translation, 95% paired bootstrap)")
    left.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=3, frameon=False, fontsize=8)
    counts = review.flip_counts()
    flipped = {k: v for k, v in counts.items() if k}
    right.bar([str(k) for k in flipped], list(flipped.values()), color="#C44E52")
    for k, value in flipped.items():
        right.text(str(k), value, str(value), ha="center", va="bottom", fontsize=8)
    right.set_xlabel(f"models right in {source}, wrong in {translated}")
    right.set_ylabel("items")
    right.set_title(f"items no model flips: {counts[0]}", fontsize=9)
    right.margins(y=0.15)
    right.yaxis.set_major_locator(MaxNLocator(integer=True))
    fig.tight_layout()
    fig.savefig(path, dpi=100, format="png")
    plt.close(fig)
    return path


def summary(review: GapReview, *, top: int, min_flips: int) -> dict[str, Any]:
    """summary.json: tasks, ranking rule, each pair's comparison (all flips), the flip counts, the notes."""
    return {
        "written_by": WRITTEN_BY,
        "source_task": review.source_task,
        "translated_task": review.translated_task,
        "ranking": RANKING,
        "min_flips": min_flips,
        "top": top,
        "pairs": [
            {
                "model": pair.label,
                "source_run": str(pair.source.path),
                "translated_run": str(pair.translated.path),
                "comparison": pair.comparison.to_dict(),
            }
            for pair in review.pairs
        ],
        "flip_counts": {str(k): v for k, v in review.flip_counts().items()},
        "items_in_review": len(review.selected(min_flips)),
        "notes": review.notes,
    }


def _write(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def write_review(review: GapReview, folder: str | Path, *, top: int = 20, min_flips: int = 1) -> list[Path]:
    """Write review.csv, review.md, gap.png and summary.json into ``folder``; return their paths."""
    folder = Path(folder)
    figure = plot_gap(review, folder / "gap.png")
    _write(folder / "review.csv", review_csv(review, min_flips))
    _write(folder / "review.md", review_markdown(review, top=top, min_flips=min_flips, plot=figure.name))
    _write(folder / "summary.json", json.dumps(summary(review, top=top, min_flips=min_flips), indent=2) + "\n")
    return [folder / name for name in FILES]


# --------------------------------------------------------------------------------------------- CLI


def make_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
    """Build the ``gap`` subcommand's parser."""
    parser = subcommand_parser(
        subparsers,
        "gap",
        "Rank the items many models get right in the source language and wrong in the translation: the first "
        "places to look for translation errors. Give each model's two evaluation runs (the source task, e.g. "
        "cosmos_qa_en, then the translated task, e.g. cosmos_qa_ptbr) with --pair, or folders of runs with --runs "
        "(paired by model, adapter, mode and shots, and by task). Writes into --output-dir: review.csv (every item "
        "flipped by at least --min-flips models: id, gold, the count and the models, then the source and translated "
        "context, question and options side by side), review.md (each model's paired gap with its 95% interval "
        "and McNemar's test, then the top --top items), gap.png and summary.json. Items are ranked by the number "
        "of models that flip them; ties by the mean drop in the probability those models gave the gold letter, "
        "then by id. The texts are loaded through the task and data source each run recorded.",
    )
    given = parser.add_mutually_exclusive_group(required=True)
    given.add_argument(
        "--pair",
        nargs="+",
        action="append",
        metavar="RUN",
        help="one model's two runs: SOURCE_RUN TRANSLATED_RUN (each a results.json or its folder); repeat per model",
    )
    given.add_argument(
        "--runs",
        nargs="+",
        metavar="FOLDER",
        help="evaluation runs, or folders searched for them, paired by model and task",
    )
    parser.add_argument(
        "--source-task",
        metavar="NAME",
        help="--runs: the source-language task (default: the task the other one's spec names as its source)",
    )
    parser.add_argument(
        "--translated-task", metavar="NAME", help="--runs: the translated task (default: the other task found)"
    )
    parser.add_argument(
        "--output-dir",
        required=True,
        help="folder for the review files: new, empty, or written by an earlier gap run",
    )
    parser.add_argument("--top", type=int, default=20, metavar="N", help="items shown in full in review.md")
    parser.add_argument(
        "--min-flips", type=int, default=1, metavar="K", help="review.csv lists the items at least K models flip"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the paired bootstrap")
    return parser


def main(args: argparse.Namespace) -> int:
    """Run ``gap``: check every run and pair first, then claim the folder, load the texts and write the review."""
    from ..cli.folders import owned_folder, record_files

    if args.top < 1:
        raise GapError(f"--top must be at least 1, got {args.top}")
    if args.min_flips < 0:
        raise GapError(f"--min-flips must be 0 or more, got {args.min_flips}")
    if args.pair and (args.source_task or args.translated_task):
        raise GapError("--source-task and --translated-task go with --runs; with --pair the order says it")
    if args.pair:
        run_pairs, notes = pairs_from_paths(args.pair), []
    else:
        run_pairs, notes = pairs_from_folders(args.runs, args.source_task, args.translated_task)
    pairs = check_pairs(run_pairs, seed=args.seed)
    check_data(pairs)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    # The folder is claimed (new, empty or an earlier review) and locked while it is written.
    with owned_folder(args.output_dir, command=COMMAND, flag="--output-dir") as folder:
        review = build_review(pairs, notes)
        written = write_review(review, folder, top=args.top, min_flips=args.min_flips)
        record_files(folder, [path.name for path in written], command=COMMAND)

    print(f"{_task_title(review.source_task)} -> {_task_title(review.translated_task)}\n")
    print(models_table(review))
    selected = review.selected(args.min_flips)
    print(f"\n{len(selected)} item(s) flipped by at least {args.min_flips} model(s); the first:")
    for rank, item in enumerate(selected[:10], start=1):
        print(f"  {rank}. {item.id}: {item.flips} of {item.scored} ({', '.join(item.flipped)})")
    print(f"\nwrote {', '.join(str(path) for path in written)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(make_parser().parse_args()))
