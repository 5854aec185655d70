"""Training: recipe parsing and its errors, the answer-only loss mask, tiny runs (4-bit, two processes), outputs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from _hub import RecordingHfApi

from cosmosqa_ptbr.cli import main as cli_main
from cosmosqa_ptbr.training.command import load_settings, make_parser, train
from cosmosqa_ptbr.training.settings import (
    LORA_TARGET_MODULES,
    RECIPES_DIR,
    REFERENCE_SETTING,
    RecipeError,
    resolve_recipe,
    shipped_recipes,
)

REPO = Path(__file__).resolve().parents[1]
RECIPES = sorted((REPO / "cosmosqa_ptbr" / "recipes").glob("*/*.yaml"))
TRAIN_RECIPES = [path for path in RECIPES if path.parent.name != "accelerate"]
SMOL = "smollm2-135m/lora-cpu"


def tiny_recipe(model_dir: Path, output_dir: Path, **changes: Any) -> dict[str, Any]:
    """A recipe that trains the tiny Llama on the embedded sample in seconds."""
    recipe = {
        "dataset_config": "sample",
        "train_split": "validation",
        "eval_split": None,
        "train_size": 380,
        "split_seed": 0,
        "eval_limit": 8,
        "final_eval_limit": 12,
        "model_name_or_path": str(model_dir),
        "quantization": "none",
        "output_dir": str(output_dir),
        "max_steps": 4,
        "per_device_train_batch_size": 2,
        "learning_rate": 1e-3,
        "max_length": 4096,
        "activation_checkpointing": False,
        "optim": "adamw_torch",
        "use_cpu": True,
        "logging_steps": 1,
        "eval_strategy": "steps",
        "eval_steps": 2,
        "save_strategy": "steps",
        "save_steps": 2,
        "load_best_model_at_end": True,
        "metric_for_best_model": "accuracy",
        "per_device_eval_batch_size": 4,
        "seed": 0,
        "report_to": "none",
        "dataloader_num_workers": 0,
    }
    recipe.update(changes)
    return recipe


@pytest.fixture(scope="session")
def trained_4bit(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One 4-bit (bitsandbytes NF4 on the CPU) LoRA run of the tiny Llama, shared by the output tests."""
    output_dir = tmp_path_factory.mktemp("train-4bit") / "run"
    return train(tiny_recipe(tiny_model_dir, output_dir, quantization="4bit", baseline_eval=True), progress=False)


# --- recipes and settings ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", TRAIN_RECIPES, ids=[str(p.relative_to(RECIPES_DIR)) for p in TRAIN_RECIPES])
def test_shipped_recipes_parse_with_answer_only_loss(path: Path) -> None:
    """Every shipped training recipe parses, ranks checkpoints by accuracy and carries no token."""
    settings = load_settings(path)
    assert (settings.lora.lora_r, settings.lora.lora_alpha, settings.lora.lora_dropout) == (16, 16, 0.05)
    assert settings.sft.completion_only_loss is None and not settings.sft.packing
    assert settings.sft.metric_for_best_model == "accuracy" and settings.sft.load_best_model_at_end
    assert "hub_token" not in path.read_text(encoding="utf-8")
    expected = REFERENCE_SETTING["lora_target_modules"] if "reference" in path.name else list(LORA_TARGET_MODULES)
    assert settings.lora.lora_target_modules == expected


@pytest.mark.parametrize("path", TRAIN_RECIPES, ids=[str(p.relative_to(RECIPES_DIR)) for p in TRAIN_RECIPES])
def test_every_recipe_key_reaches_the_settings_the_code_reads(path: Path) -> None:
    """Each key of a shipped recipe ends up, unchanged, on the settings object the runner reads."""
    settings = load_settings(path)
    groups = (settings.script, settings.model, settings.lora, settings.sft)
    for key, value in yaml.safe_load(path.read_text(encoding="utf-8")).items():
        (group,) = [g for g in groups if hasattr(g, key)]
        found = getattr(group, key)
        found = getattr(found, "value", found)
        if key == "report_to" and value == "none":
            value = []  # transformers spells "no integration" as an empty list
        assert found == (float(value) if isinstance(found, float) else value), key
    # the runner reads activation_checkpointing (the key recipes set), not its deprecated alias
    runner = (REPO / "cosmosqa_ptbr" / "training" / "runner.py").read_text(encoding="utf-8")
    assert "sft.activation_checkpointing" in runner and not re.search(r"sft\.gradient_checkpointing", runner)
    assert "gradient_checkpointing" not in path.read_text(encoding="utf-8")


def test_accelerate_configs_are_the_ddp_one_that_has_run() -> None:
    """The only accelerate config shipped is DDP, the distributed mode the tests launch."""
    configs = list((RECIPES_DIR / "accelerate").glob("*.yaml"))
    assert [yaml.safe_load(p.read_text())["distributed_type"] for p in configs] == ["MULTI_GPU"]


def test_reference_recipe_is_the_published_setting_and_the_improved_one_says_how_it_differs() -> None:
    """qlora-reference has the reference adapter's published hyperparameters; qlora differs in four of them."""
    reference = load_settings("zephyr-7b-beta/qlora-reference")
    assert reference.recipe_name == "zephyr-7b-beta/qlora-reference" and reference.reference_differences() == []
    sft = reference.sft
    assert (sft.learning_rate, str(sft.lr_scheduler_type.value), sft.warmup_steps, sft.max_steps) == (
        4e-5,
        "linear",
        100,
        1000,
    )
    assert (sft.per_device_train_batch_size, sft.gradient_accumulation_steps) == (16, 2)
    assert reference.model.quantization == "4bit" and "down_proj" not in reference.lora.lora_target_modules
    improved = load_settings("zephyr-7b-beta/qlora")
    differ = improved.reference_differences()
    assert differ == [
        "lora_target_modules",
        "learning_rate",
        "lr_scheduler_type",
        "warmup_steps",
        "per_device_train_batch_size",
        "gradient_accumulation_steps",
    ]
    comments = (RECIPES_DIR / "zephyr-7b-beta" / "qlora.yaml").read_text(encoding="utf-8")
    for needle in ("4e-5", "linear", "16 x 2", "down_proj"):
        assert needle in comments, needle
    assert load_settings("zephyr-7b-beta/qlora-reference", learning_rate=1e-4).reference_differences() == [
        "learning_rate"
    ]


def test_model_card_names_the_recipe_and_whether_it_is_the_reference() -> None:
    """The card's recipe paragraph names the shipped recipe and says whether it is the reference setting."""
    from cosmosqa_ptbr.training.runner import _provenance

    reference = _provenance(load_settings("zephyr-7b-beta/qlora-reference"))
    assert "`zephyr-7b-beta/qlora-reference`" in reference and "This is the reference setting" in reference
    improved = _provenance(load_settings("zephyr-7b-beta/qlora.yaml"))
    assert "`zephyr-7b-beta/qlora`" in improved and "Not the reference setting" in improved
    assert "`learning_rate`" in improved and "`lr_scheduler_type`" in improved


def test_model_card_usage_code_compiles_and_its_imports_resolve() -> None:
    """The card's Python example is valid code whose imports name modules and functions that exist."""
    from cosmosqa_ptbr.hub.cards import render_model_card

    card = render_model_card(base_model="org/base", model_id="me/adapter")
    code = card.split("```python\n", 1)[1].split("```", 1)[0]
    compile(code, "model card", "exec")
    exec("\n".join(line for line in code.splitlines() if line.startswith(("import ", "from "))), {})


def test_recipe_names_resolve_and_an_existing_path_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A shipped recipe is found by name, with .yaml or recipes/ in front; a file at that path is used instead."""
    shipped = RECIPES_DIR / "smollm2-135m" / "lora-cpu.yaml"
    for spelling in (SMOL, f"{SMOL}.yaml", f"recipes/{SMOL}.yaml", shipped):
        assert resolve_recipe(spelling) == (shipped, SMOL), spelling
    assert set(shipped_recipes()) >= {SMOL, "zephyr-7b-beta/qlora-reference", "accelerate/ddp"}
    monkeypatch.chdir(tmp_path)
    local = tmp_path / "smollm2-135m" / "lora-cpu.yaml"
    local.parent.mkdir()
    local.write_text("output_dir: mine\nmax_steps: 3\n")
    settings = load_settings(f"{SMOL}.yaml")
    assert settings.sft.max_steps == 3 and settings.recipe_name is None
    assert load_settings(SMOL).recipe_name == SMOL  # without .yaml it is no file here: the shipped one


def test_unknown_recipe_names_list_close_matches(capsys: pytest.CaptureFixture[str]) -> None:
    """A mistyped name fails in one line with the close names; an accelerate config is not a recipe."""
    from cosmosqa_ptbr import cli

    assert cli.main(["train", "--config", "smollm2-135m/lora", "--check"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "did you mean smollm2-135m/lora-cpu" in err and "--list-recipes" in err
    with pytest.raises(RecipeError, match="accelerate config, not a training recipe"):
        load_settings("accelerate/ddp")
    assert cli.main(["train", "--check"]) == 2
    assert "--config is missing" in capsys.readouterr().err


def test_list_recipes_prints_names_descriptions_and_paths(capsys: pytest.CaptureFixture[str]) -> None:
    """--list-recipes shows every shipped recipe with its first comment line and file; --recipe-path prints one."""
    from cosmosqa_ptbr import cli

    assert cli.main(["train", "--list-recipes"]) == 0
    out = capsys.readouterr().out
    for name, path in shipped_recipes().items():
        first = path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
        assert re.search(rf"^{re.escape(name)} +{re.escape(first)}$", out, re.MULTILINE), name
        assert str(path) in out
    assert cli.main(["train", "--recipe-path", "accelerate/ddp"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert yaml.safe_load(path.read_text())["distributed_type"] == "MULTI_GPU"


def test_command_line_overrides_win_over_the_recipe() -> None:
    """``--key value`` options replace the recipe's values, in either spelling."""
    recipe = RECIPES_DIR / "smollm2-135m" / "lora-cpu.yaml"
    args = make_parser().parse_args(
        [
            *("--config", str(recipe), "--max_steps", "3", "--learning-rate=1e-3", "--lora_target_modules", "q_proj"),
            *("--final_eval_limit", "null", "--push-to-hub", "--hub-model-id", "me/smol"),
            "--no-load-best-model-at-end",
        ]
    )
    from cosmosqa_ptbr.training.command import _overrides

    settings = load_settings(args.config, **_overrides(args))
    assert settings.sft.max_steps == 3 and settings.sft.learning_rate == pytest.approx(1e-3)
    assert settings.lora.lora_target_modules == ["q_proj"]
    assert settings.script.final_eval_limit is None and not settings.sft.load_best_model_at_end
    assert settings.push_to_hub and settings.hub_model_id == "me/smol"
    assert settings.script.train_size == 300  # untouched recipe values stay


def test_the_command_lines_own_options_are_not_settings() -> None:
    """Only typed settings reach the recipe: the CLI's --debug (a list in trl), --check or --resume never do."""
    from cosmosqa_ptbr.cli import build_parser
    from cosmosqa_ptbr.training.command import _overrides

    argv = ["train", "--config", SMOL, "--output-dir", "o", "--check", "--resume", "--no-baseline-eval"]
    args = build_parser(argv).parse_args(argv)
    assert _overrides(args) == {"output_dir": "o", "baseline_eval": False}
    settings = load_settings(args.config, **_overrides(args))
    assert settings.sft.debug == [] and settings.script.baseline_eval is False


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"learnin_rate": 1e-4}, "unknown setting 'learnin_rate'.*did you mean learning_rate"),
        ({"learning_rate": "fast"}, "'learning_rate'.*must be a number"),
        ({"quantization": "8bit"}, "'quantization'.*one of 'auto', '4bit', 'none'"),
        ({"hub_token": "hf_x"}, "'hub_token'.*not allowed.*HF_TOKEN"),
        ({"push_to_hub": True}, "hub_model_id is not.*--hub-model-id"),
        ({"eval_split": "train"}, "eval_split must be null"),
        ({"lora_dropout": 1.5}, "lora_dropout must be in"),
        ({"eval_strategy": "sometimes"}, "eval_strategy.*sometimes"),
        ({"packing": True}, "packing: false"),
        ({"completion_only_loss": True}, "completion_only_loss: True has no effect.*remove it"),
        ({"dataset_repo": "./my-data"}, "dataset_repo must be a Hub repo id.*dataset_data_dir"),
    ],
)
def test_wrong_settings_fail_naming_the_key(overrides: dict[str, Any], expected: str) -> None:
    """A wrong key or value raises RecipeError that names the key and the fix."""
    with pytest.raises(RecipeError, match=expected):
        load_settings(SMOL, **overrides)


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("learning_rate", 0, "'learning_rate'.*must be a positive number, got 0.0: set e.g. `learning_rate: 2.0e-4`"),
        ("learning_rate", -1e-4, "'learning_rate'.*positive number"),
        ("max_steps", -3, "'max_steps'.*or -1 to train for num_train_epochs, got -3"),
        ("max_steps", 0, "'max_steps'.*positive number of optimiser steps"),
        ("num_train_epochs", 0, "'num_train_epochs'.*positive number of epochs"),
        ("warmup_steps", -1, "'warmup_steps'.*0 or more"),
        ("per_device_train_batch_size", 0, "'per_device_train_batch_size'.*1 or more"),
        ("per_device_eval_batch_size", -2, "'per_device_eval_batch_size'.*1 or more"),
        ("gradient_accumulation_steps", 0, "'gradient_accumulation_steps'.*1 or more"),
        ("eval_steps", 0, "'eval_steps'.*positive number of steps"),
        ("save_total_limit", 0, "'save_total_limit'.*1 or more, or null"),
        ("max_length", 0, "'max_length'.*positive number of tokens"),
        ("seed", -1, "'seed'.*0 or more"),
        ("lora_r", 0, "lora_r must be a rank of 1 or more, got 0"),
        ("lora_alpha", 0, "lora_alpha must be positive, got 0"),
        ("lora_alpha", -16, "lora_alpha must be positive"),
        ("lora_dropout", 1.0, r"lora_dropout must be in \[0, 1\), got 1.0"),
        ("lora_dropout", -0.1, "lora_dropout must be in"),
        ("eval_limit", 0, "eval_limit must be a positive integer or null, got 0"),
        ("final_eval_limit", -5, "final_eval_limit must be a positive integer or null"),
    ],
)
def test_out_of_range_settings_are_refused_by_check(
    key: str, value: Any, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``train --check`` refuses a value out of range in one line naming the key and exits 2."""
    with pytest.raises(RecipeError, match=expected):
        load_settings(SMOL, **{key: value})
    assert cli_main(["train", "--config", SMOL, "--check", f"--{key}", str(value)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("cosmosqa-ptbr train: error: ") and key in err


def test_in_range_edge_values_are_accepted() -> None:
    """-1 steps (train for epochs), zero warmup, zero dropout and a fractional warmup are valid."""
    settings = load_settings(SMOL, max_steps=-1, num_train_epochs=1, warmup_steps=0.1, lora_dropout=0.0)
    assert settings.sft.max_steps == -1 and settings.lora.lora_dropout == 0.0
    assert load_settings(SMOL, warmup_steps=0).sft.warmup_steps == 0


def test_hub_token_in_a_recipe_file_is_rejected(tmp_path: Path) -> None:
    """A recipe that carries a Hub token is refused before anything runs."""
    recipe = tmp_path / "leaky.yaml"
    recipe.write_text("output_dir: out\nhub_token: hf_secret\n")
    with pytest.raises(RecipeError, match=r"'hub_token' in recipe '.*leaky.yaml'"):
        load_settings(recipe)


def test_package_level_train_is_the_training_function(tmp_path: Path) -> None:
    """``cosmosqa_ptbr.train`` is the function, whatever submodules were imported before."""
    import cosmosqa_ptbr
    import cosmosqa_ptbr.training.command

    assert cosmosqa_ptbr.train is train
    with pytest.raises(RecipeError, match="does not exist"):
        cosmosqa_ptbr.train(tmp_path / "missing.yaml")


def test_cli_reports_a_bad_recipe_with_exit_code_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``train`` prints the recipe error and exits 2 without loading a model."""
    missing = tmp_path / "nope.yaml"
    assert cli_main(["train", "--config", str(missing)]) == 2
    assert "does not exist" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text("output_dir: out\nmax_steps: many\n")
    assert cli_main(["train", "--config", str(bad)]) == 2
    assert "'max_steps'" in capsys.readouterr().err


def test_missing_data_fails_before_the_model_loads(
    tmp_path: Path, tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A split the dataset config lacks is reported as a recipe error, with no model loaded."""
    from cosmosqa_ptbr.training import runner

    def no_loading(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(runner, "_load", no_loading)
    recipe = tiny_recipe(tiny_model_dir, tmp_path / "out", train_size=None, eval_split="validation")
    recipe["train_split"] = "train"
    with pytest.raises(RecipeError, match="train_split"):
        train(recipe, progress=False)
    with pytest.raises(RecipeError, match="leaves no held-out rows"):
        train(tiny_recipe(tiny_model_dir, tmp_path / "out", train_size=400), progress=False)


# --- the loss mask ------------------------------------------------------------------------------------------


def test_loss_mask_covers_only_the_answer_and_eos(tiny_model_dir: Path, sample: list[dict[str, Any]]) -> None:
    """In the batch trl's collator builds, the labelled tokens decode to exactly "Alternativa X" + EOS."""
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from trl import SFTConfig, SFTTrainer

    from cosmosqa_ptbr.prompts import gold_letter, render_prompt
    from cosmosqa_ptbr.training.data import end_of_turn_token, tokenize_rows

    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir)
    eos = end_of_turn_token(tokenizer)
    rows = sample[:3]
    trainer = SFTTrainer(
        model=AutoModelForCausalLM.from_pretrained(tiny_model_dir),
        args=SFTConfig(output_dir=str(tiny_model_dir / "mask"), use_cpu=True, report_to="none", max_length=4096),
        train_dataset=tokenize_rows(tokenizer, rows, eos, 4096),
        processing_class=tokenizer,
    )
    batch = trainer.data_collator([trainer.train_dataset[i] for i in range(len(rows))])
    for row, input_ids, labels in zip(rows, batch["input_ids"], batch["labels"], strict=True):
        kept = labels[labels != -100].tolist()
        assert tokenizer.decode(kept) == f"Alternativa {gold_letter(row)}{eos}"
        assert kept[-1] == tokenizer.eos_token_id
        first = (labels != -100).nonzero()[0].item()
        # everything before the answer is the prompt the scorer sees, and it is masked
        prompt = render_prompt(tokenizer, row, answer_prefix=False)
        assert input_ids[:first].tolist() == tokenizer(prompt, add_special_tokens=False)["input_ids"]


def test_chat_template_without_eos_after_the_answer_is_refused(tiny_model_dir: Path) -> None:
    """A template that does not close the assistant turn with EOS would train a model that never stops."""
    from transformers import AutoTokenizer

    from cosmosqa_ptbr.training.data import end_of_turn_token

    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir)
    tokenizer.chat_template = "{% for m in messages %}{{ m['role'] }}: {{ m['content'] }}\n{% endfor %}"
    with pytest.raises(RecipeError, match="eos_token"):
        end_of_turn_token(tokenizer)


# --- tiny training runs -------------------------------------------------------------------------------------


def test_tiny_model_trains_in_4bit_on_cpu(trained_4bit: Any) -> None:
    """A tiny Llama loaded with bitsandbytes NF4 trains its LoRA adapter on the CPU and is evaluated."""
    results = trained_4bit.results["training"]
    assert results["quantization"] == "4bit" and results["global_step"] == 4
    losses = [entry["loss"] for entry in trained_4bit.log_history if "loss" in entry]
    assert len(losses) == 4 and all(loss > 0 for loss in losses)
    evals = [entry["eval_accuracy"] for entry in trained_4bit.log_history if "eval_accuracy" in entry]
    assert len(evals) == 2 and all(0 <= acc <= 1 for acc in evals)
    assert trained_4bit.best_checkpoint is not None


def test_output_folder_holds_adapter_results_and_a_parsable_card(trained_4bit: Any) -> None:
    """The output folder has the adapter, tokenizer, results.json and a card whose model-index parses."""
    from huggingface_hub import ModelCard

    out = trained_4bit.output_dir
    for name in ("adapter_config.json", "adapter_model.safetensors", "tokenizer_config.json", "results.json"):
        assert (out / name).is_file(), name
    assert (out / "chat_template.jinja").is_file() or "chat_template" in (out / "tokenizer_config.json").read_text()
    results = json.loads((out / "results.json").read_text())
    assert results["n"] == results["baseline"]["n"] == 12 and results["mode"] == "loglik"
    (adapted,) = results["model_index"]
    assert adapted["accuracy"] == results["accuracy"] and adapted["subset"].startswith("20 rows")
    predictions = [json.loads(line) for line in (out / "predictions.jsonl").read_text().splitlines()]
    correct = sum(p["predicted"] == p["gold"] for p in predictions)
    assert correct / len(predictions) == pytest.approx(adapted["accuracy"])
    card = ModelCard.load(out / "README.md")
    (result,) = card.data.eval_results
    assert result.metric_value == pytest.approx(adapted["accuracy"])
    assert result.dataset_type == "heloisy/cosmos_qa_ptbr" and result.dataset_split == "validation"
    assert card.data.base_model == str(trained_4bit.results["training"]["base_model"])
    assert "lora_r" in card.text and "hf_" not in card.text
    assert "Recipe: settings given in Python" in card.text and "Not the reference setting" in card.text
    assert results["training"]["reference_setting"] is False and results["training"]["recipe_name"] is None


def test_run_files_name_the_models_but_hold_no_local_path(trained_4bit: Any, tiny_model_dir: Path) -> None:
    """results.json, the card, predictions and adapter_config.json (all uploaded) carry no absolute local path."""
    from test_commands import local_traces

    out = trained_4bit.output_dir
    for name in ("results.json", "README.md", "predictions.jsonl", "adapter_config.json"):
        assert local_traces((out / name).read_text(encoding="utf-8"), out, tiny_model_dir) == [], name
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["model"] == results["training"]["base_model"] == tiny_model_dir.name
    assert results["adapter"] == out.name and results["training"]["best_checkpoint"].startswith("checkpoint-")
    assert (out / results["training"]["best_checkpoint"]).is_dir()


def test_adapter_loads_back_for_evaluation(trained_4bit: Any, tiny_model_dir: Path, sample: list) -> None:
    """The saved adapter reloads on its base model and scores like the final evaluation did."""
    import numpy as np

    from cosmosqa_ptbr.evaluation.inference import letter_logprobs
    from cosmosqa_ptbr.evaluation.models import load_model

    loaded = load_model(str(tiny_model_dir), adapter=str(trained_4bit.output_dir), quantization="4bit")
    lines = (trained_4bit.output_dir / "predictions.jsonl").read_text().splitlines()
    predictions = [json.loads(line) for line in lines]
    by_id = {row["id"]: row for row in sample}
    items = [by_id[p["id"]] for p in predictions[:4]]
    chosen = np.asarray(letter_logprobs(loaded.model, loaded.tokenizer, items)).argmax(-1)
    assert ["ABCD"[i] for i in chosen] == [p["predicted"] for p in predictions[:4]]


def test_resume_continues_from_the_last_checkpoint(tiny_model_dir: Path, tmp_path: Path) -> None:
    """A run stopped at step 2 resumes from checkpoint-2; an existing run without --resume is refused."""
    out = tmp_path / "run"
    first = train(tiny_recipe(tiny_model_dir, out, max_steps=2, load_best_model_at_end=False), progress=False)
    assert (out / "checkpoint-2").is_dir() and first.results["training"]["global_step"] == 2
    with pytest.raises(RecipeError, match="--resume"):
        train(tiny_recipe(tiny_model_dir, out), progress=False)
    resumed = train(tiny_recipe(tiny_model_dir, out), resume=True, progress=False)
    assert resumed.results["training"]["global_step"] == 4
    steps = [entry["step"] for entry in resumed.log_history if "loss" in entry]
    assert steps[-2:] == [3, 4]


_HOLD_FOLDER = """
import sys
from cosmosqa_ptbr.cli.folders import locked_folder
with locked_folder(sys.argv[1], command="train"):
    print("held", flush=True)
    sys.stdin.read()
"""


def test_the_run_folder_is_trains_own_from_the_start_and_locked_while_it_runs(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """A folder another run holds is refused at once; a finished run's manifest names train, the checkpoint folders
    and every file it wrote, and no lock is left."""
    from cosmosqa_ptbr.cli.folders import LOCK, MANIFEST, FolderBusyError

    out = tmp_path / "run"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_FOLDER, str(out)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=env)  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(FolderBusyError, match=rf"another `cosmosqa-ptbr train` run \(pid {holder.pid}\)"):
            train(tiny_recipe(tiny_model_dir, out, max_steps=2), progress=False)
    finally:
        holder.communicate("", timeout=30)
    train(tiny_recipe(tiny_model_dir, out, max_steps=2, load_best_model_at_end=False), progress=False)
    manifest = json.loads((out / MANIFEST).read_text())
    assert (manifest["command"], manifest["folders"]) == ("train", ["checkpoint-*", "runs"])
    assert manifest["files"] == sorted(p.name for p in out.iterdir() if p.is_file() and p.name != MANIFEST)
    assert {"adapter_config.json", "adapter_model.safetensors", "README.md", "results.json"} <= set(manifest["files"])
    assert (out / "checkpoint-2").is_dir() and not (out / LOCK).exists()


def test_push_to_hub_uploads_the_folder_without_checkpoints(tiny_model_dir: Path, tmp_path: Path) -> None:
    """``push_to_hub`` creates the repo and uploads adapter, card and results through the given HfApi."""
    api = RecordingHfApi()
    result = train(
        tiny_recipe(tiny_model_dir, tmp_path / "run", max_steps=2, eval_limit=4, final_eval_limit=4),
        push_to_hub=True,
        hub_model_id="someone/tiny-cosmosqa-ptbr",
        api=api,
        progress=False,
    )
    assert [name for name, _ in api.calls] == ["create_repo", "upload_folder"]
    assert api.calls[1][1]["repo_id"] == "someone/tiny-cosmosqa-ptbr"
    assert {"adapter_model.safetensors", "adapter_config.json", "README.md", "results.json"} <= set(api.uploaded)
    assert not any(name.startswith(("checkpoint-", ".cosmosqa-ptbr")) for name in api.uploaded)
    assert b"someone/tiny-cosmosqa-ptbr" in api.uploaded["README.md"]
    assert result.hub_url == "https://huggingface.co/someone/tiny-cosmosqa-ptbr"


def test_failed_upload_keeps_the_folder_and_says_how_to_retry(tiny_model_dir: Path, tmp_path: Path) -> None:
    """An upload that fails (offline Hub) raises HubUploadError after the folder is complete."""
    from cosmosqa_ptbr.training.runner import HubUploadError

    class OfflineHfApi(RecordingHfApi):
        def upload_folder(self, **kwargs: Any) -> None:
            raise ConnectionError("Hub unreachable")

    out = tmp_path / "run"
    recipe = tiny_recipe(tiny_model_dir, out, max_steps=1, eval_strategy="no", save_strategy="no", final_eval_limit=2)
    recipe.update(load_best_model_at_end=False)
    with pytest.raises(HubUploadError, match=r"is complete.*Hub unreachable.*push_folder_to_hub"):
        train(recipe, push_to_hub=True, hub_model_id="someone/x", api=OfflineHfApi(), progress=False)
    assert (out / "adapter_model.safetensors").is_file() and (out / "README.md").is_file()


def test_a_failed_run_leaves_no_empty_output_folder(tiny_model_dir: Path, tmp_path: Path) -> None:
    """A run that fails after the model loaded removes the output folder it created, and keeps one it did not."""
    out = tmp_path / "runs" / "new"
    with pytest.raises(RecipeError, match="lora_target_modules names modules"):
        train(tiny_recipe(tiny_model_dir, out, lora_target_modules=["no_such_proj"]), progress=False)
    assert not out.exists()
    mine = tmp_path / "mine"
    mine.mkdir()
    with pytest.raises(RecipeError, match="lora_target_modules names modules"):
        train(tiny_recipe(tiny_model_dir, mine, lora_target_modules=["no_such_proj"]), progress=False)
    assert mine.is_dir()


def test_fsdp_and_deepspeed_launches_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run launched with FSDP or DeepSpeed (never run here) fails in one line before any model loads."""
    for name in ("FSDP", "DEEPSPEED"):
        monkeypatch.setenv(f"ACCELERATE_USE_{name}", "true")
        with pytest.raises(RecipeError, match=f"launched this run with {name}.*recipe-path accelerate/ddp"):
            train(tiny_recipe(tmp_path / "no-such-model", tmp_path / "out"), progress=False)
        monkeypatch.delenv(f"ACCELERATE_USE_{name}")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("n", "world"), [(5, 2), (7, 3), (4, 2), (1, 4), (0, 2)])
def test_eval_shards_have_equal_length_and_count_each_item_once(n: int, world: int) -> None:
    """Every process gets a share of the same length; the unpadded entries cover the items exactly once."""
    from cosmosqa_ptbr.training.runner import eval_shard

    items = [f"item{i}" for i in range(n)]
    shards = [eval_shard(items, rank, world) for rank in range(world)]
    assert len({len(shard) for shard, _ in shards}) == 1
    counted = [item for shard, keep in shards for item, k in zip(shard, keep, strict=True) if k]
    assert sorted(counted) == sorted(items)


@pytest.mark.slow
def test_accelerate_launch_trains_with_two_cpu_processes(tiny_model_dir: Path, tmp_path: Path) -> None:
    """``accelerate launch -m cosmosqa_ptbr.training`` with two processes trains on the CPU over gloo (MULTI_CPU)."""
    recipe = tmp_path / "tiny.yaml"
    out = tmp_path / "ddp"
    # 5 evaluation items: the two processes' shares (3 and 2) are padded to the same length
    changes = {"max_steps": 2, "eval_limit": 5, "final_eval_limit": 5, "ddp_find_unused_parameters": False}
    recipe.write_text(yaml.safe_dump(tiny_recipe(tiny_model_dir, out, **changes)))
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false"}
    # accelerate 1.15 runs `--cpu --num_processes 2` as ONE process unless mpirun is set up; its torchrun
    # launcher (`--multi_gpu`) on a machine without CUDA starts two CPU processes joined by gloo.
    command = [
        *(sys.executable, "-m", "accelerate.commands.launch", "--multi_gpu", "--num_processes", "2"),
        *("--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no", "--main_process_port", "0"),
        *("-m", "cosmosqa_ptbr.training", "--config", str(recipe)),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=400, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    payload = json.loads((out / "results.json").read_text())
    results = payload["training"]
    assert results["world_size"] == 2 and results["distributed_type"] == "MULTI_CPU"
    assert results["global_step"] == 2 and (out / "adapter_model.safetensors").is_file()
    assert [entry["eval_n"] for entry in results["log_history"] if "eval_n" in entry] == [5]
    assert payload["n"] == 5 and len((out / "predictions.jsonl").read_text().splitlines()) == 5
    assert done.stdout.count("with the adapter: accuracy") == 1  # only the main process reports


def test_recipe_data_files_name_their_splits_like_every_command(tmp_path: Path) -> None:
    """dataset_data_files takes SPLIT=PATH entries (a bare path is the training split), as --data-files does."""
    from cosmosqa_ptbr.data import export_dataset, load_dataset
    from cosmosqa_ptbr.training.data import load_train_data
    from cosmosqa_ptbr.training.settings import ScriptArguments

    (path,) = export_dataset({"validation": load_dataset("sample", split="validation")}, tmp_path, "csv")
    named = ScriptArguments(dataset_data_files=[f"train={path}", f"validation={path}"], eval_limit=None)
    data = load_train_data(named)
    assert len(data.train) == 400 and len(data.eval) == 400
    bare = load_train_data(ScriptArguments(dataset_data_files=[str(path)], eval_split=None, train_size=300))
    assert (len(bare.train), len(bare.eval)) == (300, 100)
    with pytest.raises(RecipeError, match="dataset_data_files"):
        ScriptArguments(dataset_config="sample", dataset_data_files=[str(path)])
