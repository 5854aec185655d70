"""The leaderboard protocol: the Open Portuguese LLM Leaderboard's prompt words, layout, chat and plain rendering and
filter, checked against its lm-evaluation-harness fork's own code; `evaluate --protocol leaderboard` (its settings,
its records) and the harness task `<name>_leaderboard` agreeing item by item on a tiny model."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from test_commands import assert_clean, run_cli
from test_tasks import write_enem

from cosmosqa_ptbr.data import load_items
from cosmosqa_ptbr.evaluation import EvaluationSettings
from cosmosqa_ptbr.evaluation.extraction import leaderboard_extract
from cosmosqa_ptbr.lm_eval_tasks import TASKS_DIR
from cosmosqa_ptbr.prompts import ZEPHYR_CHAT_TEMPLATE, select_shots
from cosmosqa_ptbr.protocols import (
    leaderboard_chat_type,
    leaderboard_description,
    leaderboard_question,
    render_leaderboard_prompt,
)
from cosmosqa_ptbr.tasks import get_task, letters_for

DATA = Path(__file__).resolve().parent / "data"
TEMPLATES = DATA / "chat_templates"
AGREEMENT_ITEMS = 40

# --------------------------------------------------------------------------------------------- the fork's code
# Copied from https://github.com/eduagarcia/lm-evaluation-harness-pt at commit ca07215614ee28353ac61e1d745943089b3fa4f8
# (lm_eval/tasks/portuguese/enem.yaml and util.py, lm_eval/models/huggingface.py, lm_eval/api/task.py), so that
# the package's rendering is checked against what the leaderboard runs, not against itself.

FORK_ENEM_DESCRIPTION = (
    "As perguntas a seguir são questões de múltipla escolha do Exame Nacional do Ensino Médio (ENEM), selecione a "
    'única alternativa correta e responda apenas com as letras "A", "B", "C", "D" ou "E".\n\n'
)
FORK_OAB_ENDING = 'responda apenas com as letras "A", "B", "C" ou "D".\n\n'


def fork_enem_generate_options(choices: Mapping[str, Any]) -> str:
    options = ""
    for text, label in zip(choices["text"], choices["label"], strict=True):
        options += f"{label}. {text}\n"
    return options.strip()


def fork_enem_doc_to_text(doc: Mapping[str, Any]) -> str:
    return (
        f"Pergunta:\n{doc['question']}\nAlternativas:\n{fork_enem_generate_options(doc['choices'])}\nResposta correta:"
    )


def fork_apply_chat_template(
    tokenizer: Any, example: str, fewshots: Sequence[tuple[str, str]], description: str | None, chat_type: str
) -> str:
    chat_history = []
    if description:
        role = "system"
        if chat_type == "assistant_user":
            role = "assistant"
        elif chat_type == "user_assistant":
            role = "user"
        chat_history.append({"role": role, "content": description.strip()})
    for i, shot in enumerate(fewshots):
        q_shot, a_shot = shot
        if i == 0 and chat_type == "user_assistant" and len(chat_history) == 1:
            chat_history[0]["content"] += "\n\n" + q_shot.strip()
            chat_history.append({"role": "assistant", "content": a_shot.strip()})
        else:
            chat_history.append({"role": "user", "content": q_shot.strip()})
            chat_history.append({"role": "assistant", "content": a_shot.strip()})
    chat_history.append({"role": "user", "content": example.strip()})
    return tokenizer.apply_chat_template(chat_history, add_generation_prompt=True, tokenize=False)


def fork_chat_type(tokenizer: Any) -> str | None:
    if tokenizer.chat_template is None:
        return None
    for chat_type in ["system_user_assistant", "assistant_user", "user_assistant"]:
        try:
            fork_apply_chat_template(tokenizer, "test", [("test", "test"), ("test", "test")], "test", chat_type)
            return chat_type
        except Exception:  # the fork's own catch
            pass
    return None


def fork_plain_context(example: str, fewshots: Sequence[tuple[str, str]], description: str) -> str:
    """The task's fewshot_context: the description (with its blank line), the examples, the question."""
    if not fewshots:
        return description + example
    target_delimiter, fewshot_delimiter = " ", "\n\n"
    labeled_examples = fewshot_delimiter.join([q + target_delimiter + str(a) for q, a in fewshots]) + fewshot_delimiter
    return description + labeled_examples + example


def fork_doc(item: Mapping[str, Any]) -> dict[str, Any]:
    """An item as an ENEM row of the fork's dataset: the supporting text opens the question."""
    letters = letters_for(len(item["options"]))
    kept = [(letter, text) for letter, text in zip(letters, item["options"], strict=True) if text.strip()]
    question = f"{item['context']}\n{item['question']}" if item.get("context") else item["question"]
    return {"question": question, "choices": {"label": [k[0] for k in kept], "text": [k[1] for k in kept]}}


def fork_shots(items: Sequence[Mapping[str, Any]]) -> list[tuple[str, str]]:
    return [(fork_enem_doc_to_text(fork_doc(item)), "ABCDEFGHIJ"[item["label"]]) for item in items]


# --------------------------------------------------------------------------------------------- words and layout


@pytest.fixture(scope="module")
def pool() -> list[dict[str, Any]]:
    """The 400 items of the embedded sample."""
    return load_items("sample")


def test_question_is_the_forks_enem_layout_with_the_context_opening_it(pool: list[dict[str, Any]], tmp_path) -> None:
    """Each item reads as the fork's ENEM question: context and question in the Pergunta block, one line per
    option (five for a five-option task), "Resposta correta:" last."""
    for item in pool[:50]:
        assert leaderboard_question(item) == fork_enem_doc_to_text(fork_doc(item))
    enem = get_task(write_enem(tmp_path))
    (five,) = [item for item in load_items("default", task=enem) if item["id"] == "q4"]
    assert leaderboard_question(five, enem) == fork_enem_doc_to_text(fork_doc(five))
    assert leaderboard_question(five, enem).splitlines()[1:3] == ["Texto 4.", "Pergunta 4?"]
    english = leaderboard_question(load_items("sample", task="cosmos_qa_en")[0], "cosmos_qa_en").splitlines()
    assert (english[0], english[-6], english[-1]) == ("Question:", "Options:", "Correct answer:")


def test_description_is_the_forks_with_the_task_title_and_letters(tmp_path: Path) -> None:
    """The description is ENEM's with the task's title where ENEM's exam is named and the task's letters (OAB's
    four for Cosmos QA); an English task gets it in English, a language without words the Portuguese."""
    enem = get_task(write_enem(tmp_path))
    named = FORK_ENEM_DESCRIPTION.replace("do Exame Nacional do Ensino Médio (ENEM)", "(ENEM (demo))")
    assert leaderboard_description(enem) + "\n\n" == named
    assert (leaderboard_description("cosmos_qa_ptbr") + "\n\n").endswith(FORK_OAB_ENDING)
    english = leaderboard_description("cosmos_qa_en")
    assert english.startswith("The following are multiple choice questions (Cosmos QA)")
    assert english.endswith('the letters "A", "B", "C" or "D".')
    spanish = tmp_path / "es.yaml"
    spanish.write_text((tmp_path / "enem.yaml").read_text().replace("language: pt-BR", "language: es"))
    assert leaderboard_description(spanish) == leaderboard_description(enem)


# --------------------------------------------------------------------------------------------- rendering


def _tokenizer(tiny_model_dir: Path, template: str | None) -> Any:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir)
    tokenizer.chat_template = template
    return tokenizer


REFUSES_SYSTEM_ONLY = (
    "{% for m in messages %}{% if m['role'] == 'system' %}{{ raise_exception('System role not supported') }}"
    "{% endif %}<{{ m['role'] }}>{{ m['content'] }}\n{% endfor %}{% if add_generation_prompt %}<assistant>{% endif %}"
)
REFUSES_ALL = "{{ raise_exception('this template renders nothing') }}"
#: The families' real templates (tests/data/chat_templates) and the chat type the fork finds for each.
FAMILY_CHAT_TYPES = {
    "gemma-2-it": "user_assistant",
    "llama-3.2-instruct": "system_user_assistant",
    "mistral-7b-instruct-v0.1": "user_assistant",
    "phi-3-mini-4k-instruct": "system_user_assistant",
    "phi-3-mini-4k-instruct-2024-04": "system_user_assistant",
    "qwen2.5-instruct": "system_user_assistant",
    "smollm2-135m-instruct": "system_user_assistant",
    "zephyr-7b-beta": "system_user_assistant",
}
#: A template that drops a system turn without a word: the fork finds no failure, and its description is lost.
DROPS_SYSTEM = {"phi-3-mini-4k-instruct-2024-04"}
TEMPLATES_AND_TYPES = [
    *(
        (name, (TEMPLATES / f"{name}.jinja").read_text(encoding="utf-8"), kind)
        for name, kind in FAMILY_CHAT_TYPES.items()
    ),
    ("package-zephyr", ZEPHYR_CHAT_TEMPLATE, "system_user_assistant"),
    ("refuses-system-only", REFUSES_SYSTEM_ONLY, "assistant_user"),
    ("refuses-all", REFUSES_ALL, None),
    ("none", None, None),
]


@pytest.mark.parametrize(
    ("name", "template", "chat_type"), TEMPLATES_AND_TYPES, ids=[t[0] for t in TEMPLATES_AND_TYPES]
)
@pytest.mark.parametrize("shots", [0, 3])
def test_prompt_is_the_forks_under_every_chat_type_and_plain(
    tiny_model_dir: Path, pool: list[dict[str, Any]], name: str, template: str | None, chat_type: str | None, shots: int
) -> None:
    """With each family's template the fork's chat type is found (system turn, else a leading assistant turn, else
    folded into the first user turn, else plain) and the prompt is the fork's, special tokens added to a plain prompt
    only (a template that drops the system turn loses the description there too). Zero-shot with the
    description folded, where the fork would send two user turns in a row, it opens the question's turn."""
    tokenizer = _tokenizer(tiny_model_dir, template)
    item, examples = pool[7], select_shots(pool, shots, seed="0:x", exclude_id=pool[7]["id"])
    assert leaderboard_chat_type(tokenizer) == fork_chat_type(tokenizer) == chat_type
    prompt = render_leaderboard_prompt(tokenizer, item, examples)
    description = leaderboard_description() + "\n\n"  # as the fork's YAML writes it
    example = fork_enem_doc_to_text(fork_doc(item))
    if chat_type is None:
        expected = fork_plain_context(example, fork_shots(examples), description)
        assert (prompt.text, prompt.add_special_tokens, prompt.rendering) == (expected, True, "plain")
    elif chat_type == "user_assistant" and not examples:
        expected = fork_apply_chat_template(tokenizer, description + example, [], None, chat_type)
        assert (prompt.text, prompt.add_special_tokens, prompt.rendering) == (expected, False, chat_type)
    else:
        expected = fork_apply_chat_template(tokenizer, example, fork_shots(examples), description, chat_type)
        assert (prompt.text, prompt.add_special_tokens, prompt.rendering) == (expected, False, chat_type)
        assert (leaderboard_description() in prompt.text) == (name not in DROPS_SYSTEM)


def test_reading_is_the_forks_filter_on_known_replies() -> None:
    """Forty replies read as the fork's own filter chain (with unidecode) reads them, and the harness task's filter
    reads them the same way, [invalid] for nothing readable."""
    from test_lm_eval import _utils

    cases = [json.loads(line) for line in (DATA / "leaderboard_filter_fork.jsonl").read_text().splitlines()]
    assert len(cases) == 40 and {case["fork"] is None for case in cases} == {True, False}
    assert [leaderboard_extract(case["reply"], case["letters"]) for case in cases] == [case["fork"] for case in cases]
    four = [case for case in cases if case["letters"] == "ABCD"]
    docs = [{"options": ["um", "dois", "três", "quatro"]}] * len(four)
    read = _utils().leaderboard_letters([[case["reply"]] for case in four], docs)
    assert read == [[case["fork"] or "[invalid]"] for case in four]


def test_leaderboard_task_loader_adds_the_description_and_draws_shots_as_evaluate(pool: list[dict[str, Any]]) -> None:
    """`utils.load` gives the items the description (with the blank line a plain prompt needs) and the shot seed,
    and the pool as a `shots` split; ItemShots draws an item's shots as evaluate does (seed and id, never the
    item)."""
    from test_lm_eval import _utils

    utils = _utils()
    loaded = utils.load(cosmosqa_task="cosmos_qa_ptbr", cosmosqa_protocol="leaderboard", cosmosqa_shots_seed=5)
    validation, shots = loaded["validation"], loaded["shots"]
    assert validation.num_rows == shots.num_rows == 400
    assert set(validation["leaderboard_description"]) == {leaderboard_description() + "\n\n"}
    assert set(validation["cosmosqa_shots_seed"]) == {5}
    sampler = utils.ItemShots(list(shots), rnd=None)
    doc = validation[3]
    drawn = sampler.sample(3, eval_doc=doc)
    expected = select_shots(pool, 3, seed=f"5:{doc['id']}", exclude_id=doc["id"])
    assert [row["id"] for row in drawn] == [row["id"] for row in expected]
    assert doc["id"] not in [row["id"] for row in drawn]
    assert utils.leaderboard_doc_to_text(doc) == leaderboard_question(pool[3])


# --------------------------------------------------------------------------------------------- settings


def test_protocol_fills_its_defaults_and_keeps_what_is_given() -> None:
    """Under the leaderboard protocol: generation, 3 shots, 32 tokens, its filter; the package's defaults stay."""
    leaderboard = EvaluationSettings(protocol="leaderboard").resolved()
    assert (leaderboard.mode, leaderboard.shots, leaderboard.max_new_tokens, leaderboard.extractor) == (
        "generate",
        3,
        32,
        "leaderboard",
    )
    given = EvaluationSettings(protocol="leaderboard", shots=0, max_new_tokens=8, extractor="ours").resolved()
    assert (given.shots, given.max_new_tokens, given.extractor) == (0, 8, "ours")
    package = EvaluationSettings().resolved()
    assert (package.mode, package.shots, package.max_new_tokens, package.extractor) == ("loglik", 0, 16, None)
    assert EvaluationSettings(mode="generate").resolved().extractor == "ours"
    assert EvaluationSettings(protocol="leaderboard", system_prompt="none").description is None


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--protocol", "leaderboard", "--mode", "loglik"], "drop --mode loglik"),
        (["--extractor", "leaderboard"], "--extractor reads generated answers"),
        (["--protocol", "leaderboard", "--debias", "pride"], "--debias and --circular read letter probabilities"),
    ],
)
def test_evaluate_refuses_settings_the_protocol_cannot_run(tmp_path: Path, args: list[str], expected: str) -> None:
    """A protocol asked to do what it cannot: one line, exit 2, nothing loaded or written."""
    result = run_cli(["evaluate", "--model", "no/such-model", *args, "--output-dir", "out"], tmp_path)
    assert_clean(result, code=2)
    assert expected in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "out").exists()


def test_run_of_an_earlier_release_resumes(tiny_model_dir: Path, pool: list[dict[str, Any]], tmp_path: Path) -> None:
    """A run recorded before --protocol existed (no protocol, no extractor in run.json) resumes as a package run."""
    from cosmosqa_ptbr.evaluation import evaluate_model
    from cosmosqa_ptbr.evaluation.models import load_model

    loaded = load_model(str(tiny_model_dir))
    folder = tmp_path / "run"
    settings = {"mode": "generate", "max_new_tokens": 2, "batch_size": 1, "progress": False}
    evaluate_model(loaded=loaded, items=pool[:3], output_dir=folder, **settings)
    manifest = json.loads((folder / "run.json").read_text())
    for key in ("protocol", "extractor"):
        del manifest["run"]["settings"][key]
    (folder / "run.json").write_text(json.dumps(manifest))
    (folder / "results.json").unlink()
    lines = (folder / "predictions.jsonl").read_text().splitlines(keepends=True)
    (folder / "predictions.jsonl").write_text("".join(lines[:2]))
    resumed = evaluate_model(loaded=loaded, items=pool[:3], output_dir=folder, resume=True, **settings)
    assert (resumed.resumed, resumed.n, resumed.protocol, resumed.extractor) == (2, 3, "package", "ours")


# --------------------------------------------------------------------------------------------- compare and gap


def _run(folder: Path, protocol: str | None, predicted: str) -> Path:
    folder.mkdir(parents=True)
    results = {"model": "m", "mode": "generate", "shots": 3, "accuracy": 0.5, "task": {"name": "cosmos_qa_ptbr"}}
    if protocol:
        results["protocol"] = protocol
    (folder / "results.json").write_text(json.dumps(results))
    rows = [{"id": f"q{i}", "gold": "A", "predicted": predicted if i % 2 else "A"} for i in range(6)]
    (folder / "predictions.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
    return folder


def test_compare_and_gap_name_the_protocol(tmp_path: Path) -> None:
    """compare says when two runs were asked under different protocols; gap tells such runs apart."""
    from cosmosqa_ptbr.evaluation import compare
    from cosmosqa_ptbr.evaluation.gap import Run

    package, leaderboard = _run(tmp_path / "a", None, "B"), _run(tmp_path / "b", "leaderboard", "C")
    result = compare(package, leaderboard)
    assert (result.protocol_a, result.protocol_b, result.different_protocols) == ("package", "leaderboard", True)
    assert any("different protocols (package vs leaderboard)" in line for line in result.notes())
    assert "| protocol A / B | package / leaderboard |" in result.table()
    assert "leaderboard protocol" in result.b and "protocol" not in result.a
    runs = [Run(path=folder / "results.json", results=json.loads((folder / "results.json").read_text()))
            for folder in (package, leaderboard)]  # fmt: skip
    assert runs[0].identity != runs[1].identity
    assert runs[1].describe() == "m (generate, 3-shot, leaderboard protocol)"


# --------------------------------------------------------------------------------------------- evaluate beside lm-eval


@pytest.fixture(scope="module")
def wandering_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny Llama initialised wide (0.5), whose greedy answers differ from item to item: some stop at a blank
    line, some run to the token limit, some hold a letter the filter reads."""
    from _tiny import build_tiny_llama

    return build_tiny_llama(tmp_path_factory.mktemp("wandering"), seed=1, initializer_range=0.5)


def _harness(model: Path, limit: int, chat: bool) -> dict[str, Any]:
    import lm_eval
    from lm_eval.tasks import TaskManager

    out = lm_eval.simple_evaluate(
        model="hf",
        model_args=f"pretrained={model},dtype=float32",
        tasks=["cosmosqa_ptbr_leaderboard"],
        limit=limit,
        apply_chat_template=chat,
        fewshot_as_multiturn=chat,
        log_samples=True,
        task_manager=TaskManager(include_path=[str(TASKS_DIR)], include_defaults=False),
        device="cpu",
        batch_size=1,
    )
    rows = sorted(out["samples"]["cosmosqa_ptbr_leaderboard"], key=lambda row: row["doc_id"])
    return {"rows": rows, "accuracy": out["results"]["cosmosqa_ptbr_leaderboard"]["exact_match,find_choices"]}


def _evaluate(model: Path, limit: int, folder: Path, *extra: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    args = ["evaluate", "--model", str(model), "--protocol", "leaderboard", "--limit", str(limit), *extra]
    result = run_cli([*args, "--batch-size", "1", "--no-progress", "--output-dir", str(folder)], folder.parent)
    assert_clean(result)
    results = json.loads((folder / "results.json").read_text())
    predictions = [json.loads(line) for line in (folder / "predictions.jsonl").read_text().splitlines()]
    return results, predictions


def _agreement(
    model: Path, harness: dict[str, Any], predictions: list[dict[str, Any]], pool: list[dict[str, Any]], plain: bool
) -> dict[str, int]:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model)
    if plain:
        tokenizer.chat_template = None
    counts = dict.fromkeys(("items", "contexts", "generations", "letters"), 0)
    for row, record in zip(harness["rows"], predictions, strict=True):
        item = pool[row["doc_id"]]
        shots = select_shots(pool, 3, seed=f"0:{item['id']}", exclude_id=item["id"])
        counts["items"] += record["id"] == item["id"]
        counts["contexts"] += row["arguments"][0][0] == render_leaderboard_prompt(tokenizer, item, shots).text
        counts["generations"] += row["resps"][0][0] == record["generation"]
        counts["letters"] += row["filtered_resps"][0] == (record["predicted"] or "[invalid]")
    return counts


@pytest.mark.slow
@pytest.mark.parametrize(("rendering", "limit"), [("chat", AGREEMENT_ITEMS), ("plain", 12)])
def test_evaluate_and_the_harness_agree_item_by_item(
    wandering_model: Path, pool: list[dict[str, Any]], tmp_path: Path, rendering: str, limit: int
) -> None:
    """`evaluate --protocol leaderboard` and lm-eval's cosmosqa_ptbr_leaderboard ask the same contexts (the model's
    chat template, or plain with --chat-template none / no --apply_chat_template), generate the same text, read the
    same letters and score the same accuracy; the run records the protocol and both extractors."""
    plain = rendering == "plain"
    results, predictions = _evaluate(wandering_model, limit, tmp_path / "run", *(["--chat-template", "none"] * plain))
    harness = _harness(wandering_model, limit, chat=not plain)
    counts = _agreement(wandering_model, harness, predictions, pool, plain)
    assert counts == dict.fromkeys(counts, limit)
    assert results["accuracy"] == pytest.approx(harness["accuracy"])
    assert results["protocol"] == "leaderboard" and results["extractor"] == "leaderboard"
    assert (results["shots"], results["settings"]["max_new_tokens"], results["mode"]) == (3, 32, "generate")
    assert set(results["extractors"]) == {"ours", "leaderboard"}
    ours = [record["readings"]["ours"]["predicted"] for record in predictions]
    assert results["extractors"]["ours"]["accuracy"] == pytest.approx(
        sum(letter == record["gold"] for letter, record in zip(ours, predictions, strict=True)) / limit
    )
    # Not a vacuous agreement: some answers hold a letter the filter reads, some none.
    letters = [record["predicted"] for record in predictions]
    assert any(letters) and not all(letters)
    example = results["settings"]["prompt_example"]
    assert example["text"] == harness["rows"][0]["arguments"][0][0]
    assert example["rendering"] == ("plain" if plain else "system_user_assistant")
    report = (tmp_path / "run" / "report.md").read_text()
    assert "under the leaderboard protocol" in report and "accuracy read by ours" in report
    record = {"rendering": rendering, "items": limit, **counts, "accuracy": results["accuracy"]}
    print(f"\nagreement {json.dumps(record)}; accuracy read by ours {results['extractors']['ours']['accuracy']}")


@pytest.mark.slow
def test_harness_gives_a_template_refusing_a_system_turn_the_forks_fallback(
    wandering_model: Path, pool: list[dict[str, Any]], tmp_path: Path
) -> None:
    """With Gemma's template (no system turn) the harness task asks what the fork asks, the description folded into
    the first user turn, where lm-eval alone would drop it; its answers are evaluate's."""
    from transformers import AutoTokenizer

    model = tmp_path / "gemma"
    shutil.copytree(wandering_model, model)
    tokenizer = AutoTokenizer.from_pretrained(model)
    tokenizer.chat_template = (TEMPLATES / "gemma-2-it.jinja").read_text(encoding="utf-8")
    tokenizer.save_pretrained(model)
    _, predictions = _evaluate(model, 3, tmp_path / "run")
    harness = _harness(model, 3, chat=True)
    assert _agreement(model, harness, predictions, pool, plain=False) == dict.fromkeys(
        ("items", "contexts", "generations", "letters"), 3
    )
    first = harness["rows"][0]["arguments"][0][0]
    assert re.search(r"<start_of_turn>user\nAs perguntas a seguir .*\n\nPergunta:", first)
