"""Translation between task specs: a five-option English task into a five-option Portuguese one through the CLI,
the request keys, the spec's fixed options and notes, the language check per pair, and the one-line refusals."""

from __future__ import annotations

import csv
import json
import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FakeOpenAI

from cosmosqa_ptbr import load_dataset, translate
from cosmosqa_ptbr.tasks import TaskSpecError, get_task
from cosmosqa_ptbr.translation import TaskMismatchError, TaskPair, prompt_hash
from cosmosqa_ptbr.translation.languages import LanguageCheck, looks_english
from cosmosqa_ptbr.translation.requests import build_messages, system_prompt
from cosmosqa_ptbr.translation.validation import SourceItem, TranslationCheckError, check_translation, read_source

REPO = Path(__file__).resolve().parents[1]

SOURCE_SPEC = """\
name: enem_demo_en
title: ENEM (English demo)
language: en
data: {hub_repo: demo/enem_en}
columns: {id: id, context: text, question: prompt, options: [a, b, c, d, e], label: answer}
prompt:
  user: "Text: {context}\\nQuestion: {question}\\n{options}"
  option: "({letter}) {text}"
  answer_prefix: Answer
"""

TARGET_SPEC = """\
name: NAME
title: ENEM (demo)
language: LANGUAGE
data: {hub_repo: demo/enem_pt}
columns: {id: numero, context: texto, question: enunciado, options: [a, b, c, d, e], label: gabarito}
prompt:
  system: Responda com a letra da alternativa correta.
  user: "Texto: {context}\\nQuestão: {question}\\n{options}"
  option: "({letter}) {text}"
  answer_prefix: Resposta
translation:
  source_task: enem_en.yaml
  fixed_options:
    "None of the alternatives.": "Nenhuma das alternativas."
  notes:
    - Write numbers as digits.
"""

NONE = "None of the alternatives."
#: id, text, prompt, options a-e, the gold letter (any case: the source stores letters).
SOURCE_ROWS = [
    ("q1", "The river floods every year in March.", "When does the river flood?",
     "In March", "In May", "Every day", "Never", NONE, "a"),
    ("q2", "Ana plants corn and beans on her farm.", "What does Ana plant on her farm?",
     "Only rice", "Corn and beans", "Coffee and sugar", "Nothing", NONE, "B"),
    ("q3", "The school opens at seven and closes at noon.", "When does the school close?",
     "At seven", "At night", "At noon", "On Sunday", NONE, "c"),
    # Option e has no word in the glossary: its "translation" stays English, and validation rejects it.
    ("q4", "Tom stayed home on Sunday.", "Why did Tom stay home?",
     "He was sick", "It was raining", "At home", "On Sunday", "Because his friends were not there", "a"),
]  # fmt: skip

GLOSSARY = {
    "the": "o", "river": "rio", "floods": "inunda", "flood": "inunda", "every": "todo", "year": "ano", "in": "em",
    "march": "março", "when": "quando", "does": "", "did": "", "may": "maio", "day": "dia", "never": "nunca",
    "none": "nenhuma", "of": "de", "alternatives": "alternativas", "plants": "planta", "plant": "planta",
    "corn": "milho", "and": "e", "beans": "feijão", "on": "em", "her": "sua", "farm": "fazenda", "what": "o que",
    "only": "só", "rice": "arroz", "coffee": "café", "sugar": "açúcar", "nothing": "nada", "at": "às",
    "school": "escola", "opens": "abre", "seven": "sete", "closes": "fecha", "close": "fecha", "noon": "meio-dia",
    "night": "noite", "sunday": "domingo", "stayed": "ficou", "stay": "ficar", "home": "casa", "why": "por que",
    "he": "ele", "was": "estava", "sick": "doente", "it": "", "raining": "chovendo",
}  # fmt: skip

#: What the target file holds: the glossary's words in the target's columns, the fixed option, ids and gold
#: letters copied from the source.
EXPECTED_ROWS = [
    {"numero": "q1", "texto": "O rio inunda todo ano em Março.", "enunciado": "Quando o rio inunda?",
     "a": "Em Março", "b": "Em Maio", "c": "Todo dia", "d": "Nunca", "e": "Nenhuma das alternativas.",
     "gabarito": "A"},
    {"numero": "q2", "texto": "Ana planta milho e feijão em sua fazenda.",
     "enunciado": "O que Ana planta em sua fazenda?", "a": "Só arroz", "b": "Milho e feijão",
     "c": "Café e açúcar", "d": "Nada", "e": "Nenhuma das alternativas.", "gabarito": "B"},
    {"numero": "q3", "texto": "O escola abre às sete e fecha às meio-dia.", "enunciado": "Quando o escola fecha?",
     "a": "Às sete", "b": "Às noite", "c": "Às meio-dia", "d": "Em Domingo", "e": "Nenhuma das alternativas.",
     "gabarito": "C"},
]  # fmt: skip


def write_demo(folder: Path, *, name: str = "enem_demo_pt", language: str = "pt-BR", spec: str = "enem_pt") -> Path:
    """The English five-option task (spec + CSV) and a Portuguese target spec naming it, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "enem_en.yaml").write_text(SOURCE_SPEC, encoding="utf-8")
    with (folder / "enem_en.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text", "prompt", "a", "b", "c", "d", "e", "answer"])
        writer.writerows(SOURCE_ROWS)
    target = folder / f"{spec}.yaml"
    target.write_text(TARGET_SPEC.replace("NAME", name).replace("LANGUAGE", language), encoding="utf-8")
    return target


def run_cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``cosmosqa-ptbr ARGS`` in ``cwd`` as a user runs it, offline, with this checkout's package."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "OPENAI_API_KEY": "sk-test"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "cosmosqa_ptbr.cli", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def _shown(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\nstdout:\n{result.stdout[-3000:]}\nstderr:\n{result.stderr[-3000:]}"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single line an exit-2 mistake prints (no traceback, nothing else)."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 2 and len(lines) == 1 and "Traceback" not in result.stderr, _shown(result)
    return lines[0]


# ----------------------------------------------------------------------------------------- through the CLI


def test_a_five_option_task_is_translated_into_a_five_option_task_through_the_cli(tmp_path: Path) -> None:
    """``translate --task enem_pt.yaml`` reads the English spec's CSV and writes rows the Portuguese spec loads."""
    target = write_demo(tmp_path / "demo")
    args = ["translate", "--task", "demo/enem_pt.yaml", "--input", "demo/enem_en.csv", "--output",
            "pt/validation.jsonl", "--model", "m", "--quiet"]  # fmt: skip
    with FakeOpenAI(glossary=GLOSSARY).start() as fake:
        result = run_cli([*args, "--base-url", fake.base_url], tmp_path)
        rerun = run_cli([*args, "--base-url", fake.base_url], tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr, _shown(result)
    assert "3 translated, 1 rejected" in result.stdout, _shown(result)

    output = tmp_path / "pt" / "validation.jsonl"
    assert sorted(_jsonl(output), key=lambda row: row["numero"]) == EXPECTED_ROWS
    [reject] = _jsonl(tmp_path / "pt" / "validation.rejects.jsonl")
    assert reject["id"] == "q4" and "field E is still in English" in reject["reason"], reject

    items = [entry for entry in fake.log if entry["keys"]]
    assert {tuple(entry["keys"]) for entry in items} == {("texto", "enunciado", "A", "B", "C", "D", "E")}
    system = items[0]["system"]
    assert system.startswith("You translate items of ENEM (English demo), an English multiple-choice")
    assert "into Brazilian Portuguese (pt-BR)" in system and "the five answer options" in system
    assert "- Write numbers as digits." in system and "pre-tokenised" not in system
    assert '- The option "None of the alternatives." is always translated exactly as "Nenhuma das alternativas.".' in (
        system
    )

    manifest = json.loads((tmp_path / "pt" / "validation.manifest.json").read_text(encoding="utf-8"))
    source = get_task(tmp_path / "demo" / "enem_en.yaml")
    assert (manifest["task"]["name"], manifest["task"]["fingerprint"]) == (
        "enem_demo_pt",
        get_task(target).fingerprint(),
    )
    assert (manifest["source_task"]["name"], manifest["source_task"]["fingerprint"]) == (
        "enem_demo_en",
        source.fingerprint(),
    )
    assert manifest["task"]["letters"] == "ABCDE" and manifest["counts"]["remaining"] == 0
    assert manifest["prompt_hash"] == prompt_hash(TaskPair.resolve(target)) != prompt_hash()

    loaded = load_dataset("default", task=str(target), data_files={"validation": str(output)},
                          cache_dir=str(tmp_path / "cache"))  # fmt: skip
    gold = {row["numero"]: "ABCDE"[row["gabarito"]] for row in loaded["validation"]}
    assert gold == {"q1": "A", "q2": "B", "q3": "C"}

    assert rerun.returncode == 0 and "4 already done, 0 translated" in rerun.stdout, _shown(rerun)


def test_an_output_of_one_task_is_not_resumed_as_another(tmp_path: Path) -> None:
    """Resuming an output with another target task is one line, exit 2, before any request; the file is unchanged."""
    write_demo(tmp_path / "demo")
    write_demo(tmp_path / "demo", name="enem_demo_other", spec="enem_other")
    args = ["translate", "--input", "demo/enem_en.csv", "--output", "out.jsonl", "--model", "m", "--quiet"]
    with FakeOpenAI(glossary=GLOSSARY).start() as fake:
        first = run_cli([*args, "--task", "demo/enem_pt.yaml", "--base-url", fake.base_url], tmp_path)
        assert first.returncode == 0, _shown(first)
        before, requests = (tmp_path / "out.jsonl").read_bytes(), len(fake.log)
        other = run_cli([*args, "--task", "demo/enem_other.yaml", "--base-url", fake.base_url], tmp_path)
    line = _one_line_error(other)
    assert "holds task 'enem_demo_pt' translated from 'enem_demo_en'" in line and "--task" in line
    assert (tmp_path / "out.jsonl").read_bytes() == before and len(fake.log) == requests


def test_a_target_with_another_number_of_options_is_one_line(tmp_path: Path) -> None:
    """Four-option Cosmos QA Português from the five-option English task: one line naming both counts, exit 2."""
    write_demo(tmp_path / "demo")
    args = ["translate", "--source-task", "demo/enem_en.yaml", "--input", "demo/enem_en.csv", "--output", "out.jsonl",
            "--base-url", "http://127.0.0.1:9/v1", "--model", "m"]  # fmt: skip
    line = _one_line_error(run_cli(args, tmp_path))
    assert "'cosmos_qa_ptbr' has 4 options (A, B, C, D)" in line and "'enem_demo_en' has 5" in line, line
    assert not list(tmp_path.glob("out*"))
    with pytest.raises(TaskMismatchError, match="translate into a task spec with 5 options"):
        TaskPair.resolve("cosmos_qa_ptbr", tmp_path / "demo" / "enem_en.yaml")


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (("  source_task: enem_en.yaml\n", ""), r"names no source task .*pass --source-task"),
        ((", label: gabarito}", "}"), r"has gold labels \(answer\) but task 't' has no label column"),
        (("context: texto, ", ""), r"has a context column \(text\) but task 't' has none"),
        (("question: enunciado", "question: E"), r"column 'E' is also an option letter"),
    ],
    ids=["no source task", "no label column", "no context column", "column named like a letter"],
)
def test_a_target_that_cannot_hold_the_source_is_refused(tmp_path: Path, edit: tuple[str, str], reason: str) -> None:
    """A target spec that names no source, or would drop the labels or the context, or mixes keys: one message."""
    spec = write_demo(tmp_path, name="t")
    assert edit[0] in spec.read_text(encoding="utf-8")
    spec.write_text(spec.read_text(encoding="utf-8").replace(*edit), encoding="utf-8")
    with pytest.raises(TaskMismatchError, match=reason):
        TaskPair.resolve(spec)


# ----------------------------------------------------------------------------------------- the default pair


def test_the_default_pair_keeps_its_prompt_byte_for_byte() -> None:
    """English Cosmos QA -> Cosmos QA Português asks as before the task specs: same keys, note, fixed option, hash."""
    pair = TaskPair.resolve()
    assert (pair.source.name, pair.target.name) == ("cosmos_qa_en", "cosmos_qa_ptbr")
    assert pair.keys == ("contexto", "pergunta", "A", "B", "C", "D")
    # The hash runs before the specs recorded: an output they started resumes with no "another prompt" warning.
    assert prompt_hash() == prompt_hash(pair) == "3f9d07b27b1187bd"
    system = system_prompt(pair)
    assert '("it \'s", "wo nt", spaces before punctuation)' in system  # from the spec's translation.notes
    assert (
        system.index("pre-tokenised") < system.index('"None of the above choices ."') < system.index("JSON object only")
    )


def test_requests_name_the_target_columns_and_letters(tmp_path: Path) -> None:
    """The item's JSON carries the target's context and question columns and the letters A-E, never the label."""
    pair = TaskPair.resolve(write_demo(tmp_path))
    item = read_source(tmp_path / "enem_en.csv", task=pair.source)[1]
    assert (item.id, item.label, item.options[1]) == ("q2", 1, "Corn and beans")
    payload = build_messages(item, pair)[1]["content"].split("\n", 1)[1]
    assert json.loads(payload) == {"texto": item.context, "enunciado": item.question,
                                   **dict(zip("ABCDE", item.options, strict=True))}  # fmt: skip
    assert "answer" not in payload and "gabarito" not in payload


# ----------------------------------------------------------------------------------------- validation over N options


def _reply(**changes: str) -> dict[str, str]:
    reply = {"texto": "Ana planta milho.", "enunciado": "O que ela planta?", "A": "Arroz", "B": "Milho", "C": "Café",
             "D": "Nada", "E": "Qualquer coisa"}  # fmt: skip
    return {**reply, **changes}


def test_five_option_replies_are_checked_on_every_option(tmp_path: Path) -> None:
    """E missing, E equal to A, English left in E and the fixed text on a non-fixed option are each named."""
    pair = TaskPair.resolve(write_demo(tmp_path))
    item = SourceItem(
        "x", "Ana plants corn.", "What does she plant?", ("Rice", "Corn", "Coffee", "Nothing", "Anything"), 1
    )
    assert check_translation(item, _reply(), pair=pair)["gabarito"] == "B"
    cases = {
        "field E is missing": {k: v for k, v in _reply().items() if k != "E"},
        "options A and E are the same": _reply(E="Arroz"),
        "field E is still in English": _reply(E="It is what they have at the farm"),
        "option C became 'Nenhuma das alternativas.'": _reply(C="Nenhuma das alternativas."),
    }
    for reason, reply in cases.items():
        with pytest.raises(TranslationCheckError, match=reason):
            check_translation(item, reply, pair=pair)
    fixed = SourceItem("y", "Ana plants corn.", "What does she plant?", ("Rice", "Corn", "Coffee", "Nothing", NONE), 1)
    assert (
        check_translation(fixed, _reply(E="Nenhum de o alternativas."), pair=pair)["e"] == "Nenhuma das alternativas."
    )


# ----------------------------------------------------------------------------------------- languages


def test_the_language_check_follows_the_pair() -> None:
    """English left in Portuguese, Portuguese left in English; a pair without tables checks copies only."""
    assert looks_english("Why did he go to the store with his wife ?") and not looks_english("Por que ele foi?")
    english_to_portuguese, portuguese_to_english = LanguageCheck("en", "pt-BR"), LanguageCheck("pt-BR", "en")
    assert english_to_portuguese.untranslated("He went to the store with his wife")
    assert not portuguese_to_english.untranslated("He went to the store with his wife")
    assert portuguese_to_english.untranslated("Ele foi para a loja com a esposa")
    assert english_to_portuguese.note is None and "function words" in english_to_portuguese.describe()
    no_table = LanguageCheck("en", "de")
    assert no_table.note and "no function-word table for de" in no_table.note
    assert not no_table.untranslated("He went to the store with his wife", "He went to the market")
    assert no_table.untranslated("He went to the store", "He went to the store")
    assert (
        not LanguageCheck("pt", "pt-BR").untranslated("Ele foi", "Ele foi à loja") and LanguageCheck("pt", "pt-BR").note
    )


def test_a_pair_without_a_language_table_says_so_once_in_the_log_and_manifest(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """English into German (no table): the run translates, and the skipped check is named once, not silently."""
    target = write_demo(tmp_path, name="enem_demo_de", language="de", spec="enem_de")
    with FakeOpenAI(glossary=GLOSSARY).start() as fake, caplog.at_level(logging.WARNING, "cosmosqa_ptbr.translation"):
        result = translate(tmp_path / "enem_en.csv", tmp_path / "de.jsonl", task=str(target), base_url=fake.base_url,
                           model="m", progress=False)  # fmt: skip
    # Without function words, an English field is caught only as a copy of its source: q4's option e is one.
    assert (result.written, result.rejected) == (3, 1)
    [reject] = _jsonl(tmp_path / "de.rejects.jsonl")
    assert reject["id"] == "q4" and "field E is still in English" in reject["reason"]
    notes = [record.getMessage() for record in caplog.records if "no function-word table" in record.getMessage()]
    assert len(notes) == 1 and "enem_demo_en -> enem_demo_de" in notes[0]
    manifest = json.loads((tmp_path / "de.manifest.json").read_text(encoding="utf-8"))
    assert manifest["language_check"].startswith("no function-word table for de")


# ----------------------------------------------------------------------------------------- the spec's notes


def test_translation_notes_in_a_spec_are_a_list_of_texts(tmp_path: Path) -> None:
    """``translation.notes`` is read as a list of rules; a single string is refused naming the key."""
    good = write_demo(tmp_path)
    assert get_task(good).translation.notes == ("Write numbers as digits.",)
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.read_text(encoding="utf-8").replace("notes:\n    - Write", "notes: Write"), encoding="utf-8")
    with pytest.raises(TaskSpecError, match=r"translation\.notes"):
        get_task(bad)
    assert textwrap.dedent(get_task().translation.notes[0]).startswith("The English text is pre-tokenised")
