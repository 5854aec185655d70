"""An OpenAI-compatible HTTP server on 127.0.0.1 that "translates" with the shipped reference translations.

It answers ``POST /v1/chat/completions`` for English Cosmos QA items whose reference pt-BR translation
is known (the 400 items of the embedded sample), recognising the item by the JSON object in the first
user message; any other chat gets a short reply, as a model would give. Faults are injected per item and
attempt: ``429`` (with ``Retry-After``), ``500``, ``hang`` (no answer until the client gives up),
``not_json``, ``three_options``, ``english``, ``ramble`` (the JSON, then filler until ``max_tokens`` or the
context is full), and answers that are not chat completions at all, with status 200: ``html`` (a login
page), ``other_json``, ``no_choices`` (``choices: []``) and ``stream`` (server-sent events).
It also serves the files and batches endpoints for Batch API runs. Standard library only (threads).

``flavor`` makes it answer as a given server does (their OpenAI-compatible endpoints, read from their source):

- ``llama_cpp``: llama-cpp-python's server. ``response_format`` types other than ``text``/``json_object`` are
  refused with HTTP 500 and the pydantic error naming the literal it expects; ``json_object`` enforces a
  ``schema`` given beside the type; without ``max_tokens`` a reply may run to the end of the context.
- ``vllm``: vLLM. ``json_schema`` and ``json_object`` are enforced (extra keys ignored), errors are
  ``{"error": {"message", "type": "BadRequestError", "param", "code": 400}}``, an unknown model is a 404
  ("The model `x` does not exist."), prompt + ``max_tokens`` over ``max_model_len`` is a 400.
- ``ollama``: Ollama. ``json_object`` is JSON mode and ``json_schema`` its schema (``legacy_ollama``: before
  0.5, ``json_schema`` was ignored and the model wrote free text), an unknown model is a 404 ``model "x" not
  found, try pulling it first``.

Without an enforced format (no response_format, or one the server ignores) a reply is the JSON inside prose
and a Markdown fence, as chat models write it. ``serial_seconds`` serves chat requests one at a time in
arrival order, each taking that long and finished even when the client has given up (llama.cpp's Python
server does not cancel): ``max_duplicates`` is the most requests for one item it held at once.

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
ENGLISH_CSV = REPO / "tests" / "data" / "cosmosqa_en_validation.csv"
REFERENCE_JSONL = REPO / "cosmosqa_ptbr" / "data" / "sample_validation.jsonl"
FAULTS = ("429", "500", "hang", "not_json", "three_options", "english")
JUNK = ("html", "other_json", "no_choices", "stream")  # HTTP 200, but not a chat completion
FLAVORS = ("openai", "llama_cpp", "vllm", "ollama")
_FORMAT_ENFORCED = {
    "openai": {"json_schema", "json_object"},
    "llama_cpp": {"json_object"},
    "vllm": {"json_schema", "json_object"},
    "ollama": {"json_schema", "json_object"},
}
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
        flavor: str = "openai",
        served_model: str | None = None,
        max_model_len: int = 8192,
        legacy_ollama: bool = False,
        serial_seconds: float = 0.0,
        batch_torn_line: bool = False,
    ) -> None:
        if flavor not in FLAVORS:
            raise ValueError(f"flavor must be one of {FLAVORS}, got {flavor!r}")
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
        self.flavor = flavor
        self.served_model = served_model  # when set, other model names get the flavor's 404
        self.max_model_len = max_model_len
        self.legacy_ollama = legacy_ollama
        self.serial_seconds = serial_seconds
        self.batch_torn_line = batch_torn_line  # the first line of a batch output file is cut in half
        self.max_duplicates = 0
        self.received: Counter[str] = Counter()  # chat requests per item as they arrive ("" for other chats)
        self._held: Counter[str] = Counter()  # requests per item queued or running (serial mode)
        self._turn = threading.Condition()
        self._tickets = itertools.count()
        self._serving = 0
        # one entry per chat request: id (None for a chat about no item), fault, time, response_format (its type),
        # format (all of it), max_tokens, generated (completion tokens), live
        self.log: list[dict[str, Any]] = []
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
                headers = dict(headers or {})
                kind = "application/octet-stream" if isinstance(body, bytes) else "application/json"
                self.send_response(status)
                self.send_header("Content-Type", headers.pop("Content-Type", kind))
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
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
                request = json.loads(body)
                if self.serial_seconds:
                    return self._serially(request)
                return self.chat(request, live=True)
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

    def _serially(self, request: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        """Serve ``request`` after every request that arrived before it, taking ``serial_seconds``."""
        english = self._find(request.get("messages") or [])
        key = english["id"] if english else ""
        with self._turn:
            ticket = next(self._tickets)
            self.received[key] += 1
            self._held[key] += 1
            if key:
                self.max_duplicates = max(self.max_duplicates, self._held[key])
            self._turn.wait_for(lambda: self._serving == ticket)
        try:
            # Work as a model does: a reply of a few tokens (a probe) is quick.
            tokens = request.get("max_tokens")
            self._closing.wait(self.serial_seconds if not tokens or tokens > 8 else self.serial_seconds / 20)
            return self.chat(request, live=True)
        finally:
            with self._turn:
                self._held[key] -= 1
                self._serving += 1
                self._turn.notify_all()

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

    def _refusal(self, request: dict[str, Any], format_type: Any) -> tuple[int, Any, dict[str, str]] | None:
        """The flavor's error answer to ``request``, if it has one."""
        model = request.get("model")
        if self.flavor == "llama_cpp" and format_type not in (None, "text", "json_object"):
            # llama-cpp-python validates the body inside its route, whose error handler answers a validation error
            # with HTTP 500 and the error as text (as llama-cpp-python 0.3.36 answered, the paths shortened).
            message = (
                "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), "
                f"'msg': \"Input should be 'text' or 'json_object'\", 'input': {format_type!r}, 'ctx': "
                "{'expected': \"'text' or 'json_object'\"}}\n\n  File \"llama_cpp/server/app.py\", line 376, in "
                "create_chat_completion\n    POST /v1/chat/completions"
            )
            return (
                500,
                {"error": {"message": message, "type": "internal_server_error", "param": None, "code": None}},
                {},
            )
        if self.served_model is not None and model != self.served_model:
            if self.flavor == "vllm":
                error = {"message": f"The model `{model}` does not exist.", "type": "NotFoundError", "param": "model",
                         "code": 404}  # fmt: skip
                return 404, {"error": error}, {}
            if self.flavor == "ollama":
                error = {"message": f'model "{model}" not found, try pulling it first', "type": "not_found_error",
                         "param": None, "code": None}  # fmt: skip
                return 404, {"error": error}, {}
        if self.flavor == "vllm" and request.get("max_tokens"):
            prompt_tokens = self._prompt_tokens(request)
            total = prompt_tokens + request["max_tokens"]
            if total > self.max_model_len:
                message = (
                    f"This model's maximum context length is {self.max_model_len} tokens. However, you requested "
                    f"{request['max_tokens']} output tokens and your prompt contains at least {prompt_tokens} input "
                    f"tokens, for a total of at least {total} tokens. Please reduce the length of the input prompt "
                    f"or the number of requested output tokens. (parameter=input_tokens, value={prompt_tokens})"
                )
                error = {"message": message, "type": "BadRequestError", "param": "input_tokens", "code": 400}
                return 400, {"error": error}, {}
        return None

    @staticmethod
    def _prompt_tokens(request: dict[str, Any]) -> int:
        return sum(len(str(m.get("content", ""))) for m in request.get("messages") or []) // 4

    def _enforced(self, request: dict[str, Any], format_type: Any) -> bool:
        """Whether the server constrains this reply to JSON (else the model writes prose around it)."""
        if self.flavor == "ollama" and self.legacy_ollama and format_type == "json_schema":
            return False
        return format_type in _FORMAT_ENFORCED[self.flavor]

    def chat(self, request: dict[str, Any], *, live: bool) -> tuple[int, Any, dict[str, str]]:
        response_format = request.get("response_format")
        format_type = response_format.get("type") if isinstance(response_format, dict) else None
        if self.reject_json_schema and format_type == "json_schema":
            error = {
                "message": "response_format type json_schema is not supported by this server",
                "type": "invalid_request_error",
                "param": "response_format",
                "code": None,
            }
            return 400, {"error": error}, {}
        refusal = self._refusal(request, format_type)
        if refusal is not None:
            return refusal
        english = self._find(request.get("messages") or [])
        entry = {"time": time.monotonic(), "response_format": format_type, "format": response_format,
                 "max_tokens": request.get("max_tokens"), "live": live, "generated": 0}  # fmt: skip
        if english is None or english["id"] not in self.reference:
            with self._lock:
                self.log.append({**entry, "id": None, "fault": "ok"})
            return 200, self._completion(request, "OK", entry), {}
        item_id = english["id"]
        with self._lock:
            self.attempts[item_id] += 1
            fault = self._fault(item_id, self.attempts[item_id])
            entry.update(id=item_id, fault=fault)
            self.log.append(entry)
        if fault == "429":
            error = {"message": "Rate limit reached, retry later", "type": "requests", "code": "rate_limit_exceeded"}
            return 429, {"error": error}, {"Retry-After": self.retry_after}
        if fault == "500":
            return 500, {"error": {"message": "The server had an error", "type": "server_error"}}, {}
        if fault == "hang":
            if live:
                self._closing.wait(self.hang_seconds)
            return 504, {"error": {"message": "timed out upstream", "type": "server_error"}}, {}
        if fault in JUNK:
            return self._junk(fault)
        reference = self.reference[item_id]
        answer: dict[str, str] = {key: reference[key] for key in KEYS}
        if fault == "three_options":
            answer.pop("D")
        elif fault == "english":
            answer = {key: english[key] for key in KEYS}
        content = json.dumps(answer, ensure_ascii=False)
        if fault == "not_json":
            content = "Claro! Aqui está a tradução: {contexto: " + reference["contexto"][:40]
        elif fault == "ramble":  # a small model that does not stop: filler until a limit cuts it off
            content += " \n" * (4 * self.max_model_len)
        elif not self._enforced(request, format_type):
            content = f"Claro! Aqui está a tradução:\n```json\n{content}\n```"
        return 200, self._completion(request, content, entry), {}

    def _completion(self, request: dict[str, Any], content: str, entry: dict[str, Any]) -> dict[str, Any]:
        """A chat completion of ``content``, cut at ``max_tokens`` or at the end of the context (4 chars a token)."""
        prompt_tokens = self._prompt_tokens(request)
        room = max(1, self.max_model_len - prompt_tokens)
        limit = min(request.get("max_tokens") or room, room)
        finish = "stop"
        if len(content) // 4 > limit:
            content, finish = content[: 4 * limit], "length"
        entry["generated"] = len(content) // 4
        completion = {
            "id": f"chatcmpl-{next(self._ids)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": request.get("model", "m"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": finish,
                    "logprobs": None,
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": len(content) // 4,
                "total_tokens": prompt_tokens + len(content) // 4,
            },
        }
        if self.flavor == "ollama":
            completion["system_fingerprint"] = "fp_ollama"
        return completion

    @staticmethod
    def _junk(kind: str) -> tuple[int, Any, dict[str, str]]:
        """HTTP 200 with something that is not a chat completion: what a proxy, a portal or another API sends."""
        if kind == "html":
            page = (
                b"<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>Wi-Fi login</form></body></html>"
            )
            return 200, page, {"Content-Type": "text/html; charset=utf-8"}
        if kind == "other_json":
            return 200, {"status": "ok", "result": {"text": "translated"}}, {}
        if kind == "no_choices":
            usage = {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}
            empty = {"id": "chatcmpl-0", "object": "chat.completion", "model": "m", "choices": [], "usage": usage}
            return 200, empty, {}
        chunk = {
            "id": "chatcmpl-0",
            "object": "chat.completion.chunk",
            "choices": [{"index": 0, "delta": {"content": "{"}}],
        }
        stream = f"data: {json.dumps(chunk)}\n\ndata: [DONE]\n\n".encode()
        return 200, stream, {"Content-Type": "text/event-stream"}

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
                    lines = list(state[kind])
                    if kind == "output" and self.batch_torn_line:
                        lines[0] = lines[0][: len(lines[0]) // 2]
                    self.files[file_id] = ("\n".join(lines) + "\n").encode("utf-8")
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
    parser.add_argument("--flavor", choices=FLAVORS, default="openai", help="answer as this server does")
    parser.add_argument("--serial-seconds", type=float, default=0.0, help="one request at a time, this long each")
    args = parser.parse_args()
    server = FakeOpenAI(
        latency=args.latency,
        fault_rate=args.fault_rate,
        seed=args.seed,
        reject_json_schema=args.reject_json_schema,
        retry_after=args.retry_after,
        hang_seconds=args.hang_seconds,
        flavor=args.flavor,
        serial_seconds=args.serial_seconds,
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
