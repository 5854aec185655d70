"""Every documented command's main path, run as a user types it: a subprocess, the shipped recipe or config.

Each test runs ``python -m cosmosqa_ptbr.cli <command> ...`` in a fresh temporary folder (offline; the
translation against a loopback server) and checks the exit status, that nothing printed a traceback, and the
files the command promises. The ones that load the embedded model are marked slow.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from cosmosqa_ptbr.evaluation.leaderboard import MARKER
from cosmosqa_ptbr.evaluation.models import EMBEDDED_MODEL, embedded_model_path

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
