"""The async engine behind :func:`cosmosqa_ptbr.translation.translate`: live requests, and the Batch API
through :mod:`.batch`.

Workers take items from a shared iterator (at most ``concurrency`` requests in flight) and hand each
finished item, translated or rejected, to one writer task, the only code that touches the output
files. The ``openai`` client is built with ``max_retries=0``: retries happen here, so a 429's
``Retry-After`` pauses every worker, not just the one that got it, and every attempt is counted.

A failure of the transport (no connection, timeouts, 429 or 5xx after every retry) says nothing about the
item: it stays pending, out of the rejects file, and the run stops taking new items (the server is down or
overloaded); a rerun picks them up. Only a reply that fails validation, or a request the server refuses
for that item (a 4xx), is a reject. A server that cannot be reached at all is found by one connection
check before any worker starts.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import os
import random
import socket
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from .. import __version__
from ..schema import ID
from .batch import collect_batch, submit_batch
from .requests import RETRY_PROMPT, build_messages, prompt_hash, response_format
from .settings import TranslationConfig, TranslationError, TranslationResult, estimated_cost
from .store import OutputStore, public_url, read_manifest, write_manifest
from .validation import SourceItem, TranslationCheckError, check_translation, parse_reply, read_source

log = logging.getLogger("cosmosqa_ptbr.translation")
T = TypeVar("T")

_RETRYABLE_STATUS = frozenset({408, 409, 425, 429})
_NO_KEY = "sk-no-key-required"  # local servers ignore the key, the client insists on one
_PROBE_TIMEOUT_S = 5.0
_PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")


class _ItemFailed(Exception):
    """One request could not be completed (refused, or out of retries); the item goes to the rejects."""

    def __init__(self, reason: str, status: int | None = None, body: str = "") -> None:
        super().__init__(reason)
        self.status = status
        self.body = body


class _TransportFailed(_ItemFailed):
    """The server could not be reached or kept failing (connection, timeout, 429, 5xx) through every retry."""

    last = ""  # the last attempt's error, e.g. "HTTP 500: ..." or "APITimeoutError: Request timed out."


@dataclass
class _Work:
    item: SourceItem
    prefilled: str | None = None  # a reply already in hand (from a batch), validated before any request
    prefilled_error: str | None = None  # why that reply is unusable as it stands


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def make_client(config: TranslationConfig) -> Any:
    """An ``openai.AsyncOpenAI`` for the settings, key from the environment, the client's own retries off."""
    import openai

    key = os.environ.get("OPENAI_API_KEY")
    if not key:
        if config.base_url is None:
            message = "set OPENAI_API_KEY to translate with OpenAI, or pass --base-url for a local server"
            raise TranslationError(message)
        key = _NO_KEY
    return openai.AsyncOpenAI(api_key=key, base_url=config.base_url, max_retries=0, timeout=config.timeout)


def unreachable_reason(base_url: str | None, timeout: float = _PROBE_TIMEOUT_S) -> str | None:
    """Why a TCP connection to the server cannot be opened, or None when it can (or a proxy decides)."""
    if any(os.environ.get(name) for name in _PROXY_VARIABLES):
        return None
    parts = urlsplit(base_url or "https://api.openai.com/v1")
    host = parts.hostname or ""
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        with socket.create_connection((host, port), timeout=timeout):
            return None
    except ValueError as error:  # a port out of range
        return str(error)
    except OSError as error:
        return f"{host}:{port}: {error.strerror or error}"


def _retry_after(error: Exception) -> float | None:
    response = getattr(error, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    for name, divisor in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            return max(0.0, float(value) / divisor)
        except ValueError:
            parsed = email.utils.parsedate_tz(value)
            if parsed is not None:
                return max(0.0, email.utils.mktime_tz(parsed) - time.time())
    return None


def _describe(error: Exception) -> str:
    status = getattr(error, "status_code", None)
    message = getattr(error, "message", None) or str(error) or type(error).__name__
    return f"HTTP {status}: {message}" if status else f"{type(error).__name__}: {message}"


def _category(reason: str) -> str:
    """A reason without its specifics, to count rejects by kind."""
    head = reason.split("; ")[0].split(" (")[0]
    return head if len(head) <= 80 else head[:77] + "..."


def _completion_json(raw: Any) -> dict[str, Any]:
    """The completion as plain JSON: validation reads four fields, building the typed model costs more."""
    try:
        value = json.loads(raw.http_response.content)
    except ValueError as error:
        raise TranslationCheckError(f"the server's response was not JSON ({error})") from None
    return value if isinstance(value, dict) else {}


class _Pipeline:
    def __init__(
        self, config: TranslationConfig, client: Any, store: OutputStore, manifest: dict[str, Any], progress: bool
    ) -> None:
        self.config = config
        self.client = client
        self.store = store
        self.manifest = manifest
        self.progress = progress
        self.source_ids: frozenset[str] = frozenset()
        self.mode = config.response_format
        self.not_before = 0.0
        self.prompt_tokens = self.completion_tokens = 0
        self.batch_prompt_tokens = self.batch_completion_tokens = 0
        self.requests = 0
        self.written = self.rejected = 0
        self.reasons: Counter[str] = Counter()
        self.failed = 0  # items left pending by a transport failure
        self.failures: Counter[str] = Counter()
        self.server_failing = False
        self._manifest_saved = 0.0

    # ----------------------------------------------------------------------------------- requests

    def request_body(self, messages: Sequence[dict[str, str]]) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.config.model,
            "messages": list(messages),
            "response_format": response_format(self.mode),
            "temperature": self.config.temperature,
        }
        if self.config.max_tokens is not None:
            body["max_tokens"] = self.config.max_tokens
        return body

    async def _retrying(self, call: Callable[[], Awaitable[T]], what: str) -> T:
        """Run ``call`` with backoff and jitter on 429/5xx/timeouts; ``Retry-After`` pauses all workers."""
        import openai

        last = ""
        failure: Exception | None = None
        for attempt in range(self.config.max_retries + 1):
            wait = self.not_before - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                self.requests += 1
                return await call()
            except (openai.AuthenticationError, openai.PermissionDeniedError, openai.NotFoundError) as error:
                message = f"{what} refused ({_describe(error)}); check OPENAI_API_KEY, --base-url and --model"
                raise TranslationError(message) from None
            except openai.APIStatusError as error:
                if error.code == "insufficient_quota":
                    raise TranslationError(f"{what} refused: {_describe(error)}") from None
                if error.status_code < 500 and error.status_code not in _RETRYABLE_STATUS:
                    body = json.dumps(error.body) if error.body is not None else ""
                    raise _ItemFailed(f"{what} refused ({_describe(error)})", error.status_code, body) from None
                last, failure = _describe(error), error
            except openai.APIConnectionError as error:  # timeouts included
                last, failure = _describe(error), error
            if attempt == self.config.max_retries:
                break
            delay = _retry_after(failure) if failure is not None else None
            if delay is not None:
                # Honour the server's wait for every worker, with a little jitter so they do not return at once.
                delay *= random.uniform(1.0, 1.1)
                self.not_before = max(self.not_before, time.monotonic() + delay)
            else:
                ceiling = min(self.config.backoff_max, self.config.backoff_base * 2**attempt)
                delay = random.uniform(ceiling / 2, ceiling)
            log.debug("%s: %s; retry %d in %.2f s", what, last, attempt + 1, delay)
            await asyncio.sleep(delay)
        failure = _TransportFailed(f"{what} failed after {self.config.max_retries + 1} attempts (last: {last})")
        failure.last = last
        raise failure

    def _fallback_applies(self, failure: _ItemFailed) -> bool:
        text = (str(failure) + failure.body).lower()
        return (
            self.mode == "json_schema"
            and failure.status in (400, 422)
            and any(word in text for word in ("response_format", "json_schema", "schema"))
        )

    async def complete(self, messages: Sequence[dict[str, str]]) -> str | None:
        """One chat completion's text; switches the run to JSON mode if the server refuses ``json_schema``."""
        while True:
            mode = self.mode
            body = self.request_body(messages)
            try:
                response = await self._retrying(
                    lambda body=body: self.client.chat.completions.with_raw_response.create(
                        **body, timeout=self.config.timeout
                    ),
                    "the chat completion request",
                )
            except _ItemFailed as failure:
                if mode == "json_schema" and self.mode == "json_object":
                    continue  # another worker switched modes while this request was out
                if self._fallback_applies(failure):
                    self.mode = "json_object"
                    self.manifest["response_format"] = self.mode
                    log.warning("the server refused json_schema (%s); using JSON mode plus validation", failure)
                    continue
                raise
            return self._content(_completion_json(response))

    def _content(self, completion: dict[str, Any], *, batch: bool = False) -> str | None:
        usage = completion.get("usage") or {}
        if batch:
            self.batch_prompt_tokens += usage.get("prompt_tokens") or 0
            self.batch_completion_tokens += usage.get("completion_tokens") or 0
        else:
            self.prompt_tokens += usage.get("prompt_tokens") or 0
            self.completion_tokens += usage.get("completion_tokens") or 0
        choices = completion.get("choices") or []
        if not choices:
            raise TranslationCheckError("the reply had no choices")
        message = choices[0].get("message") or {}
        if message.get("refusal"):
            raise TranslationCheckError(f"the model refused: {message['refusal']}")
        if choices[0].get("finish_reason") == "length":
            raise TranslationCheckError("the reply was cut off at the token limit; keep it to the JSON object")
        return message.get("content")

    # ----------------------------------------------------------------------------------- items

    async def process(self, work: _Work) -> tuple[str, dict[str, Any]]:
        """Translate and validate one item, retrying with the validation error; return a row or a reject."""
        item = work.item
        messages = build_messages(item)
        budget = self.config.validation_retries + 1
        content = work.prefilled
        for attempt in range(1, budget + 1):
            try:
                if attempt == 1 and work.prefilled_error:
                    raise TranslationCheckError(work.prefilled_error)
                if content is None:
                    content = await self.complete(messages)
                return "row", check_translation(item, parse_reply(content), self.config.bounds)
            except _TransportFailed as failure:
                self.server_failing = True
                return "pending", {ID: item.id, "reason": failure.last or str(failure)}
            except _ItemFailed as failure:
                return "reject", {ID: item.id, "reason": str(failure), "stage": "request", "attempts": attempt}
            except TranslationCheckError as error:
                if attempt == budget:
                    reason = f"{error} (after {attempt} attempt{'s' if attempt > 1 else ''})"
                    return "reject", {ID: item.id, "reason": reason, "stage": "validation", "attempts": attempt}
                messages = [
                    *messages,
                    {"role": "assistant", "content": content or ""},
                    {"role": "user", "content": RETRY_PROMPT.format(reason=error)},
                ]
                content = None
        raise AssertionError("unreachable")  # pragma: no cover

    # ----------------------------------------------------------------------------------- live run

    def cost(self) -> float | None:
        prices = self.config.prices
        live = estimated_cost(self.config.model, self.prompt_tokens, self.completion_tokens, prices=prices)
        batch = estimated_cost(
            self.config.model, self.batch_prompt_tokens, self.batch_completion_tokens, prices=prices, batch=True
        )
        return None if live is None or batch is None else live + batch

    async def run_live(self, works: Sequence[_Work], description: str = "translate") -> None:
        """Process ``works`` with at most ``concurrency`` in flight; one writer appends the results."""
        if not works:
            return
        from tqdm.auto import tqdm

        results: asyncio.Queue[tuple[str, dict[str, Any]] | None] = asyncio.Queue()
        source: Iterator[_Work] = iter(works)
        bar = tqdm(total=len(works), unit="item", desc=description, disable=not self.progress, dynamic_ncols=True)

        async def worker() -> None:
            for work in source:  # one event loop: next() on a shared iterator is safe
                if writer_task.done():
                    return  # the writer failed (disk full...): stop; its error is raised below
                if self.server_failing:
                    return  # the server failed through every retry: leave the rest pending, not 400 more waits
                await results.put(await self.process(work))

        async def writer() -> None:
            done = False
            while not done:
                group = [await results.get()]
                while not results.empty():
                    group.append(results.get_nowait())
                done = group[-1] is None
                finished = [record for record in group if record is not None]
                for _, record in (pair for pair in finished if pair[0] == "pending"):
                    self.failed += 1
                    self.failures[_category(record["reason"])] += 1
                records = [pair for pair in finished if pair[0] != "pending"]
                bar.update(len(finished) - len(records))
                if not records:
                    continue
                await asyncio.to_thread(self.store.write, records)
                for kind, record in records:
                    if kind == "row":
                        self.written += 1
                    else:
                        self.rejected += 1
                        self.reasons[_category(record["reason"])] += 1
                bar.update(len(records))
                tokens = self.prompt_tokens + self.completion_tokens + self.batch_prompt_tokens
                tokens += self.batch_completion_tokens
                cost = self.cost()
                bar.set_postfix_str(
                    f"tokens={tokens:,} cost={'?' if cost is None else f'${cost:.4f}'} rejected={self.rejected}",
                    refresh=False,
                )
                if time.monotonic() - self._manifest_saved > 2.0:
                    self.save_manifest()

        writer_task = asyncio.create_task(writer())
        workers = [asyncio.create_task(worker()) for _ in range(min(self.config.concurrency, len(works)))]
        try:
            await asyncio.gather(*workers)
        finally:
            for task in workers:
                task.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
            await results.put(None)  # whatever finished is written before the run ends or fails
            await writer_task
            bar.close()
            self.save_manifest()

    # ----------------------------------------------------------------------------------- Batch API

    async def run_batches(self, items: Sequence[SourceItem]) -> None:
        """Submit pending items as batches, collect, validate, and retry failures live."""
        by_id = {item.id: item for item in items}
        state = self.manifest.get("batch")
        if isinstance(state, dict) and state.get("id") and not state.get("collected"):
            log.info("resuming batch %s recorded in %s", state["id"], self.store.manifest.name)
            replies = await self._collect(state)
            works = [_Work(by_id[i], *replies[i]) for i in by_id if i in replies and not self._done(i)]
            await self.run_live(works, "batch results")
            self._mark_collected(state)
        todo = [item for item in items if not self._done(item.id)]
        for start in range(0, len(todo), self.config.batch_size):
            chunk = todo[start : start + self.config.batch_size]
            state = await self._submit(chunk)
            replies = await self._collect(state)
            await self.run_live([_Work(item, *replies.get(item.id, (None, None))) for item in chunk], "batch results")
            self._mark_collected(state)

    def _done(self, item_id: str) -> bool:
        return item_id in self.store.done or item_id in self.store.rejected

    def _mark_collected(self, state: dict[str, Any]) -> None:
        state["collected"] = True
        state["collected_at"] = _now()
        self.save_manifest()

    async def _submit(self, chunk: Sequence[SourceItem]) -> dict[str, Any]:
        state = await submit_batch(self.client, self._retrying, self.store.batch_input, chunk, self.request_body)
        self.manifest["batch"] = state
        self.manifest.setdefault("batches", []).append(state["id"])
        self.save_manifest()
        return state

    async def _collect(self, state: dict[str, Any]) -> dict[str, tuple[str | None, str | None]]:
        """Poll the batch until it ends; return custom_id -> (reply text, why it is unusable).

        A request that errored in the batch maps to ``(None, None)``: it is simply sent live.
        """
        records = await collect_batch(
            self.client, self._retrying, state, self.config.batch_poll_interval, self.save_manifest
        )
        return {str(record.get("custom_id")): self._batch_reply(record) for record in records}

    def _batch_reply(self, record: dict[str, Any]) -> tuple[str | None, str | None]:
        response = record.get("response") or {}
        if record.get("error") or response.get("status_code") != 200:
            log.debug("batch request %s failed: %s", record.get("custom_id"), record.get("error") or response)
            return None, None
        try:
            return self._content(response.get("body") or {}, batch=True), None
        except TranslationCheckError as error:
            return "", str(error)

    # ----------------------------------------------------------------------------------- manifest

    def save_manifest(self) -> None:
        self._manifest_saved = time.monotonic()
        run = self.manifest["runs"][-1]
        run.update(
            written=self.written,
            rejected=self.rejected,
            requests=self.requests,
            prompt_tokens=self.prompt_tokens + self.batch_prompt_tokens,
            completion_tokens=self.completion_tokens + self.batch_completion_tokens,
            estimated_cost_usd=self.cost(),
            response_format=self.mode,
        )
        self.manifest["updated_at"] = _now()
        remaining = len(self.source_ids - self.store.done - self.store.rejected)
        self.manifest["counts"].update(
            output=len(self.store.done), rejects=len(self.store.rejected), remaining=remaining
        )
        write_manifest(self.store.manifest, self.manifest)


def _start_manifest(
    store: OutputStore, config: TranslationConfig, source: Any, items: Sequence[SourceItem], skipped: int
) -> dict[str, Any]:
    manifest = read_manifest(store.manifest)
    if manifest.get("prompt_hash") not in (None, prompt_hash()):
        log.warning(
            "%s was started with another prompt (%s); new rows use prompt %s",
            store.output,
            manifest["prompt_hash"],
            prompt_hash(),
        )
    now = _now()
    manifest.update(
        model=config.model,
        base_url=public_url(config.base_url) or "https://api.openai.com/v1",
        prompt_hash=prompt_hash(),
        response_format=config.response_format,
        package_version=__version__,
        input=str(source) if isinstance(source, (str, Path)) else type(source).__name__,
        output=store.output.name,
        rejects=store.rejects.name,
        finished_at=None,
        counts={"source": len(items), "output": len(store.done), "rejects": len(store.rejected)},
    )
    manifest.setdefault("started_at", now)
    manifest.setdefault("runs", []).append(
        {
            "started_at": now,
            "finished_at": None,
            "model": config.model,
            "prompt_hash": prompt_hash(),
            "mode": "batch" if config.batch_api else "live",
            "skipped": skipped,
        }
    )
    return manifest


async def run(
    source: Any, output: Path, config: TranslationConfig, *, client: Any = None, progress: bool = True
) -> TranslationResult:
    """Translate the pending items of ``source`` into ``output``; see :func:`cosmosqa_ptbr.translate`."""
    started = time.monotonic()
    items = read_source(source, config.limit)
    own_client = client is None
    if own_client:
        client = make_client(config)
    store = OutputStore(output, fsync=config.fsync)
    try:
        store.open(retry_rejects=config.retry_rejects)
        if store.torn_bytes:
            log.info("cut a torn last line (%d bytes) left by an interrupted run", store.torn_bytes)
        pending = [item for item in items if item.id not in store.done and item.id not in store.rejected]
        probe = own_client and pending
        reason = unreachable_reason(config.base_url, min(config.timeout, _PROBE_TIMEOUT_S)) if probe else None
        if reason is not None:
            where = public_url(config.base_url) or "https://api.openai.com/v1"
            message = (
                f"cannot connect to {where} ({reason}); start the server or fix --base-url. Nothing was sent; "
                f"{len(pending)} items stay pending"
            )
            raise TranslationError(message)
        store.open_files()
        manifest = _start_manifest(store, config, source, items, len(items) - len(pending))
        pipeline = _Pipeline(config, client, store, manifest, progress)
        pipeline.source_ids = frozenset(item.id for item in items)
        pipeline.save_manifest()
        try:
            if config.batch_api:
                await pipeline.run_batches(pending)
            else:
                await pipeline.run_live([_Work(item) for item in pending])
        except _ItemFailed as failure:  # a Batch API step (upload, creation, status, download)
            pipeline.save_manifest()
            raise TranslationError(f"{failure}; what was written is kept: rerun to continue") from None
        missing = sum(1 for item in items if item.id not in store.done and item.id not in store.rejected)
        now = _now()
        manifest["runs"][-1]["finished_at"] = now
        if missing == 0:
            manifest["finished_at"] = now
        pipeline.save_manifest()
        return TranslationResult(
            output=store.output,
            rejects=store.rejects,
            manifest=store.manifest,
            source_items=len(items),
            skipped=len(items) - len(pending),
            written=pipeline.written,
            rejected=pipeline.rejected,
            output_total=len(store.done),
            rejects_total=len(store.rejected),
            prompt_tokens=pipeline.prompt_tokens + pipeline.batch_prompt_tokens,
            completion_tokens=pipeline.completion_tokens + pipeline.batch_completion_tokens,
            requests=pipeline.requests,
            cost_usd=pipeline.cost(),
            seconds=round(time.monotonic() - started, 3),
            missing=missing,
            reasons=dict(pipeline.reasons),
            failed=pipeline.failed,
            failures=dict(pipeline.failures),
        )
    finally:
        store.close()
        if own_client:
            await client.close()
