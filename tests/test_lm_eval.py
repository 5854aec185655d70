"""The lm-evaluation-harness tasks: generated from task specs (shipped for the built-in ones, written for a user's),
prompt text from the spec, and the harness's contexts, log-likelihoods and letters equal to the package's own scorer
on a tiny model for Cosmos QA Português, the English original and a five-option task."""

from __future__ import annotations

import configparser
import fnmatch
import json
import math
from pathlib import Path
from typing import Any

import pytest
from test_commands import assert_clean, run_cli
from test_tasks import write_enem

from cosmosqa_ptbr.hub.upload import MANIFEST
from cosmosqa_ptbr.lm_eval_tasks import TASK_NAMES, TASKS_DIR
from cosmosqa_ptbr.tasks import builtin_tasks, get_task

REPO = Path(__file__).resolve().parents[1]
LIMIT = 6
SUFFIXES = ("", "_gen", "_full", "_gen_full", "_leaderboard")
ENEM_TASKS = tuple(f"enem_demo{suffix}" for suffix in SUFFIXES)


def _yaml_files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.yaml"))}


@pytest.fixture(scope="module")
def enem_tasks(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A user's five-option spec and CSV, and the folder `lm-eval-tasks --task enem.yaml --output-dir tasks` wrote."""
    home = tmp_path_factory.mktemp("enem")
    spec_file = write_enem(home, rows=LIMIT)
    result = run_cli(["lm-eval-tasks", "--task", "enem.yaml", "--output-dir", "tasks"], home)
    assert_clean(result)
    assert result.stdout.strip() == str((home / "tasks").resolve())
    return spec_file, home / "tasks"


def test_lm_eval_tasks_prints_the_folder_holding_every_task(tmp_path: Path) -> None:
    """`cosmosqa-ptbr lm-eval-tasks` prints the shipped folder: five tasks per built-in spec and the utils they call."""
    result = run_cli(["lm-eval-tasks"], tmp_path)
    assert_clean(result)
    folder = Path(result.stdout.strip())
    assert folder == TASKS_DIR
    assert set(TASK_NAMES) == {
        *(f"cosmosqa_ptbr{suffix}" for suffix in SUFFIXES),
        *(f"cosmosqa_en{suffix}" for suffix in SUFFIXES),
    }
    assert {path.stem for path in folder.glob("*.yaml")} == set(TASK_NAMES)
    assert (folder / "utils.py").is_file()


def test_shipped_tasks_equal_a_fresh_generation(tmp_path: Path) -> None:
    """The shipped YAML files are what `lm-eval-tasks --output-dir DIR` writes for the built-in specs, byte for byte."""
    result = run_cli(["lm-eval-tasks", "--output-dir", "fresh"], tmp_path)
    assert_clean(result)
    fresh = tmp_path / "fresh"
    stale = "cosmosqa_ptbr/lm_eval_tasks is stale: run `cosmosqa-ptbr lm-eval-tasks --output-dir DIR` and copy its YAML"
    assert _yaml_files(fresh) == _yaml_files(TASKS_DIR), stale
    assert (fresh / "utils.py").read_bytes() == (TASKS_DIR / "utils.py").read_bytes()
    assert json.loads((fresh / MANIFEST).read_text())["files"] == sorted([*_yaml_files(TASKS_DIR), "utils.py"])


def test_task_files_hold_no_prompt_text(enem_tasks: tuple[Path, Path]) -> None:
    """No YAML file copies a spec's system prompt, option line or answer prefix: they name utils' columns instead."""
    spec_file, folder = enem_tasks
    prompts = [get_task(task).prompt for task in [*builtin_tasks(), spec_file]]
    for path in [*TASKS_DIR.glob("*.yaml"), *folder.glob("*.yaml")]:
        text = path.read_text(encoding="utf-8")
        for prompt in prompts:
            assert prompt.system[:30] not in text, path
            assert prompt.answer_prefix not in text, path
            assert prompt.option.split("{")[0] + "A" not in text, path


def test_setup_cfg_ships_the_task_folder() -> None:
    """The wheel carries the tasks: the folder is a listed package and every file in it is a module or package data."""
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg")
    assert "cosmosqa_ptbr.lm_eval_tasks" in config["options"]["packages"].split()
    patterns = config["options.package_data"]["cosmosqa_ptbr.lm_eval_tasks"].split()
    for path in TASKS_DIR.iterdir():
        if path.is_file():
            assert path.suffix == ".py" or any(fnmatch.fnmatch(path.name, p) for p in patterns), path


def test_lm_eval_tasks_writes_a_self_contained_folder_for_a_users_spec(enem_tasks: tuple[Path, Path]) -> None:
    """A user's spec gets its five tasks, utils.py and a copy of the spec that still reads the user's CSV."""
    spec_file, folder = enem_tasks
    written = sorted(path.name for path in folder.iterdir())
    expected = sorted([*(f"{name}.yaml" for name in ENEM_TASKS), "utils.py", "enem_demo.spec.yml"])
    assert written == sorted([*expected, MANIFEST])
    assert json.loads((folder / MANIFEST).read_text())["files"] == expected
    original, copy = get_task(spec_file), get_task(folder / "enem_demo.spec.yml")
    assert (copy.name, copy.letters, copy.prompt, copy.columns) == (
        original.name,
        original.letters,
        original.prompt,
        original.columns,
    )
    assert copy.data.files == {"validation": (spec_file.parent.resolve() / "enem.csv",)}
    assert "cosmosqa_task: enem_demo.spec.yml" in (folder / "enem_demo.yaml").read_text()


def test_lm_eval_tasks_rewrites_its_own_folder_and_refuses_a_users_file(tmp_path: Path) -> None:
    """A second run replaces what the first wrote; a folder holding a user's file is refused and left as it was."""
    write_enem(tmp_path)
    assert_clean(run_cli(["lm-eval-tasks", "--task", "enem.yaml", "--output-dir", "tasks"], tmp_path))
    again = run_cli(["lm-eval-tasks", "--task", "cosmos_qa_en", "--output-dir", "tasks"], tmp_path)
    assert_clean(again)
    english = {f"cosmosqa_en{suffix}.yaml" for suffix in SUFFIXES}
    assert set(_yaml_files(tmp_path / "tasks")) == english
    assert not (tmp_path / "tasks" / "enem_demo.spec.yml").exists()
    (tmp_path / "tasks" / "notes.txt").write_text("mine", encoding="utf-8")
    refused = run_cli(["lm-eval-tasks", "--task", "enem.yaml", "--output-dir", "tasks"], tmp_path)
    assert_clean(refused, code=2)
    assert "notes.txt" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    assert (tmp_path / "tasks" / "notes.txt").read_text() == "mine"
    assert (tmp_path / "tasks" / "cosmosqa_en.yaml").is_file()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--task", "enem.yaml"], "--task needs --output-dir"),
        (["--task", "enem_dmeo.yaml", "--output-dir", "out"], "does not exist"),
        (["--task", "cosmos_qa_pt", "--output-dir", "out"], "did you mean cosmos_qa_ptbr"),
        (["--task", "enem.yaml", "--task", "clash.yaml", "--output-dir", "out"], "would both write enem_demo.yaml"),
    ],
)
def test_lm_eval_tasks_mistakes_are_one_line_and_write_nothing(tmp_path: Path, args: list[str], expected: str) -> None:
    """A missing --output-dir, an unknown spec or two specs with one harness name: exit 2, one line, no folder."""
    write_enem(tmp_path)
    (tmp_path / "clash.yaml").write_text((tmp_path / "enem.yaml").read_text().replace("ENEM (demo)", "Outro"))
    result = run_cli(["lm-eval-tasks", *args], tmp_path)
    assert_clean(result, code=2)
    assert expected in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def _utils(folder: Path = TASKS_DIR) -> Any:
    import importlib.util

    # The harness imports utils.py by its path, outside the package; so does this test.
    spec = importlib.util.spec_from_file_location(f"utils_{abs(hash(folder))}", folder / "utils.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("task", ["cosmos_qa_ptbr", "cosmos_qa_en"])
def test_task_loader_adds_the_specs_prompt_columns_to_the_embedded_sample(task: str) -> None:
    """`utils.load` returns the 400 sample items with the spec's system prompt and answer prefix on each."""
    spec = get_task(task)
    loaded = _utils().load(cosmosqa_task=task, cosmosqa_dataset_config="sample", version=1.0, pretrained="x")
    validation = loaded["validation"]
    assert validation.num_rows == 400
    assert set(validation["system_prompt"]) == {spec.prompt.system}
    assert set(validation["answer_prefix"]) == {spec.prompt.answer_prefix}
    from cosmosqa_ptbr.data import load_items

    assert _utils().doc_to_text(validation[0]) == spec.prompt.user_message(load_items("sample", task=task)[0])


def test_full_task_loader_reads_local_files_given_as_metadata() -> None:
    """The full tasks' config reads the validation file passed as `--metadata '{"data_files": ...}'`."""
    sample_file = get_task("cosmos_qa_ptbr").data.sample
    loaded = _utils().load(
        cosmosqa_dataset_config="default", cosmosqa_full=True, data_files={"validation": str(sample_file)}, version=1.0
    )
    assert loaded["validation"].num_rows == 400
    assert loaded["validation"][0]["answer_prefix"] == "Alternativa"


def test_task_loader_refuses_data_files_on_a_plain_task() -> None:
    """Local files given to a task that reads the spec's own data are an error naming the full tasks."""
    with pytest.raises(ValueError, match="cosmosqa_en_full"):
        _utils().load(cosmosqa_task="cosmos_qa_en", data_files={"validation": "val.jsonl"})


def test_five_option_tasks_read_the_users_csv_with_letters_a_to_e(enem_tasks: tuple[Path, Path]) -> None:
    """In the written folder the plain task reads the spec's CSV (letters A-E, gold indices, the spec's user turn) and
    the full one the file given as metadata."""
    spec_file, folder = enem_tasks
    utils = _utils(folder)
    docs = utils.load(cosmosqa_task="enem_demo.spec.yml", cosmosqa_dataset_config="default")["validation"]
    spec = get_task(spec_file)
    assert docs.num_rows == LIMIT
    assert [utils.doc_to_choice(doc) for doc in docs] == [list("ABCDE")] * LIMIT
    assert [utils.doc_to_target(doc) for doc in docs] == [0, 1, 2, 3, 4, 0]
    assert [utils.gold_letter(doc) for doc in docs] == list("ABCDEA")
    assert utils.doc_to_text(docs[4]).splitlines()[-1] == "(E) opção e da questão 4"
    assert set(docs["system_prompt"]) == {spec.prompt.system}
    other = spec_file.parent / "other.csv"
    other.write_text("\n".join(spec_file.with_name("enem.csv").read_text().splitlines()[:3]) + "\n")
    full = utils.load(
        cosmosqa_task="enem_demo.spec.yml",
        cosmosqa_dataset_config="default",
        cosmosqa_full=True,
        data_files={"validation": str(other)},
    )
    assert full["validation"]["id"] == ["q0", "q1"]


def test_extract_letters_reads_answers_and_marks_unreadable_ones() -> None:
    """The generation task's filter reads letters with extract_answer and turns unreadable text into a wrong answer."""
    doc = {"options": ["Sol", "Chuva", "Vento", "Nenhuma das alternativas acima."]}
    read = _utils().extract_letters([["Alternativa C"], ["Pode ser A ou B."], ["chuva"]], [doc, doc, doc])
    assert read == [["C"], ["[invalid]"], ["B"]]


# --------------------------------------------------------------------------------------------- the harness


HARNESS_TASKS = {"cosmosqa_ptbr": "cosmos_qa_ptbr", "cosmosqa_en": "cosmos_qa_en", "enem_demo": None}


@pytest.fixture(scope="module")
def harness_run(tiny_model_dir: Path, enem_tasks: tuple[Path, Path]) -> dict[str, Any]:
    """The harness's results and logged samples on the tiny Llama: the shipped tasks and the written five-option one."""
    import lm_eval
    from lm_eval.tasks import TaskManager

    spec_file, folder = enem_tasks
    out = lm_eval.simple_evaluate(
        model="hf",
        model_args=f"pretrained={tiny_model_dir},dtype=float32",
        tasks=["cosmosqa_ptbr", "cosmosqa_ptbr_gen", "cosmosqa_en", "cosmosqa_en_gen", "enem_demo"],
        limit=LIMIT,
        apply_chat_template=True,
        log_samples=True,
        # Only our folders are indexed: the harness's thousands of built-in task files take most of a minute to parse.
        task_manager=TaskManager(include_path=[str(TASKS_DIR), str(folder)], include_defaults=False),
        device="cpu",
        batch_size=1,
        gen_kwargs={"max_gen_toks": 4},
    )
    samples = {name: sorted(rows, key=lambda row: row["doc_id"]) for name, rows in out["samples"].items()}
    return {"results": out["results"], "samples": samples, "enem": spec_file}


def _task_items(harness_task: str, run: dict[str, Any]) -> tuple[Any, list[dict[str, Any]]]:
    from cosmosqa_ptbr.data import load_items

    spec = get_task(HARNESS_TASKS[harness_task] or run["enem"])
    config = "sample" if spec.data.sample else "default"
    return spec, load_items(config, "validation", task=spec)[:LIMIT]


@pytest.mark.slow
@pytest.mark.parametrize("harness_task", list(HARNESS_TASKS))
def test_harness_scores_like_the_package_on_a_tiny_model(
    harness_run: dict[str, Any], tiny_model_dir: Path, harness_task: str
) -> None:
    """Under --apply_chat_template the harness's contexts are render_prompt's, its letters and log-probs evaluate's."""
    from cosmosqa_ptbr.evaluation import evaluate_model, inference
    from cosmosqa_ptbr.evaluation.models import load_model
    from cosmosqa_ptbr.prompts import render_prompt

    spec, items = _task_items(harness_task, harness_run)
    task = str(spec.path) if not spec.builtin else spec.name
    loaded = load_model(str(tiny_model_dir))
    ours = evaluate_model(loaded=loaded, items=items, task=task, option_score=False, progress=False)
    raw = inference.letter_logprobs(loaded.model, loaded.tokenizer, items, task=spec, batch_size=1)
    rows = harness_run["samples"][harness_task]
    assert [row["doc_id"] for row in rows] == list(range(LIMIT))
    for index, row in enumerate(rows):
        letters = spec.letters
        expected = render_prompt(loaded.tokenizer, items[index], task=spec, answer_prefix=True)
        assert row["arguments"] == [(expected, f" {letter}") for letter in letters]
        harness = [resp[0][0] for resp in row["resps"]]
        assert max(abs(h - r) for h, r in zip(harness, raw[index], strict=True)) < 1e-4
        normaliser = max(harness) + math.log(sum(math.exp(h - max(harness)) for h in harness))
        ours_logprobs = [math.log(p) for p in ours.predictions[index]["probabilities"].values()]
        assert list(ours.predictions[index]["probabilities"]) == list(letters)
        assert max(abs(h - normaliser - o) for h, o in zip(harness, ours_logprobs, strict=True)) < 1e-4
        assert letters[harness.index(max(harness))] == ours.predictions[index]["predicted"]
        assert row["target"] == letters.index(ours.predictions[index]["gold"]) == items[index]["label"]


@pytest.mark.slow
@pytest.mark.parametrize("harness_task", ["cosmosqa_ptbr", "cosmosqa_en"])
def test_harness_generation_task_asks_at_the_assistant_turn_and_reads_with_the_extractor(
    harness_run: dict[str, Any], tiny_model_dir: Path, harness_task: str
) -> None:
    """The generation task's context is the package's generate prompt, its filter extract_answer's letter, its
    score a rate."""
    from cosmosqa_ptbr.evaluation.extraction import extract_answer
    from cosmosqa_ptbr.evaluation.models import load_tokenizer
    from cosmosqa_ptbr.prompts import render_prompt
    from cosmosqa_ptbr.tasks import gold_letter

    spec, items = _task_items(harness_task, harness_run)
    tokenizer = load_tokenizer(str(tiny_model_dir))
    rows = harness_run["samples"][f"{harness_task}_gen"]
    assert len(rows) == LIMIT
    for row in rows:
        item = items[row["doc_id"]]
        (context, generation_kwargs) = row["arguments"][0]
        assert context == render_prompt(tokenizer, item, task=spec, answer_prefix=False)
        assert generation_kwargs["do_sample"] is False
        letter = extract_answer(row["resps"][0][0], item["options"]).letter
        assert row["filtered_resps"] == [letter or "[invalid]"]
        assert row["target"] == gold_letter(item)
    score = harness_run["results"][f"{harness_task}_gen"]["exact_match,extract_answer"]
    hits = sum(row["filtered_resps"][0] == row["target"] for row in rows)
    assert score == pytest.approx(hits / LIMIT)
