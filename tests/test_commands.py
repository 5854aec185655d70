"""Every documented command's main path, run as a user types it: a subprocess, the shipped recipe or config.

Each test runs ``python -m cosmosqa_ptbr.cli <command> ...`` in a fresh temporary folder (offline; the
translation against a loopback server) and checks the exit status, that nothing printed a traceback, and the
files the command promises. The ones that load the embedded model are marked slow.
"""

from __future__ import annotations

import csv
import getpass
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from cosmosqa_ptbr.cli.folders import MANIFEST
from cosmosqa_ptbr.evaluation.leaderboard import MARKER
from cosmosqa_ptbr.evaluation.models import EMBEDDED_MODEL, embedded_model_path
from cosmosqa_ptbr.schema import COLUMNS, LABEL, LETTERS

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


def _manifest(folder: Path) -> dict[str, Any]:
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


def test_data_info_prints_rows_and_label_counts(tmp_path: Path) -> None:
    """`data info` prints the embedded sample's 400 validation rows and their gold letters."""
    result = run_cli(["data", "info"], tmp_path)
    assert_clean(result)
    assert "validation: 400 rows; labels A " in result.stdout


def _rows(path: Path, fmt: str) -> list[dict[str, Any]]:
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_data_export_writes_the_split_in_each_format_and_owns_its_folder(tmp_path: Path, fmt: str) -> None:
    """`data export --format F --output-dir D` writes D/validation.F (400 rows, letters as labels), lists it in D's
    manifest, and the same command runs again over its own folder."""
    args = ["data", "export", "--format", fmt, "--output-dir", "D"]
    result = run_cli(args, tmp_path)
    assert_clean(result)
    path = tmp_path / "D" / f"validation.{fmt}"
    assert result.stdout.split() == [str(Path("D") / f"validation.{fmt}")]
    rows = _rows(path, fmt)
    assert len(rows) == 400 and set(COLUMNS) <= set(rows[0]) and {row[LABEL] for row in rows} == set(LETTERS)
    assert _manifest(tmp_path / "D") == {"command": "data export", "files": [f"validation.{fmt}"]}
    assert_clean(run_cli(args, tmp_path))
    assert sorted(p.name for p in (tmp_path / "D").iterdir()) == sorted([MANIFEST, f"validation.{fmt}"])


def test_cards_writes_both_cards_into_new_folders_and_rewrites_its_own(tmp_path: Path) -> None:
    """`cards --dataset-card-dir --model-card-dir` writes each README.md as rendered, and runs again over them."""
    from cosmosqa_ptbr.hub.cards import reference_model_card, render_dataset_card

    args = ["cards", "--dataset-card-dir", "d", "--model-card-dir", "m"]
    for _ in range(2):
        result = run_cli(args, tmp_path)
        assert_clean(result)
        assert result.stdout.split() == [str(Path("d") / "README.md"), str(Path("m") / "README.md")]
    assert (tmp_path / "d" / "README.md").read_text(encoding="utf-8") == render_dataset_card()
    assert (tmp_path / "m" / "README.md").read_text(encoding="utf-8") == reference_model_card()
    assert _manifest(tmp_path / "d") == _manifest(tmp_path / "m") == {"command": "cards", "files": ["README.md"]}


_BUILD_THE_APP = """
import importlib.util, sys
import gradio
spec = importlib.util.spec_from_file_location("app", "app.py")
app = importlib.util.module_from_spec(spec)
sys.modules["app"] = app
spec.loader.exec_module(app)
demo = app.build_demo(None, app.SpaceSettings(base_model=sys.argv[1]))
import cosmosqa_ptbr
print(type(demo).__name__, isinstance(demo, gradio.Blocks), cosmosqa_ptbr.__file__)
"""


def test_space_build_writes_a_space_whose_app_builds_its_page_from_the_bundled_package(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    """`space build --output-dir S` writes the app, card, requirements, settings and the package; S/app.py, run
    from S with no PYTHONPATH, imports the package copy in S and builds its page around a model (not served)."""
    result = run_cli(["space", "build", "--output-dir", "S"], tmp_path)
    assert_clean(result)
    space = tmp_path / "S"
    listed = _manifest(space)["files"]
    assert {"README.md", "app.py", "requirements.txt", "settings.json", "cosmosqa_ptbr/__init__.py"} <= set(listed)
    assert sorted(p.relative_to(space).as_posix() for p in space.rglob("*") if p.is_file()) == sorted(
        [*listed, MANIFEST]
    )
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    environment.update(HF_HUB_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False")
    built = subprocess.run(
        [sys.executable, "-c", _BUILD_THE_APP, str(tiny_model_dir)],
        cwd=space,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    kind, is_blocks, package = built.stdout.split()[-3:]
    assert (kind, is_blocks) == ("Blocks", "True")
    assert Path(package).resolve() == (space / "cosmosqa_ptbr" / "__init__.py").resolve()


_LOAD_THE_METRIC = """
import sys
import evaluate
metric = evaluate.load(sys.argv[1])
print(metric.compute(predictions=["Alternativa B", "C", "Talvez A ou D"], references=["B", "C", "D"])["accuracy"])
"""


def test_metric_build_writes_a_folder_evaluate_loads_and_computes_with(tmp_path: Path) -> None:
    """`metric build --output-dir M/letter_accuracy`, then evaluate.load(that folder) in a fresh process scores
    letters (2 of 3 readable and right)."""
    result = run_cli(["metric", "build", "--output-dir", "M/letter_accuracy"], tmp_path)
    assert_clean(result)
    folder = tmp_path / "M" / "letter_accuracy"
    assert {"letter_accuracy.py", "README.md", "app.py", "requirements.txt"} <= set(_manifest(folder)["files"])
    environment = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_MODULES_CACHE": str(tmp_path / "modules")}
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), environment.get("PYTHONPATH")]))
    loaded = subprocess.run(
        [sys.executable, "-c", _LOAD_THE_METRIC, str(folder)],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert loaded.returncode == 0, loaded.stderr[-3000:]
    assert float(loaded.stdout.split()[-1]) == pytest.approx(2 / 3)


def test_lm_eval_tasks_prints_the_folder_holding_the_task_files(tmp_path: Path) -> None:
    """`lm-eval-tasks` prints one folder holding each task's YAML file and the utils.py they call."""
    from cosmosqa_ptbr.lm_eval_tasks import TASK_NAMES

    result = run_cli(["lm-eval-tasks"], tmp_path)
    assert_clean(result)
    (line,) = result.stdout.splitlines()
    folder = Path(line)
    assert folder.is_absolute() and (folder / "utils.py").is_file()
    for name in TASK_NAMES:
        # The harness's own tag (!function utils.x) is not plain YAML: read the task line alone.
        lines = (folder / f"{name}.yaml").read_text(encoding="utf-8").splitlines()
        assert f"task: {name}" in lines


# --------------------------------------------------------------------------------------------- translate


def test_translate_against_a_loopback_server_writes_the_rows_rejects_and_manifest(tmp_path: Path) -> None:
    """``cosmosqa-ptbr translate`` on the English originals: rows equal the reference, a manifest, a rerun skips."""
    import csv
    import json

    from fake_openai import ENGLISH_CSV, REFERENCE_JSONL, FakeOpenAI

    reference = [json.loads(line) for line in REFERENCE_JSONL.read_text(encoding="utf-8").splitlines()[:8]]
    with ENGLISH_CSV.open(encoding="utf-8", newline="") as handle:
        english = [row for row in csv.DictReader(handle)][:8]
    with (tmp_path / "validation.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(english[0]))
        writer.writeheader()
        writer.writerows(english)
    args = ["translate", "--input", "validation.csv", "--output", "pt/validation.jsonl", "--model", "gpt-4o-mini",
            "--concurrency", "4"]  # fmt: skip
    with FakeOpenAI(latency=0.01).start() as fake:
        env = {"OPENAI_API_KEY": "sk-test"}
        result = run_cli([*args, "--base-url", fake.base_url], tmp_path, env=env)
        rerun = run_cli([*args, "--base-url", fake.base_url, "--quiet"], tmp_path, env=env)
    assert_clean(result)
    assert "8 translated, 0 rejected" in result.stdout and "estimated cost $" in result.stdout
    out = tmp_path / "pt"
    rows = [json.loads(line) for line in (out / "validation.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(rows, key=lambda row: row["id"]) == sorted(reference, key=lambda row: row["id"])
    assert (out / "validation.rejects.jsonl").read_bytes() == b""
    manifest = json.loads((out / "validation.manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"] == {"source": 8, "output": 8, "rejects": 0, "remaining": 0}
    assert manifest["finished_at"] and manifest["response_format"] == "json_schema" and "sk-test" not in str(manifest)
    assert_clean(rerun)
    assert "8 already done, 0 translated" in rerun.stdout


# --------------------------------------------------------------------------------------------- evaluate, score,
# compare, leaderboard

#: Few items and short generations: each evaluate subprocess loads the embedded model (about 20 s) once.
EVAL_ITEMS = 6
EVAL_FILES = ("predictions.jsonl", "results.json", "report.md", "accuracy.png", "confusion_matrix.png")
PNG = b"\x89PNG\r\n\x1a\n"


def _evaluated(folder: Path, mode: str) -> Path:
    """Run ``evaluate`` on the embedded model (no --model) in ``mode`` over a few items; return its run folder."""
    args = ["evaluate", "--mode", mode, "--limit", str(EVAL_ITEMS), "--output-dir", "run", "--no-progress"]
    if mode == "generate":
        args += ["--max-new-tokens", "8"]
    result = run_cli(args, folder)
    assert_clean(result)
    assert "report: run/report.md" in result.stdout
    return folder / "run"


@pytest.fixture(scope="module")
def loglik_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``cosmosqa-ptbr evaluate --limit 6`` as typed: the embedded model, log-likelihood mode."""
    return _evaluated(tmp_path_factory.mktemp("loglik"), "loglik")


@pytest.fixture(scope="module")
def generate_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``cosmosqa-ptbr evaluate --mode generate --limit 6 --max-new-tokens 8`` as typed."""
    return _evaluated(tmp_path_factory.mktemp("generate"), "generate")


def _check_run_files(run: Path, mode: str) -> list[dict[str, Any]]:
    for name in (*EVAL_FILES, "selection_bias.png"):
        assert (run / name).is_file(), f"{name} is missing"
    for name in ("accuracy.png", "confusion_matrix.png", "selection_bias.png"):
        assert (run / name).read_bytes()[:8] == PNG, f"{name} is not a PNG"
    rows = [json.loads(line) for line in (run / "predictions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len({row["id"] for row in rows}) == len(rows) == EVAL_ITEMS
    results = json.loads((run / "results.json").read_text(encoding="utf-8"))
    assert (results["model"], results["mode"], results["n"]) == (EMBEDDED_MODEL, mode, EVAL_ITEMS)
    assert results["accuracy"] == sum(row["predicted"] == row["gold"] for row in rows) / EVAL_ITEMS
    assert "# " in (run / "report.md").read_text(encoding="utf-8")
    return rows


@pytest.mark.slow
def test_evaluate_loglik_on_the_embedded_model_writes_every_promised_file(loglik_run: Path) -> None:
    """With no --model, evaluate scores the embedded model's letter probabilities and writes its files."""
    rows = _check_run_files(loglik_run, "loglik")
    for row in rows:
        assert sum(row["probabilities"].values()) == pytest.approx(1.0, abs=1e-4)


@pytest.mark.slow
def test_evaluate_generate_on_the_embedded_model_writes_every_promised_file(generate_run: Path) -> None:
    """In generate mode evaluate keeps each raw generation beside the letter read from it."""
    rows = _check_run_files(generate_run, "generate")
    assert all(isinstance(row["generation"], str) and row["rule"] for row in rows)


@pytest.mark.slow
def test_score_reads_the_generations_evaluate_wrote(generate_run: Path, tmp_path: Path) -> None:
    """`score` on evaluate's predictions.jsonl finds the accuracy evaluate reported, and writes --output."""
    predictions = generate_run / "predictions.jsonl"
    result = run_cli(["score", "--predictions", str(predictions), "--output", "scores.json"], tmp_path)
    assert_clean(result)
    assert "strict accuracy" in result.stdout and f"covers {EVAL_ITEMS} of the 400 items" in result.stderr
    scores = json.loads((tmp_path / "scores.json").read_text(encoding="utf-8"))
    results = json.loads((generate_run / "results.json").read_text(encoding="utf-8"))
    assert scores["n"] == EVAL_ITEMS and scores["accuracy"] == pytest.approx(results["accuracy"])
    assert scores["invalid_rate"] == pytest.approx(results["invalid_rate"])


@pytest.mark.slow
def test_compare_two_runs_as_typed(loglik_run: Path, generate_run: Path, tmp_path: Path) -> None:
    """`compare A/results.json B/results.json` prints the table of the two runs on their shared items."""
    result = run_cli(["compare", str(loglik_run / "results.json"), str(generate_run / "results.json")], tmp_path)
    assert_clean(result)
    assert f"| shared items | {EVAL_ITEMS} |" in result.stdout and "McNemar exact p" in result.stdout
    assert "(loglik)" in result.stdout and "(generate)" in result.stdout


@pytest.mark.slow
def test_leaderboard_of_two_runs_as_typed(loglik_run: Path, generate_run: Path, tmp_path: Path) -> None:
    """`leaderboard A B --output-dir L` writes leaderboard.md (both runs, one item set) and leaderboard.png."""
    result = run_cli(["leaderboard", str(loglik_run), str(generate_run), "--output-dir", "board"], tmp_path)
    assert_clean(result)
    table = (tmp_path / "board" / "leaderboard.md").read_text(encoding="utf-8")
    assert table.startswith(MARKER) and "All runs scored the same items." in table
    assert table.count(f"| {EMBEDDED_MODEL} |") == 2
    assert (tmp_path / "board" / "leaderboard.png").read_bytes()[:8] == PNG


@pytest.mark.slow
def test_evaluate_loads_a_gguf_file_given_as_model(loglik_run: Path, tmp_path: Path) -> None:
    """`--model path/to/x.gguf` loads the file through transformers and scores as the embedded model it holds."""
    gguf = embedded_model_path()
    result = run_cli(["evaluate", "--model", str(gguf), "--limit", str(EVAL_ITEMS), "--output-dir", "run"], tmp_path)
    assert_clean(result)
    results = json.loads((tmp_path / "run" / "results.json").read_text(encoding="utf-8"))
    assert results["model"] == str(gguf)
    lines = (tmp_path / "run" / "predictions.jsonl").read_text(encoding="utf-8").splitlines()
    read = {row["id"]: row for row in map(json.loads, lines)}
    for line in (loglik_run / "predictions.jsonl").read_text(encoding="utf-8").splitlines():
        embedded = json.loads(line)
        assert read[embedded["id"]]["predicted"] == embedded["predicted"]
        assert read[embedded["id"]]["probabilities"] == pytest.approx(embedded["probabilities"], abs=1e-5)


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
