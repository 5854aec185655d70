"""Every documented command's main path, run as a user types it: a subprocess, the shipped recipe or config.

Each test runs ``python -m cosmosqa_ptbr.cli <command> ...`` in a fresh temporary folder (offline; the
translation against a loopback server) and checks the exit status, that nothing printed a traceback, and the
files the command promises. The ones that load the embedded model are marked slow.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

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


# --------------------------------------------------------------------------------------------- train
