"""`cosmosqa-ptbr leaderboard`: runs ranked by accuracy from hand-written results.json, other item sets flagged."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cosmosqa_ptbr.evaluation.leaderboard import MARKER, items_hash, read_run, render_table

SAME_IDS = ["q3", "q1", "q2", "q4"]


def _run(folder: Path, ids: list[str], *, with_hash: bool, **results: Any) -> Path:
    """Write a results.json (and predictions.jsonl for ``ids``) as an evaluation run would; return the folder."""
    folder.mkdir(parents=True)
    base = {"model": "m", "adapter": None, "mode": "loglik", "config": "sample", "split": "validation"}
    base.update(n=len(ids), accuracy_interval=[0.0, 1.0], invalid_rate=0.0, items_per_second=2.0, shots=0)
    base.update(results)
    if with_hash:
        base["items_hash"] = items_hash(ids)
    (folder / "results.json").write_text(json.dumps(base), encoding="utf-8")
    rows = [{"id": key, "gold": "A", "predicted": "A"} for key in ids]
    (folder / "predictions.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return folder


@pytest.fixture
def runs(tmp_path: Path) -> list[Path]:
    """Two runs on the same items (one with items_hash, one without) and one on other items."""
    return [
        _run(
            tmp_path / "base",
            SAME_IDS,
            with_hash=True,
            model="base-7b",
            accuracy=0.5,
            accuracy_interval=[0.4, 0.6],
            selection_bias={"predicted": {"A": 3}, "gold": {"A": 1}, "recall": {"A": 1.0}, "rstd": 12.345},
            debiased={"method": "pride", "accuracy": 0.55, "accuracy_interval": [0.45, 0.65], "rstd": 3.0},
        ),
        _run(
            tmp_path / "tuned",
            list(reversed(SAME_IDS)),
            with_hash=False,
            model="base-7b",
            adapter="ns/lora",
            accuracy=0.8,
            circular={"accuracy": 0.7, "accuracy_interval": [0.6, 0.8]},
        ),
        _run(
            tmp_path / "other",
            ["z1", "z2"],
            with_hash=False,
            model="other-1b",
            mode="generate",
            protocol="leaderboard",
            accuracy=0.9,
        ),
    ]


def test_items_hash_is_the_sha256_prefix_of_the_sorted_ids() -> None:
    """The hash is the first 16 hex digits of SHA-256 over the sorted ids joined by newlines."""
    assert items_hash(["q2", "q1"]) == hashlib.sha256(b"q1\nq2").hexdigest()[:16]


def test_run_without_items_hash_gets_it_from_its_predictions(runs: list[Path]) -> None:
    """A results.json without items_hash gets the hash of the ids in the predictions.jsonl beside it."""
    assert read_run(runs[1]).items_hash == read_run(runs[0] / "results.json").items_hash == items_hash(SAME_IDS)


def test_table_ranks_by_accuracy_and_flags_runs_on_other_items(runs: list[Path]) -> None:
    """Rows go best first; the run on other items is set S2 and named in a note as not comparable; each row names
    its protocol (package for a run that records none)."""
    table = render_table([read_run(path) for path in runs])
    rows = [line for line in table.splitlines() if line.startswith("| ") and not line.startswith("| #")]
    assert [row.split(" | ")[1] for row in rows] == ["other-1b", "base-7b", "base-7b"]
    other, tuned, base = (row.split(" | ") for row in rows)
    assert other[7] == "**S2**" and tuned[7] == "S1" and base[7] == "S1"
    assert tuned[2] == "ns/lora" and base[2] == "-"
    assert (other[3], tuned[3], base[3]) == ("leaderboard", "package", "package")
    assert base[8] == "50.00% (40.00%-60.00%)"
    assert base[9] == "55.00% (45.00%-65.00%)" and base[10] == "-" and base[11] == "12.3"
    assert tuned[10] == "70.00% (60.00%-80.00%)" and tuned[11] == "-"
    assert f"not comparable with S1, scored on other items: {runs[2] / 'results.json'}" in table


def test_table_says_when_all_runs_share_their_items(runs: list[Path]) -> None:
    """With every run on the same items the note says so and nothing is flagged."""
    table = render_table([read_run(path) for path in runs[:2]])
    assert "All runs scored the same items." in table
    assert "**S" not in table


def test_leaderboard_command_writes_the_table_and_the_plot(runs: list[Path], tmp_path: Path) -> None:
    """The subcommand writes leaderboard.md (marked as its own) and a PNG into --output-dir and prints the table."""
    out = tmp_path / "board"
    args = [str(runs[0]), str(runs[1] / "results.json"), str(runs[2]), "--output-dir", str(out)]
    done = subprocess.run(
        [sys.executable, "-m", "cosmosqa_ptbr.cli", "leaderboard", *args], capture_output=True, text=True, check=True
    )
    text = (out / "leaderboard.md").read_text(encoding="utf-8")
    assert text.startswith(MARKER)
    assert "| 1 | other-1b |" in text and "| 1 | other-1b |" in done.stdout
    assert (out / "leaderboard.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # A second run over its own files is allowed.
    subprocess.run([sys.executable, "-m", "cosmosqa_ptbr.cli", "leaderboard", *args], check=True, capture_output=True)


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("missing", "does not exist: pass an evaluation run's folder or its results.json"),
        ("foreign", "did not write: pass another --output-dir"),
        ("twice", "are the same run: give each run once"),
        ("no_accuracy", "has no numeric 'accuracy'"),
    ],
)
def test_leaderboard_mistakes_are_one_line_errors(runs: list[Path], tmp_path: Path, setup: str, expected: str) -> None:
    """A missing run, a foreign leaderboard.md, a run given twice or a run without accuracy: one line, exit 2."""
    out = tmp_path / "board"
    paths = [str(runs[0])]
    if setup == "missing":
        paths.append(str(tmp_path / "nowhere"))
    elif setup == "foreign":
        out.mkdir()
        (out / "leaderboard.md").write_text("my notes\n", encoding="utf-8")
    elif setup == "twice":
        paths.append(str(runs[0] / "results.json"))
    else:
        (runs[1] / "results.json").write_text(json.dumps({"model": "m"}), encoding="utf-8")
        paths.append(str(runs[1]))
    done = subprocess.run(
        [sys.executable, "-m", "cosmosqa_ptbr.cli", "leaderboard", *paths, "--output-dir", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("cosmosqa-ptbr leaderboard: error: ") and expected in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    if setup == "foreign":
        assert (out / "leaderboard.md").read_text(encoding="utf-8") == "my notes\n"


def test_a_plot_that_fails_leaves_no_half_written_leaderboard(
    runs: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the plot cannot be drawn, an earlier leaderboard stays as it was and no new file or leftover appears."""
    from cosmosqa_ptbr.evaluation import leaderboard

    out = tmp_path / "board"
    table, figure = leaderboard.write([runs[0]], out)
    before = {table: table.read_bytes(), figure: figure.read_bytes()}

    def broken_plot(runs: Any, path: Path) -> Path:
        path.write_bytes(b"\x89PNG half")
        raise RuntimeError("the plot failed halfway")

    monkeypatch.setattr(leaderboard, "plot", broken_plot)
    with pytest.raises(RuntimeError, match="halfway"):
        leaderboard.write(runs, out)
    assert {path: path.read_bytes() for path in before} == before
    assert sorted(path.name for path in out.iterdir()) == ["leaderboard.md", "leaderboard.png"]
