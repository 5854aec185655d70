"""What one translation request says: the prompts, the structured-output schema and their hash.

Everything comes from the run's two task specs (:class:`~cosmosqa_ptbr.translation.pair.TaskPair`): the source
task's title and language, the target's language, its column names and option letters as the JSON keys, its
fixed-option translations and its notes (the rules of one dataset, such as Cosmos QA's pre-tokenised English).

>>> print(user_template())
Translate this Cosmos QA item to Brazilian Portuguese:
{item}
>>> system_prompt().splitlines()[-2]
'- The option "None of the above choices ." is always translated exactly as "Nenhuma das alternativas acima.".'
"""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any, Final

from .pair import SourceItem, TaskPair
from .validation import LengthBounds

__all__ = [
    "FORMAT_MODES",
    "RETRY_PROMPT",
    "build_messages",
    "prompt_hash",
    "reply_token_bound",
    "response_format",
    "system_prompt",
    "user_template",
]

_COUNTS: Final = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
#: How a translator is asked for a language's register, where the language's name alone does not say it.
_REGISTERS: Final = {"pt-BR": "Brazilian", "pt-PT": "European Portuguese"}


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def system_prompt(pair: TaskPair | None = None) -> str:
    """The system message of every request of ``pair`` (default: English Cosmos QA into Cosmos QA Português)."""
    pair = pair or TaskPair.resolve()
    source, target = pair.source, pair.target
    language = pair.source_language
    count = _COUNTS[len(pair.letters)]
    letters = ", ".join(pair.letters)
    if pair.has_context:
        context, question = pair.text_keys
        kind = "multiple-choice reading-comprehension dataset"
        parts = f"{context} (a passage), {question} (a question about it)"
        everything = "the whole passage, the question and every option"
    else:
        kind = "multiple-choice question dataset"
        parts = f"{pair.text_keys[0]} (a question)"
        everything = "the question and every option"
    register = _REGISTERS.get(target.language, pair.target_language)
    lines = [
        f"You translate items of {source.title}, {_article(language)} {language} {kind}, into {target.language_name}.",
        f"You receive one item as a JSON object with the keys {parts} and {letters} (the {count} answer options), "
        f"all in {language}. Answer with a JSON object with exactly the same keys, each value translated.",
        "Rules:",
        f"- Translate for meaning and natural {register} register, not word by word; keep the tone (informal stays "
        "informal).",
        "- The item must stay answerable in the same way: the correct option stays correct and the wrong ones stay "
        f"wrong. Do not reorder, merge or drop options; keep the {count} options distinct.",
        f"- Translate everything: {everything}. Leave nothing in {language} except proper names, titles of works and "
        f"quoted {language} text.",
        "- Keep names of people and places; do not convert units, currencies or dates.",
        *(f"- {note}" for note in target.translation.notes),
        *(
            f'- The option "{original}" is always translated exactly as "{translation}".'
            for original, translation in target.translation.fixed_options
        ),
        "- Answer with the JSON object only: no explanations, notes or extra keys.",
    ]
    return "\n".join(lines)


def _user_prefix(pair: TaskPair) -> str:
    return f"Translate this {pair.source.title} item to {pair.target_language}:\n"


def user_template(pair: TaskPair | None = None) -> str:
    """The user message of ``pair``'s requests, with ``{item}`` where the item's JSON goes."""
    return _user_prefix(pair or TaskPair.resolve()) + "{item}"


#: Sent after a reply that failed validation, with the reason, so the model can fix it.
RETRY_PROMPT: Final = (
    "Your translation was rejected: {reason}. Translate the same item again, fixing this and following every "
    "rule. Answer with the JSON object only."
)

_SCHEMA_NAME: Final = "cosmosqa_ptbr_item"

#: The ways of asking for JSON, strictest first; a run steps down one each time the server refuses one.
#: ``json_object`` carries the schema beside the type: llama.cpp's Python server enforces it there (as a
#: grammar), vLLM and Ollama ignore the extra key; a server that refuses the key gets ``json_object_bare``.
#: ``text`` sends no response_format at all: the reply is still parsed as JSON and validated.
FORMAT_MODES: Final = ("json_schema", "json_object", "json_object_bare", "text")

# What a reply adds to the translated text: the keys (six for Cosmos QA), quotes, colons, commas, the indentation
# the prompt's own JSON shows, and escaped quotes inside the text.
_JSON_OVERHEAD_CHARS: Final = 200
# Chat tokenizers average 3 to 4.5 characters of Portuguese per token; the smallest English-centric ones
# (SmolLM2's) about 2.5. Two characters a token keeps every reply that could pass validation under the bound.
_CHARS_PER_TOKEN_FLOOR: Final = 2.0


def build_messages(item: SourceItem, pair: TaskPair | None = None) -> list[dict[str, str]]:
    """The chat messages asking for ``item``'s translation (its label is never part of them)."""
    pair = pair or TaskPair.resolve()
    payload = json.dumps(pair.fields(item), ensure_ascii=False, indent=1)
    return [
        {"role": "system", "content": system_prompt(pair)},
        {"role": "user", "content": _user_prefix(pair) + payload},
    ]


def _schema(pair: TaskPair) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {key: {"type": "string"} for key in pair.keys},
        "required": list(pair.keys),
        "additionalProperties": False,
    }


def response_format(mode: str, pair: TaskPair | None = None) -> dict[str, Any] | None:
    """The ``response_format`` of ``mode`` (one of :data:`FORMAT_MODES`); None for ``text``, which sends none."""
    if mode == "json_schema":
        schema = _schema(pair or TaskPair.resolve())
        return {"type": "json_schema", "json_schema": {"name": _SCHEMA_NAME, "strict": True, "schema": schema}}
    if mode == "json_object":
        return {"type": "json_object", "schema": _schema(pair or TaskPair.resolve())}
    if mode == "json_object_bare":
        return {"type": "json_object"}
    if mode == "text":
        return None
    raise ValueError(f"unknown response format mode {mode!r}; expected one of {', '.join(FORMAT_MODES)}")


def reply_token_bound(item: SourceItem, bounds: LengthBounds, pair: TaskPair | None = None) -> int:
    """A ``max_tokens`` for ``item``'s reply that no reply validation would accept can reach.

    Validation rejects a field longer than ``bounds.high`` times its source length plus the slack, so the
    longest acceptable reply is known from the item; a model that loops or rambles stops there instead of
    filling the server's context (minutes on a small local model, money on a paid API).
    """
    fields = (pair or TaskPair.resolve()).fields(item)
    longest = sum(bounds.high * len(text) + bounds.slack for text in fields.values())
    return math.ceil((longest + _JSON_OVERHEAD_CHARS) / _CHARS_PER_TOKEN_FLOOR)


def prompt_hash(pair: TaskPair | None = None) -> str:
    """A short hash of everything that shapes a request except the item: prompts and schema."""
    pair = pair or TaskPair.resolve()
    parts = [system_prompt(pair), user_template(pair), RETRY_PROMPT, response_format("json_schema", pair)]
    text = json.dumps(parts, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
