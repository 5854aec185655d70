"""An OpenAI-compatible HTTP server on 127.0.0.1 that "translates" with the shipped reference translations.

It answers ``POST /v1/chat/completions`` for English Cosmos QA items whose reference pt-BR translation
is known (the 400 items of the embedded sample), recognising the item by the JSON object in the first
user message. Faults are injected per item and attempt: ``429`` (with ``Retry-After``), ``500``,
``hang`` (no answer until the client gives up), ``not_json``, ``three_options`` and ``english``. It
also serves the files and batches endpoints for Batch API runs. Standard library only (threads).

Run it by hand: ``python tests/fake_openai.py --port 8000 --latency 0.05 --fault-rate 0.1``.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import email.parser
import itertools
import json
import random
import threading
import time
from collections import Counter, defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
ENGLISH_CSV = REPO / "cosmosqa_ptbr" / "tasks" / "builtin" / "cosmos_qa_en.validation.csv"
REFERENCE_JSONL = REPO / "cosmosqa_ptbr" / "tasks" / "builtin" / "cosmos_qa_ptbr.validation.jsonl"
FAULTS = ("429", "500", "hang", "not_json", "three_options", "english")
KEYS = ("contexto", "pergunta", "A", "B", "C", "D")
ENGLISH_KEYS = ("context", "question", "answer0", "answer1", "answer2", "answer3")


def _key(fields: dict[str, Any]) -> tuple[str, ...]:
    return tuple(str(fields.get(name, "")).strip() for name in KEYS)


class FakeOpenAI:
    """The server's state and behaviour; :meth:`start` serves it on 127.0.0.1 in background threads."""

    def __init__(
        self,
        english_csv: Path = ENGLISH_CSV,
        reference_jsonl: Path = REFERENCE_JSONL,
        *,
        latency: float = 0.0,
        faults: dict[str, list[str]] | None = None,
        fault_rate: float = 0.0,
        seed: int = 0,
        reject_json_schema: bool = False,
        retry_after: str = "1",
        hang_seconds: float = 30.0,
        batch_polls: int = 2,
        api_key: str | None = None,
    ) -> None:
        self.reference = {}
        for line in Path(reference_jsonl).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                self.reference[row["id"]] = row
        self.english: dict[tuple[str, ...], dict[str, str]] = {}
        with Path(english_csv).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                fields = dict(zip(KEYS, (row[name] for name in ENGLISH_KEYS), strict=True))
                self.english[_key(fields)] = {"id": row["id"], **{k: v.strip() for k, v in fields.items()}}
        self.latency = latency
        self.faults = {key: list(value) for key, value in (faults or {}).items()}
        self.fault_rate = fault_rate
        self.seed = seed
        self.reject_json_schema = reject_json_schema
        self.retry_after = retry_after
        self.hang_seconds = hang_seconds
        self.batch_polls = batch_polls
        self.api_key = api_key  # when set, other keys get 401 as from OpenAI
        self.log: list[dict[str, Any]] = []  # one entry per chat request: id, fault, time, response_format
        self.attempts: Counter[str] = Counter()
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.in_flight = self.max_in_flight = 0
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._closing = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------------------------- serving

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start() the server first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self, port: int = 0) -> FakeOpenAI:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as the openai client expects
            disable_nagle_algorithm = True  # headers and body go out as separate writes

            def log_message(self, *args: Any) -> None:
                pass

            def _reply(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
                data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header(
                    "Content-Type", "application/octet-stream" if isinstance(body, bytes) else "application/json"
                )
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(data)  # fails when the client gave up (a hung request it timed out)

            def _authorised(self) -> bool:
                if fake.api_key is None or self.headers.get("Authorization") == f"Bearer {fake.api_key}":
                    return True
                error = {
                    "message": "Incorrect API key provided",
                    "type": "invalid_request_error",
                    "code": "invalid_api_key",
                }
                self._reply(401, {"error": error})
                return False

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if not self._authorised():
                    return
                try:
                    answer = fake.post(self.path, self.headers.get("Content-Type", ""), body)
                except ValueError as error:  # a client killed mid-request leaves a partial body
                    answer = (400, {"error": {"message": f"bad request body: {error}"}}, {})
                self._reply(*answer)

            def do_GET(self) -> None:
                if self._authorised():
                    self._reply(*fake.get(self.path))

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._closing.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeOpenAI:
        return self.start() if self._server is None else self

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # ------------------------------------------------------------------------------------- routes

    def post(self, path: str, content_type: str, body: bytes) -> tuple[int, Any, dict[str, str]]:
        if path.endswith("/chat/completions"):
            with self._lock:
                self.in_flight += 1
                self.max_in_flight = max(self.max_in_flight, self.in_flight)
            try:
                if self.latency:
                    time.sleep(self.latency)
                return self.chat(json.loads(body), live=True)
            finally:
                with self._lock:
                    self.in_flight -= 1
        if path.endswith("/files"):
            return self._upload(content_type, body)
        if path.endswith("/batches"):
            return self._create_batch(json.loads(body))
        return 404, {"error": {"message": f"no route {path}"}}, {}

    def get(self, path: str) -> tuple[int, Any, dict[str, str]]:
        parts = path.split("?")[0].rstrip("/").split("/")
        if len(parts) >= 2 and parts[-2] == "batches":
            return self._retrieve_batch(parts[-1])
        if len(parts) >= 3 and parts[-1] == "content" and parts[-3] == "files":
            data = self.files.get(parts[-2])
            return (200, data, {}) if data is not None else (404, {"error": {"message": "no such file"}}, {})
        return 404, {"error": {"message": f"no route {path}"}}, {}

    # ------------------------------------------------------------------------------------- chat

    def _fault(self, item_id: str, attempt: int) -> str:
        plan = self.faults.get(item_id)
        if plan is not None:
            return plan[attempt - 1] if attempt <= len(plan) else "ok"
        rng = random.Random(f"{self.seed}:{item_id}:{attempt}")
        if self.fault_rate and rng.random() < self.fault_rate:
            return rng.choice(FAULTS)
        return "ok"

    def _find(self, messages: list[dict[str, Any]]) -> dict[str, str] | None:
        for message in messages:
            if message.get("role") == "user":
                text = str(message.get("content"))
                start, end = text.find("{"), text.rfind("}")
                try:
                    return self.english.get(_key(json.loads(text[start : end + 1])))
                except ValueError:
                    return None
        return None

    def chat(self, request: dict[str, Any], *, live: bool) -> tuple[int, Any, dict[str, str]]:
        format_type = (request.get("response_format") or {}).get("type")
        if self.reject_json_schema and format_type == "json_schema":
            error = {
                "message": "response_format type json_schema is not supported by this server",
                "type": "invalid_request_error",
                "param": "response_format",
                "code": None,
            }
            return 400, {"error": error}, {}
        english = self._find(request.get("messages") or [])
        if english is None or english["id"] not in self.reference:
            return 400, {"error": {"message": "unknown item: this server only knows the reference sample"}}, {}
        item_id = english["id"]
        with self._lock:
            self.attempts[item_id] += 1
            fault = self._fault(item_id, self.attempts[item_id])
            self.log.append(
                {"id": item_id, "fault": fault, "time": time.monotonic(), "response_format": format_type, "live": live}
            )
        if fault == "429":
            error = {"message": "Rate limit reached, retry later", "type": "requests", "code": "rate_limit_exceeded"}
            return 429, {"error": error}, {"Retry-After": self.retry_after}
        if fault == "500":
            return 500, {"error": {"message": "The server had an error", "type": "server_error"}}, {}
        if fault == "hang":
            if live:
                self._closing.wait(self.hang_seconds)
            return 504, {"error": {"message": "timed out upstream", "type": "server_error"}}, {}
        reference = self.reference[item_id]
        answer: dict[str, str] = {key: reference[key] for key in KEYS}
        if fault == "three_options":
            answer.pop("D")
        elif fault == "english":
            answer = {key: english[key] for key in KEYS}
        content = json.dumps(answer, ensure_ascii=False)
        if fault == "not_json":
            content = "Claro! Aqui está a tradução: {contexto: " + reference["contexto"][:40]
        prompt_tokens = sum(len(str(m.get("content", ""))) for m in request.get("messages") or []) // 4
        completion = {
            "id": f"chatcmpl-{next(self._ids)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": request.get("model", "m"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                    "logprobs": None,
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": len(content) // 4,
                "total_tokens": prompt_tokens + len(content) // 4,
            },
        }
        return 200, completion, {}

    # ------------------------------------------------------------------------------------- files, batches

    def _upload(self, content_type: str, body: bytes) -> tuple[int, Any, dict[str, str]]:
        message = email.parser.BytesParser().parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\nMIME-Version: 1.0\r\n\r\n" + body
        )
        fields: dict[str, Any] = {}
        for part in message.get_payload():
            name = part.get_param("name", header="content-disposition")
            fields[name] = (part.get_filename(), part.get_payload(decode=True))
        filename, data = fields["file"]
        file_id = f"file-{next(self._ids)}"
        self.files[file_id] = data
        return 200, self._file(file_id, filename, fields["purpose"][1].decode()), {}

    def _file(self, file_id: str, filename: str, purpose: str) -> dict[str, Any]:
        return {
            "id": file_id,
            "object": "file",
            "bytes": len(self.files[file_id]),
            "created_at": int(time.time()),
            "filename": filename,
            "purpose": purpose,
            "status": "processed",
        }

    def _create_batch(self, request: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        data = self.files.get(request.get("input_file_id", ""))
        if data is None:
            return 404, {"error": {"message": "no such input file"}}, {}
        batch_id = f"batch_{next(self._ids)}"
        output, errors = [], []
        for line in data.decode("utf-8").splitlines():
            if not line.strip():
                continue
            entry = json.loads(line)
            status, body, _ = self.chat(entry["body"], live=False)
            record = {
                "id": f"batch_req_{next(self._ids)}",
                "custom_id": entry["custom_id"],
                "response": {"status_code": status, "request_id": f"req_{next(self._ids)}", "body": body},
                "error": None,
            }
            (output if status == 200 else errors).append(json.dumps(record, ensure_ascii=False))
        batch = {
            "id": batch_id,
            "object": "batch",
            "endpoint": request["endpoint"],
            "errors": None,
            "input_file_id": request["input_file_id"],
            "completion_window": request["completion_window"],
            "status": "validating",
            "output_file_id": None,
            "error_file_id": None,
            "created_at": int(time.time()),
            "request_counts": {"total": len(output) + len(errors), "completed": 0, "failed": 0},
            "metadata": request.get("metadata"),
        }
        self.batches[batch_id] = {"batch": batch, "output": output, "errors": errors, "polls": 0}
        return 200, batch, {}

    def _retrieve_batch(self, batch_id: str) -> tuple[int, Any, dict[str, str]]:
        state = self.batches.get(batch_id)
        if state is None:
            return 404, {"error": {"message": "no such batch"}}, {}
        state["polls"] += 1
        batch = state["batch"]
        if state["polls"] >= self.batch_polls and batch["status"] != "completed":
            for kind, key in (("output", "output_file_id"), ("errors", "error_file_id")):
                if state[kind]:
                    file_id = f"file-{next(self._ids)}"
                    self.files[file_id] = ("\n".join(state[kind]) + "\n").encode("utf-8")
                    batch[key] = file_id
            batch["status"] = "completed"
            batch["request_counts"].update(completed=len(state["output"]), failed=len(state["errors"]))
        elif batch["status"] == "validating":
            batch["status"] = "in_progress"
        return 200, batch, {}

    def attempts_by_fault(self) -> dict[str, int]:
        return dict(Counter(entry["fault"] for entry in self.log))

    def times_of(self, item_id: str) -> list[float]:
        return [entry["time"] for entry in self.log if entry["id"] == item_id]

    def ids_by_fault(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = defaultdict(set)
        for entry in self.log:
            found[entry["fault"]].add(entry["id"])
        return dict(found)


def main() -> None:
    parser = argparse.ArgumentParser(description="OpenAI-compatible server answering with the reference translations")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every chat request")
    parser.add_argument("--fault-rate", type=float, default=0.0, help="share of requests given a random fault")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--reject-json-schema", action="store_true")
    parser.add_argument("--retry-after", default="1")
    parser.add_argument("--hang-seconds", type=float, default=30.0)
    args = parser.parse_args()
    server = FakeOpenAI(
        latency=args.latency,
        fault_rate=args.fault_rate,
        seed=args.seed,
        reject_json_schema=args.reject_json_schema,
        retry_after=args.retry_after,
        hang_seconds=args.hang_seconds,
    ).start(args.port)
    print(server.base_url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()
        print(json.dumps(server.attempts_by_fault()))


if __name__ == "__main__":
    main()
