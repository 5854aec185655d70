"""``cosmosqa-ptbr score``: score a file of raw model generations against Cosmos QA Português.

The predictions file is JSON Lines, one object per generated answer, with the item's ``id`` and the raw
text (field ``generation`` by default; ``--text-field`` picks another). Each answer is joined to its
dataset row by ``id``, read with :func:`cosmosqa_ptbr.evaluation.extraction.extract_answer` (the row's options let
answers given as text count; its letters come from its options) and scored with
:func:`cosmosqa_ptbr.evaluation.extraction.score_generations`: strict accuracy (unreadable answers are wrong),
lenient accuracy (over readable answers), invalid rate and the count of each extraction rule.
``--extractor leaderboard`` reads the same file with the Open Portuguese LLM Leaderboard's ``find_choices``
filter instead (:func:`cosmosqa_ptbr.evaluation.extraction.leaderboard_extract`), so that a number can be put
beside the leaderboard's; the table and the JSON name the extractor. ``--show-invalid N`` lists answers that
could not be read. Coverage (items scored / items in the split) heads the table and the JSON; predictions
that cover only part of the split get a warning on stderr, since the accuracy is then over those items alone.

This module imports nothing heavy at module level: ``datasets`` is loaded only when a split is read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..cli.options import (
    CommandError,
    SettingsError,
    add_settings,
    check_writable,
    module_main,
    settings_from_args,
    subcommand_parser,
)
from ..data.reading import read_json_lines
from ..data.source import DataSource, resolve_source
from ..schema import ANSWER_COLUMNS, ID, LABEL, NO_LABEL
from .extraction import INVALID_RULES, item_letters, read_generations
from .extraction.scores import EXTRACTORS, gold_letter, rules_of, score_extractions

__all__ = ["PredictionsFileError", "main", "make_parser", "read_predictions", "score_predictions"]

_DEFAULT_TEXT_FIELD = "generation"
_SNIPPET = 240
#: How the score table names each extractor.
EXTRACTOR_NAMES = {
    "ours": "ours (cosmosqa_ptbr.extract_answer, this package)",
    "leaderboard": "leaderboard (find_choices filter of the Open Portuguese LLM Leaderboard)",
}


class PredictionsFileError(CommandError, ValueError):
    """A predictions file that cannot be scored: bad JSON, a missing field, a duplicate or unknown id."""


def read_predictions(
    path: str | Path, *, text_field: str = _DEFAULT_TEXT_FIELD, id_field: str = ID
) -> list[dict[str, Any]]:
    """Read a JSONL predictions file into ``[{"id", "text", "line"}]``; raise on any bad or duplicate row."""
    path = Path(path)
    rows: list[dict[str, Any]] = []
    seen: dict[str, int] = {}

    def error(message: str, line: int | None) -> Exception:
        return PredictionsFileError(message)

    for line_number, record in read_json_lines(path, fix="pass the JSONL written by generation", error=error):
        where = f"{path}, line {line_number}"
        if not isinstance(record, Mapping):
            message = (
                f"{where}: expected a JSON object with {id_field!r} and {text_field!r}, got {type(record).__name__}"
            )
            raise PredictionsFileError(message)
        for field in (id_field, text_field):
            if field not in record:
                flag = "--text-field" if field == text_field else "--id-field"
                message = (
                    f"{where}: no field {field!r} (fields: {', '.join(map(str, record)) or 'none'}); "
                    f"add it or name the right field with {flag}"
                )
                raise PredictionsFileError(message)
        item_id, text = record[id_field], record[text_field]
        if not isinstance(item_id, str) or not item_id:
            message = f"{where}: field {id_field!r} must be a non-empty string, got {item_id!r}"
            raise PredictionsFileError(message)
        if not isinstance(text, str):
            message = (
                f"{where} (id {item_id}): field {text_field!r} must be the generated text as a string, got "
                f"{type(text).__name__}; write an empty string for an empty generation"
            )
            raise PredictionsFileError(message)
        if item_id in seen:
            message = f"{where}: id {item_id} already appeared on line {seen[item_id]}; keep one generation per item"
            raise PredictionsFileError(message)
        seen[item_id] = line_number
        rows.append({"id": item_id, "text": text, "line": line_number})
    if not rows:
        message = f"predictions file {path} holds no predictions"
        raise PredictionsFileError(message)
    return rows


def score_predictions(
    predictions: Sequence[Mapping[str, Any]],
    dataset_rows: Sequence[Mapping[str, Any]],
    *,
    source: str = "predictions",
    extractor: str = "ours",
) -> dict[str, Any]:
    """Join ``predictions`` (``id``, ``text``) to ``dataset_rows`` by id and score them.

    ``extractor``: ``"ours"`` or ``"leaderboard"`` (see the module docstring). Returns ``score_generations``'
    scores plus ``extractor``, ``items`` (id, gold, predicted, rule per prediction), ``n_dataset`` and
    ``coverage`` (scored items / items in the split). Raises :class:`PredictionsFileError` for ids not in the
    dataset or unlabelled rows.
    """
    rules = rules_of(extractor)
    by_id = {row[ID]: row for row in dataset_rows}
    unknown = [p["id"] for p in predictions if p["id"] not in by_id]
    if unknown:
        shown = ", ".join(unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        message = (
            f"{source}: {len(unknown)} of {len(predictions)} ids are not in the dataset split ({shown}); "
            "check --config/--split/--data-files, or the id field of the file"
        )
        raise PredictionsFileError(message)
    references, options, letters = [], [], []
    for prediction in predictions:
        row = by_id[prediction["id"]]
        label = row[LABEL]
        if label in (None, NO_LABEL):
            message = f"{source}: item {prediction['id']} has no gold label (an unlabelled split cannot be scored)"
            raise PredictionsFileError(message)
        row_options = [str(row[column]) for column in ANSWER_COLUMNS]
        row_letters = item_letters(row_options)
        references.append(gold_letter(label, row_letters))
        options.append(row_options)
        letters.append(row_letters)
    readings = read_generations([p["text"] for p in predictions], options, letters=letters, extractor=extractor)
    scores = score_extractions(readings, references, letters, rules)
    scores["extractor"] = extractor
    scores["n_dataset"] = len(by_id)
    scores["coverage"] = scores["n"] / len(by_id)
    scores["items"] = [
        {"id": prediction["id"], "gold": gold, "predicted": reading.letter, "rule": reading.rule}
        for prediction, gold, reading in zip(predictions, references, readings, strict=True)
    ]
    return scores


def _format_table(scores: Mapping[str, Any], header: str) -> str:
    n, n_valid = scores["n"], scores["n_valid"]
    extractor = scores.get("extractor", "ours")
    lines = [
        header,
        f"extractor: {EXTRACTOR_NAMES[extractor]}",
        "",
        f"{'coverage':<20}{scores['coverage']:>8.2%}   {n} of the {scores['n_dataset']} items in the split scored",
        f"{'strict accuracy':<20}{scores['accuracy']:>8.2%}   correct / all {n} (an unreadable answer is wrong)",
        f"{'lenient accuracy':<20}{scores['lenient_accuracy']:>8.2%}   correct / {n_valid} readable answers",
        f"{'invalid rate':<20}{scores['invalid_rate']:>8.2%}   {n - n_valid} of {n} could not be read",
        "",
        f"{'rule':<20}{'count':>8}{'share':>9}",
    ]
    for rule in rules_of(extractor):
        count = scores["rules"][rule]
        mark = "  (invalid)" if rule in INVALID_RULES or rule == "fallback" else ""
        lines.append(f"{rule:<20}{count:>8}{count / n:>9.1%}{mark}")
    return "\n".join(lines)


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SNIPPET else "..." + flat[-_SNIPPET:]


def _check_output(output: Path) -> None:
    """Refuse an --output that is a folder, lies under a file, cannot be written, or is a file this command did not
    write (it would be replaced)."""
    if output.is_dir():
        raise CommandError(f"--output {output} is a folder; name a .json file to write the scores to")
    check_writable(output, "--output", folder=False)
    if not output.exists():
        return
    try:
        previous = json.loads(output.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = None
    if not (isinstance(previous, dict) and "predictions_file" in previous and "accuracy" in previous):
        message = f"--output {output} exists and is not a score results file; it was left unchanged: pick another path"
        raise CommandError(message)


def make_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
    """Parser of ``cosmosqa-ptbr score``."""
    parser = subcommand_parser(
        subparsers,
        "score",
        "Score a file of raw model generations. Each JSONL line holds an item id and the generated text; "
        "answers are joined to the dataset by id, their letter is read by the package's extractor, and the "
        "table shows strict accuracy (unreadable = wrong), lenient accuracy, invalid rate and rule counts.",
    )
    parser.add_argument("--predictions", required=True, metavar="FILE.jsonl", help="JSONL with one generation per line")
    add_settings(parser, DataSource)
    parser.add_argument("--split", default="validation", help="dataset split the generations answer")
    parser.add_argument("--text-field", default=_DEFAULT_TEXT_FIELD, help="JSONL field holding the generated text")
    parser.add_argument("--id-field", default=ID, help="JSONL field holding the item id")
    parser.add_argument(
        "--show-invalid", type=int, default=0, metavar="N", help="list up to N answers that could not be read"
    )
    parser.add_argument(
        "--extractor",
        choices=EXTRACTORS,
        default="ours",
        help="who reads the letters: 'ours' (this package's extractor) or 'leaderboard' (the find_choices filter of "
        "the Open Portuguese LLM Leaderboard, to compare with its numbers); default: ours",
    )
    parser.add_argument("--output", metavar="results.json", help="also write the scores and per-item readings here")
    return parser


def _load_rows(args: argparse.Namespace) -> tuple[str, list[dict[str, Any]]]:
    from ..data import load_dataset

    kwargs = resolve_source(settings_from_args(DataSource, args, command="score"), args.split)
    config = kwargs.pop("config")
    return config, load_dataset(config, args.split, **kwargs).to_list()


def main(args: argparse.Namespace) -> int:
    """Run ``cosmosqa-ptbr score``; return the exit code."""
    if args.show_invalid < 0:
        raise SettingsError(f"--show-invalid must be 0 or more, got {args.show_invalid}")
    if args.output:
        _check_output(Path(args.output))
    predictions = read_predictions(args.predictions, text_field=args.text_field, id_field=args.id_field)
    config, rows = _load_rows(args)
    scores = score_predictions(predictions, rows, source=str(args.predictions), extractor=args.extractor)
    header = (
        f"{args.predictions}: {scores['n']} generations scored against config {config!r}, split {args.split!r} "
        f"({scores['n_dataset']} items)"
    )
    print(_format_table(scores, header))
    if scores["n"] < scores["n_dataset"]:
        print(
            f"cosmosqa-ptbr score: warning: {args.predictions} covers {scores['n']} of the {scores['n_dataset']} "
            f"items of split {args.split!r} ({scores['coverage']:.1%}); the accuracy is over those {scores['n']} "
            "items only, not the split",
            file=sys.stderr,
        )
    if args.show_invalid:
        invalid = [
            (item, prediction)
            for item, prediction in zip(scores["items"], predictions, strict=True)
            if item["predicted"] is None
        ]
        print(f"\nAnswers that could not be read: {len(invalid)} (showing {min(len(invalid), args.show_invalid)})")
        for item, prediction in invalid[: args.show_invalid]:
            print(
                f"- {item['id']} [{item['rule']}] gold {item['gold']}, line {prediction['line']}: "
                f"{_snippet(prediction['text'])!r}"
            )
    if args.output:
        output = Path(args.output)
        output.parent.mkdir(parents=True, exist_ok=True)
        record = {
            "predictions_file": str(args.predictions),
            "config": config,
            "split": args.split,
            **scores,
        }
        output.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(module_main("score", main, make_parser))
