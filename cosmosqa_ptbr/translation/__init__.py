"""Translate English Cosmos QA into Cosmos QA Português with any OpenAI-compatible chat model.

Each item is one request asking for structured output (a JSON schema whose properties are the output
columns); replies are parsed as JSON, validated (four distinct non-empty options, nothing left in
English, lengths in bounds, the fixed "None of the above" translation) and appended to a JSONL file
in the package schema. Items whose replies keep failing validation go to ``<out>.rejects.jsonl`` with the
reason; items the server keeps failing (429/5xx/timeouts, after retries with backoff) stay pending for the
next run. Runs are concurrent and resume exactly after being killed. With
``batch_api`` the same requests go through the OpenAI Batch API at half the price.

Modules: ``settings`` (run settings, results, prices), ``validation`` (the English source, reply checks),
``requests`` (prompts and schema), ``store`` (the append-only output, manifest), ``runner`` (workers,
retries, the Batch API), ``pipeline`` (``translate`` and the ``translate`` subcommand).

>>> config = TranslationConfig(model="m", base_url="http://127.0.0.1:8000/v1", concurrency=4)
>>> config.concurrency
4
>>> sorted(response_format("json_schema")["json_schema"]["schema"]["properties"])
['A', 'B', 'C', 'D', 'contexto', 'pergunta']
>>> estimated_cost("gpt-4o-mini", 1_000_000, 1_000_000)
0.75
"""

from __future__ import annotations

from .pipeline import translate
from .requests import build_messages, prompt_hash, response_format
from .settings import PRICES, TranslationConfig, TranslationError, TranslationResult, estimated_cost
from .store import StoreError
from .validation import SourceError, TranslationCheckError

__all__ = [
    "PRICES",
    "SourceError",
    "StoreError",
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
