"""Read and validate rows of Cosmos QA Português files: the one CSV / JSON-lines / Parquet reader.

``read_rows`` yields ``(row number, row)`` from a file in the published layout; ``RowChecker`` validates each
row against the schema and converts it to the builder's features. Errors name the file, the row and the fix.
"""

from __future__ import annotations

import codecs
import csv
import json
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Final

from ..cli.options import CommandError
from ..schema import COLUMNS, ID, LABEL, LETTERS, NO_LABEL, TEXT_COLUMNS, label_to_index

__all__ = [
    "ON_ERROR",
    "UNLABELLED_SPLITS",
    "DataFilesError",
    "DatasetUnavailableError",
    "DatasetValidationError",
    "RowChecker",
    "SkippedRow",
    "SkippedRowsWarning",
    "decoded_lines",
    "find_data_files",
    "open_user_file",
    "read_json_lines",
    "read_json_object",
    "read_rows",
]

#: Splits whose gold labels are not public: a missing or non A-D ``Label`` becomes -1 there.
UNLABELLED_SPLITS: Final = frozenset({"test"})
ON_ERROR: Final[tuple[str, ...]] = ("raise", "skip")
EXPORT_FORMATS: Final[tuple[str, ...]] = ("parquet", "jsonl", "csv")
#: Readable file types, by suffix.
_READERS: Final = {".csv": "csv", ".jsonl": "json", ".json": "json", ".parquet": "parquet"}


class DatasetValidationError(CommandError, ValueError):
    """A data file breaks the Cosmos QA Português schema; the message names file, row id, field and fix."""

    def __init__(self, message: str, *, file: str, field: str, row_id: str | None = None, line: int | None = None):
        super().__init__(message)
        self.file = file
        self.field = field
        self.row_id = row_id
        self.line = line


class DatasetUnavailableError(CommandError, ConnectionError):
    """The ``default`` config needs the Hub, which cannot be reached, and no local files were given."""


class DataFilesError(CommandError, FileNotFoundError):
    """A data file or folder the user named is missing, is a folder where a file is expected, or cannot be read."""


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


#: csv's default field limit (128 KiB) is shorter than some contexts; a field as long as memory allows is fine.
_CSV_FIELD_LIMIT: Final = 2**31 - 1
#: Builds the exception a reader raises: (message, line number or None) -> exception.
ErrorFactory = Callable[[str, "int | None"], Exception]


def _data_files_error(message: str, line: int | None) -> Exception:
    return DataFilesError(message)


def open_user_file(
    path: str | Path, *, shown: str | None = None, fix: str = "", error: ErrorFactory | None = None
) -> BinaryIO:
    """Open a file the user named, in binary; a missing file, a folder or no permission is a one-line error.

    ``fix`` ends the message (what to pass instead); ``error`` builds the exception (``DataFilesError`` by default).
    """
    shown = shown or str(path)
    make = error or _data_files_error
    fix = f"; {fix}" if fix else ""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        problem = "does not exist"
    except IsADirectoryError:
        problem = "is a folder, not a file"
    except PermissionError:
        problem = "cannot be read (permission denied)"
    raise make(f"{shown} {problem}{fix}", None) from None


def decoded_lines(raw_lines: Iterable[bytes], shown: str, error: ErrorFactory | None = None) -> Iterator[str]:
    """Decode a file's lines as UTF-8 (a leading byte-order mark is dropped); bad bytes name the line and the fix."""
    make = error or _data_files_error
    for number, raw in enumerate(raw_lines, start=1):
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            message = (
                f"{shown}, line {number}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at byte {exc.start + 1} of the "
                "line); save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8 in > out`)"
            )
            raise make(message, number) from None


def read_json_lines(
    path: str | Path, *, shown: str | None = None, fix: str = "", error: ErrorFactory | None = None
) -> Iterator[tuple[int, Any]]:
    """Yield ``(line number, parsed value)`` for each non-blank line of a JSON-lines file (UTF-8, BOM allowed).

    A missing file, a folder, bad bytes or a line that is not JSON raise the exception ``error`` builds, with a
    message naming the file and the line (``DataFilesError`` by default).
    """
    shown = shown or str(path)
    make = error or _data_files_error
    with open_user_file(path, shown=shown, fix=fix, error=make) as handle:
        for number, text in enumerate(decoded_lines(handle, shown, make), start=1):
            if not text.strip():
                continue
            try:
                yield number, json.loads(text)
            except json.JSONDecodeError as exc:
                message = (
                    f"{shown}, line {number}: not valid JSON ({exc.msg}, column {exc.colno}); "
                    "write one JSON object per line"
                )
                raise make(message, number) from None


def read_json_object(
    path: str | Path, *, shown: str | None = None, fix: str = "", error: ErrorFactory | None = None
) -> dict[str, Any]:
    """Read a file holding one JSON object (UTF-8, BOM allowed), such as a run's results.json.

    A missing file, a folder, bad bytes, JSON cut short or anything but an object raise the exception ``error``
    builds, with a message naming the file (and the line) and ending with ``fix``.
    """
    shown = shown or str(path)
    make = error or _data_files_error
    fix = f"; {fix}" if fix else ""
    with open_user_file(path, shown=shown, fix=fix.removeprefix("; "), error=make) as handle:
        data = handle.read()
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise make(f"{shown}, line {line}: not UTF-8 text (byte 0x{data[exc.start]:02x}){fix}", line) from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if not text.strip():
            problem = "is empty"
        elif exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):  # the text ran out
            problem = "ends before its JSON does (the file is cut short)"
        else:
            problem = f"is not valid JSON ({exc.msg}, line {exc.lineno} column {exc.colno})"
        raise make(f"{shown} {problem}{fix}", getattr(exc, "lineno", None)) from None
    if not isinstance(value, dict):
        kind = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(type(value), "a number")
        raise make(f"{shown} holds {kind}, not a JSON object{fix}", None)
    return value


def _json_array(path: str, shown: str, make: ErrorFactory) -> list[Any]:
    with open_user_file(path, shown=shown, error=make) as handle:
        data = handle.read()
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = f"{shown}, line {line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        raise make(message, line) from None
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"{shown}, line {exc.lineno}: not valid JSON ({exc.msg}); write a JSON array of objects or JSON lines"
        raise make(message, exc.lineno) from None
    return records if isinstance(records, list) else [records]


def read_rows(path: str, *, name: str | None = None) -> tuple[list[str], Iterator[tuple[int, dict[str, Any]]]]:
    """Return the columns of a CSV/JSONL/Parquet file and an iterator of ``(row number, row)`` (1-based).

    ``name`` is the file name used in error messages (defaults to ``path``). Text files are UTF-8 (a byte-order
    mark is accepted); a missing file, a folder, bad bytes, bad JSON or CSV raise ``DatasetValidationError``
    naming the file and the line.
    """
    shown = name or path
    kind = _reader(name or path)

    def make(message: str, line: int | None) -> Exception:
        return DatasetValidationError(message, file=shown, field="<file>", line=line)

    if kind == "csv":
        csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
        handle = open_user_file(path, shown=shown, error=make)
        reader = csv.DictReader(decoded_lines(handle, shown, make))

        def csv_error(exc: csv.Error) -> Exception:
            return make(f"{shown}, line {reader.line_num}: not valid CSV ({exc}); write RFC 4180 CSV", reader.line_num)

        try:
            columns = list(reader.fieldnames or [])
        except csv.Error as exc:
            handle.close()
            raise csv_error(exc) from None
        except BaseException:
            handle.close()
            raise

        def csv_rows() -> Iterator[tuple[int, dict[str, Any]]]:
            with handle:
                try:
                    yield from enumerate(reader, start=1)
                except csv.Error as exc:
                    raise csv_error(exc) from None

        return columns, csv_rows()
    if kind == "json":
        with open_user_file(path, shown=shown, error=make) as handle:
            first = handle.read(4).lstrip(codecs.BOM_UTF8)[:1]
        if first == b"[":  # a JSON array rather than JSON lines
            records = _json_array(path, shown, make)
        else:
            records = [record for _, record in read_json_lines(path, shown=shown, error=make)]
        columns = list(dict.fromkeys(key for record in records if isinstance(record, dict) for key in record))
        return columns, iter(enumerate(records, start=1))
    import pyarrow as pa
    import pyarrow.parquet as pq

    open_user_file(path, shown=shown, error=make).close()
    try:
        parquet = pq.ParquetFile(path)
    except pa.ArrowException as exc:
        raise make(f"{shown}: not a Parquet file ({exc}); export it again as Parquet", None) from None
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
        problem = "is a file, not a folder" if base.exists() else "does not exist"
        message = f"data_dir {str(data_dir)!r} {problem}; pass the folder holding train.csv, validation.jsonl..."
        raise DataFilesError(message)
    try:
        return DataFilesDict.from_patterns(get_data_patterns(str(base)), base_path=str(base))
    except FileNotFoundError as exc:
        message = (
            f"no data files found in {base}: name them after their split (train.csv, validation.jsonl, "
            f"test.parquet, or data/train-*.parquet) or pass data_files={{'validation': 'path.csv'}}"
        )
        raise DataFilesError(message) from exc
