"""Evaluate a causal LM (optionally with a PEFT adapter) on a split of a task (Cosmos QA Português by default).

Two modes:

- ``loglik`` (default): one forward pass per prompt. The prediction is the answer letter with the
  highest probability as the next token after the task's answer prefix (``"Alternativa"``); nothing to
  parse, no invalid answers. A second score, option-text accuracy, picks the option whose own text has the
  highest mean per-token log-likelihood as the answer. ``--debias pride`` removes the model's prior over the
  letters (estimated on a few items scored under the N cyclic orders of their N options); ``--circular``
  scores every item under the N orders and counts it only when all are right.
- ``generate``: batched greedy generation of a few tokens, read by :func:`~.extraction.extract_answer`
  and scored by :func:`~.extraction.score_generations` (strict, lenient, invalid rate, rules).

Two protocols (``--protocol``): ``package``, the task's own prompt (:mod:`cosmosqa_ptbr.prompts`) in either mode,
and ``leaderboard``, the Open Portuguese LLM Leaderboard's (:mod:`cosmosqa_ptbr.protocols`): its description, 3
solved examples, greedy generation until a blank line or 32 new tokens, read by its ``find_choices`` filter
(``--extractor leaderboard``). Generations are read by both extractors; ``--extractor`` picks the headline one and
results.json holds both accuracies (``extractors``) and the protocol that made the number.

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
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..cli.options import SettingsError, add_config_option, add_settings, settings_from_args, subcommand_parser
from ..data.loading import CONFIGS
from ..data.source import SETTINGS_FILE_EXAMPLE, DataSource, resolve_source, source_has_split
from ..protocols import LEADERBOARD_MAX_NEW_TOKENS, LEADERBOARD_SHOTS, PROTOCOLS, leaderboard_description
from ..tasks import Item, TaskSpec, gold_letter, letters_for
from .extraction import EXTRACTORS, UNREADABLE
from .models import DTYPES, QUANTIZATIONS

__all__ = [
    "EvaluationResult",
    "EvaluationSettings",
    "evaluate_model",
    "items_hash",
    "main",
    "make_parser",
    "rotate",
    "selection_bias",
    "shot_pool",
]

MODES = ("loglik", "generate")
#: What --mode, --shots and --max-new-tokens are when not given, per protocol.
_PACKAGE_DEFAULTS = {"mode": "loglik", "shots": 0, "max_new_tokens": 16}
_LEADERBOARD_DEFAULTS = {"mode": "generate", "shots": LEADERBOARD_SHOTS, "max_new_tokens": LEADERBOARD_MAX_NEW_TOKENS}
DEBIAS = (None, "pride")
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

    The task and data source fields (``task``, ``dataset_config``, ``data_files``, ``data_dir``, ``repo_id``,
    ``revision``) come from :class:`~cosmosqa_ptbr.data.source.DataSource`; a bare ``data_files`` path holds
    ``split``.
    """

    model: str | None = field(
        default=None,
        metadata={
            "help": (
                "Hub id, local folder or .gguf file of a causal LM (default: the embedded SmolLM2-135M-Instruct, "
                "converted once into $COSMOSQA_PTBR_CACHE, default ~/.cache/cosmosqa_ptbr; 'off' turns that off)"
            )
        },
    )
    model_revision: str | None = field(
        default=None, metadata={"help": "commit, branch or tag of --model on the Hub (--revision is the dataset's)"}
    )
    adapter: str | None = field(default=None, metadata={"help": "PEFT/LoRA adapter to load on top of --model"})
    quantization: str = field(
        default="none",
        metadata={
            "help": "none: the model's weights unquantized, in --dtype, as lm-eval and the leaderboard score them; "
            "4bit: NF4 with double quantisation (bitsandbytes; a QLoRA adapter's own setting); 8bit: LLM.int8. "
            "The embedded model's GGUF weights are always dequantised to --dtype",
            "choices": QUANTIZATIONS,
        },
    )
    dtype: str = field(
        default="auto",
        metadata={
            "help": "weights' dtype; auto: float32 on a CPU, bfloat16 on a CUDA GPU that supports it, float16 on "
            "other GPUs and Apple MPS. bfloat16 is about 1.7x faster on CPUs with bf16 instructions, with answers "
            "that can differ slightly from float32",
            "choices": DTYPES,
        },
    )
    device: str = field(
        default="auto",
        metadata={"help": "auto (a CUDA GPU if there is one, else Apple MPS, else the CPU), cpu, cuda, cuda:N or mps"},
    )
    chat_template: str = field(
        default="auto",
        metadata={
            "help": "auto: the tokenizer's own chat template, or the plain prompt for a model that has none (as "
            "lm-eval without --apply_chat_template); none: the plain prompt; zephyr; or a .jinja file",
            "metavar": "auto|none|zephyr|FILE.jinja",
        },
    )
    system_prompt: str | None = field(
        default=None,
        metadata={
            "help": "system text instead of the task's own (instead of the leaderboard's description under "
            "--protocol leaderboard); 'none' for no system turn",
            "metavar": "TEXT|none",
        },
    )
    protocol: str = field(
        default="package",
        metadata={
            "help": "package: the task's own prompt (system text, user turn, answer prefix), scored by --mode; "
            "leaderboard: the Open Portuguese LLM Leaderboard's way of asking its multiple-choice tasks (its "
            "description, 3 solved examples, greedy generation until a blank line or 32 new tokens, read by its "
            "find_choices filter), for a number to put beside the leaderboard's",
            "choices": PROTOCOLS,
        },
    )
    mode: str | None = field(
        default=None,
        metadata={
            "help": "loglik: probability of each answer letter after 'Alternativa' (one forward pass); "
            "generate: greedy generation read by the answer extractor (default: loglik; --protocol leaderboard "
            "generates)",
            "choices": MODES,
        },
    )
    split: str = field(default="validation", metadata={"help": "split to evaluate"})
    limit: int | None = field(default=None, metadata={"help": "evaluate only the first N items", "metavar": "N"})
    shots: int | None = field(
        default=None,
        metadata={
            "help": "solved examples before each question, drawn for each item from the train split when the source "
            "has one, else from the whole evaluated split minus the item (default: 0; 3 under --protocol "
            "leaderboard)",
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
    batch_size: int | str | None = field(
        default=None,
        metadata={
            "help": "prompts per batch (default: 4 on a CPU, 32 on a GPU); auto: the largest that fits on the GPU, "
            "found once on the longest prompts (4 on a CPU, where larger batches only add padding)",
            "metavar": "N|auto",
        },
    )
    max_new_tokens: int | None = field(
        default=None,
        metadata={
            "help": "generate mode: most tokens to generate (default: 16; 32 under --protocol leaderboard)",
            "metavar": "N",
        },
    )
    extractor: str | None = field(
        default=None,
        metadata={
            "help": "generate mode: who reads the headline letter, 'ours' (this package's extractor) or "
            "'leaderboard' (the leaderboard's find_choices filter); the run reports both accuracies (default: ours; "
            "leaderboard under --protocol leaderboard)",
            "choices": EXTRACTORS,
        },
    )
    seed: int = field(
        default=0, metadata={"help": "seed of the shot selection, the calibration items and the bootstrap"}
    )
    option_score: bool = field(
        default=True, metadata={"help": "loglik mode: also score each option's text by its log-likelihood"}
    )
    debias: str | None = field(
        default=None,
        metadata={
            "help": "loglik mode: 'pride' estimates the model's prior over the letters on a few items scored under "
            "the N cyclic orders of their N options and removes it from every prediction (Zheng et al., 2024)",
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
            "help": "loglik mode: also score every item under the N cyclic orders of its N options; an item counts "
            "only when all are right (CircularEval; N times the cost)"
        },
    )

    def __post_init__(self, config: str | None) -> None:
        DataSource.__post_init__(self, config)
        problems = []
        if self.protocol not in PROTOCOLS:
            problems.append(f"protocol must be one of {', '.join(PROTOCOLS)}, got {self.protocol!r}")
        if self.mode is not None and self.mode not in MODES:
            problems.append(f"mode must be one of {', '.join(MODES)}, got {self.mode!r}")
        if self.protocol == "leaderboard" and self.mode == "loglik":
            problems.append(
                "--protocol leaderboard scores generated answers as the leaderboard does: drop --mode loglik, or use "
                "--protocol package for letter probabilities"
            )
        if self.extractor is not None and self.extractor not in EXTRACTORS:
            problems.append(f"extractor must be one of {', '.join(EXTRACTORS)}, got {self.extractor!r}")
        elif self.extractor is not None and self._default("mode") == "loglik":
            problems.append(
                "--extractor reads generated answers: use it with --mode generate or --protocol leaderboard"
            )
        if self.limit is not None and self.limit < 1:
            problems.append(f"limit must be >= 1 (or None for the whole split), got {self.limit}")
        if self.shots is not None and self.shots < 0:
            problems.append(f"shots must be >= 0, got {self.shots}")
        if isinstance(self.batch_size, str):
            text = self.batch_size.strip().lower()
            self.batch_size = int(text) if text.isdigit() else text
        size = self.batch_size
        if size not in (None, "auto") and (not isinstance(size, int) or isinstance(size, bool) or size < 1):
            problems.append(f"batch_size must be a number >= 1 or auto, got {size!r}")
        if self.quantization not in QUANTIZATIONS:
            problems.append(f"quantization must be one of {', '.join(QUANTIZATIONS)}, got {self.quantization!r}")
        if self.system_prompt is not None and not self.system_prompt.strip():
            problems.append("system_prompt is empty: give the text, or 'none' for no system turn")
        if self.max_new_tokens is not None and self.max_new_tokens < 1:
            problems.append(f"max_new_tokens must be >= 1, got {self.max_new_tokens}")
        if self.dtype not in DTYPES:
            problems.append(f"dtype must be one of {', '.join(DTYPES)}, got {self.dtype!r}")
        if self.debias not in DEBIAS:
            problems.append(
                f"debias must be one of {', '.join(d for d in DEBIAS if d)} (or unset), got {self.debias!r}"
            )
        if not 0 < self.debias_fraction <= 1:
            problems.append(f"debias_fraction must be in (0, 1], got {self.debias_fraction}")
        if self._default("mode") != "loglik" and (self.debias or self.circular):
            problems.append(
                "--debias and --circular read letter probabilities: use them with --mode loglik (and --protocol "
                "package)"
            )
        if problems:
            raise SettingsError("invalid evaluation settings: " + "; ".join(problems))

    def _default(self, name: str) -> Any:
        """``name``'s value, or its protocol's default when it is not set."""
        value = getattr(self, name)
        defaults = _LEADERBOARD_DEFAULTS if self.protocol == "leaderboard" else _PACKAGE_DEFAULTS
        return defaults[name] if value is None else value

    def resolved(self) -> EvaluationSettings:
        """These settings with the protocol's defaults filled in (mode, shots, max_new_tokens, extractor): what a
        run records and is resumed by."""
        mode = self._default("mode")
        extractor = self.extractor or ("leaderboard" if self.protocol == "leaderboard" else "ours")
        return dataclasses.replace(
            self,
            mode=mode,
            shots=self._default("shots"),
            max_new_tokens=self._default("max_new_tokens"),
            extractor=extractor if mode == "generate" else None,
        )

    @property
    def description(self) -> str | None:
        """The leaderboard protocol's system text: the task's description in its words, ``system_prompt`` in its
        place, or None for ``--system-prompt none``."""
        if self.system_prompt is None:
            return leaderboard_description(self.spec)
        return None if self.system_prompt.strip().lower() == "none" else self.system_prompt

    @property
    def prompt_task(self) -> TaskSpec:
        """The task as asked in this run: its spec, with ``system_prompt`` in place of its own system text."""
        spec = self.spec
        if self.system_prompt is None:
            return spec
        text = None if self.system_prompt.strip().lower() == "none" else self.system_prompt
        return dataclasses.replace(spec, prompt=dataclasses.replace(spec.prompt, system=text))


@dataclass
class EvaluationResult:
    """One evaluation run: headline numbers, per-item predictions, and where the files went."""

    model: str
    adapter: str | None
    mode: str
    config: str
    split: str
    task: dict[str, Any]
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
    protocol: str = "package"
    extractor: str | None = None
    extractors: dict[str, Any] | None = None

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


def _load_items(source: DataSource, split: str) -> list[Item]:
    from ..data import DatasetUnavailableError, DatasetValidationError, load_items

    kwargs = resolve_source(source, split)
    config = kwargs.pop("config")
    try:
        return load_items(config, split=split, **kwargs)
    except (DatasetValidationError, DatasetUnavailableError, FileNotFoundError) as error:
        raise SettingsError(str(error)) from error
    except (KeyError, ValueError) as error:
        message = f"cannot load split {split!r} of config {config!r}: {error}; check --split and the data source"
        raise SettingsError(message) from error


def _as_item(row: Mapping[str, Any], spec: TaskSpec) -> Item:
    from ..prompts import as_item

    try:
        return dict(as_item(row, spec))  # type: ignore[return-value]
    except (KeyError, ValueError) as error:
        raise SettingsError(f"item {row.get('id', '?')!r} is not an item of task {spec.name!r}: {error}") from None


def _labelled(rows: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [row for row in rows if row.get("label") is not None]


def _check_labelled(items: Sequence[Mapping[str, Any]], split: str) -> list[str]:
    gold = []
    for index, item in enumerate(items):
        if item.get("label") is None:
            message = (
                f"item {index} (id {item.get('id', '?')}) of split {split!r} has no gold label: "
                "evaluate a labelled split (validation) or pass labelled items"
            )
            raise ValueError(message)
        gold.append(gold_letter(item))
    return gold


def shot_pool(
    source: DataSource, split: str, split_rows: Sequence[Mapping[str, Any]], *, given: bool = False
) -> tuple[list[Mapping[str, Any]], str]:
    """The labelled rows shots are drawn from and the split they come from: the train split of ``source`` when it
    has one (and ``split`` is not train), else ``split_rows``, the evaluated split's. ``given``: the items were
    passed in, not loaded, so the source's other splits are not theirs."""
    if split != "train" and not given:
        has_train = source_has_split(source, "train")
        if has_train is not False:
            try:
                pool = _labelled(_load_items(source, "train"))
            except SettingsError:
                if has_train:
                    raise
                pool = []  # the Hub could not tell, and has no train split to give (or cannot be reached)
            if pool:
                return pool, "train"
    return _labelled(split_rows), split


def _check_shot_pool(pool: Sequence[Mapping[str, Any]], source: str, split: str, shots: int) -> None:
    usable = len(pool) - (1 if source == split else 0)
    if usable < shots:
        what = "other labelled items" if source == split else "labelled items"
        message = (
            f"--shots {shots} needs {shots} {what} to draw from, but split {source!r} has {max(usable, 0)}: "
            f"lower --shots or give a source with a train split"
        )
        raise SettingsError(message)


def _check_model_paths(model: str | None, adapter: str | None, revision: str | None = None) -> None:
    """The model and adapter must be loadable, as their files (or the Hub cache) tell, before anything loads."""
    from .models import check_adapter, check_model

    check_model(model, revision=revision)
    if adapter:
        check_adapter(adapter)


def _confusion(
    gold: Sequence[str], predicted: Sequence[str | None], letters: Sequence[str]
) -> dict[str, dict[str, int]]:
    columns = list(letters) + ([UNREADABLE] if any(p is None for p in predicted) else [])
    matrix = {g: dict.fromkeys(columns, 0) for g in letters}
    for g, p in zip(gold, predicted, strict=True):
        matrix[g][p if p is not None else UNREADABLE] += 1
    return matrix


def items_hash(ids: Sequence[str]) -> str:
    """First 16 hex digits of the SHA-256 of the sorted item ids joined by newlines: which items a run scored."""
    return hashlib.sha256("\n".join(sorted(ids)).encode("utf-8")).hexdigest()[:16]


def selection_bias(
    gold: Sequence[str], predicted: Sequence[str | None], letters: Sequence[str] = letters_for(4)
) -> dict[str, Any]:
    """Letter counts predicted and gold, recall per letter, and RStd: their population std, in points."""
    predicted_counts = {letter: sum(p == letter for p in predicted) for letter in letters}
    gold_counts = {letter: sum(g == letter for g in gold) for letter in letters}
    recall: dict[str, float | None] = {}
    for letter in letters:
        hits = sum(g == letter and p == letter for g, p in zip(gold, predicted, strict=True))
        recall[letter] = hits / gold_counts[letter] if gold_counts[letter] else None
    present = [value for value in recall.values() if value is not None]
    rstd = statistics.pstdev(present) * 100 if present else 0.0
    return {"predicted": predicted_counts, "gold": gold_counts, "recall": recall, "rstd": rstd}


def rotate(item: Mapping[str, Any], shift: int) -> dict[str, Any]:
    """Return ``item`` with its N option texts moved ``shift`` letters up: letter j shows option (j + shift) mod N.

    >>> rotate({"id": "q", "context": "", "question": "?", "options": ["a", "b", "c"], "label": 0}, 1)["options"]
    ['b', 'c', 'a']
    """
    options = list(item["options"])
    count = len(options)
    rotated = dict(item)
    rotated["options"] = [options[(j + shift) % count] for j in range(count)]
    if item.get("label") is not None:
        rotated["label"] = (item["label"] - shift) % count
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
        if record.get("id") not in ids:
            raise SettingsError(f"{path} line {number}: id {record.get('id')!r} is not among the items of this run")
        if record["id"] in done:
            raise SettingsError(f"{path} line {number}: id {record['id']!r} appears twice; the file was edited")
        done[record["id"]] = record
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
        recorded_settings = dict(before.get("settings", {}))
        if "config" in recorded_settings and "dataset_config" not in recorded_settings:
            recorded_settings["dataset_config"] = recorded_settings.pop("config")  # a run of an earlier release
        # A run of a release before --protocol was asked the package's way and read by the package's extractor.
        recorded_settings.setdefault("protocol", "package")
        recorded_settings.setdefault("extractor", "ours" if recorded_settings.get("mode") == "generate" else None)
        differ = [
            f"{name}={recorded_settings.get(name)!r} then, {value!r} now"
            for name, value in now["settings"].items()
            if recorded_settings.get(name) != value
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


def _prompt_example(
    loaded: Any, item: Mapping[str, Any], spec: TaskSpec, shots_for: Any, settings: EvaluationSettings
) -> dict[str, str]:
    """The first item's prompt as the model saw it, for results.json and report.md (under the leaderboard protocol
    with how it was rendered: a chat type of the fork's, or plain)."""
    from ..prompts import render_prompt
    from ..protocols import render_leaderboard_prompt

    shots = shots_for(item) if shots_for else ()
    if settings.protocol == "leaderboard":
        prompt = render_leaderboard_prompt(loaded.tokenizer, item, shots, task=spec, description=settings.description)
        return {"id": str(item["id"]), "text": prompt.text, "rendering": prompt.rendering}
    text = render_prompt(loaded.tokenizer, item, shots, task=spec, answer_prefix=settings.mode == "loglik")
    return {"id": str(item["id"]), "text": text}


def _read_both(
    records: Sequence[Mapping[str, Any]], rows: Sequence[Mapping[str, Any]], gold: Sequence[str], seed: int
) -> tuple[dict[str, list[Any]], dict[str, dict[str, Any]]]:
    """Each generation read by every extractor, and each extractor's scores (accuracy with its 95% interval,
    lenient accuracy, invalid rate, rule counts)."""
    from .extraction import read_generations
    from .extraction.scores import rules_of, score_extractions
    from .stats import bootstrap_interval

    texts = [record["generation"] for record in records]
    options = [[str(text) for text in row["options"]] for row in rows]
    letters = [letters_for(len(row["options"])) for row in rows]
    readings, scores = {}, {}
    for name in EXTRACTORS:
        readings[name] = read_generations(texts, options, extractor=name)
        found = score_extractions(readings[name], list(gold), letters, rules_of(name))
        correct = [reading.letter == answer for reading, answer in zip(readings[name], gold, strict=True)]
        found["accuracy_interval"] = list(bootstrap_interval(correct, seed=seed))
        scores[name] = found
    return readings, scores


def _probabilities(row: Any, letters: Sequence[str]) -> dict[str, float]:
    return dict(zip(letters, map(float, row[: len(letters)]), strict=True))


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
        from .extraction import read_generations

        leaderboard = settings.protocol == "leaderboard"
        generate = inference.generate_leaderboard_answers if leaderboard else inference.generate_answers
        texts = generate(net, tokenizer, rows, max_new_tokens=settings.max_new_tokens, **kwargs)
        options = [[str(text) for text in row["options"]] for row in rows]
        readings = {name: read_generations(texts, options, extractor=name) for name in EXTRACTORS}
        for index, (row, letter, text) in enumerate(zip(rows, gold, texts, strict=True)):
            head = readings[settings.extractor or "ours"][index]
            records.append(
                {
                    "id": row["id"],
                    "gold": letter,
                    "predicted": head.letter,
                    "generation": text,
                    "rule": head.rule,
                    "readings": {
                        name: {"predicted": found[index].letter, "rule": found[index].rule}
                        for name, found in readings.items()
                    },
                }
            )
        return records
    if settings.option_score:
        letter_lp, option_lp = inference.letter_and_option_logprobs(net, tokenizer, rows, **kwargs)
    else:
        letter_lp, option_lp = inference.letter_logprobs(net, tokenizer, rows, **kwargs), None
    probabilities = inference.letter_probabilities(letter_lp)
    turned = [row for row in rows if row["id"] in rotated_ids]
    rotations: dict[str, Any] = {}
    if turned:
        # Every shift but 0 (the order already scored): each option visits each letter once.
        shifted = [rotate(row, shift) for row in turned for shift in range(1, len(row["options"]))]
        lp = inference.letter_probabilities(inference.letter_logprobs(net, tokenizer, shifted, **kwargs))
        start = 0
        for row in turned:
            count = len(row["options"]) - 1
            rotations[row["id"]] = lp[start : start + count]
            start += count
    for index, row in enumerate(rows):
        letters = letters_for(len(row["options"]))
        own = probabilities[index][: len(letters)]
        record = {
            "id": row["id"],
            "gold": gold[index],
            "predicted": letters[int(own.argmax())],
            "probabilities": _probabilities(own, letters),
        }
        if option_lp is not None:
            record["option_predicted"] = letters[int(option_lp[index][: len(letters)].argmax())]
            record["option_logprobs"] = _probabilities(option_lp[index], letters)
        if row["id"] in rotations:
            record["rotations"] = [_probabilities(p, letters) for p in rotations[row["id"]]]
        records.append(record)
    return records


def _letters_of(record: Mapping[str, Any]) -> list[str]:
    return list(record["probabilities"])


def _rotation_logprobs(record: Mapping[str, Any]) -> Any:
    """Log-probabilities over the item's N letters under shifts 0..N-1, shape (N, N)."""
    import numpy as np

    letters = _letters_of(record)
    table = [record["probabilities"], *record["rotations"]]
    return np.log(np.clip(np.array([[p[letter] for letter in letters] for p in table]), 1e-300, None))


def _calibration_ids(ids: Sequence[str], fraction: float, seed: int) -> list[str]:
    count = min(len(ids), max(1, round(fraction * len(ids))))
    return random.Random(f"{seed}:pride").sample(list(ids), count)


def _pride(records: Sequence[Mapping[str, Any]], calibration: set[str], seed: int) -> dict[str, Any]:
    """PriDe (Zheng et al., ICLR 2024): estimate the prior over letters on the calibration items, remove it.

    On a calibration item the observed log p(letter j | shift r) is log prior(j) + log p(option (j + r) mod N)
    up to a constant; over the N cyclic shifts every option visits every letter once, so the mean over shifts
    of the log-softmax leaves log prior(j) + a constant. The means are averaged over calibration items and
    normalised. Other items are predicted by argmax of log p(letter) - log prior. Calibration items keep the
    paper's full-permutation prediction (the mean over shifts of each option's log-probability, where the prior
    cancels) and count in the accuracy, so n is every item.
    """
    import numpy as np

    from .stats import bootstrap_interval

    letters = _letters_of(records[0])
    count = len(letters)
    per_item = [_rotation_logprobs(r).mean(axis=0) for r in records if r["id"] in calibration]
    mean = np.mean(per_item, axis=0)
    log_prior = mean - np.log(np.exp(mean - mean.max()).sum()) - mean.max()
    predicted = []
    for record in records:
        if record["id"] in calibration:
            table = _rotation_logprobs(record)
            # option i sits at letter (i - r) mod N under shift r
            scores = [np.mean([table[r, (i - r) % count] for r in range(count)]) for i in range(count)]
        else:
            observed = np.log(np.clip([record["probabilities"][letter] for letter in letters], 1e-300, None))
            scores = observed - log_prior
        predicted.append(letters[int(np.argmax(scores))])
    gold = [record["gold"] for record in records]
    correct = [p == g for p, g in zip(predicted, gold, strict=True)]
    n = len(records)
    return {
        "method": "pride",
        "accuracy": float(np.mean(correct)),
        "accuracy_interval": list(bootstrap_interval(correct, seed=seed)),
        "rstd": selection_bias(gold, predicted, letters)["rstd"],
        "prior": dict(zip(letters, map(float, np.exp(log_prior)), strict=True)),
        "cost": (n + (count - 1) * len(calibration)) / n,
        "calibration_items": len(calibration),
        "calibration": f"included, with the mean over the {count} shifts as their prediction",
        "n": n,
        "predicted": predicted,
    }


def _circular(records: Sequence[Mapping[str, Any]], seed: int) -> dict[str, Any]:
    """CircularEval: an item counts only when its answer is right under each of its N cyclic shifts."""
    import numpy as np

    from .stats import bootstrap_interval

    correct = []
    for record in records:
        table = _rotation_logprobs(record)
        count = len(table)
        g = _letters_of(record).index(record["gold"])
        correct.append(all(int(table[r].argmax()) == (g - r) % count for r in range(count)))
    return {
        "accuracy": float(np.mean(correct)),
        "accuracy_interval": list(bootstrap_interval(correct, seed=seed)),
        "cost": float(np.mean([len(_letters_of(record)) for record in records])),
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
    """Evaluate ``model`` (+ ``adapter``) on a split of a task and return an :class:`EvaluationResult`.

    The other settings are the fields of :class:`EvaluationSettings`, given as ``settings=`` or as keyword
    arguments (``mode="generate"``, ``limit=20``, ``shots=3``, ``dtype="bfloat16"``, ``debias="pride"``,
    ``circular=True``...; a keyword wins over ``settings``). ``loaded``: an already loaded
    :class:`~cosmosqa_ptbr.evaluation.LoadedModel` to reuse (``model`` and ``adapter`` are then only labels).
    ``items``: labelled :class:`~cosmosqa_ptbr.tasks.Item` mappings (or rows in the task's published layout) to
    score instead of loading the split. ``output_dir``: where to write
    predictions.jsonl (appended chunk by chunk, so an interrupted run keeps what it scored), results.json,
    report.md and the plots (these three only once the run is complete); ``None`` writes nothing. The folder must
    be new, empty or written by ``evaluate`` before (:mod:`cosmosqa_ptbr.cli.folders`), and it is locked for the
    whole run: a second run into it is refused at once. ``resume`` continues the run in ``output_dir`` with the
    same settings, scoring only the items it lacks; a complete run is returned as its results.json has it, with
    no model loaded and nothing written. ``batch_size=None`` picks a size for the model's device. Paths,
    settings, the shot pool and the output folder are checked before the model loads.
    """
    if "config" in overrides:
        message = "evaluate_model(config=...) is now evaluate_model(dataset_config=...); config= goes next release"
        warnings.warn(message, DeprecationWarning, stacklevel=2)
        overrides["dataset_config"] = overrides.pop("config")
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
    settings = settings.resolved()
    model, adapter, mode, split = settings.model, settings.adapter, settings.mode, settings.split
    spec = settings.prompt_task
    config = settings.resolved_config
    shots, batch_size, seed = settings.shots, settings.batch_size, settings.seed
    shots_seed = settings.shots_seed if settings.shots_seed is not None else seed
    folder = Path(output_dir) if output_dir is not None else None
    holds_run = _check_run_folder(folder, resume) if folder is not None else False
    # A resumed run may turn out complete, and then no model is loaded: its check waits until one is needed.
    deferred = loaded is None and holds_run
    if loaded is None and not deferred:
        _check_model_paths(model, adapter, settings.model_revision)
    split_rows = [_as_item(item, spec) for item in items] if items is not None else _load_items(settings, split)
    rows = split_rows[: settings.limit] if settings.limit is not None else split_rows
    if not rows:
        raise SettingsError(f"no items to evaluate in {config}/{split}: check the split name and --limit")
    gold = _check_labelled(rows, split)
    ids = [row["id"] for row in rows]
    if (settings.debias or settings.circular) and len({len(row["options"]) for row in rows}) > 1:
        raise SettingsError("--debias and --circular shift the options: every item must have as many options")

    shots_for = None
    shots_source = shots_pool = None
    if shots:
        pool, pool_split = shot_pool(settings, split, split_rows, given=items is not None)
        _check_shot_pool(pool, pool_split, split, shots)
        shots_source = "train" if pool_split == "train" and pool_split != split else f"{split} (other items)"
        shots_pool = {"split": pool_split, "size": len(pool)}

        def shots_for(item: Mapping[str, Any]) -> list[Mapping[str, Any]]:
            return select_shots(pool, shots, seed=f"{shots_seed}:{item['id']}", exclude_id=item["id"])

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
            _check_model_paths(model, adapter, settings.model_revision)
        loaded = load_model(
            model,
            adapter,
            quantization=settings.quantization,
            dtype=settings.dtype,
            device=settings.device,
            revision=settings.model_revision,
            chat_template=settings.chat_template,
        )
    if folder is not None:
        _write_manifest(folder, key)
    if batch_size == "auto":
        batch_size = inference.auto_batch_size(loaded.model, loaded.tokenizer, rows, task=spec, shots_for=shots_for)
    kwargs = {"task": spec, "shots_for": shots_for, "batch_size": batch_size, "progress": False}
    if settings.protocol == "leaderboard":
        kwargs["description"] = settings.description
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
                done.update((r["id"], r) for r in records)
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
        readings, scores = _read_both(predictions, rows, gold, seed)
        head = scores[settings.extractor]
        for record, reading in zip(predictions, readings[settings.extractor], strict=True):
            record["predicted"], record["rule"] = reading.letter, reading.rule
        predicted = [p["predicted"] for p in predictions]
        extra.update(
            lenient_accuracy=head["lenient_accuracy"],
            invalid_rate=head["invalid_rate"],
            rules=head["rules"],
            extractor=settings.extractor,
            extractors=scores,
        )

    correct = [p == g for p, g in zip(predicted, gold, strict=True)]
    scored = len(todo)
    result = EvaluationResult(
        model=loaded.model_name if model is None else str(model),
        adapter=adapter if adapter is not None else loaded.adapter,
        mode=mode,
        config=config if items is None else f"{config} (given items)",
        task=spec.describe(),
        split=split,
        n=len(rows),
        accuracy=float(np.mean(correct)),
        accuracy_interval=bootstrap_interval(correct, seed=seed),
        predictions=predictions,
        confusion_matrix=_confusion(gold, predicted, spec.letters),
        seconds=seconds,
        items_per_second=scored / seconds if seconds > 0 and scored else 0.0,
        settings={
            **asdict(settings),
            "config": config,
            "batch_size": resolved_batch,
            "dtype": loaded.dtype,
            "chat_template": loaded.chat_template,
            "prompt_example": _prompt_example(loaded, rows[0], spec, shots_for, settings),
            "quantization": loaded.quantization,
            "device": loaded.device,
        },
        versions=_versions(),
        shots=shots,
        shots_source=shots_source,
        shots_seed=shots_seed if shots else None,
        shots_pool=shots_pool,
        items_hash=items_hash(ids),
        selection_bias=selection_bias(gold, predicted, spec.letters),
        resumed=len(ids) - scored,
        protocol=settings.protocol,
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
        "the embedded SmolLM2-135M-Instruct on the 400-item embedded sample, log-likelihood mode. --protocol "
        "leaderboard asks the items as the Open Portuguese LLM Leaderboard asks its multiple-choice tasks. Writes "
        "predictions.jsonl, results.json, report.md and plots to --output-dir.",
    )
    add_settings(parser, EvaluationSettings)
    add_config_option(parser, dataset_configs=CONFIGS, settings_flag=True)
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

    settings = settings_from_args(EvaluationSettings, args, command="evaluate", example=SETTINGS_FILE_EXAMPLE)
    if args.resume and not args.output_dir:
        raise SettingsError("--resume needs --output-dir: the folder of the run to continue")
    resolved = settings.resolved()
    kind = resolved.mode if resolved.protocol == "package" else resolved.protocol
    output_dir = args.output_dir or _default_output_dir(settings.model or EMBEDDED_MODEL, str(kind))
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
