"""The translation gap: models made to answer right in English and wrong in Portuguese on chosen items, scored by
`evaluate`, put exactly those items at the top of `gap`'s review file; `compare` names the pair and its flips."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from _tiny import build_tokenizer, sample_rows
from test_commands import assert_clean, run_cli

from cosmosqa_ptbr.data import load_items
from cosmosqa_ptbr.evaluation import LoadedModel, evaluate_model
from cosmosqa_ptbr.tasks import gold_letter, letters_for

EN, PT = "cosmos_qa_en", "cosmos_qa_ptbr"
LIMIT = 12


class Oracle:
    """A causal LM stand-in that reads the prompt it is given, finds the item by its context, and puts its
    probability on the gold letter, except on the items it is told to miss, where it picks another letter."""

    def __init__(self, tokenizer: Any, items: dict[str, list[dict[str, Any]]], wrong: dict[str, set[str]]):
        import torch

        self.tokenizer = tokenizer
        self.items = [(task, item) for task, found in items.items() for item in found]
        self.wrong = wrong  # task -> ids answered wrong
        self.hesitant: set[str] = set()  # ids answered wrong with the gold letter a close second
        self.anchor = torch.nn.Parameter(torch.zeros(1))  # gives the scorer a device to put tensors on
        self.prompts = 0

    def parameters(self) -> Any:
        return iter([self.anchor])

    def _letter_token(self, prompt_ids: list[int], prompt: str, letter: str) -> int:
        # The scorer reads letter X as the first token past the prompt in `prompt + " X"`; so does the oracle.
        return self.tokenizer(prompt + " " + letter, add_special_tokens=False)["input_ids"][len(prompt_ids)]

    def __call__(self, input_ids: Any, attention_mask: Any, **_: Any) -> SimpleNamespace:
        import torch

        logits = torch.zeros(input_ids.shape[0], 1, len(self.tokenizer))
        for row in range(input_ids.shape[0]):
            ids = input_ids[row][attention_mask[row].bool()].tolist()
            prompt = self.tokenizer.decode(ids)
            found = [(task, item) for task, item in self.items if item["context"] in prompt]
            assert len(found) == 1, f"the prompt names {len(found)} items"
            task, item = found[0]
            letters = letters_for(len(item["options"]))
            gold = gold_letter(item)
            answer = letters[(letters.index(gold) + 1) % len(letters)] if item["id"] in self.wrong[task] else gold
            logits[row, -1, self._letter_token(ids, prompt, answer)] = 10.0
            if answer != gold and item["id"] in self.hesitant:
                logits[row, -1, self._letter_token(ids, prompt, gold)] = 9.5
            self.prompts += 1
        return SimpleNamespace(logits=logits)


@pytest.fixture(scope="module")
def items() -> dict[str, list[dict[str, Any]]]:
    """The first items of both built-in samples, by task (the same ids, in the same order)."""
    return {task: load_items("sample", task=task)[:LIMIT] for task in (EN, PT)}


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A byte-level BPE tokenizer (Zephyr chat template) trained on Portuguese sample text."""
    return build_tokenizer(tmp_path_factory.mktemp("tokenizer"), sample_rows(40))


@pytest.fixture(scope="module")
def plan(items: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Which item ids each model misses, and where."""
    ids = [item["id"] for item in items[EN]]
    flip_all, low_id, high_id = ids[5], *sorted([ids[2], ids[8]])
    both, only_source = ids[0], ids[10]
    return {
        "flip_all": flip_all,
        "high_id": high_id,
        "low_id": low_id,  # flipped by as many models as high_id, but with the gold letter a close second
        "both": both,
        "only_source": only_source,
        # model -> (wrong in English, wrong in Portuguese)
        "models": {
            "oracle-1": ({both}, {flip_all, low_id, high_id, both}),
            "oracle-2": ({both, only_source}, {flip_all, low_id, high_id, both}),
            "oracle-3": ({both}, {flip_all, both}),
        },
    }


@pytest.fixture(scope="module")
def runs(
    tmp_path_factory: pytest.TempPathFactory, items: dict[str, list[dict[str, Any]]], tokenizer: Any, plan: Any
) -> Path:
    """Each oracle evaluated by evaluate_model on both built-in samples: runs/<task>/<model>/results.json."""
    root = tmp_path_factory.mktemp("runs")
    for name, (wrong_en, wrong_pt) in plan["models"].items():
        oracle = Oracle(tokenizer, items, {EN: wrong_en, PT: wrong_pt})
        oracle.hesitant = {plan["low_id"]}
        loaded = LoadedModel(oracle, tokenizer, name, None, "float32", "none", "cpu")
        for task in (EN, PT):
            result = evaluate_model(
                name,
                loaded=loaded,
                task=task,
                limit=LIMIT,
                option_score=False,
                output_dir=root / task / name,
                progress=False,
            )
            wrong = wrong_en if task == EN else wrong_pt
            assert result.accuracy == pytest.approx(1 - len(wrong) / LIMIT)
        assert oracle.prompts == 2 * LIMIT
    return root


def _review(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _pairs(runs: Path, models: list[str]) -> list[str]:
    args = []
    for model in models:
        args += ["--pair", str(runs / EN / model), str(runs / PT / model / "results.json")]
    return args


def test_gap_puts_exactly_the_items_flipped_in_translation_at_the_top(
    runs: Path, tmp_path: Path, items: dict[str, list[dict[str, Any]]], plan: dict[str, Any]
) -> None:
    """The review lists the items flipped by 3, 2 and 2 models in that order (the tie by confidence), both texts."""
    result = run_cli(["gap", *_pairs(runs, list(plan["models"])), "--output-dir", "review"], tmp_path)
    assert_clean(result)
    rows = _review(tmp_path / "review" / "review.csv")
    assert [(row["id"], row["flips"]) for row in rows] == [
        (plan["flip_all"], "3"),
        (plan["high_id"], "2"),
        (plan["low_id"], "2"),
    ]
    assert rows[0]["flipped_models"] == "oracle-1; oracle-2; oracle-3" and rows[0]["pairs"] == "3"
    assert float(rows[1]["gold_probability_drop"]) > 0.9 > float(rows[2]["gold_probability_drop"]) > 0.3
    english = {item["id"]: item for item in items[EN]}[plan["flip_all"]]
    portuguese = {item["id"]: item for item in items[PT]}[plan["flip_all"]]
    top = rows[0]
    assert (top["source_context"], top["translated_context"]) == (english["context"], portuguese["context"])
    assert (top["source_question"], top["translated_question"]) == (english["question"], portuguese["question"])
    for index, letter in enumerate("ABCD"):
        assert (top[f"source_{letter}"], top[f"translated_{letter}"]) == (
            english["options"][index],
            portuguese["options"][index],
        )
    gold = gold_letter(english)
    wrong = "ABCD"[("ABCD".index(gold) + 1) % 4]
    assert (
        top["gold"] == gold and top["translated_answers"] == f"oracle-1: {wrong}; oracle-2: {wrong}; oracle-3: {wrong}"
    )
    markdown = (tmp_path / "review" / "review.md").read_text(encoding="utf-8")
    assert markdown.index(plan["flip_all"]) < markdown.index(plan["high_id"]) < markdown.index(plan["low_id"])
    assert english["question"] in markdown and portuguese["question"] in markdown
    assert "| oracle-3 | 12 | 91.67% | 83.33% | +8.33%" in markdown
    summary = json.loads((tmp_path / "review" / "summary.json").read_text(encoding="utf-8"))
    assert summary["flip_counts"] == {"0": 9, "1": 0, "2": 2, "3": 1}
    assert (tmp_path / "review" / "gap.png").stat().st_size > 1000
    assert plan["both"] not in result.stdout and plan["only_source"] not in result.stdout


def test_gap_finds_runs_in_folders_and_pairs_them_by_model_and_task(runs: Path, tmp_path: Path, plan: Any) -> None:
    """--runs pairs each model's two runs (the translated task told by its spec) and names the run left alone."""
    _copy_run(runs / EN / "oracle-1", tmp_path / "extra" / "alone", lambda results, _: results.update(model="m9"))
    found = [str(runs), str(runs / EN / "oracle-1"), str(tmp_path / "extra")]  # one run reached twice
    result = run_cli(["gap", "--runs", *found, "--output-dir", "review", "--min-flips", "0"], tmp_path)
    assert_clean(result)
    rows = _review(tmp_path / "review" / "review.csv")
    assert len(rows) == LIMIT and rows[0]["id"] == plan["flip_all"] and rows[0]["flips"] == "3"
    assert {row["id"]: row["reverse_flips"] for row in rows}[plan["only_source"]] == "1"
    left_out = "m9 (loglik, 0-shot) has no run on cosmos_qa_ptbr"
    assert left_out in result.stderr and left_out in (tmp_path / "review" / "review.md").read_text(encoding="utf-8")


def test_gap_refuses_two_runs_of_one_model_on_one_task_among_the_folders(runs: Path, tmp_path: Path) -> None:
    """A copy of a run among the folders searched is a run on the same task twice: one line, exit 2."""
    shutil.copytree(runs / EN / "oracle-1", tmp_path / "copy")
    result = run_cli(["gap", "--runs", str(runs), str(tmp_path / "copy"), "--output-dir", "review"], tmp_path)
    assert_clean(result, 2)
    assert "a run on the same task twice" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_gap_rewrites_its_own_folder_and_refuses_one_holding_other_files(runs: Path, tmp_path: Path) -> None:
    """A second run replaces the review it wrote; a folder with a user's file is left untouched, exit 2."""
    pairs = _pairs(runs, ["oracle-1"])
    assert_clean(run_cli(["gap", *pairs, "--output-dir", "review"], tmp_path))
    assert_clean(run_cli(["gap", *pairs, "--output-dir", "review", "--top", "1"], tmp_path))
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep", encoding="utf-8")
    result = run_cli(["gap", *pairs, "--output-dir", "mine"], tmp_path)
    assert_clean(result, 2)
    assert "notes.txt" in result.stderr and sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["notes.txt"]


def _copy_run(source: Path, target: Path, edit: Any) -> Path:
    shutil.copytree(source, target)
    results = json.loads((target / "results.json").read_text(encoding="utf-8"))
    edit(results, target)
    (target / "results.json").write_text(json.dumps(results), encoding="utf-8")
    return target


def _other_ids(results: dict[str, Any], folder: Path) -> None:
    lines = (folder / "predictions.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [{**json.loads(line), "id": f"other-{number}"} for number, line in enumerate(lines)]
    (folder / "predictions.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("odd", "--pair takes two runs"),
        ("missing", "does not exist"),
        ("shape", "records no task and settings"),
        ("same_task", "a run on the same task twice"),
        ("reversed", "give the source-language run first"),
        ("other_model", "pair two runs of one model"),
        ("no_shared_ids", "share no item ids"),
        ("data_gone", "cannot be loaded again"),
    ],
)
def test_gap_mistakes_are_one_line_and_exit_2_before_any_output(
    runs: Path, tmp_path: Path, case: str, expected: str
) -> None:
    """Each user mistake prints one error line naming it, exits 2, and writes no review folder."""
    en, pt = str(runs / EN / "oracle-1"), str(runs / PT / "oracle-1")
    if case == "shape":
        (tmp_path / "odd-run").mkdir()
        (tmp_path / "odd-run" / "results.json").write_text('{"accuracy": 0.5}', encoding="utf-8")
        pt = str(tmp_path / "odd-run")
    if case == "no_shared_ids":
        pt = str(_copy_run(runs / PT / "oracle-1", tmp_path / "other-ids", _other_ids))
    if case == "data_gone":
        pt = str(_copy_run(runs / PT / "oracle-1", tmp_path / "gone", lambda r, _: r["settings"].update(task="x.yaml")))
    args = {
        "odd": ["--pair", en, pt, str(runs / EN / "oracle-2")],
        "missing": ["--pair", en, str(tmp_path / "nowhere")],
        "same_task": ["--pair", en, str(runs / EN / "oracle-2")],
        "reversed": ["--pair", pt, en],
        "other_model": ["--pair", en, str(runs / PT / "oracle-2")],
    }.get(case, ["--pair", en, pt])
    result = run_cli(["gap", *args, "--output-dir", "review"], tmp_path)
    assert_clean(result, 2)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cosmosqa-ptbr gap: error:") and expected in lines[0], lines
    assert not (tmp_path / "review").exists()


def test_compare_on_a_translation_pair_names_both_tasks_and_lists_the_flips(
    runs: Path, tmp_path: Path, plan: Any
) -> None:
    """`compare` on one model's English and Portuguese runs gives the gap, names the pair and lists its flips."""
    result = run_cli(
        ["compare", str(runs / EN / "oracle-2"), str(runs / PT / "oracle-2"), "--output", "pair.json"], tmp_path
    )
    assert_clean(result)
    out = result.stdout
    assert "a translation pair: cosmos_qa_en (en) -> cosmos_qa_ptbr (pt-BR) on 12 shared items" in out
    assert "| gap A - B | +16.67%" in out  # 10/12 right in English, 8/12 in Portuguese
    assert "right in A, wrong in B: 3 items" in out and "right in B, wrong in A: 1 item\n" in out
    assert f"  {plan['flip_all']}: gold " in out and "different models" not in out
    data = json.loads((tmp_path / "pair.json").read_text(encoding="utf-8"))
    flipped = {flip["id"] for flip in data["flips_a"]}
    assert flipped == {plan["flip_all"], plan["low_id"], plan["high_id"]}
    assert [flip["id"] for flip in data["flips_b"]] == [plan["only_source"]]
    assert data["mcnemar_p"] == pytest.approx(0.625) and data["gap"] == pytest.approx(2 / 12)


def test_compare_tells_runs_of_different_models_apart(runs: Path, tmp_path: Path) -> None:
    """Two models on one task: a single line says the difference is between models; no translation pair."""
    result = run_cli(["compare", str(runs / PT / "oracle-1"), str(runs / PT / "oracle-3")], tmp_path)
    assert_clean(result)
    notes = [line for line in result.stdout.splitlines() if "different models" in line or "different tasks" in line]
    assert notes == [
        "A and B are runs of different models (oracle-1 vs oracle-3): the difference is between the models, not a "
        "translation gap."
    ]


def test_gap_reads_the_texts_from_the_data_source_each_run_recorded(
    runs: Path, tmp_path: Path, items: dict[str, list[dict[str, Any]]], tokenizer: Any, plan: Any
) -> None:
    """A run on a user's own file shows that file's text in the review; once the file is gone, one line, exit 2."""
    rows = sample_rows(LIMIT)
    for row in rows:
        if row["id"] == plan["flip_all"]:
            row["pergunta"] = "Pergunta revisada pelo mantenedor?"
    own = tmp_path / "mine.jsonl"
    own.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    wrong_en, wrong_pt = plan["models"]["oracle-1"]
    oracle = Oracle(tokenizer, items, {EN: wrong_en, PT: wrong_pt})
    loaded = LoadedModel(oracle, tokenizer, "oracle-1", None, "float32", "none", "cpu")
    evaluate_model(
        "oracle-1",
        loaded=loaded,
        task=PT,
        data_files=[f"validation={own}"],
        option_score=False,
        output_dir=tmp_path / "own",
        progress=False,
    )
    args = ["gap", "--pair", str(runs / EN / "oracle-1"), str(tmp_path / "own"), "--output-dir", "review"]
    assert_clean(run_cli(args, tmp_path))
    # (Which of the items flipped once ranks first rests on drops equal to float noise: the row is found by its id.)
    reviewed = {row["id"]: row for row in _review(tmp_path / "review" / "review.csv")}
    assert reviewed[plan["flip_all"]]["translated_question"] == "Pergunta revisada pelo mantenedor?"
    own.unlink()
    result = run_cli([*args[:-1], "review-2"], tmp_path)
    assert_clean(result, 2)
    assert str(tmp_path / "own" / "results.json") in result.stderr and "cannot be loaded again" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not (tmp_path / "review-2").exists()


def test_compare_output_replaces_only_a_file_it_wrote(runs: Path, tmp_path: Path) -> None:
    """--output over a user's file exits 2 and leaves it as it was; over compare's own file, it rewrites it."""
    pair = [str(runs / EN / "oracle-1"), str(runs / PT / "oracle-1")]
    (tmp_path / "notes.json").write_text('{"mine": true}', encoding="utf-8")
    result = run_cli(["compare", *pair, "--output", "notes.json"], tmp_path)
    assert_clean(result, 2)
    assert "not written by compare" in result.stderr and "mine" in (tmp_path / "notes.json").read_text()
    for _ in range(2):
        result = run_cli(["compare", *pair, "--json", "--output", "pair.json"], tmp_path)
        assert_clean(result)
    written = json.loads((tmp_path / "pair.json").read_text(encoding="utf-8"))
    assert written["written_by"] == "cosmosqa-ptbr compare"
    assert json.loads(result.stdout)["flips_a"] == written["flips_a"]  # --json keeps stdout one JSON document
