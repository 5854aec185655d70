"""Training settings: dataclasses, the YAML recipe reader and the checks that run before any model loads.

A recipe is a flat YAML mapping whose keys are the fields of :class:`ScriptArguments`, ``trl.ModelConfig``
(the model, its quantisation and the LoRA adapter, with this package's defaults: :data:`MODEL_DEFAULTS`) and
``trl.SFTConfig``, TRL's and the alignment-handbook's names; ``--key value`` on the command line overrides a
recipe key. The names of an earlier release (:data:`RENAMED_KEYS`, ``quantization``) still work for one release,
each with a deprecation line. The package ships recipes as data (``cosmosqa_ptbr/recipes/<model>/<method>.yaml``
and ``accelerate/*.yaml``), named without the folder or ``.yaml``: ``smollm2-135m/lora-cpu``. Nothing here
loads a model: every wrong setting fails here, naming the key.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cli.options import (
    SettingsError,
    coerce,
    print_deprecation,
    read_settings_file,
    require_extra,
    unknown_key_message,
)
from ..data.source import DataSource
from ..evaluation.models import EMBEDDED_MODEL, EmbeddedModelMissingError, embedded_model_path
from ..schema import REFERENCE_BASE_MODEL, REFERENCE_RECIPE
from ..tasks import get_task

__all__ = [
    "LORA_TARGET_MODULES",
    "MODEL_DEFAULTS",
    "RECIPES_DIR",
    "REFERENCE_RECIPE",
    "REFERENCE_SETTING",
    "RENAMED_KEYS",
    "RecipeError",
    "ScriptArguments",
    "TrainSettings",
    "argument_dataclasses",
    "check_before_loading",
    "parse_settings",
    "quantization_of",
    "read_recipe",
    "recipe_description",
    "require_train_extra",
    "resolve_recipe",
    "shipped_recipes",
]

#: The alignment-handbook Zephyr QLoRA recipe's targets: every attention and MLP projection.
LORA_TARGET_MODULES: tuple[str, ...] = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")

#: The recipes shipped as package data: ``<model>/<method>.yaml`` and ``accelerate/<kind>.yaml``.
RECIPES_DIR = Path(__file__).resolve().parents[1] / "recipes"

#: The training setting published with the reference adapter (the recipe keys that define it).
REFERENCE_SETTING: dict[str, Any] = {
    "model_name_or_path": REFERENCE_BASE_MODEL,
    "load_in_4bit": True,
    "bnb_4bit_quant_type": "nf4",
    "use_bnb_nested_quant": True,
    "lora_r": 16,
    "lora_alpha": 16,
    "lora_dropout": 0.05,
    "lora_target_modules": ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj"],
    "learning_rate": 4e-5,
    "lr_scheduler_type": "linear",
    "warmup_steps": 100,
    "max_steps": 1000,
    "per_device_train_batch_size": 16,
    "gradient_accumulation_steps": 2,
}

#: Where this package's model settings differ from ``trl.ModelConfig``'s defaults, and why.
MODEL_DEFAULTS: dict[str, tuple[Any, str]] = {
    "model_name_or_path": (EMBEDDED_MODEL, "the embedded SmolLM2-135M-Instruct, which trains on a CPU offline"),
    "dtype": ("auto", "bfloat16 on a GPU that has it, float32 on the CPU"),
    "use_peft": (True, "this package trains LoRA adapters only"),
    "lora_alpha": (16, "the alignment-handbook Zephyr QLoRA recipe's"),
    "lora_target_modules": (
        list(LORA_TARGET_MODULES),
        "all seven attention and MLP projections; all-linear adapts every linear layer, null takes peft's targets",
    ),
}

#: Recipe keys of an earlier release and TRL's names for them, read with a deprecation line for one release.
#: (``quantization: 4bit|8bit|none`` became ``load_in_4bit``/``load_in_8bit``: see :func:`_renamed`.)
RENAMED_KEYS: dict[str, str] = {
    "dataset_repo": "dataset_name",
    "train_split": "dataset_train_split",
    "eval_split": "dataset_test_split",
    "model_dtype": "dtype",
    "torch_dtype": "dtype",
}

#: Keys a recipe must never hold: secrets come from the environment or ``hf auth login``.
_FORBIDDEN_KEYS = {
    "hub_token": "a Hub token never goes in a recipe or on the command line: set HF_TOKEN in the environment "
    "or run `hf auth login`, then pass --push-to-hub --hub-model-id NAMESPACE/NAME",
}


#: The data-source flags of the other commands and the recipe keys that say the same.
_DATA_SOURCE_KEYS = {
    "--task": "task",
    "--dataset-config": "dataset_config",
    "--data-files": "dataset_data_files",
    "--data-dir": "dataset_data_dir",
    "--repo-id": "dataset_name",
}


class RecipeError(SettingsError):
    """A recipe or override is wrong: the message names the key and how to fix it."""


def _in_recipe_words(message: str) -> str:
    """A data-source message of the other commands, with their flags renamed to the recipe keys."""
    for flag, key in _DATA_SOURCE_KEYS.items():
        message = message.replace(flag, key)
    return message


@dataclass
class ScriptArguments:
    """Which task and data to train and evaluate on (TRL's ScriptArguments names), and the chat template."""

    task: str | None = field(
        default=None,
        metadata={
            "help": "The task: a built-in task's name (cosmos_qa_ptbr, cosmos_qa_en) or a task spec file (.yaml); "
            "default cosmos_qa_ptbr."
        },
    )
    dataset_name: str | None = field(
        default=None,
        metadata={
            "help": (
                "Hub dataset repo (namespace/name) that dataset_config 'default' reads when neither "
                "dataset_data_files nor dataset_data_dir is set, and the dataset the model card names "
                "(default: the task's own, heloisy/cosmos_qa_ptbr). Local files go in dataset_data_files or "
                "dataset_data_dir."
            )
        },
    )
    dataset_config: str = field(
        default="default",
        metadata={
            "help": "Dataset configuration: 'default' (the full dataset) or 'sample' (the task's embedded items)."
        },
    )
    dataset_data_files: list[str] | None = field(
        default=None,
        metadata={
            "help": "Local CSV/JSONL/Parquet files in the published layout, as SPLIT=PATH entries (e.g. "
            "[train=train.csv, validation=val.csv]); a bare PATH holds dataset_train_split. Read instead of the Hub."
        },
    )
    dataset_data_dir: str | None = field(default=None, metadata={"help": "Local folder holding the split files."})
    dataset_train_split: str = field(default="train", metadata={"help": "Split to train on."})
    dataset_test_split: str | None = field(
        default="validation",
        metadata={
            "help": "Split to evaluate on. Must be null when train_size carves the evaluation rows out of "
            "dataset_train_split."
        },
    )
    train_size: int | None = field(
        default=None,
        metadata={
            "help": "When set, train on this many rows of dataset_train_split (shuffled with split_seed) and "
            "evaluate on the rest (a held-out part of the same split)."
        },
    )
    split_seed: int = field(default=0, metadata={"help": "Seed of the shuffle that train_size uses."})
    max_train_samples: int | None = field(
        default=None, metadata={"help": "Use at most this many training rows (after the split)."}
    )
    eval_limit: int | None = field(
        default=200,
        metadata={"help": "Evaluate on the first this-many evaluation rows during training (null: all)."},
    )
    final_eval_limit: int | None = field(
        default=None, metadata={"help": "Rows for the final evaluation written to results.json (null: all)."}
    )
    baseline_eval: bool = field(
        default=False,
        metadata={"help": "Also score the base model (adapter disabled) in the final evaluation, for before/after."},
    )
    chat_template: str = field(
        default="auto",
        metadata={
            "help": "'auto': the tokenizer's own chat template, or the plain prompt when it has none; 'none': the "
            "plain prompt; 'zephyr'; or a .jinja file. The adapter's tokenizer is saved with the one used."
        },
    )

    def data_source(self) -> DataSource:
        """Where the rows come from, as every command states it (``--dataset-config``/``--data-files``...)."""
        return DataSource(
            task=self.task,
            dataset_config=self.dataset_config,
            data_files=self.dataset_data_files,
            data_dir=self.dataset_data_dir,
            repo_id=self.dataset_name,
        )

    def __post_init__(self) -> None:
        if self.dataset_name is not None and not re.fullmatch(r"[A-Za-z0-9][\w.-]*/[\w.-]+", self.dataset_name):
            message = (
                f"dataset_name must be a Hub repo id namespace/name, got {self.dataset_name!r}: "
                "for a local folder set dataset_data_dir instead"
            )
            raise RecipeError(message)
        try:
            self.data_source()
        except SettingsError as error:
            # The same rule as every command's data flags, said with the recipe's key names.
            raise RecipeError(_in_recipe_words(str(error))) from None
        for name in ("train_size", "max_train_samples", "eval_limit", "final_eval_limit"):
            value = getattr(self, name)
            if value is not None and value < 1:
                message = f"{name} must be a positive integer or null, got {value!r}: set it to 1 or more, or null"
                raise RecipeError(message)
        if self.train_size is not None and self.dataset_test_split not in (None, self.dataset_train_split):
            message = (
                f"train_size={self.train_size} evaluates on the rows of dataset_train_split="
                f"{self.dataset_train_split!r} left out of training, so dataset_test_split must be null (got "
                f"{self.dataset_test_split!r}): set `dataset_test_split: null` or drop train_size"
            )
            raise RecipeError(message)


@dataclass
class TrainSettings:
    """Everything a run needs, checked: the three argument groups and the recipe they came from."""

    script: ScriptArguments
    model: Any  # trl.ModelConfig: the base model, its quantisation and the LoRA adapter
    sft: Any  # trl.SFTConfig
    recipe: str | None = None
    recipe_text: str | None = None
    push_to_hub: bool = False
    hub_model_id: str | None = None
    recipe_name: str | None = None  # the shipped recipe's name, when the recipe is one

    def reference_differences(self) -> list[str]:
        """Return the keys of :data:`REFERENCE_SETTING` whose values differ here (empty: the reference setting)."""
        current = {
            **dataclasses.asdict(self.model),
            **{key: getattr(self.sft, key) for key in REFERENCE_SETTING if hasattr(self.sft, key)},
        }
        differ = []
        for key, expected in REFERENCE_SETTING.items():
            value = getattr(current.get(key), "value", current.get(key))
            if isinstance(expected, list):
                same = isinstance(value, list) and sorted(value) == sorted(expected)
            else:
                same = value == expected
            if not same:
                differ.append(key)
        return differ

    def hyperparameters(self) -> dict[str, Any]:
        """Return the settings a model card reports."""
        sft, model = self.sft, self.model
        targets = model.lora_target_modules
        return {
            "base_model": model.model_name_or_path,
            "quantization": quantization_of(model),
            "dtype": model.dtype,
            "lora_r": model.lora_r,
            "lora_alpha": model.lora_alpha,
            "lora_dropout": model.lora_dropout,
            "lora_target_modules": list(targets) if isinstance(targets, list) else targets,
            "learning_rate": sft.learning_rate,
            "lr_scheduler_type": str(getattr(sft.lr_scheduler_type, "value", sft.lr_scheduler_type)),
            "warmup_steps": sft.warmup_steps,
            "max_steps": sft.max_steps,
            "num_train_epochs": sft.num_train_epochs,
            "per_device_train_batch_size": sft.per_device_train_batch_size,
            "gradient_accumulation_steps": sft.gradient_accumulation_steps,
            "max_length": sft.max_length,
            "seed": sft.seed,
            "optim": str(getattr(sft.optim, "value", sft.optim)),
            "bf16": bool(sft.bf16),
            "loss": f"completion only: '{get_task(self.script.task).prompt.target('X')}' + EOS",
        }


def quantization_of(model: Any) -> str:
    """How ``trl.ModelConfig`` ``model`` loads the base: ``4bit``, ``8bit`` or ``none`` (``load_model``'s words)."""
    return "4bit" if model.load_in_4bit else ("8bit" if model.load_in_8bit else "none")


def require_train_extra() -> None:
    """Raise a one-line error naming ``cosmosqa-ptbr[train]`` when trl or peft cannot be imported."""
    require_extra("training", "train", ("trl", "peft"))


def argument_dataclasses() -> tuple[type, ...]:
    """Return the three settings dataclasses, in recipe order: ours, ``trl.ModelConfig``, ``trl.SFTConfig``
    (imports trl)."""
    require_train_extra()
    from trl import ModelConfig, SFTConfig

    return (ScriptArguments, ModelConfig, SFTConfig)


def _field_types() -> dict[str, tuple[type, Any, dataclasses.Field]]:
    types_by_name: dict[str, tuple[type, Any, dataclasses.Field]] = {}
    for dtype in argument_dataclasses():
        hints = typing.get_type_hints(dtype)
        for f in dataclasses.fields(dtype):
            if f.init:
                if f.name in types_by_name:  # pragma: no cover - guards the three classes' field names
                    message = f"settings field {f.name!r} is defined twice ({types_by_name[f.name][0].__name__})"
                    raise RuntimeError(message)
                types_by_name[f.name] = (dtype, hints[f.name], f)
    for name, field_name in _checkpointing_fields().items():
        types_by_name[name] = types_by_name[field_name]
    return types_by_name


def _renamed(key: str, value: Any, where: str) -> dict[str, Any]:
    """A key of an earlier release as TRL's names, with its deprecation line; any other key as it is."""
    if key in RENAMED_KEYS:
        new = RENAMED_KEYS[key]
        print_deprecation("train", f"setting {key!r} in {where} is now {new!r} (TRL's name): rename the key")
        return {new: value}
    if key != "quantization":
        return {key: value}
    import torch

    word = str(value).strip().lower()
    if word == "auto":  # an older release's own deprecated choice: 4-bit on CUDA only
        word = "4bit" if torch.cuda.is_available() else "none"
    keys: dict[str, dict[str, Any]] = {
        "4bit": {"load_in_4bit": True, "use_bnb_nested_quant": True},  # the old 4bit was NF4 + double quantisation
        "8bit": {"load_in_8bit": True},
        "none": {"load_in_4bit": False, "load_in_8bit": False},
    }
    if word not in keys:
        message = (
            f"setting 'quantization' in {where} must be 4bit, 8bit or none, got {value!r}: write TRL's "
            "load_in_4bit: true or load_in_8bit: true instead"
        )
        raise RecipeError(message)
    new_words = ", ".join(f"{name}: {str(flag).lower()}" for name, flag in keys[word].items())
    message = f"setting 'quantization: {value}' in {where} is now {new_words} (TRL's names): write those keys instead"
    print_deprecation("train", message)
    return keys[word]


def _checkpointing_fields() -> dict[str, str]:
    """The activation-checkpointing settings -> the ``SFTConfig`` fields that hold them, where their names differ.

    transformers 5.23 renamed ``TrainingArguments.gradient_checkpointing(_kwargs)`` to ``activation_checkpointing``
    (``_kwargs``), the names recipes and the runner use; 5.0-5.22 have only the old fields, so there the settings
    are passed under the old names and mirrored on the built ``SFTConfig``.
    """
    from trl import SFTConfig

    if any(f.name == "activation_checkpointing" for f in dataclasses.fields(SFTConfig)):
        return {}
    return {
        "activation_checkpointing": "gradient_checkpointing",
        "activation_checkpointing_kwargs": "gradient_checkpointing_kwargs",
    }


def shipped_recipes() -> dict[str, Path]:
    """Return the recipes shipped with the package by name (``smollm2-135m/lora-cpu``, ``accelerate/ddp``)."""
    return {
        path.relative_to(RECIPES_DIR).with_suffix("").as_posix(): path for path in sorted(RECIPES_DIR.glob("*/*.yaml"))
    }


def recipe_description(path: str | Path) -> str:
    """Return a recipe's one-line description: its first comment line."""
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("#").strip()
    return ""


def resolve_recipe(config: str | Path) -> tuple[Path, str | None]:
    """Return the recipe file ``config`` names and its shipped name (None for a file of the user's own).

    An existing path wins; otherwise ``config`` is a shipped recipe's name, with or without ``.yaml`` (and
    ``recipes/`` in front, as older instructions wrote it). Raises :class:`RecipeError` listing close names.
    """
    path = Path(config)
    if path.is_file():
        try:
            return path, path.resolve().relative_to(RECIPES_DIR).with_suffix("").as_posix()
        except ValueError:
            return path, None
    if path.is_dir():
        message = f"recipe {str(config)!r} is a folder: pass a YAML file or a recipe name such as smollm2-135m/lora-cpu"
        raise RecipeError(message)
    name = path.as_posix().removeprefix("recipes/").removesuffix(".yaml").removesuffix(".yml")
    shipped = shipped_recipes()
    if name in shipped:
        return shipped[name], name
    close = difflib.get_close_matches(name, list(shipped), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    message = (
        f"recipe {str(config)!r} does not exist as a file and is not a shipped recipe name{hint} "
        "(`cosmosqa-ptbr train --list-recipes` lists them)"
    )
    raise RecipeError(message)


def read_recipe(path: str | Path) -> dict[str, Any]:
    """Read a YAML recipe into a flat mapping; raise :class:`RecipeError` for a missing or malformed file."""
    try:
        return read_settings_file(path, kind="recipe", example="--config smollm2-135m/lora-cpu")
    except SettingsError as error:
        raise RecipeError(str(error)) from None


def parse_settings(
    recipe: Mapping[str, Any] | None = None,
    overrides: Mapping[str, Any] | None = None,
    *,
    recipe_path: str | Path | None = None,
    recipe_name: str | None = None,
) -> TrainSettings:
    """Merge ``recipe`` and ``overrides`` (override wins), check every key and value, build the settings.

    ``push_to_hub`` and ``hub_model_id`` are kept on the settings and taken off the ``SFTConfig``: the upload
    is this package's own (adapter, card and results in one commit), not the Trainer's.
    Raises :class:`RecipeError` naming the key and the fix; loads no model.
    """
    import torch

    _check_launch()  # before SFTConfig, which imports deepspeed as soon as a DeepSpeed launch is announced
    recipe = dict(recipe or {})
    overrides = dict(overrides or {})
    where_recipe = f"recipe {str(recipe_path)!r}" if recipe_path else "the recipe"
    sources = [(key, value, where_recipe) for key, value in recipe.items()]
    sources += [(key, value, "the command-line overrides") for key, value in overrides.items()]
    types_by_name = _field_types()
    known = sorted(types_by_name)
    values: dict[str, Any] = {}
    where_of: dict[str, str] = {}
    given: dict[tuple[str, str], str] = {}  # (where, new name) -> the name the source used
    for old_key, old_value, where in sources:
        for key, value in _renamed(old_key, old_value, where).items():
            if given.setdefault((where, key), old_key) != old_key:
                message = f"{where} sets both {given[where, key]!r} and {old_key!r}, the same setting: keep {key!r}"
                raise RecipeError(message)
            if key in _FORBIDDEN_KEYS:
                message = f"setting {key!r} in {where} is not allowed: {_FORBIDDEN_KEYS[key]}"
                raise RecipeError(message)
            if key not in types_by_name:
                raise RecipeError(unknown_key_message(key, known, where, "train"))
            try:
                values[key] = coerce(key, value, types_by_name[key][1], where)
            except SettingsError as error:
                raise RecipeError(str(error)) from None
            choices = types_by_name[key][2].metadata.get("choices")
            if choices and values[key] is not None and values[key] not in choices:
                allowed = ", ".join(map(str, choices))
                raise RecipeError(f"setting {key!r} in {where} must be one of {allowed}, got {value!r}")
            where_of[key] = where
    _check_ranges(values, where_of)
    _check_model_settings(values, where_of)
    for key, (default, _why) in MODEL_DEFAULTS.items():
        values.setdefault(key, list(default) if isinstance(default, list) else default)
    push_to_hub = bool(values.pop("push_to_hub", False))
    hub_model_id = values.pop("hub_model_id", None)
    if push_to_hub and not hub_model_id:
        message = "push_to_hub is set but hub_model_id is not: pass --hub-model-id NAMESPACE/NAME"
        raise RecipeError(message)
    if hub_model_id is not None and "/" not in str(hub_model_id):
        message = f"hub_model_id must be NAMESPACE/NAME (a Hub repo always has a namespace), got {hub_model_id!r}"
        raise RecipeError(message)
    if not values.get("output_dir"):
        message = "output_dir is not set: add `output_dir: <folder>` to the recipe or pass --output-dir <folder>"
        raise RecipeError(message)
    cuda = torch.cuda.is_available()
    # Recipes leave the precision to the hardware: bf16 on a GPU that has it, float32 on the CPU.
    if values.get("bf16") is None and "fp16" not in values:
        values["bf16"] = bool(cuda and torch.cuda.is_bf16_supported())
    if not cuda and (values.get("bf16") or values.get("fp16")):
        key = "bf16" if values.get("bf16") else "fp16"
        message = f"{key}: true needs a CUDA GPU and none is visible: remove it or pass --{key} false for the CPU"
        raise RecipeError(message)
    values.setdefault("report_to", "none")
    renamed = _checkpointing_fields()
    values = {renamed.get(key, key): value for key, value in values.items()}
    groups: list[Any] = []
    for dtype in argument_dataclasses():
        names = {f.name for f in dataclasses.fields(dtype) if f.init}
        kwargs = {k: v for k, v in values.items() if k in names}
        try:
            groups.append(dtype(**kwargs))
        except RecipeError:
            raise
        except (ValueError, TypeError) as error:
            text = str(error)
            named = [k for k in sorted(kwargs) if k in text or str(kwargs[k]) in text] or sorted(kwargs)
            message = f"invalid {dtype.__name__} setting ({', '.join(named) or 'defaults'}): {text}"
            raise RecipeError(message) from error
    script, model, sft = groups
    if isinstance(model.lora_target_modules, str) and model.lora_target_modules != "all-linear":
        # ModelConfig turns a one-name list into a string, which peft reads as a regular expression.
        model.lora_target_modules = [model.lora_target_modules]
    for name, field_name in renamed.items():
        setattr(sft, name, getattr(sft, field_name))
    _check_consistency(sft)
    recipe_text = Path(recipe_path).read_text(encoding="utf-8") if recipe_path else None
    return TrainSettings(
        script=script,
        model=model,
        sft=sft,
        recipe=str(recipe_path) if recipe_path else None,
        recipe_text=recipe_text,
        push_to_hub=push_to_hub,
        hub_model_id=hub_model_id,
        recipe_name=recipe_name,
    )


def _check_launch() -> None:
    """Refuse FSDP and DeepSpeed launches: the runner has been run under DDP only."""
    for name in ("FSDP", "DEEPSPEED"):
        if os.environ.get(f"ACCELERATE_USE_{name}", "").lower() in ("1", "true"):
            message = (
                f"accelerate launched this run with {name}, which cosmosqa-ptbr train does not support: launch with "
                'DDP, accelerate launch --config_file "$(cosmosqa-ptbr train --recipe-path accelerate/ddp)"'
            )
            raise RecipeError(message)


def _positive(value: Any) -> bool:
    return value > 0


def _at_least_one(value: Any) -> bool:
    return value >= 1


def _not_negative(value: Any) -> bool:
    return value >= 0


#: Ranges of numeric settings, checked before any model loads: key -> (test, what is allowed, an example fix).
#: trl.SFTConfig itself accepts most of these (max_steps=-3, learning_rate=-1, a batch of 0, seed=-1), so
#: without this table nothing would stop them before the model loads.
_RANGES: dict[str, tuple[Any, str, str]] = {
    "learning_rate": (_positive, "a positive number", "learning_rate: 2.0e-4"),
    "max_steps": (
        lambda v: v == -1 or v >= 1,
        "a positive number of optimiser steps, or -1 to train for num_train_epochs",
        "max_steps: 1000",
    ),
    "num_train_epochs": (_positive, "a positive number of epochs", "num_train_epochs: 1"),
    "warmup_steps": (
        _not_negative,
        "0 or more (steps; a value below 1 is a fraction of the total)",
        "warmup_steps: 100",
    ),
    "per_device_train_batch_size": (_at_least_one, "1 or more", "per_device_train_batch_size: 4"),
    "per_device_eval_batch_size": (_at_least_one, "1 or more", "per_device_eval_batch_size: 8"),
    "gradient_accumulation_steps": (_at_least_one, "1 or more", "gradient_accumulation_steps: 4"),
    "logging_steps": (_positive, "a positive number of steps (below 1: a fraction of the total)", "logging_steps: 10"),
    "eval_steps": (_positive, "a positive number of steps (below 1: a fraction of the total)", "eval_steps: 100"),
    "save_steps": (_positive, "a positive number of steps (below 1: a fraction of the total)", "save_steps: 100"),
    "save_total_limit": (_at_least_one, "1 or more, or null to keep every checkpoint", "save_total_limit: 3"),
    "max_length": (_at_least_one, "a positive number of tokens, or null", "max_length: 1024"),
    "weight_decay": (_not_negative, "0 or more", "weight_decay: 0.0"),
    "max_grad_norm": (_not_negative, "0 or more (0 turns clipping off)", "max_grad_norm: 1.0"),
    "dataloader_num_workers": (_not_negative, "0 or more", "dataloader_num_workers: 0"),
    "seed": (_not_negative, "0 or more", "seed: 42"),
    "lora_r": (_at_least_one, "a rank of 1 or more", "lora_r: 16"),
    "lora_alpha": (_positive, "positive (the scale is lora_alpha / lora_r)", "lora_alpha: 16"),
    "lora_dropout": (lambda v: 0 <= v < 1, "in [0, 1)", "lora_dropout: 0.05"),
}


def _check_ranges(values: Mapping[str, Any], where_of: Mapping[str, str]) -> None:
    for key, (test, allowed, example) in _RANGES.items():
        value = values.get(key)
        if value is not None and not test(value):
            message = f"setting {key!r} in {where_of[key]} must be {allowed}, got {value!r}: set e.g. `{example}`"
            raise RecipeError(message)


def _check_model_settings(values: Mapping[str, Any], where_of: Mapping[str, str]) -> None:
    """What ``trl.ModelConfig`` takes and a run here cannot do: one line each, before any model loads."""
    if values.get("use_peft") is False:
        message = (
            f"use_peft: false in {where_of['use_peft']} asks to train every weight of the model: cosmosqa-ptbr train "
            "trains LoRA adapters only; remove use_peft (or set it to true)"
        )
        raise RecipeError(message)
    if "model_name_or_path" in values and not values["model_name_or_path"]:
        message = (
            f"model_name_or_path in {where_of['model_name_or_path']} is empty: give a Hub id or a model folder, or "
            f"remove it for the embedded model ({EMBEDDED_MODEL})"
        )
        raise RecipeError(message)
    task_type = values.get("lora_task_type", "CAUSAL_LM")
    if task_type != "CAUSAL_LM":
        message = (
            f"lora_task_type: {task_type} in {where_of['lora_task_type']}: the adapter here is for a causal LM's "
            "answer; remove lora_task_type (CAUSAL_LM)"
        )
        raise RecipeError(message)
    if values.get("bnb_4bit_quant_storage") is not None:
        message = (
            f"bnb_4bit_quant_storage in {where_of['bnb_4bit_quant_storage']} matters to FSDP, which cosmosqa-ptbr "
            "train does not run: remove it"
        )
        raise RecipeError(message)
    if values.get("load_in_4bit") and values.get("load_in_8bit"):
        message = "load_in_4bit and load_in_8bit are both true: keep one (4-bit is QLoRA's)"
        raise RecipeError(message)
    if values.get("lora_target_modules") == []:
        message = "lora_target_modules is empty: list the module names to adapt, e.g. [q_proj, v_proj], or all-linear"
        raise RecipeError(message)


def _check_consistency(sft: Any) -> None:
    if sft.packing:
        message = "packing: true would mix questions in one sequence and blur the answer-only loss: set packing: false"
        raise RecipeError(message)
    if sft.completion_only_loss is not None:
        # The tokenised rows carry their own labels (prompt set to -100), and trl then ignores this setting.
        message = (
            f"completion_only_loss: {sft.completion_only_loss} has no effect here (the labels mask the prompt, so the "
            "loss always falls on the answer only): remove it"
        )
        raise RecipeError(message)
    metric = sft.metric_for_best_model
    if metric is not None and metric.removeprefix("eval_") != "accuracy":
        message = f"metric_for_best_model must be 'accuracy' (evaluation reports eval_accuracy), got {metric!r}"
        raise RecipeError(message)
    if metric is not None and not sft.greater_is_better:
        message = "metric_for_best_model: accuracy needs greater_is_better: true"
        raise RecipeError(message)


# --------------------------------------------------------------------------------------------- before loading


def check_before_loading(settings: TrainSettings) -> None:
    """Check what a run will read besides its settings: the data files, and the LoRA targets against the model.

    The model's modules come from its config alone (the architecture built on the ``meta`` device): no weights
    are read, so a wrong path or module name costs seconds, not a model load. Raises :class:`RecipeError`.
    """
    try:
        settings.script.data_source().check_paths()
    except SettingsError as error:
        raise RecipeError(_in_recipe_words(str(error))) from None
    _check_target_modules(settings.model)


def _model_config(model: Any) -> Any:
    """The base model's config: from the embedded GGUF file, a local folder or the Hub (cache), without weights."""
    from huggingface_hub import constants
    from transformers import AutoConfig

    name = model.model_name_or_path
    where = f"model_name_or_path {name!r}"
    kwargs: dict[str, Any] = {"revision": model.model_revision} if model.model_revision else {}
    if name == EMBEDDED_MODEL:
        try:
            path = embedded_model_path()
        except EmbeddedModelMissingError as error:
            raise RecipeError(f"{where}: {error}") from None
        from ..evaluation.converted import pretrained_source

        # Its conversion in the cache holds the same config, read in milliseconds instead of seconds.
        source, found = pretrained_source(path)
        kwargs.update(found)
    else:
        source = name
        local = Path(name).expanduser()
        if local.is_file():
            message = f"{where} is a file: give the folder that holds the model's config.json and weights, or a Hub id"
            raise RecipeError(message)
        if local.is_dir() and not (local / "config.json").is_file():
            message = f"{where} is a folder without config.json: give a saved model's folder or a Hub id"
            raise RecipeError(message)
        if not local.exists() and (name.startswith((".", "/", "~")) or name.count("/") > 1):
            raise RecipeError(f"{where} does not exist: give a model folder or a Hub id such as namespace/name")
    try:
        return AutoConfig.from_pretrained(source, **kwargs)
    except (OSError, ValueError, KeyError) as error:
        if Path(name).expanduser().is_dir():
            reason = " ".join(str(error).split())
            message = f"{where}: its config.json cannot be read ({reason}): check the folder holds a saved model"
        elif constants.HF_HUB_OFFLINE:
            message = (
                f"{where} is not a local folder and the Hub is offline (HF_HUB_OFFLINE=1) with no copy of it in "
                "the cache: download it once online, or give a local model folder"
            )
        else:
            reason = " ".join(str(error).split())
            message = f"{where} cannot be found on the Hub ({reason}): check the id, model_revision and your access"
        raise RecipeError(message) from None


def _check_target_modules(model: Any) -> None:
    """Refuse LoRA targets the model lacks, naming a few of the linear layers it has.

    ``all-linear`` adapts every linear layer; null takes peft's own targets for the architecture, which must
    know it.
    """
    import torch
    from transformers import AutoModelForCausalLM

    config = _model_config(model)
    targets = model.lora_target_modules
    if targets is None:
        from peft.utils import TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING as peft_defaults

        kind = getattr(config, "model_type", "?")
        if kind not in peft_defaults:
            message = (
                f"lora_target_modules is null, and peft has no default targets for model_type {kind!r} of "
                f"{model.model_name_or_path!r}: list the modules to adapt, or write all-linear"
            )
            raise RecipeError(message)
        targets = list(peft_defaults[kind])
    if targets == "all-linear":
        return
    try:
        with torch.device("meta"):
            skeleton = AutoModelForCausalLM.from_config(config)
    except ValueError as error:
        kind = getattr(config, "model_type", "?")
        message = (
            f"model_name_or_path {model.model_name_or_path!r} is not a causal language model (model_type {kind!r}): "
            f"{' '.join(str(error).split())[:200]}"
        )
        raise RecipeError(message) from None
    names = [name for name, _ in skeleton.named_modules() if name]
    # peft's rule for a list of targets: a module's full name equals the entry or ends with "." + the entry.
    missing = [t for t in targets if not any(n == t or n.endswith("." + t) for n in names)]
    if not missing:
        return
    linear = [name.rsplit(".", 1)[-1] for name, module in skeleton.named_modules() if _is_linear(module)]
    available = list(dict.fromkeys(linear))
    shown = ", ".join(available[:8]) + (", ..." if len(available) > 8 else "")
    message = (
        f"lora_target_modules names modules that model {model.model_name_or_path!r} does not have: "
        f"{', '.join(missing)}; its linear layers are {shown}: set lora_target_modules to some of them"
    )
    raise RecipeError(message)


def _is_linear(module: Any) -> bool:
    import torch

    # transformers' Conv1D (GPT-2 style) is a linear layer too, and peft adapts it.
    return isinstance(module, torch.nn.Linear) or type(module).__name__ == "Conv1D"
