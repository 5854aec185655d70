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
import re
import signal
import socket
import struct
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fake_openai import JUNK, FakeOpenAI

from cosmosqa_ptbr.data.builder import SAMPLE_FILE
from cosmosqa_ptbr.schema import COLUMNS, ENGLISH_COLUMNS

REPO = Path(__file__).resolve().parents[1]
ENGLISH_ROWS = 5
# Fast retries: a failing server is given up on in well under a second.
FAST = ("--quiet", "--max-retries", "1", "--backoff-base", "0.01", "--backoff-max", "0.02", "--timeout", "2")
# A tiny evaluation: no case that names it should get as far as loading a model.
EVAL = ("--limit", "2", "--output-dir", "run", "--no-progress")


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
    files.update(_model_and_run_inputs(rows))
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (folder / "empty_model").mkdir()


#: The config of a small Llama, as save_pretrained writes it (the weights are what the cases leave out).
LLAMA_CONFIG = {
    "architectures": ["LlamaForCausalLM"],
    "model_type": "llama",
    "vocab_size": 600,
    "hidden_size": 64,
    "intermediate_size": 128,
    "num_hidden_layers": 2,
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
}


def _safetensors(tensor_bytes: int, present: int) -> bytes:
    """A safetensors file whose header announces one float32 tensor of ``tensor_bytes`` and holds ``present``."""
    header = json.dumps({"w": {"dtype": "F32", "shape": [tensor_bytes // 4], "data_offsets": [0, tensor_bytes]}})
    return struct.pack("<Q", len(header)) + header.encode("utf-8") + b"\0" * present


def _model_and_run_inputs(rows: list[dict[str, Any]]) -> dict[str, bytes]:
    """Model folders, adapters and evaluation runs that evaluate, compare and leaderboard cannot use as they are."""
    config = json.dumps(LLAMA_CONFIG).encode("utf-8")
    adapter_config = {"peft_type": "LORA", "base_model_name_or_path": "embedded:SmolLM2-135M-Instruct", "r": 8}
    predictions = [{"id": row["id"], "gold": row["Label"], "predicted": "A"} for row in rows]
    accuracy = sum(row["Label"] == "A" for row in rows) / len(rows)
    results = {"model": "m", "mode": "loglik", "accuracy": accuracy, "accuracy_interval": [0.0, 1.0]}
    files = {
        "config_only/config.json": config,
        "config_only/tokenizer_config.json": b"{}\n",
        "cut_weights/config.json": config,
        "cut_weights/tokenizer_config.json": b"{}\n",
        "cut_weights/model.safetensors": _safetensors(4096, 100),
        "fake.gguf": b"not a model, whatever the name says\n",
        "adapter_no_weights/adapter_config.json": json.dumps(adapter_config).encode("utf-8"),
        "run_a/results.json": json.dumps({**results, "items_hash": "0123456789abcdef"}).encode("utf-8"),
        "run_cut/results.json": json.dumps(results).encode("utf-8")[:30],
        "run_list/results.json": b"[0.6, 0.7]\n",
        "run_interval/results.json": json.dumps({**results, "accuracy_interval": "40%-60%"}).encode("utf-8"),
        "run_hash_list/results.json": json.dumps({**results, "items_hash": ["q1", "q2"]}).encode("utf-8"),
        "run_latin1/results.json": json.dumps(results).encode("utf-8"),
    }
    for run in ("run_a", "run_cut", "run_list", "run_interval", "run_hash_list", "run_latin1"):
        files[f"{run}/predictions.jsonl"] = _jsonl_bytes(predictions)
    files["run_latin1/predictions.jsonl"] = files["run_latin1/predictions.jsonl"].replace(b'"A"', b'"\xc0"', 1)
    return files


def _unwritable_folder(tmp_path: Path) -> Path | None:
    """A folder in which nothing can be created: a read-only one, or (as root, whom modes do not stop) /sys."""
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        folder = tmp_path / "read_only"
        folder.mkdir(exist_ok=True)
        folder.chmod(0o555)
        return folder
    candidate = Path("/sys")
    try:
        (candidate / "cosmosqa-write-check").touch()
    except OSError:
        return candidate if candidate.is_dir() else None
    (candidate / "cosmosqa-write-check").unlink()
    return None


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
    # (nothing is left behind, not the lock file nor the folders made for the output)
    Case("translate-server-down", ("translate", "--input", "english.csv", "--output", "runs/first/out.jsonl",
         "--base-url", "{dead}", *FAST), 2, ("cannot connect", "5 items stay pending"), absent=("runs",)),
    Case("translate-server-down-beside", ("translate", "--input", "english.csv", "--output", "out.jsonl",
         "--base-url", "{dead}", *FAST), 2, ("cannot connect",),
         absent=("out.jsonl", "out.rejects.jsonl", "out.manifest.json", "out.jsonl.lock")),
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
    # evaluate: models and adapters that cannot be loaded, told before anything loads
    Case("evaluate-model-without-weights", ("evaluate", "--model", "config_only", *EVAL), 2,
         ("--model 'config_only'", "no weights"), absent=("run",)),
    Case("evaluate-model-empty-folder", ("evaluate", "--model", "empty_model", *EVAL), 2,
         ("--model 'empty_model'", "empty folder"), absent=("run",)),
    Case("evaluate-model-text-file", ("evaluate", "--model", "notes.txt", *EVAL), 2,
         ("--model 'notes.txt'", "not a model"), unchanged=("notes.txt",), absent=("run",)),
    Case("evaluate-model-not-really-gguf", ("evaluate", "--model", "fake.gguf", *EVAL), 2,
         ("--model 'fake.gguf'", "not a GGUF file"), absent=("run",)),
    Case("evaluate-model-cut-short-weights", ("evaluate", "--model", "cut_weights", *EVAL), 2,
         ("--model 'cut_weights'", "model.safetensors", "not a complete safetensors file"), absent=("run",)),
    Case("evaluate-model-unknown-hub-id-offline", ("evaluate", "--model", "nobody-here/no-such-model", *EVAL), 2,
         ("'nobody-here/no-such-model'", "not in the Hugging Face cache", "HF_HUB_OFFLINE"), absent=("run",)),
    Case("evaluate-adapter-given-as-model", ("evaluate", "--model", "adapter_no_weights", *EVAL), 2,
         ("--model 'adapter_no_weights'", "is a PEFT adapter", "--adapter"), absent=("run",)),
    Case("evaluate-adapter-without-weights", ("evaluate", "--adapter", "adapter_no_weights", *EVAL), 2,
         ("--adapter 'adapter_no_weights'", "no adapter weights"), absent=("run",)),
    # compare and leaderboard: runs whose results.json cannot be read, outputs that cannot be written
    Case("compare-results-cut-short", ("compare", "run_cut/results.json", "run_a/results.json"), 2,
         ("run_cut/results.json", "cut short")),
    Case("compare-results-not-an-object", ("compare", "run_a", "run_list"), 2,
         ("run_list/results.json", "an array, not a JSON object")),
    Case("leaderboard-interval-of-another-shape", ("leaderboard", "run_a", "run_interval", "--output-dir", "board"), 2,
         ("run_interval/results.json", "accuracy_interval"), absent=("board/leaderboard.md", "board/leaderboard.png")),
    Case("leaderboard-items-hash-of-another-shape", ("leaderboard", "run_a", "run_hash_list", "--output-dir", "b"), 2,
         ("run_hash_list/results.json", "items_hash"), absent=("b/leaderboard.md", "b/leaderboard.png")),
    Case("leaderboard-predictions-latin1", ("leaderboard", "run_a", "run_latin1", "--output-dir", "board"), 2,
         ("run_latin1/predictions.jsonl", "line 1", "not UTF-8"), absent=("board/leaderboard.md",)),
    Case("leaderboard-output-under-a-file", ("leaderboard", "run_a", "--output-dir", "notes.txt/board"), 2,
         ("notes.txt", "--output-dir", "is a file"), unchanged=("notes.txt",)),
    Case("leaderboard-output-unwritable", ("leaderboard", "run_a", "--output-dir", "{unwritable}/board"), 2,
         ("board", "--output-dir", "cannot be written")),
    Case("score-output-under-a-file", ("score", "--predictions", "predictions.jsonl", "--output",
         "notes.txt/scores.json"), 2, ("notes.txt", "--output", "is a file"), unchanged=("notes.txt",)),
    Case("score-output-unwritable", ("score", "--predictions", "predictions.jsonl", "--output",
         "{unwritable}/scores.json"), 2, ("scores.json", "--output", "cannot be written")),
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
    unwritable = _unwritable_folder(tmp_path)
    if unwritable is None and any("{unwritable}" in arg for arg in case.args):
        pytest.skip("no folder here refuses new files")
    urls = {"dead": f"http://127.0.0.1:{_free_port()}/v1", "failing": failing_server.base_url}
    args = [arg.format(**urls, unwritable=unwritable) for arg in case.args]
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
    with FakeOpenAI(faults={item_id: ["hang"] for item_id in ids}, hang_seconds=120.0).start() as fake:
        args = ["translate", "--input", "english.csv", "--output", "out.jsonl", "--base-url", fake.base_url]
        command = [sys.executable, "-m", "cosmosqa_ptbr.cli", *args, "--quiet", "--timeout", "100"]
        process = subprocess.Popen(command, cwd=tmp_path, env=_env(tmp_path), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(fake.log) < len(ids):
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        try:
            # (a bound well past a busy machine's seconds, and short of the requests' timeout: only Ctrl-C ends it)
            _, stderr = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGINT)  # a second Ctrl-C stops it at once; what it printed shows where
            _, stderr = process.communicate(timeout=30)
            pytest.fail(f"translate did not stop within 60 s of Ctrl-C; it printed:\n{stderr}")
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
    """A refused --output adds no file, not even its lock file, and changes no byte of any other file."""
    _write_inputs(tmp_path, english_rows)
    before = _tree(tmp_path)
    args = ["translate", "--input", "english.csv", "--output", "notes.txt", "--base-url", failing_server.base_url]
    assert run_cli([*args, *FAST], tmp_path).returncode == 2
    after = _tree(tmp_path)
    added = set(after) - set(before)
    assert not added and all(after[name] == data for name, data in before.items())


def _extra_holding(package: str) -> str:
    """The first extra of setup.cfg that installs ``package``."""
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    parser.read(REPO / "setup.cfg", encoding="utf-8")
    for extra, requirements in parser["options.extras_require"].items():
        if any(line.strip().startswith(package) for line in requirements.splitlines()):
            return extra
    raise AssertionError(f"no extra in setup.cfg installs {package}")


def test_adapter_without_peft_names_the_extra_before_loading(tmp_path: Path) -> None:
    """With peft not importable, --adapter gets one line naming the extra to install, before any model loads."""
    blocked = tmp_path / "blocked" / "peft"
    blocked.mkdir(parents=True)
    # What Python raises for a package that is not installed, from a folder that shadows the real one.
    (blocked / "__init__.py").write_text("raise ImportError(\"No module named 'peft'\", name='peft')\n")
    adapter = tmp_path / "adapter"
    adapter.mkdir()
    (adapter / "adapter_config.json").write_text(json.dumps({"peft_type": "LORA", "r": 8}), encoding="utf-8")
    (adapter / "adapter_model.safetensors").write_bytes(_safetensors(16, 16))
    env = {**_env(tmp_path), "PYTHONPATH": os.pathsep.join([str(tmp_path / "blocked"), str(REPO)])}
    command = [sys.executable, "-m", "cosmosqa_ptbr.cli", "evaluate", "--adapter", "adapter", *EVAL]
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    shown = f"exit {result.returncode}\nstderr:\n{result.stderr}"
    assert result.returncode == 2 and "Traceback" not in result.stderr, shown
    assert result.stderr.count("\n") == 1 and "--adapter needs the peft package" in result.stderr, shown
    assert f"pip install 'cosmosqa-ptbr[{_extra_holding('peft')}]'" in result.stderr, shown
    assert not (tmp_path / "run").exists()


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.is_file() else 0


#: Items of the interrupted evaluation: several chunks of 32, so that a signal after the first finds it running.
ITEMS = 64


def test_sigterm_mid_evaluation_says_what_was_kept_and_resume_finishes(tmp_path: Path, tiny_model_dir: Path) -> None:
    """SIGTERM after the first predictions exits 143 saying what was kept; --resume then scores each id once."""
    args = ["evaluate", "--model", str(tiny_model_dir), "--limit", str(ITEMS), "--batch-size", "4"]
    args += ["--no-option-score", "--no-progress", "--output-dir", "run"]
    command = [sys.executable, "-m", "cosmosqa_ptbr.cli", *args]
    process = subprocess.Popen(command, cwd=tmp_path, env=_env(tmp_path), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)  # fmt: skip
    predictions = tmp_path / "run" / "predictions.jsonl"
    deadline = time.monotonic() + 300
    while _lines(predictions) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    kept = _lines(predictions)
    assert 0 < kept < ITEMS, f"the run was not stopped midway ({kept} predictions)\n{stderr}"
    assert process.returncode == 143, stderr
    assert "Traceback" not in stderr, stderr
    assert "terminated (SIGTERM)" in stderr and f"the {kept} predictions so far are kept" in stderr, stderr
    assert "add --resume to continue" in stderr, stderr
    assert not (tmp_path / "run" / "results.json").exists()

    resumed = run_cli([*args, "--resume"], tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    ids = [json.loads(line)["id"] for line in predictions.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids)) == ITEMS
    results = json.loads((tmp_path / "run" / "results.json").read_text(encoding="utf-8"))
    assert results["n"] == ITEMS and results["resumed"] == kept


# --------------------------------------------------------------------------------------------- output folders
# Every command that writes a folder follows one rule (cosmosqa_ptbr.cli.folders): new, empty or its own (its
# manifest), never through a link, checked before any work, locked while a run writes.


def _entries(folder: Path) -> dict[str, bytes | str]:
    """Every file (its bytes), link (its target) and folder under ``folder``."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = "-> " + os.readlink(path)
        elif path.is_dir():
            found[name + "/"] = "folder"
        else:
            found[name] = path.read_bytes()
    return found


TINY_RECIPE = """\
model_name_or_path: {tiny}
dataset_config: sample
dataset_train_split: validation
dataset_test_split: null
train_size: 380
max_steps: 1
use_cpu: true
report_to: none
output_dir: elsewhere
"""


@dataclass(frozen=True)
class FolderCase:
    """A command pointed at a folder it must not write: planted files (text; ``-> target`` is a link, ``None`` a
    folder), the command (``{tiny}``: a tiny model), what its one error line must name."""

    name: str
    args: tuple[str, ...]
    planted: dict[str, str | None]
    names: tuple[str, ...]


EVALUATE = ("evaluate", "--model", "{tiny}", "--limit", "2", "--no-progress")
TRAIN = ("train", "--config", "recipe.yaml")
FOLDER_CASES = [
    FolderCase("evaluate-over-a-users-report", (*EVALUATE, "--output-dir", "out"),
               {"out/report.md": "# my report\n", "out/accuracy.png": "my plot"},
               ("--output-dir out", "did not write", "accuracy.png", "report.md")),
    FolderCase("evaluate-resume-an-empty-folder", (*EVALUATE, "--output-dir", "out", "--resume"), {"out": None},
               ("'out'", "holds no run to resume", "drop --resume")),
    FolderCase("evaluate-resume-a-missing-folder", (*EVALUATE, "--output-dir", "nope", "--resume"), {},
               ("'nope'", "holds no run to resume")),
    FolderCase("train-over-a-users-readme-and-results", (*TRAIN, "--output-dir", "out"),
               {"out/README.md": "# my model\n", "out/results.json": "{}\n"},
               ("--output-dir out", "`train` did not write", "README.md", "results.json")),
    FolderCase("train-over-an-earlier-adapter", (*TRAIN, "--output-dir", "out"),
               {"out/adapter_config.json": "{}\n", "out/adapter_model.safetensors": "weights"},
               ("adapter_config.json", "adapter_model.safetensors")),
    FolderCase("train-resume-a-folder-train-does-not-own", (*TRAIN, "--output-dir", "out", "--resume"),
               {"out/checkpoint-2/trainer_state.json": "{}\n"}, ("checkpoint-2/trainer_state.json",)),
    FolderCase("cards-over-a-users-readme", ("cards", "--dataset-card-dir", "d", "--model-card-dir", "m"),
               {"d/README.md": "# my dataset\n"}, ("--dataset-card-dir d", "`cards` did not write (README.md)")),
    FolderCase("export-over-a-users-csv", ("data", "export", "--format", "csv", "--output-dir", "out"),
               {"out/validation.csv": "my,own\n"}, ("--output-dir out", "validation.csv")),
    FolderCase("export-through-a-link-out-of-the-folder",
               ("data", "export", "--format", "csv", "--output-dir", "out"),
               {"outside.csv": "my,own\n", "out/validation.csv": "-> ../outside.csv"},
               ("validation.csv -> ../outside.csv",)),
    FolderCase("export-under-a-file", ("data", "export", "--format", "csv", "--output-dir", "notes.txt/out"),
               {"notes.txt": "mine\n"}, ("notes.txt/out cannot be created", "notes.txt is not a folder")),
    FolderCase("export-into-an-unwritable-folder",
               ("data", "export", "--format", "csv", "--output-dir", "/proc/cosmosqa-ptbr-out"), {},
               ("/proc/cosmosqa-ptbr-out cannot be",)),
    FolderCase("space-build-under-a-file", ("space", "build", "--output-dir", "notes.txt/space"),
               {"notes.txt": "mine\n"}, ("notes.txt/space cannot be created",)),
    FolderCase("metric-build-under-a-file", ("metric", "build", "--output-dir", "notes.txt/letter_accuracy"),
               {"notes.txt": "mine\n"}, ("notes.txt/letter_accuracy cannot be created",)),
    FolderCase("cards-into-an-unwritable-folder",
               ("cards", "--dataset-card-dir", "/proc/cosmosqa-ptbr-card", "--model-card-dir", "m"), {},
               ("--dataset-card-dir /proc/cosmosqa-ptbr-card cannot be",)),
]  # fmt: skip


def _plant(folder: Path, planted: dict[str, str | None], tiny: Path) -> None:
    (folder / "recipe.yaml").write_text(TINY_RECIPE.format(tiny=tiny), encoding="utf-8")
    for name, content in planted.items():
        path = folder / name
        if content is None:
            path.mkdir(parents=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if content.startswith("-> "):
            path.symlink_to(content[3:])
        else:
            path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize("case", FOLDER_CASES, ids=[case.name for case in FOLDER_CASES])
def test_a_folder_the_command_does_not_own_is_refused_with_one_line_and_left_as_it_was(
    case: FolderCase, tmp_path: Path, tiny_model_dir: Path
) -> None:
    """The command exits 2 before any work with one line naming the folder and the files in the way; every file,
    link and folder (inside it and out) is as it was, and nothing is created."""
    _plant(tmp_path, case.planted, tiny_model_dir)
    before = _entries(tmp_path)
    result = run_cli([arg.format(tiny=tiny_model_dir) for arg in case.args], tmp_path)
    shown = f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 2 and "Traceback" not in result.stderr, shown
    errors = [line for line in result.stderr.splitlines() if line.startswith("cosmosqa-ptbr ")]
    assert len(errors) == 1 and ": error: " in errors[0], shown
    for text in case.names:
        assert text in errors[0], shown
    assert _entries(tmp_path) == before


_SLOW_LOAD = """
import sys, time
import cosmosqa_ptbr.evaluation.models as models

load = models.load_model


def slow_load(*args, **kwargs):
    time.sleep(float(sys.argv[1]))  # as a large model would: the run holds its folder meanwhile
    return load(*args, **kwargs)


models.load_model = slow_load
from cosmosqa_ptbr.cli import main

sys.exit(main(sys.argv[2:]))
"""


def test_two_evaluate_runs_into_one_folder_the_second_is_refused_at_once(tmp_path: Path, tiny_model_dir: Path) -> None:
    """Two `evaluate` runs started together into one --output-dir: one scores every item once, the other exits 2
    with one line naming the run that holds the folder, while that run is still going."""
    args = ["evaluate", "--model", str(tiny_model_dir), "--limit", "12", "--output-dir", "out", "--no-progress"]
    command = [sys.executable, "-c", _SLOW_LOAD, "6", *args]
    runs = [
        subprocess.Popen(command, cwd=tmp_path, env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
        for _ in range(2)
    ]  # fmt: skip
    deadline = time.monotonic() + 300
    while all(run.poll() is None for run in runs) and time.monotonic() < deadline:
        time.sleep(0.05)
    first = next(run for run in runs if run.poll() is not None)
    other = runs[1 - runs.index(first)]
    still_running = other.poll() is None
    outputs = {run.pid: run.communicate(timeout=300) for run in runs}
    codes = {run.pid: run.returncode for run in runs}
    shown = "\n".join(f"pid {pid}: exit {codes[pid]}\n{out}\n{err}" for pid, (out, err) in outputs.items())
    assert (first.returncode, other.returncode) == (2, 0), shown
    assert still_running, shown
    errors = outputs[first.pid][1].strip().splitlines()
    assert errors == [
        f"cosmosqa-ptbr evaluate: error: out is being written by another `cosmosqa-ptbr evaluate` run "
        f"(pid {other.pid}): wait for it or pick another --output-dir"
    ], shown
    ids = [json.loads(line)["id"] for line in (tmp_path / "out" / "predictions.jsonl").read_text().splitlines()]
    assert len(ids) == len(set(ids)) == 12
    assert json.loads((tmp_path / "out" / "results.json").read_text())["n"] == 12


def test_resume_of_a_complete_run_prints_its_results_and_loads_and_changes_nothing(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    """`evaluate --resume` on a finished run says so, prints the recorded table and exits 0 without loading the
    model (its weights are broken by then) or touching a byte of the folder."""
    import shutil

    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    args = ["evaluate", "--model", str(model), "--limit", "4", "--output-dir", "run", "--no-progress"]
    first = run_cli(args, tmp_path)
    assert first.returncode == 0, first.stderr
    before = _entries(tmp_path / "run")
    recorded = json.loads((tmp_path / "run" / "results.json").read_text())
    (model / "model.safetensors").write_bytes(b"not weights")
    again = run_cli([*args, "--resume"], tmp_path)
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr
    assert "run holds a complete run of 4 items: nothing to score, nothing changed" in again.stderr
    assert f"| time | {recorded['seconds']:.1f} s ({recorded['items_per_second']:.2f} items/s) |" in again.stdout
    assert _entries(tmp_path / "run") == before


def _package_copy_with_strays(root: Path, layout: str) -> Path:
    """A copy of the package with a .env and editor backups planted in it, laid out as a checkout (with its
    setup.cfg) or as an installed wheel (a dist-info whose RECORD lists the package's files); return the folder to
    put on PYTHONPATH."""
    import shutil
    from importlib.metadata import distribution

    from cosmosqa_ptbr.hub.bundle import package_files

    shutil.copytree(REPO / "cosmosqa_ptbr", root / "cosmosqa_ptbr", ignore=shutil.ignore_patterns("__pycache__"))
    if layout == "checkout":
        shutil.copy(REPO / "setup.cfg", root / "setup.cfg")
    else:
        info = root / "cosmosqa_ptbr-0.0.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(distribution("cosmosqa-ptbr").read_text("METADATA") or "", encoding="utf-8")
        (info / "RECORD").write_text("".join(f"cosmosqa_ptbr/{name},,\n" for name in package_files()))
    (root / "cosmosqa_ptbr" / ".env").write_text("HF_TOKEN=hf_not_for_the_hub\n")
    (root / "cosmosqa_ptbr" / "app.py~").write_text("# an editor's backup\n")
    (root / "cosmosqa_ptbr" / "hub" / "space_app" / "app.py~").write_text("# an editor's backup\n")
    return root


@pytest.mark.parametrize("layout", ["checkout", "wheel"])
@pytest.mark.parametrize("command", ["space", "metric"])
def test_a_build_copies_the_packages_own_files_not_what_lies_beside_them(
    tmp_path: Path, command: str, layout: str
) -> None:
    """`space build` / `metric build` from a package holding a stray .env and app.py~ (a checkout, or an installed
    wheel) copy only the package's own files: the strays are neither in the folder nor on its upload list."""
    source = _package_copy_with_strays(tmp_path / "package", layout)
    env = {**_env(tmp_path), "PYTHONPATH": str(source)}
    out = tmp_path / "built" / "letter_accuracy"
    result = subprocess.run([sys.executable, "-m", "cosmosqa_ptbr.cli", command, "build", "--output-dir", str(out)],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr
    built = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    listed = set(json.loads((out / ".cosmosqa-ptbr-manifest.json").read_text())["files"])
    strays = {name for name in built | listed if name.endswith((".env", "~"))}
    assert not strays, f"copied beside the package: {sorted(strays)}"
    assert {"cosmosqa_ptbr/__init__.py", "cosmosqa_ptbr/tasks/builtin/cosmos_qa_ptbr.validation.jsonl"} <= listed


@pytest.mark.parametrize("command", ["space", "metric"])
def test_a_failed_push_of_a_temporary_build_says_it_is_gone_and_how_to_keep_it(tmp_path: Path, command: str) -> None:
    """A push with no --output-dir that cannot upload (offline) says the build was temporary and names
    --output-dir, instead of calling a deleted folder complete."""
    result = run_cli([command, "push", "--repo-id", "ns/letter_accuracy"], tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert (
        "HF_HUB_OFFLINE" in line and "the build was temporary and is deleted (add --output-dir DIR to keep it)" in line
    )
    assert "is complete" not in line


# --------------------------------------------------------------------------------------------- translate: servers


def _translate(url: str, *extra: str) -> list[str]:
    return ["translate", "--input", "english.csv", "--output", "out.jsonl", "--base-url", url, "--model", "m", *extra]


def _output_ids(folder: Path, name: str = "out.jsonl") -> list[str]:
    path = folder / name
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return sorted(json.loads(line)["id"] for line in lines)


def test_an_answer_that_is_not_a_chat_completion_leaves_the_items_pending(
    tmp_path: Path, english_rows: list[dict[str, str]]
) -> None:
    """HTTP 200 with an HTML page, other JSON, ``choices: []`` or a stream: exit 1, no reject, a rerun translates."""
    _write_inputs(tmp_path, english_rows)
    ids = [row["id"] for row in english_rows]
    kinds = [*JUNK, JUNK[0]]  # one kind of nonsense per item, every attempt
    with FakeOpenAI(faults={item_id: [kind, kind] for item_id, kind in zip(ids, kinds, strict=True)}).start() as fake:
        first = run_cli(_translate(fake.base_url, *FAST), tmp_path)
        answered = {entry["id"]: entry["fault"] for entry in fake.log}
        shown = f"exit {first.returncode}\nstdout:\n{first.stdout}\nstderr:\n{first.stderr}"
        assert first.returncode == 1 and "Traceback" not in first.stderr, shown
        assert "5 items failed in transport" in first.stderr and "not a chat completion" in first.stderr, shown
        assert "5 items stay pending" in first.stderr, shown
        assert (tmp_path / "out.rejects.jsonl").read_bytes() == b"", "a server's nonsense was written as a reject"
        second = run_cli(_translate(fake.base_url, *FAST), tmp_path)
    assert answered == dict(zip(ids, kinds, strict=True))
    assert second.returncode == 0 and "0 rejected" in second.stdout, second.stderr
    assert _output_ids(tmp_path) == sorted(ids)


def test_a_torn_line_in_a_batch_result_file_is_named_and_its_item_translated_live(
    tmp_path: Path, english_rows: list[dict[str, str]]
) -> None:
    """A Batch API output line that is not JSON is skipped with its file and line named; its item is sent live."""
    _write_inputs(tmp_path, english_rows)
    with FakeOpenAI(batch_torn_line=True).start() as fake:
        result = run_cli(_translate(fake.base_url, "--batch-api", "--batch-poll-interval", "0.01", *FAST), tmp_path)
        live = [entry["id"] for entry in fake.log if entry["live"]]
        rerun = run_cli(_translate(fake.base_url, "--batch-api", *FAST), tmp_path)
    shown = f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 0 and "Traceback" not in result.stderr, shown
    assert "line 1, is not JSON" in result.stderr and "file-" in result.stderr, shown
    assert _output_ids(tmp_path) == sorted(row["id"] for row in english_rows)
    assert len(live) == 1, f"only the item of the torn line is sent live: {live}"
    assert rerun.returncode == 0 and "5 already done" in rerun.stdout, rerun.stderr


def test_translate_without_openai_names_the_extra_to_install(
    tmp_path: Path, english_rows: list[dict[str, str]], failing_server: FakeOpenAI
) -> None:
    """With the openai package unimportable, translate says in one line which extra installs it; --help still works."""
    _write_inputs(tmp_path, english_rows)
    # None in sys.modules is how Python itself makes an import fail as a missing package's would.
    shim = (
        "import runpy, sys; sys.modules['openai'] = None; "
        "runpy.run_module('cosmosqa_ptbr.cli', run_name='__main__', alter_sys=True)"
    )
    args = _translate(failing_server.base_url, *FAST)
    requests_before = len(failing_server.log)
    result = subprocess.run([sys.executable, "-c", shim, *args], cwd=tmp_path, env=_env(tmp_path), capture_output=True,
                            text=True, timeout=120)  # fmt: skip
    shown = f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 2 and "Traceback" not in result.stderr, shown
    errors = [line for line in result.stderr.splitlines() if line.startswith("cosmosqa-ptbr ")]
    assert len(errors) == 1 and "pip install 'cosmosqa-ptbr[translate]'" in errors[0], shown
    assert not (tmp_path / "out.jsonl").exists() and len(failing_server.log) == requests_before
    helped = subprocess.run([sys.executable, "-c", shim, "translate", "--help"], cwd=tmp_path, env=_env(tmp_path),
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert helped.returncode == 0 and "--response-format" in helped.stdout, helped.stderr


def test_a_server_refusing_json_schema_with_http_500_gets_json_mode_with_the_schema(
    tmp_path: Path, english_rows: list[dict[str, str]]
) -> None:
    """llama.cpp's Python server answers json_schema with a 500 naming the types it takes: the run steps down."""
    _write_inputs(tmp_path, english_rows)
    with FakeOpenAI(flavor="llama_cpp").start() as fake:
        result = run_cli(_translate(fake.base_url, *FAST), tmp_path)
    shown = f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 0 and "Traceback" not in result.stderr, shown
    assert "refused response_format json_schema" in result.stderr and "--response-format json_object" in result.stderr
    assert _output_ids(tmp_path) == sorted(row["id"] for row in english_rows)
    schema_requests = [entry for entry in fake.log if entry["response_format"] == "json_schema"]
    json_mode = [entry for entry in fake.log if entry["response_format"] == "json_object"]
    assert len(schema_requests) <= len(english_rows), "a refused format is not retried as a transport failure"
    assert len(json_mode) == len(english_rows) and all(
        "contexto" in e["format"]["schema"]["properties"] for e in json_mode
    )


def test_every_reply_is_bounded_by_default_so_a_rambling_model_stops_early(
    tmp_path: Path, english_rows: list[dict[str, str]]
) -> None:
    """A model that does not stop is cut at a bound from the item's length, not at the end of its context."""
    _write_inputs(tmp_path, english_rows)
    rambler = english_rows[0]["id"]
    with FakeOpenAI(flavor="llama_cpp", max_model_len=4096, faults={rambler: ["ramble", "ramble"]}).start() as fake:
        result = run_cli(_translate(fake.base_url, "--response-format", "json_object", *FAST), tmp_path)
    shown = f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 0 and "Traceback" not in result.stderr, shown
    assert "1 rejected" in result.stdout and "cut off at the token limit" in result.stdout, shown
    english_chars = sum(len(english_rows[0][key]) for key in ("context", "question", "answer0", "answer1", "answer2",
                                                               "answer3"))  # fmt: skip
    rambles = [entry for entry in fake.log if entry["id"] == rambler]
    assert len(rambles) == 2 and all(entry["max_tokens"] for entry in fake.log)
    # Bound: about one token per English character, where the context would allow four thousand.
    assert all(entry["generated"] == entry["max_tokens"] <= 1.5 * english_chars + 300 for entry in rambles), rambles


def test_a_timeout_on_a_one_request_at_a_time_local_server_does_not_multiply_the_work(
    tmp_path: Path, english_rows: list[dict[str, str]]
) -> None:
    """A local server still working on a timed-out request never gets a second copy of it, and every item ends."""
    _write_inputs(tmp_path, english_rows)
    # 0.5 s a request, one at a time: five sent at once with a 0.45 s timeout all time out at first.
    with FakeOpenAI(serial_seconds=0.5).start() as fake:
        args = _translate(fake.base_url, "--concurrency", "5", "--timeout", "0.45", "--max-retries", "3", "--quiet")
        result = run_cli(args, tmp_path)
        received = Counter({item_id: count for item_id, count in fake.received.items() if item_id})
        duplicates = fake.max_duplicates
    shown = f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}\nreceived: {received}"
    assert result.returncode == 0 and "Traceback" not in result.stderr, shown
    assert "one at a time from now on" in result.stderr, shown
    assert _output_ids(tmp_path) == sorted(row["id"] for row in english_rows)
    assert duplicates == 1, f"the server held {duplicates} copies of one request at once"
    assert max(received.values()) <= 2 and sum(received.values()) <= 2 * len(english_rows), shown


def test_retry_rejects_with_the_server_down_keeps_every_reject_and_its_reason(
    tmp_path: Path, english_rows: list[dict[str, str]]
) -> None:
    """--retry-rejects checks the server before touching the rejects file: down, it exits 2 and the file is intact."""
    _write_inputs(tmp_path, english_rows)
    ids = [row["id"] for row in english_rows]
    with FakeOpenAI(faults={ids[1]: ["english", "english"], ids[3]: ["three_options"] * 2}).start() as fake:
        first = run_cli(_translate(fake.base_url, *FAST), tmp_path)
    assert first.returncode == 0 and "2 rejected" in first.stdout, first.stderr
    rejects = (tmp_path / "out.rejects.jsonl").read_bytes()
    assert rejects.count(b"\n") == 2
    result = run_cli(_translate(f"http://127.0.0.1:{_free_port()}/v1", "--retry-rejects", *FAST), tmp_path)
    shown = f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 2 and "cannot connect" in result.stderr and "Traceback" not in result.stderr, shown
    assert (tmp_path / "out.rejects.jsonl").read_bytes() == rejects, "the rejects and their reasons were lost"


def test_the_progress_bar_does_not_count_items_that_failed_in_transport(
    tmp_path: Path, english_rows: list[dict[str, str]], failing_server: FakeOpenAI
) -> None:
    """Items the server failed (HTTP 500 through every retry) are not shown as done on the progress bar."""
    _write_inputs(tmp_path, english_rows)
    noisy = [flag for flag in FAST if flag != "--quiet"]
    result = run_cli(_translate(failing_server.base_url, *noisy), tmp_path)
    assert result.returncode == 1 and "failed in transport" in result.stderr, result.stderr
    shown = re.findall(r"translate:[^|]*\|[^|]*\| *(\d+)/5", result.stderr)
    assert shown and shown[-1] == "0", f"the bar's last count is {shown[-1:]}: {result.stderr[-600:]}"


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
    # Checked before trl and peft are imported: bitsandbytes, under peft, may print warnings above the line.
    Case("train-recipe-path-that-does-not-exist", ("train", "--config", "no/such.yaml"), 2,
         ("'no/such.yaml' does not exist", "--list-recipes"), extra={"alone": "the error line is all of stderr"}),
    Case("train-without-trl", CPU_RECIPE, 2, ("trl is not installed", INSTALL_TRAIN), absent=("out",),
         extra={"without": "trl"}),
    Case("train-check-without-peft", (*CPU_RECIPE, "--check"), 2, ("peft is not installed", INSTALL_TRAIN),
         extra={"without": "peft"}),
    Case("train-help-sft-without-trl", ("train", "--help-sft"), 2, ("trl is not installed", INSTALL_TRAIN),
         extra={"without": "trl"}),
    Case("train-help-model-without-trl", ("train", "--help-model"), 2, ("trl is not installed", INSTALL_TRAIN),
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
    if "alone" in case.extra:
        assert result.stderr.splitlines() == errors, shown
    for text in case.stdout:
        assert text in result.stdout, shown
    for name in case.absent:
        assert not (tmp_path / name).exists(), f"{name} was created"


#: A recipe with no path in it: the model and the output folder come from the command line, as absolute paths.
TINY_RECIPE = """\
dataset_config: sample
dataset_train_split: validation
dataset_test_split: null
train_size: 390
eval_limit: 4
final_eval_limit: 4
baseline_eval: true
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
