"""How an item is asked: chat messages built from the task's prompt, rendered through a chat template.

The prompt's words (system text, user turn, option lines, answer prefix) belong to the task spec
(:class:`~cosmosqa_ptbr.tasks.PromptSpec`); this module puts them together the same way for training,
evaluation, the Space and the harness tasks. A prompt is a list of chat ``messages`` (system, optional solved
examples, the question) rendered through the tokenizer's chat template, so that every model sees the format it
was tuned on. Which template that is, is chosen once per model by :func:`use_chat_template` (``--chat-template``):
``auto`` keeps the tokenizer's own and, for a tokenizer that has none (a base model), renders the plain prompt
(:func:`plain_prompt`) as lm-evaluation-harness does without ``--apply_chat_template``; ``none`` always renders
the plain prompt; ``zephyr`` is :data:`ZEPHYR_CHAT_TEMPLATE`, the reference model's format; a ``.jinja`` file is
used as given. A template that refuses a system turn (Gemma's, Mistral's older ones) or drops it (Phi-3's first)
gets the system text folded into the first user turn, which also leaves the strict user/assistant alternation
they demand. :func:`turn_end_token` finds the token a template closes an assistant turn with, where generation
stops and training's loss ends. Items are the normalised :class:`~cosmosqa_ptbr.tasks.Item` mappings; a row in
a task's published layout is normalised first.

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

import hashlib
import random
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from .cli.options import CommandError, SettingsError
from .tasks import Item, TaskSpec, get_task
from .tasks import gold_letter as _gold_letter

__all__ = [
    "CHAT_TEMPLATE_CHOICES",
    "ZEPHYR_CHAT_TEMPLATE",
    "ChatTemplateError",
    "Message",
    "as_item",
    "build_messages",
    "ensure_chat_template",
    "fold_system",
    "gold_letter",
    "plain_prompt",
    "prompt_completion",
    "render_messages",
    "render_prompt",
    "select_shots",
    "target_text",
    "turn_end_token",
    "use_chat_template",
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
#: What ``--chat-template`` takes besides the path of a ``.jinja`` file.
CHAT_TEMPLATE_CHOICES: Final = ("auto", "none", "zephyr")
#: Between the system text and the first turn, and between solved examples, in a plain prompt.
_PLAIN_TURNS: Final = "\n\n"


class ChatTemplateError(CommandError):
    """The model's chat template refuses the prompt even with the system text folded into the first user turn."""


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
    """Give ``tokenizer`` the Zephyr template when it has none; return it (``use_chat_template(tok, "zephyr")``)."""
    if not getattr(tokenizer, "chat_template", None):
        tokenizer.chat_template = ZEPHYR_CHAT_TEMPLATE
    return tokenizer


def use_chat_template(tokenizer: Any, choice: str | Path | None = "auto") -> str:
    """Set ``tokenizer.chat_template`` as ``choice`` says, before any prompt is rendered; return where it came from.

    ``auto``: the tokenizer's own template, or none (the plain prompt) when it has none; ``none``: the plain
    prompt; ``zephyr``: :data:`ZEPHYR_CHAT_TEMPLATE`; anything else: a Jinja template file. The returned text is
    what a run records (``tokenizer``, ``none (plain prompt)``, ``zephyr``, ``file NAME sha256:...``).
    """
    choice = "auto" if choice is None else str(choice)
    if choice == "auto":
        if getattr(tokenizer, "chat_template", None):
            return "tokenizer"
        tokenizer.chat_template = None
        return "none (plain prompt; the tokenizer has no chat template)"
    if choice == "none":
        tokenizer.chat_template = None
        return "none (plain prompt)"
    if choice == "zephyr":
        tokenizer.chat_template = ZEPHYR_CHAT_TEMPLATE
        return "zephyr"
    path = Path(choice).expanduser()
    fix = f"pass one of {', '.join(CHAT_TEMPLATE_CHOICES)} or the path of a Jinja chat template file"
    if path.is_dir():
        raise SettingsError(f"--chat-template {choice!r} is a folder: {fix}")
    if not path.is_file():
        raise SettingsError(
            f"--chat-template {choice!r} is neither a file nor one of {', '.join(CHAT_TEMPLATE_CHOICES)}: {fix}"
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise SettingsError(f"--chat-template {choice!r} is not UTF-8 text: save it as UTF-8") from None
    if not text.strip():
        raise SettingsError(f"--chat-template {choice!r} is empty: {fix}")
    tokenizer.chat_template = text
    return f"file {path.name} sha256:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def fold_system(messages: Sequence[Message]) -> list[Message]:
    """Move a leading system turn into the first user turn (system text, a blank line, the user text).

    >>> fold_system([{"role": "system", "content": "S"}, {"role": "user", "content": "U"}])
    [{'role': 'user', 'content': 'S\\n\\nU'}]
    """
    if not messages or messages[0]["role"] != "system":
        return list(messages)
    system, rest = messages[0], [dict(m) for m in messages[1:]]
    if rest and rest[0]["role"] == "user":
        rest[0]["content"] = f"{system['content']}{_PLAIN_TURNS}{rest[0]['content']}"
        return rest
    return [{"role": "user", "content": system["content"]}, *rest]


def plain_prompt(messages: Sequence[Message], answer_prefix: str | None) -> str:
    """The prompt without a chat template: system text, solved examples and the question as plain text.

    Turns are separated by a blank line; within a solved example the answer follows its question on the next
    line. With ``answer_prefix`` the text ends in it (the letter comes next), else in a newline (the answer
    starts on a new line).

    >>> print(plain_prompt([{"role": "system", "content": "S"}, {"role": "user", "content": "Q1"},
    ...                     {"role": "assistant", "content": "Alternativa A"}, {"role": "user", "content": "Q2"}],
    ...                    "Alternativa"))
    S
    <BLANKLINE>
    Q1
    Alternativa A
    <BLANKLINE>
    Q2
    Alternativa
    """
    parts: list[str] = []
    for message in messages:
        if message["role"] == "assistant":
            parts[-1] += "\n" + message["content"]
        else:
            parts.append(message["content"])
    return _PLAIN_TURNS.join(parts) + "\n" + (answer_prefix or "")


def render_messages(tokenizer: Any, messages: Sequence[Message], *, add_generation_prompt: bool = True) -> str:
    """Render chat ``messages`` with the tokenizer's chat template, folding the system turn where it is refused.

    A template may refuse a system turn (Gemma's, Mistral's older ones raise) or drop it without a word (the
    first Phi-3 template renders only user and assistant turns): either way the system text goes into the first
    user turn, so that the model reads it once.
    """
    from jinja2.exceptions import TemplateError

    folded = fold_system(messages)
    try:
        text = tokenizer.apply_chat_template(
            list(messages), tokenize=False, add_generation_prompt=add_generation_prompt
        )
    except TemplateError as first:
        if folded == list(messages):
            raise ChatTemplateError(_refused(first)) from None
    else:
        if folded == list(messages) or messages[0]["content"].strip() in text:
            return text
    try:
        return tokenizer.apply_chat_template(folded, tokenize=False, add_generation_prompt=add_generation_prompt)
    except TemplateError as second:
        raise ChatTemplateError(_refused(second)) from None


def turn_end_token(tokenizer: Any, task: TaskLike = None) -> str | None:
    """The special token the chat template puts right after an assistant's answer, or None.

    That is the token a model stops on at the end of its turn: the EOS for Zephyr and Mistral, ``<|im_end|>``
    for ChatML (Qwen, SmolLM2), ``<|eot_id|>`` for Llama 3, ``<end_of_turn>`` for Gemma, ``<|end|>`` for Phi-3,
    which are not always the tokenizer's EOS. None without a chat template, or when the answer is followed by
    plain text only.
    """
    from jinja2.exceptions import TemplateError

    if not getattr(tokenizer, "chat_template", None):
        return None
    spec = get_task(task)
    answer = spec.prompt.target(spec.letters[0])
    probe = [{"role": "user", "content": "?"}, {"role": "assistant", "content": answer}]
    try:
        rendered = tokenizer.apply_chat_template(probe, tokenize=False)
    except TemplateError:
        return None
    at = rendered.rfind(answer)
    if at < 0:
        return None
    rest = rendered[at + len(answer) :]
    added = getattr(tokenizer, "added_tokens_decoder", {}) or {}
    specials = {str(token) for token in getattr(tokenizer, "all_special_tokens", [])}
    specials |= {getattr(token, "content", str(token)) for token in added.values() if getattr(token, "special", False)}
    # Longest first: a special token is never read as a shorter special token it begins with.
    return next((token for token in sorted(specials, key=len, reverse=True) if token and rest.startswith(token)), None)


def _refused(error: Exception) -> str:
    return (
        f"the model's chat template refuses the prompt ({error}), even with the system text in the first user "
        "turn: pass --chat-template none (plain prompt), zephyr, or a .jinja file that accepts user/assistant turns"
    )


def render_prompt(
    tokenizer: Any,
    item: Mapping[str, Any],
    shots: Sequence[Mapping[str, Any]] = (),
    *,
    task: TaskLike = None,
    answer_prefix: bool = True,
) -> str:
    """Render the prompt text up to the assistant turn: through the chat template, or plain without one.

    With ``answer_prefix`` the text ends in the task's answer prefix (``"Alternativa"``), so the next token is
    the letter. The tokenizer's template is whatever :func:`use_chat_template` left on it.
    """
    spec = get_task(task)
    messages = build_messages(item, shots, task=spec)
    prefix = spec.prompt.answer_prefix if answer_prefix else None
    if not getattr(tokenizer, "chat_template", None):
        return plain_prompt(messages, prefix)
    return render_messages(tokenizer, messages) + (prefix or "")


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
