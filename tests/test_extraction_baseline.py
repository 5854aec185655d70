"""The extraction benchmark: its leaderboard-filter reimplementation, its table and the first-sight record."""

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


def test_leaderboard_filter_removes_accents_before_its_first_pattern(benchmark: ModuleType) -> None:
    """Without accents "Opção: C" matches the first (keyword) pattern, which wins over a later "A."."""
    assert benchmark.leaderboard_letter("Opção: C, não A.") == "C"
    assert benchmark._find_choices("Opção: C, não A.") == "A"


def test_leaderboard_filter_reads_only_the_continuation(benchmark: ModuleType) -> None:
    """The prompt's option lines before the assistant marker and text after the end of sequence are not read."""
    sequence = "<|user|>\nAlternativa A) Sol\nAlternativa B) Chuva</s>\n<|assistant|>\nnão sei</s>\nResposta: B"
    assert benchmark.leaderboard_letter(sequence) is None
    assert benchmark.leaderboard_letter("  D \n") == "D"


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
