"""Translate a multiple-choice task into another language with any OpenAI-compatible chat model.

The run works on two task specs (:mod:`cosmosqa_ptbr.tasks`): the source task, whose file it reads in that task's
layout, and the target task, whose published layout it writes; by default English Cosmos QA into Cosmos QA
Português. Each item is one request asking for structured output (a JSON schema whose properties are the target's
context and question columns and the option letters); replies are parsed as JSON, validated (distinct non-empty
options, nothing left in the source language, lengths in bounds, the target's fixed-option translations) and
appended to a JSONL file, the id and gold label copied from the source. Items whose replies keep failing
validation go to ``<out>.rejects.jsonl`` with the reason; items the server keeps failing (429/5xx/timeouts,
after retries with backoff) stay pending for the next run. Runs are concurrent and resume exactly after being
killed. With ``batch_api`` the same requests go through the OpenAI Batch API at half the price.

Modules: ``pair`` (the source and target tasks of a run), ``languages`` (is a field still in the source
language), ``settings`` (run settings, results, prices), ``validation`` (the source, reply checks),
``requests`` (prompts and schema), ``store`` (the append-only output, manifest), ``runner`` (workers,
retries, the Batch API), ``pipeline`` (``translate`` and the ``translate`` subcommand).

>>> config = TranslationConfig(model="m", base_url="http://127.0.0.1:8000/v1", concurrency=4)
>>> config.concurrency
4
>>> print(*response_format("json_schema")["json_schema"]["schema"]["properties"])
contexto pergunta A B C D
>>> estimated_cost("gpt-4o-mini", 1_000_000, 1_000_000)
0.75
"""

from __future__ import annotations

from .pair import TaskMismatchError, TaskPair
from .pipeline import translate
from .requests import build_messages, prompt_hash, response_format
from .settings import PRICES, TranslationConfig, TranslationError, TranslationResult, estimated_cost
from .store import StoreError
from .validation import SourceError, TranslationCheckError

__all__ = [
    "PRICES",
    "SourceError",
    "StoreError",
    "TaskMismatchError",
    "TaskPair",
    "TranslationCheckError",
    "TranslationConfig",
    "TranslationError",
    "TranslationResult",
    "build_messages",
    "estimated_cost",
    "prompt_hash",
    "response_format",
    "translate",
]
