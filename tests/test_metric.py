"""The letter_accuracy evaluate module: offline loading, its documented examples, and bad input."""

from __future__ import annotations

import doctest
import importlib.util
import os
from pathlib import Path
from typing import Any

import pytest

import cosmosqa_ptbr
from cosmosqa_ptbr.evaluation.extraction import RULES, score_generations

METRIC_DIR = Path(cosmosqa_ptbr.LETTER_ACCURACY)


@pytest.fixture(scope="module")
def letter_accuracy() -> Any:
    """The metric loaded through evaluate.load from the package folder, offline."""
    import evaluate

    assert os.environ.get("HF_HUB_OFFLINE") == "1"
    return evaluate.load(cosmosqa_ptbr.LETTER_ACCURACY)


def test_metric_folder_ships_module_card_app_and_requirements() -> None:
    """The folder holds the module, a metric card with a YAML header, a Space app and requirements."""
    assert {"letter_accuracy.py", "README.md", "app.py", "requirements.txt"} <= {p.name for p in METRIC_DIR.iterdir()}
    card = (METRIC_DIR / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\n") and "app_file: app.py" in card and "# Metric Card for Letter Accuracy" in card
    assert "launch_gradio_widget" in (METRIC_DIR / "app.py").read_text(encoding="utf-8")


def test_metric_loads_offline_and_matches_score_generations(letter_accuracy: Any) -> None:
    """evaluate.load gives a metric whose results equal score_generations on the same inputs."""
    predictions = ["Alternativa B", "**D**", "Resposta: alternativa E", "a resposta é a letra c", ""]
    references = ["B", "A", "C", "C", "D"]
    results = letter_accuracy.compute(predictions=predictions, references=references)
    expected = score_generations(predictions, references)
    assert results["accuracy"] == pytest.approx(expected["accuracy"]) == pytest.approx(2 / 5)
    assert results["lenient_accuracy"] == pytest.approx(2 / 3)
    assert results["invalid_rate"] == pytest.approx(2 / 5)
    assert (results["n"], results["n_valid"]) == (5, 3)
    assert {f"rule_{rule}": expected["rules"][rule] for rule in RULES} == {
        key: value for key, value in results.items() if key.startswith("rule_")
    }


def test_metric_accepts_index_references_and_options(letter_accuracy: Any) -> None:
    """Integer references 0-3 are converted, and options let an answer given as text count."""
    options = [["Ele dormiu.", "Ele correu.", "Ele foi ao mercado.", "Nenhuma das alternativas acima."]] * 2
    predictions = ["Nenhuma das alternativas acima", "Opção B"]
    results = letter_accuracy.compute(predictions=predictions, references=[3, 1], options=options)
    assert results["accuracy"] == 1.0 and results["rule_option_text"] == 1
    without = letter_accuracy.compute(predictions=predictions, references=[3, 1])
    assert without["accuracy"] == 0.5 and without["rule_no_answer"] == 1


@pytest.mark.parametrize(
    ("predictions", "references", "match"),
    [
        (["Alternativa A", "B"], ["A"], "Mismatch|references"),
        (["Alternativa A"], ["E"], "got 'E'"),
        (["Alternativa A", "B"], ["A", None], "got None"),
        (["Alternativa A"], [7], "got 7"),
    ],
)
def test_metric_rejects_bad_input(letter_accuracy: Any, predictions: list, references: list, match: str) -> None:
    """Length mismatches and references outside A-D / 0-3 (including None) raise ValueError."""
    with pytest.raises(ValueError, match=match):
        letter_accuracy.compute(predictions=predictions, references=references)


def test_metric_on_empty_lists_raises_a_clear_value_error(letter_accuracy: Any) -> None:
    """compute(predictions=[], references=[]) says the inputs are empty instead of evaluate's IndexError."""
    with pytest.raises(ValueError, match="predictions is empty: pass at least one prediction"):
        letter_accuracy.compute(predictions=[], references=[])
    assert letter_accuracy.compute(predictions=["B"], references=["B"])["accuracy"] == 1.0


def test_metric_rejects_malformed_options(letter_accuracy: Any) -> None:
    """Options that are not 2-26 strings per question raise ValueError naming the question."""
    with pytest.raises(ValueError, match="options 1"):
        letter_accuracy.compute(
            predictions=["Ele correu", "Ele correu"],
            references=["B", "A"],
            options=[["Ele dormiu.", "Ele correu."], ["só uma"]],
        )


def test_metric_reads_each_question_with_its_own_letters(letter_accuracy: Any) -> None:
    """Per-question letters or options: "Alternativa E" is right for a five-option question, invalid for four."""
    predictions = ["Alternativa E", "Alternativa E", "Alternativa C"]
    five = ["um", "dois", "três", "quatro", "cinco"]
    results = letter_accuracy.compute(
        predictions=predictions, references=["E", "D", "C"], options=[five, five[:4], five[:3]]
    )
    assert results["accuracy"] == pytest.approx(2 / 3) and results["rule_invalid_letter"] == 1
    same = letter_accuracy.compute(predictions=predictions, references=[4, 3, 2], letters=["ABCDE", "ABCD", "ABC"])
    assert same == results
    with pytest.raises(ValueError, match="reference 1"):
        letter_accuracy.compute(predictions=predictions, references=["E", "E", "C"], letters=["ABCDE", "ABCD", "ABC"])


def test_metric_docstring_examples_pass() -> None:
    """Every example in the metric module's docstrings runs and prints what it documents."""
    spec = importlib.util.spec_from_file_location("letter_accuracy_doctest", METRIC_DIR / "letter_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    flags = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=flags)
    tests = [test for test in finder.find(module) if test.examples]
    assert sum(len(test.examples) for test in tests) >= 8
    for test in tests:
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
