"""The protocols an item can be asked under: the package's own, or the Open Portuguese LLM Leaderboard's.

``package`` is :mod:`cosmosqa_ptbr.prompts`: the task spec's system text, user turn and answer prefix. ``leaderboard``
asks the item the way the leaderboard asks its multiple-choice tasks (ENEM, BLUEX, OAB) in its
lm-evaluation-harness fork (https://github.com/eduagarcia/lm-evaluation-harness-pt at commit
ca07215614ee28353ac61e1d745943089b3fa4f8): a description, few-shot solved examples and the question, then greedy
generation read by the ``find_choices`` filter. This module holds that protocol's words and renders its prompts, for
``evaluate --protocol leaderboard`` and for the harness task ``<name>_leaderboard`` alike, from the task spec:

- the description, in the fork's words (``lm_eval/tasks/portuguese/enem.yaml``, ``bluex.yaml``,
  ``oab_exams/default/oab_exams.yaml``): "As perguntas a seguir são questões de múltipla escolha (TITLE), selecione a
  única alternativa correta e responda apenas com as letras "A", "B", "C" ou "D"." The fork names its exam where
  this names the task's title, and lists the task's own letters;
- the question in the layout of the fork's ``enem_doc_to_text``: ``Pergunta:``, the text, ``Alternativas:``, one
  ``A. text`` line per option, ``Resposta correta:``. A task with a context puts it first in the question's block,
  on its own line before the question: the leaderboard's tasks carry their passages inside the question (ENEM's and
  BLUEX's questions open with their supporting texts), so no label the leaderboard never shows is invented;
- Portuguese words for every task in Portuguese; English ones for an English task (the original of a translation,
  so that a translation gap compares the same protocol in both languages); the leaderboard's Portuguese words for a
  language without a table (:func:`leaderboard_words` says which were used);
- a solved example's answer is its gold letter (the fork's ``doc_to_target: "{{answerKey}}"``);
- the rendering of the fork's ``HFLM``: with a chat template (``_apply_chat_template``) the description is a system
  turn, each solved example a user turn and an assistant turn, all stripped of surrounding whitespace; a template
  that refuses that (any exception on a probe with two examples) is tried with the description as a leading
  assistant turn, then folded into the first user turn (``CHAT_TYPES``, in the fork's order), and a template that
  refuses all three is not used. Without a chat template (``_construct_text_input``) the prompt is plain text: the
  description, a blank line, each example's question and answer joined by a space, separated by blank lines, then
  the question; the tokenizer adds its special tokens (a BOS) to a plain prompt and none to a chat one.

Generation is greedy, up to :data:`LEADERBOARD_MAX_NEW_TOKENS` new tokens (``oab_exams.yaml``'s ``max_gen_toks``),
stopped at the fork's default ``until``, the few-shot delimiter :data:`LEADERBOARD_STOP`, and cut there.

>>> item = {"id": "q1", "context": "Choveu.", "question": "Por quê?",
...         "options": ["Nuvens", "Sol", "Vento", "Nenhuma das alternativas acima."], "label": 0}
>>> print(leaderboard_question(item))
Pergunta:
Choveu.
Por quê?
Alternativas:
A. Nuvens
B. Sol
C. Vento
D. Nenhuma das alternativas acima.
Resposta correta:
>>> print(leaderboard_description())  # doctest: +NORMALIZE_WHITESPACE
As perguntas a seguir são questões de múltipla escolha (Cosmos QA Português), selecione a única alternativa correta
e responda apenas com as letras "A", "B", "C" ou "D".
>>> print(plain_leaderboard_prompt("Q", [("S1", "A"), ("S2", "C")], "D"))
D
<BLANKLINE>
S1 A
<BLANKLINE>
S2 C
<BLANKLINE>
Q
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from .prompts import ChatTemplateError, Message, TaskLike, as_item
from .tasks import get_task, gold_letter, letters_for

__all__ = [
    "CHAT_TYPES",
    "LEADERBOARD_MAX_NEW_TOKENS",
    "LEADERBOARD_SHOTS",
    "LEADERBOARD_STOP",
    "PROTOCOLS",
    "LeaderboardPrompt",
    "LeaderboardWords",
    "leaderboard_chat_type",
    "leaderboard_description",
    "leaderboard_messages",
    "leaderboard_question",
    "leaderboard_words",
    "plain_leaderboard_prompt",
    "render_leaderboard_prompt",
]

#: ``package``: the task spec's prompt (:mod:`cosmosqa_ptbr.prompts`); ``leaderboard``: the leaderboard's.
PROTOCOLS: Final = ("package", "leaderboard")
#: The fork's ``num_fewshot`` for ENEM, BLUEX and OAB.
LEADERBOARD_SHOTS: Final = 3
#: The fork's few-shot delimiter: between solved examples, and where generation stops (its default ``until``).
LEADERBOARD_STOP: Final = "\n\n"
#: ``max_gen_toks`` of the fork's OAB task, the one of its multiple-choice tasks that sets it.
LEADERBOARD_MAX_NEW_TOKENS: Final = 32
#: How the fork places the description in a chat, tried in this order (``HFLM._create_tokenizer``).
CHAT_TYPES: Final = ("system_user_assistant", "assistant_user", "user_assistant")
#: What :func:`render_leaderboard_prompt` reports for a prompt rendered without a chat template.
PLAIN: Final = "plain"


@dataclass(frozen=True)
class LeaderboardWords:
    """The words of the leaderboard's prompt in one language: the description (``{title}`` and ``{letters}`` fields)
    and the labels of the question's block."""

    language: str
    description: str
    question: str
    options: str
    answer: str
    conjunction: str

    def letters(self, letters: Sequence[str]) -> str:
        """The letters as the description lists them: ``"A", "B", "C" ou "D"``."""
        quoted = [f'"{letter}"' for letter in letters]
        return f"{', '.join(quoted[:-1])} {self.conjunction} {quoted[-1]}" if len(quoted) > 1 else quoted[0]


_WORDS: Final = {
    "pt": LeaderboardWords(
        language="pt",
        description=(
            "As perguntas a seguir são questões de múltipla escolha ({title}), selecione a única alternativa correta "
            "e responda apenas com as letras {letters}."
        ),
        question="Pergunta:",
        options="Alternativas:",
        answer="Resposta correta:",
        conjunction="ou",
    ),
    "en": LeaderboardWords(
        language="en",
        description=(
            "The following are multiple choice questions ({title}), select the only correct option and answer only "
            "with the letters {letters}."
        ),
        question="Question:",
        options="Options:",
        answer="Correct answer:",
        conjunction="or",
    ),
}


def leaderboard_words(task: TaskLike = None) -> LeaderboardWords:
    """The words for ``task``'s language: its own table (Portuguese, English), else the leaderboard's Portuguese."""
    return _WORDS.get(get_task(task).base_language, _WORDS["pt"])


def leaderboard_description(task: TaskLike = None) -> str:
    """The description (the system text) of ``task`` in the leaderboard's words, without the fork's closing blank
    line (:func:`plain_leaderboard_prompt` puts it back, a chat strips it)."""
    spec = get_task(task)
    words = leaderboard_words(spec)
    return words.description.format(title=spec.title, letters=words.letters(spec.letters))


def leaderboard_question(item: Mapping[str, Any], task: TaskLike = None) -> str:
    """The item in the layout of the fork's ``enem_doc_to_text`` (a context first in the question's block)."""
    spec = get_task(task)
    item = as_item(item, spec)
    words = leaderboard_words(spec)
    letters = letters_for(len(item["options"]))
    # As enem_generate_options: one line per option, the block stripped (blank options get no line).
    options = "".join(
        f"{letter}. {text}\n" for letter, text in zip(letters, item["options"], strict=True) if str(text or "").strip()
    ).strip()
    text = f"{item['context']}\n{item['question']}" if item.get("context") else item["question"]
    return f"{words.question}\n{text}\n{words.options}\n{options}\n{words.answer}"


def leaderboard_messages(
    question: str, shots: Sequence[tuple[str, str]], description: str | None, chat_type: str
) -> list[Message]:
    """The chat turns of the fork's ``_apply_chat_template`` for one ``chat_type`` (see :data:`CHAT_TYPES`).

    One case goes beyond the fork: with ``user_assistant`` and no solved examples the fork sends the description
    and the question as two user turns in a row, which the templates that need this chat type refuse (the fork
    never asks zero-shot); the description then opens the question's turn, as it opens the first example's.
    """
    if chat_type not in CHAT_TYPES:
        raise ValueError(f"chat_type must be one of {', '.join(CHAT_TYPES)}, got {chat_type!r}")
    if description and chat_type == "user_assistant" and not shots:
        return [{"role": "user", "content": description.strip() + LEADERBOARD_STOP + question.strip()}]
    messages: list[Message] = []
    if description:
        role = {"assistant_user": "assistant", "user_assistant": "user"}.get(chat_type, "system")
        messages.append({"role": role, "content": description.strip()})
    for index, (shot_question, shot_answer) in enumerate(shots):
        if index == 0 and chat_type == "user_assistant" and len(messages) == 1:
            messages[0]["content"] += LEADERBOARD_STOP + shot_question.strip()
        else:
            messages.append({"role": "user", "content": shot_question.strip()})
        messages.append({"role": "assistant", "content": shot_answer.strip()})
    messages.append({"role": "user", "content": question.strip()})
    return messages


def plain_leaderboard_prompt(question: str, shots: Sequence[tuple[str, str]], description: str | None) -> str:
    """The prompt without a chat template, as the fork's task builds it (``_construct_text_input``): the description
    and its blank line, then each example's question, a space and its answer, then the question."""
    head = description + LEADERBOARD_STOP if description else ""
    examples = "".join(f"{q} {a}{LEADERBOARD_STOP}" for q, a in shots)
    return head + examples + question


def leaderboard_chat_type(tokenizer: Any) -> str | None:
    """How the fork would place the description in this tokenizer's chat template: the first of :data:`CHAT_TYPES`
    whose probe (a description, two solved examples and a question) renders, or None (no template, or one that
    refuses all three: the prompt is then plain)."""
    if not getattr(tokenizer, "chat_template", None):
        return None
    probe = leaderboard_messages
    for chat_type in CHAT_TYPES:
        try:
            tokenizer.apply_chat_template(
                probe("test", [("test", "test"), ("test", "test")], "test", chat_type),
                tokenize=False,
                add_generation_prompt=True,
            )
        except Exception:  # the fork tries the next chat type on any failure
            continue
        return chat_type
    return None


@dataclass(frozen=True)
class LeaderboardPrompt:
    """One rendered prompt: its text, whether the tokenizer adds its special tokens to it, and how it was rendered
    (a chat type of :data:`CHAT_TYPES`, or ``plain``)."""

    text: str
    add_special_tokens: bool
    rendering: str


def render_leaderboard_prompt(
    tokenizer: Any,
    item: Mapping[str, Any],
    shots: Sequence[Mapping[str, Any]] = (),
    *,
    task: TaskLike = None,
    description: str | bool | None = True,
    chat_type: str | bool | None = True,
) -> LeaderboardPrompt:
    """Render ``item`` after ``shots`` solved examples the leaderboard's way.

    ``description``: True for the task's (:func:`leaderboard_description`), a text to use instead, or None/False for
    none. ``chat_type``: True to find it from the tokenizer (:func:`leaderboard_chat_type`; pass the found one when
    rendering many items), or the one found, None for a plain prompt.
    """
    spec = get_task(task)
    text = leaderboard_description(spec) if description is True else (description or None)
    found = leaderboard_chat_type(tokenizer) if chat_type is True else chat_type
    examples = [(leaderboard_question(shot, spec), gold_letter(as_item(shot, spec))) for shot in shots]
    question = leaderboard_question(item, spec)
    if not found:
        return LeaderboardPrompt(plain_leaderboard_prompt(question, examples, text), True, PLAIN)
    from jinja2.exceptions import TemplateError

    messages = leaderboard_messages(question, examples, text, str(found))
    try:
        rendered = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    except TemplateError as error:
        message = (
            f"the model's chat template refuses the leaderboard's turns ({error}; the description placed as "
            f"{found}): pass --chat-template none (plain prompt) or a .jinja file that accepts them"
        )
        raise ChatTemplateError(message) from None
    return LeaderboardPrompt(rendered, False, str(found))
