"""Translate English Cosmos QA to Brazilian Portuguese with an OpenAI-compatible model, then load the result.

    export OPENAI_API_KEY=...            # any value for a local server
    python examples/translate.py valid.csv out/validation.jsonl --model gpt-4o-mini --limit 50
    python examples/translate.py valid.csv out/validation.jsonl --base-url http://127.0.0.1:8000/v1 --model m

Run it again after an interruption and it carries on where it stopped; items that fail validation
are listed in out/validation.rejects.jsonl with the reason.
"""

from __future__ import annotations

import argparse

import cosmosqa_ptbr


def main() -> None:
    parser = argparse.ArgumentParser(description="Translate English Cosmos QA and load the output.")
    parser.add_argument("input", help="English Cosmos QA CSV/JSONL (id, context, question, answer0-3, label)")
    parser.add_argument("output", help="output JSONL")
    parser.add_argument("--model", default="gpt-4o-mini")
    parser.add_argument("--base-url", default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()

    result = cosmosqa_ptbr.translate(
        args.input,
        args.output,
        model=args.model,
        base_url=args.base_url,
        limit=args.limit,
        concurrency=args.concurrency,
    )
    print(f"translated {result.written}, rejected {result.rejected}, skipped {result.skipped} already done")
    print(f"{result.prompt_tokens + result.completion_tokens} tokens, estimated cost {result.cost_usd} USD")

    dataset = cosmosqa_ptbr.load_dataset(data_files={"validation": args.output}, split="validation")
    first = dataset[0]
    print(first["pergunta"], "->", dataset.features["Label"].int2str(first["Label"]))


if __name__ == "__main__":
    main()
