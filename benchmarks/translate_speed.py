"""Items/s of translation one request at a time versus the concurrent pipeline, in one run.

Both sides run the full pipeline (request, JSON parse, validation, fsynced append) against the
loopback OpenAI-compatible server of the tests, which answers with the reference translations after
a fixed latency per request (200 ms by default), started in its own process so that it does not
share the interpreter with the client. The goal is a ratio of at least 20 at concurrency 32.

    python benchmarks/translate_speed.py [--latency 0.2] [--concurrency 32]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SERVER = REPO / "tests" / "fake_openai.py"
ENGLISH = REPO / "cosmosqa_ptbr" / "tasks" / "builtin" / "cosmos_qa_en.validation.csv"
REFERENCE = REPO / "cosmosqa_ptbr" / "tasks" / "builtin" / "cosmos_qa_ptbr.validation.jsonl"


def _sample_csv(folder: Path) -> Path:
    ids = [json.loads(line)["id"] for line in REFERENCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    with ENGLISH.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = reader.fieldnames
        rows = {row["id"]: row for row in reader}
    path = folder / "english.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows[item_id] for item_id in ids)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--latency", type=float, default=0.2, help="server seconds per request")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--sequential-items", type=int, default=40, help="items for the one-at-a-time loop")
    parser.add_argument("--items", type=int, default=400, help="items for the concurrent pipeline (at most 400)")
    args = parser.parse_args()

    import openai  # noqa: F401  (imported before the clock starts: the first run should not pay for it)

    from cosmosqa_ptbr import translate

    os.environ.setdefault("OPENAI_API_KEY", "dummy")
    server = subprocess.Popen(
        [sys.executable, str(SERVER), "--port", "0", "--latency", str(args.latency)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        base_url = server.stdout.readline().strip()
        with tempfile.TemporaryDirectory() as folder:
            source = _sample_csv(Path(folder))
            rates = {}
            for name, concurrency, limit in (
                ("one request at a time", 1, args.sequential_items),
                (f"pipeline, concurrency {args.concurrency}", args.concurrency, args.items),
            ):
                output = Path(folder) / f"out-{concurrency}.jsonl"
                started = time.perf_counter()
                result = translate(
                    source, output, model="m", base_url=base_url, concurrency=concurrency, limit=limit, progress=False
                )
                seconds = time.perf_counter() - started
                assert result.written == limit and result.rejected == 0, result
                rates[name] = limit / seconds
                print(f"{name:>28}: {limit} items in {seconds:6.2f} s = {rates[name]:7.2f} items/s")
    finally:
        server.terminate()
        server.wait()
    sequential, concurrent = rates.values()
    print(f"ratio: {concurrent / sequential:.1f}x (latency {args.latency * 1000:.0f} ms per request; goal >= 20x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
