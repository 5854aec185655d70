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
from ..schema import REFERENCE_ADAPTER, REFERENCE_BASE_MODEL, REFERENCE_RECIPE
from ..tasks import TaskSpec, TaskSpecError, get_task

DEFAULT_REPO_ID: Final = str(get_task().data.hub_repo)

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

#: Reported zero-shot result of the reference work's base model on the default task's dataset.
_REFERENCE_ZERO_SHOT: Final = ("Zephyr-7B-beta", "zero-shot, generated answers", "58.27% (over parseable answers)")

#: What a dataset card template may use (``${name}``); the card of a task is its spec's ``dataset_card`` template,
#: or the generic ``templates/dataset_card.md`` generated from the spec.
DATASET_CARD_FIELDS: Final[Mapping[str, str]] = {
    "yaml": "the card's YAML header (license, language, configs, dataset_info...)",
    "title": "the task's title",
    "description": "the task's description",
    "task_name": "the task's name",
    "task_ref": "how code names the task: a built-in name, or the spec file's name",
    "language_name": "the task's language in words",
    "repo_id": "the Hub repo the card is written for",
    "source_repo_id": "the task's own Hub repo (the repo_id when it has none)",
    "split_summary": "rows per split and in all",
    "first_split": "the first split's name",
    "n_options": "the number of options",
    "letters": "the answer letters, comma-separated",
    "label_column": "the label column's name",
    "label_feature": "the label's ClassLabel",
    "label_note": "one sentence on how the label is stored",
    "schema_table": "the rows of a column | type | content table",
    "prompt_summary": "the task's prompt: system text, user turn, option line, answer prefix",
    "fixed_options": "the options with one fixed translation, as source -> target",
    "license_text": "the license, or that the spec states none",
    "citation": "the spec's citation (BibTeX)",
    "citation_section": "the citation in a bibtex block, or that the spec gives none",
    "results_table": "the rows of the results quoted for the task's Hub dataset",
    "results_items": "the number of items those results were measured on",
}


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


def _features_yaml(spec: TaskSpec) -> list[dict[str, Any]]:
    """``dataset_info.features`` in the YAML layout ``datasets`` reads (``Features._to_yaml_list``)."""
    layout = spec.columns
    columns: list[dict[str, Any]] = []
    for name in layout.published:
        if name == layout.label:
            names = {str(index): letter for index, letter in enumerate(spec.letters)}
            columns.append({"name": name, "dtype": {"class_label": {"names": names}}})
        elif name == layout.options and isinstance(layout.options, str):
            columns.append({"name": name, "sequence": "string"})
        else:
            columns.append({"name": name, "dtype": "string"})
    return columns


def task_ref(spec: TaskSpec) -> str:
    """How a user names ``spec`` in code and on the command line: a built-in name, else its spec file's name."""
    return spec.name if spec.builtin or spec.path is None else spec.path.name


def _source_task(spec: TaskSpec) -> TaskSpec | None:
    return get_task(spec.translation.source_task) if spec.translation.source_task else None


def _letters_text(spec: TaskSpec) -> str:
    return ", ".join(spec.letters)


def _label_feature(spec: TaskSpec) -> str:
    return f"ClassLabel(names={list(spec.letters)!r})"


def _label_note(spec: TaskSpec) -> str:
    label = spec.columns.label
    if not label:
        return "The task has no label column: its items carry no gold answer."
    unlabelled = " and ".join(spec.data.unlabelled_splits)
    without = f"; `-1` marks rows without a gold answer (the {unlabelled} split)" if unlabelled else ""
    return (
        f"`{label}` is a `{_label_feature(spec)}`: the integer 0-{len(spec.letters) - 1} indexes the letter of the "
        f"correct option{without}."
    )


def _schema_rows(spec: TaskSpec) -> list[str]:
    """One table row per published column, its content said from the part of the item it holds."""
    layout = spec.columns
    source = _source_task(spec)
    translated = " (translated)" if source else ""
    contents: dict[str, tuple[str, str]] = {
        layout.id: ("string", f"the item's id{f' (that of its {source.title} original)' if source else ''}"),
        layout.question: ("string", f"the question{translated}"),
    }
    if layout.context:
        contents[layout.context] = ("string", f"the passage the question is about{translated}")
    if isinstance(layout.options, str):
        contents[layout.options] = (
            "list of strings",
            f"the options in letter order ({_letters_text(spec)}){translated}",
        )
    else:
        for letter, column in zip(spec.letters, layout.option_columns, strict=True):
            contents[column] = ("string", f"option {letter}{translated}")
    if layout.label:
        unlabelled = f"; `-1` when unlabelled ({', '.join(spec.data.unlabelled_splits)})"
        contents[layout.label] = (
            "ClassLabel",
            f"the correct option, `{_label_feature(spec)}`{unlabelled if spec.data.unlabelled_splits else ''}",
        )
    return [f"| `{column}` | {contents[column][0]} | {contents[column][1]} |" for column in layout.published]


def _prompt_summary(spec: TaskSpec) -> str:
    prompt = spec.prompt
    example = prompt.option.format(letter="A", text="...")
    lines = []
    if prompt.system:
        lines.append(f"- system turn: {prompt.system}")
    user = prompt.user.replace("\n", " / ")
    lines.append(f"- user turn: `{user}`, one line per option such as `{example}`")
    lines.append(
        f"- the answer: `{prompt.target('<letter>')}`; a model is scored on the letter that follows "
        f'"{prompt.answer_prefix}"'
    )
    return "\n".join(lines)


def _fixed_options(spec: TaskSpec) -> str:
    pairs = spec.translation.fixed_options
    return "; ".join(f'`"{source}"` -> `"{target}"`' for source, target in pairs) if pairs else "none"


def _reference_rows(spec: TaskSpec) -> list[tuple[str, str, str]]:
    """The results quoted for the task's Hub dataset (the reference work's, for the default task)."""
    if spec.data.hub_repo is None or spec.data.hub_repo != DEFAULT_REPO_ID:
        return []
    return [
        _REFERENCE_ZERO_SHOT,
        *(
            (
                f"Zephyr-7B-beta + QLoRA ({r['name'].removeprefix('QLoRA ')})",
                "fine-tuned on train",
                f"{100 * r['accuracy']:.2f}%",
            )
            for r in REFERENCE_RESULTS
            if r["dataset_id"] == spec.data.hub_repo
        ),
    ]


def _dataset_card_template(spec: TaskSpec) -> tuple[Template, str]:
    """The task's own card template (its spec's ``dataset_card``), else the generic one; and where it is."""
    if spec.dataset_card is not None:
        return Template(spec.dataset_card.read_text(encoding="utf-8")), str(spec.dataset_card)
    return _template("dataset_card.md"), "the generic dataset card template"


def render_dataset_card(
    *,
    task: str | TaskSpec | None = None,
    repo_id: str | None = None,
    split_sizes: Mapping[str, int] | None = None,
    split_bytes: Mapping[str, int] | None = None,
    download_size: int | None = None,
    data_files: Mapping[str, str] | None = None,
    source_repo_id: str | None = None,
    pretty_name: str | None = None,
) -> str:
    """Render the dataset card (README.md) of ``task`` (default: Cosmos QA Português).

    The task's own template (its spec's ``dataset_card``) or the generic one, filled with
    :data:`DATASET_CARD_FIELDS`. ``repo_id`` defaults to the task's Hub repo; ``split_sizes`` (split -> rows) to the
    published sizes of the default task's dataset; ``data_files`` (split -> path pattern in the repo) to the
    Parquet layout ``data push`` writes (``data/<split>-*.parquet``). The YAML carries ``configs`` and
    ``dataset_info`` (features with the ClassLabel; the splits with ``num_bytes`` and ``num_examples`` when
    ``split_bytes``, the size of each split as Arrow data, is known), so that ``datasets.load_dataset(repo_id)``
    needs no script and reads the whole header.
    """
    spec = get_task(task)
    repo_id = repo_id or spec.data.hub_repo
    if not repo_id:
        raise ValueError(f"task {spec.name!r} has no Hub repo in its spec: pass repo_id='namespace/name'")
    if split_sizes is None:
        if spec.data.hub_repo != DEFAULT_REPO_ID:
            raise ValueError(f"the split sizes of task {spec.name!r} are not known: pass split_sizes={{split: rows}}")
        split_sizes = PUBLISHED_SPLIT_SIZES
    sizes = {split: int(rows) for split, rows in split_sizes.items()}
    files = dict(data_files) if data_files is not None else {split: f"data/{split}-*.parquet" for split in sizes}
    missing = sorted(set(sizes) ^ set(files) | (set(split_bytes or sizes) ^ set(sizes)))
    if missing:
        message = f"split_sizes, split_bytes and data_files must name the same splits; mismatch on {missing}"
        raise ValueError(message)
    total = sum(sizes.values())
    source = _source_task(spec)
    metadata: dict[str, Any] = {}
    if spec.license:
        metadata["license"] = spec.license
    metadata["language"] = [spec.base_language]
    metadata["multilinguality"] = ["monolingual"]
    if source is not None:
        metadata["annotations_creators"] = ["machine-generated"]
        metadata["language_creators"] = ["machine-generated"]
        metadata["source_datasets"] = [source.data.hub_repo or source.name]
    metadata.update(
        {
            "task_categories": ["question-answering", "multiple-choice"],
            "task_ids": ["multiple-choice-qa"],
            "size_categories": [_size_category(total)],
            "pretty_name": pretty_name or spec.title,
        }
    )
    if spec.tags:
        metadata["tags"] = list(spec.tags)
    info: dict[str, Any] = {"features": _features_yaml(spec)}
    if split_bytes is not None:
        # The layout datasets' SplitDict._to_yaml_list writes; without num_bytes it ignores the whole list.
        info["splits"] = [
            {"name": split, "num_bytes": int(split_bytes[split]), "num_examples": rows} for split, rows in sizes.items()
        ]
        if download_size is not None:
            info["download_size"] = int(download_size)
        info["dataset_size"] = sum(int(size) for size in split_bytes.values())
    metadata["configs"] = [
        {"config_name": "default", "data_files": [{"split": split, "path": files[split]} for split in sizes]}
    ]
    metadata["dataset_info"] = info
    reference = _reference_rows(spec)
    fields = {
        "yaml": _yaml(metadata),
        "title": spec.title,
        "description": spec.description or f"{spec.title}: multiple-choice questions in {spec.language_name}.",
        "task_name": spec.name,
        "task_ref": task_ref(spec),
        "language_name": spec.language_name,
        "repo_id": repo_id,
        "source_repo_id": source_repo_id or spec.data.hub_repo or repo_id,
        "split_summary": ", ".join(f"{split} {rows:,}" for split, rows in sizes.items()) + f" ({total:,} items)",
        "first_split": next(iter(sizes), "validation"),
        "n_options": str(len(spec.letters)),
        "letters": _letters_text(spec),
        "label_column": str(spec.columns.label),
        "label_feature": _label_feature(spec),
        "label_note": _label_note(spec),
        "schema_table": "\n".join(_schema_rows(spec)),
        "prompt_summary": _prompt_summary(spec),
        "fixed_options": _fixed_options(spec),
        "license_text": f"`{spec.license}`" if spec.license else "not stated in the task spec",
        "citation": spec.citation or "",
        "citation_section": f"```bibtex\n{spec.citation}\n```" if spec.citation else "The task spec gives no citation.",
        "results_table": "\n".join(f"| {model} | {setting} | {accuracy} |" for model, setting, accuracy in reference),
        "results_items": f"{PUBLISHED_SPLIT_SIZES['validation']:,}" if reference else "",
    }
    template, where = _dataset_card_template(spec)
    try:
        return template.substitute(fields)
    except (KeyError, ValueError) as error:
        problem = f"uses ${{{error.args[0]}}}" if isinstance(error, KeyError) else f"is not a valid template ({error})"
        message = f"dataset card template {where} {problem}; the fields it may use are {', '.join(fields)}"
        raise TaskSpecError(message) from None


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


def _eval_results(
    results: Sequence[Mapping[str, Any]], reported: bool, source_url: str, dataset_name: str
) -> list[Any]:
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
                    dataset_name=dataset_name,
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


def _shown(value: Any) -> str:
    return "not set" if value is None else str(value)


def _hyperparameter_table(
    hyperparameters: Mapping[str, Any] | None, overrides: Mapping[str, Mapping[str, Any]] | None = None
) -> str:
    """The settings a run used; those that differ from its recipe say what the recipe had."""
    if not hyperparameters:
        return "Hyperparameters: not recorded.\n"
    overrides = overrides or {}
    lines = ["| hyperparameter | value |", "| --- | --- |"]
    for key, value in hyperparameters.items():
        changed = overrides.get(key)
        if changed is None:
            lines.append(f"| {key} | {value} |")
        else:
            was = f"recipe: {_shown(changed['recipe'])}" if changed.get("in_recipe") else "not in the recipe"
            lines.append(f"| {key} | **{value}** ({was}; set for this run) |")
    return "\n".join(lines) + "\n"


def _overrides_note(overrides: Mapping[str, Mapping[str, Any]] | None) -> str:
    if not overrides:
        return ""
    said = []
    for key, change in overrides.items():
        was = f"the recipe says {_shown(change['recipe'])}" if change.get("in_recipe") else "not in the recipe"
        said.append(f"`{key}` = {_shown(change['used'])} ({was})")
    return (
        "Settings given for this run over the recipe (command-line flags or keyword arguments), and used: "
        + "; ".join(said)
        + ".\n"
    )


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


def _task_words(spec: TaskSpec) -> dict[str, str]:
    """How a model card speaks of the task: the parts of a question, its options and answer."""
    parts = "a context, a question" if spec.columns.context else "a question"
    letters = spec.letters
    return {
        "parts": parts,
        "options": f"{len(letters)} options, {letters[0]} to {letters[-1]}",
        "option_line": spec.prompt.option.format(letter="X", text="..."),
        "target": spec.prompt.target("<letter>"),
    }


def _intended_use(spec: TaskSpec) -> str:
    words = _task_words(spec)
    source = _source_task(spec)
    data = f"its training data (machine-translated from {source.title})" if source else "its training data"
    return (
        f"Answering {spec.language_name} multiple-choice questions in the {spec.title} format ({words['parts']} and "
        f"{words['options']}), and serving as a baseline for the task. The model answers with `{words['target']}`. "
        "It is a research artefact: it was not evaluated for safety, factuality outside this task or any high-stakes "
        f"use, and it inherits the biases of its base model and of {data}."
    )


def _card_limitations(spec: TaskSpec, results: Sequence[Mapping[str, Any]]) -> str:
    source = _source_task(spec)
    splits = sorted({str(result["split"]) for result in results}) or ["validation"]
    scores = f"- Scores are for the {' and '.join(splits)} split of {spec.title}"
    scores += (
        "; the items were machine-translated, and translation noise is part of what the model learned and of what "
        "it is measured on."
        if source
        else "."
    )
    lines = [
        scores,
        "- Multiple-choice accuracy says nothing about free-form generation quality; outside the "
        f"`{_task_words(spec)['target']}` format the adapter behaves like its base model.",
    ]
    if source:
        lines.append(
            f"- The items keep the settings, names and customs of their {source.title} originals: good accuracy "
            f"does not show knowledge of everyday life where {spec.language_name} is spoken."
        )
    return "\n".join(lines)


def _model_tags(spec: TaskSpec, quantized: bool) -> list[str]:
    """Tags from what happened: ``qlora`` only when the base model was quantized, ``lora`` always."""
    method = ["lora", "qlora"] if quantized else ["lora"]
    return list(dict.fromkeys(["peft", *method, "sft", "trl", "multiple-choice", *spec.tags]))


def render_model_card(
    *,
    base_model: str,
    model_id: str | None = None,
    results: Sequence[Mapping[str, Any]] = (),
    hyperparameters: Mapping[str, Any] | None = None,
    recipe: str | None = None,
    training_seconds: float | None = None,
    hardware: str | None = None,
    dataset_id: str | None = None,
    reported: bool = False,
    notes: str | None = None,
    license: str = "apache-2.0",
    provenance: str | None = None,
    task: str | TaskSpec | None = None,
    quantized: bool = False,
    training_data: str | None = None,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
) -> str:
    """Render the model card (README.md) of a LoRA adapter trained on ``task`` (default: Cosmos QA Português).

    Each result mapping has ``accuracy`` (0-1, strict), ``dataset_id``, ``dataset_config``, ``split``,
    ``revision`` (may be None), ``n``, and optionally ``lenient_accuracy`` and ``name``; they become the
    ``model-index`` of the YAML header. ``reported=True`` marks the numbers as quoted, not reproduced.
    ``provenance``: which recipe made the adapter and whether it is the reference setting (one paragraph).
    ``quantized``: whether the base model was quantized while training (the ``qlora`` tag). ``training_data``:
    what the adapter was trained on, as a phrase ("300 items of the validation split of ..."); by default the
    train split of ``dataset_id``. ``overrides``: settings that differ from the recipe (key -> ``recipe``,
    ``used``, ``in_recipe``), marked in the hyperparameter table.
    """
    from huggingface_hub import ModelCardData

    spec = get_task(task)
    dataset_id = dataset_id or spec.data.hub_repo or spec.name
    for index, result in enumerate(results):
        _check_result(result, index)
    name = model_id or f"{base_model.split('/')[-1]}-{spec.name.replace('_', '-')}-lora"
    card_data = ModelCardData(
        base_model=base_model,
        library_name="peft",
        license=license,
        language=[spec.base_language],
        # the training data first, then any other dataset the results were measured on
        datasets=list(dict.fromkeys([dataset_id, *(result["dataset_id"] for result in results)])),
        pipeline_tag="text-generation",
        tags=_model_tags(spec, quantized),
        model_name=name,
        eval_results=_eval_results(results, reported, f"https://huggingface.co/{model_id or base_model}", spec.title)
        or None,
    )
    unknown = "not reported" if reported else "not recorded"
    training = [
        f"- Training time: {_duration(training_seconds) if training_seconds is not None else unknown}.",
        f"- Hardware: {hardware or unknown}.",
    ]
    dataset_link = f"[`{dataset_id}`](https://huggingface.co/datasets/{dataset_id})"
    words = _task_words(spec)
    trained_on = training_data or f"the train split of {dataset_link}"
    if reported:
        method = (
            f"Supervised fine-tuning ({'QLoRA' if quantized else 'LoRA'}) of a LoRA adapter on `{base_model}` with "
            f"{trained_on}, answering in the `{words['target']}` format that the `cosmosqa_ptbr.prompts` module "
            "reproduces (same system prompt, user turn and target)."
        )
    else:
        method = (
            f"Supervised fine-tuning ({'QLoRA, on a 4-bit base' if quantized else 'LoRA'}) of a LoRA adapter on "
            f"`{base_model}` with {trained_on} (`cosmosqa-ptbr train`). Every item is one chat: the task's system "
            f"prompt, a user turn with {words['parts']} and one `{words['option_line']}` line per option, and the "
            f"target `{words['target']}`; the loss is computed on the target only."
        )
    adapter_ref = model_id or "path/to/adapter"
    dataset_words = f"[{spec.title}](https://huggingface.co/datasets/{dataset_id})" if "/" in dataset_id else spec.title
    summary = (
        f"A LoRA adapter for [`{base_model}`](https://huggingface.co/{base_model}) fine-tuned to answer "
        f"{dataset_words} multiple-choice questions in {spec.language_name}."
    )
    ref = task_ref(spec)
    default_task = spec.name == get_task().name
    sample = f'"sample", split="{spec.data.sample_split}"' if spec.data.sample is not None else 'split="validation"'
    return _template("model_card.md").substitute(
        yaml=card_data.to_yaml() + "\n",
        title=name,
        summary=summary,
        notes=f"{notes.strip()}\n" if notes else "",
        intended_use=_intended_use(spec),
        limitations=_card_limitations(spec, results),
        base_model=base_model,
        hyperparameters=_hyperparameter_table(hyperparameters, overrides),
        overrides=_overrides_note(overrides),
        recipe=f"\nRecipe{' (as written)' if overrides else ''}:\n\n```yaml\n{recipe.strip()}\n```\n" if recipe else "",
        method=method,
        provenance=f"\n{provenance.strip()}\n" if provenance else "",
        training="\n".join(training),
        evaluation=_evaluation_section(results, reported),
        adapter_flag=f" --adapter {adapter_ref}",
        adapter_arg=f', adapter="{adapter_ref}"',
        task_flag="" if default_task else f" --task {ref}",
        task_arg="" if default_task else f', task="{ref}"',
        sample_args=sample,
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
        quantized=True,
        notes=notes,
        license="mit",
        provenance=(
            f"`cosmosqa-ptbr train --config {REFERENCE_RECIPE}` trains with this setting (the shipped recipe "
            f"`{REFERENCE_RECIPE}`); `{REFERENCE_RECIPE.rsplit('-', 1)[0]}` is the improved recipe beside it."
        ),
    )


def write_dataset_repo(
    dataset_dict: Mapping[str, Any], folder: str | os.PathLike[str], *, repo_id: str, task: str | TaskSpec | None = None
) -> Path:
    """Build a Hub dataset repo in ``folder``: Parquet splits under ``data/`` and the dataset card README.md
    (``configs`` + ``dataset_info`` matching the splits written); return the folder."""
    from ..data import write_parquet_splits

    path = Path(folder)
    patterns = write_parquet_splits(dataset_dict, path)
    sizes = {split: dataset_dict[split].num_rows for split in patterns}
    # What datasets records for a split it has written: the size of its Arrow data (as push_to_hub does).
    nbytes = {split: int(dataset_dict[split].data.nbytes) for split in patterns}
    download = sum(file.stat().st_size for file in (path / "data").glob("*.parquet"))
    card = render_dataset_card(
        repo_id=repo_id,
        split_sizes=sizes,
        split_bytes=nbytes,
        download_size=download,
        data_files=patterns,
        task=task,
    )
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
