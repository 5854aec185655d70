"""Training: recipe parsing and its errors, the answer-only loss mask, tiny runs (4-bit, two processes), outputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from cosmosqa_ptbr.cli import main as cli_main
from cosmosqa_ptbr.training.command import load_settings, make_parser, train
from cosmosqa_ptbr.training.settings import LORA_TARGET_MODULES, RecipeError

REPO = Path(__file__).resolve().parents[1]
RECIPES = sorted((REPO / "recipes").glob("*/*.yaml"))
TRAIN_RECIPES = [path for path in RECIPES if path.parent.name != "accelerate"]


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


class RecordingHfApi:
    """Stand-in for ``huggingface_hub.HfApi`` that records calls and the files it was asked to upload."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.uploaded: dict[str, bytes] = {}

    def create_repo(self, repo_id: str, **kwargs: Any) -> str:
        self.calls.append(("create_repo", {"repo_id": repo_id, **kwargs}))
        return f"https://huggingface.co/{repo_id}"

    def upload_folder(self, **kwargs: Any) -> None:
        self.calls.append(("upload_folder", kwargs))
        folder = Path(kwargs["folder_path"])
        self.uploaded = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="session")
def trained_4bit(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One 4-bit (bitsandbytes NF4 on the CPU) LoRA run of the tiny Llama, shared by the output tests."""
    output_dir = tmp_path_factory.mktemp("train-4bit") / "run"
    return train(tiny_recipe(tiny_model_dir, output_dir, quantization="4bit", baseline_eval=True), progress=False)


# --- recipes and settings ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", TRAIN_RECIPES, ids=[str(p.relative_to(REPO / "recipes")) for p in TRAIN_RECIPES])
def test_shipped_recipes_parse_with_answer_only_loss_and_seven_projections(path: Path) -> None:
    """Every shipped training recipe parses into settings with the corrected reference setup."""
    settings = load_settings(path)
    assert tuple(settings.lora.lora_target_modules) == LORA_TARGET_MODULES
    assert (settings.lora.lora_r, settings.lora.lora_alpha, settings.lora.lora_dropout) == (16, 16, 0.05)
    assert settings.sft.completion_only_loss is not False and not settings.sft.packing
    assert settings.sft.metric_for_best_model == "accuracy" and settings.sft.load_best_model_at_end
    assert "hub_token" not in path.read_text(encoding="utf-8")


def test_accelerate_configs_name_a_distributed_type() -> None:
    """The accelerate configs cover DDP, FSDP and DeepSpeed ZeRO-3."""
    configs = (REPO / "recipes" / "accelerate").glob("*.yaml")
    kinds = {yaml.safe_load(p.read_text())["distributed_type"] for p in configs}
    assert kinds == {"MULTI_GPU", "FSDP", "DEEPSPEED"}


def test_reference_recipe_keeps_the_reference_schedule() -> None:
    """The Zephyr recipe trains the reference's base model for 1,000 steps in 4-bit."""
    settings = load_settings(REPO / "recipes" / "zephyr-7b-beta" / "qlora.yaml")
    assert settings.model.model_name_or_path == "HuggingFaceH4/zephyr-7b-beta"
    assert settings.sft.max_steps == 1000 and settings.model.quantization == "4bit"


def test_command_line_overrides_win_over_the_recipe() -> None:
    """``--key value`` options replace the recipe's values, in either spelling."""
    recipe = REPO / "recipes" / "smollm2-135m" / "lora-cpu.yaml"
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
    ],
)
def test_wrong_settings_fail_naming_the_key(overrides: dict[str, Any], expected: str) -> None:
    """A wrong key or value raises RecipeError that names the key and the fix."""
    with pytest.raises(RecipeError, match=expected):
        load_settings(REPO / "recipes" / "smollm2-135m" / "lora-cpu.yaml", **overrides)


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


def test_missing_data_fails_before_the_model_loads(tmp_path: Path, tiny_model_dir: Path) -> None:
    """A split the dataset config lacks is reported as a recipe error, with no model loaded."""
    recipe = tiny_recipe(tmp_path / "no-such-model", tmp_path / "out", train_size=None, eval_split="validation")
    recipe["train_split"] = "train"
    with pytest.raises(RecipeError, match="train_split"):
        train(recipe, progress=False)
    with pytest.raises(RecipeError, match="leaves no held-out rows"):
        train(tiny_recipe(tmp_path / "no-such-model", tmp_path / "out", train_size=400), progress=False)


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
    assert not any(name.startswith("checkpoint-") for name in api.uploaded)
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


def test_accelerate_launch_trains_with_two_cpu_processes(tiny_model_dir: Path, tmp_path: Path) -> None:
    """``accelerate launch -m cosmosqa_ptbr.training`` with two processes trains on the CPU over gloo (MULTI_CPU)."""
    recipe = tmp_path / "tiny.yaml"
    out = tmp_path / "ddp"
    changes = {"max_steps": 2, "eval_limit": 4, "final_eval_limit": 4, "ddp_find_unused_parameters": False}
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
    results = json.loads((out / "results.json").read_text())["training"]
    assert results["world_size"] == 2 and results["distributed_type"] == "MULTI_CPU"
    assert results["global_step"] == 2 and (out / "adapter_model.safetensors").is_file()
