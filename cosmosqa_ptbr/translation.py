"""Translate English Cosmos QA into Cosmos QA Português with any OpenAI-compatible chat model.

Each item is one request asking for structured output (a JSON schema whose properties are the output
columns); replies are parsed as JSON, validated (four distinct non-empty options, nothing left in
English, lengths in bounds, the fixed "None of the above" translation) and appended to a JSONL file
in the package schema. Items that keep failing go to ``<out>.rejects.jsonl`` with the reason. Runs are
concurrent, retry with backoff on 429/5xx/timeouts, and resume exactly after being killed. With
``batch_api`` the same requests go through the OpenAI Batch API at half the price.

>>> config = TranslationConfig(model="m", base_url="http://127.0.0.1:8000/v1", concurrency=4)
>>> config.concurrency
4
>>> sorted(response_format("json_schema")["json_schema"]["schema"]["properties"])
['A', 'B', 'C', 'D', 'contexto', 'pergunta']
>>> estimated_cost("gpt-4o-mini", 1_000_000, 1_000_000)
0.75
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ._cli import subcommand_parser
from ._translation_check import LengthBounds, SourceError, SourceItem, TranslationCheckError
from ._translation_store import StoreError
from .schema import NONE_OF_THE_ABOVE_EN, NONE_OF_THE_ABOVE_PT, TEXT_COLUMNS

__all__ = [
    "PRICES",
    "RETRY_PROMPT",
    "SYSTEM_PROMPT",
    "SourceError",
    "StoreError",
    "TranslationCheckError",
    "TranslationConfig",
    "TranslationError",
    "TranslationResult",
    "build_messages",
    "estimated_cost",
    "main",
    "make_parser",
    "prompt_hash",
    "response_format",
    "translate",
]

log = logging.getLogger("cosmosqa_ptbr.translation")


class TranslationError(RuntimeError):
    """A run cannot go on: no API key, the server refuses the key or the model, a batch cannot be made."""


# --------------------------------------------------------------------------------------------- prompt

#: Instructions for the translator model (the QA prompts live in ``cosmosqa_ptbr.prompts``).
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


# --------------------------------------------------------------------------------------------- prices

#: USD per million tokens (input, output) of live calls; the Batch API costs half.
PRICES: Final[Mapping[str, tuple[float, float]]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-3.5-turbo": (0.50, 1.50),
}


def estimated_cost(
    model: str,
    prompt_tokens: int,
    completion_tokens: int,
    *,
    prices: tuple[float, float] | None = None,
    batch: bool = False,
) -> float | None:
    """USD for the tokens at ``prices`` or the table's price of ``model`` (longest matching prefix); None if unknown."""
    if prices is None:
        matches = [name for name in PRICES if model == name or model.startswith(name + "-")]
        if not matches:
            return None
        prices = PRICES[max(matches, key=len)]
    cost = (prompt_tokens * prices[0] + completion_tokens * prices[1]) / 1_000_000
    return cost / 2 if batch else cost


# --------------------------------------------------------------------------------------------- settings


@dataclass
class TranslationConfig:
    """Settings of a translation run (the CLI flags are these fields)."""

    model: str = field(default="gpt-4o-mini", metadata={"help": "chat model name as the server knows it"})
    base_url: str | None = field(
        default=None,
        metadata={
            "help": "OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1 (vLLM, llama.cpp, Ollama); "
            "default: OpenAI. The key is read from OPENAI_API_KEY (any value for local servers)"
        },
    )
    concurrency: int = field(default=16, metadata={"help": "requests in flight at once"})
    limit: int | None = field(default=None, metadata={"help": "translate only the first N input items"})
    batch_api: bool = field(
        default=False,
        metadata={"help": "submit through the Batch API (upload, create, poll, download); failures retried live"},
    )
    max_retries: int = field(
        default=6, metadata={"help": "retries of one request on 429, 5xx, timeouts and connection errors"}
    )
    timeout: float = field(default=120.0, metadata={"help": "seconds before one request is abandoned and retried"})
    validation_retries: int = field(
        default=1, metadata={"help": "new requests for an item whose reply failed validation, with the reason"}
    )
    temperature: float = field(default=0.0, metadata={"help": "sampling temperature"})
    max_tokens: int | None = field(default=None, metadata={"help": "cap on tokens per reply (server default if unset)"})
    response_format: str = field(
        default="json_schema",
        metadata={
            "help": "json_schema (strict schema; falls back to json_object when the server refuses it) or json_object",
            "choices": ("json_schema", "json_object"),
        },
    )
    backoff_base: float = field(default=1.0, metadata={"help": "first retry delay in seconds (doubles each time)"})
    backoff_max: float = field(default=60.0, metadata={"help": "longest retry delay in seconds without Retry-After"})
    retry_rejects: bool = field(default=False, metadata={"help": "translate the ids in the rejects file again"})
    price_input: float | None = field(
        default=None, metadata={"help": "USD per million input tokens (default: the price table for --model)"}
    )
    price_output: float | None = field(
        default=None, metadata={"help": "USD per million output tokens (default: the price table for --model)"}
    )
    batch_poll_interval: float = field(
        default=30.0, metadata={"help": "first wait in seconds between Batch API status checks (grows to 10 min)"}
    )
    batch_size: int = field(default=50_000, metadata={"help": "most requests per Batch API batch"})
    min_length_ratio: float = field(default=0.5, metadata={"help": "shortest translation per field, times English"})
    max_length_ratio: float = field(default=2.0, metadata={"help": "longest translation per field, times English"})
    length_slack: int = field(default=20, metadata={"help": "characters of leeway on both length bounds"})
    fsync: bool = field(default=True, metadata={"help": "fsync the output after each group of written lines"})

    def __post_init__(self) -> None:
        problems = []
        for name in ("concurrency", "batch_size"):
            if getattr(self, name) < 1:
                problems.append(f"{name} must be at least 1, got {getattr(self, name)}")
        for name in ("max_retries", "validation_retries", "length_slack"):
            if getattr(self, name) < 0:
                problems.append(f"{name} must be 0 or more, got {getattr(self, name)}")
        for name in ("timeout", "backoff_base", "backoff_max", "batch_poll_interval", "max_length_ratio"):
            if not getattr(self, name) > 0:
                problems.append(f"{name} must be positive, got {getattr(self, name)}")
        if self.limit is not None and self.limit < 0:
            problems.append(f"limit must be 0 or more, got {self.limit}")
        if self.max_tokens is not None and self.max_tokens < 1:
            problems.append(f"max_tokens must be positive, got {self.max_tokens}")
        if self.response_format not in ("json_schema", "json_object"):
            problems.append(f"response_format must be json_schema or json_object, got {self.response_format!r}")
        if not 0 <= self.min_length_ratio < self.max_length_ratio:
            problems.append(
                f"length ratios must satisfy 0 <= min < max, got {self.min_length_ratio} and {self.max_length_ratio}"
            )
        if (self.price_input is None) != (self.price_output is None):
            problems.append("give both price_input and price_output, or neither")
        if not self.model:
            problems.append("model must be a model name")
        if problems:
            raise ValueError("invalid translation settings: " + "; ".join(problems))

    @property
    def bounds(self) -> LengthBounds:
        return LengthBounds(self.min_length_ratio, self.max_length_ratio, self.length_slack)

    @property
    def prices(self) -> tuple[float, float] | None:
        if self.price_input is None or self.price_output is None:
            return None
        return (self.price_input, self.price_output)


@dataclass
class TranslationResult:
    """What a run did: counts of this run and totals of the output files."""

    output: Path
    rejects: Path
    manifest: Path
    source_items: int
    skipped: int
    written: int
    rejected: int
    output_total: int
    rejects_total: int
    prompt_tokens: int
    completion_tokens: int
    requests: int
    cost_usd: float | None
    seconds: float
    missing: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        """Every source id is in the output or in the rejects file."""
        return self.missing == 0


# --------------------------------------------------------------------------------------------- API


def translate(
    source: Any,
    output: str | Path,
    config: TranslationConfig | None = None,
    *,
    client: Any = None,
    progress: bool = True,
    **settings: Any,
) -> TranslationResult:
    """Translate English Cosmos QA items into ``output`` (JSONL in the package schema); return the counts.

    ``source`` is a CSV/JSONL path in the English layout (id, context, question, answer0-3, label), a
    ``datasets.Dataset`` with those columns or an iterable of such mappings. ``settings`` override
    fields of ``config`` (``translate(src, "out.jsonl", model="m", base_url=url, concurrency=32)``).
    ``client`` is an ``openai.AsyncOpenAI`` to use instead of one built from the settings (its own
    retries should be off: the pipeline retries). Ids already in ``output`` or its rejects file are skipped.
    """
    import asyncio

    config = dataclasses.replace(config, **settings) if config else TranslationConfig(**settings)
    from ._translation_run import run

    coroutine = run(source, Path(output), config, client=client, progress=progress)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    # Called from inside an event loop (a notebook): run on a private loop in a worker thread.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


# --------------------------------------------------------------------------------------------- CLI

_FLAG_TYPES: Final = {
    "int": int,
    "int | None": int,
    "float": float,
    "float | None": float,
    "str": str,
    "str | None": str,
}


def make_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
    """The ``translate`` subcommand's parser (flags mirror :class:`TranslationConfig`)."""
    parser = subcommand_parser(
        subparsers,
        "translate",
        "Translate English Cosmos QA (CSV/JSONL: id, context, question, answer0-3, label) to pt-BR with an "
        "OpenAI-compatible model. Output: JSONL in the package schema; failures go to OUT.rejects.jsonl with "
        "a reason; OUT.manifest.json records the run. Re-running resumes where a run stopped.",
    )
    parser.add_argument("--input", required=True, type=Path, help="English Cosmos QA .csv or .jsonl")
    parser.add_argument("--output", required=True, type=Path, help="output .jsonl (appended to, never overwritten)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    for spec in dataclasses.fields(TranslationConfig):
        flag = "--" + spec.name.replace("_", "-")
        help_text = spec.metadata.get("help", "")
        if spec.type == "bool":
            parser.add_argument(flag, action=argparse.BooleanOptionalAction, default=spec.default, help=help_text)
        else:
            parser.add_argument(
                flag,
                type=_FLAG_TYPES[str(spec.type)],
                default=spec.default,
                choices=spec.metadata.get("choices"),
                help=help_text,
            )
    return parser


def main(args: argparse.Namespace) -> int:
    """Run ``cosmosqa-ptbr translate``; 0 when every input id ended in the output or the rejects file."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    log.setLevel(logging.INFO)  # this run's own notes (resumed, cut a torn line, batch status), not every request
    settings = {spec.name: getattr(args, spec.name) for spec in dataclasses.fields(TranslationConfig)}
    try:
        config = TranslationConfig(**settings)
        result = translate(args.input, args.output, config, progress=not args.quiet)
    except (ValueError, TranslationError, StoreError) as error:
        print(f"error: {error}")
        return 2
    cost = "unknown" if result.cost_usd is None else f"${result.cost_usd:.4f}"
    print(
        f"{result.source_items} input items: {result.skipped} already done, {result.written} translated, "
        f"{result.rejected} rejected in {result.seconds:.1f} s ({result.requests} requests, "
        f"{result.prompt_tokens + result.completion_tokens} tokens, estimated cost {cost})"
    )
    print(f"output: {result.output} ({result.output_total} rows); rejects: {result.rejects} ({result.rejects_total})")
    for reason, count in sorted(result.reasons.items(), key=lambda pair: -pair[1]):
        print(f"  rejected {count}: {reason}")
    return 0 if result.complete else 1


if __name__ == "__main__":
    # Run the package's copy of this module, so that errors raised by the engine are the classes caught here.
    from cosmosqa_ptbr import translation

    raise SystemExit(translation.main(translation.make_parser().parse_args()))
