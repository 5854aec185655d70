"""Dataset and model cards rendered from the templates shipped in the package; Hub upload.

The cards' YAML headers are written by code (never by hand in the template), so the metadata the Hub reads
(``configs``, ``dataset_info`` with the ClassLabel, ``model-index``) always parses: the tests load each card
with ``huggingface_hub.DatasetCard`` / ``ModelCard``.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any, Final

from ..cli.options import CommandError, module_main, subcommand_parser
from ..schema import (
    COLUMNS,
    CONTEXT,
    DEFAULT_REPO_ID,
    ID,
    LABEL,
    LETTERS,
    NONE_OF_THE_ABOVE_EN,
    NONE_OF_THE_ABOVE_PT,
    QUESTION,
    REFERENCE_ADAPTER,
    REFERENCE_BASE_MODEL,
    REFERENCE_RECIPE,
)

__all__ = [
    "PUBLISHED_SPLIT_SIZES",
    "REFERENCE_ADAPTER",
    "REFERENCE_BASE_MODEL",
    "REFERENCE_RESULTS",
    "main",
    "make_parser",
    "reference_model_card",
    "render_dataset_card",
    "render_model_card",
    "write_cards",
    "write_dataset_repo",
]

#: The command that owns the card folders (their manifests name it).
CARDS_COMMAND: Final = "cards"
#: Rows per split of the published ``heloisy/cosmos_qa_ptbr`` (the sizes of English Cosmos QA).
PUBLISHED_SPLIT_SIZES: Final[Mapping[str, int]] = {"train": 25262, "validation": 2985, "test": 6963}


#: Strict accuracy on the validation split as published with the reference adapter (quoted, not reproduced).
REFERENCE_RESULTS: Final[tuple[Mapping[str, Any], ...]] = (
    {
        "name": "QLoRA run 1",
        "accuracy": 0.7973,
        "dataset_id": DEFAULT_REPO_ID,
        "dataset_config": "default",
        "split": "validation",
        "revision": None,
        "n": 2985,
    },
    {
        "name": "QLoRA run 2",
        "accuracy": 0.8103,
        "dataset_id": DEFAULT_REPO_ID,
        "dataset_config": "default",
        "split": "validation",
        "revision": None,
        "n": 2985,
    },
)

#: Hyperparameters published with the reference adapter.
REFERENCE_HYPERPARAMETERS: Final[Mapping[str, Any]] = {
    "method": "QLoRA (LoRA on a 4-bit NF4 base)",
    "LoRA r / alpha / dropout": "16 / 16 / 0.05",
    "LoRA target modules": "q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj",
    "quantization": "4-bit NF4",
    "learning rate": "4e-5",
    "batch size x gradient accumulation": "16 x 2",
    "steps": 1000,
    "warmup steps": 100,
    "schedule": "linear",
    "seed": 42,
}

_DATASET_NAME: Final = "Cosmos QA Português"
_COLUMN_DESCRIPTIONS: Final[Mapping[str, str]] = {
    ID: "the Cosmos QA id of the item (unchanged from the English source)",
    CONTEXT: "the narrative (translated)",
    QUESTION: "the question (translated)",
    LABEL: "the correct option, `ClassLabel(names=['A', 'B', 'C', 'D'])`; `-1` when unlabelled (test)",
}
#: Reported zero-shot result of the base model (over the answers a parser could read).
_REFERENCE_ZERO_SHOT: Final = ("Zephyr-7B-beta", "zero-shot, generated answers", "58.27% (over parseable answers)")


def _template(name: str) -> Template:
    return Template(resources.files("cosmosqa_ptbr.hub").joinpath("templates", name).read_text(encoding="utf-8"))


def _yaml(data: Mapping[str, Any]) -> str:
    import yaml

    return yaml.safe_dump(dict(data), sort_keys=False, allow_unicode=True, width=1000)


def _size_category(total: int) -> str:
    bounds = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")]
    for bound, name in bounds:
        if total < bound:
            return name
    return "n>1M"


def _features_yaml() -> list[dict[str, Any]]:
    """``dataset_info.features`` in the YAML layout ``datasets`` reads (``Features._to_yaml_list``)."""
    columns: list[dict[str, Any]] = [{"name": name, "dtype": "string"} for name in COLUMNS if name != LABEL]
    names = {str(index): letter for index, letter in enumerate(LETTERS)}
    columns.append({"name": LABEL, "dtype": {"class_label": {"names": names}}})
    return columns


def render_dataset_card(
    *,
    repo_id: str = DEFAULT_REPO_ID,
    split_sizes: Mapping[str, int] | None = None,
    data_files: Mapping[str, str] | None = None,
    source_repo_id: str = DEFAULT_REPO_ID,
    pretty_name: str = _DATASET_NAME,
) -> str:
    """Render the dataset card (README.md) of Cosmos QA Português.

    ``split_sizes`` (split -> rows) defaults to the published sizes; ``data_files`` (split -> path pattern in
    the repo) defaults to the Parquet layout ``data push`` writes (``data/<split>-*.parquet``). The YAML carries
    ``configs`` and ``dataset_info`` (features with the ClassLabel, split sizes) so that
    ``datasets.load_dataset(repo_id)`` needs no script.
    """
    sizes = dict(split_sizes if split_sizes is not None else PUBLISHED_SPLIT_SIZES)
    files = dict(data_files) if data_files is not None else {split: f"data/{split}-*.parquet" for split in sizes}
    missing = sorted(set(sizes) ^ set(files))
    if missing:
        message = f"split_sizes and data_files must name the same splits; mismatch on {missing}"
        raise ValueError(message)
    total = sum(sizes.values())
    metadata = {
        "license": "cc-by-4.0",
        "language": ["pt"],
        "multilinguality": ["translation"],
        "annotations_creators": ["machine-generated"],
        "language_creators": ["machine-generated"],
        "source_datasets": ["cosmos_qa"],
        "task_categories": ["question-answering", "multiple-choice"],
        "task_ids": ["multiple-choice-qa"],
        "size_categories": [_size_category(total)],
        "pretty_name": pretty_name,
        "tags": ["commonsense-reasoning", "reading-comprehension", "portuguese", "cosmos-qa"],
        "configs": [
            {
                "config_name": "default",
                "data_files": [{"split": split, "path": files[split]} for split in sizes],
            }
        ],
        "dataset_info": {
            "features": _features_yaml(),
            "splits": [{"name": split, "num_examples": int(rows)} for split, rows in sizes.items()],
        },
    }
    schema_rows = []
    for column in COLUMNS:
        if column in LETTERS:
            kind, text = "string", f"option {column} (translated)"
        else:
            kind = "ClassLabel" if column == LABEL else "string"
            text = _COLUMN_DESCRIPTIONS[column]
        schema_rows.append(f"| `{column}` | {kind} | {text} |")
    results = [
        _REFERENCE_ZERO_SHOT,
        *(
            (
                f"Zephyr-7B-beta + QLoRA ({r['name'].removeprefix('QLoRA ')})",
                "fine-tuned on train",
                f"{100 * r['accuracy']:.2f}%",
            )
            for r in REFERENCE_RESULTS
        ),
    ]
    return _template("dataset_card.md").substitute(
        yaml=_yaml(metadata),
        repo_id=repo_id,
        source_repo_id=source_repo_id,
        split_summary=", ".join(f"{split} {rows:,}" for split, rows in sizes.items()) + f" ({total:,} items)",
        schema_table="\n".join(schema_rows),
        none_en=NONE_OF_THE_ABOVE_EN,
        none_pt=NONE_OF_THE_ABOVE_PT,
        validation_size=f"{PUBLISHED_SPLIT_SIZES['validation']:,}",
        results_table="\n".join(f"| {model} | {setting} | {accuracy} |" for model, setting, accuracy in results),
    )


def _check_result(result: Mapping[str, Any], index: int) -> None:
    for key in ("accuracy", "dataset_id", "dataset_config", "split", "n"):
        if key not in result:
            needed = "accuracy, dataset_id, dataset_config, split, n"
            message = f"results[{index}] lacks the key {key!r}; each result needs {needed}"
            raise ValueError(message)
    for key in ("accuracy", "lenient_accuracy"):
        value = result.get(key)
        if value is not None and not (isinstance(value, (int, float)) and 0.0 <= value <= 1.0 and math.isfinite(value)):
            message = f"results[{index}][{key!r}] must be a fraction in 0-1 (not a percentage), got {value!r}"
            raise ValueError(message)


def _eval_results(results: Sequence[Mapping[str, Any]], reported: bool, source_url: str) -> list[Any]:
    from huggingface_hub import EvalResult

    out = []
    for result in results:
        metrics = [("accuracy", "strict accuracy", result["accuracy"])]
        if result.get("lenient_accuracy") is not None:
            metrics.append(("accuracy", "lenient accuracy", result["lenient_accuracy"]))
        for metric_type, metric_name, value in metrics:
            out.append(
                EvalResult(
                    task_type="multiple-choice",
                    task_name="Multiple choice",
                    dataset_type=result["dataset_id"],
                    dataset_name=_DATASET_NAME,
                    dataset_config=result["dataset_config"],
                    dataset_split=result["split"],
                    dataset_revision=result.get("revision"),
                    metric_type=metric_type,
                    metric_name=f"{metric_name} ({result['name']})" if result.get("name") else metric_name,
                    metric_value=round(float(value), 4),
                    source_name="reported with the adapter, not reproduced here" if reported else None,
                    source_url=source_url if reported else None,
                )
            )
    return out


def _duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min ({seconds:.0f} s)"


def _hyperparameter_table(hyperparameters: Mapping[str, Any] | None) -> str:
    if not hyperparameters:
        return "Hyperparameters: not recorded.\n"
    lines = ["| hyperparameter | value |", "| --- | --- |"]
    lines += [f"| {key} | {value} |" for key, value in hyperparameters.items()]
    return "\n".join(lines) + "\n"


def _evaluation_section(results: Sequence[Mapping[str, Any]], reported: bool) -> str:
    if not results:
        return "No evaluation recorded yet: run `cosmosqa-ptbr evaluate` with this adapter."
    lines = []
    if reported:
        lines.append(
            "The numbers below were **reported** with the published adapter; they are quoted here and were "
            "**not reproduced** by this package.\n"
        )
    lines += [
        "| run | dataset | config | split | revision | items | strict accuracy | lenient accuracy |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for result in results:
        lenient = result.get("lenient_accuracy")
        lines.append(
            f"| {result.get('name') or '-'} | `{result['dataset_id']}` | {result['dataset_config']} "
            f"| {result['split']} "
            f"| {result.get('revision') or '-'} | {int(result['n']):,} | {100 * result['accuracy']:.2f}% "
            f"| {'-' if lenient is None else f'{100 * lenient:.2f}%'} |"
        )
    lines.append(
        "\nStrict accuracy counts an answer as correct only when its letter can be read unambiguously and matches "
        "the gold letter; unreadable answers count as wrong. Lenient accuracy (when given) scores only the "
        "answers a parser could read."
    )
    return "\n".join(lines)


def render_model_card(
    *,
    base_model: str,
    model_id: str | None = None,
    results: Sequence[Mapping[str, Any]] = (),
    hyperparameters: Mapping[str, Any] | None = None,
    recipe: str | None = None,
    training_seconds: float | None = None,
    hardware: str | None = None,
    dataset_id: str = DEFAULT_REPO_ID,
    reported: bool = False,
    notes: str | None = None,
    license: str = "apache-2.0",
    provenance: str | None = None,
) -> str:
    """Render the model card (README.md) of a LoRA adapter trained on Cosmos QA Português.

    Each result mapping has ``accuracy`` (0-1, strict), ``dataset_id``, ``dataset_config``, ``split``,
    ``revision`` (may be None), ``n``, and optionally ``lenient_accuracy`` and ``name``; they become the
    ``model-index`` of the YAML header. ``reported=True`` marks the numbers as quoted, not reproduced.
    ``provenance``: which recipe made the adapter and whether it is the reference setting (one paragraph).
    """
    from huggingface_hub import ModelCardData

    for index, result in enumerate(results):
        _check_result(result, index)
    name = model_id or f"{base_model.split('/')[-1]}-cosmosqa-ptbr-lora"
    card_data = ModelCardData(
        base_model=base_model,
        library_name="peft",
        license=license,
        language=["pt"],
        # the training data first, then any other dataset the results were measured on
        datasets=list(dict.fromkeys([dataset_id, *(result["dataset_id"] for result in results)])),
        pipeline_tag="text-generation",
        tags=["peft", "lora", "qlora", "sft", "trl", "multiple-choice", "portuguese", "cosmos-qa"],
        model_name=name,
        eval_results=_eval_results(results, reported, f"https://huggingface.co/{model_id or base_model}") or None,
    )
    unknown = "not reported" if reported else "not recorded"
    training = [
        f"- Training time: {_duration(training_seconds) if training_seconds is not None else unknown}.",
        f"- Hardware: {hardware or unknown}.",
    ]
    dataset_link = f"[`{dataset_id}`](https://huggingface.co/datasets/{dataset_id})"
    if reported:
        method = (
            f"Supervised fine-tuning (QLoRA) of a LoRA adapter on `{base_model}` with the train split of "
            f"{dataset_link}, answering in the `Alternativa <letter>` format that the `cosmosqa_ptbr.prompts` "
            "module reproduces (same system prompt, user turn and target)."
        )
    else:
        method = (
            f"Supervised fine-tuning of a LoRA adapter on `{base_model}` with the train split of {dataset_link} "
            "(`cosmosqa-ptbr train`). Every item is one chat: the system prompt of the `cosmosqa_ptbr.prompts` "
            "module, a user turn with the `contexto`, the `pergunta` and the four `Alternativa X) ...` lines, "
            "and the target `Alternativa <letter>`; the loss is computed on the target only."
        )
    adapter_ref = model_id or "path/to/adapter"
    summary = (
        f"A LoRA adapter for [`{base_model}`](https://huggingface.co/{base_model}) fine-tuned to answer "
        f"[{_DATASET_NAME}](https://huggingface.co/datasets/{dataset_id}) multiple-choice questions in Brazilian "
        "Portuguese."
    )
    return _template("model_card.md").substitute(
        yaml=card_data.to_yaml() + "\n",
        title=name,
        summary=summary,
        notes=f"{notes.strip()}\n" if notes else "",
        base_model=base_model,
        hyperparameters=_hyperparameter_table(hyperparameters),
        recipe=f"\nRecipe:\n\n```yaml\n{recipe.strip()}\n```\n" if recipe else "",
        method=method,
        provenance=f"\n{provenance.strip()}\n" if provenance else "",
        training="\n".join(training),
        evaluation=_evaluation_section(results, reported),
        adapter_flag=f" --adapter {adapter_ref}",
        adapter_arg=f', adapter="{adapter_ref}"',
    )


def reference_model_card() -> str:
    """The card of the reference adapter ``heloisy/zephyr-7b-cosmosqa-ptbr_text`` with its reported numbers."""
    notes = (
        "> **Reported, not reproduced.** This card describes the published reference adapter. Its training "
        "recipe, hyperparameters and accuracies are quoted as reported with it; this package has not re-run the "
        "training or the evaluation. For comparison, the base model answered zero-shot with 58.27% accuracy "
        "over the answers a parser could read (also reported). The license field follows the base model (MIT); "
        "check the adapter repository for its own terms."
    )
    return render_model_card(
        base_model=REFERENCE_BASE_MODEL,
        model_id=REFERENCE_ADAPTER,
        results=REFERENCE_RESULTS,
        hyperparameters=REFERENCE_HYPERPARAMETERS,
        hardware="not reported",
        reported=True,
        notes=notes,
        license="mit",
        provenance=(
            f"`cosmosqa-ptbr train --config {REFERENCE_RECIPE}` trains with this setting (the shipped recipe "
            f"`{REFERENCE_RECIPE}`); `{REFERENCE_RECIPE.rsplit('-', 1)[0]}` is the improved recipe beside it."
        ),
    )


def write_dataset_repo(dataset_dict: Mapping[str, Any], folder: str | os.PathLike[str], *, repo_id: str) -> Path:
    """Build a Hub dataset repo in ``folder``: Parquet splits under ``data/`` and the dataset card README.md
    (``configs`` + ``dataset_info`` matching the splits written); return the folder."""
    from ..data import write_parquet_splits

    path = Path(folder)
    patterns = write_parquet_splits(dataset_dict, path)
    sizes = {split: dataset_dict[split].num_rows for split in patterns}
    card = render_dataset_card(repo_id=repo_id, split_sizes=sizes, data_files=patterns)
    (path / "README.md").write_text(card, encoding="utf-8")
    return path


def write_cards(
    dataset_card_dir: str | os.PathLike[str] | None = "dataset_card",
    model_card_dir: str | os.PathLike[str] | None = "model_card",
) -> list[Path]:
    """Write ``<dataset_card_dir>/README.md`` (the dataset card) and ``<model_card_dir>/README.md`` (the card of
    the reference adapter); return the paths written.

    Each folder must be new, empty or written by ``cards`` before (its manifest; :mod:`cosmosqa_ptbr.cli.folders`):
    a README.md of someone else's is never replaced. Both folders are claimed before either card is written.
    """
    from ..cli.folders import owned_folder, record_files, write_file

    targets = [
        (folder, flag, render)
        for folder, flag, render in (
            (dataset_card_dir, "--dataset-card-dir", render_dataset_card),
            (model_card_dir, "--model-card-dir", reference_model_card),
        )
        if folder is not None
    ]
    if len(targets) == 2 and Path(targets[0][0]).resolve() == Path(targets[1][0]).resolve():
        message = f"--dataset-card-dir and --model-card-dir are both {targets[0][0]}: each card needs its own folder"
        raise CommandError(message)
    written = []
    with contextlib.ExitStack() as stack:
        folders = [
            stack.enter_context(owned_folder(folder, command=CARDS_COMMAND, flag=flag, rebuild=False))
            for folder, flag, _ in targets
        ]
        for folder, (_, _, render) in zip(folders, targets, strict=True):
            record_files(folder, ["README.md"], command=CARDS_COMMAND)
            written.append(write_file(folder, "README.md", render()))
    return written


def make_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
    """Parser of ``cosmosqa-ptbr cards``."""
    parser = subcommand_parser(
        subparsers,
        "cards",
        "Render the dataset card of Cosmos QA Português and the model card of the reference adapter "
        f"({REFERENCE_ADAPTER}) from the templates shipped in the package.",
    )
    parser.add_argument(
        "--dataset-card-dir",
        default="dataset_card",
        help="folder that receives the dataset card README.md: new, empty, or written by `cards` before",
    )
    parser.add_argument(
        "--model-card-dir",
        default="model_card",
        help="folder that receives the model card README.md: new, empty, or written by `cards` before",
    )
    return parser


def main(args: argparse.Namespace) -> int:
    """Write both cards and print their paths."""
    try:
        written = write_cards(args.dataset_card_dir, args.model_card_dir)
    except OSError as error:  # a card folder that cannot be written after all (a full disk, a read-only mount)
        message = f"cannot write {error.filename} ({error.strerror}); pick another --dataset-card-dir/--model-card-dir"
        raise CommandError(message) from None
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(module_main("cards", main, make_parser))
