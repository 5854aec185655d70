"""One training run: load the model, wrap it in LoRA, train with accuracy checkpoints, write the folder."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import platform
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..hub import upload as hub_upload
from ..tasks import get_task
from .data import TrainData, end_of_turn_token, load_train_data, tokenize_rows
from .settings import RecipeError, TrainSettings, check_before_loading, quantization_of

__all__ = ["HubUploadError", "TrainResult", "eval_shard", "run_training"]


class HubUploadError(hub_upload.HubUploadError, RuntimeError):
    """Training finished and the folder is written, but uploading it to the Hub failed."""


@dataclass
class TrainResult:
    """What a run produced: the output folder, the final evaluation, and where it went."""

    output_dir: Path
    results: dict[str, Any]
    training_seconds: float
    best_checkpoint: str | None = None
    hub_url: str | None = None
    log_history: list[dict[str, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Strict accuracy of the adapted model in the final evaluation."""
        return float(self.results["accuracy"])


def _load(settings: TrainSettings) -> Any:
    import torch
    from peft import get_peft_model, prepare_model_for_kbit_training
    from trl import get_peft_config

    from ..evaluation.models import load_model

    model_args = settings.model
    cuda = torch.cuda.is_available()
    # Under DDP every process holds a whole copy of the model on its own GPU.
    device_map: Any = {"": int(os.environ.get("LOCAL_RANK", 0))} if cuda else None
    loaded = load_model(
        model_args.model_name_or_path,
        quantization=quantization_of(model_args),
        dtype=model_args.dtype,
        device_map=device_map,
        revision=model_args.model_revision,
        chat_template=settings.script.chat_template,
        bnb_4bit_quant_type=model_args.bnb_4bit_quant_type,
        bnb_4bit_use_double_quant=model_args.use_bnb_nested_quant,
        attn_implementation=model_args.attn_implementation,
    )
    model = loaded.model
    model.config.use_cache = False
    if loaded.quantization == "4bit":
        model = prepare_model_for_kbit_training(
            model,
            use_gradient_checkpointing=bool(settings.sft.activation_checkpointing),
            gradient_checkpointing_kwargs=settings.sft.activation_checkpointing_kwargs or {"use_reentrant": False},
        )
    # TRL's own LoraConfig from its ModelConfig: the rank, alpha, dropout, targets, rsLoRA, DoRA... a recipe names.
    loaded.model = get_peft_model(model, get_peft_config(model_args))
    return loaded


def _portable(value: str | None, out: Path) -> str | None:
    """How the run's files record a local path: relative to the run folder when inside it, else its name alone.

    A Hub id, the embedded model's name or anything else that is not a local path is kept as it is: results.json,
    the card and adapter_config.json travel to the Hub and must not carry a home folder or a user name.
    """
    if not value or not Path(value).expanduser().exists():
        return value
    path = Path(value).expanduser().resolve()
    try:
        return path.relative_to(out.resolve()).as_posix()
    except ValueError:
        return path.name


def _score(
    model: Any, tokenizer: Any, items: Sequence[Mapping[str, Any]], batch_size: int, progress: bool, task: Any
) -> Any:
    import numpy as np

    from ..evaluation.inference import letter_logprobs

    if not items:
        return np.zeros((0, 1))
    was_training = model.training
    model.eval()
    try:
        return letter_logprobs(model, tokenizer, items, task=task, batch_size=batch_size, progress=progress)
    finally:
        model.train(was_training)


def _gold(items: Sequence[Mapping[str, Any]]) -> list[int]:
    return [int(item["label"]) for item in items]


def eval_shard(items: Sequence[Any], rank: int, world: int) -> tuple[list[Any], list[bool]]:
    """Return process ``rank``'s share of ``items`` and which of its entries count.

    Every share has the same length (the last ones are padded with the first item, marked ``False``), so each
    process runs the same number of batches before the counts are summed: no process waits at a collective call
    for one that has already finished.
    """
    per_rank = -(-len(items) // world) if items else 0
    indices = list(range(rank, per_rank * world, world))
    return [items[i] if i < len(items) else items[0] for i in indices], [i < len(items) for i in indices]


def _make_trainer(settings: TrainSettings, loaded: Any, train_ds: Any, eval_items: list) -> Any:
    import torch
    from trl import SFTTrainer

    class AccuracySFTTrainer(SFTTrainer):
        """Evaluates by the answer-letter log-likelihood, so checkpoints are ranked by accuracy."""

        def evaluate(self, eval_dataset=None, ignore_keys=None, metric_key_prefix: str = "eval") -> dict[str, float]:
            # Each process scores an equal-length share of the items; the counts are summed over processes.
            rank, world = self.args.process_index, self.args.world_size
            shard, counted = eval_shard(eval_items, rank, world)
            logprobs = _score(
                self.accelerator.unwrap_model(self.model),
                loaded.tokenizer,
                shard,
                self.args.per_device_eval_batch_size,
                progress=False,
                task=get_task(settings.script.task),
            )
            hits = zip(logprobs.argmax(-1).tolist(), _gold(shard), counted, strict=True)
            correct = sum(int(p == g) for p, g, keep in hits if keep)
            counts = torch.tensor([correct, sum(counted)], dtype=torch.float64, device=self.args.device)
            counts = self.accelerator.reduce(counts, reduction="sum") if world > 1 else counts
            total = max(int(counts[1].item()), 1)
            metrics = {f"{metric_key_prefix}_accuracy": counts[0].item() / total, f"{metric_key_prefix}_n": total}
            self.log(metrics)
            self.control = self.callback_handler.on_evaluate(self.args, self.state, self.control, metrics)
            return metrics

    evaluating = str(getattr(settings.sft.eval_strategy, "value", settings.sft.eval_strategy)) != "no"
    return AccuracySFTTrainer(
        model=loaded.model,
        args=settings.sft,
        train_dataset=train_ds,
        # transformers refuses eval_strategy != "no" without an eval_dataset, but evaluate() above scores
        # eval_items and never reads it: one training row satisfies the check.
        eval_dataset=train_ds.select(range(1)) if evaluating else None,
        processing_class=loaded.tokenizer,
    )


def _hardware() -> str:
    import torch

    if torch.cuda.is_available():
        count = torch.cuda.device_count()
        return f"{count} x {torch.cuda.get_device_name(0)}"
    return f"CPU ({platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__})"


def _card_entry(evaluation: Any, name: str, data: TrainData) -> dict[str, Any]:
    entry = {
        "name": name,
        "accuracy": evaluation.accuracy,
        "n": evaluation.n,
        "dataset_id": data.dataset_id,
        "dataset_config": data.dataset_config,
        "split": data.eval_split_name,
    }
    if data.eval_subset:
        entry["subset"] = data.eval_subset
    return entry


def _final_evaluation(
    settings: TrainSettings, loaded: Any, data: TrainData, model: Any, progress: bool
) -> tuple[Any, Any]:
    """Score the held-out rows with the adapter and, when asked, with it disabled (the base model)."""
    from ..evaluation.runner import evaluate_model

    limit = settings.script.final_eval_limit
    items = data.eval[:limit] if limit else data.eval
    loaded.model = model
    common = {
        "task": settings.script.task,
        "mode": "loglik",
        "dataset_config": data.dataset_config,
        "split": data.eval_split_name,
        "items": items,
        "loaded": loaded,
        "batch_size": settings.sft.per_device_eval_batch_size,
        "progress": progress,
        "option_score": False,
    }
    model.eval()
    names = _names(settings)
    adapted = evaluate_model(names["base_model"], names["adapter"], **common)
    baseline = None
    if settings.script.baseline_eval:
        with model.disable_adapter():
            baseline = evaluate_model(names["base_model"], None, **common)
    return adapted, baseline


def _names(settings: TrainSettings) -> dict[str, str | None]:
    """What results.json, the card and the upload call the base model, the adapter and the recipe.

    The adapter is the run folder itself: its Hub id when it is pushed, else the folder's name. The recipe is
    the shipped recipe's name or the file's name (its text is copied into the folder as recipe.yaml).
    """
    out = Path(settings.sft.output_dir)
    recipe = settings.recipe_name or (Path(settings.recipe).name if settings.recipe else None)
    return {
        "base_model": _portable(settings.model.model_name_or_path, out),
        "adapter": settings.hub_model_id or out.resolve().name,
        "recipe": recipe,
    }


def _recorded_settings(settings: TrainSettings) -> dict[str, Any]:
    """The package's own recipe keys as the run used them, local paths made portable (see :func:`_portable`)."""
    import dataclasses

    out = Path(settings.sft.output_dir)
    values = {**dataclasses.asdict(settings.script), **dataclasses.asdict(settings.model)}
    values["model_name_or_path"] = _portable(values["model_name_or_path"], out)
    values["dataset_data_dir"] = _portable(values["dataset_data_dir"], out)
    if values["dataset_data_files"]:
        entries = []
        for entry in values["dataset_data_files"]:
            split, sep, path = entry.partition("=")
            named = bool(sep) and split.isidentifier()  # SPLIT=PATH, else a bare path
            entries.append(f"{split}={_portable(path, out)}" if named else str(_portable(entry, out)))
        values["dataset_data_files"] = entries
    return values


#: Settings that name local paths or are derived from them: a card names none of them.
_UNSHOWN_SETTINGS = frozenset({"output_dir", "logging_dir", "run_name", "hub_model_id", "hub_token", "push_to_hub"})


def _plain_value(value: Any) -> Any:
    """A setting's value as JSON and a card show it (enums by their value, tuples as lists)."""
    value = getattr(value, "value", value)
    if isinstance(value, (list, tuple)):
        return [_plain_value(item) for item in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _portable_setting(value: Any, out: Path) -> Any:
    if isinstance(value, str):
        split, sep, path = value.partition("=")
        if sep and split.isidentifier():  # a data file given as SPLIT=PATH
            return f"{split}={_portable(path, out)}"
        return _portable(value, out)
    if isinstance(value, list):
        return [_portable_setting(item, out) for item in value]
    return value


def _overrides(settings: TrainSettings) -> dict[str, dict[str, Any]]:
    """The settings of this run that differ from its recipe file (flags or keyword arguments given over it).

    The recipe is read again as it was written, so that both sides went through the same checks and defaults:
    what differs was set for this run. Key -> ``recipe`` (its value there, or the default), ``used``, ``in_recipe``.
    """
    import yaml

    from .settings import parse_settings

    if settings.recipe_text is None:
        return {}
    recipe = yaml.safe_load(settings.recipe_text) or {}
    needed = {} if "output_dir" in recipe else {"output_dir": str(settings.sft.output_dir)}
    try:
        written = parse_settings(recipe, needed, recipe_name=settings.recipe_name)
    except RecipeError:  # the file changed since the run read it: nothing can be said about it
        return {}
    changed: dict[str, dict[str, Any]] = {}
    for part in dataclasses.fields(settings):
        used, as_written = getattr(settings, part.name), getattr(written, part.name)
        if not dataclasses.is_dataclass(used) or not dataclasses.is_dataclass(as_written):
            continue
        for setting in dataclasses.fields(used):
            if setting.name in _UNSHOWN_SETTINGS or not setting.init:
                continue
            now, before = _plain_value(getattr(used, setting.name)), _plain_value(getattr(as_written, setting.name))
            if now != before:
                # A value the run was given may be a local path (a model folder, a data file): record its name.
                out = Path(settings.sft.output_dir)
                now, before = _portable_setting(now, out), _portable_setting(before, out)
                changed[setting.name] = {"recipe": before, "used": now, "in_recipe": setting.name in recipe}
    return changed


def _data_facts(settings: TrainSettings, data: TrainData) -> dict[str, Any]:
    """What the run trained and evaluated on, for results.json and the card (no local paths)."""
    source = settings.script.data_source()
    return {
        "task": get_task(settings.script.task).name,
        "config": source.resolved_config,
        "train_split": settings.script.dataset_train_split,
        "train_source": source.describe(settings.script.dataset_train_split),
        "train_examples": len(data.train),
        "eval_split": data.eval_split_name or None,
        "eval_source": source.describe(data.eval_split_name) if data.eval_split_name else None,
        "eval_subset": data.eval_subset,
    }


def _trained_on(payload: Mapping[str, Any]) -> str | None:
    """The data sentence of the card: how many items of which split of which source."""
    facts = payload["training"].get("data")
    if not facts:
        return None
    return f"{facts['train_examples']} items of {facts['train_source']}"


def _model_card(settings: TrainSettings, payload: Mapping[str, Any]) -> str:
    from ..evaluation.models import EMBEDDED_HUB_ID, EMBEDDED_MODEL
    from ..hub.cards import render_model_card

    training = payload["training"]
    base = training["base_model"]
    adapted = payload["model_index"][0]
    overrides = training.get("overrides") or {}
    return render_model_card(
        base_model=EMBEDDED_HUB_ID if base == EMBEDDED_MODEL else base,
        model_id=settings.hub_model_id,
        results=[adapted],  # the model-index holds this adapter's result only; the baseline goes in the notes
        hyperparameters={**training["hyperparameters"], "quantization": training["quantization"]},
        recipe=settings.recipe_text or training["recipe"],
        training_seconds=payload["training"]["training_seconds"],
        hardware=payload["training"]["hardware"],
        dataset_id=adapted["dataset_id"],
        notes=_limitations(settings, payload),
        provenance=_provenance(settings, overrides),
        task=get_task(settings.script.task),
        quantized=training["quantization"] not in (None, "none"),
        training_data=_trained_on(payload),
        overrides=overrides,
    )


def _provenance(settings: TrainSettings, overrides: Mapping[str, Mapping[str, Any]] | None = None) -> str:
    """Which recipe made the adapter, what the run changed in it, and whether its setting is the reference one."""
    from ..schema import REFERENCE_ADAPTER, REFERENCE_RECIPE

    if settings.recipe_name:
        source = f"Recipe: `{settings.recipe_name}` (shipped with cosmosqa-ptbr)"
    elif settings.recipe:
        source = f"Recipe: the file `{Path(settings.recipe).name}` (below)"
    else:
        source = "Recipe: settings given in Python (no recipe file)"
    if overrides:
        changes = ", ".join(
            f"`{key}` {change['recipe'] if change['in_recipe'] else 'unset'} -> {change['used']}"
            for key, change in overrides.items()
        )
        source += f", run with settings changed from it: {changes}"
    differ = settings.reference_differences()
    if not differ:
        return (
            f"{source}. This is the reference setting: the hyperparameters published with `{REFERENCE_ADAPTER}` "
            f"(the `{REFERENCE_RECIPE}` recipe), with the loss on the answer only as in every run of this package."
        )
    keys = ", ".join(f"`{key}`" for key in differ)
    return f"{source}. Not the reference setting of `{REFERENCE_ADAPTER}`: it differs in {keys}."


def _limitations(settings: TrainSettings, payload: Mapping[str, Any]) -> str:
    adapted = payload["model_index"][0]
    training = payload["training"]
    facts = training.get("data") or {}
    where = adapted.get("subset") or f"split {adapted['split']!r}"
    evaluated = f" of {facts['eval_source']}" if facts.get("eval_source") else ""
    trained = f" ({facts['train_source']})" if facts.get("train_source") else ""
    lines = [
        f"Trained on {training['train_examples']} examples{trained} for {training['global_step']} steps; evaluated "
        f"on {adapted['n']} items{evaluated} ({where}) by the log-likelihood of the answer letter (strict accuracy "
        f"{adapted['accuracy']:.2%}).",
    ]
    if payload.get("baseline"):
        lines.append(f"Same items, base model without the adapter: {payload['baseline']['accuracy']:.2%}.")
    spec = get_task(settings.script.task)
    answer = spec.prompt.target("X")
    lines.append(
        f"The loss falls on the answer only (`{answer}` and the end-of-turn token); the adapter is meant for "
        f"{spec.n_options}-option {spec.title} questions ({spec.language}), not for open-ended generation."
    )
    if settings.model.model_name_or_path.startswith("embedded:"):
        lines.append(
            "The base is the embedded SmolLM2-135M-Instruct (a Q4_1 GGUF dequantised to float32): a pipeline check "
            "that runs on a CPU, not a capable Portuguese model."
        )
    return "\n\n".join(lines)


def _write_outputs(
    settings: TrainSettings, trainer: Any, loaded: Any, payload: dict[str, Any], predictions: list
) -> Path:
    """Save the adapter from every process, as the Trainer expects (it writes on the main one), then the rest."""
    from ..cli.folders import folder_files, record_files

    out = Path(settings.sft.output_dir)
    trainer.save_model(str(out))  # adapter_config.json + adapter_model.safetensors, written by the main process
    if not trainer.accelerator.is_main_process:
        return out
    _name_base_model(out / "adapter_config.json", payload["training"]["base_model"])
    loaded.tokenizer.save_pretrained(str(out))  # includes the chat template the adapter was trained with
    (out / "results.json").write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    with (out / "predictions.jsonl").open("w", encoding="utf-8") as handle:
        for row in predictions:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    if settings.recipe_text is not None:
        (out / "recipe.yaml").write_text(settings.recipe_text, encoding="utf-8")
    (out / "README.md").write_text(_model_card(settings, payload), encoding="utf-8")
    # The folder was train's alone from the start of the run (claimed, locked): every file in it is the run's.
    top_level = [name for name in folder_files(out) if "/" not in name]
    record_files(out, top_level, command=TRAIN_COMMAND, folders=TRAINER_FOLDERS)
    return out


def _name_base_model(adapter_config: Path, base: str) -> None:
    """Make adapter_config.json name the base model by its Hub id or folder name, not the path it loaded from.

    peft writes the loading path (the embedded GGUF file's folder, a local model folder): a home folder and a user
    name on the Hub. Written after saving, so that peft's own vocabulary check at save time still sees the path.
    """
    from ..evaluation.models import EMBEDDED_HUB_ID, EMBEDDED_MODEL

    config = json.loads(adapter_config.read_text(encoding="utf-8"))
    config["base_model_name_or_path"] = EMBEDDED_HUB_ID if base == EMBEDDED_MODEL else base
    adapter_config.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _push(out: Path, settings: TrainSettings, api: Any) -> str:
    """Upload the folder's files (adapter, tokenizer, card, results), not its checkpoint-* folders."""
    import shutil
    import tempfile

    from ..cli.folders import recorded_files
    from ..hub.upload import push_folder_to_hub

    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp) / out.name
        staging.mkdir()
        files = []
        for name in recorded_files(out, command=TRAIN_COMMAND):
            if "/" not in name and name != "training_args.bin":
                shutil.copy2(out / name, staging / name)
                files.append(name)
        return push_folder_to_hub(
            staging,
            settings.hub_model_id,
            api=api,
            files=files,
            commit_message=f"Upload LoRA adapter trained with {_names(settings)['recipe'] or 'cosmosqa-ptbr train'}",
        )


def _remove_if_empty(folder: Path) -> None:
    """Remove ``folder`` when it holds no file at all (only empty sub-folders)."""
    import shutil

    if folder.is_dir() and not any(path.is_file() for path in folder.rglob("*")):
        shutil.rmtree(folder, ignore_errors=True)  # another process of the run may remove it first


#: The command that owns a training folder (its manifest names it).
TRAIN_COMMAND = "train"
#: Sub-folders the Trainer writes during a run (checkpoints, TensorBoard logs): train's own, whatever they hold.
TRAINER_FOLDERS = ("checkpoint-*", "runs")


@contextlib.contextmanager
def _owned_output(out: Path) -> Iterator[None]:
    """Own ``out`` from the start of the run: new, empty or train's before, then train's manifest; locked to the end.

    Only the main process claims and locks it; the others check the same ownership, so that all refuse together.
    """
    from ..cli.folders import MANIFEST, check_owned, folder_files, owned_folder, record_files, recorded_files

    if int(os.environ.get("RANK", "0")) != 0:
        check_owned(out, command=TRAIN_COMMAND)
        yield
        return
    with owned_folder(out, command=TRAIN_COMMAND, flag="--output-dir", rebuild=False) as folder:
        had_manifest = (folder / MANIFEST).is_file()
        earlier = [name for name in recorded_files(folder, command=TRAIN_COMMAND) if (folder / name).is_file()]
        record_files(folder, earlier, command=TRAIN_COMMAND, folders=TRAINER_FOLDERS)
        try:
            yield
        except BaseException:
            if not had_manifest and not folder_files(folder):
                (folder / MANIFEST).unlink(missing_ok=True)  # nothing was written: leave the folder as it was
            raise


def run_training(
    settings: TrainSettings, *, resume: bool = False, api: Any = None, progress: bool = True
) -> TrainResult:
    """Train as ``settings`` say and write the output folder; push it when ``settings.push_to_hub``.

    The output folder must be new, empty or written by ``train`` before (:mod:`cosmosqa_ptbr.cli.folders`), and it
    is locked for the whole run: a second run into it is refused at once. A run that fails leaves no empty output
    folder behind when it created that folder.
    """
    out = Path(settings.sft.output_dir)
    existed = out.exists()
    try:
        with _owned_output(out):
            return _run(settings, out, resume=resume, api=api, progress=progress)
    except BaseException:
        if not existed:
            _remove_if_empty(out)
        raise


def _run(settings: TrainSettings, out: Path, *, resume: bool, api: Any, progress: bool) -> TrainResult:
    from transformers.trainer_utils import get_last_checkpoint

    last = get_last_checkpoint(str(out)) if out.is_dir() else None
    if resume and last is None:
        message = f"--resume: no checkpoint-* folder in {str(out)!r} to resume from; drop --resume to start afresh"
        raise RecipeError(message)
    if not resume and last is not None:
        message = (
            f"{str(out)!r} already holds {Path(last).name}: pass --resume to continue it, or pick another --output-dir"
        )
        raise RecipeError(message)
    check_before_loading(settings)
    data = load_train_data(settings.script)
    if not data.train:
        raise RecipeError("the training split is empty: check dataset_train_split, train_size and max_train_samples")
    sft = settings.sft
    evaluating = str(getattr(sft.eval_strategy, "value", sft.eval_strategy)) != "no"
    if evaluating and not data.eval:
        message = (
            "eval_strategy asks for evaluation but there are no evaluation rows: set dataset_test_split or train_size"
        )
        raise RecipeError(message)

    loaded = _load(settings)
    spec = get_task(settings.script.task)
    eos = end_of_turn_token(loaded.tokenizer, sft.eos_token, spec)
    train_ds = tokenize_rows(loaded.tokenizer, data.train, eos, sft.max_length, spec)
    eval_items = data.eval[: settings.script.eval_limit] if settings.script.eval_limit else data.eval
    trainer = _make_trainer(settings, loaded, train_ds, eval_items)

    started = time.perf_counter()
    trainer.train(resume_from_checkpoint=last if resume else None)
    training_seconds = time.perf_counter() - started

    # Every process runs the same final evaluation: with the same items in the same batches, any collective a
    # forward pass holds is met by all of them. Only the main process writes what it found.
    model = trainer.accelerator.unwrap_model(trainer.model)
    adapted, baseline = _final_evaluation(
        settings, loaded, data, model, progress and trainer.accelerator.is_main_process
    )
    differ = settings.reference_differences()
    names = _names(settings)
    payload: dict[str, Any] = {
        **adapted.to_dict(),
        "baseline": baseline.to_dict() if baseline is not None else None,
        "model_index": [_card_entry(adapted, "LoRA adapter", data)],
        "training": {
            "base_model": names["base_model"],
            "recipe": names["recipe"],
            "recipe_name": settings.recipe_name,
            "recipe_file": "recipe.yaml" if settings.recipe_text is not None else None,
            "reference_setting": not differ,
            "differs_from_reference": differ,
            "train_examples": len(data.train),
            "training_seconds": round(training_seconds, 1),
            "global_step": trainer.state.global_step,
            "best_checkpoint": _portable(trainer.state.best_model_checkpoint, out),
            "best_eval_accuracy": trainer.state.best_metric,
            "hardware": _hardware(),
            "world_size": trainer.args.world_size,
            "distributed_type": str(getattr(trainer.accelerator.distributed_type, "value", "")),
            "quantization": loaded.quantization,
            "hyperparameters": {**settings.hyperparameters(), "base_model": names["base_model"]},
            "settings": _recorded_settings(settings),
            "overrides": _overrides(settings),
            "data": _data_facts(settings, data),
            "log_history": trainer.state.log_history,
        },
    }
    _write_outputs(settings, trainer, loaded, payload, adapted.predictions)
    trainer.accelerator.wait_for_everyone()
    hub_url = None
    # The upload comes after the last collective call: a failed upload must not leave the other processes waiting.
    if trainer.accelerator.is_main_process and settings.push_to_hub:
        try:
            hub_url = _push(out, settings, api)
        except Exception as error:
            message = (
                f"training finished and {str(out)!r} is complete, but uploading it to {settings.hub_model_id!r} "
                f"failed: {type(error).__name__}: {error}. Check HF_TOKEN / `hf auth login` and the network, "
                "then upload the folder with cosmosqa_ptbr.hub.push_folder_to_hub"
            )
            raise HubUploadError(message) from error
    main = trainer.accelerator.is_main_process
    return TrainResult(
        output_dir=out,
        results=payload if main else {},
        training_seconds=training_seconds,
        best_checkpoint=trainer.state.best_model_checkpoint,
        hub_url=hub_url,
        log_history=list(trainer.state.log_history),
    )
