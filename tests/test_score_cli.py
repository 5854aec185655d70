"""The `score` subcommand: raw generations joined to the embedded sample by id, the table and the errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cosmosqa_ptbr.cli import main
from cosmosqa_ptbr.evaluation.scoring import PredictionsFileError, read_predictions
from cosmosqa_ptbr.schema import LETTERS


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _wrong(letter: str) -> str:
    return LETTERS[(LETTERS.index(letter) + 1) % len(LETTERS)]


@pytest.fixture
def generations(sample: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Forty answers to sample items in five styles: keyword, option text, hedge, letter E, wrong letter."""
    styles = [
        lambda row: f"<|assistant|>\nAlternativa {row['Label']}</s>",
        lambda row: f"A resposta correta é: {row[row['Label']]}",
        lambda row: "Pode ser A ou C, o texto não deixa claro.",
        lambda row: "Alternativa E",
        lambda row: f"Resposta: {_wrong(row['Label'])}",
    ]
    return [{"id": row["id"], "generation": styles[i % 5](row)} for i, row in enumerate(sample[:40])]


def test_score_prints_strict_lenient_and_rule_table(tmp_path: Path, generations: list, capsys: Any) -> None:
    """Scoring answers of known styles gives 16/40 strict, 16/24 lenient, 16/40 invalid, and rule counts."""
    predictions = _write(tmp_path / "gen.jsonl", generations)
    output = tmp_path / "out" / "results.json"
    assert main(["score", "--predictions", str(predictions), "--output", str(output)]) == 0
    printed = capsys.readouterr().out
    assert "40 generations scored against config 'sample', split 'validation' (400 items)" in printed
    assert "strict accuracy       40.00%" in printed and "lenient accuracy      66.67%" in printed
    results = json.loads(output.read_text(encoding="utf-8"))
    assert (results["n"], results["n_valid"], results["n_dataset"]) == (40, 24, 400)
    assert results["accuracy"] == pytest.approx(16 / 40) and results["invalid_rate"] == pytest.approx(16 / 40)
    assert results["rules"]["keyword"] == 16 and results["rules"]["option_text"] == 8
    assert results["rules"]["hedged"] == 8 and results["rules"]["invalid_letter"] == 8
    assert [item["id"] for item in results["items"]] == [g["id"] for g in generations]


def test_show_invalid_lists_unreadable_answers(tmp_path: Path, generations: list, capsys: Any) -> None:
    """--show-invalid N lists N unreadable answers with their id, rule and text."""
    predictions = _write(tmp_path / "gen.jsonl", generations)
    main(["score", "--predictions", str(predictions), "--show-invalid", "3"])
    printed = capsys.readouterr().out
    assert "Answers that could not be read: 16 (showing 3)" in printed
    listed = [line for line in printed.splitlines() if line.startswith("- ")]
    assert len(listed) == 3
    assert listed[0].startswith(f"- {generations[2]['id']} [hedged]") and "Pode ser A ou C" in listed[0]
    assert listed[1].startswith(f"- {generations[3]['id']} [invalid_letter]")


def test_text_field_option_reads_another_field(tmp_path: Path, sample: list, capsys: Any) -> None:
    """--text-field scores the named field: the gold letters alone give strict accuracy 100%."""
    records = [{"id": row["id"], "output": f"({row['Label']})"} for row in sample[:10]]
    main(["score", "--predictions", str(_write(tmp_path / "g.jsonl", records)), "--text-field", "output"])
    assert "strict accuracy      100.00%" in capsys.readouterr().out


def test_partial_predictions_report_coverage_and_warn(tmp_path: Path, sample: list, capsys: Any) -> None:
    """Five answers for a 400-item split: the table and JSON give coverage 5/400 and stderr warns."""
    records = [{"id": row["id"], "generation": row["Label"]} for row in sample[:5]]
    output = tmp_path / "results.json"
    assert main(["score", "--predictions", str(_write(tmp_path / "g.jsonl", records)), "--output", str(output)]) == 0
    captured = capsys.readouterr()
    assert "coverage               1.25%   5 of the 400 items in the split scored" in captured.out
    assert "warning:" in captured.err and "covers 5 of the 400 items" in captured.err
    saved = json.loads(output.read_text(encoding="utf-8"))
    assert (saved["n"], saved["n_dataset"], saved["coverage"]) == (5, 400, 5 / 400)


def test_full_predictions_do_not_warn(tmp_path: Path, sample: list, capsys: Any) -> None:
    """Answers for every item of the split: coverage 100% and no warning."""
    records = [{"id": row["id"], "generation": row["Label"]} for row in sample]
    assert main(["score", "--predictions", str(_write(tmp_path / "g.jsonl", records))]) == 0
    captured = capsys.readouterr()
    assert "coverage             100.00%" in captured.out and "warning" not in captured.err


def test_unknown_id_is_an_error(tmp_path: Path, generations: list, capsys: Any) -> None:
    """An id absent from the split is a one-line error (exit 2), naming the id and the file."""
    bad = [*generations[:3], {"id": "no-such-item", "generation": "Alternativa A"}]
    predictions = _write(tmp_path / "gen.jsonl", bad)
    assert main(["score", "--predictions", str(predictions)]) == 2
    assert re.search(r"1 of 4 ids are not in the dataset split \(no-such-item\)", capsys.readouterr().err)


def test_duplicate_id_is_an_error(tmp_path: Path, generations: list) -> None:
    """A second generation for the same id raises, naming both lines."""
    predictions = _write(tmp_path / "gen.jsonl", [*generations[:3], generations[1]])
    with pytest.raises(PredictionsFileError, match=r"line 4: id .* already appeared on line 2"):
        read_predictions(predictions)


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ('{"id": "x"}\n', "no field 'generation'"),
        ('{"generation": "A"}\n', "no field 'id'"),
        ('{"id": "x", "generation": null}\n', "must be the generated text as a string"),
        ("not json\n", "line 1: not valid JSON"),
        ("\n", "holds no predictions"),
    ],
)
def test_malformed_predictions_file_is_an_error(tmp_path: Path, content: str, match: str, capsys: Any) -> None:
    """Bad JSON, missing fields, null text and empty files are a one-line error (exit 2) with the file and line."""
    path = tmp_path / "gen.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PredictionsFileError, match=match):
        read_predictions(path)
    assert main(["score", "--predictions", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cosmosqa-ptbr score: error: ") and str(path) in err and "Traceback" not in err


def test_score_module_imports_nothing_heavy() -> None:
    """Importing the score subcommand leaves datasets, torch, transformers and evaluate unimported."""
    code = (
        "import sys, cosmosqa_ptbr.evaluation.scoring; "
        "print(sorted(m for m in ('datasets', 'torch', 'transformers', 'evaluate') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_score_command_reads_with_either_extractor(tmp_path: Path, generations: list) -> None:
    """`cosmosqa-ptbr score --extractor leaderboard` (a subprocess) reads the file with the leaderboard's filter,
    and the table and JSON say which extractor read it; the default is ours."""
    import os

    predictions = _write(tmp_path / "gen.jsonl", generations)
    results = {}
    for extractor in ("ours", "leaderboard"):
        output = tmp_path / f"{extractor}.json"
        command = [sys.executable, "-m", "cosmosqa_ptbr.cli", "score", "--predictions", str(predictions)]
        command += ["--output", str(output)] + (["--extractor", extractor] if extractor == "leaderboard" else [])
        done = subprocess.run(command, capture_output=True, text=True, env=os.environ.copy(), timeout=300)
        assert done.returncode == 0, done.stderr
        assert f"extractor: {extractor} (" in done.stdout
        results[extractor] = json.loads(output.read_text(encoding="utf-8"))
    ours, board = results["ours"], results["leaderboard"]
    assert ours["extractor"] == "ours" and board["extractor"] == "leaderboard"
    assert set(board["rules"]) == {"find_choices", "fallback"}
    # Both read "Alternativa E" as no answer; the leaderboard filter takes the first letter of a hedge ("Pode ser
    # A ou C") and the article of "A resposta correta é: <option>", where ours reads none and the option.
    assert ours["accuracy"] == pytest.approx(16 / 40) and board["rules"]["fallback"] == 8
    texts = [item for item in board["items"] if item["id"] in {g["id"] for g in generations[1::5]}]
    assert {item["predicted"] for item in texts} == {"A"}
    hedges = [item for item in board["items"] if item["id"] in {g["id"] for g in generations[2::5]}]
    assert {item["predicted"] for item in hedges} == {"A"}


def test_unknown_extractor_is_refused(tmp_path: Path, generations: list, capsys: Any) -> None:
    """--extractor with a name it does not know is a usage error (exit 2) naming the choices."""
    predictions = _write(tmp_path / "gen.jsonl", generations)
    with pytest.raises(SystemExit) as exit_info:
        main(["score", "--predictions", str(predictions), "--extractor", "regex"])
    assert exit_info.value.code == 2 and "ours" in capsys.readouterr().err
