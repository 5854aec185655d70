"""The schema (single source of column names and letters) and the prompt builder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cosmosqa_ptbr import prompts, schema


@pytest.mark.parametrize(("label", "index"), [("A", 0), ("b", 1), (" C ", 2), ("3", 3), (0, 0), (3, 3)])
def test_label_to_index_accepts_letters_and_indices(label: object, index: int) -> None:
    """Letters in any case and indices 0-3 (int or digit string) map to the option index."""
    assert schema.label_to_index(label) == index


@pytest.mark.parametrize("label", ["E", "", None, 4, -1, "AB", True, 1.0])
def test_label_to_index_rejects_anything_else(label: object) -> None:
    """Anything outside A-D / 0-3 raises a ValueError that lists the accepted forms."""
    with pytest.raises(ValueError, match="A, B, C, D"):
        schema.label_to_index(label)


def test_features_use_a_classlabel_over_the_letters() -> None:
    """`Label` is a ClassLabel named by the answer letters; every other column is a string."""
    features = schema.features()
    assert list(features) == list(schema.COLUMNS)
    assert features[schema.LABEL].names == list(schema.LETTERS)
    assert all(features[name].dtype == "string" for name in schema.COLUMNS if name != schema.LABEL)


def test_user_message_lists_every_option_in_order(sample: list[dict[str, Any]]) -> None:
    """The user turn holds the context, the question and one `Alternativa X)` line per option."""
    item = sample[0]
    lines = prompts.user_message(item).splitlines()
    assert lines[0] == f"Contexto: {item['contexto']}"
    assert lines[1] == f"Pergunta: {item['pergunta']}"
    assert lines[2:] == [f"Alternativa {letter}) {item[letter]}" for letter in schema.LETTERS]


def test_blank_options_get_no_line(sample: list[dict[str, Any]]) -> None:
    """A question typed with three alternatives lists only those three, under their own letters."""
    item = dict(sample[0], C="  ")
    lines = prompts.user_message(item).splitlines()
    assert lines[2:] == [f"Alternativa {letter}) {item[letter]}" for letter in ("A", "B", "D")]


def test_few_shot_messages_alternate_solved_examples(sample: list[dict[str, Any]]) -> None:
    """Each shot adds a user turn and an assistant turn with its gold answer, before the question."""
    shots = prompts.select_shots(sample, 2, seed=1, exclude_id=sample[0]["id"])
    messages = prompts.build_messages(sample[0], shots)
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user", "assistant", "user"]
    assert messages[2]["content"] == f"Alternativa {shots[0]['Label']}"
    assert all(shot["id"] != sample[0]["id"] for shot in shots)


def test_select_shots_is_reproducible_and_checks_k(sample: list[dict[str, Any]]) -> None:
    """The same seed picks the same shots; asking for more than the pool holds is an error."""
    first = prompts.select_shots(sample, 3, seed=7)
    assert first == prompts.select_shots(sample, 3, seed=7)
    assert first != prompts.select_shots(sample, 3, seed=8)
    with pytest.raises(ValueError, match="only 2 usable"):
        prompts.select_shots(sample[:2], 3)


def test_prompt_completion_targets_the_gold_letter(sample: list[dict[str, Any]]) -> None:
    """The SFT completion is the assistant turn `Alternativa <gold>`; ClassLabel ints work too."""
    item = dict(sample[0], Label=schema.LETTERS.index(sample[0]["Label"]))
    pair = prompts.prompt_completion(item)
    assert pair["completion"] == [{"role": "assistant", "content": f"Alternativa {sample[0]['Label']}"}]
    assert pair["prompt"][-1]["content"] == prompts.user_message(item)


def test_render_prompt_uses_the_fallback_template_and_ends_in_the_prefix(
    tiny_model_dir: Path, sample: list[dict[str, Any]]
) -> None:
    """A tokenizer without a template gets Zephyr's; the rendered prompt stops right before the letter."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir)
    tokenizer.chat_template = None
    text = prompts.render_prompt(tokenizer, sample[0])
    assert tokenizer.chat_template == prompts.ZEPHYR_CHAT_TEMPLATE
    assert text.startswith("<|system|>\n" + prompts.SYSTEM_PROMPT)
    assert text.endswith("<|assistant|>\nAlternativa")


def test_target_text_rejects_letters_outside_the_options() -> None:
    """Only A-D can be an answer."""
    with pytest.raises(ValueError, match="got 'E'"):
        prompts.target_text("E")
