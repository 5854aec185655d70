"""What one translation request says: the prompts, the structured-output schema and their hash."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Final

from ..schema import NONE_OF_THE_ABOVE_EN, NONE_OF_THE_ABOVE_PT, TEXT_COLUMNS
from .validation import SourceItem

__all__ = ["RETRY_PROMPT", "SYSTEM_PROMPT", "build_messages", "prompt_hash", "response_format"]

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


def build_messages(item: SourceItem) -> list[dict[str, str]]:
    """The chat messages asking for ``item``'s translation (its label is never part of them)."""
    payload = json.dumps(item.fields(), ensure_ascii=False, indent=1)
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": _USER_PROMPT.format(item=payload)},
    ]


def response_format(mode: str) -> dict[str, Any]:
    """The ``response_format`` for ``mode``: a strict JSON schema of the output text columns, or JSON mode."""
    if mode == "json_object":
        return {"type": "json_object"}
    schema = {
        "type": "object",
        "properties": {column: {"type": "string"} for column in TEXT_COLUMNS},
        "required": list(TEXT_COLUMNS),
        "additionalProperties": False,
    }
    return {"type": "json_schema", "json_schema": {"name": _SCHEMA_NAME, "strict": True, "schema": schema}}


def prompt_hash() -> str:
    """A short hash of everything that shapes a request except the item: prompts and schema."""
    text = json.dumps([SYSTEM_PROMPT, _USER_PROMPT, RETRY_PROMPT, response_format("json_schema")], sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
