"""The only place prompt text lives: training, evaluation and the Space all build prompts here.

A prompt is a list of chat ``messages`` (system, optional solved examples, the question) rendered
through the tokenizer's own chat template, so that every model sees the format it was tuned on.
Tokenizers without a template get :data:`ZEPHYR_CHAT_TEMPLATE`, the format of the reference model.

>>> item = {"contexto": "Choveu.", "pergunta": "Por quê?", "A": "Nuvens", "B": "Sol",
...         "C": "Vento", "D": "Nenhuma das alternativas acima.", "Label": 0}
>>> print(user_message(item))
Contexto: Choveu.
Pergunta: Por quê?
Alternativa A) Nuvens
Alternativa B) Sol
Alternativa C) Vento
Alternativa D) Nenhuma das alternativas acima.
>>> target_text("B")
'Alternativa B'
>>> [m["role"] for m in build_messages(item)]
['system', 'user']
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import Any, Final

from .schema import ANSWER_COLUMNS, CONTEXT, ID, LABEL, LETTERS, QUESTION, label_to_index

__all__ = [
    "ANSWER_PREFIX",
    "SYSTEM_PROMPT",
    "ZEPHYR_CHAT_TEMPLATE",
    "Message",
    "build_messages",
    "ensure_chat_template",
    "gold_letter",
    "prompt_completion",
    "render_prompt",
    "select_shots",
    "target_text",
    "user_message",
]

Message = dict[str, str]

#: The reference work's system prompt.
SYSTEM_PROMPT: Final = (
    "Você é um monitor que ajuda a responder aos usuários as respostas corretas das questões, "
    "como um gabarito. Sempre ajude o usuário respondendo a alternativa correta."
)

#: The answer starts with this word; the letter that follows is what a model is scored on.
ANSWER_PREFIX: Final = "Alternativa"

#: Zephyr's chat format, for tokenizers that ship no template of their own.
ZEPHYR_CHAT_TEMPLATE: Final = (
    "{% for message in messages %}"
    "{{ '<|' + message['role'] + '|>\n' + message['content'] + eos_token + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|assistant|>\n' }}{% endif %}"
)


def target_text(letter: str) -> str:
    """Return the assistant's answer for ``letter``: ``"Alternativa B"``."""
    if letter not in LETTERS:
        message = f"answer letter must be one of {', '.join(LETTERS)}, got {letter!r}"
        raise ValueError(message)
    return f"{ANSWER_PREFIX} {letter}"


def gold_letter(item: Mapping[str, Any]) -> str:
    """Return the gold letter of a labelled item (``Label`` as a letter or a 0-3 index)."""
    return LETTERS[label_to_index(item[LABEL])]


def user_message(item: Mapping[str, Any]) -> str:
    """Return the user turn: context, question and one ``Alternativa X) ...`` line per option.

    Options left blank (a question typed with only two or three alternatives) get no line; dataset rows
    are validated to have all four.
    """
    lines = [f"Contexto: {item[CONTEXT]}", f"Pergunta: {item[QUESTION]}"]
    lines += [
        f"{ANSWER_PREFIX} {letter}) {item[letter]}" for letter in ANSWER_COLUMNS if str(item.get(letter) or "").strip()
    ]
    return "\n".join(lines)


def build_messages(
    item: Mapping[str, Any],
    shots: Sequence[Mapping[str, Any]] = (),
    *,
    system_prompt: str | None = SYSTEM_PROMPT,
) -> list[Message]:
    """Return the chat messages that ask ``item``, after ``shots`` solved examples as earlier turns."""
    messages: list[Message] = []
    if system_prompt:
        messages.append({"role": "system", "content": system_prompt})
    for shot in shots:
        messages.append({"role": "user", "content": user_message(shot)})
        messages.append({"role": "assistant", "content": target_text(gold_letter(shot))})
    messages.append({"role": "user", "content": user_message(item)})
    return messages


def prompt_completion(item: Mapping[str, Any], shots: Sequence[Mapping[str, Any]] = ()) -> dict[str, list[Message]]:
    """Return a conversational prompt/completion pair for SFT: the loss falls on the completion only."""
    return {
        "prompt": build_messages(item, shots),
        "completion": [{"role": "assistant", "content": target_text(gold_letter(item))}],
    }


def ensure_chat_template(tokenizer: Any) -> Any:
    """Give ``tokenizer`` the Zephyr template when it has none; return it."""
    if not getattr(tokenizer, "chat_template", None):
        tokenizer.chat_template = ZEPHYR_CHAT_TEMPLATE
    return tokenizer


def render_prompt(
    tokenizer: Any,
    item: Mapping[str, Any],
    shots: Sequence[Mapping[str, Any]] = (),
    *,
    answer_prefix: bool = True,
) -> str:
    """Render the prompt text through the chat template, up to the assistant turn.

    With ``answer_prefix`` the text ends in ``"Alternativa"``, so the next token is the letter.
    """
    ensure_chat_template(tokenizer)
    text = tokenizer.apply_chat_template(build_messages(item, shots), tokenize=False, add_generation_prompt=True)
    return text + ANSWER_PREFIX if answer_prefix else text


def select_shots(
    pool: Sequence[Mapping[str, Any]], k: int, *, seed: int | str = 0, exclude_id: str | None = None
) -> list[Mapping[str, Any]]:
    """Pick ``k`` solved examples from ``pool`` (a labelled split), reproducibly, never ``exclude_id``.

    A string ``seed`` such as ``f"{run_seed}:{item_id}"`` gives each item its own draw, the same on every run
    (``random.Random`` hashes strings with SHA-512, not with the per-process ``hash``).
    """
    if k < 0:
        message = f"shots must be >= 0, got {k}"
        raise ValueError(message)
    candidates = [row for row in pool if row[ID] != exclude_id]
    if k > len(candidates):
        message = f"asked for {k} shots but the pool has only {len(candidates)} usable examples"
        raise ValueError(message)
    return random.Random(seed).sample(candidates, k)
