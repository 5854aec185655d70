"""Every documented command's main path, run as a user types it: a subprocess, the shipped recipe or config.

Each test runs ``python -m cosmosqa_ptbr.cli <command> ...`` in a fresh temporary folder (offline; the
translation against a loopback server) and checks the exit status, that nothing printed a traceback, and the
files the command promises. The ones that load the embedded model are marked slow.
"""

from __future__ import annotations

import getpass
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def run_cli(
    args: Sequence[str], cwd: Path, *, env: dict[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """Run ``cosmosqa-ptbr ARGS`` in ``cwd`` as a user would (offline), and return what it printed."""
    environment = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", **(env or {})}
    # The tests import the checkout's package; the subprocess must run that same copy.
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), environment.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "cosmosqa_ptbr.cli", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def assert_clean(result: subprocess.CompletedProcess[str], code: int = 0) -> None:
    """The command exited with ``code`` and printed no traceback."""
    shown = f"exit {result.returncode}\nstdout:\n{result.stdout[-3000:]}\nstderr:\n{result.stderr[-3000:]}"
    assert result.returncode == code, shown
    assert "Traceback" not in result.stdout + result.stderr, shown


# --------------------------------------------------------------------------------------------- data, cards, hub


# --------------------------------------------------------------------------------------------- translate


# --------------------------------------------------------------------------------------------- evaluate, score,
# compare, leaderboard


# --------------------------------------------------------------------------------------------- train

#: What a file that leaves the machine (results, card, predictions, adapter config) must never hold: an absolute
#: POSIX path (not the // of a URL), the home folder or the user's name as a path component.
ABSOLUTE_PATH = re.compile(r"(?<![\w:/.~-])/(?:[\w.@+-]+/)+[\w.@+-]*")


def local_traces(text: str, *folders: Path) -> list[str]:
    """The absolute paths, the home folder, the user's name as a path part and ``folders`` that ``text`` holds."""
    found = [match.group(0) for match in ABSOLUTE_PATH.finditer(text)]
    found += [name for name in (str(Path.home()), *map(str, folders)) if name in text]
    user = re.search(rf"[/\\]{re.escape(getpass.getuser())}(?![\w.-])", text)
    return found + ([user.group(0)] if user else [])


def test_train_list_recipes_and_recipe_path_print_the_shipped_files(tmp_path: Path) -> None:
    """`train --list-recipes` lists every shipped recipe with its file; `--recipe-path` prints one that exists."""
    listed = run_cli(["train", "--list-recipes"], tmp_path)
    assert_clean(listed)
    for name in ("smollm2-135m/lora-cpu", "zephyr-7b-beta/qlora-reference", "accelerate/ddp"):
        assert name in listed.stdout
    found = run_cli(["train", "--recipe-path", "smollm2-135m/lora-cpu"], tmp_path)
    assert_clean(found)
    path = Path(found.stdout.strip())
    assert path.is_file() and path.name == "lora-cpu.yaml" and "model_name_or_path" in path.read_text("utf-8")


def test_train_check_prints_the_settings_and_writes_nothing(tmp_path: Path) -> None:
    """`train --config smollm2-135m/lora-cpu --check` prints the merged settings, checked, and creates no folder."""
    result = run_cli(["train", "--config", "smollm2-135m/lora-cpu", "--output-dir", "out", "--check",
                      "--max_steps", "3", "--baseline-eval", "false"], tmp_path)  # fmt: skip
    assert_clean(result)
    shown = json.loads(result.stdout[result.stdout.index("{") :])
    assert shown["recipe"] == "smollm2-135m/lora-cpu" and shown["output_dir"] == "out"
    assert shown["hyperparameters"]["max_steps"] == 3 and shown["script"]["baseline_eval"] is False
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_train_with_the_cpu_recipe_writes_the_adapter_card_and_results(tmp_path: Path) -> None:
    """The README's training command, cut to two steps, trains, evaluates, keeps the best checkpoint and writes all."""
    out = tmp_path / "run"
    # Two steps of one row, each evaluated and saved, so the best checkpoint is chosen among two; few items scored.
    args = ["train", "--config", "smollm2-135m/lora-cpu", "--output-dir", str(out), "--max_steps", "2",
            "--per_device_train_batch_size", "1", "--eval_steps", "1", "--save_steps", "1",
            "--eval_limit", "2", "--final_eval_limit", "4"]  # fmt: skip
    started = time.perf_counter()
    result = run_cli(args, tmp_path)
    print(f"train --config smollm2-135m/lora-cpu, 2 steps: {time.perf_counter() - started:.1f} s")
    assert_clean(result)
    assert "with the adapter: accuracy" in result.stdout and "base model, same items" in result.stdout
    for name in ("adapter_config.json", "adapter_model.safetensors", "tokenizer.json", "tokenizer_config.json",
                 "results.json", "README.md", "predictions.jsonl", "recipe.yaml"):  # fmt: skip
        assert (out / name).is_file(), f"{name} is missing: {sorted(p.name for p in out.iterdir())}"
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    training = results["training"]
    assert training["recipe"] == "smollm2-135m/lora-cpu" and training["global_step"] == 2
    assert training["hyperparameters"]["max_steps"] == 2
    assert training["hyperparameters"]["per_device_train_batch_size"] == 1
    assert training["settings"]["eval_limit"] == 2 and training["settings"]["final_eval_limit"] == 4
    assert results["n"] == 4 and results["baseline"]["n"] == 4 and results["adapter"] == "run"
    assert [entry["eval_n"] for entry in training["log_history"] if "eval_n" in entry] == [2, 2]
    assert (out / training["best_checkpoint"]).is_dir() and training["best_checkpoint"].startswith("checkpoint-")
    assert len((out / "predictions.jsonl").read_text(encoding="utf-8").splitlines()) == 4
    card = (out / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\n") and "base_model: HuggingFaceTB/SmolLM2-135M-Instruct" in card
    adapter = json.loads((out / "adapter_config.json").read_text(encoding="utf-8"))
    assert adapter["base_model_name_or_path"] == "HuggingFaceTB/SmolLM2-135M-Instruct"
    for name in ("results.json", "README.md", "predictions.jsonl", "adapter_config.json"):
        assert local_traces((out / name).read_text(encoding="utf-8"), tmp_path, REPO) == [], name
