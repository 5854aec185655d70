"""The extraction benchmark: its readers, its tables (first sight beside final) and the first-sight record."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIRST_SIGHT = json.loads((ROOT / "tests" / "data" / "extraction_first_sight.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extraction_baseline", ROOT / "benchmarks" / "extraction_baseline.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_reads_with_the_package_leaderboard_filter(benchmark: ModuleType) -> None:
    """The benchmark's leaderboard reader is the package's filter, with each case's letters from its options."""
    from cosmosqa_ptbr.evaluation.extraction import leaderboard_extract

    assert benchmark.leaderboard_letter("Opção: C, não A.") == leaderboard_extract("Opção: C, não A.") == "C"
    five = ["um", "dois", "três", "quatro", "cinco"]
    assert benchmark.leaderboard_letter("Alternativa E", five) == "E"
    assert benchmark.leaderboard_letter("Alternativa E") is None


def test_table_has_the_three_readers_and_n(benchmark: ModuleType) -> None:
    """The table's header names ours, the leaderboard filter, the reference regex and n, in that order."""
    cases = [{"text": "Alternativa B", "options": None, "letter": "B", "category": "keyword_pt"}]
    header = benchmark.format_table(benchmark.measure(cases, benchmark.PARSERS), benchmark.PARSERS).splitlines()[0]
    names = ["ours", "leaderboard filter", "reference regex"]
    assert [header.index(name) for name in names] == sorted(header.index(name) for name in names)
    assert header.split()[-1] == "n"


def test_every_batch_in_the_public_set_has_a_first_sight_record() -> None:
    """Each batch named in the case file has a first-sight figure or is listed as written without one."""
    cases = [json.loads(line) for line in (ROOT / "tests" / "data" / "extraction_cases.jsonl").open(encoding="utf-8")]
    recorded = {batch["batch"]: batch for batch in FIRST_SIGHT["batches"]}
    for name in {case["batch"] for case in cases if "batch" in case}:
        assert name in recorded or name in FIRST_SIGHT["not_first_sight"], name
        if name in recorded:
            assert recorded[name]["n"] == sum(case.get("batch") == name for case in cases), name


def test_batch_table_puts_first_sight_beside_final(benchmark: ModuleType) -> None:
    """Each batch row shows the recorded first-sight figure and today's reading of the same cases."""
    cases = [
        {"text": "Alternativa B", "options": None, "letter": "B", "category": "keyword_pt", "batch": "x"},
        {"text": "Pode ser A ou B", "options": None, "letter": None, "category": "hedged", "batch": "x"},
    ]
    hedged = {"n": 1, "ours": 0.0, "leaderboard_filter": 0.0, "reference_regex": 1.0}
    batches = [
        {
            "batch": "x",
            "n": 2,
            "ours": 0.5,
            "leaderboard_filter": 0.0,
            "reference_regex": 0.5,
            "categories": {"hedged": hedged},
        }
    ]
    final = benchmark.measure_batches(cases, benchmark.PARSERS)
    row = benchmark.format_batches(batches, final).splitlines()[-1].split()
    assert row[0] == "x" and row[1:3] == ["50.0%", "100.0%"] and row[-1] == "2"
    category_row = benchmark.format_batch_categories(batches, final).splitlines()[-1].split()
    assert category_row[:5] == ["x", "/", "hedged", "0.0%", "100.0%"]


def test_held_out_batches_are_recorded_and_kept_apart() -> None:
    """Each batch of the held-out file has a first-sight record marked held out, with its size, and none of its
    cases is in the regression set."""
    held_out = [
        json.loads(line) for line in (ROOT / "tests" / "data" / "extraction_held_out.jsonl").open(encoding="utf-8")
    ]
    cases = [json.loads(line) for line in (ROOT / "tests" / "data" / "extraction_cases.jsonl").open(encoding="utf-8")]
    recorded = {batch["batch"]: batch for batch in FIRST_SIGHT["batches"]}
    names = {case["batch"] for case in held_out}
    assert len(names) >= 1 and len(held_out) >= 30
    for name in names:
        assert recorded[name]["held_out"] is True
        assert recorded[name]["n"] == sum(case["batch"] == name for case in held_out)
    assert not names & {case.get("batch") for case in cases}
    assert not {case["text"] for case in held_out} & {case["text"] for case in cases}


def test_held_out_table_pools_the_batches(benchmark: ModuleType) -> None:
    """The held-out table lists each held-out batch, their pooled first-sight accuracy weighted by size, and the
    pools of written replies and of model generations apart."""
    table = benchmark.format_held_out(FIRST_SIGHT["batches"]).splitlines()
    held = [batch for batch in FIRST_SIGHT["batches"] if batch.get("held_out")]

    def pooled(batches: list[dict]) -> str:
        return f"{sum(batch['ours'] * batch['n'] for batch in batches) / sum(batch['n'] for batch in batches):.1%}"

    generated = [batch for batch in held if "generation" in batch]
    written = [batch for batch in held if "generation" not in batch]
    assert generated and written
    assert table[-1].startswith("all held out") and pooled(held) in table[-1]
    assert next(line for line in table if line.strip().startswith("written replies")).split()[2] == pooled(written)
    assert next(line for line in table if line.strip().startswith("model generations")).split()[2] == pooled(generated)
    assert len(table) == len(held) + 6


def test_english_originals_of_the_options_read_as_their_letters(benchmark: ModuleType) -> None:
    """The English original of an option, given as the reply to the Portuguese item, reads as that option or as
    nothing: over the sample, 83% or more are read, and under 1% are read as another option."""
    found = benchmark.sample_readings()
    total = found["english_total"]
    assert total > 1000 and found["english_right"] / total >= 0.83 and found["english_wrong"] / total < 0.01
    assert found["contexts_total"] == 400 and found["contexts_read"] < 40
    assert "read as their option" in benchmark.format_sample_readings(found)
