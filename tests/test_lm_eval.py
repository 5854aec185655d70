"""The lm-evaluation-harness tasks: shipped with the package, prompt text from `prompts`, and the harness's contexts,
log-likelihoods and letters equal to the package's own scorer on a tiny model."""

from __future__ import annotations

import configparser
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cosmosqa_ptbr.lm_eval_tasks import TASK_NAMES, TASKS_DIR
from cosmosqa_ptbr.prompts import ANSWER_PREFIX, SYSTEM_PROMPT

REPO = Path(__file__).resolve().parents[1]
LIMIT = 6


def test_lm_eval_tasks_prints_the_folder_holding_every_task() -> None:
    """`cosmosqa-ptbr lm-eval-tasks` prints a folder with one YAML file per task and the utils the tasks import."""
    out = subprocess.run(
        [sys.executable, "-m", "cosmosqa_ptbr.cli", "lm-eval-tasks"], capture_output=True, text=True, check=True
    )
    folder = Path(out.stdout.strip())
    assert folder == TASKS_DIR
    assert {p.stem for p in folder.glob("*.yaml")} == set(TASK_NAMES)
    assert (folder / "utils.py").is_file()


def test_task_files_hold_no_prompt_text() -> None:
    """The YAML files name the prompt's columns instead of copying the system prompt or the answer prefix."""
    for path in TASKS_DIR.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert SYSTEM_PROMPT[:40] not in text, path
        assert ANSWER_PREFIX not in text, path


def test_setup_cfg_ships_the_task_folder() -> None:
    """The wheel carries the tasks: the folder is a listed package and its YAML files are package data."""
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg")
    assert "cosmosqa_ptbr.lm_eval_tasks" in config["options"]["packages"].split()
    assert "*.yaml" in config["options.package_data"]["cosmosqa_ptbr.lm_eval_tasks"].split()


def _utils() -> Any:
    import importlib.util

    # The harness imports utils.py by its path, outside the package; so does this test.
    spec = importlib.util.spec_from_file_location("utils", TASKS_DIR / "utils.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_task_loader_adds_the_prompt_columns_to_the_embedded_sample() -> None:
    """`utils.load` returns the 400 sample items with the system prompt and answer prefix of `prompts` on each."""
    validation = _utils().load(cosmosqa_config="sample", version=1.0, pretrained="ignored")["validation"]
    assert validation.num_rows == 400
    assert set(validation["system_prompt"]) == {SYSTEM_PROMPT}
    assert set(validation["answer_prefix"]) == {ANSWER_PREFIX}


def test_full_task_loader_reads_local_files_given_as_metadata() -> None:
    """The full tasks' config reads the validation file passed as `--metadata '{"data_files": ...}'`."""
    sample_file = TASKS_DIR.parent / "tasks" / "builtin" / "cosmos_qa_ptbr.validation.jsonl"
    loaded = _utils().load(cosmosqa_config="default", data_files={"validation": str(sample_file)}, version=1.0)
    assert loaded["validation"].num_rows == 400
    assert loaded["validation"][0]["answer_prefix"] == ANSWER_PREFIX


def test_task_loader_refuses_data_files_on_the_sample_config() -> None:
    """Local files given to a sample task are an error naming the full tasks, not silently ignored."""
    with pytest.raises(ValueError, match="cosmosqa_ptbr_full"):
        _utils().load(cosmosqa_config="sample", data_files={"validation": "val.jsonl"})


def test_extract_letters_reads_answers_and_marks_unreadable_ones() -> None:
    """The generation task's filter reads letters with extract_answer and turns unreadable text into a wrong answer."""
    doc = {"A": "Sol", "B": "Chuva", "C": "Vento", "D": "Nenhuma das alternativas acima."}
    read = _utils().extract_letters([["Alternativa C"], ["Pode ser A ou B."], ["chuva"]], [doc, doc, doc])
    assert read == [["C"], ["[invalid]"], ["B"]]


@pytest.fixture(scope="module")
def harness_samples(tiny_model_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """The harness's logged samples of both tasks on the tiny Llama, first items of the embedded sample."""
    import lm_eval
    from lm_eval.tasks import TaskManager

    out = lm_eval.simple_evaluate(
        model="hf",
        model_args=f"pretrained={tiny_model_dir},dtype=float32",
        tasks=["cosmosqa_ptbr", "cosmosqa_ptbr_gen"],
        limit=LIMIT,
        apply_chat_template=True,
        log_samples=True,
        # Only our folder is indexed: the harness's thousands of built-in task files take most of a minute to parse.
        task_manager=TaskManager(include_path=str(TASKS_DIR), include_defaults=False),
        device="cpu",
        batch_size=1,
        gen_kwargs={"max_gen_toks": 4},
    )
    return {name: sorted(rows, key=lambda row: row["doc_id"]) for name, rows in out["samples"].items()}


@pytest.mark.slow
def test_harness_scores_the_packages_prompt_with_the_same_logprobs_and_letters(
    harness_samples: dict[str, list[dict[str, Any]]], tiny_model_dir: Path, sample: list[dict[str, Any]]
) -> None:
    """Under --apply_chat_template the harness's contexts are render_prompt's, its letters and log-probs evaluate's."""
    from cosmosqa_ptbr.evaluation import evaluate_model, inference
    from cosmosqa_ptbr.evaluation.models import load_model
    from cosmosqa_ptbr.prompts import render_prompt
    from cosmosqa_ptbr.schema import LETTERS

    loaded = load_model(str(tiny_model_dir))
    items = sample[:LIMIT]
    ours = evaluate_model(loaded=loaded, items=items, option_score=False, progress=False)
    raw = inference.letter_logprobs(loaded.model, loaded.tokenizer, items, batch_size=1)
    rows = harness_samples["cosmosqa_ptbr"]
    assert [row["doc_id"] for row in rows] == list(range(LIMIT))
    for index, row in enumerate(rows):
        expected = render_prompt(loaded.tokenizer, items[index], answer_prefix=True)
        assert row["arguments"] == [(expected, f" {letter}") for letter in LETTERS]
        harness = [resp[0][0] for resp in row["resps"]]
        assert max(abs(h - r) for h, r in zip(harness, raw[index], strict=True)) < 1e-4
        normaliser = max(harness) + math.log(sum(math.exp(h - max(harness)) for h in harness))
        ours_logprobs = [math.log(p) for p in ours.predictions[index]["probabilities"].values()]
        assert max(abs(h - normaliser - o) for h, o in zip(harness, ours_logprobs, strict=True)) < 1e-4
        assert LETTERS[harness.index(max(harness))] == ours.predictions[index]["predicted"]
        assert row["target"] == LETTERS.index(ours.predictions[index]["gold"])


@pytest.mark.slow
def test_harness_generation_task_asks_at_the_assistant_turn_and_reads_with_the_extractor(
    harness_samples: dict[str, list[dict[str, Any]]], tiny_model_dir: Path, sample: list[dict[str, Any]]
) -> None:
    """The generation task's context is the package's generate prompt and its filter gives extract_answer's letter."""
    from cosmosqa_ptbr.evaluation.extraction import extract_answer
    from cosmosqa_ptbr.evaluation.models import load_tokenizer
    from cosmosqa_ptbr.prompts import render_prompt
    from cosmosqa_ptbr.schema import ANSWER_COLUMNS

    tokenizer = load_tokenizer(str(tiny_model_dir))
    for index, row in enumerate(harness_samples["cosmosqa_ptbr_gen"]):
        item = sample[index]
        (context, generation_kwargs) = row["arguments"][0]
        assert context == render_prompt(tokenizer, item, answer_prefix=False)
        assert generation_kwargs["do_sample"] is False
        letter = extract_answer(row["resps"][0][0], [item[c] for c in ANSWER_COLUMNS]).letter
        assert row["filtered_resps"] == [letter or "[invalid]"]
        assert row["target"] == item["Label"]
