"""Evaluate a causal LM (optionally with a PEFT adapter) on a Cosmos QA Português split.

Two modes:

- ``loglik`` (default): one forward pass per prompt. The prediction is the answer letter with the
  highest probability as the next token after ``"Alternativa"``; nothing to parse, no invalid answers.
  A second score, option-text accuracy, picks the option whose own text has the highest mean
  per-token log-likelihood as the answer. ``--debias pride`` removes the model's prior over the letters
  (estimated on a few items scored under the four cyclic orders of their options); ``--circular`` scores
  every item under the four orders and counts it only when all are right.
- ``generate``: batched greedy generation of a few tokens, read by :func:`~.extraction.extract_answer`
  and scored by :func:`~.extraction.score_generations` (strict, lenient, invalid rate, rules).

Few-shot examples (``shots > 0``) are drawn for each item (seeded by the shot seed and the item id) from the
``train`` split of the source when it has one, otherwise from the whole evaluated split minus the item
(``shots_pool`` in results.json says which, and how large).

Items are scored in chunks (in their order) and each chunk's predictions are appended to
``predictions.jsonl`` at once, so an interrupted run keeps what it scored and ``--resume`` continues it
(``run.json`` records the settings it must match). ``results.json``, ``report.md``, ``accuracy.png``,
``confusion_matrix.png`` and ``selection_bias.png`` appear only once the run is complete.
``cosmosqa-ptbr compare A/results.json B/results.json`` tells whether two runs really differ.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import random
import re
import statistics
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..cli.options import SettingsError, add_settings, settings_from_args, subcommand_parser
from ..data.source import DataSource, resolve_source, source_has_split
from ..schema import ANSWER_COLUMNS, ID, LABEL, LETTERS, NO_LABEL, label_to_index
from .extraction import UNREADABLE

__all__ = [
    "EvaluationResult",
    "EvaluationSettings",
    "evaluate_model",
    "items_hash",
    "main",
    "make_parser",
    "rotate",
    "selection_bias",
]

MODES = ("loglik", "generate")
DTYPES = (None, "float32", "bfloat16", "float16")
DEBIAS = (None, "pride")
#: The cyclic shifts scored beside the original order (0) for PriDe's calibration items and CircularEval.
SHIFTS = (1, 2, 3)
PREDICTIONS = "predictions.jsonl"
RESULTS = "results.json"
#: The run's settings and items, so that --resume can tell it continues the same run.
MANIFEST = "run.json"
WRITTEN_BY = "cosmosqa-ptbr evaluate"
#: The command that owns a run folder (its manifest, cosmosqa_ptbr.cli.folders.MANIFEST, names it).
EVALUATE_COMMAND = "evaluate"
#: Every file a run writes in its folder; the folder's manifest lists them before the first one is written.
RUN_FILES = (MANIFEST, PREDICTIONS, RESULTS, "report.md", "accuracy.png", "confusion_matrix.png", "selection_bias.png")


@dataclass
class EvaluationSettings(DataSource):
    """What to evaluate and how (each field is also a flag of ``cosmosqa-ptbr evaluate``).

    The data source fields (``config``, ``data_files``, ``data_dir``, ``repo_id``, ``revision``) come from
    :class:`~cosmosqa_ptbr.data.source.DataSource`; a bare ``data_files`` path holds ``split``.
    """

    model: str | None = field(
        default=None, metadata={"help": "Hub id or local path of a causal LM (default: the embedded SmolLM2)"}
    )
    adapter: str | None = field(default=None, metadata={"help": "PEFT/LoRA adapter to load on top of --model"})
    mode: str = field(
        default="loglik",
        metadata={
            "help": "loglik: probability of each answer letter after 'Alternativa' (one forward pass); "
            "generate: greedy generation read by the answer extractor",
            "choices": MODES,
        },
    )
    split: str = field(default="validation", metadata={"help": "split to evaluate"})
    limit: int | None = field(default=None, metadata={"help": "evaluate only the first N items", "metavar": "N"})
    shots: int = field(
        default=0,
        metadata={
            "help": "solved examples before each question, drawn for each item from the train split when the source "
            "has one, else from the whole evaluated split minus the item",
            "metavar": "K",
        },
    )
    shots_seed: int | None = field(
        default=None,
        metadata={
            "help": "seed of the shot draws (each item's draw is seeded by it and the item id; default: --seed)",
            "metavar": "N",
        },
    )
    batch_size: int | None = field(
        default=None, metadata={"help": "prompts per batch (default: 4 on CPU, 32 on GPU)", "metavar": "N"}
    )
    max_new_tokens: int = field(default=16, metadata={"help": "generate mode: most tokens to generate", "metavar": "N"})
    seed: int = field(
        default=0, metadata={"help": "seed of the shot selection, the calibration items and the bootstrap"}
    )
    option_score: bool = field(
        default=True, metadata={"help": "loglik mode: also score each option's text by its log-likelihood"}
    )
    dtype: str | None = field(
        default=None,
        metadata={
            "help": "weights' dtype (default: bfloat16 on a GPU, float32 on a CPU); bfloat16 is about 1.7x faster on "
            "CPUs with bf16 instructions, with answers that can differ slightly from float32",
            "choices": [d for d in DTYPES if d],
        },
    )
    debias: str | None = field(
        default=None,
        metadata={
            "help": "loglik mode: 'pride' estimates the model's prior over the letters on a few items scored under "
            "the four cyclic orders of their options and removes it from every prediction (Zheng et al., 2024)",
            "choices": [d for d in DEBIAS if d],
        },
    )
    debias_fraction: float = field(
        default=0.05,
        metadata={
            "help": "--debias pride: share of the items (at least one) used to estimate the prior",
            "metavar": "F",
        },
    )
    circular: bool = field(
        default=False,
        metadata={
            "help": "loglik mode: also score every item under the four cyclic orders of its options; an item counts "
            "only when all four are right (CircularEval; four times the cost)"
        },
    )

    def __post_init__(self) -> None:
        DataSource.__post_init__(self)
        problems = []
        if self.mode not in MODES:
            problems.append(f"mode must be one of {', '.join(MODES)}, got {self.mode!r}")
        if self.limit is not None and self.limit < 1:
            problems.append(f"limit must be >= 1 (or None for the whole split), got {self.limit}")
        if self.shots < 0:
            problems.append(f"shots must be >= 0, got {self.shots}")
        if self.batch_size is not None and self.batch_size < 1:
            problems.append(f"batch_size must be >= 1, got {self.batch_size}")
        if self.max_new_tokens < 1:
            problems.append(f"max_new_tokens must be >= 1, got {self.max_new_tokens}")
        if self.dtype not in DTYPES:
            problems.append(f"dtype must be one of {', '.join(map(str, DTYPES))}, got {self.dtype!r}")
        if self.debias not in DEBIAS:
            problems.append(
                f"debias must be one of {', '.join(d for d in DEBIAS if d)} (or unset), got {self.debias!r}"
            )
        if not 0 < self.debias_fraction <= 1:
            problems.append(f"debias_fraction must be in (0, 1], got {self.debias_fraction}")
        if self.mode != "loglik" and (self.debias or self.circular):
            problems.append("--debias and --circular read letter probabilities: use them with --mode loglik")
        if problems:
            raise SettingsError("invalid evaluation settings: " + "; ".join(problems))


@dataclass
class EvaluationResult:
    """One evaluation run: headline numbers, per-item predictions, and where the files went."""

    model: str
    adapter: str | None
    mode: str
    config: str
    split: str
    n: int
    accuracy: float
    accuracy_interval: tuple[float, float]
    predictions: list[dict[str, Any]]
    confusion_matrix: dict[str, dict[str, int]]
    seconds: float
    items_per_second: float
    settings: dict[str, Any]
    versions: dict[str, str | None]
    shots: int = 0
    shots_source: str | None = None
    option_accuracy: float | None = None
    lenient_accuracy: float | None = None
    invalid_rate: float = 0.0
    rules: dict[str, int] | None = None
    output_dir: str | None = None
    shots_seed: int | None = None
    shots_pool: dict[str, Any] | None = None
    items_hash: str | None = None
    selection_bias: dict[str, Any] | None = None
    debiased: dict[str, Any] | None = None
    circular: dict[str, Any] | None = None
    resumed: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return the content of results.json (everything but the per-item predictions)."""
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "predictions"}
        data["accuracy_interval"] = list(self.accuracy_interval)
        return data


def _versions() -> dict[str, str | None]:
    from importlib.metadata import PackageNotFoundError, version

    found: dict[str, str | None] = {}
    for name in ("torch", "transformers", "datasets", "peft", "cosmosqa-ptbr"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def _load_items(settings: EvaluationSettings, split: str) -> list[dict[str, Any]]:
    from ..data import DatasetUnavailableError, DatasetValidationError, load_dataset

    kwargs = resolve_source(settings, split)
    config = kwargs.pop("config")
    try:
        rows = load_dataset(config, split=split, **kwargs)
    except (DatasetValidationError, DatasetUnavailableError, FileNotFoundError) as error:
        raise SettingsError(str(error)) from error
    except (KeyError, ValueError) as error:
        message = f"cannot load split {split!r} of config {config!r}: {error}; check --split and the data source"
        raise SettingsError(message) from error
    return [dict(row) for row in rows]


def _labelled(rows: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [row for row in rows if row.get(LABEL, NO_LABEL) not in (None, NO_LABEL)]


def _check_labelled(items: Sequence[Mapping[str, Any]], split: str) -> list[str]:
    gold = []
    for index, item in enumerate(items):
        label = item.get(LABEL, NO_LABEL)
        if label is None or label == NO_LABEL:
            message = (
                f"item {index} (id {item.get(ID, '?')}) of split {split!r} has no gold label: "
                "evaluate a labelled split (validation) or pass labelled items"
            )
            raise ValueError(message)
        gold.append(LETTERS[label_to_index(label)])
    return gold


def _shot_pool(
    settings: EvaluationSettings, split_rows: list[dict[str, Any]], given: bool
) -> tuple[list[Mapping[str, Any]], str]:
    """The labelled rows shots are drawn from and the split they come from: train when the source has one."""
    if settings.split != "train" and not given:
        has_train = source_has_split(settings, "train")
        if has_train is not False:
            try:
                pool = _labelled(_load_items(settings, "train"))
            except SettingsError:
                if has_train:
                    raise
                pool = []  # the Hub could not tell, and has no train split to give (or cannot be reached)
            if pool:
                return pool, "train"
    return _labelled(split_rows), settings.split


def _check_shot_pool(pool: Sequence[Mapping[str, Any]], source: str, split: str, shots: int) -> None:
    usable = len(pool) - (1 if source == split else 0)
    if usable < shots:
        what = "other labelled items" if source == split else "labelled items"
        message = (
            f"--shots {shots} needs {shots} {what} to draw from, but split {source!r} has {max(usable, 0)}: "
            f"lower --shots or give a source with a train split"
        )
        raise SettingsError(message)


def _check_model_paths(model: str | None, adapter: str | None) -> None:
    """The model and adapter must be loadable, as their files (or the Hub cache) tell, before anything loads."""
    from .models import check_adapter, check_model

    check_model(model)
    if adapter:
        check_adapter(adapter)


def _confusion(gold: Sequence[str], predicted: Sequence[str | None]) -> dict[str, dict[str, int]]:
    columns = list(LETTERS) + ([UNREADABLE] if any(p is None for p in predicted) else [])
    matrix = {g: dict.fromkeys(columns, 0) for g in LETTERS}
    for g, p in zip(gold, predicted, strict=True):
        matrix[g][p if p is not None else UNREADABLE] += 1
    return matrix


def items_hash(ids: Sequence[str]) -> str:
    """First 16 hex digits of the SHA-256 of the sorted item ids joined by newlines: which items a run scored."""
    return hashlib.sha256("\n".join(sorted(ids)).encode("utf-8")).hexdigest()[:16]


def selection_bias(gold: Sequence[str], predicted: Sequence[str | None]) -> dict[str, Any]:
    """Letter counts predicted and gold, recall per letter, and RStd: their population std, in points."""
    predicted_counts = {letter: sum(p == letter for p in predicted) for letter in LETTERS}
    gold_counts = {letter: sum(g == letter for g in gold) for letter in LETTERS}
    recall: dict[str, float | None] = {}
    for letter in LETTERS:
        hits = sum(g == letter and p == letter for g, p in zip(gold, predicted, strict=True))
        recall[letter] = hits / gold_counts[letter] if gold_counts[letter] else None
    present = [value for value in recall.values() if value is not None]
    rstd = statistics.pstdev(present) * 100 if present else 0.0
    return {"predicted": predicted_counts, "gold": gold_counts, "recall": recall, "rstd": rstd}


def rotate(item: Mapping[str, Any], shift: int) -> dict[str, Any]:
    """Return ``item`` with its option texts moved ``shift`` letters up: letter j shows option (j + shift) mod 4."""
    rotated = dict(item)
    for j, column in enumerate(ANSWER_COLUMNS):
        rotated[column] = item[ANSWER_COLUMNS[(j + shift) % len(LETTERS)]]
    if item.get(LABEL, NO_LABEL) not in (None, NO_LABEL):
        rotated[LABEL] = LETTERS[(label_to_index(item[LABEL]) - shift) % len(LETTERS)]
    return rotated


def _default_output_dir(model_name: str, mode: str) -> Path:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", model_name.split(":")[-1].rstrip("/")).strip("-")[-60:] or "model"
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    return Path("outputs") / f"eval-{slug}-{mode}-{stamp}"


# --------------------------------------------------------------------------------------------- run folder


def _run_key(settings: EvaluationSettings, ids: Sequence[str]) -> dict[str, Any]:
    # batch_size changes speed, not what is scored: a run may resume with another one.
    key = {k: v for k, v in asdict(settings).items() if k != "batch_size"}
    return {"settings": key, "items_hash": items_hash(ids), "n": len(ids)}


def _check_output_dir(output_dir: Path) -> None:
    """The folder must be a folder (or creatable as one) and writable; checked before any model loads."""
    if output_dir.exists() and not output_dir.is_dir():
        raise SettingsError(f"--output-dir {str(output_dir)!r} is a file: pass a folder (it is created if needed)")
    ancestor = output_dir
    while not ancestor.exists():
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        message = (
            f"--output-dir {str(output_dir)!r} cannot be created: {str(ancestor)!r} is a file; pick another folder"
        )
        raise SettingsError(message)
    if not os.access(ancestor, os.W_OK | os.X_OK):
        message = f"--output-dir {str(output_dir)!r} cannot be written: {str(ancestor)!r} is not writable"
        raise SettingsError(message)


def _read_done(output_dir: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Predictions an earlier run of this folder wrote, by id; a line cut short by a kill is dropped (and said)."""
    path = output_dir / PREDICTIONS
    if not path.is_file():
        return {}
    data = path.read_bytes()
    keep = data.rfind(b"\n") + 1
    done: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(data[:keep].decode("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            raise SettingsError(f"{path} line {number} is not JSON: this file was not written by evaluate") from None
        if record.get(ID) not in ids:
            raise SettingsError(f"{path} line {number}: id {record.get(ID)!r} is not among the items of this run")
        if record[ID] in done:
            raise SettingsError(f"{path} line {number}: id {record[ID]!r} appears twice; the file was edited")
        done[record[ID]] = record
    if keep < len(data):
        # The last write was cut off by the interruption; its item is scored again.
        with path.open("r+b") as handle:
            handle.truncate(keep)
        print(f"{path}: dropped an incomplete last line (its item is scored again)", file=sys.stderr)
    return done


def _check_run_folder(output_dir: Path, resume: bool) -> bool:
    """Check the run folder before anything loads; return whether it holds a run to resume."""
    _check_output_dir(output_dir)
    manifest = output_dir / MANIFEST
    holds_run = any((output_dir / name).exists() for name in (MANIFEST, PREDICTIONS, RESULTS))
    if holds_run and not resume:
        message = (
            f"--output-dir {str(output_dir)!r} already holds an evaluation run: add --resume to continue it with "
            "the same settings, or pick another --output-dir"
        )
        raise SettingsError(message)
    if resume and not holds_run:
        message = (
            f"--output-dir {str(output_dir)!r} holds no run to resume: drop --resume to start a new run there, or "
            "name the folder of the interrupted run"
        )
        raise SettingsError(message)
    if holds_run and not manifest.is_file():
        message = (
            f"--output-dir {str(output_dir)!r} holds files but no {MANIFEST}: it was not written by "
            "`cosmosqa-ptbr evaluate`, so it cannot be resumed; pick another --output-dir"
        )
        raise SettingsError(message)
    return holds_run


def _prepare_run(
    output_dir: Path, key: dict[str, Any], ids: Sequence[str], holds_run: bool
) -> dict[str, dict[str, Any]]:
    """Match a resumed run's settings and items and create the folder; return the predictions already made."""
    manifest = output_dir / MANIFEST
    done: dict[str, dict[str, Any]] = {}
    if holds_run:
        try:
            recorded = json.loads(manifest.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise SettingsError(f"{manifest} is not valid JSON: pick another --output-dir") from None
        if recorded.get("written_by") != WRITTEN_BY:
            raise SettingsError(f"{manifest} was not written by `cosmosqa-ptbr evaluate`; pick another --output-dir")
        before, now = recorded.get("run", {}), key
        differ = [
            f"{name}={before.get('settings', {}).get(name)!r} then, {value!r} now"
            for name, value in now["settings"].items()
            if before.get("settings", {}).get(name) != value
        ]
        if before.get("items_hash") != now["items_hash"]:
            differ.append(f"items {before.get('items_hash')} then, {now['items_hash']} now")
        if differ:
            message = (
                f"--resume: the run in {str(output_dir)!r} was made with other settings ({'; '.join(differ)}): "
                "repeat its settings, or pick another --output-dir for a new run"
            )
            raise SettingsError(message)
        done = _read_done(output_dir, set(ids))
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SettingsError(f"--output-dir {str(output_dir)!r} cannot be created: {error.strerror}") from error
    return done


def _write_manifest(output_dir: Path, key: dict[str, Any]) -> None:
    from ..cli.folders import record_files

    manifest = output_dir / MANIFEST
    if not manifest.exists():
        from .. import __version__

        # The folder's manifest first: whatever the run leaves, even killed, is known as evaluate's own.
        record_files(output_dir, RUN_FILES, command=EVALUATE_COMMAND)
        record = {"written_by": WRITTEN_BY, "version": __version__, "run": key}
        _write_atomic(manifest, json.dumps(record, indent=2, ensure_ascii=False) + "\n")


def _write_atomic(path: Path, text: str) -> None:
    from ..cli.folders import write_file

    write_file(path.parent, path.name, text)


def _recorded_result(output_dir: Path, done: Mapping[str, dict[str, Any]], ids: Sequence[str]) -> EvaluationResult:
    """The result of the complete run in ``output_dir``, as its results.json has it (nothing is scored again)."""
    path = output_dir / RESULTS
    names = {f.name for f in fields(EvaluationResult)} - {"predictions"}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        result = EvaluationResult(
            **{k: v for k, v in data.items() if k in names}, predictions=[done[item_id] for item_id in ids]
        )
    except (OSError, UnicodeDecodeError, ValueError, TypeError) as error:
        message = (
            f"{path} cannot be read ({error}) although every item is scored: remove it and add --resume again to "
            "write the results anew"
        )
        raise SettingsError(message) from None
    result.accuracy_interval = tuple(result.accuracy_interval)
    return result


def _write_outputs(result: EvaluationResult, output_dir: Path) -> None:
    """report.md, the plots and results.json appear complete or not at all (written aside, then renamed)."""
    from ..cli.folders import replacing
    from .report import plot_accuracy, plot_confusion, plot_selection_bias, render_report

    result.output_dir = str(output_dir)
    if result.debiased:
        # PriDe's letters exist only once every item is scored: the streamed file is rewritten whole with them.
        lines = (json.dumps(record, ensure_ascii=False) + "\n" for record in result.predictions)
        _write_atomic(output_dir / PREDICTIONS, "".join(lines))
    data = result.to_dict()
    plots = {}
    for title, name, draw in (
        ("accuracy", "accuracy.png", plot_accuracy),
        ("confusion matrix", "confusion_matrix.png", plot_confusion),
        ("selection bias", "selection_bias.png", plot_selection_bias),
    ):
        with replacing(output_dir / name) as temporary:
            draw(data, temporary)
        plots[title] = name
    _write_atomic(output_dir / "report.md", render_report(data, plots))
    _write_atomic(output_dir / RESULTS, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------------------------- scoring


def _probabilities(row: Any) -> dict[str, float]:
    return dict(zip(LETTERS, map(float, row), strict=True))


def _score_chunk(
    loaded: Any,
    rows: Sequence[Mapping[str, Any]],
    gold: Sequence[str],
    rotated_ids: set[str],
    settings: EvaluationSettings,
    kwargs: dict[str, Any],
) -> list[dict[str, Any]]:
    """Score one chunk of items and return one prediction record per item, in their order."""
    from . import inference

    net, tokenizer = loaded.model, loaded.tokenizer
    records: list[dict[str, Any]] = []
    if settings.mode == "generate":
        from .extraction import extract_answer

        texts = inference.generate_answers(net, tokenizer, rows, max_new_tokens=settings.max_new_tokens, **kwargs)
        for row, letter, text in zip(rows, gold, texts, strict=True):
            extraction = extract_answer(text, [str(row[c]) for c in ANSWER_COLUMNS])
            records.append(
                {
                    "id": row[ID],
                    "gold": letter,
                    "predicted": extraction.letter,
                    "generation": text,
                    "rule": extraction.rule,
                }
            )
        return records
    if settings.option_score:
        letter_lp, option_lp = inference.letter_and_option_logprobs(net, tokenizer, rows, **kwargs)
    else:
        letter_lp, option_lp = inference.letter_logprobs(net, tokenizer, rows, **kwargs), None
    probabilities = inference.letter_probabilities(letter_lp)
    turned = [row for row in rows if row[ID] in rotated_ids]
    rotations: dict[str, Any] = {}
    if turned:
        shifted = [rotate(row, shift) for row in turned for shift in SHIFTS]
        lp = inference.letter_probabilities(inference.letter_logprobs(net, tokenizer, shifted, **kwargs))
        for index, row in enumerate(turned):
            rotations[row[ID]] = lp[index * len(SHIFTS) : (index + 1) * len(SHIFTS)]
    for index, row in enumerate(rows):
        record = {
            "id": row[ID],
            "gold": gold[index],
            "predicted": LETTERS[int(probabilities[index].argmax())],
            "probabilities": _probabilities(probabilities[index]),
        }
        if option_lp is not None:
            record["option_predicted"] = LETTERS[int(option_lp[index].argmax())]
            record["option_logprobs"] = _probabilities(option_lp[index])
        if row[ID] in rotations:
            record["rotations"] = [_probabilities(p) for p in rotations[row[ID]]]
        records.append(record)
    return records


def _rotation_logprobs(record: Mapping[str, Any]) -> Any:
    """Log-probabilities over the letters under shifts 0..3, shape (4, 4)."""
    import numpy as np

    table = [record["probabilities"], *record["rotations"]]
    return np.log(np.clip(np.array([[p[letter] for letter in LETTERS] for p in table]), 1e-300, None))


def _calibration_ids(ids: Sequence[str], fraction: float, seed: int) -> list[str]:
    count = min(len(ids), max(1, round(fraction * len(ids))))
    return random.Random(f"{seed}:pride").sample(list(ids), count)


def _pride(records: Sequence[Mapping[str, Any]], calibration: set[str], seed: int) -> dict[str, Any]:
    """PriDe (Zheng et al., ICLR 2024): estimate the prior over letters on the calibration items, remove it.

    On a calibration item the observed log p(letter j | shift r) is log prior(j) + log p(option (j + r) mod 4)
    up to a constant; over the four cyclic shifts every option visits every letter once, so the mean over shifts
    of the log-softmax leaves log prior(j) + a constant. The means are averaged over calibration items and
    normalised. Other items are predicted by argmax of log p(letter) - log prior. Calibration items keep the
    paper's full-permutation prediction (the mean over shifts of each option's log-probability, where the prior
    cancels) and count in the accuracy, so n is every item.
    """
    import numpy as np

    from .stats import bootstrap_interval

    per_item = [_rotation_logprobs(r).mean(axis=0) for r in records if r[ID] in calibration]
    mean = np.mean(per_item, axis=0)
    log_prior = mean - np.log(np.exp(mean - mean.max()).sum()) - mean.max()
    predicted = []
    for record in records:
        if record[ID] in calibration:
            table = _rotation_logprobs(record)
            # option i sits at letter (i - r) mod 4 under shift r
            scores = [np.mean([table[r, (i - r) % len(LETTERS)] for r in range(len(LETTERS))]) for i in range(4)]
        else:
            observed = np.log(np.clip([record["probabilities"][letter] for letter in LETTERS], 1e-300, None))
            scores = observed - log_prior
        predicted.append(LETTERS[int(np.argmax(scores))])
    gold = [record["gold"] for record in records]
    correct = [p == g for p, g in zip(predicted, gold, strict=True)]
    n = len(records)
    return {
        "method": "pride",
        "accuracy": float(np.mean(correct)),
        "accuracy_interval": list(bootstrap_interval(correct, seed=seed)),
        "rstd": selection_bias(gold, predicted)["rstd"],
        "prior": dict(zip(LETTERS, map(float, np.exp(log_prior)), strict=True)),
        "cost": (n + len(SHIFTS) * len(calibration)) / n,
        "calibration_items": len(calibration),
        "calibration": "included, with the mean over the four shifts as their prediction",
        "n": n,
        "predicted": predicted,
    }


def _circular(records: Sequence[Mapping[str, Any]], seed: int) -> dict[str, Any]:
    """CircularEval: an item counts only when its answer is right under each of the four cyclic shifts."""
    import numpy as np

    from .stats import bootstrap_interval

    correct = []
    for record in records:
        table = _rotation_logprobs(record)
        g = LETTERS.index(record["gold"])
        correct.append(all(int(table[r].argmax()) == (g - r) % len(LETTERS) for r in range(len(LETTERS))))
    return {
        "accuracy": float(np.mean(correct)),
        "accuracy_interval": list(bootstrap_interval(correct, seed=seed)),
        "cost": float(len(LETTERS)),
        "n": len(records),
    }


def evaluate_model(
    model: str | None = None,
    adapter: str | None = None,
    *,
    settings: EvaluationSettings | None = None,
    output_dir: str | Path | None = None,
    loaded: Any = None,
    items: Sequence[Mapping[str, Any]] | None = None,
    progress: bool = True,
    resume: bool = False,
    **overrides: Any,
) -> EvaluationResult:
    """Evaluate ``model`` (+ ``adapter``) on a Cosmos QA Português split and return an :class:`EvaluationResult`.

    The other settings are the fields of :class:`EvaluationSettings`, given as ``settings=`` or as keyword
    arguments (``mode="generate"``, ``limit=20``, ``shots=3``, ``dtype="bfloat16"``, ``debias="pride"``,
    ``circular=True``...; a keyword wins over ``settings``). ``loaded``: an already loaded
    :class:`~cosmosqa_ptbr.evaluation.LoadedModel` to reuse (``model`` and ``adapter`` are then only labels).
    ``items``: labelled rows to score instead of loading the split. ``output_dir``: where to write
    predictions.jsonl (appended chunk by chunk, so an interrupted run keeps what it scored), results.json,
    report.md and the plots (these three only once the run is complete); ``None`` writes nothing. The folder must
    be new, empty or written by ``evaluate`` before (:mod:`cosmosqa_ptbr.cli.folders`), and it is locked for the
    whole run: a second run into it is refused at once. ``resume`` continues the run in ``output_dir`` with the
    same settings, scoring only the items it lacks; a complete run is returned as its results.json has it, with
    no model loaded and nothing written. ``batch_size=None`` picks a size for the model's device. Paths,
    settings, the shot pool and the output folder are checked before the model loads.
    """
    arguments = {"settings": settings, "loaded": loaded, "items": items, "progress": progress, "resume": resume}
    if output_dir is None:
        return _evaluate_model(model, adapter, output_dir=None, **arguments, **overrides)
    from ..cli.folders import owned_folder

    with owned_folder(output_dir, command=EVALUATE_COMMAND, flag="--output-dir", rebuild=False) as folder:
        return _evaluate_model(model, adapter, output_dir=folder, **arguments, **overrides)


def _evaluate_model(
    model: str | None,
    adapter: str | None,
    *,
    settings: EvaluationSettings | None,
    output_dir: Path | None,
    loaded: Any,
    items: Sequence[Mapping[str, Any]] | None,
    progress: bool,
    resume: bool,
    **overrides: Any,
) -> EvaluationResult:
    """:func:`evaluate_model` once the output folder, if any, is claimed and locked."""
    import numpy as np

    from ..prompts import select_shots
    from . import inference

    base = settings if settings is not None else EvaluationSettings()
    try:
        settings = dataclasses.replace(base, model=model or base.model, adapter=adapter or base.adapter, **overrides)
    except TypeError as error:
        raise SettingsError(f"evaluate_model: {error}") from error
    model, adapter, mode, split = settings.model, settings.adapter, settings.mode, settings.split
    config = settings.resolved_config
    shots, batch_size, seed = settings.shots, settings.batch_size, settings.seed
    shots_seed = settings.shots_seed if settings.shots_seed is not None else seed
    folder = Path(output_dir) if output_dir is not None else None
    holds_run = _check_run_folder(folder, resume) if folder is not None else False
    # A resumed run may turn out complete, and then no model is loaded: its check waits until one is needed.
    deferred = loaded is None and holds_run
    if loaded is None and not deferred:
        _check_model_paths(model, adapter)
    split_rows = [dict(item) for item in items] if items is not None else _load_items(settings, split)
    rows = split_rows[: settings.limit] if settings.limit is not None else split_rows
    if not rows:
        raise SettingsError(f"no items to evaluate in {config}/{split}: check the split name and --limit")
    gold = _check_labelled(rows, split)
    ids = [row[ID] for row in rows]

    shots_for = None
    shots_source = shots_pool = None
    if shots:
        pool, pool_split = _shot_pool(settings, split_rows, items is not None)
        _check_shot_pool(pool, pool_split, split, shots)
        shots_source = "train" if pool_split == "train" and pool_split != split else f"{split} (other items)"
        shots_pool = {"split": pool_split, "size": len(pool)}

        def shots_for(item: Mapping[str, Any]) -> list[Mapping[str, Any]]:
            return select_shots(pool, shots, seed=f"{shots_seed}:{item[ID]}", exclude_id=item[ID])

    calibration = set(_calibration_ids(ids, settings.debias_fraction, seed)) if settings.debias else set()
    rotated_ids = set(ids) if settings.circular else calibration

    key = _run_key(settings, ids)
    done = _prepare_run(folder, key, ids, holds_run) if folder is not None else {}
    if folder is not None and holds_run and len(done) == len(ids) and (folder / RESULTS).is_file():
        print(f"{folder} holds a complete run of {len(ids)} items: nothing to score, nothing changed", file=sys.stderr)
        return _recorded_result(folder, done, ids)

    if loaded is None:
        from .models import load_model

        if deferred:
            _check_model_paths(model, adapter)
        loaded = load_model(model, adapter, dtype=settings.dtype)
    if folder is not None:
        _write_manifest(folder, key)
    kwargs = {"shots_for": shots_for, "batch_size": batch_size, "progress": False}
    resolved_batch = batch_size or inference.default_batch_size(loaded.model)
    chunk_size = max(resolved_batch * 8, 32)
    todo = [index for index, item_id in enumerate(ids) if item_id not in done]

    from tqdm.auto import tqdm

    start = time.perf_counter()
    handle = None
    if folder is not None:
        # Appended in place, never through a link (the folder's claim refused any link already).
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
        handle = os.fdopen(os.open(folder / PREDICTIONS, flags, 0o644), "a", encoding="utf-8")
    try:
        with tqdm(total=len(ids), initial=len(ids) - len(todo), desc=mode, unit="item", disable=not progress) as bar:
            for first in range(0, len(todo), chunk_size):
                chunk = todo[first : first + chunk_size]
                records = _score_chunk(
                    loaded, [rows[i] for i in chunk], [gold[i] for i in chunk], rotated_ids, settings, kwargs
                )
                if handle is not None:
                    handle.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
                    handle.flush()
                    os.fsync(handle.fileno())
                done.update((r[ID], r) for r in records)
                bar.update(len(chunk))
    finally:
        if handle is not None:
            handle.close()
    seconds = time.perf_counter() - start

    from .stats import bootstrap_interval

    predictions = [done[item_id] for item_id in ids]
    predicted: list[str | None] = [p["predicted"] for p in predictions]
    extra: dict[str, Any] = {}
    if mode == "loglik":
        if settings.option_score:
            extra["option_accuracy"] = float(np.mean([p["option_predicted"] == p["gold"] for p in predictions]))
        if settings.debias:
            debiased = _pride(predictions, calibration, seed)
            for record, letter in zip(predictions, debiased.pop("predicted"), strict=True):
                record["debiased_predicted"] = letter
            extra["debiased"] = debiased
        if settings.circular:
            extra["circular"] = _circular(predictions, seed)
    else:
        from .extraction import score_generations

        texts = [p["generation"] for p in predictions]
        scores = score_generations(texts, gold, [[str(row[c]) for c in ANSWER_COLUMNS] for row in rows])
        extra.update(
            lenient_accuracy=scores["lenient_accuracy"], invalid_rate=scores["invalid_rate"], rules=scores["rules"]
        )

    correct = [p == g for p, g in zip(predicted, gold, strict=True)]
    scored = len(todo)
    result = EvaluationResult(
        model=loaded.model_name if model is None else str(model),
        adapter=adapter if adapter is not None else loaded.adapter,
        mode=mode,
        config=config if items is None else f"{config} (given items)",
        split=split,
        n=len(rows),
        accuracy=float(np.mean(correct)),
        accuracy_interval=bootstrap_interval(correct, seed=seed),
        predictions=predictions,
        confusion_matrix=_confusion(gold, predicted),
        seconds=seconds,
        items_per_second=scored / seconds if seconds > 0 and scored else 0.0,
        settings={
            **asdict(settings),
            "config": config,
            "batch_size": resolved_batch,
            "dtype": loaded.dtype,
            "quantization": loaded.quantization,
            "device": loaded.device,
        },
        versions=_versions(),
        shots=shots,
        shots_source=shots_source,
        shots_seed=shots_seed if shots else None,
        shots_pool=shots_pool,
        items_hash=items_hash(ids),
        selection_bias=selection_bias(gold, predicted),
        resumed=len(ids) - scored,
        **extra,
    )
    if folder is not None:
        _write_outputs(result, folder)
    return result


# ---------------------------------------------------------------------------------------------------------
# CLI


def make_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
    """Build the ``evaluate`` subcommand's parser: the fields of :class:`EvaluationSettings` plus run options."""
    parser = subcommand_parser(
        subparsers,
        "evaluate",
        "Evaluate a causal LM (+ optional LoRA adapter) on a Cosmos QA Português split. With no options: "
        "the embedded SmolLM2-135M-Instruct on the 400-item embedded sample, log-likelihood mode. Writes "
        "predictions.jsonl, results.json, report.md and plots to --output-dir.",
    )
    add_settings(parser, EvaluationSettings)
    parser.add_argument(
        "--settings", metavar="FILE.yaml", help="YAML file of settings (the flags' names); flags given here win"
    )
    parser.add_argument(
        "--output-dir",
        default=None,
        help="where to write the outputs: a new or empty folder, or one an earlier evaluate run wrote (default: "
        "outputs/eval-<model>-<mode>-<time>)",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="continue the interrupted run in --output-dir (same settings): score only the items it lacks",
    )
    parser.add_argument("--no-progress", dest="progress", action="store_false", help="hide the progress bar")
    return parser


class _Terminated(BaseException):
    """SIGTERM (a scheduler, ``docker stop``, ``timeout``) arrived: unwind like Ctrl-C, whatever is running."""


def _raise_terminated(signum: int, frame: Any) -> None:
    import signal

    # A second SIGTERM while this one unwinds ends the process at once, as the default handler would.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    raise _Terminated


def _kept_note(output_dir: str | Path) -> str:
    """What an interrupted run leaves behind, and how to continue it."""
    predictions = Path(output_dir) / PREDICTIONS
    kept = predictions.read_bytes().count(b"\n") if predictions.is_file() else 0
    if kept:
        return f"the {kept} predictions so far are kept in {predictions}; add --resume to continue"
    if (Path(output_dir) / MANIFEST).is_file():
        return f"no item was scored yet; add --resume to continue the run in {output_dir}"
    return "nothing was written; run the command again to start over"


def main(args: argparse.Namespace) -> int:
    """Run ``evaluate``: print the results table and the report's path.

    Ctrl-C and SIGTERM both keep the predictions scored so far and say how to resume; SIGTERM exits with 143
    (128 + 15), the status a scheduler expects of a process it stopped.
    """
    import signal
    import threading

    from .models import EMBEDDED_MODEL
    from .report import results_table

    settings = settings_from_args(EvaluationSettings, args, config=args.settings, command="evaluate")
    if args.resume and not args.output_dir:
        raise SettingsError("--resume needs --output-dir: the folder of the run to continue")
    output_dir = args.output_dir or _default_output_dir(settings.model or EMBEDDED_MODEL, settings.mode)
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _raise_terminated) if in_main_thread else None
    try:
        result = evaluate_model(settings=settings, output_dir=output_dir, progress=args.progress, resume=args.resume)
    except KeyboardInterrupt:
        if (Path(output_dir) / PREDICTIONS).is_file():
            print(f"\n{_kept_note(output_dir)}", file=sys.stderr)
        raise
    except _Terminated:
        print(f"\ncosmosqa-ptbr evaluate: terminated (SIGTERM); {_kept_note(output_dir)}", file=sys.stderr)
        return 128 + signal.SIGTERM
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
    print(results_table(result.to_dict()))
    print(f"\nreport: {Path(output_dir) / 'report.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(make_parser().parse_args()))
