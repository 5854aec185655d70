"""How an item is asked: chat messages built from the task's prompt, rendered through a chat template.

The prompt's words (system text, user turn, option lines, answer prefix) belong to the task spec
(:class:`~cosmosqa_ptbr.tasks.PromptSpec`); this module puts them together the same way for training,
evaluation, the Space and the harness tasks. A prompt is a list of chat ``messages`` (system, optional solved
examples, the question) rendered through the tokenizer's own chat template, so that every model sees the format
it was tuned on. Tokenizers without a template get :data:`ZEPHYR_CHAT_TEMPLATE`, the format of the reference
model. Items are the normalised :class:`~cosmosqa_ptbr.tasks.Item` mappings; a row in a task's published layout
is normalised first.

>>> item = {"id": "q1", "context": "Choveu.", "question": "Por quê?",
...         "options": ["Nuvens", "Sol", "Vento", "Nenhuma das alternativas acima."], "label": 0}
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
>>> print(user_message(item, task="cosmos_qa_en").splitlines()[2])
Option A) Nuvens
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from .tasks import Item, TaskSpec, get_task
from .tasks import gold_letter as _gold_letter

__all__ = [
    "ZEPHYR_CHAT_TEMPLATE",
    "Message",
    "as_item",
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
TaskLike = str | Path | TaskSpec | None

#: Zephyr's chat format, for tokenizers that ship no template of their own.
ZEPHYR_CHAT_TEMPLATE: Final = (
    "{% for message in messages %}"
    "{{ '<|' + message['role'] + '|>\n' + message['content'] + eos_token + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|assistant|>\n' }}{% endif %}"
)

_ITEM_KEYS: Final = ("id", "question", "options")


def as_item(row: Mapping[str, Any], task: TaskLike = None) -> Item | Mapping[str, Any]:
    """``row`` itself when it is already an :class:`Item`, else the row of ``task``'s published layout normalised."""
    if all(key in row for key in _ITEM_KEYS):
        return row
    return get_task(task).normalize(row)


def target_text(letter: str, task: TaskLike = None) -> str:
    """Return the assistant's answer for ``letter``: ``"Alternativa B"``."""
    spec = get_task(task)
    if letter not in spec.letters:
        message = f"answer letter must be one of {', '.join(spec.letters)}, got {letter!r}"
        raise ValueError(message)
    return spec.prompt.target(letter)


def gold_letter(item: Mapping[str, Any], task: TaskLike = None) -> str:
    """Return the gold letter of a labelled item (an :class:`Item`, or a row of ``task``'s published layout)."""
    return _gold_letter(as_item(item, task))


def user_message(item: Mapping[str, Any], task: TaskLike = None) -> str:
    """Return the user turn: context, question and one option line per option with text.

    Options left blank (a question typed with only two or three alternatives) get no line; dataset rows are
    validated to have all of them.
    """
    spec = get_task(task)
    return spec.prompt.user_message(as_item(item, spec))


def build_messages(
    item: Mapping[str, Any],
    shots: Sequence[Mapping[str, Any]] = (),
    *,
    task: TaskLike = None,
    system_prompt: str | bool | None = True,
) -> list[Message]:
    """Return the chat messages that ask ``item``, after ``shots`` solved examples as earlier turns.

    ``system_prompt``: True for the task's own, a text to use instead, or None/False for no system turn.
    """
    spec = get_task(task)
    system = spec.prompt.system if system_prompt is True else (system_prompt or None)
    messages: list[Message] = []
    if system:
        messages.append({"role": "system", "content": system})
    for shot in shots:
        shot_item = as_item(shot, spec)
        messages.append({"role": "user", "content": spec.prompt.user_message(shot_item)})
        messages.append({"role": "assistant", "content": spec.prompt.target(_gold_letter(shot_item))})
    messages.append({"role": "user", "content": spec.prompt.user_message(as_item(item, spec))})
    return messages


def prompt_completion(
    item: Mapping[str, Any], shots: Sequence[Mapping[str, Any]] = (), *, task: TaskLike = None
) -> dict[str, list[Message]]:
    """Return a conversational prompt/completion pair for SFT: the loss falls on the completion only."""
    spec = get_task(task)
    return {
        "prompt": build_messages(item, shots, task=spec),
        "completion": [{"role": "assistant", "content": spec.prompt.target(_gold_letter(as_item(item, spec)))}],
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
    task: TaskLike = None,
    answer_prefix: bool = True,
) -> str:
    """Render the prompt text through the chat template, up to the assistant turn.

    With ``answer_prefix`` the text ends in the task's answer prefix (``"Alternativa"``), so the next token is
    the letter.
    """
    spec = get_task(task)
    ensure_chat_template(tokenizer)
    messages = build_messages(item, shots, task=spec)
    text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return text + spec.prompt.answer_prefix if answer_prefix else text


def select_shots(
    pool: Sequence[Mapping[str, Any]], k: int, *, seed: int | str = 0, exclude_id: str | None = None
) -> list[Mapping[str, Any]]:
    """Pick ``k`` solved examples from ``pool`` (labelled items), reproducibly, never ``exclude_id``.

    A string ``seed`` such as ``f"{run_seed}:{item_id}"`` gives each item its own draw, the same on every run
    (``random.Random`` hashes strings with SHA-512, not with the per-process ``hash``).
    """
    if k < 0:
        message = f"shots must be >= 0, got {k}"
        raise ValueError(message)
    candidates = [row for row in pool if row["id"] != exclude_id]
    if k > len(candidates):
        message = f"asked for {k} shots but the pool has only {len(candidates)} usable examples"
        raise ValueError(message)
    return random.Random(seed).sample(candidates, k)


# The prompt's words moved to the task spec; these names still answer, from the default task.
_DEPRECATED: Final = {
    "SYSTEM_PROMPT": lambda: get_task().prompt.system,
    "ANSWER_PREFIX": lambda: get_task().prompt.answer_prefix,
}


def __getattr__(name: str) -> Any:
    if name in _DEPRECATED:
        import warnings

        message = f"cosmosqa_ptbr.prompts.{name} is deprecated: read it from get_task().prompt (cosmosqa_ptbr.tasks)"
        warnings.warn(message, DeprecationWarning, stacklevel=2)
        return _DEPRECATED[name]()
    raise AttributeError(f"module 'cosmosqa_ptbr.prompts' has no attribute {name!r}")
