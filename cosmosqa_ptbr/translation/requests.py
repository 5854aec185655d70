"""What one translation request says: the prompts, the structured-output schema and their hash."""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any, Final

from ..schema import NONE_OF_THE_ABOVE_EN, NONE_OF_THE_ABOVE_PT, TEXT_COLUMNS
from .validation import LengthBounds, SourceItem

__all__ = [
    "FORMAT_MODES",
    "RETRY_PROMPT",
    "SYSTEM_PROMPT",
    "build_messages",
    "prompt_hash",
    "reply_token_bound",
    "response_format",
]

SYSTEM_PROMPT: Final = f"""You translate items of Cosmos QA, an English multiple-choice reading-comprehension \
dataset, into Brazilian Portuguese (pt-BR).
You receive one item as a JSON object with the keys contexto (a passage), pergunta (a question about it) and \
A, B, C, D (the four answer options), all in English. Answer with a JSON object with exactly the same keys, \
each value translated.
Rules:
- Translate for meaning and natural Brazilian register, not word by word; keep the tone (informal stays informal).
- The item must stay answerable in the same way: the correct option stays correct and the wrong ones stay wrong. \
Do not reorder, merge or drop options; keep the four options distinct.
- Translate everything: the whole passage, the question and every option. Leave nothing in English except \
proper names, titles of works and quoted English text.
- Keep names of people and places; do not convert units, currencies or dates.
- The English text is pre-tokenised ("it 's", "wo nt", spaces before punctuation): write normal Portuguese \
spelling and punctuation.
- The option "{NONE_OF_THE_ABOVE_EN}" is always translated exactly as "{NONE_OF_THE_ABOVE_PT}".
- Answer with the JSON object only: no explanations, notes or extra keys."""

#: Sent after a reply that failed validation, with the reason, so the model can fix it.
RETRY_PROMPT: Final = (
    "Your translation was rejected: {reason}. Translate the same item again, fixing this and following every "
    "rule. Answer with the JSON object only."
)

_USER_PROMPT: Final = "Translate this Cosmos QA item to Brazilian Portuguese:\n{item}"
_SCHEMA_NAME: Final = "cosmosqa_ptbr_item"

#: The ways of asking for JSON, strictest first; a run steps down one each time the server refuses one.
#: ``json_object`` carries the schema beside the type: llama.cpp's Python server enforces it there (as a
#: grammar), vLLM and Ollama ignore the extra key; a server that refuses the key gets ``json_object_bare``.
#: ``text`` sends no response_format at all: the reply is still parsed as JSON and validated.
FORMAT_MODES: Final = ("json_schema", "json_object", "json_object_bare", "text")

# What a reply adds to the translated text: six keys, quotes, colons, commas, the indentation the prompt's own
# JSON shows, and escaped quotes inside the text.
_JSON_OVERHEAD_CHARS: Final = 200
# Chat tokenizers average 3 to 4.5 characters of Portuguese per token; the smallest English-centric ones
# (SmolLM2's) about 2.5. Two characters a token keeps every reply that could pass validation under the bound.
_CHARS_PER_TOKEN_FLOOR: Final = 2.0


def build_messages(item: SourceItem) -> list[dict[str, str]]:
    """The chat messages asking for ``item``'s translation (its label is never part of them)."""
    payload = json.dumps(item.fields(), ensure_ascii=False, indent=1)
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": _USER_PROMPT.format(item=payload)},
    ]


def _schema() -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {column: {"type": "string"} for column in TEXT_COLUMNS},
        "required": list(TEXT_COLUMNS),
        "additionalProperties": False,
    }


def response_format(mode: str) -> dict[str, Any] | None:
    """The ``response_format`` of ``mode`` (one of :data:`FORMAT_MODES`); None for ``text``, which sends none."""
    if mode == "json_schema":
        return {"type": "json_schema", "json_schema": {"name": _SCHEMA_NAME, "strict": True, "schema": _schema()}}
    if mode == "json_object":
        return {"type": "json_object", "schema": _schema()}
    if mode == "json_object_bare":
        return {"type": "json_object"}
    if mode == "text":
        return None
    raise ValueError(f"unknown response format mode {mode!r}; expected one of {', '.join(FORMAT_MODES)}")


def reply_token_bound(item: SourceItem, bounds: LengthBounds) -> int:
    """A ``max_tokens`` for ``item``'s reply that no reply validation would accept can reach.

    Validation rejects a field longer than ``bounds.high`` times its English length plus the slack, so the
    longest acceptable reply is known from the item; a model that loops or rambles stops there instead of
    filling the server's context (minutes on a small local model, money on a paid API).
    """
    longest = sum(bounds.high * len(text) + bounds.slack for text in item.fields().values())
    return math.ceil((longest + _JSON_OVERHEAD_CHARS) / _CHARS_PER_TOKEN_FLOOR)


def prompt_hash() -> str:
    """A short hash of everything that shapes a request except the item: prompts and schema."""
    text = json.dumps([SYSTEM_PROMPT, _USER_PROMPT, RETRY_PROMPT, response_format("json_schema")], sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
