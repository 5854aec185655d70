"""`compare` on constructed runs: exact McNemar p-values, paired intervals and agreement that can be checked by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cosmosqa_ptbr.cli import main as cli_main
from cosmosqa_ptbr.evaluation import compare
from cosmosqa_ptbr.evaluation.stats import bootstrap_interval, mcnemar_exact, paired_bootstrap_interval


def _run(folder: Path, gold: str, predicted: str) -> Path:
    folder.mkdir(parents=True)
    rows = [{"id": f"q{i}", "gold": g, "predicted": p} for i, (g, p) in enumerate(zip(gold, predicted, strict=True))]
    (folder / "predictions.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    results = {"model": folder.name, "mode": "loglik", "n": len(rows)}
    (folder / "results.json").write_text(json.dumps(results), encoding="utf-8")
    return folder / "results.json"


GOLD = "AAAAAAAAAA"
# Both right on q0; only A on q1, q2; only B on q3-q8; both wrong (with the same letter) on q9.
RUN_A = "AAABBBBBBC"
RUN_B = "ABBAAAAAAC"


def test_mcnemar_p_value_is_the_exact_binomial_tail(tmp_path: Path) -> None:
    """2 vs 6 discordant pairs give p = 2 * (1 + 8 + 28) / 256, computed by hand."""
    result = compare(_run(tmp_path / "a", GOLD, RUN_A), _run(tmp_path / "b", GOLD, RUN_B))
    assert (result.only_a, result.only_b, result.both_correct, result.both_wrong) == (2, 6, 1, 1)
    assert result.mcnemar_p == pytest.approx(2 * (1 + 8 + 28) / 256)
    assert result.n == 10
    assert result.difference == pytest.approx(0.7 - 0.3)


def test_paired_interval_contains_the_difference_and_agreement_counts_same_letters(tmp_path: Path) -> None:
    """The paired bootstrap interval holds the observed difference; agreement counts identical predictions."""
    result = compare(_run(tmp_path / "a", GOLD, RUN_A), _run(tmp_path / "b", GOLD, RUN_B))
    low, high = result.difference_interval
    assert low <= result.difference <= high and low < high
    assert result.agreement == pytest.approx(2 / 10)  # q0 ("A") and q9 ("C")


def test_compare_uses_only_shared_ids(tmp_path: Path) -> None:
    """Items scored by only one run are left out of the comparison."""
    a = _run(tmp_path / "a", GOLD, RUN_A)
    b = _run(tmp_path / "b", GOLD[:6], RUN_B[:6])
    assert compare(a, b).n == 6


def test_compare_refuses_runs_without_predictions(tmp_path: Path) -> None:
    """A results.json without predictions.jsonl beside it raises FileNotFoundError naming the file."""
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "results.json").write_text("{}", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=r"predictions\.jsonl"):
        compare(tmp_path / "x" / "results.json", _run(tmp_path / "b", GOLD, RUN_B))


def test_compare_cli_prints_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`cosmosqa-ptbr compare A B` prints the McNemar p-value and the agreement."""
    a = _run(tmp_path / "a", GOLD, RUN_A)
    b = _run(tmp_path / "b", GOLD, RUN_B)
    assert cli_main(["compare", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "McNemar exact p | 0.2891" in out and "20.00%" in out


def test_identical_runs_do_not_differ() -> None:
    """No discordant pairs: p = 1 and a zero-width paired interval at 0."""
    same = [True, False, True, True]
    assert mcnemar_exact(0, 0) == 1.0
    assert paired_bootstrap_interval(same, same) == (0.0, 0.0)


def test_bootstrap_interval_brackets_the_accuracy() -> None:
    """The percentile interval of a 60% accuracy over 50 items lies around 0.6 and inside [0, 1]."""
    low, high = bootstrap_interval([True] * 30 + [False] * 20)
    assert 0.0 < low < 0.6 < high < 1.0
