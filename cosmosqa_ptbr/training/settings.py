"""Training settings: dataclasses, the YAML recipe reader and the checks that run before any model loads.

A recipe is a flat YAML mapping whose keys are the fields of :class:`ScriptArguments`,
:class:`ModelArguments`, :class:`LoraArguments` and ``trl.SFTConfig``; ``--key value`` on the command
line overrides a recipe key. Nothing here loads a model: every wrong setting fails here, naming the key.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..cli.options import SettingsError, coerce, read_settings_file, unknown_key_message
from ..evaluation.models import EMBEDDED_MODEL

__all__ = [
    "LORA_TARGET_MODULES",
    "LoraArguments",
    "ModelArguments",
    "RecipeError",
    "ScriptArguments",
    "TrainSettings",
    "argument_dataclasses",
    "parse_settings",
    "read_recipe",
]

#: The alignment-handbook Zephyr QLoRA recipe's targets: every attention and MLP projection.
LORA_TARGET_MODULES: tuple[str, ...] = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")

#: Keys a recipe must never hold: secrets come from the environment or ``hf auth login``.
_FORBIDDEN_KEYS = {
    "hub_token": "a Hub token never goes in a recipe or on the command line: set HF_TOKEN in the environment "
    "or run `hf auth login`, then pass --push-to-hub --hub-model-id NAMESPACE/NAME",
}


class RecipeError(SettingsError):
    """A recipe or override is wrong: the message names the key and how to fix it."""


@dataclass
class ScriptArguments:
    """Which data to train and evaluate on."""

    dataset_config: str = field(
        default="default",
        metadata={"help": "Dataset configuration: 'default' (the full dataset) or 'sample' (the 400 embedded items)."},
    )
    dataset_repo: str | None = field(
        default=None,
        metadata={"help": "Hub dataset id or local folder of Cosmos QA Português (default: the package's repo id)."},
    )
    dataset_data_files: str | None = field(
        default=None, metadata={"help": "Local data files (a path or glob) to read instead of the Hub."}
    )
    dataset_data_dir: str | None = field(default=None, metadata={"help": "Local folder holding the split files."})
    train_split: str = field(default="train", metadata={"help": "Split to train on."})
    eval_split: str | None = field(
        default="validation",
        metadata={
            "help": "Split to evaluate on. Must be null when train_size carves the evaluation rows out of train_split."
        },
    )
    train_size: int | None = field(
        default=None,
        metadata={
            "help": "When set, train on this many rows of train_split (shuffled with split_seed) and evaluate on "
            "the rest (a held-out part of the same split)."
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

    def __post_init__(self) -> None:
        for name in ("train_size", "max_train_samples", "eval_limit", "final_eval_limit"):
            value = getattr(self, name)
            if value is not None and value < 1:
                message = f"{name} must be a positive integer or null, got {value!r}"
                raise RecipeError(message)
        if self.train_size is not None and self.eval_split not in (None, self.train_split):
            message = (
                f"train_size={self.train_size} evaluates on the rows of train_split={self.train_split!r} left out "
                f"of training, so eval_split must be null (got {self.eval_split!r}): set `eval_split: null` or "
                "drop train_size"
            )
            raise RecipeError(message)


@dataclass
class ModelArguments:
    """Which base model to adapt and how to load it."""

    model_name_or_path: str = field(
        default=EMBEDDED_MODEL,
        metadata={"help": f"Hub id or local path of the base model (default {EMBEDDED_MODEL}, the embedded model)."},
    )
    model_revision: str | None = field(default=None, metadata={"help": "Hub revision (branch, tag or commit)."})
    quantization: Literal["auto", "4bit", "none"] = field(
        default="auto",
        metadata={
            "help": "'auto': 4-bit NF4 + double quantisation on CUDA, full precision on the CPU; '4bit'; 'none'."
        },
    )
    model_dtype: Literal["auto", "bfloat16", "float16", "float32"] = field(
        default="auto",
        metadata={"help": "Dtype of the non-quantised weights; 'auto' is bfloat16 on CUDA and float32 on the CPU."},
    )


@dataclass
class LoraArguments:
    """The LoRA adapter (defaults: the alignment-handbook Zephyr QLoRA recipe)."""

    lora_r: int = field(default=16, metadata={"help": "LoRA rank."})
    lora_alpha: int = field(default=16, metadata={"help": "LoRA scaling numerator (scale = alpha / r)."})
    lora_dropout: float = field(default=0.05, metadata={"help": "Dropout on the LoRA input."})
    lora_target_modules: list[str] = field(
        default_factory=lambda: list(LORA_TARGET_MODULES),
        metadata={"help": "Module names to adapt (default: all seven attention and MLP projections)."},
    )

    def __post_init__(self) -> None:
        if self.lora_r < 1 or self.lora_alpha < 1:
            message = f"lora_r and lora_alpha must be >= 1, got r={self.lora_r} alpha={self.lora_alpha}"
            raise RecipeError(message)
        if not 0 <= self.lora_dropout < 1:
            message = f"lora_dropout must be in [0, 1), got {self.lora_dropout}"
            raise RecipeError(message)
        if not self.lora_target_modules:
            message = "lora_target_modules is empty: list the module names to adapt, e.g. [q_proj, v_proj]"
            raise RecipeError(message)


@dataclass
class TrainSettings:
    """Everything a run needs, checked: the four argument groups and the recipe they came from."""

    script: ScriptArguments
    model: ModelArguments
    lora: LoraArguments
    sft: Any  # trl.SFTConfig
    recipe: str | None = None
    recipe_text: str | None = None
    push_to_hub: bool = False
    hub_model_id: str | None = None

    def hyperparameters(self) -> dict[str, Any]:
        """Return the settings a model card reports."""
        sft = self.sft
        return {
            "base_model": self.model.model_name_or_path,
            "quantization": self.model.quantization,
            "lora_r": self.lora.lora_r,
            "lora_alpha": self.lora.lora_alpha,
            "lora_dropout": self.lora.lora_dropout,
            "lora_target_modules": list(self.lora.lora_target_modules),
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
            "loss": "completion only: 'Alternativa X' + EOS",
        }


def argument_dataclasses() -> tuple[type, ...]:
    """Return the four settings dataclasses, in recipe order (imports trl)."""
    from trl import SFTConfig

    return (ScriptArguments, ModelArguments, LoraArguments, SFTConfig)


def _field_types() -> dict[str, tuple[type, Any]]:
    types_by_name: dict[str, tuple[type, Any]] = {}
    for dtype in argument_dataclasses():
        hints = typing.get_type_hints(dtype)
        for f in dataclasses.fields(dtype):
            if f.init:
                if f.name in types_by_name:  # pragma: no cover - guards our own field names
                    message = f"settings field {f.name!r} is defined twice ({types_by_name[f.name][0].__name__})"
                    raise RuntimeError(message)
                types_by_name[f.name] = (dtype, hints[f.name])
    return types_by_name


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
) -> TrainSettings:
    """Merge ``recipe`` and ``overrides`` (override wins), check every key and value, build the settings.

    ``push_to_hub`` and ``hub_model_id`` are kept on the settings and taken off the ``SFTConfig``: the upload
    is this package's own (adapter, card and results in one commit), not the Trainer's.
    Raises :class:`RecipeError` naming the key and the fix; loads no model.
    """
    import torch

    recipe = dict(recipe or {})
    overrides = dict(overrides or {})
    where_recipe = f"recipe {str(recipe_path)!r}" if recipe_path else "the recipe"
    sources = [(key, value, where_recipe) for key, value in recipe.items()]
    sources += [(key, value, "the command-line overrides") for key, value in overrides.items()]
    types_by_name = _field_types()
    known = sorted(types_by_name)
    values: dict[str, Any] = {}
    for key, value, where in sources:
        if key in _FORBIDDEN_KEYS:
            message = f"setting {key!r} in {where} is not allowed: {_FORBIDDEN_KEYS[key]}"
            raise RecipeError(message)
        if key not in types_by_name:
            raise RecipeError(unknown_key_message(key, known, where, "train"))
        try:
            values[key] = coerce(key, value, types_by_name[key][1], where)
        except SettingsError as error:
            raise RecipeError(str(error)) from None
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
    values.setdefault("completion_only_loss", True)
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
    script, model, lora, sft = groups
    _check_consistency(sft)
    recipe_text = Path(recipe_path).read_text(encoding="utf-8") if recipe_path else None
    return TrainSettings(
        script=script,
        model=model,
        lora=lora,
        sft=sft,
        recipe=str(recipe_path) if recipe_path else None,
        recipe_text=recipe_text,
        push_to_hub=push_to_hub,
        hub_model_id=hub_model_id,
    )


def _check_consistency(sft: Any) -> None:
    if sft.packing:
        message = "packing: true would mix questions in one sequence and blur the answer-only loss: set packing: false"
        raise RecipeError(message)
    if sft.completion_only_loss is False:
        message = "completion_only_loss: false would train on the prompt too: remove it (the loss falls on the answer)"
        raise RecipeError(message)
    metric = sft.metric_for_best_model
    if metric is not None and metric.removeprefix("eval_") != "accuracy":
        message = f"metric_for_best_model must be 'accuracy' (evaluation reports eval_accuracy), got {metric!r}"
        raise RecipeError(message)
    if metric is not None and not sft.greater_is_better:
        message = "metric_for_best_model: accuracy needs greater_is_better: true"
        raise RecipeError(message)
