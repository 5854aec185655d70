"""The async engine behind :func:`cosmosqa_ptbr.translation.translate`: live requests, and the Batch API
through :mod:`.batch`.

Workers take items from a shared iterator (at most ``concurrency`` requests in flight) and hand each
finished item, translated or rejected, to one writer task, the only code that touches the output
files. The ``openai`` client is built with ``max_retries=0``: retries happen here, so a 429's
``Retry-After`` pauses every worker, not just the one that got it, and every attempt is counted.

A failure of the transport (no connection, timeouts, 429 or 5xx after every retry, or an answer that is not
a chat completion: an HTML page, other JSON, no choices) says nothing about the item: it stays pending, out of
the rejects file, and the run stops taking new items (the server is down, overloaded or not what --base-url
should name); a rerun picks them up. Only a reply that fails validation, or a request the server refuses for
that item (a 4xx), is a reject. A server that cannot be reached at all is found by one connection check
before any worker starts.

A server that refuses the response format (whatever the HTTP status: llama.cpp's Python server answers 500
with a validation error naming the types it takes) gets the next of ``FORMAT_MODES``, and the run says so.
Every reply is bounded (``max_tokens`` from the item's length unless set). Local servers get the timeout
handling described at :meth:`_Pipeline.wait_for_local_server`.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import ipaddress
import json
import logging
import os
import random
import re
import socket
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from .. import __version__
from ..schema import ID
from .batch import collect_batch, submit_batch
from .requests import FORMAT_MODES, RETRY_PROMPT, build_messages, prompt_hash, reply_token_bound, response_format
from .settings import TranslationConfig, TranslationError, TranslationResult, estimated_cost
from .store import OutputStore, public_url, read_manifest, write_manifest
from .validation import SourceItem, TranslationCheckError, check_translation, parse_reply, read_source

log = logging.getLogger("cosmosqa_ptbr.translation")
T = TypeVar("T")

_RETRYABLE_STATUS = frozenset({408, 409, 425, 429})
# Statuses that say nothing about the request's content: never read as a refusal of the response format.
_NOT_ABOUT_THE_FORMAT = frozenset({401, 403, 404, *_RETRYABLE_STATUS})
_FORMAT_WORDS = ("response_format", "json_schema", "json_object", "schema", "grammar")
# vLLM refuses prompt + max_tokens over the model's context with a 400 ("This model's maximum context length
# is N tokens. However, you requested ..."), llama-cpp-python a prompt over it with a 500 ("Requested tokens
# (N) exceed context window of M").
_CONTEXT_LENGTH = re.compile(r"context length|context window|max_model_len", re.IGNORECASE)
_NO_KEY = "sk-no-key-required"  # local servers ignore the key, the client insists on one
_PROBE_TIMEOUT_S = 5.0
_PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa")
_INSTALL_HINT = "pip install 'cosmosqa-ptbr[translate]'"


class _ItemFailed(Exception):
    """One request could not be completed (refused, or out of retries); the item goes to the rejects."""

    def __init__(self, reason: str, status: int | None = None, body: str = "") -> None:
        super().__init__(reason)
        self.status = status
        self.body = body


class _TransportFailed(_ItemFailed):
    """The server could not be reached or kept failing (connection, timeout, 429, 5xx) through every retry."""

    last = ""  # the last attempt's error, e.g. "HTTP 500: ..." or "APITimeoutError: Request timed out."


class _NotACompletion(Exception):
    """The server answered without error but not with a chat completion: a proxy's page, another API, garbage."""


class _FormatRefused(Exception):
    """The server refused the request's response_format (whatever the status): the run steps down a mode."""


@dataclass
class _Work:
    item: SourceItem
    prefilled: str | None = None  # a reply already in hand (from a batch), validated before any request
    prefilled_error: str | None = None  # why that reply is unusable as it stands


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def require_openai() -> Any:
    """The ``openai`` module, or a one-line :class:`TranslationError` naming the extra that installs it."""
    try:
        import openai
    except ImportError as error:
        message = (
            f"translating needs the openai package, which cannot be imported ({error}); install it: {_INSTALL_HINT}"
        )
        raise TranslationError(message) from None
    return openai


def make_client(config: TranslationConfig) -> Any:
    """An ``openai.AsyncOpenAI`` for the settings, key from the environment, the client's own retries off."""
    openai = require_openai()
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


def is_local(base_url: str | None) -> bool:
    """Whether ``base_url`` names a server of this machine or network: localhost, a loopback, private or
    link-local address, or a name no public host has (no dot, or .local, .lan, .internal...)."""
    if not base_url:
        return False
    host = (urlsplit(base_url).hostname or "").rstrip(".").lower()
    if not host:
        return False
    if host == "localhost" or host.endswith(_LOCAL_SUFFIXES):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "." not in host
    return address.is_loopback or address.is_private or address.is_link_local


class _Gate:
    """At most ``limit`` requests in flight at once; the limit can be lowered while requests run."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.in_flight = 0
        self._changed = asyncio.Condition()

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[int]:
        """Hold one place while a request is out; yield how many are out, this one included."""
        async with self._changed:
            await self._changed.wait_for(lambda: self.in_flight < self.limit)
            self.in_flight += 1
            place = self.in_flight
        try:
            yield place
        finally:
            async with self._changed:
                self.in_flight -= 1
                self._changed.notify_all()


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
    if not status:
        return f"{type(error).__name__}: {message}"
    message = re.sub(rf"^Error code: {status}(?: - )?", "", message)  # the client's prefix, said once
    if not message:
        body = getattr(error, "body", None)
        message = _snippet(body) if isinstance(body, str) and body.strip() else "no message"
    return f"HTTP {status}: {message}"


def _category(reason: str) -> str:
    """A reason without its specifics, to count rejects by kind."""
    head = reason.split("; ")[0].split(" (")[0]
    return head if len(head) <= 80 else head[:77] + "..."


def _snippet(data: bytes | str, length: int = 60) -> str:
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    return repr(" ".join(text.split())[:length])


def _check_completion(value: Any) -> dict[str, Any]:
    """``value`` if it has the shape of a chat completion (a first choice with a message), else raise why not."""
    if not isinstance(value, dict):
        raise _NotACompletion(f"not a chat completion (a JSON {type(value).__name__}: {_snippet(json.dumps(value))})")
    choices = value.get("choices")
    if not isinstance(choices, list) or not choices:
        keys = ", ".join(sorted(value)[:6]) or "none"
        shown = "choices: []" if isinstance(choices, list) else f"no choices; keys: {keys}"
        raise _NotACompletion(f"not a chat completion (JSON with {shown})")
    first = choices[0]
    message = first.get("message") if isinstance(first, dict) else None
    if not isinstance(message, dict) or not isinstance(message.get("content"), (str, type(None))):
        raise _NotACompletion(f"not a chat completion (its first choice has no message: {_snippet(json.dumps(first))})")
    return value


def _completion_json(raw: Any) -> dict[str, Any]:
    """The completion as plain JSON: validation reads four fields, building the typed model costs more.

    An answer that is not a chat completion (a captive portal's HTML, another API's JSON, a stream) is a
    transport failure, retried like a 5xx: it says nothing about the item.
    """
    response = raw.http_response
    try:
        value = json.loads(response.content)
    except ValueError:
        kind = response.headers.get("content-type") or "no content type"
        status = f"HTTP {response.status_code} but not"
        raise _NotACompletion(f"{status} a chat completion ({kind}: {_snippet(response.content)})") from None
    try:
        return _check_completion(value)
    except _NotACompletion as error:
        raise _NotACompletion(f"HTTP {response.status_code} but {error}") from None


def _names_the_format(error: Any) -> bool:
    """Whether an error answer is about the response format (its message or body names it)."""
    if error.status_code in _NOT_ABOUT_THE_FORMAT:
        return False
    text = f"{error.message} {json.dumps(error.body, default=str) if error.body is not None else ''}".lower()
    return any(word in text for word in _FORMAT_WORDS)


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
        self.local = is_local(config.base_url)
        self.gate = _Gate(config.concurrency)
        self.patience = 1  # times --timeout a local server is given per request; doubles after each timeout
        self._drain: tuple[float, asyncio.Task[None]] | None = None
        self._manifest_saved = 0.0

    # ----------------------------------------------------------------------------------- requests

    def reply_bound(self, item: SourceItem) -> int | None:
        """The ``max_tokens`` of ``item``'s requests: the setting, or one from its length; None for no cap."""
        if self.config.max_tokens is None:
            return reply_token_bound(item, self.config.bounds)
        return self.config.max_tokens or None

    def request_body(
        self, messages: Sequence[dict[str, str]], max_tokens: int | None, mode: str | None = None
    ) -> dict[str, Any]:
        body: dict[str, Any] = {"model": self.config.model, "messages": list(messages)}
        requested = response_format(mode or self.mode)
        if requested is not None:
            body["response_format"] = requested
        body["temperature"] = self.config.temperature
        if max_tokens is not None:
            body["max_tokens"] = max_tokens
        return body

    def batch_body(self, item: SourceItem) -> dict[str, Any]:
        """The request of ``item`` in a Batch API file."""
        return self.request_body(build_messages(item), self.reply_bound(item))

    async def _retrying(
        self,
        call: Callable[[float], Awaitable[T]],
        what: str,
        *,
        chat: bool = False,
        format_refusable: bool = False,
    ) -> T:
        """Run ``call(timeout)`` with backoff and jitter on 429/5xx/timeouts; ``Retry-After`` pauses all workers.

        ``chat`` requests hold a place at the gate while out, and a timeout on a local server waits for
        the server to finish before the request is sent again (see :meth:`wait_for_local_server`).
        With ``format_refusable``, an error answer that names the response format raises :class:`_FormatRefused`.
        """
        openai = require_openai()
        last = ""
        failure: Exception | None = None
        for attempt in range(self.config.max_retries + 1):
            wait = self.not_before - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            timed_out = False
            slot = self.gate.slot() if chat else contextlib.nullcontext(1)
            async with slot as place:
                timeout = self.config.timeout
                if chat and self.local:
                    # A local server works through its queue: the k-th request out waits for k - 1 before it.
                    timeout *= place * self.patience
                sent = time.monotonic()
                try:
                    self.requests += 1
                    return await call(timeout)
                except (openai.AuthenticationError, openai.PermissionDeniedError, openai.NotFoundError) as error:
                    message = f"{what} refused ({_describe(error)}); check OPENAI_API_KEY, --base-url and --model"
                    raise TranslationError(message) from None
                except openai.APIStatusError as error:
                    if error.code == "insufficient_quota":
                        raise TranslationError(f"{what} refused: {_describe(error)}") from None
                    if format_refusable and _names_the_format(error):
                        raise _FormatRefused(_describe(error)) from None
                    body = json.dumps(error.body, default=str) if error.body is not None else ""
                    # A request too long for the model's context fails the same way every time, whatever the
                    # status (llama-cpp-python answers 500): it is about the item, not the server.
                    too_long = _CONTEXT_LENGTH.search(f"{error.message} {body}") is not None
                    if too_long or (error.status_code < 500 and error.status_code not in _RETRYABLE_STATUS):
                        raise _ItemFailed(f"{what} refused ({_describe(error)})", error.status_code, body) from None
                    last, failure = _describe(error), error
                except openai.APITimeoutError as error:
                    last, failure, timed_out = f"{_describe(error)} (after {timeout:g} s)", error, True
                except openai.APIConnectionError as error:
                    last, failure = _describe(error), error
                except _NotACompletion as error:
                    last, failure = str(error), error
            if attempt == self.config.max_retries:
                break
            if timed_out and chat and self.local:
                await self.wait_for_local_server(sent, timeout)
                continue  # the server has just answered the probe: it is free, no backoff
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

    async def wait_for_local_server(self, sent: float, timeout: float) -> None:
        """After a request sent at ``sent`` timed out on a local server, return once the server has finished it.

        A local server runs one request (or a few) at a time and queues the rest; llama.cpp's Python server
        finishes a request it has started even when the client has given up on it. Resending at once queues a
        second copy behind the first, which times out in turn: the work multiplies while nothing gets done.
        So the run (1) sends one request at a time from then on; (2) gives every later request twice as long
        as before (once per probe, for the whole run: a server that needs more than the timeout needs it for
        the next item too, so a few doublings reach its pace and the work thrown away stays below one
        request's worth per doubling); and (3) resends nothing until the server answers a probe, a one-token
        request sent after the timeout, which a queueing server answers only once the work ahead of it, the
        abandoned request included, is done (a server that cancels abandoned work answers it at once). Every
        request that timed out meanwhile waits on the same probe if it was sent before it. A probe left
        unanswered past its patience means the server is stuck: the items stay pending and the run stops.
        """
        if self.gate.limit > 1:
            self.gate.limit = 1
            log.warning(
                "a request to the local server at %s got no answer in %g s; a local server keeps working on a "
                "request the client gave up on, so it is resent only once the server has finished, requests go one "
                "at a time from now on, and each timeout doubles the time every request is given (raise --timeout, "
                "or lower --concurrency to the server's slots)",
                public_url(self.config.base_url),
                timeout,
            )
        if self._drain is None or self._drain[0] < sent:
            self.patience *= 2
            self._drain = (time.monotonic(), asyncio.create_task(self._probe()))
        await asyncio.shield(self._drain[1])

    async def _probe(self) -> None:
        openai = require_openai()
        # At most `concurrency` requests are queued before the probe, each given up to the (doubled) timeout.
        patience = self.config.timeout * self.patience * (self.config.concurrency + 1)
        messages = [{"role": "user", "content": "Reply with OK."}]
        self.requests += 1
        try:
            await self.client.chat.completions.with_raw_response.create(
                model=self.config.model, messages=messages, max_tokens=1, temperature=0, timeout=patience
            )
        except openai.APIStatusError:
            return  # answered: whatever it says, the work queued before it is done
        except openai.APIConnectionError as error:  # timeouts included
            failure = _TransportFailed(
                f"the local server had not finished the work queued before a probe {patience:g} s after a timeout "
                f"({_describe(error)})"
            )
            failure.last = f"the local server is still busy {patience:g} s after a timeout: raise --timeout"
            raise failure from None

    def _step_down(self, refused: str, why: str) -> None:
        """Switch the run to the response format after ``refused``, once, saying why and how to start there."""
        if self.mode != refused:
            return  # another worker's refusal already moved the run on
        self.mode = FORMAT_MODES[FORMAT_MODES.index(refused) + 1]
        self.manifest["response_format"] = self.mode
        hint = "; pass --response-format json_object to start there" if refused == "json_schema" else ""
        log.warning(
            "the server refused response_format %s (%s); using %s from now on, every reply still validated%s",
            refused,
            " ".join(why.split())[:300],
            {"json_object": "JSON mode with the schema", "json_object_bare": "plain JSON mode"}.get(
                self.mode, "no response_format (JSON asked for in the prompt)"
            ),
            hint,
        )

    async def _chat(self, body: dict[str, Any], timeout: float) -> dict[str, Any]:
        raw = await self.client.chat.completions.with_raw_response.create(**body, timeout=timeout)
        return _completion_json(raw)

    async def complete(self, item: SourceItem, messages: Sequence[dict[str, str]]) -> str | None:
        """One chat completion's text; steps the run's response format down when the server refuses it."""
        bound = self.reply_bound(item)
        while True:
            mode = self.mode
            body = self.request_body(messages, bound, mode)
            try:
                completion = await self._retrying(
                    lambda timeout, body=body: self._chat(body, timeout),
                    "the chat completion request",
                    chat=True,
                    format_refusable=mode != FORMAT_MODES[-1],
                )
            except _FormatRefused as refusal:
                self._step_down(mode, str(refusal))
                continue
            except _ItemFailed as failure:
                context_full = _CONTEXT_LENGTH.search(f"{failure} {failure.body}")
                if bound is not None and self.config.max_tokens is None and context_full:
                    # The default bound does not fit beside this prompt in the model's context (vLLM refuses
                    # that outright): let the server bound the reply by the room left, as it does without one.
                    log.info("%s: the server's context cannot hold %d reply tokens; sending without", item.id, bound)
                    bound = None
                    continue
                raise
            return self._content(completion)

    def _content(self, completion: dict[str, Any], *, batch: bool = False) -> str | None:
        usage = completion.get("usage") or {}
        if not isinstance(usage, dict):
            usage = {}
        counted = [
            usage.get(key) if isinstance(usage.get(key), int) else 0 for key in ("prompt_tokens", "completion_tokens")
        ]
        if batch:
            self.batch_prompt_tokens += counted[0]
            self.batch_completion_tokens += counted[1]
        else:
            self.prompt_tokens += counted[0]
            self.completion_tokens += counted[1]
        choice = completion["choices"][0]
        message = choice["message"]
        if message.get("refusal"):
            raise TranslationCheckError(f"the model refused: {message['refusal']}")
        if choice.get("finish_reason") == "length":
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
                    content = await self.complete(item, messages)
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
                if len(records) < len(finished):  # still pending: not done, so not on the bar
                    bar.set_postfix_str(f"failed in transport={self.failed}", refresh=False)
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
        return self.store.settled(item_id)

    def _mark_collected(self, state: dict[str, Any]) -> None:
        state["collected"] = True
        state["collected_at"] = _now()
        self.save_manifest()

    async def _submit(self, chunk: Sequence[SourceItem]) -> dict[str, Any]:
        state = await submit_batch(self.client, self._batch_retrying, self.store.batch_input, chunk, self.batch_body)
        self.manifest["batch"] = state
        self.manifest.setdefault("batches", []).append(state["id"])
        self.save_manifest()
        return state

    async def _collect(self, state: dict[str, Any]) -> dict[str, tuple[str | None, str | None]]:
        """Poll the batch until it ends; return custom_id -> (reply text, why it is unusable).

        A request that errored in the batch maps to ``(None, None)``: it is simply sent live.
        """
        records = await collect_batch(
            self.client, self._batch_retrying, state, self.config.batch_poll_interval, self.save_manifest
        )
        return {str(record.get("custom_id")): self._batch_reply(dict(record)) for record in records}

    async def _batch_retrying(self, call: Callable[[], Awaitable[T]], what: str) -> T:
        return await self._retrying(lambda _timeout: call(), what)

    def _batch_reply(self, record: dict[str, Any]) -> tuple[str | None, str | None]:
        """What a batch result line gives its item: (reply, None), ("", why unusable), or (None, None): send live."""
        response = record.get("response")
        if record.get("error") or not isinstance(response, dict) or response.get("status_code") != 200:
            log.debug("batch request %s failed: %s", record.get("custom_id"), record.get("error") or response)
            return None, None
        try:
            return self._content(_check_completion(response.get("body")), batch=True), None
        except _NotACompletion as error:
            log.debug("batch request %s: %s; it is sent live", record.get("custom_id"), error)
            return None, None
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
    require_openai()
    items = read_source(source, config.limit)
    own_client = client is None
    if own_client:
        client = make_client(config)
    store = OutputStore(output, fsync=config.fsync)
    try:
        store.open(retry_rejects=config.retry_rejects)
        if store.torn_bytes:
            log.info("cut a torn last line (%d bytes) left by an interrupted run", store.torn_bytes)
        pending = [item for item in items if not store.settled(item.id)]
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
        if store.retrying:
            manifest["runs"][-1]["retrying_rejects"] = len(store.retrying & {item.id for item in items})
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
        # Pending: neither in the output nor in the rejects file. A retried reject whose new try failed in
        # transport keeps its old line (and reason), so it is not pending; it is counted in `failed`.
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
            retry_left=len(store.retrying & {item.id for item in items}),
        )
    finally:
        store.close()
        if own_client:
            await client.close()
