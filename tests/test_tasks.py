"""Task specs: the built-in tasks, a user's five-option task from YAML and CSV, and the spec's one-line errors."""

from __future__ import annotations

import csv
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from cosmosqa_ptbr.data import load_dataset, load_items
from cosmosqa_ptbr.tasks import TaskSpecError, builtin_tasks, get_task, gold_letter, item_letters, letters_for

PACKAGE = Path(__file__).resolve().parents[1] / "cosmosqa_ptbr"

ENEM_SPEC = """\
name: enem_demo
title: ENEM (demo)
language: pt-BR
license: cc-by-4.0
data:
  files: {validation: enem.csv}
columns:
  id: numero
  context: texto
  question: enunciado
  options: [a, b, c, d, e]
  label: gabarito
prompt:
  system: Responda com a letra da alternativa correta.
  user: "Texto: {context}\\nQuestão: {question}\\n{options}"
  option: "({letter}) {text}"
  answer_prefix: Resposta
"""


def write_enem(folder: Path, rows: int = 6) -> Path:
    """A five-option task in a folder: its spec and a CSV whose gold letters run A, B, C, D, E, A..."""
    with (folder / "enem.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["numero", "texto", "enunciado", "a", "b", "c", "d", "e", "gabarito"])
        for index in range(rows):
            options = [f"opção {letter} da questão {index}" for letter in "abcde"]
            writer.writerow([f"q{index}", f"Texto {index}.", f"Pergunta {index}?", *options, "ABCDE"[index % 5]])
    spec = folder / "enem.yaml"
    spec.write_text(ENEM_SPEC, encoding="utf-8")
    return spec


def test_builtin_tasks_are_the_portuguese_and_english_cosmos_qa() -> None:
    """Both built-in tasks load, with four letters, their own language and the same embedded ids."""
    assert set(builtin_tasks()) == {"cosmos_qa_ptbr", "cosmos_qa_en"}
    portuguese, english = get_task("cosmos_qa_ptbr"), get_task("cosmos_qa_en")
    assert (portuguese.letters, english.letters) == (("A", "B", "C", "D"), ("A", "B", "C", "D"))
    assert (portuguese.language, english.language) == ("pt-BR", "en")
    assert portuguese.translation.source_task == "cosmos_qa_en"
    pt_items, en_items = load_items("sample"), load_items("sample", task="cosmos_qa_en")
    assert [item["id"] for item in pt_items] == [item["id"] for item in en_items]
    assert [item["label"] for item in pt_items] == [item["label"] for item in en_items]


def test_english_sample_keeps_the_release_layout() -> None:
    """`cosmos_qa_en` reads the release's columns (answer0-3, an index label) and exports them the same way."""
    split = load_dataset("sample", "validation", task="cosmos_qa_en")
    assert list(split.features) == ["id", "context", "question", "answer0", "answer1", "answer2", "answer3", "label"]
    with get_task("cosmos_qa_en").data.sample.open(encoding="utf-8", newline="") as handle:
        first = next(csv.DictReader(handle))
    item = get_task("cosmos_qa_en").normalize(split[0])
    assert get_task("cosmos_qa_en").publish(item) == {**first, "label": int(first["label"])}


def test_five_option_task_from_yaml_and_csv(tmp_path: Path) -> None:
    """A user's spec with five options loads its CSV, letters A-E, and asks in its own words."""
    spec_file = write_enem(tmp_path)
    spec = get_task(str(spec_file))
    assert spec.letters == ("A", "B", "C", "D", "E") and not spec.builtin
    items = load_items("default", task=spec_file)
    assert [gold_letter(item) for item in items] == ["A", "B", "C", "D", "E", "A"]
    from cosmosqa_ptbr.prompts import build_messages, target_text

    messages = build_messages(items[4], task=spec)
    assert messages[0]["content"] == "Responda com a letra da alternativa correta."
    assert messages[1]["content"].splitlines()[-1] == "(E) opção e da questão 4"
    assert target_text("E", task=spec) == "Resposta E"


def test_label_forms_and_letters_follow_the_options() -> None:
    """Labels read as letters or indices within the task's letters; an item's letters follow its options."""
    spec = get_task()
    assert [spec.label_index(value) for value in ("A", "b", " C ", "3", 0, 3, 2.0, -1, "", None)] == [
        0, 1, 2, 3, 0, 3, 2, None, None, None
    ]  # fmt: skip
    for bad in ("E", 4, "AB", True):
        with pytest.raises(ValueError, match="A, B, C, D"):
            spec.label_index(bad)
    assert letters_for(3) == ("A", "B", "C")
    assert item_letters({"options": ["x", "y", " ", "z"]}) == ("A", "B", "D")


def test_features_follow_the_spec() -> None:
    """The builder's features are the published columns, the label a ClassLabel of the letters."""
    spec = get_task()
    features = spec.features()
    assert list(features) == list(spec.columns.published)
    assert features[spec.columns.label].names == list(spec.letters)


def test_list_column_options_round_trip(tmp_path: Path) -> None:
    """Options kept as one list column (JSON in a CSV cell) load, and a row with the wrong count is refused."""
    (tmp_path / "three.jsonl").write_text(
        "\n".join(
            json.dumps({"id": f"t{i}", "q": f"Q{i}?", "choices": ["x", "y", "z"], "answer": i % 3}) for i in range(3)
        )
        + "\n",
        encoding="utf-8",
    )
    spec_file = tmp_path / "three.yaml"
    spec_file.write_text(
        textwrap.dedent(
            """\
            name: three
            language: en
            n_options: 3
            data: {files: {validation: three.jsonl}}
            columns: {id: id, question: q, options: choices, label: answer, label_format: index}
            prompt: {user: "{question}\\n{options}", option: "{letter}. {text}", answer_prefix: "Answer:"}
            """
        ),
        encoding="utf-8",
    )
    items = load_items("default", task=spec_file)
    assert [item["label"] for item in items] == [0, 1, 2] and items[0]["context"] == ""
    from cosmosqa_ptbr.prompts import user_message

    assert user_message(items[0], task=spec_file) == "Q0?\nA. x\nB. y\nC. z"


BAD_SPECS: list[tuple[str, dict[str, Any], str]] = [
    ("unknown top key", {"nmae": "x"}, "unknown setting 'nmae'.*did you mean name"),
    ("unknown section key", {"columns": {"questoin": "q"}}, "columns.questoin"),
    ("template field", {"prompt": {"user": "{pergunta} {options}"}}, "prompt.user.*pergunta"),
    ("no options field", {"prompt": {"user": "{question}"}}, "prompt.user.*must use options"),
    ("one option", {"columns": {"options": ["a"]}}, "2 to 10 options"),
    ("no data", {"data": {"files": None}}, "names no data"),
    ("missing file", {"data": {"files": {"validation": "nope.csv"}}}, "data.files.validation.*does not exist"),
    ("hub id", {"data": {"files": None, "hub_repo": "noslash"}}, "data.hub_repo"),
    ("column twice", {"columns": {"question": "texto"}}, "named twice"),
    ("bad name", {"name": "Enem 2023"}, "key 'name'"),
]


@pytest.mark.parametrize(("case", "change", "expected"), BAD_SPECS, ids=[case for case, _, _ in BAD_SPECS])
def test_malformed_spec_is_one_error_naming_file_and_key(
    tmp_path: Path, case: str, change: dict[str, Any], expected: str
) -> None:
    """Each mistake in a spec raises TaskSpecError naming the file and the key at fault."""
    import yaml

    spec_file = write_enem(tmp_path)
    data = yaml.safe_load(spec_file.read_text(encoding="utf-8"))
    for key, value in change.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    data["data"] = {k: v for k, v in data["data"].items() if v is not None}
    spec_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(TaskSpecError, match=expected) as raised:
        get_task(str(spec_file))
    assert str(spec_file) in str(raised.value)


def test_unknown_task_name_suggests_the_close_one() -> None:
    """A misspelt built-in name lists the built-in tasks and the closest."""
    with pytest.raises(TaskSpecError, match="did you mean cosmos_qa_en"):
        get_task("cosmos_qa_eng")
    with pytest.raises(TaskSpecError, match="does not exist"):
        get_task("missing.yaml")


def test_no_module_outside_the_task_specs_names_a_cosmos_qa_column() -> None:
    """No module outside the task specs reads or writes a Cosmos QA column by name: rows go through the spec.

    Reading ``row["contexto"]``, ``row.get("answer0")``, a ``CONTEXT = "contexto"`` constant or a tuple of the
    English option columns counts; the words themselves in prose, prompt vocabulary, help text or a docstring
    example do not.
    """
    import re

    names = "contexto|pergunta|Label|answer[0-3]"
    access = re.compile(
        rf"""\[\s*['"]({names})['"]\s*\]|\.get\(\s*['"]({names})['"]|=\s*['"]({names})['"]\s*$|"""
        r"""\(\s*['"]answer0['"]\s*,\s*['"]answer1['"]"""
    )
    offenders = sorted(
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("*.py")
        if "tasks" not in path.relative_to(PACKAGE).parts[:1]
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if not line.lstrip().startswith((">>>", "...")) and access.search(line)
    )
    assert offenders == []
