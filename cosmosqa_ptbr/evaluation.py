"""Evaluate a causal LM (optionally with a PEFT adapter) on a Cosmos QA Português split.

Two modes:

- ``loglik`` (default): one forward pass per prompt. The prediction is the answer letter with the
  highest probability as the next token after ``"Alternativa"``; nothing to parse, no invalid answers.
  A second score, option-text accuracy, picks the option whose own text has the highest mean
  per-token log-likelihood as the answer.
- ``generate``: batched greedy generation of a few tokens, read by :func:`cosmosqa_ptbr.parsing.extract_answer`
  and scored by :func:`cosmosqa_ptbr.parsing.score_generations` (strict, lenient, invalid rate, rules).

Few-shot examples (``shots > 0``) come from the ``train`` split of the same config when it has one;
otherwise from the other items of the evaluated split, never the scored item itself (``shots_source``
in results.json says which).

Outputs in ``output_dir``: ``predictions.jsonl``, ``results.json``, ``report.md``, ``accuracy.png``,
``confusion_matrix.png``. ``cosmosqa-ptbr compare A/results.json B/results.json`` tells whether two
runs really differ (paired bootstrap interval, McNemar's exact test, agreement).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ._cli import subcommand_parser
from .schema import ANSWER_COLUMNS, ID, LABEL, LETTERS, NO_LABEL, label_to_index

__all__ = [
    "ComparisonResult",
    "EvaluationResult",
    "EvaluationSettings",
    "compare",
    "compare_main",
    "evaluate_model",
    "main",
    "make_compare_parser",
    "make_parser",
]

MODES = ("loglik", "generate")
DTYPES = (None, "float32", "bfloat16", "float16")
INVALID = "invalid"


@dataclass
class EvaluationSettings:
    """What to evaluate and how."""

    model: str | None = field(default=None, metadata={"help": "Hub id or local path; default: embedded SmolLM2"})
    adapter: str | None = field(default=None, metadata={"help": "PEFT adapter (Hub id or local path)"})
    mode: str = field(default="loglik", metadata={"help": "loglik (letter probabilities) or generate"})
    config: str = field(default="sample", metadata={"help": "dataset config: sample or default"})
    split: str = field(default="validation", metadata={"help": "split to evaluate"})
    limit: int | None = field(default=None, metadata={"help": "evaluate only the first N items"})
    shots: int = field(default=0, metadata={"help": "solved examples before each question"})
    batch_size: int | None = field(default=None, metadata={"help": "prompts per batch; default by device"})
    max_new_tokens: int = field(default=16, metadata={"help": "generate mode: tokens to generate at most"})
    seed: int = field(default=0, metadata={"help": "seed of shot selection and bootstrap"})
    data_files: str | None = field(default=None, metadata={"help": "config default: local data file(s)"})
    option_score: bool = field(default=True, metadata={"help": "loglik mode: also score option texts"})
    dtype: str | None = field(
        default=None, metadata={"help": "weights' dtype: float32, bfloat16 or float16; default bf16 on GPU, fp32 on CPU"}
    )

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, got {self.mode!r}")
        if self.limit is not None and self.limit < 1:
            raise ValueError(f"limit must be >= 1 (or None for the whole split), got {self.limit}")
        if self.shots < 0:
            raise ValueError(f"shots must be >= 0, got {self.shots}")
        if self.batch_size is not None and self.batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {self.batch_size}")
        if self.max_new_tokens < 1:
            raise ValueError(f"max_new_tokens must be >= 1, got {self.max_new_tokens}")
        if self.dtype not in DTYPES:
            raise ValueError(f"dtype must be one of {', '.join(map(str, DTYPES))}, got {self.dtype!r}")


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
    from .dataset import load_dataset

    rows = load_dataset(settings.config, split=split, data_files=settings.data_files)
    return [dict(row) for row in rows]


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


def _shot_pool(settings: EvaluationSettings, items: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], str]:
    if settings.split != "train":
        try:
            pool = _load_items(settings, "train")
        except (ValueError, KeyError, FileNotFoundError):
            pool = []
        pool = [row for row in pool if row.get(LABEL, NO_LABEL) not in (None, NO_LABEL)]
        if len(pool) >= settings.shots:
            return pool, "train"
    return items, f"{settings.split} (other items)"


def _confusion(gold: Sequence[str], predicted: Sequence[str | None]) -> dict[str, dict[str, int]]:
    columns = list(LETTERS) + ([INVALID] if any(p is None for p in predicted) else [])
    matrix = {g: dict.fromkeys(columns, 0) for g in LETTERS}
    for g, p in zip(gold, predicted):
        matrix[g][p if p is not None else INVALID] += 1
    return matrix


def _default_output_dir(model_name: str, mode: str) -> Path:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", model_name.split(":")[-1].rstrip("/")).strip("-")[-60:] or "model"
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    return Path("outputs") / f"eval-{slug}-{mode}-{stamp}"


def _write_outputs(result: EvaluationResult, output_dir: Path) -> None:
    from ._report import plot_accuracy, plot_confusion, render_report

    output_dir.mkdir(parents=True, exist_ok=True)
    result.output_dir = str(output_dir)
    with (output_dir / "predictions.jsonl").open("w", encoding="utf-8") as handle:
        for row in result.predictions:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    data = result.to_dict()
    (output_dir / "results.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    plots = {
        "accuracy": plot_accuracy(data, output_dir / "accuracy.png").name,
        "confusion matrix": plot_confusion(data, output_dir / "confusion_matrix.png").name,
    }
    (output_dir / "report.md").write_text(render_report(data, plots), encoding="utf-8")


def evaluate_model(
    model: str | None = None,
    adapter: str | None = None,
    *,
    mode: str = "loglik",
    config: str = "sample",
    split: str = "validation",
    limit: int | None = None,
    shots: int = 0,
    batch_size: int | None = None,
    output_dir: str | Path | None = None,
    loaded: Any = None,
    items: Sequence[Mapping[str, Any]] | None = None,
    progress: bool = True,
    max_new_tokens: int = 16,
    seed: int = 0,
    data_files: str | None = None,
    option_score: bool = True,
    dtype: str | None = None,
) -> EvaluationResult:
    """Evaluate ``model`` (+ ``adapter``) on ``config``/``split`` and return an :class:`EvaluationResult`.

    ``loaded``: an already loaded :class:`cosmosqa_ptbr.modeling.LoadedModel` to reuse (``model`` and
    ``adapter`` are then only labels). ``items``: labelled rows to score instead of loading the split.
    ``output_dir``: where to write predictions.jsonl, results.json, report.md and the plots; ``None``
    writes nothing. ``batch_size=None`` picks a size for the model's device. ``dtype`` sets the weights'
    dtype when the model is loaded here (``"bfloat16"`` roughly halves CPU time on processors with bf16
    instructions, at a small cost in agreement with float32).
    """
    import numpy as np

    from . import inference
    from .prompts import select_shots

    settings = EvaluationSettings(
        model=model, adapter=adapter, mode=mode, config=config, split=split, limit=limit, shots=shots,
        batch_size=batch_size, max_new_tokens=max_new_tokens, seed=seed, data_files=data_files,
        option_score=option_score, dtype=dtype,
    )  # fmt: skip
    rows = [dict(item) for item in items] if items is not None else _load_items(settings, split)
    if limit is not None:
        rows = rows[:limit]
    if not rows:
        raise ValueError(f"no items to evaluate in {config}/{split}: check the split name and --limit")
    gold = _check_labelled(rows, split)

    shots_for = None
    shots_source = None
    if shots:
        pool, shots_source = _shot_pool(settings, rows)

        def shots_for(item: Mapping[str, Any]) -> list[Mapping[str, Any]]:
            return select_shots(pool, shots, seed=seed, exclude_id=item[ID])

    if loaded is None:
        from .modeling import load_model

        loaded = load_model(model, adapter, dtype=dtype)
    net, tokenizer = loaded.model, loaded.tokenizer
    kwargs = {"shots_for": shots_for, "batch_size": batch_size, "progress": progress}

    start = time.perf_counter()
    predictions: list[dict[str, Any]] = []
    extra: dict[str, Any] = {}
    if mode == "loglik":
        if option_score:
            letter_lp, option_lp = inference.letter_and_option_logprobs(net, tokenizer, rows, **kwargs)
        else:
            letter_lp, option_lp = inference.letter_logprobs(net, tokenizer, rows, **kwargs), None
        probabilities = inference.letter_probabilities(letter_lp)
        predicted: list[str | None] = [LETTERS[i] for i in probabilities.argmax(axis=1)]
        for index, row in enumerate(rows):
            record = {
                "id": row[ID],
                "gold": gold[index],
                "predicted": predicted[index],
                "probabilities": dict(zip(LETTERS, map(float, probabilities[index]))),
            }
            if option_lp is not None:
                record["option_predicted"] = LETTERS[int(option_lp[index].argmax())]
                record["option_logprobs"] = dict(zip(LETTERS, map(float, option_lp[index])))
            predictions.append(record)
        if option_lp is not None:
            extra["option_accuracy"] = float(np.mean([p["option_predicted"] == p["gold"] for p in predictions]))
    else:
        from .parsing import extract_answer, score_generations

        texts = inference.generate_answers(net, tokenizer, rows, max_new_tokens=max_new_tokens, **kwargs)
        options = [[str(row[c]) for c in ANSWER_COLUMNS] for row in rows]
        predicted = []
        for index, row in enumerate(rows):
            extraction = extract_answer(texts[index], options[index])
            predicted.append(extraction.letter)
            predictions.append(
                {
                    "id": row[ID],
                    "gold": gold[index],
                    "predicted": extraction.letter,
                    "generation": texts[index],
                    "rule": extraction.rule,
                }
            )
        scores = score_generations(texts, gold, options)
        extra.update(lenient_accuracy=scores["lenient_accuracy"], invalid_rate=scores["invalid_rate"], rules=scores["rules"])
    seconds = time.perf_counter() - start

    from ._stats import bootstrap_interval

    correct = [p == g for p, g in zip(predicted, gold)]
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
        items_per_second=len(rows) / seconds if seconds > 0 else float("inf"),
        settings={
            **asdict(settings),
            "batch_size": batch_size or inference.default_batch_size(net),
            "dtype": loaded.dtype,
            "quantization": loaded.quantization,
            "device": loaded.device,
        },
        versions=_versions(),
        shots=shots,
        shots_source=shots_source,
        **extra,
    )
    if output_dir is not None:
        _write_outputs(result, Path(output_dir))
    return result


# ---------------------------------------------------------------------------------------------------------
# compare


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
        return "\n".join(["| | |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows)])


def _read_run(results_path: str | Path) -> tuple[str, dict[str, dict[str, Any]]]:
    path = Path(results_path)
    folder = path.parent if path.name == "results.json" or path.is_file() else path
    predictions_path = folder / "predictions.jsonl"
    if not predictions_path.is_file():
        message = f"{predictions_path} not found: compare reads the predictions.jsonl written beside results.json"
        raise FileNotFoundError(message)
    label = str(folder)
    results_file = folder / "results.json"
    if results_file.is_file():
        data = json.loads(results_file.read_text(encoding="utf-8"))
        label = f"{data.get('model')} ({data.get('mode')}) [{folder}]"
    rows: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(predictions_path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if ID not in row or "gold" not in row or "predicted" not in row:
            message = f"{predictions_path} line {number}: needs the keys id, gold and predicted"
            raise ValueError(message)
        rows[row[ID]] = row
    return label, rows


def compare(a: str | Path, b: str | Path, *, seed: int = 0, resamples: int = 2000) -> ComparisonResult:
    """Compare two evaluation runs (results.json paths or their folders) on the ids both scored."""
    from ._stats import mcnemar_exact, paired_bootstrap_interval

    label_a, rows_a = _read_run(a)
    label_b, rows_b = _read_run(b)
    shared = [key for key in rows_a if key in rows_b]
    if not shared:
        raise ValueError(f"{a} and {b} share no item ids: compare runs on the same split")
    for key in shared:
        if rows_a[key]["gold"] != rows_b[key]["gold"]:
            raise ValueError(f"item {key} has gold {rows_a[key]['gold']} in {a} but {rows_b[key]['gold']} in {b}")
    right_a = [rows_a[k]["predicted"] == rows_a[k]["gold"] for k in shared]
    right_b = [rows_b[k]["predicted"] == rows_b[k]["gold"] for k in shared]
    only_a = sum(x and not y for x, y in zip(right_a, right_b))
    only_b = sum(y and not x for x, y in zip(right_a, right_b))
    both = sum(x and y for x, y in zip(right_a, right_b))
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
    )


# ---------------------------------------------------------------------------------------------------------
# CLI


def make_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
    """Build the ``evaluate`` subcommand's parser."""
    parser = subcommand_parser(
        subparsers,
        "evaluate",
        "Evaluate a causal LM (+ optional LoRA adapter) on a Cosmos QA Português split. With no options: "
        "the embedded SmolLM2-135M-Instruct on the 400-item embedded sample, log-likelihood mode. Writes "
        "predictions.jsonl, results.json, report.md and plots to --output-dir.",
    )
    parser.add_argument("--model", default=None, help="Hub id or local path of a causal LM (default: embedded SmolLM2)")
    parser.add_argument("--adapter", default=None, help="PEFT/LoRA adapter to load on top of --model")
    parser.add_argument(
        "--mode", choices=MODES, default="loglik",
        help="loglik: probability of each answer letter after 'Alternativa' (one forward pass); "
        "generate: greedy generation read by the answer extractor",
    )  # fmt: skip
    parser.add_argument("--config", default="sample", help="dataset config: sample (embedded) or default")
    parser.add_argument("--split", default="validation", help="split to evaluate")
    parser.add_argument("--data-files", default=None, help="local data file for config default (csv/jsonl/parquet)")
    parser.add_argument("--limit", type=int, default=None, help="evaluate only the first N items")
    parser.add_argument(
        "--shots", type=int, default=0,
        help="solved examples before each question, from the train split when there is one, else from the "
        "other items of the evaluated split",
    )  # fmt: skip
    parser.add_argument("--batch-size", type=int, default=None, help="prompts per batch (default: 4 on CPU, 32 on GPU)")
    parser.add_argument(
        "--dtype", choices=[d for d in DTYPES if d], default=None,
        help="weights' dtype (default: bfloat16 on a GPU, float32 on a CPU); bfloat16 is about 1.7x faster on "
        "CPUs with bf16 instructions, with answers that can differ slightly from float32",
    )  # fmt: skip
    parser.add_argument("--max-new-tokens", type=int, default=16, help="generate mode: most tokens to generate")
    parser.add_argument("--seed", type=int, default=0, help="seed of the shot selection and the bootstrap")
    parser.add_argument(
        "--no-option-score", dest="option_score", action="store_false",
        help="loglik mode: skip the option-text log-likelihood score",
    )  # fmt: skip
    parser.add_argument(
        "--output-dir", default=None, help="where to write the outputs (default: outputs/eval-<model>-<mode>-<time>)"
    )
    parser.add_argument("--no-progress", dest="progress", action="store_false", help="hide the progress bar")
    return parser


def main(args: argparse.Namespace) -> int:
    """Run ``evaluate``: print the results table and the report's path."""
    from ._report import results_table
    from .modeling import EMBEDDED_MODEL

    output_dir = args.output_dir or _default_output_dir(args.model or EMBEDDED_MODEL, args.mode)
    result = evaluate_model(
        args.model,
        args.adapter,
        mode=args.mode,
        config=args.config,
        split=args.split,
        limit=args.limit,
        shots=args.shots,
        batch_size=args.batch_size,
        output_dir=output_dir,
        progress=args.progress,
        max_new_tokens=args.max_new_tokens,
        seed=args.seed,
        data_files=args.data_files,
        option_score=args.option_score,
        dtype=args.dtype,
    )
    print(results_table(result.to_dict()))
    print(f"\nreport: {Path(output_dir) / 'report.md'}")
    return 0


def make_compare_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
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


def compare_main(args: argparse.Namespace) -> int:
    """Run ``compare`` and print its table (or JSON)."""
    result = compare(args.a, args.b, seed=args.seed)
    print(json.dumps(result.to_dict(), indent=2) if args.json else result.table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(make_parser().parse_args()))
