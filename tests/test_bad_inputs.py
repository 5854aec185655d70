"""Ordinary user mistakes, run through the real CLI: one line naming the file, a non-zero exit, no lost bytes.

Each case builds its inputs in a temporary folder, runs ``python -m cosmosqa_ptbr.cli ...`` in a subprocess
(offline, translation against a loopback server or a port nothing listens on) and checks the exit status,
that stderr holds no traceback, that the message names the offending file or field, and that the user's files
are byte for byte as they were. No model is loaded.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FakeOpenAI

from cosmosqa_ptbr.data.builder import SAMPLE_FILE
from cosmosqa_ptbr.schema import COLUMNS, ENGLISH_COLUMNS

REPO = Path(__file__).resolve().parents[1]
ENGLISH_ROWS = 5
# Fast retries: a failing server is given up on in well under a second.
FAST = ("--quiet", "--max-retries", "1", "--backoff-base", "0.01", "--backoff-max", "0.02", "--timeout", "2")


def _sample_rows(n: int = ENGLISH_ROWS) -> list[dict[str, Any]]:
    lines = SAMPLE_FILE.read_text(encoding="utf-8").splitlines()[:n]
    return [json.loads(line) for line in lines]


def _csv_text(rows: list[dict[str, Any]], columns: list[str] | tuple[str, ...]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row[column] for column in columns})
    return buffer.getvalue()


def _jsonl_bytes(rows: list[dict[str, Any]]) -> bytes:
    return b"".join(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n" for row in rows)


@pytest.fixture(scope="module")
def english_rows(english_validation_csv: Path) -> list[dict[str, str]]:
    """The English originals of the first sample items (the fake server knows their translations)."""
    ids = [row["id"] for row in _sample_rows()]
    with english_validation_csv.open(encoding="utf-8", newline="") as handle:
        by_id = {row["id"]: row for row in csv.DictReader(handle)}
    return [by_id[item_id] for item_id in ids]


def _write_inputs(folder: Path, english_rows: list[dict[str, str]]) -> None:
    """Every input a case may name, good and bad, written into ``folder``."""
    rows = _sample_rows()
    english = _csv_text(english_rows, ENGLISH_COLUMNS)
    files: dict[str, bytes] = {
        "good.csv": _csv_text(rows, COLUMNS).encode("utf-8"),
        "latin1.csv": _csv_text(rows, COLUMNS).encode("latin-1", errors="replace"),
        "header_only.csv": (",".join(COLUMNS) + "\n").encode("utf-8"),
        "bom.jsonl": b"\xef\xbb\xbf" + _jsonl_bytes(rows),
        "english.csv": english.encode("utf-8"),
        "english_latin1.csv": english.replace("e", "\u00e9", 1).encode("latin-1"),
        "english_header_only.csv": english.splitlines(keepends=True)[0].encode("utf-8"),
        "notes.txt": b"shopping list\nmilk\nlast line, no newline",
        "results.json": b'{"my": "own results"}\n',
        "user.manifest.json": b"my manifest\n",
        "folder.csv/inside.csv": b"",
    }
    stray = bytearray(_jsonl_bytes(rows))
    third_line = stray.index(b"\n", stray.index(b"\n") + 1) + 1
    stray[third_line + 40] = 0xFF
    files["stray_ff.jsonl"] = bytes(stray)
    long_rows = [dict(row) for row in rows]
    long_rows[1]["contexto"] = "palavra " * 25_000  # 200 KB: over csv's 128 KiB default field limit
    files["long_field.csv"] = _csv_text(long_rows, COLUMNS).encode("utf-8")
    predictions = [{"id": row["id"], "generation": row["Label"]} for row in rows]
    files["predictions.jsonl"] = _jsonl_bytes(predictions)
    files["predictions_bom.jsonl"] = b"\xef\xbb\xbf" + _jsonl_bytes(predictions)
    files["predictions_latin1.jsonl"] = _jsonl_bytes(predictions).replace(b'"A"', b'"\xe9"', 1)
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def failing_server() -> Iterator[FakeOpenAI]:
    """A loopback OpenAI-compatible server that answers every chat request with HTTP 500."""
    ids = [row["id"] for row in _sample_rows()]
    fake = FakeOpenAI(faults={item_id: ["500"] * 1000 for item_id in ids}).start()
    yield fake
    fake.stop()


@dataclass(frozen=True)
class Case:
    """One mistake: the command (``{dead}``/``{failing}`` are server URLs), what must come out, what must stay."""

    name: str
    args: tuple[str, ...]
    status: int
    names: tuple[str, ...] = ()  # what stderr must mention: the file, the field, the cause
    unchanged: tuple[str, ...] = ()  # the user's files, byte for byte
    absent: tuple[str, ...] = ()  # files the command must not create
    stdout: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


CASES = [
    # data: encodings, sizes, empty splits, folders
    Case("latin1-csv", ("data", "info", "--data-files", "validation=latin1.csv"), 2,
         ("latin1.csv", "line 2", "not UTF-8", "save the file as UTF-8")),
    Case("stray-0xff-jsonl", ("data", "info", "--data-files", "validation=stray_ff.jsonl"), 2,
         ("stray_ff.jsonl", "line 3", "0xff")),
    Case("csv-field-over-128kb", ("data", "info", "--data-files", "validation=long_field.csv"), 0,
         stdout=("validation: 5 rows",)),
    Case("utf8-bom-jsonl", ("data", "info", "--data-files", "validation=bom.jsonl"), 0,
         stdout=("validation: 5 rows",)),
    Case("header-only-csv", ("data", "info", "--data-files", "validation=header_only.csv"), 2,
         ("header_only.csv", "'validation'", "no rows")),
    Case("folder-as-data-file", ("data", "info", "--data-files", "validation=folder.csv"), 2,
         ("folder.csv", "is a folder")),
    Case("missing-data-file", ("data", "info", "--data-files", "validation=nope.csv"), 2,
         ("nope.csv", "does not exist")),
    Case("file-as-data-dir", ("data", "info", "--data-dir", "good.csv"), 2, ("good.csv", "not a folder")),
    Case("export-into-a-file", ("data", "export", "--output-dir", "notes.txt", "--format", "csv"), 2,
         ("notes.txt", "not a folder"), unchanged=("notes.txt",)),
    Case("split-not-in-files", ("data", "info", "--data-files", "validation=good.csv", "--split", "test"), 2,
         ("'test'", "splits: validation")),
    # translate: outputs that are not its own, inputs it cannot read, servers that fail
    Case("translate-output-is-notes", ("translate", "--input", "english.csv", "--output", "notes.txt",
         "--base-url", "{failing}", *FAST), 2, ("notes.txt", "not the output of a translate run"),
         unchanged=("notes.txt",), absent=("notes.txt.rejects.jsonl", "notes.txt.manifest.json")),
    Case("translate-output-is-a-csv", ("translate", "--input", "english.csv", "--output", "good.csv",
         "--base-url", "{failing}", *FAST), 2, ("good.csv", "not the output of a translate run"),
         unchanged=("good.csv",)),
    Case("translate-output-is-the-input", ("translate", "--input", "english.csv", "--output", "english.csv",
         "--base-url", "{failing}", *FAST), 2, ("english.csv", "not the output"), unchanged=("english.csv",)),
    Case("translate-foreign-manifest", ("translate", "--input", "english.csv", "--output", "user.jsonl",
         "--base-url", "{failing}", *FAST), 2, ("user.manifest.json", "not a translate manifest"),
         unchanged=("user.manifest.json",), absent=("user.jsonl",)),
    Case("translate-output-is-a-folder", ("translate", "--input", "english.csv", "--output", "folder.csv",
         "--base-url", "{failing}", *FAST), 2, ("folder.csv", "folder")),
    Case("translate-input-latin1", ("translate", "--input", "english_latin1.csv", "--output", "out.jsonl",
         "--base-url", "{failing}", *FAST), 2, ("english_latin1.csv", "line 1", "not UTF-8"),
         absent=("out.jsonl",)),
    Case("translate-input-folder", ("translate", "--input", "folder.csv", "--output", "out.jsonl",
         "--base-url", "{failing}", *FAST), 2, ("folder.csv", "is a folder")),
    Case("translate-input-header-only", ("translate", "--input", "english_header_only.csv", "--output",
         "out.jsonl", "--base-url", "{failing}", *FAST), 2, ("english_header_only.csv", "no items")),
    Case("translate-server-down", ("translate", "--input", "english.csv", "--output", "out.jsonl",
         "--base-url", "{dead}", *FAST), 2, ("cannot connect", "5 items stay pending"),
         absent=("out.jsonl", "out.rejects.jsonl", "out.manifest.json")),
    Case("translate-server-500s", ("translate", "--input", "english.csv", "--output", "out.jsonl",
         "--base-url", "{failing}", *FAST), 1, ("failed in transport", "HTTP 500", "stay pending"),
         extra={"rejects_empty": "out.rejects.jsonl"}),
    # score: predictions it cannot read, an output it did not write
    Case("score-predictions-latin1", ("score", "--predictions", "predictions_latin1.jsonl"), 2,
         ("predictions_latin1.jsonl", "line 2", "not UTF-8")),
    Case("score-predictions-bom", ("score", "--predictions", "predictions_bom.jsonl"), 0,
         ("covers 5 of the 400 items",), stdout=("coverage",)),
    Case("score-predictions-folder", ("score", "--predictions", "folder.csv"), 2, ("folder.csv", "is a folder")),
    Case("score-predictions-missing", ("score", "--predictions", "nope.jsonl"), 2, ("nope.jsonl", "does not exist")),
    Case("score-output-not-its-own", ("score", "--predictions", "predictions.jsonl", "--output", "results.json"), 2,
         ("results.json", "not a score results file"), unchanged=("results.json",)),
    Case("score-show-invalid-negative", ("score", "--predictions", "predictions.jsonl", "--show-invalid", "-1"), 2,
         ("--show-invalid",)),
    # compare: a run folder without predictions
    Case("compare-missing-run", ("compare", "nope_a", "nope_b"), 2, ("nope_a", "predictions.jsonl")),
    # cards: a card folder under a file
    Case("cards-dir-under-a-file", ("cards", "--dataset-card-dir", "notes.txt/card", "--model-card-dir", "m"), 2,
         ("notes.txt", "--dataset-card-dir"), unchanged=("notes.txt",)),
]  # fmt: skip


def _env(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    env.update(HF_DATASETS_CACHE=str(tmp_path / "cache"), OPENAI_API_KEY="sk-test", COSMOSQA_DEBUG="0")
    return env


def run_cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``cosmosqa-ptbr`` with ``args`` in ``cwd`` as a new process, offline."""
    command = [sys.executable, "-m", "cosmosqa_ptbr.cli", *args]
    return subprocess.run(command, cwd=cwd, env=_env(cwd), capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_user_mistake_gets_one_line_and_loses_nothing(
    case: Case, tmp_path: Path, english_rows: list[dict[str, str]], failing_server: FakeOpenAI
) -> None:
    """The mistake exits with the case's status and a one-line message naming the file; user files stay intact."""
    _write_inputs(tmp_path, english_rows)
    before = {name: (tmp_path / name).read_bytes() for name in case.unchanged}
    urls = {"dead": f"http://127.0.0.1:{_free_port()}/v1", "failing": failing_server.base_url}
    args = [arg.format(**urls) for arg in case.args]
    result = run_cli(args, tmp_path)
    shown = f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == case.status, shown
    assert "Traceback" not in result.stderr, shown
    for text in case.names:
        assert text in result.stderr, shown
    if case.status == 2:
        errors = [line for line in result.stderr.splitlines() if line.startswith("cosmosqa-ptbr ")]
        assert len(errors) == 1 and ": error: " in errors[0], shown
    for text in case.stdout:
        assert text in result.stdout, shown
    for name, data in before.items():
        assert (tmp_path / name).read_bytes() == data, f"{name} was modified"
    for name in case.absent:
        assert not (tmp_path / name).exists(), f"{name} was created"
    if "rejects_empty" in case.extra:
        rejects = tmp_path / case.extra["rejects_empty"]
        assert not rejects.exists() or rejects.read_bytes() == b"", "a transport failure was written as a reject"


def test_ctrl_c_mid_translation_exits_130_without_a_traceback(
    tmp_path: Path, english_rows: list[dict[str, str]]
) -> None:
    """SIGINT while requests hang stops the run with status 130, one line, no traceback; a rerun finishes it."""
    _write_inputs(tmp_path, english_rows)
    ids = [row["id"] for row in english_rows]
    with FakeOpenAI(faults={item_id: ["hang"] for item_id in ids}, hang_seconds=30.0).start() as fake:
        args = ["translate", "--input", "english.csv", "--output", "out.jsonl", "--base-url", fake.base_url]
        command = [sys.executable, "-m", "cosmosqa_ptbr.cli", *args, "--quiet", "--timeout", "20"]
        process = subprocess.Popen(command, cwd=tmp_path, env=_env(tmp_path), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(fake.log) < len(ids):
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
        assert process.returncode == 130, stderr
        assert "Traceback" not in stderr and "interrupted" in stderr
        rerun = run_cli([*args, "--quiet"], tmp_path)
        assert rerun.returncode == 0, rerun.stderr
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == len(ids)


def test_transport_failures_stay_pending_and_a_rerun_translates_them(
    tmp_path: Path, english_rows: list[dict[str, str]]
) -> None:
    """Items that met only 500s are not rejects: the rerun, with the server healthy, translates every one."""
    _write_inputs(tmp_path, english_rows)
    ids = [row["id"] for row in english_rows]
    with FakeOpenAI(faults={item_id: ["500", "500"] for item_id in ids}).start() as fake:
        args = ["translate", "--input", "english.csv", "--output", "out.jsonl", "--base-url", fake.base_url, *FAST]
        first = run_cli(args, tmp_path)
        assert first.returncode == 1 and "failed in transport" in first.stderr, first.stderr
        assert (tmp_path / "out.rejects.jsonl").read_bytes() == b""
        second = run_cli(args, tmp_path)
    assert second.returncode == 0, second.stderr
    assert "0 rejected" in second.stdout
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(row["id"] for row in rows) == sorted(ids)


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_refused_output_leaves_every_file_in_the_folder_as_it_was(
    tmp_path: Path, english_rows: list[dict[str, str]], failing_server: FakeOpenAI
) -> None:
    """A refused --output adds nothing but the lock file and changes no byte of any other file."""
    _write_inputs(tmp_path, english_rows)
    before = _tree(tmp_path)
    args = ["translate", "--input", "english.csv", "--output", "notes.txt", "--base-url", failing_server.base_url]
    assert run_cli([*args, *FAST], tmp_path).returncode == 2
    after = _tree(tmp_path)
    added = set(after) - set(before)
    assert added <= {"notes.txt.lock"} and all(after[name] == data for name, data in before.items())


# --------------------------------------------------------------------------------------------- train

#: The README's training command; each case changes one thing.
CPU_RECIPE = ("train", "--config", "smollm2-135m/lora-cpu", "--output-dir", "out")
INSTALL_TRAIN = "pip install 'cosmosqa-ptbr[train]'"

TRAIN_CASES = [
    Case("train-boolean-spelled-as-in-a-recipe", (*CPU_RECIPE, "--check", "--baseline_eval", "false"), 0,
         stdout=('"baseline_eval": false',), absent=("out",)),
    Case("train-boolean-neither-true-nor-false", (*CPU_RECIPE, "--check", "--baseline-eval", "maybe"), 2,
         ("baseline_eval", "true or false", "'maybe'")),
    Case("train-check-missing-data-file", (*CPU_RECIPE, "--check", "--dataset_config", "default",
         "--dataset_data_files", "train=nope.csv"), 2, ("nope.csv", "dataset_data_files", "does not exist")),
    Case("train-check-lora-target-the-model-lacks", (*CPU_RECIPE, "--check", "--lora_target_modules", "q_proj",
         "qkv_proj"), 2, ("lora_target_modules", "qkv_proj", "SmolLM2", "q_proj, k_proj, v_proj")),
    Case("train-check-hub-id-offline", (*CPU_RECIPE, "--check", "--model_name_or_path", "nobody/no-such-model"), 2,
         ("model_name_or_path", "'nobody/no-such-model'", "offline")),
    # A model folder with its config but no weights: the wrong target is found without reading any weights.
    Case("train-lora-target-found-before-the-weights", (*CPU_RECIPE, "--model_name_or_path", "weightless",
         "--lora_target_modules", "qkv_proj"), 2, ("lora_target_modules", "qkv_proj", "'weightless'", "q_proj"),
         absent=("out",), extra={"weightless": "weightless"}),
    Case("train-without-trl", CPU_RECIPE, 2, ("trl is not installed", INSTALL_TRAIN), absent=("out",),
         extra={"without": "trl"}),
    Case("train-check-without-peft", (*CPU_RECIPE, "--check"), 2, ("peft is not installed", INSTALL_TRAIN),
         extra={"without": "peft"}),
    Case("train-help-sft-without-trl", ("train", "--help-sft"), 2, ("trl is not installed", INSTALL_TRAIN),
         extra={"without": "trl"}),
]  # fmt: skip


def _not_installed(folder: Path, module: str) -> Path:
    """A folder that, first on PYTHONPATH, makes ``import <module>`` fail as it does when the package is absent."""
    package = folder / module
    package.mkdir(parents=True)
    error = f"ModuleNotFoundError(\"No module named '{module}'\", name={module!r})"
    (package / "__init__.py").write_text(f"raise {error}\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("case", TRAIN_CASES, ids=[case.name for case in TRAIN_CASES])
def test_train_mistake_gets_one_line_before_any_model_loads(case: Case, tmp_path: Path, tiny_model_dir: Path) -> None:
    """A wrong train setting, data file, model or a missing extra exits 2 in one line, and nothing is written."""
    env = _env(tmp_path)
    if "without" in case.extra:
        blocked = _not_installed(tmp_path / "blocked", case.extra["without"])
        env["PYTHONPATH"] = os.pathsep.join([str(blocked), env["PYTHONPATH"]])
    if "weightless" in case.extra:
        (tmp_path / case.extra["weightless"]).mkdir()
        config = (tiny_model_dir / "config.json").read_bytes()
        (tmp_path / case.extra["weightless"] / "config.json").write_bytes(config)
    command = [sys.executable, "-m", "cosmosqa_ptbr.cli", *case.args]
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    shown = f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == case.status, shown
    assert "Traceback" not in result.stderr, shown
    for text in case.names:
        assert text in result.stderr, shown
    if case.status == 2:
        errors = [line for line in result.stderr.splitlines() if line.startswith("cosmosqa-ptbr ")]
        assert len(errors) == 1 and ": error: " in errors[0] and "usage:" not in result.stderr, shown
    for text in case.stdout:
        assert text in result.stdout, shown
    for name in case.absent:
        assert not (tmp_path / name).exists(), f"{name} was created"


#: A recipe with no path in it: the model and the output folder come from the command line, as absolute paths.
TINY_RECIPE = """\
dataset_config: sample
train_split: validation
eval_split: null
train_size: 390
eval_limit: 4
final_eval_limit: 4
baseline_eval: true
quantization: none
max_steps: 2
per_device_train_batch_size: 2
learning_rate: 1.0e-3
max_length: 4096
activation_checkpointing: false
optim: adamw_torch
use_cpu: true
logging_steps: 1
eval_strategy: steps
eval_steps: 1
save_strategy: steps
save_steps: 1
load_best_model_at_end: true
metric_for_best_model: accuracy
per_device_eval_batch_size: 4
report_to: none
"""


@pytest.fixture(scope="module")
def tiny_cli_run(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """`train --config tiny.yaml --model_name_or_path ABS --output-dir ABS --baseline_eval false`, run once."""
    folder = tmp_path_factory.mktemp("train-cli")
    (folder / "tiny.yaml").write_text(TINY_RECIPE, encoding="utf-8")
    args = ["train", "--config", "tiny.yaml", "--model_name_or_path", str(tiny_model_dir),
            "--output-dir", str(folder / "run"), "--baseline_eval", "false"]  # fmt: skip
    command = [sys.executable, "-m", "cosmosqa_ptbr.cli", *args]
    result = subprocess.run(command, cwd=folder, env=_env(folder), capture_output=True, text=True, timeout=600)
    return folder / "run", result


def test_train_from_the_command_line_passes_none_of_its_own_options_to_trl(tiny_cli_run: tuple[Path, Any]) -> None:
    """The CLI's own --debug (False) no longer reaches trl's list-valued `debug`; `--baseline_eval false` is taken."""
    out, result = tiny_cli_run
    shown = f"exit {result.returncode}\nstdout:\n{result.stdout[-3000:]}\nstderr:\n{result.stderr[-3000:]}"
    assert result.returncode == 0 and "Traceback" not in result.stderr, shown
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["baseline"] is None and results["training"]["settings"]["baseline_eval"] is False
    assert results["training"]["global_step"] == 2 and "base model, same items" not in result.stdout


def test_a_training_run_records_no_local_path(tiny_cli_run: tuple[Path, Any], tiny_model_dir: Path) -> None:
    """results.json, the card, predictions and adapter config name the model and run folder, not their paths."""
    from test_commands import local_traces

    out, result = tiny_cli_run
    assert result.returncode == 0, result.stderr[-3000:]
    for name in ("results.json", "README.md", "predictions.jsonl", "adapter_config.json"):
        text = (out / name).read_text(encoding="utf-8")
        assert local_traces(text, out.parent, tiny_model_dir) == [], name
    training = json.loads((out / "results.json").read_text(encoding="utf-8"))["training"]
    assert training["base_model"] == tiny_model_dir.name and training["best_checkpoint"].startswith("checkpoint-")
