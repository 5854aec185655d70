"""``cosmosqa-ptbr train``: LoRA / QLoRA supervised fine-tuning from a YAML recipe.

The recipe is a flat YAML mapping of settings (script, model, LoRA and ``trl.SFTConfig`` fields, see
``cosmosqa-ptbr train --help``); ``--key value`` overrides any of them. Every setting is checked before a
model is loaded. The loss falls on the answer only (``"Alternativa B"`` and the end-of-turn token).
Evaluation during training scores the answer letter's log-likelihood on a validation subset and keeps the
checkpoint with the best ``eval_accuracy``. The output folder holds the adapter, the tokenizer with its
chat template, ``results.json`` from a final evaluation and a model card (``README.md``);
``--push-to-hub --hub-model-id NAMESPACE/NAME`` uploads it with the token from the environment or the
Hugging Face login.

Run it as ``cosmosqa-ptbr train --config recipes/smollm2-135m/lora-cpu.yaml --output-dir DIR`` or, on
several GPUs, ``accelerate launch --config_file recipes/accelerate/ddp.yaml -m cosmosqa_ptbr.train --config
recipes/qwen2.5-7b-instruct/qlora.yaml``.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._cli import subcommand_parser

if TYPE_CHECKING:  # pragma: no cover
    from ._train_args import TrainSettings
    from ._train_run import TrainResult

__all__ = ["load_settings", "main", "make_parser", "train"]

_DESCRIPTION = (
    "LoRA/QLoRA SFT from a YAML recipe. Settings come from --config and are overridden by --key value "
    "options (every field below); all of them are checked before the model loads. The loss falls on the "
    "answer only; the best checkpoint by eval_accuracy is kept. Example: cosmosqa-ptbr train --config "
    "recipes/smollm2-135m/lora-cpu.yaml --output-dir runs/smol"
)

#: Options of the command itself, not of the settings dataclasses.
_OWN_OPTIONS = ("config", "resume", "check", "_main", "command")


def make_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
    """Build the ``train`` parser: the command's own options plus one option per settings field."""
    import dataclasses
    import typing

    from transformers import HfArgumentParser

    from ._train_args import argument_dataclasses

    parser = subcommand_parser(subparsers, "train", _DESCRIPTION)
    parser.add_argument("--config", required=True, help="YAML recipe, e.g. recipes/smollm2-135m/lora-cpu.yaml.")
    parser.add_argument(
        "--resume", action="store_true", help="Continue from the last checkpoint-* folder in the output directory."
    )
    parser.add_argument(
        "--check", action="store_true", help="Check the recipe and overrides, print the settings, load no model."
    )
    for dtype in argument_dataclasses():
        group = parser.add_argument_group(f"{dtype.__name__} (recipe keys)", (dtype.__doc__ or "").strip()[:200])
        before = len(parser._actions)
        hints = typing.get_type_hints(dtype)
        for field in dataclasses.fields(dtype):
            if field.init:
                field.type = hints[field.name]
                HfArgumentParser._parse_dataclass_field(group, field)
        # Defaults live in the dataclasses; only options typed on the command line reach the overrides.
        for action in parser._actions[before:]:
            action.default = argparse.SUPPRESS
    return parser


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    return {key: value for key, value in vars(args).items() if key not in _OWN_OPTIONS}


def load_settings(config: str | Path | Mapping[str, Any] | None = None, **overrides: Any) -> TrainSettings:
    """Read and check a recipe (a YAML path or a mapping) with ``overrides``; load no model.

    Raises ``RecipeError`` (a ``ValueError``) naming the wrong key and the fix.
    """
    from ._train_args import parse_settings, read_recipe

    if config is None or isinstance(config, Mapping):
        return parse_settings(config or {}, overrides)
    return parse_settings(read_recipe(config), overrides, recipe_path=config)


def train(
    config: str | Path | Mapping[str, Any] | None = None,
    *,
    resume: bool = False,
    api: Any = None,
    progress: bool = True,
    **overrides: Any,
) -> TrainResult:
    """Train a LoRA adapter as the recipe ``config`` says, with ``overrides`` on top; return the run's result.

    ``overrides`` are settings fields (``output_dir="runs/x"``, ``max_steps=10``, ``push_to_hub=True``,
    ``hub_model_id="me/name"``). ``api`` is the ``huggingface_hub.HfApi`` used for the upload (default: a new
    one, with the token from the environment or the login).
    """
    from ._train_run import run_training

    settings = load_settings(config, **overrides)
    return run_training(settings, resume=resume, api=api, progress=progress)


def main(args: argparse.Namespace) -> int:
    """Run ``cosmosqa-ptbr train``; return the exit code (2 for a wrong setting)."""
    import sys

    from ._train_args import RecipeError

    try:
        settings = load_settings(args.config, **_overrides(args))
        if args.check:
            _print_settings(settings)
            return 0
        from ._train_run import run_training

        result = run_training(settings, resume=args.resume)
    except RecipeError as error:
        print(f"cosmosqa-ptbr train: error: {error}", file=sys.stderr)
        return 2
    if result.results:
        where = result.results["model_index"][0].get("subset") or result.results["split"]
        print(f"with the adapter: accuracy {result.results['accuracy']:.4f} on {result.results['n']} items ({where})")
        if result.results.get("baseline"):
            print(f"base model, same items: accuracy {result.results['baseline']['accuracy']:.4f}")
        print(f"training time {result.training_seconds:.1f} s; output in {result.output_dir}")
        if result.hub_url:
            print(f"uploaded to {result.hub_url}")
    return 0


def _print_settings(settings: TrainSettings) -> None:
    import dataclasses
    import json

    shown = {
        "script": dataclasses.asdict(settings.script),
        "model": dataclasses.asdict(settings.model),
        "lora": dataclasses.asdict(settings.lora),
        "push_to_hub": settings.push_to_hub,
        "hub_model_id": settings.hub_model_id,
        "hyperparameters": settings.hyperparameters(),
        "output_dir": settings.sft.output_dir,
    }
    print(json.dumps(shown, indent=2, default=str))


if __name__ == "__main__":
    raise SystemExit(main(make_parser().parse_args()))
