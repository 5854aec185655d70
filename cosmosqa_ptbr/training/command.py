"""``cosmosqa-ptbr train``: LoRA / QLoRA supervised fine-tuning from a YAML recipe.

The recipe is a flat YAML mapping of settings (the script's fields, ``trl.ModelConfig``'s and
``trl.SFTConfig``'s: TRL's names, see ``--help``, ``--help-model`` and ``--help-sft``); ``--key value`` overrides
any of them. Every setting is checked before a model is loaded. The loss falls on the answer only
(``"Alternativa B"`` and the end-of-turn token). Evaluation during training scores the answer letter's
log-likelihood on a validation subset and keeps the checkpoint with the best ``eval_accuracy``. The output folder
holds the adapter, the tokenizer with its chat template, ``results.json`` from a final evaluation and a model card
(``README.md``); ``--push-to-hub --hub-model-id NAMESPACE/NAME`` uploads it with the token from the environment or
the Hugging Face login.

``--config`` takes a YAML file, as in every command, or the name of a recipe shipped with the package
(``--list-recipes`` lists them with their paths). Run it as ``cosmosqa-ptbr train --config smollm2-135m/lora-cpu
--output-dir DIR`` or, on several GPUs, ``accelerate launch --config_file "$(cosmosqa-ptbr train --recipe-path
accelerate/ddp)" -m cosmosqa_ptbr.training --config qwen2.5-7b-instruct/qlora``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cli.options import accept_open_settings, add_config_option, add_settings, settings_given, subcommand_parser

if TYPE_CHECKING:  # pragma: no cover
    from .runner import TrainResult
    from .settings import TrainSettings

__all__ = ["load_settings", "main", "make_parser", "train"]

_DESCRIPTION = (
    "LoRA/QLoRA SFT from a YAML recipe. Settings come from --config and are overridden by --key value "
    "options (the fields below and any trl.ModelConfig or trl.SFTConfig field); all are checked before the model "
    "loads. "
    "The loss falls on the answer only; the best checkpoint by eval_accuracy is kept. "
    "Example: cosmosqa-ptbr train --config smollm2-135m/lora-cpu --output-dir runs/smol"
)


class _ShowSettingsHelp(argparse.Action):
    """``--help-sft`` / ``--help-model``: list every field of ``trl.SFTConfig`` / ``trl.ModelConfig`` with its help
    and default, ours where it differs (imports trl, so not in ``--help``)."""

    def __init__(
        self, option_strings: list[str], dest: str = argparse.SUPPRESS, trl_class: str = "SFTConfig", **kwargs: Any
    ) -> None:
        self.trl_class = trl_class
        super().__init__(option_strings, dest=dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: Any, values: Any, option_string: Any = None) -> None:
        import dataclasses
        import textwrap

        from ..cli.options import MissingExtraError
        from .settings import MODEL_DEFAULTS, require_train_extra

        try:
            require_train_extra()
        except MissingExtraError as error:  # raised while parsing, outside the command's error boundary
            parser.exit(2, f"cosmosqa-ptbr train: error: {error}\n")
        import trl

        for field in dataclasses.fields(getattr(trl, self.trl_class)):
            if field.init and field.name != "hub_token":
                default = field.default if field.default is not dataclasses.MISSING else "(computed)"
                text = " ".join(str(field.metadata.get("help", "")).split())
                if self.trl_class == "ModelConfig" and field.name in MODEL_DEFAULTS:
                    ours, why = MODEL_DEFAULTS[field.name]
                    print(f"--{field.name} (default here: {ours!r}, {why}; TRL's: {default!r})")
                else:
                    print(f"--{field.name} (default: {default!r})")
                print(textwrap.indent(textwrap.fill(text, 100), "    "))
        parser.exit()


def make_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
    """Build the ``train`` parser: the command's own options, the package's settings, and any SFTConfig field."""
    from .settings import ScriptArguments

    parser = subcommand_parser(subparsers, "train", _DESCRIPTION)
    parser.epilog = (
        "Any trl.ModelConfig field (the model, its quantisation, the LoRA adapter: --dtype bfloat16 --load_in_4bit "
        "--lora_r 16...; --help-model lists them) and any trl.SFTConfig field (--max_steps 1000 --learning_rate 2e-4 "
        "--output-dir runs/x --push-to-hub --hub-model-id NS/NAME...; --help-sft lists them) is also a setting, in "
        "the recipe or as --name value. Only LoRA adapters are trained (use_peft). A Hub token is never a setting: "
        "use HF_TOKEN or `hf auth login`."
    )
    add_config_option(
        parser,
        metavar="FILE.yaml|NAME",
        more_help="; here the recipe, also by the name of a shipped one such as smollm2-135m/lora-cpu (a file wins)",
    )
    parser.add_argument(
        "--list-recipes",
        action="store_true",
        help="List the shipped recipes and accelerate configs (name, path, description) and exit.",
    )
    parser.add_argument(
        "--recipe-path",
        metavar="NAME",
        help="Print the file of a shipped recipe or accelerate config and exit, e.g. for accelerate launch "
        '--config_file "$(cosmosqa-ptbr train --recipe-path accelerate/ddp)".',
    )
    parser.add_argument(
        "--resume", action="store_true", help="Continue from the last checkpoint-* folder in the output directory."
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="Check the recipe and overrides, the data files and the LoRA targets against the model's config; "
        "print the settings. Loads no weights.",
    )
    parser.add_argument("--help-sft", action=_ShowSettingsHelp, help="List every trl.SFTConfig setting and exit.")
    parser.add_argument(
        "--help-model",
        action=_ShowSettingsHelp,
        trl_class="ModelConfig",
        help="List every trl.ModelConfig setting (model, quantisation, LoRA) with the defaults used here, and exit.",
    )
    add_settings(parser, ScriptArguments, title="ScriptArguments (recipe keys)")
    accept_open_settings(parser)
    return parser


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The settings typed on the command line: the declared recipe keys and any trl.ModelConfig/SFTConfig field.

    Only those: the namespace also holds the CLI's own options (``--debug``, ``--check``, the command's name),
    which are no settings and must never reach trl's (whose ``debug``, for one, is a list).
    """
    from .settings import ScriptArguments

    declared = settings_given(args, ScriptArguments)
    return {**declared, **getattr(args, "extra_settings", {})}


def load_settings(config: str | Path | Mapping[str, Any] | None = None, **overrides: Any) -> TrainSettings:
    """Read and check a recipe (a YAML path, a shipped recipe's name or a mapping) with ``overrides``; load no model.

    Raises ``RecipeError`` (a ``ValueError``) naming the wrong key and the fix, and ``MissingExtraError`` when the
    ``train`` extra (trl, peft) is not installed.
    """
    from .settings import RecipeError, parse_settings, read_recipe, require_train_extra, resolve_recipe

    if config is None or isinstance(config, Mapping):
        require_train_extra()
        return parse_settings(config or {}, overrides)
    # The recipe's path is checked before trl and peft are imported: importing them (bitsandbytes under peft) can
    # print library warnings above the one line that names a wrong path.
    path, name = resolve_recipe(config)
    if name is not None and name.startswith("accelerate/"):
        message = (
            f"{name} is an accelerate config, not a training recipe: pass it to accelerate launch --config_file "
            f'"$(cosmosqa-ptbr train --recipe-path {name})" and give --config a recipe (see --list-recipes)'
        )
        raise RecipeError(message)
    require_train_extra()
    return parse_settings(read_recipe(path), overrides, recipe_path=path, recipe_name=name)


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
    from .runner import run_training

    settings = load_settings(config, **overrides)
    return run_training(settings, resume=resume, api=api, progress=progress)


def main(args: argparse.Namespace) -> int:
    """Run ``cosmosqa-ptbr train``; return the exit code (2 for a wrong setting)."""
    from .runner import HubUploadError, run_training
    from .settings import RecipeError, check_before_loading

    try:
        if args.list_recipes:
            _print_recipes()
            return 0
        if args.recipe_path:
            print(_shipped_path(args.recipe_path))
            return 0
        if not args.config:
            raise RecipeError(
                "--config is missing: pass a recipe file or a shipped recipe name (see --list-recipes), "
                "e.g. --config smollm2-135m/lora-cpu"
            )
        settings = load_settings(args.config, **_overrides(args))
        if args.check:
            check_before_loading(settings)
            _print_settings(settings)
            return 0

        result = run_training(settings, resume=args.resume)
    except HubUploadError as error:
        print(f"cosmosqa-ptbr train: error: {error}", file=sys.stderr)
        return 1
    if result.results:
        where = result.results["model_index"][0].get("subset") or result.results["split"]
        print(f"with the adapter: accuracy {result.results['accuracy']:.4f} on {result.results['n']} items ({where})")
        if result.results.get("baseline"):
            print(f"base model, same items: accuracy {result.results['baseline']['accuracy']:.4f}")
        print(f"training time {result.training_seconds:.1f} s; output in {result.output_dir}")
        if result.hub_url:
            print(f"uploaded to {result.hub_url}")
    return 0


def _print_recipes() -> None:
    from .settings import recipe_description, shipped_recipes

    recipes = shipped_recipes()
    width = max(map(len, recipes))
    for name, path in recipes.items():
        print(f"{name:<{width}}  {recipe_description(path)}")
        print(f"{'':<{width}}  {path}")


def _shipped_path(name: str) -> Path:
    from .settings import RecipeError, resolve_recipe

    path, shipped = resolve_recipe(name)
    if shipped is None:
        message = f"--recipe-path {name!r} is not a shipped recipe name: --list-recipes lists them"
        raise RecipeError(message)
    return path.resolve()


def _print_settings(settings: TrainSettings) -> None:
    import dataclasses
    import json

    differ = settings.reference_differences()
    shown = {
        "recipe": settings.recipe_name or settings.recipe,
        "reference_setting": not differ,
        "differs_from_reference": differ,
        "script": dataclasses.asdict(settings.script),
        "model": dataclasses.asdict(settings.model),
        "push_to_hub": settings.push_to_hub,
        "hub_model_id": settings.hub_model_id,
        "hyperparameters": settings.hyperparameters(),
        "output_dir": settings.sft.output_dir,
    }
    print(json.dumps(shown, indent=2, default=str))


if __name__ == "__main__":
    raise SystemExit(main(make_parser().parse_args()))
