"""Settings, results and errors of a translation run, and what it costs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from ..cli.options import CommandError
from .validation import LengthBounds

__all__ = ["PRICES", "TranslationConfig", "TranslationError", "TranslationResult", "estimated_cost"]


class TranslationError(CommandError, RuntimeError):
    """A run cannot go on: no API key, the server is down or refuses the key or the model, a batch cannot be made."""


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
        default=6,
        metadata={
            "help": "retries of one request on 429, 5xx, timeouts, connection errors and replies that are not "
            "chat completions"
        },
    )
    timeout: float = field(
        default=120.0,
        metadata={
            "help": "seconds before one request is abandoned and retried; a local server (loopback, private address "
            "or LAN name) queues requests, so there a request gets this per request in flight, each timeout doubles "
            "it, and a timed-out request is resent only once the server has finished its work, one at a time"
        },
    )
    validation_retries: int = field(
        default=1, metadata={"help": "new requests for an item whose reply failed validation, with the reason"}
    )
    temperature: float = field(default=0.0, metadata={"help": "sampling temperature"})
    max_tokens: int | None = field(
        default=None,
        metadata={
            "help": "cap on tokens per reply; default: from each item's length, the longest reply validation "
            "accepts at 2 characters a token (about 1 token per English character); 0: no cap (the server's own)"
        },
    )
    response_format: str = field(
        default="json_schema",
        metadata={
            "help": "json_schema (strict schema) or json_object (JSON mode, the schema sent beside it for servers "
            "that enforce it, as llama.cpp's). A server that refuses one gets the next, down to plain JSON mode "
            "and no response_format, and the run says so",
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
        if self.max_tokens is not None and self.max_tokens < 0:
            problems.append(f"max_tokens must be 0 (no cap) or more, got {self.max_tokens}")
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
    #: items left pending because the server failed (connection, timeout, 429, 5xx through every retry)
    failed: int = 0
    failures: dict[str, int] = field(default_factory=dict)
    #: rejects a ``retry_rejects`` run did not get to (the server failed first): still in the rejects file
    retry_left: int = 0

    @property
    def complete(self) -> bool:
        """Every source id is in the output or in the rejects file."""
        return self.missing == 0
