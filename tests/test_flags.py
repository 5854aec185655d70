"""One meaning per flag: --config FILE.yaml in every command, --dataset-config, TRL's recipe names, deprecations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml

from cosmosqa_ptbr.cli import SUBCOMMANDS, build_parser
from cosmosqa_ptbr.cli import main as cli_main
from cosmosqa_ptbr.cli.options import CONFIG_HELP

DEPRECATED = "deprecated:"
OLD_CONFIG_LINE = (
    "cosmosqa-ptbr data info: deprecated: --config now reads a settings file, as in lm-eval and TRL: write "
    "--dataset-config sample"
)


def run_cli(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m cosmosqa_ptbr.cli ARGS`` in ``cwd``, offline, with this checkout on the path."""
    environment = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", **env}
    command = [sys.executable, "-m", "cosmosqa_ptbr.cli", *args]
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=300)


def write_yaml(path: Path, values: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(values, sort_keys=False), encoding="utf-8")
    return path


def deprecations(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if f": {DEPRECATED} " in line]


# --- --config FILE.yaml in every command ------------------------------------------------------------------------


def _config_actions(parser: Any, path: str = "") -> dict[str, Any]:
    """The --config action of every (sub)command parser under ``parser``, by command path."""
    found = {}
    for action in parser._actions:
        if "--config" in action.option_strings:
            found[path] = action
        if hasattr(action, "choices") and isinstance(action.choices, dict):
            for name, sub in action.choices.items():
                found.update(_config_actions(sub, f"{path} {name}".strip()))
    return found


def test_every_command_with_settings_takes_config_with_the_same_help() -> None:
    """data, score, evaluate, translate, train, space and metric (each action) take --config with one help text."""
    found = {}
    for name in SUBCOMMANDS:
        found.update(_config_actions(build_parser([name])))
    expected = {
        "data info", "data export", "data push", "score", "evaluate", "translate", "train",
        "space build", "space push", "metric build", "metric push",
    }  # fmt: skip
    assert expected <= set(found), sorted(expected - set(found))
    for command, action in found.items():
        assert action.help.startswith(CONFIG_HELP), command
        assert action.dest == "config", command


def test_data_reads_its_settings_file_and_a_flag_wins(tmp_path: Path) -> None:
    """`data info --config s.yaml --dataset-config sample`: the file's task is read, the flag beats its config."""
    write_yaml(tmp_path / "s.yaml", {"task": "cosmos_qa_en", "dataset_config": "default"})
    result = run_cli(["data", "info", "--config", "s.yaml", "--dataset-config", "sample"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "(task 'cosmos_qa_en'), config 'sample'" in result.stdout
    assert DEPRECATED not in result.stderr


def test_score_reads_its_settings_file_and_a_flag_wins(tmp_path: Path, sample: list[dict[str, Any]]) -> None:
    """`score --config s.yaml --dataset-config default` reads the file's data_files, which 'sample' would refuse."""
    rows = sample[:3]
    (tmp_path / "val.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    predictions = [{"id": row["id"], "generation": f"Alternativa {row['Label']}"} for row in rows]
    (tmp_path / "gen.jsonl").write_text("".join(json.dumps(p) + "\n" for p in predictions), encoding="utf-8")
    write_yaml(tmp_path / "s.yaml", {"dataset_config": "sample", "data_files": ["validation=val.jsonl"]})
    args = ["score", "--predictions", "gen.jsonl", "--config", "s.yaml"]
    refused = run_cli(args, tmp_path)
    assert refused.returncode == 2 and "takes no --data-files" in refused.stderr
    result = run_cli([*args, "--dataset-config", "default"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "3 generations scored against config 'default', split 'validation' (3 items)" in result.stdout


def test_evaluate_reads_its_settings_file_and_a_flag_wins(tmp_path: Path) -> None:
    """`evaluate --config s.yaml --mode loglik`: the file's model is checked, its generate mode (which refuses
    --debias) is overridden; --settings, the old name, reads the same file with one deprecation line."""
    write_yaml(tmp_path / "s.yaml", {"mode": "generate", "debias": "pride", "model": "./no-such-model"})
    alone = run_cli(["evaluate", "--config", "s.yaml"], tmp_path)
    assert alone.returncode == 2 and "use them with --mode loglik" in alone.stderr
    result = run_cli(["evaluate", "--config", "s.yaml", "--mode", "loglik"], tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "cosmosqa-ptbr evaluate: error: --model './no-such-model' does not exist: pass a local model folder, a .gguf "
        "file or a Hub id (org/name)"
    )
    old = run_cli(["evaluate", "--settings", "s.yaml", "--mode", "loglik"], tmp_path)
    assert deprecations(old.stderr) == [
        "cosmosqa-ptbr evaluate: deprecated: --settings is now --config, as in lm-eval and TRL: write --config s.yaml"
    ]
    assert old.returncode == 2 and "'./no-such-model' does not exist" in old.stderr


def test_translate_reads_its_settings_file_and_a_flag_wins(tmp_path: Path, english_validation_csv: Path) -> None:
    """`translate --config s.yaml --limit 2` talks to the file's server and model, and translates 2 items, not 5."""
    from fake_openai import FakeOpenAI

    fake = FakeOpenAI(hang_seconds=5.0).start()
    try:
        write_yaml(tmp_path / "s.yaml", {"base_url": fake.base_url, "model": "m", "limit": 5, "concurrency": 2})
        args = ["translate", "--input", str(english_validation_csv), "--output", "out.jsonl", "--quiet"]
        result = run_cli([*args, "--config", "s.yaml", "--limit", "2"], tmp_path, OPENAI_API_KEY="dummy")
    finally:
        fake.stop()
    assert result.returncode == 0, result.stdout + result.stderr
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    assert result.stdout.startswith("2 input items")


def test_space_and_metric_read_their_settings_files_and_flags_win(tmp_path: Path) -> None:
    """space build/push and metric build/push take the file's keys; a flag given beside it replaces the file's."""
    write_yaml(tmp_path / "space.yaml", {"output_dir": "yaml-space", "base_model": "org/from-yaml", "adapter": "none"})
    built = run_cli(["space", "build", "--config", "space.yaml", "--output-dir", "flag-space"], tmp_path)
    assert built.returncode == 0, built.stderr
    settings = json.loads((tmp_path / "flag-space" / "settings.json").read_text(encoding="utf-8"))
    assert settings == {"base_model": "org/from-yaml", "adapter": None, "task": "cosmos_qa_ptbr"}
    assert not (tmp_path / "yaml-space").exists()

    write_yaml(tmp_path / "metric.yaml", {"output_dir": "yaml-metric", "name": "my_metric"})
    built = run_cli(["metric", "build", "--config", "metric.yaml", "--output-dir", "flag-metric"], tmp_path)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "flag-metric" / "my_metric.py").is_file() and not (tmp_path / "yaml-metric").exists()

    # The file's repo id is invalid and the flag's replaces it; the file's hardware is then refused, before any upload.
    write_yaml(tmp_path / "push.yaml", {"repo_id": "bad", "hardware": "warp-drive"})
    pushed = run_cli(["space", "push", "--config", "push.yaml", "--repo-id", "me/space"], tmp_path)
    assert pushed.returncode == 2 and "--hardware 'warp-drive' is not a Space hardware" in pushed.stderr
    (tmp_path / "a-file").write_text("mine\n")
    write_yaml(tmp_path / "push.yaml", {"repo_id": "me/bad name", "output_dir": "a-file"})
    pushed = run_cli(["metric", "push", "--config", "push.yaml", "--repo-id", "me/letter_accuracy"], tmp_path)
    assert pushed.returncode == 2 and "--output-dir a-file is a file, not a folder" in pushed.stderr
    assert (tmp_path / "a-file").read_text() == "mine\n"


# --- --dataset-config, and --config sample for one release ----------------------------------------------------


def test_config_sample_still_sets_the_dataset_config_with_one_deprecation_line(tmp_path: Path) -> None:
    """`data info --config sample` (no such file) reads the sample and says once to write --dataset-config."""
    result = run_cli(["data", "info", "--config", "sample"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "config 'sample'" in result.stdout and "400 rows" in result.stdout
    assert result.stderr.strip() == OLD_CONFIG_LINE


def test_a_file_named_like_a_dataset_config_is_a_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--config names a settings file first: a file called `sample` is read, with no deprecation line."""
    monkeypatch.chdir(tmp_path)
    write_yaml(tmp_path / "sample", {"task": "cosmos_qa_en", "dataset_config": "sample"})
    assert cli_main(["data", "info", "--config", "sample"]) == 0
    captured = capsys.readouterr()
    assert "(task 'cosmos_qa_en')" in captured.out and DEPRECATED not in captured.err


def test_a_missing_settings_file_names_the_dataset_config_flag(tmp_path: Path, capsys: Any) -> None:
    """`score --config smaple` fails in one line that says what --config reads and where the dataset config went."""
    (tmp_path / "gen.jsonl").write_text('{"id": "x", "generation": "A"}\n')
    assert cli_main(["score", "--predictions", str(tmp_path / "gen.jsonl"), "--config", "smaple"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "settings file 'smaple' does not exist" in err
    assert "--dataset-config sample|default" in err


def test_an_old_config_key_in_a_settings_file_is_read_with_one_line(tmp_path: Path, capsys: Any) -> None:
    """A settings file's `config: sample` is read as dataset_config with a deprecation line; both keys are refused."""
    from cosmosqa_ptbr.cli.options import SettingsError
    from cosmosqa_ptbr.data.source import DataSource

    old = write_yaml(tmp_path / "old.yaml", {"config": "sample", "limit": 0})
    assert cli_main(["evaluate", "--config", str(old)]) == 2
    err = capsys.readouterr().err
    assert deprecations(err) == [
        f"cosmosqa-ptbr evaluate: deprecated: setting 'config' in settings file '{old}' is now 'dataset_config': "
        "rename the key"
    ]
    assert "limit must be >= 1" in err  # the rest of the file was read
    import argparse

    from cosmosqa_ptbr.cli.options import add_config_option, add_settings, settings_from_args

    parser = argparse.ArgumentParser()
    add_settings(parser, DataSource)
    add_config_option(parser)
    both = write_yaml(tmp_path / "both.yaml", {"config": "sample", "dataset_config": "default"})
    with pytest.raises(SettingsError, match="sets both 'config' and 'dataset_config'"):
        settings_from_args(DataSource, parser.parse_args(["--config", str(both)]), command="data")


def test_the_python_api_takes_config_for_one_release_with_a_deprecation_warning() -> None:
    """DataSource/EvaluationSettings(config=...) and evaluate_model(config=...) set dataset_config and warn."""
    import dataclasses

    from cosmosqa_ptbr import EvaluationSettings, evaluate_model
    from cosmosqa_ptbr.cli.options import SettingsError
    from cosmosqa_ptbr.data.source import DataSource

    with pytest.warns(DeprecationWarning, match="dataset_config"):
        assert DataSource(config="sample").dataset_config == "sample"
    with pytest.warns(DeprecationWarning, match="dataset_config"):
        settings = EvaluationSettings(config="default", limit=3)
    assert settings.dataset_config == "default" and settings.resolved_config == "default"
    assert "config" not in dataclasses.asdict(settings) and dataclasses.asdict(settings)["dataset_config"] == "default"
    with pytest.raises(SettingsError, match="old name of dataset_config"), warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        DataSource(config="sample", dataset_config="default")
    # The keyword reaches the data source: 'sample' with a folder is refused before any model loads.
    with pytest.warns(DeprecationWarning, match="evaluate_model"), pytest.raises(SettingsError, match="--data-dir"):
        evaluate_model(config="sample", data_dir=".")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert DataSource(dataset_config="sample").resolved_config == "sample"


def test_a_run_folder_of_the_previous_release_resumes(tmp_path: Path) -> None:
    """An evaluate run.json that recorded `config` matches the same run's `dataset_config` on --resume."""
    from cosmosqa_ptbr.evaluation.runner import EvaluationSettings, _prepare_run, _run_key

    settings = EvaluationSettings(dataset_config="sample", limit=2)
    key = _run_key(settings, ["a", "b"])
    recorded = dict(key["settings"])
    recorded["config"] = recorded.pop("dataset_config")
    manifest = {"written_by": "cosmosqa-ptbr evaluate", "run": {**key, "settings": recorded}}
    (tmp_path / "run.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert _prepare_run(tmp_path, key, ["a", "b"], holds_run=True) == {}
    other = _run_key(EvaluationSettings(dataset_config="default", limit=2), ["a", "b"])
    from cosmosqa_ptbr.cli.options import SettingsError

    with pytest.raises(SettingsError, match="dataset_config='sample' then, 'default' now"):
        _prepare_run(tmp_path, other, ["a", "b"], holds_run=True)


# --- train: TRL's names, the previous release's names, use_peft ----------------------------------------------

TRL_RECIPE = {
    # trl.ModelConfig
    "model_name_or_path": "embedded:SmolLM2-135M-Instruct",
    "model_revision": "main",
    "dtype": "bfloat16",
    "attn_implementation": "sdpa",
    "use_peft": True,
    "lora_r": 8,
    "lora_alpha": 32,
    "lora_dropout": 0.1,
    "lora_target_modules": "all-linear",
    "load_in_4bit": True,
    "bnb_4bit_quant_type": "nf4",
    "use_bnb_nested_quant": True,
    # TRL's ScriptArguments
    "dataset_name": "heloisy/cosmos_qa_ptbr",
    "dataset_config": "default",
    "dataset_train_split": "train",
    "dataset_test_split": "validation",
    # trl.SFTConfig
    "output_dir": "runs/trl",
    "max_steps": 10,
    "learning_rate": 2.0e-4,
    "lr_scheduler_type": "cosine",
}


def test_a_recipe_in_trls_names_passes_train_check_and_a_flag_wins(tmp_path: Path) -> None:
    """`train --config trl.yaml --check --lora_r 4`: every TRL key lands on trl.ModelConfig, no deprecation line."""
    write_yaml(tmp_path / "trl.yaml", TRL_RECIPE)
    result = run_cli(["train", "--config", "trl.yaml", "--check", "--lora_r", "4"], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert DEPRECATED not in result.stderr
    shown = json.loads(result.stdout)
    model, script = shown["model"], shown["script"]
    for key in ("dtype", "attn_implementation", "lora_alpha", "lora_dropout", "lora_target_modules", "load_in_4bit"):
        assert model[key] == TRL_RECIPE[key], key
    assert model["lora_r"] == 4 and model["use_bnb_nested_quant"] is True and model["bnb_4bit_quant_type"] == "nf4"
    assert (script["dataset_name"], script["dataset_train_split"], script["dataset_test_split"]) == (
        "heloisy/cosmos_qa_ptbr",
        "train",
        "validation",
    )
    assert shown["hyperparameters"]["quantization"] == "4bit"


OLD_RECIPE = {
    "dataset_repo": "heloisy/cosmos_qa_ptbr",
    "dataset_config": "default",
    "train_split": "train",
    "eval_split": "validation",
    "model_dtype": "float32",
    "quantization": "4bit",
    "output_dir": "runs/old",
}


def test_a_recipe_in_the_previous_releases_names_passes_with_one_line_per_key(tmp_path: Path) -> None:
    """dataset_repo, train_split, eval_split, model_dtype and quantization: 4bit still work, one line each."""
    write_yaml(tmp_path / "old.yaml", OLD_RECIPE)
    result = run_cli(["train", "--config", "old.yaml", "--check"], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    where = "in recipe 'old.yaml'"
    assert deprecations(result.stderr) == [
        f"cosmosqa-ptbr train: deprecated: setting 'dataset_repo' {where} is now 'dataset_name' (TRL's name): "
        "rename the key",
        f"cosmosqa-ptbr train: deprecated: setting 'train_split' {where} is now 'dataset_train_split' (TRL's name): "
        "rename the key",
        f"cosmosqa-ptbr train: deprecated: setting 'eval_split' {where} is now 'dataset_test_split' (TRL's name): "
        "rename the key",
        f"cosmosqa-ptbr train: deprecated: setting 'model_dtype' {where} is now 'dtype' (TRL's name): rename the key",
        f"cosmosqa-ptbr train: deprecated: setting 'quantization: 4bit' {where} is now load_in_4bit: true, "
        "use_bnb_nested_quant: true (TRL's names): write those keys instead",
    ]
    shown = json.loads(result.stdout)
    assert shown["script"]["dataset_name"] == "heloisy/cosmos_qa_ptbr"
    assert (shown["script"]["dataset_train_split"], shown["script"]["dataset_test_split"]) == ("train", "validation")
    model = shown["model"]
    assert (model["dtype"], model["load_in_4bit"], model["use_bnb_nested_quant"], model["load_in_8bit"]) == (
        "float32",
        True,
        True,
        False,
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ({"torch_dtype": "bfloat16"}, {"dtype": "bfloat16"}),
        ({"quantization": "8bit"}, {"load_in_8bit": True, "load_in_4bit": False}),
        ({"quantization": "none"}, {"load_in_8bit": False, "load_in_4bit": False}),
        ({"train_split": "validation", "dataset_config": "sample", "eval_split": None}, {}),
    ],
)
def test_old_names_given_as_overrides_say_so_once(
    old: dict[str, Any], new: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    """An old name passed as an override (or to train()) is one deprecation line per key and reaches TRL's field."""
    import dataclasses

    from cosmosqa_ptbr.training.command import load_settings

    settings = load_settings("smollm2-135m/lora-cpu", **old)
    lines = deprecations(capsys.readouterr().err)
    renamed = [key for key in old if key != "dataset_config"]
    assert len(lines) == len(renamed) and all(f"'{key}" in line for key, line in zip(renamed, lines, strict=True))
    fields = {**dataclasses.asdict(settings.model), **dataclasses.asdict(settings.script)}
    for key, value in new.items():
        assert fields[key] == value, key


def test_an_old_and_a_new_name_in_one_recipe_are_refused(tmp_path: Path) -> None:
    """`train_split` beside `dataset_train_split` in one recipe is one error naming both; the new name wins a flag."""
    from cosmosqa_ptbr.training.command import load_settings
    from cosmosqa_ptbr.training.settings import RecipeError

    recipe = write_yaml(tmp_path / "r.yaml", {"output_dir": "o", "train_split": "a", "dataset_train_split": "b"})
    with pytest.raises(RecipeError, match="sets both 'train_split' and 'dataset_train_split'"):
        load_settings(recipe)
    recipe = write_yaml(tmp_path / "r.yaml", {"output_dir": "o", "train_split": "a"})
    assert load_settings(recipe, dataset_train_split="b").script.dataset_train_split == "b"


def test_shipped_recipes_pass_train_check_in_trls_names(
    tiny_model_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each shipped recipe passes `train --check` (its model swapped for the tiny Llama) with no deprecation."""
    from cosmosqa_ptbr.training.settings import shipped_recipes

    names = [name for name in shipped_recipes() if not name.startswith("accelerate/")]
    assert len(names) == 4
    for name in names:
        argv = ["train", "--config", name, "--check", "--model_name_or_path", str(tiny_model_dir)]
        assert cli_main(argv) == 0, name
        captured = capsys.readouterr()
        assert DEPRECATED not in captured.err, (name, captured.err)
        text = (shipped_recipes()[name]).read_text(encoding="utf-8")
        for old in ("train_split:", "eval_split:", "quantization:", "model_dtype:", "dataset_repo:"):
            assert f"\n{old}" not in text, (name, old)


def test_use_peft_false_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """`train --use_peft false` is refused in one line: only LoRA adapters are trained."""
    assert cli_main(["train", "--config", "smollm2-135m/lora-cpu", "--check", "--use_peft", "false"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("cosmosqa-ptbr train: error: use_peft: false in the command-line overrides")
    assert "LoRA adapters only" in err


def test_lora_targets_may_be_all_linear_or_peft_defaults(tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """all-linear and null (peft's targets for the architecture) pass the check; null on an unknown one does not."""
    from peft import utils as peft_utils

    from cosmosqa_ptbr.training.command import load_settings
    from cosmosqa_ptbr.training.settings import RecipeError, check_before_loading

    for targets in ("all-linear", None, ["q_proj"]):
        settings = load_settings("smollm2-135m/lora-cpu", model_name_or_path=str(tiny_model_dir), **{
            "lora_target_modules": targets
        })  # fmt: skip
        check_before_loading(settings)
        assert settings.model.lora_target_modules == targets
    mapping = dict(peft_utils.TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING)
    del mapping["llama"]
    monkeypatch.setattr(peft_utils, "TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING", mapping)
    settings = load_settings("smollm2-135m/lora-cpu", model_name_or_path=str(tiny_model_dir), lora_target_modules=None)
    with pytest.raises(RecipeError, match="peft has no default targets for model_type 'llama'"):
        check_before_loading(settings)


def test_help_model_lists_model_config_with_the_defaults_used_here(tmp_path: Path) -> None:
    """`train --help-model` lists trl.ModelConfig's fields and says where this package's default differs."""
    result = run_cli(["train", "--help-model"], tmp_path)
    assert result.returncode == 0, result.stderr
    lines = {line.split(" ")[0]: line for line in result.stdout.splitlines() if line.startswith("--")}
    assert {"--load_in_4bit", "--use_bnb_nested_quant", "--bnb_4bit_quant_type", "--use_rslora"} <= set(lines)
    assert "default here: True" in lines["--use_peft"] and "TRL's: False" in lines["--use_peft"]
    assert "default here: 16" in lines["--lora_alpha"] and "default here: 'auto'" in lines["--dtype"]
    help_text = run_cli(["train", "--help"], tmp_path).stdout
    assert "--help-model" in help_text and "--load_in_4bit" in help_text  # named in the epilog, not declared
