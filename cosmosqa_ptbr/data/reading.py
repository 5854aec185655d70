"""Read and validate rows of Cosmos QA Português files: the one CSV / JSON-lines / Parquet reader.

``read_rows`` yields ``(row number, row)`` from a file in the published layout; ``RowChecker`` validates each
row against the schema and converts it to the builder's features. Errors name the file, the row and the fix.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from ..schema import COLUMNS, ID, LABEL, LETTERS, NO_LABEL, TEXT_COLUMNS, label_to_index

__all__ = [
    "ON_ERROR",
    "UNLABELLED_SPLITS",
    "DatasetUnavailableError",
    "DatasetValidationError",
    "RowChecker",
    "SkippedRow",
    "SkippedRowsWarning",
    "find_data_files",
    "read_rows",
]

#: Splits whose gold labels are not public: a missing or non A-D ``Label`` becomes -1 there.
UNLABELLED_SPLITS: Final = frozenset({"test"})
ON_ERROR: Final[tuple[str, ...]] = ("raise", "skip")
EXPORT_FORMATS: Final[tuple[str, ...]] = ("parquet", "jsonl", "csv")
#: Readable file types, by suffix.
_READERS: Final = {".csv": "csv", ".jsonl": "json", ".json": "json", ".parquet": "parquet"}


class DatasetValidationError(ValueError):
    """A data file breaks the Cosmos QA Português schema; the message names file, row id, field and fix."""

    def __init__(self, message: str, *, file: str, field: str, row_id: str | None = None, line: int | None = None):
        super().__init__(message)
        self.file = file
        self.field = field
        self.row_id = row_id
        self.line = line


class DatasetUnavailableError(ConnectionError):
    """The ``default`` config needs the Hub, which cannot be reached, and no local files were given."""


@dataclass(frozen=True)
class SkippedRow:
    """A row set aside by ``on_error="skip"``: where it was and why."""

    file: str
    split: str
    line: int
    row_id: str | None
    field: str
    reason: str


class SkippedRowsWarning(UserWarning):
    """Rows were set aside by ``on_error="skip"``; ``.rows`` lists them."""

    def __init__(self, message: str, rows: Sequence[SkippedRow] = ()):
        super().__init__(message)
        self.rows = list(rows)


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _row_name(line: int, row_id: str | None) -> str:
    return f"row {line}" + (f" (id {row_id!r})" if row_id else " (no id)")


class RowChecker:
    """Validates the rows of one split, file after file, and converts them to the builder's features.

    Checks: every column present (``Label`` may be absent in an unlabelled split), no missing or empty text
    field, ``Label`` A-D (or 0-3) in a labelled split, no id repeated within the split. With
    ``on_error="raise"`` the first bad row raises ``DatasetValidationError``; with ``"skip"`` bad rows are
    collected in ``skipped`` (a missing column always raises: no row of that file could be kept).
    """

    def __init__(self, split: str, *, on_error: str = "raise"):
        if on_error not in ON_ERROR:
            message = f"on_error must be one of {', '.join(ON_ERROR)}, got {on_error!r}"
            raise ValueError(message)
        self.split = split
        self.labelled = split not in UNLABELLED_SPLITS
        self.on_error = on_error
        self.skipped: list[SkippedRow] = []
        self._seen: dict[str, str] = {}

    def check_columns(self, file: str, columns: Sequence[str]) -> None:
        """Raise ``DatasetValidationError`` when ``file`` lacks a column of the schema."""
        required = COLUMNS if self.labelled else tuple(c for c in COLUMNS if c != LABEL)
        for column in required:
            if column not in columns:
                found = ", ".join(map(str, columns)) or "none"
                message = (
                    f"{file}: column {column!r} is missing (split {self.split!r}; columns found: {found}). "
                    f"Fix: write the file with the published columns {', '.join(COLUMNS)}"
                    + (" (Label may be left out of the test split)." if self.labelled else ".")
                )
                raise DatasetValidationError(message, file=file, field=column)

    def _fail(self, file: str, line: int, row_id: str | None, field: str, problem: str, fix: str) -> None:
        message = (
            f"{file}, {_row_name(line, row_id)}, field {field!r}: {problem}. Fix: {fix}, or load with "
            "on_error='skip' to set such rows aside (they are reported)."
        )
        if self.on_error == "raise":
            raise DatasetValidationError(message, file=file, field=field, row_id=row_id, line=line)
        self.skipped.append(SkippedRow(file, self.split, line, row_id, field, problem))

    def check(self, file: str, line: int, row: Mapping[str, Any]) -> dict[str, Any] | None:
        """Return the row in the builder's features (``Label`` 0-3 or -1), or None when it is set aside."""
        raw_id = row.get(ID)
        row_id = None if _is_missing(raw_id) else str(raw_id).strip()
        for field in (ID, *TEXT_COLUMNS):
            value = row.get(field)
            if _is_missing(value):
                self._fail(file, line, row_id, field, "missing or empty", f"fill in {field!r} for this row")
                return None
            if not isinstance(value, str):
                self._fail(
                    file, line, row_id, field, f"expected text, got {type(value).__name__}", "store it as a string"
                )
                return None
        assert row_id is not None  # checked with the other fields above
        label = self._label(file, line, row_id, row.get(LABEL))
        if label is None:
            return None
        if row_id in self._seen:
            self._fail(
                file,
                line,
                row_id,
                ID,
                f"duplicate id, first seen at {self._seen[row_id]}",
                "remove or re-id the repeated item",
            )
            return None
        self._seen[row_id] = f"{file} row {line}"
        out = {column: str(row[column]) for column in (ID, *TEXT_COLUMNS)}
        out[LABEL] = label
        return out

    def _label(self, file: str, line: int, row_id: str, value: Any) -> int | None:
        if not _is_missing(value):
            try:
                return label_to_index(int(value) if isinstance(value, float) and value.is_integer() else value)
            except ValueError:
                pass
        if not self.labelled:
            return NO_LABEL
        problem = "missing label" if _is_missing(value) else f"label {value!r} is not one of {', '.join(LETTERS)}"
        self._fail(file, line, row_id, LABEL, problem, f"set {LABEL!r} to the letter of the correct option")
        return None


def _reader(path: str) -> str:
    name = path.lower()
    for suffix, kind in _READERS.items():
        if name.endswith(suffix):
            return kind
    message = f"{path}: unsupported file type; use {', '.join(sorted(_READERS))} in the published layout"
    raise DatasetValidationError(message, file=path, field="<file>")


def read_rows(path: str, *, name: str | None = None) -> tuple[list[str], Iterator[tuple[int, dict[str, Any]]]]:
    """Return the columns of a CSV/JSONL/Parquet file and an iterator of ``(row number, row)`` (1-based).

    ``name`` is the file name used in error messages (defaults to ``path``).
    """
    shown = name or path
    kind = _reader(name or path)
    if kind == "csv":
        handle = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by the generator
        reader = csv.DictReader(handle)
        columns = list(reader.fieldnames or [])

        def csv_rows() -> Iterator[tuple[int, dict[str, Any]]]:
            with handle:
                yield from enumerate(reader, start=1)

        return columns, csv_rows()
    if kind == "json":
        with open(path, encoding="utf-8") as handle:
            first = handle.read(1)
            handle.seek(0)
            if first == "[":  # a JSON array rather than JSON lines
                records = json.load(handle)
            else:
                records = []
                for number, text in enumerate(handle, start=1):
                    if text.strip():
                        try:
                            records.append(json.loads(text))
                        except json.JSONDecodeError as exc:
                            message = f"{shown}, line {number}: not valid JSON ({exc}). Fix: one JSON object per line"
                            raise DatasetValidationError(message, file=shown, field="<file>", line=number) from exc
        columns = list(dict.fromkeys(key for record in records for key in record))
        return columns, iter(enumerate(records, start=1))
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    columns = list(parquet.schema_arrow.names)

    def parquet_rows() -> Iterator[tuple[int, dict[str, Any]]]:
        number = 0
        for batch in parquet.iter_batches(batch_size=4096):
            for record in batch.to_pylist():
                number += 1
                yield number, record

    return columns, parquet_rows()


def find_data_files(data_dir: str | Path) -> Any:
    """The split files of a folder in the published layout (named after their split), as a DataFilesDict."""
    from datasets.data_files import DataFilesDict, get_data_patterns

    base = Path(data_dir).expanduser().resolve()
    if not base.is_dir():
        message = f"data_dir {str(data_dir)!r} is not a folder"
        raise FileNotFoundError(message)
    try:
        return DataFilesDict.from_patterns(get_data_patterns(str(base)), base_path=str(base))
    except FileNotFoundError as exc:
        message = (
            f"no data files found in {base}: name them after their split (train.csv, validation.jsonl, "
            f"test.parquet, or data/train-*.parquet) or pass data_files={{'validation': 'path.csv'}}"
        )
        raise FileNotFoundError(message) from exc
