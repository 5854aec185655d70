"""Reading a source task's items and checking a model's translation of one before it is written.

Standard library and the task specs only: the checks run on every reply, and ``translate --help`` must stay instant.

>>> item = SourceItem("q1", "It rained all day .", "Why ?", ("Clouds", "Sun", "Wind", "None of the above choices ."), 0)
>>> texts = ["Choveu o dia todo.", "Por quê?", "Nuvens", "Sol", "Vento", "Nenhuma das opções acima"]
>>> print(*check_translation(item, dict(zip(TaskPair.resolve().keys, texts))).values(), sep=" | ")
q1 | Choveu o dia todo. | Por quê? | Nuvens | Sol | Vento | Nenhuma das alternativas acima. | A
>>> looks_english("Why did he go to the store with his wife ?"), looks_english("Por que ele foi à loja?")
(True, False)
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..cli.options import CommandError
from ..data.reading import decoded_lines, open_user_file, read_json_lines
from ..tasks import TaskSpec
from .languages import looks_english
from .pair import SourceItem, TaskPair

__all__ = [
    "LengthBounds",
    "SourceError",
    "SourceItem",
    "TranslationCheckError",
    "check_translation",
    "looks_english",
    "parse_reply",
    "read_source",
]


class SourceError(CommandError, ValueError):
    """The source input is malformed: a missing column, an empty field, a bad label or a repeated id."""


class TranslationCheckError(ValueError):
    """A reply failed validation; the message says why, in words the model can act on when retried."""


# --------------------------------------------------------------------------------------------- reading


def _layout(spec: TaskSpec) -> str:
    """The columns a source file of ``spec`` has, for messages: ``id, context, question, answer0, ..., label``."""
    return ", ".join(spec.columns.published)


def _label(spec: TaskSpec, value: Any, where: str) -> int | None:
    try:
        return spec.label_index(value)
    except ValueError as error:
        column = spec.columns.label
        message = f"{where}: field {column!r}: {error}; leave it empty (or -1) for unlabelled rows"
        raise SourceError(message) from None


def _text(value: Any, name: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        message = f"{where}: field {name!r} is empty or not text ({value!r}); fix the row or remove it"
        raise SourceError(message)
    return value.strip()


def _item(row: Mapping[str, Any], where: str, spec: TaskSpec) -> SourceItem:
    columns = spec.columns
    missing = [name for name in columns.published if name != columns.label and name not in row]
    if missing:
        message = (
            f"{where}: missing column(s) {', '.join(missing)}; the input must have the columns of task "
            f"{spec.name!r} ({spec.title}): {_layout(spec)} ({columns.label or 'the label'} may be empty)"
        )
        raise SourceError(message)
    item_id = _text(row[columns.id], columns.id, where)
    context = _text(row[columns.context], columns.context, where) if columns.context else ""
    question = _text(row[columns.question], columns.question, where)
    if isinstance(columns.options, str):
        values = spec.options_of(row)
        if len(values) != spec.n_options:
            message = (
                f"{where}: field {columns.options!r} holds {len(values)} options, task {spec.name!r} has "
                f"{spec.n_options} ({', '.join(spec.letters)}); fix the row or remove it"
            )
            raise SourceError(message)
        names = [f"{columns.options}[{index}]" for index in range(len(values))]
    else:
        values = [row[column] for column in columns.option_columns]
        names = list(columns.option_columns)
    options = tuple(_text(value, name, where) for value, name in zip(values, names, strict=True))
    label = _label(spec, row.get(columns.label), f"{where} (id {item_id})") if columns.label else None
    return SourceItem(item_id, context, question, options, label)


def _source_error(message: str, line: int | None) -> Exception:
    return SourceError(message)


def _fix(spec: TaskSpec) -> str:
    return f"pass a CSV or JSONL file of task {spec.name!r} ({_layout(spec)})"


def _rows_from_file(path: Path, spec: TaskSpec) -> Iterable[tuple[str, Mapping[str, Any]]]:
    suffix = path.suffix.lower()
    fix = _fix(spec)
    if suffix == ".csv":
        csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))  # contexts may exceed csv's 128 KiB default
        with open_user_file(path, fix=fix, error=_source_error) as handle:
            reader = csv.DictReader(decoded_lines(handle, str(path), _source_error))
            try:
                for row in reader:
                    yield f"{path}:{reader.line_num}", row
            except csv.Error as error:
                raise SourceError(f"{path}:{reader.line_num}: not valid CSV ({error}); write RFC 4180 CSV") from None
    elif suffix in (".jsonl", ".json"):
        for number, row in read_json_lines(path, fix=fix, error=_source_error):
            if not isinstance(row, dict):
                raise SourceError(f"{path}:{number}: expected a JSON object, got {type(row).__name__}")
            yield f"{path}:{number}", row
    else:
        message = f"{path}: unknown input format {suffix!r}; {fix}"
        raise SourceError(message)


def read_source(source: Any, limit: int | None = None, *, task: TaskSpec | None = None) -> list[SourceItem]:
    """Read the items of source task ``task`` (default: English Cosmos QA) from a CSV/JSONL path, a
    ``datasets.Dataset`` or an iterable of mappings, in that task's layout (its columns, label as letter or index).

    Raises :class:`SourceError` naming the file (or row), the id and the field for malformed rows and
    for an id given twice (output rows are keyed by id, so a repeated id could not be resumed exactly).
    """
    spec = task or TaskPair.resolve().source
    if isinstance(source, (str, Path)):
        path = Path(source)
        rows: Iterable[tuple[str, Mapping[str, Any]]] = _rows_from_file(path, spec)
    else:
        name = type(source).__name__
        rows = ((f"{name} row {index}", row) for index, row in enumerate(source))
    items: list[SourceItem] = []
    seen: dict[str, str] = {}
    for where, row in rows:
        if limit is not None and len(items) >= limit:
            break
        item = _item(row, where, spec)
        if item.id in seen:
            message = f"{where}: id {item.id!r} repeats {seen[item.id]}; ids must be unique, remove the duplicate"
            raise SourceError(message)
        seen[item.id] = where
        items.append(item)
    if not items and limit != 0 and isinstance(source, (str, Path)):
        raise SourceError(f"{source}: no items (only a header, or blank); {_fix(spec)} with at least one row")
    return items


# --------------------------------------------------------------------------------------------- replies


def parse_reply(content: str | None) -> dict[str, Any]:
    """Parse a model reply as a JSON object (never as code); tolerate a Markdown fence around it."""
    if content is None or not content.strip():
        raise TranslationCheckError("the reply was empty; answer with the JSON object")
    text = content.strip()
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        start, end = text.find("{"), text.rfind("}")
        value = None
        if 0 <= start < end:
            try:
                value = json.loads(text[start : end + 1])
            except json.JSONDecodeError:
                value = None
        if value is None:
            snippet = text[:60].replace("\n", " ")
            message = f"the reply was not valid JSON ({error.msg} at character {error.pos}; it began {snippet!r})"
            raise TranslationCheckError(message) from None
    if not isinstance(value, dict):
        raise TranslationCheckError(f"the reply was a JSON {type(value).__name__}, not an object with the item's keys")
    return value


# --------------------------------------------------------------------------------------------- the check


@dataclass(frozen=True)
class LengthBounds:
    """Allowed translated length per field: ``low * n - slack <= m <= high * n + slack`` characters.

    The defaults hold every field of the 400 reference pairs (observed ratios: passages 0.84-1.25,
    questions 0.74-1.57, options 0.41-2.8 on a few characters) and catch a dropped or truncated field.
    """

    low: float = 0.5
    high: float = 2.0
    slack: int = 20

    def problem(self, column: str, source: str, text: str, language: str = "the source") -> str | None:
        n, m = len(source), len(text)
        if self.low * n - self.slack <= m <= self.high * n + self.slack:
            return None
        return (
            f"field {column} has {m} characters for {n} in {language} (allowed {self.low:g}-{self.high:g} times the "
            f"{language} length, give or take {self.slack}); translate the whole field, nothing more, nothing less"
        )


def _option_key(text: str) -> str:
    # Digits count: "5 dollars" and "6 dollars" are different options.
    return " ".join(re.findall(r"\w+", text.lower()))


def check_translation(
    item: SourceItem, reply: Mapping[str, Any], bounds: LengthBounds | None = None, *, pair: TaskPair | None = None
) -> dict[str, Any]:
    """Validate a parsed reply for ``item``; return the target task's row (id and label from the source).

    ``pair`` is the run's source and target tasks (default: English Cosmos QA into Cosmos QA Português). An option
    with a fixed translation in the target's spec (``translation.fixed_options``) is written as that translation
    whatever the model wrote for it. Raises :class:`TranslationCheckError` listing every problem found.
    """
    bounds = bounds or LengthBounds()
    pair = pair or TaskPair.resolve()
    fixed_rules = pair.target.translation
    language = pair.language_check
    source = pair.fields(item)
    problems: list[str] = []
    texts: dict[str, str] = {}
    for column in pair.keys:
        value = reply.get(column)
        if value is None:
            problems.append(f"field {column} is missing")
        elif not isinstance(value, str):
            problems.append(f"field {column} is a {type(value).__name__}, not text")
        elif not value.strip():
            problems.append(f"field {column} is empty")
        else:
            texts[column] = " ".join(value.split())
    fixed_texts = {target for _, target in fixed_rules.fixed_options}
    fixed_here: set[str] = set()
    for column in pair.letters:
        translation = fixed_rules.fixed(source[column])
        if translation is not None:
            texts[column] = translation
            fixed_here.add(column)
        elif texts.get(column) in fixed_texts:
            problems.append(
                f"option {column} became {texts[column]!r} but is not that option in {pair.source_language}"
            )
    seen: dict[str, str] = {}
    for column in pair.letters:
        if column in texts:
            key = _option_key(texts[column])
            if key in seen:
                same = f"options {seen[key]} and {column} are the same ({texts[column]!r})"
                problems.append(f"{same}; keep them distinct")
            seen.setdefault(key, column)
    for column, text in texts.items():
        if column in fixed_here:
            continue  # the spec's own translation
        if language.untranslated(text, source[column]):
            problems.append(
                f"field {column} is still in {pair.source_language} ({text[:60]!r}); translate it to "
                f"{pair.target_language}"
            )
        else:
            problem = bounds.problem(column, source[column], text, pair.source_language)
            if problem:
                problems.append(problem)
    if problems:
        raise TranslationCheckError("; ".join(problems))
    return pair.row(item, texts)
