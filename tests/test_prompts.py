"""The prompt builder: chat messages from the task's prompt, shots, the fallback template."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cosmosqa_ptbr import prompts
from cosmosqa_ptbr.tasks import get_task

LETTERS = get_task().letters


def test_user_message_lists_every_option_in_order(sample: list[dict[str, Any]]) -> None:
    """The user turn holds the context, the question and one `Alternativa X)` line per option."""
    item = sample[0]
    lines = prompts.user_message(item).splitlines()
    assert lines[0] == f"Contexto: {item['contexto']}"
    assert lines[1] == f"Pergunta: {item['pergunta']}"
    assert lines[2:] == [f"Alternativa {letter}) {item[letter]}" for letter in LETTERS]


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
    item = dict(sample[0], Label=LETTERS.index(sample[0]["Label"]))
    pair = prompts.prompt_completion(item)
    assert pair["completion"] == [{"role": "assistant", "content": f"Alternativa {sample[0]['Label']}"}]
    assert pair["prompt"][-1]["content"] == prompts.user_message(item)


def test_render_prompt_without_a_template_is_plain_and_zephyr_only_when_asked(
    tiny_model_dir: Path, sample: list[dict[str, Any]]
) -> None:
    """No template renders the plain prompt; `zephyr` gives Zephyr's format; both end in the answer prefix."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir)
    tokenizer.chat_template = None
    assert prompts.use_chat_template(tokenizer, "auto").startswith("none")
    plain = prompts.render_prompt(tokenizer, sample[0])
    assert plain.startswith(str(get_task().prompt.system) + "\n\nContexto: ")
    assert plain.endswith(f"Alternativa D) {sample[0]['D']}\nAlternativa")
    assert prompts.use_chat_template(tokenizer, "zephyr") == "zephyr"
    text = prompts.render_prompt(tokenizer, sample[0])
    assert text.startswith("<|system|>\n" + str(get_task().prompt.system))
    assert text.endswith("<|assistant|>\nAlternativa")


def test_chat_template_file_and_refusals(tmp_path: Path, tiny_model_dir: Path, sample: list[dict[str, Any]]) -> None:
    """A .jinja file is used and named by its hash; a missing one is a one-line settings error."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir)
    template = tmp_path / "t.jinja"
    template.write_text("{% for m in messages %}[{{ m['role'] }}] {{ m['content'] }}\n{% endfor %}[assistant] ")
    assert prompts.use_chat_template(tokenizer, str(template)).startswith("file t.jinja sha256:")
    assert prompts.render_prompt(tokenizer, sample[0]).endswith("[assistant] Alternativa")
    with pytest.raises(prompts.SettingsError, match="neither a file nor one of auto, none, zephyr"):
        prompts.use_chat_template(tokenizer, str(tmp_path / "missing.jinja"))


def test_template_refusing_a_system_turn_gets_it_folded(tiny_model_dir: Path, sample: list[dict[str, Any]]) -> None:
    """A template that raises on a system turn renders with the system text at the start of the first user turn."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir)
    tokenizer.chat_template = (
        "{% for m in messages %}{% if m['role'] == 'system' %}{{ raise_exception('System role not supported') }}"
        "{% endif %}<{{ m['role'] }}>{{ m['content'] }}{% endfor %}<assistant>"
    )
    text = prompts.render_prompt(tokenizer, sample[0])
    assert text.startswith("<user>" + str(get_task().prompt.system) + "\n\nContexto: ")
    tokenizer.chat_template = "{{ raise_exception('nothing works') }}"
    with pytest.raises(prompts.ChatTemplateError, match=r"nothing works.*--chat-template none"):
        prompts.render_prompt(tokenizer, sample[0])


def test_target_text_rejects_letters_outside_the_options() -> None:
    """Only the task's letters can be an answer: E is not one of Cosmos QA's four."""
    with pytest.raises(ValueError, match="got 'E'"):
        prompts.target_text("E")


def test_items_and_published_rows_render_the_same_prompt(sample: list[dict[str, Any]]) -> None:
    """A row of the published layout and its normalised item give the same user turn and target."""
    item = get_task().normalize(sample[0])
    assert prompts.user_message(item) == prompts.user_message(sample[0])
    assert prompts.prompt_completion(item) == prompts.prompt_completion(sample[0])


def test_english_task_asks_in_english(sample: list[dict[str, Any]]) -> None:
    """The English task's prompt has its own system text, field names, option lines and answer prefix."""
    english = get_task("cosmos_qa_en")
    item = get_task().normalize(sample[0])
    messages = prompts.build_messages(item, task=english)
    assert messages[0]["content"].startswith("You are a tutor")
    lines = messages[1]["content"].splitlines()
    assert lines[0].startswith("Context: ") and lines[1].startswith("Question: ")
    assert lines[2:] == [f"Option {letter}) {text}" for letter, text in zip(LETTERS, item["options"], strict=True)]
    assert prompts.target_text("C", task=english) == "Option C"


def test_system_prompt_can_be_replaced_or_dropped(sample: list[dict[str, Any]]) -> None:
    """`system_prompt` replaces the task's system text, or leaves the system turn out."""
    replaced = prompts.build_messages(sample[0], system_prompt="Responda só a letra.")
    assert replaced[0] == {"role": "system", "content": "Responda só a letra."}
    assert [m["role"] for m in prompts.build_messages(sample[0], system_prompt=None)] == ["user"]
