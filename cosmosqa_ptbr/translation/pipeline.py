"""``translate()`` and the ``translate`` subcommand: the run from settings to files (see the package docstring)."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
from pathlib import Path
from typing import Any

from ..cli.options import add_settings, module_main, settings_from_args, subcommand_parser
from .settings import TranslationConfig, TranslationResult

__all__ = ["main", "make_parser", "translate"]

log = logging.getLogger("cosmosqa_ptbr.translation")


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
    from .runner import run

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
    add_settings(parser, TranslationConfig)
    parser.add_argument(
        "--settings", metavar="FILE.yaml", help="YAML file of settings (the flags' names); flags given here win"
    )
    return parser


def main(args: argparse.Namespace) -> int:
    """Run ``cosmosqa-ptbr translate``; 0 when every input id ended in the output or the rejects file.

    1 when items stay pending (the server failed, or the run stopped early): a rerun picks them up.
    """
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    log.setLevel(logging.INFO)  # this run's own notes (resumed, cut a torn line, batch status), not every request
    config = settings_from_args(TranslationConfig, args, config=args.settings, command="translate")
    result = translate(args.input, args.output, config, progress=not args.quiet)
    cost = "unknown" if result.cost_usd is None else f"${result.cost_usd:.4f}"
    print(
        f"{result.source_items} input items: {result.skipped} already done, {result.written} translated, "
        f"{result.rejected} rejected in {result.seconds:.1f} s ({result.requests} requests, "
        f"{result.prompt_tokens + result.completion_tokens} tokens, estimated cost {cost})"
    )
    print(f"output: {result.output} ({result.output_total} rows); rejects: {result.rejects} ({result.rejects_total})")
    for reason, count in sorted(result.reasons.items(), key=lambda pair: -pair[1]):
        print(f"  rejected {count}: {reason}")
    kept = ""
    if result.retry_left:
        kept = (
            f"; {result.retry_left} rejects were not retried and keep their line and reason in {result.rejects.name}: "
            "rerun with --retry-rejects for them"
        )
    if result.failed:
        why = "; ".join(f"{count} x {reason}" for reason, count in sorted(result.failures.items(), key=lambda p: -p[1]))
        print(
            f"cosmosqa-ptbr translate: {result.failed} items failed in transport after {config.max_retries + 1} "
            f"attempts each ({why}); the run stopped and "
            f"{result.missing} items stay pending (not rejected): rerun the same command to translate them{kept}",
            file=sys.stderr,
        )
    elif not result.complete or result.retry_left:
        print(
            f"cosmosqa-ptbr translate: {result.missing} items stay pending: rerun to translate them{kept}",
            file=sys.stderr,
        )
    return 0 if result.complete and not result.failed and not result.retry_left else 1


if __name__ == "__main__":
    raise SystemExit(module_main("translate", main, make_parser))
