"""Reading English Cosmos QA items and checking a model's translation of one before it is written.

Standard library only: the checks run on every reply, and ``translate --help`` must stay instant.

>>> item = SourceItem("q1", "It rained all day .", "Why ?", ("Clouds", "Sun", "Wind", "None of the above choices ."), 0)
>>> reply = {"contexto": "Choveu o dia todo.", "pergunta": "Por quê?", "A": "Nuvens", "B": "Sol",
...          "C": "Vento", "D": "Nenhuma das alternativas acima."}
>>> check_translation(item, reply)["Label"]
'A'
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
from ..schema import (
    ANSWER_COLUMNS,
    CONTEXT,
    ENGLISH_COLUMNS,
    ENGLISH_OPTION_COLUMNS,
    ID,
    LABEL,
    NO_LABEL,
    NONE_OF_THE_ABOVE_EN,
    NONE_OF_THE_ABOVE_PT,
    QUESTION,
    TEXT_COLUMNS,
    index_to_letter,
    label_to_index,
)


class SourceError(CommandError, ValueError):
    """The English input is malformed: a missing column, an empty field, a bad label or a repeated id."""


class TranslationCheckError(ValueError):
    """A reply failed validation; the message says why, in words the model can act on when retried."""


@dataclass(frozen=True)
class SourceItem:
    """One English Cosmos QA item; ``label`` is 0-3, or None for unlabelled (test) rows."""

    id: str
    context: str
    question: str
    options: tuple[str, ...]
    label: int | None

    def fields(self) -> dict[str, str]:
        """The English text under the output column names (what the model is asked to translate)."""
        return {CONTEXT: self.context, QUESTION: self.question, **dict(zip(ANSWER_COLUMNS, self.options, strict=True))}


# --------------------------------------------------------------------------------------------- reading


def _label(value: Any, where: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if value == NO_LABEL or (isinstance(value, str) and value.strip() == str(NO_LABEL)):
        return None
    try:
        return label_to_index(value)
    except ValueError as error:
        message = f"{where}: field 'label': {error}; use 0-3, or leave it empty (or -1) for unlabelled rows"
        raise SourceError(message) from None


def _item(row: Mapping[str, Any], where: str) -> SourceItem:
    missing = [name for name in ENGLISH_COLUMNS if name != "label" and name not in row]
    if missing:
        message = (
            f"{where}: missing column(s) {', '.join(missing)}; the input must have the English Cosmos QA "
            f"columns {', '.join(ENGLISH_COLUMNS)} (label may be empty)"
        )
        raise SourceError(message)
    texts = {}
    for name in ("id", "context", "question", *ENGLISH_OPTION_COLUMNS):
        value = row[name]
        if not isinstance(value, str) or not value.strip():
            message = f"{where}: field {name!r} is empty or not text ({value!r}); fix the row or remove it"
            raise SourceError(message)
        texts[name] = value.strip()
    where = f"{where} (id {texts['id']})"
    options = tuple(texts[name] for name in ENGLISH_OPTION_COLUMNS)
    return SourceItem(texts["id"], texts["context"], texts["question"], options, _label(row.get("label"), where))


def _source_error(message: str, line: int | None) -> Exception:
    return SourceError(message)


_SOURCE_FIX = "pass the English Cosmos QA CSV or JSONL"


def _rows_from_file(path: Path) -> Iterable[tuple[str, Mapping[str, Any]]]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))  # contexts may exceed csv's 128 KiB default
        with open_user_file(path, fix=_SOURCE_FIX, error=_source_error) as handle:
            reader = csv.DictReader(decoded_lines(handle, str(path), _source_error))
            try:
                for row in reader:
                    yield f"{path}:{reader.line_num}", row
            except csv.Error as error:
                raise SourceError(f"{path}:{reader.line_num}: not valid CSV ({error}); write RFC 4180 CSV") from None
    elif suffix in (".jsonl", ".json"):
        for number, row in read_json_lines(path, fix=_SOURCE_FIX, error=_source_error):
            if not isinstance(row, dict):
                raise SourceError(f"{path}:{number}: expected a JSON object, got {type(row).__name__}")
            yield f"{path}:{number}", row
    else:
        message = f"{path}: unknown input format {suffix!r}; give a .csv or .jsonl file in the English Cosmos QA layout"
        raise SourceError(message)


def read_source(source: Any, limit: int | None = None) -> list[SourceItem]:
    """Read English items from a CSV/JSONL path, a ``datasets.Dataset`` or an iterable of mappings.

    Raises :class:`SourceError` naming the file (or row), the id and the field for malformed rows and
    for an id given twice (output rows are keyed by id, so a repeated id could not be resumed exactly).
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        rows: Iterable[tuple[str, Mapping[str, Any]]] = _rows_from_file(path)
    else:
        name = type(source).__name__
        rows = ((f"{name} row {index}", row) for index, row in enumerate(source))
    items: list[SourceItem] = []
    seen: dict[str, str] = {}
    for where, row in rows:
        if limit is not None and len(items) >= limit:
            break
        item = _item(row, where)
        if item.id in seen:
            message = f"{where}: id {item.id!r} repeats {seen[item.id]}; ids must be unique, remove the duplicate"
            raise SourceError(message)
        seen[item.id] = where
        items.append(item)
    if not items and limit != 0 and isinstance(source, (str, Path)):
        raise SourceError(f"{source}: no items (only a header, or blank); {_SOURCE_FIX} with at least one row")
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


# --------------------------------------------------------------------------------------------- language


# Frequent function words of each language; words spelled alike in both ("a", "as", "no", "do", "me", "so")
# are left out. On the shipped 400 reference pairs, no Portuguese field reaches two English hits with
# more than half as many Portuguese ones, and every English original has at least one field that does.
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_EN_WORDS = _word_set(
    """the and of to is was were are be been being it its i my he she his her him they them their we our you your
    that this these those with for on at by from have has had not but what which who whom would will could should
    did does don't wo nt n't i'm it's when where why how an or if than then just about into out up after before
    because some any all very really only also none above choices"""
)
_PT_WORDS = _word_set(
    """o os de da das dos que e em um uma uns umas para com não na nas nos por pela pelo pelas pelos mais como mas
    foi ao aos à às ele ela eles elas eu meu minha meus minhas seu sua seus suas você vocês nós nosso nossa isso isto
    esse essa este esta aquele aquela está estava estão era ser ter tem tinha já quando também porque muito muita há
    sobre até depois antes ou mesmo ainda então lhe te sem entre num numa pra nenhuma alternativas acima"""
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def looks_english(text: str, source: str | None = None) -> bool:
    """Whether ``text`` reads as English: English function words dominate, or it repeats a 3+-word source."""
    words = _words(text)
    english = sum(word in _EN_WORDS for word in words)
    portuguese = sum(word in _PT_WORDS for word in words)
    if english >= 2 and english > 2 * portuguese:
        return True
    return source is not None and len(words) >= 3 and words == _words(source)


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

    def problem(self, column: str, source: str, text: str) -> str | None:
        n, m = len(source), len(text)
        if self.low * n - self.slack <= m <= self.high * n + self.slack:
            return None
        return (
            f"field {column} has {m} characters for {n} in English (allowed {self.low:g}-{self.high:g} times the "
            f"English length, give or take {self.slack}); translate the whole field, nothing more, nothing less"
        )


def _option_key(text: str) -> str:
    # Digits count: "5 dollars" and "6 dollars" are different options.
    return " ".join(re.findall(r"\w+", text.lower()))


def check_translation(item: SourceItem, reply: Mapping[str, Any], bounds: LengthBounds | None = None) -> dict[str, Any]:
    """Validate a parsed reply for ``item``; return the output row (id and label from the source).

    The fixed option "None of the above choices ." is written as ``NONE_OF_THE_ABOVE_PT`` whatever the
    model wrote for it. Raises :class:`TranslationCheckError` listing every problem found.
    """
    bounds = bounds or LengthBounds()
    source = item.fields()
    problems: list[str] = []
    texts: dict[str, str] = {}
    for column in TEXT_COLUMNS:
        value = reply.get(column)
        if value is None:
            problems.append(f"field {column} is missing")
        elif not isinstance(value, str):
            problems.append(f"field {column} is a {type(value).__name__}, not text")
        elif not value.strip():
            problems.append(f"field {column} is empty")
        else:
            texts[column] = " ".join(value.split())
    for column in ANSWER_COLUMNS:
        if source[column] == NONE_OF_THE_ABOVE_EN:
            texts[column] = NONE_OF_THE_ABOVE_PT
        elif texts.get(column) == NONE_OF_THE_ABOVE_PT:
            problems.append(f"option {column} became {NONE_OF_THE_ABOVE_PT!r} but is not that option in English")
    seen: dict[str, str] = {}
    for column in ANSWER_COLUMNS:
        if column in texts:
            key = _option_key(texts[column])
            if key in seen:
                same = f"options {seen[key]} and {column} are the same ({texts[column]!r})"
                problems.append(f"{same}; keep them distinct")
            seen.setdefault(key, column)
    for column, text in texts.items():
        if text != NONE_OF_THE_ABOVE_PT and looks_english(text, source[column]):
            problems.append(f"field {column} is still in English ({text[:60]!r}); translate it to Portuguese")
        else:
            problem = bounds.problem(column, source[column], text)
            if problem:
                problems.append(problem)
    if problems:
        raise TranslationCheckError("; ".join(problems))
    row: dict[str, Any] = {ID: item.id, **{column: texts[column] for column in TEXT_COLUMNS}}
    row[LABEL] = None if item.label is None else index_to_letter(item.label)
    return row
