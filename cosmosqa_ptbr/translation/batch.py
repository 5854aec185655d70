"""The OpenAI Batch API side of a translation run: write the request file, submit it, poll it, read the results.

The runner decides what to submit and sends everything these functions return through the same validation and
writer as live replies. Every call to the server goes through the runner's ``retrying`` wrapper, so 429s, 5xx
and timeouts are retried and counted the same way as live requests.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from .requests import prompt_hash
from .validation import SourceItem

__all__ = ["CHAT_ENDPOINT", "collect_batch", "submit_batch"]

log = logging.getLogger("cosmosqa_ptbr.translation")
T = TypeVar("T")
Retrying = Callable[[Callable[[], Awaitable[Any]], str], Awaitable[Any]]

CHAT_ENDPOINT = "/v1/chat/completions"
_BATCH_DONE = frozenset({"completed", "failed", "expired", "cancelled"})
_LONGEST_POLL_S = 600.0


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


async def submit_batch(
    client: Any,
    retrying: Retrying,
    path: Path,
    chunk: Sequence[SourceItem],
    request_body: Callable[[SourceItem], dict[str, Any]],
) -> dict[str, Any]:
    """Write ``chunk``'s requests to ``path``, upload it and create the batch; return its state for the manifest."""
    with path.open("w", encoding="utf-8") as handle:
        for item in chunk:
            line = {"custom_id": item.id, "method": "POST", "url": CHAT_ENDPOINT, "body": request_body(item)}
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    data = path.read_bytes()
    uploaded = await retrying(
        lambda: client.files.create(file=(path.name, data, "application/jsonl"), purpose="batch"),
        "the batch file upload",
    )
    batch = await retrying(
        lambda: client.batches.create(
            input_file_id=uploaded.id,
            endpoint=CHAT_ENDPOINT,
            completion_window="24h",
            metadata={"cosmosqa_ptbr_prompt": prompt_hash()},
        ),
        "the batch creation",
    )
    log.info("submitted batch %s with %d requests", batch.id, len(chunk))
    return {
        "id": batch.id,
        "input_file_id": uploaded.id,
        "requests": len(chunk),
        "submitted_at": _now(),
        "status": batch.status,
        "collected": False,
    }


async def collect_batch(
    client: Any,
    retrying: Retrying,
    state: dict[str, Any],
    poll_interval: float,
    on_status: Callable[[], None],
) -> list[Mapping[str, Any]]:
    """Poll the batch in ``state`` until it ends (``on_status`` after each change); return its result records.

    The records are the JSON lines of the batch's error and output files, one per request that came back.
    """
    delay = poll_interval
    while True:
        batch = await retrying(lambda: client.batches.retrieve(state["id"]), "the batch status check")
        if batch.status != state.get("status"):
            state["status"] = batch.status
            on_status()
        counts = getattr(batch, "request_counts", None)
        log.info("batch %s: %s %s", batch.id, batch.status, counts.model_dump() if counts is not None else "")
        if batch.status in _BATCH_DONE:
            break
        await asyncio.sleep(delay * random.uniform(0.9, 1.1))
        delay = min(delay * 1.5, _LONGEST_POLL_S)
    if batch.status != "completed":
        log.warning("batch %s ended %s; its items are translated live", batch.id, batch.status)
    records: list[Mapping[str, Any]] = []
    for file_id in (batch.error_file_id, batch.output_file_id):
        if not file_id:
            continue
        response = await retrying(lambda file_id=file_id: client.files.content(file_id), "the batch result download")
        records.extend(_result_records(response.text, file_id))
    return records


def _result_records(text: str, file_id: str) -> list[Mapping[str, Any]]:
    """The JSON objects of a batch result file; a line that is not one is skipped with a warning.

    Such a line names no item anyone can trust, and the file is the server's, so nobody can fix it: stopping
    would fail every rerun the same way. Skipping it costs nothing: an item without a result is sent live
    (or in the next batch), the same as one that failed in the batch.
    """
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            log.warning(
                "batch result file %s, line %d, is not JSON (%s); its item is translated again", file_id, number, error
            )
            continue
        if not isinstance(record, dict):
            log.warning(
                "batch result file %s, line %d, is not a JSON object; its item is translated again", file_id, number
            )
            continue
        records.append(record)
    return records
