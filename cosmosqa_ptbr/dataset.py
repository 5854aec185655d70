"""Load, validate, export and publish Cosmos QA Português; the ``data`` subcommand.

``load_dataset`` returns ``datasets`` objects built by the package's builder (``cosmosqa_ptbr._builder``):
the embedded 400-item ``sample`` config, or the ``default`` config read from local files (``data_files=`` /
``data_dir=``, CSV, JSONL or Parquet in the published layout) or from the Hub repo ``heloisy/cosmos_qa_ptbr``.
Every row is validated on the way in (see ``RowChecker``). This module imports ``datasets`` only inside
functions, so the CLI stays fast.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Final

from ._cli import HelpFormatter, subcommand_parser
from .schema import COLUMNS, ID, LABEL, LETTERS, NO_LABEL, TEXT_COLUMNS, label_to_index

__all__ = [
    "CONFIGS",
    "DEFAULT_REPO_ID",
    "EXPORT_FORMATS",
    "UNLABELLED_SPLITS",
    "DatasetUnavailableError",
    "DatasetValidationError",
    "RowChecker",
    "SkippedRow",
    "SkippedRowsWarning",
    "export_dataset",
    "find_data_files",
    "label_counts",
    "load_dataset",
    "main",
    "make_parser",
    "read_rows",
    "write_parquet_splits",
]

DEFAULT_REPO_ID: Final = "heloisy/cosmos_qa_ptbr"
#: Builder configs: the embedded sample (offline) and the full splits (Hub repo or local files).
CONFIGS: Final[tuple[str, ...]] = ("default", "sample")
#: Splits whose gold labels are not public: a missing or non A-D ``Label`` becomes -1 there.
UNLABELLED_SPLITS: Final = frozenset({"test"})
ON_ERROR: Final[tuple[str, ...]] = ("raise", "skip")
EXPORT_FORMATS: Final[tuple[str, ...]] = ("parquet", "jsonl", "csv")
#: Readable file types, by suffix.
_READERS: Final = {".csv": "csv", ".jsonl": "json", ".json": "json", ".parquet": "parquet"}
# keyword arguments of load_dataset that go to preparation, not to the builder's config
_PREPARE_KWARGS: Final = ("download_mode", "verification_mode", "num_proc")


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


def _split_data_files(data_files: Any) -> Any:
    """Accept ``{"split": path(s)}``, a list of paths, one path, or CLI-style ``["split=path", ...]``."""
    if isinstance(data_files, (list, tuple)) and any(isinstance(f, str) and "=" in f for f in data_files):
        mapping: dict[str, list[str]] = {}
        for item in data_files:
            split, sep, path = str(item).partition("=")
            if not sep or not split or not path:
                message = f"data file {item!r}: write split=path for every file when one uses that form"
                raise ValueError(message)
            mapping.setdefault(split, []).append(path)
        return mapping
    return data_files


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


def load_dataset(
    config: str = "default",
    split: str | None = None,
    *,
    repo_id: str = DEFAULT_REPO_ID,
    data_files: Any = None,
    data_dir: str | None = None,
    on_error: str = "raise",
    **kwargs: Any,
) -> Any:
    """Load Cosmos QA Português as a ``datasets.DatasetDict`` (or a ``Dataset`` when ``split`` is given).

    ``config="sample"``: the 400 embedded validation items, offline. ``config="default"``: the files given by
    ``data_files`` (path, list, or split -> paths) or found in ``data_dir`` (named after their split:
    ``train.csv``, ``validation.jsonl``, ``test.parquet``...), else the Hub repo ``repo_id`` (``revision=``
    picks a commit). Rows have the features of ``schema.features()``: ``Label`` a ClassLabel, -1 where the
    split is unlabelled. A bad row raises ``DatasetValidationError``; ``on_error="skip"`` sets bad rows aside
    instead, warns with ``SkippedRowsWarning`` and lists them in the result's ``skipped_rows``. Other keyword
    arguments: ``cache_dir``, ``download_mode``, ``verification_mode``, ``keep_in_memory``, ``num_proc``.

    >>> ds = load_dataset("sample", split="validation")
    >>> ds.num_rows, ds.features["Label"].names
    (400, ['A', 'B', 'C', 'D'])
    """
    from ._builder import CosmosQAPtbr
    from ._registration import DATASET_NAME, builder_hash

    if config not in CONFIGS:
        message = f"unknown config {config!r}; choose one of {', '.join(CONFIGS)}"
        raise ValueError(message)
    if on_error not in ON_ERROR:
        message = f"on_error must be one of {', '.join(ON_ERROR)}, got {on_error!r}"
        raise ValueError(message)
    prepare = {key: kwargs.pop(key) for key in _PREPARE_KWARGS if key in kwargs}
    keep_in_memory = kwargs.pop("keep_in_memory", None)
    revision = kwargs.pop("revision", None)
    config_kwargs: dict[str, Any] = {"on_error": on_error}
    if repo_id != DEFAULT_REPO_ID:
        config_kwargs["hub_repo_id"] = repo_id
    if revision is not None:
        config_kwargs["hub_revision"] = revision
    data_files = _split_data_files(data_files)
    if config == "default" and data_dir is not None and data_files is None:
        # Resolve the folder to its files here: the cache is then keyed on the files, not on the folder name.
        data_files = find_data_files(data_dir)
        data_dir = None
    builder = CosmosQAPtbr(
        config_name=config,
        dataset_name=DATASET_NAME,
        hash=builder_hash(),
        data_files=data_files,
        data_dir=data_dir,
        base_path=data_dir,
        **config_kwargs,
        **kwargs,
    )
    builder.download_and_prepare(**prepare)
    result = builder.as_dataset(split=split, in_memory=bool(keep_in_memory))
    result.skipped_rows = list(builder.skipped_rows)
    return result


def label_counts(dataset: Any) -> dict[str, int]:
    """Count gold letters in a split (``"unlabelled"`` counts -1 rows)."""
    counts = Counter(dataset[LABEL])
    out = {letter: counts.get(index, 0) for index, letter in enumerate(LETTERS)}
    if counts.get(NO_LABEL):
        out["unlabelled"] = counts[NO_LABEL]
    return out


def _published_rows(dataset: Any) -> Iterator[dict[str, Any]]:
    for row in dataset:
        label = row[LABEL]
        yield {**row, LABEL: LETTERS[label] if label != NO_LABEL else None}


def export_dataset(dataset_dict: Mapping[str, Any], output_dir: str | Path, fmt: str = "parquet") -> list[Path]:
    """Write each split to ``<output_dir>/<split>.<fmt>`` in the published layout (``Label`` a letter,
    empty where unlabelled); return the paths written."""
    if fmt not in EXPORT_FORMATS:
        message = f"format must be one of {', '.join(EXPORT_FORMATS)}, got {fmt!r}"
        raise ValueError(message)
    folder = Path(output_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for split, dataset in dataset_dict.items():
        path = folder / f"{split}.{fmt}"
        rows = _published_rows(dataset)
        if fmt == "csv":
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
                writer.writeheader()
                writer.writerows({**row, LABEL: row[LABEL] or ""} for row in rows)
        elif fmt == "jsonl":
            with path.open("w", encoding="utf-8") as handle:
                handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            schema = pa.schema([(column, pa.string()) for column in COLUMNS])
            pq.write_table(pa.Table.from_pylist(list(rows), schema=schema), path)
        written.append(path)
    return written


def write_parquet_splits(dataset_dict: Mapping[str, Any], folder: str | Path) -> dict[str, str]:
    """Write each split as ``<folder>/data/<split>-00000-of-00001.parquet`` with ``Label`` stored as the
    ClassLabel index (the Hub layout); return split -> path pattern relative to ``folder``."""
    data = Path(folder) / "data"
    data.mkdir(parents=True, exist_ok=True)
    patterns = {}
    for split, dataset in dataset_dict.items():
        dataset.to_parquet(str(data / f"{split}-00000-of-00001.parquet"))
        patterns[split] = f"data/{split}-*.parquet"
    return patterns


# --- the `data` subcommand ---------------------------------------------------------------------------


def _add_source_arguments(parser: argparse.ArgumentParser, repo_flag: str = "--repo-id") -> None:
    parser.add_argument(
        "--config",
        choices=CONFIGS,
        default=None,
        help="'sample': the 400 embedded validation items (offline); 'default': the full splits from the Hub or "
        "from --data-files/--data-dir. Default: 'default' when a source is given, else 'sample'.",
    )
    parser.add_argument(
        "--data-files",
        nargs="+",
        metavar="SPLIT=PATH",
        help="local CSV/JSONL/Parquet files in the published layout, as split=path (e.g. validation=val.csv)",
    )
    parser.add_argument("--data-dir", help="folder with files named after their split (train.csv, test.parquet...)")
    parser.add_argument(
        repo_flag, dest="repo_id", default=DEFAULT_REPO_ID, help="Hub dataset repo the default config reads"
    )
    parser.add_argument("--revision", help=f"commit, branch or tag of {repo_flag}")
    parser.add_argument("--split", help="only this split")
    parser.add_argument(
        "--on-error",
        choices=ON_ERROR,
        default="raise",
        help="'raise' stops at the first invalid row; 'skip' sets invalid rows aside and reports them",
    )


def make_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
    """Parser of ``cosmosqa-ptbr data`` (``info``, ``export``, ``push``)."""
    parser = subcommand_parser(
        subparsers,
        "data",
        "Inspect, export and publish Cosmos QA Português. Every row is validated on load "
        "(missing or empty fields, labels outside A-D, duplicate ids).",
    )
    actions = parser.add_subparsers(dest="action", metavar="<action>", required=True)
    formatter = HelpFormatter
    info = actions.add_parser(
        "info",
        help="rows per split and label counts",
        description="Print rows per split and gold-letter counts.",
        formatter_class=formatter,
    )
    _add_source_arguments(info)
    export = actions.add_parser(
        "export",
        help="write the splits as Parquet, JSONL or CSV",
        description="Write each split to OUTPUT_DIR/<split>.<format> in the published layout (Label as a letter).",
        formatter_class=formatter,
    )
    _add_source_arguments(export)
    export.add_argument("--format", choices=EXPORT_FORMATS, default="parquet", help="file format")
    export.add_argument("--output-dir", required=True, help="folder to write into (created if needed)")
    push = actions.add_parser(
        "push",
        help="publish Parquet splits + dataset card to the Hub",
        description="Publish the splits as Parquet plus a dataset card whose YAML (configs, dataset_info with the "
        "ClassLabel) lets datasets.load_dataset(REPO_ID) load it with no script. The token comes from HF_TOKEN "
        "or `hf auth login`.",
        formatter_class=formatter,
    )
    _add_source_arguments(push, repo_flag="--source-repo-id")
    push.add_argument("--repo-id", dest="push_repo_id", required=True, metavar="NS/NAME", help="target dataset repo")
    push.add_argument("--private", action="store_true", help="create the repo as private")
    push.add_argument("--folder", help="build the repo folder here (kept) instead of a temporary folder")
    push.add_argument("--no-upload", action="store_true", help="only build the folder (with --folder)")
    return parser


def _load_from_args(args: argparse.Namespace) -> Any:
    config = args.config or (
        "default" if args.data_files or args.data_dir or args.repo_id != DEFAULT_REPO_ID else "sample"
    )
    loaded = load_dataset(
        config,
        args.split,
        repo_id=args.repo_id,
        data_files=args.data_files,
        data_dir=args.data_dir,
        on_error=args.on_error,
        revision=args.revision,
    )
    if args.split:
        from datasets import DatasetDict

        skipped = loaded.skipped_rows
        loaded = DatasetDict({args.split: loaded})
        loaded.skipped_rows = skipped
    return config, loaded


def _info(config: str, dataset_dict: Any) -> None:
    print(f"Cosmos QA Português, config {config!r}")
    for split, dataset in dataset_dict.items():
        counts = label_counts(dataset)
        letters = " / ".join(f"{letter} {counts[letter]}" for letter in LETTERS)
        extra = f" / unlabelled {counts['unlabelled']}" if "unlabelled" in counts else ""
        print(f"  {split}: {dataset.num_rows} rows; labels {letters}{extra}")
    skipped = getattr(dataset_dict, "skipped_rows", [])
    if skipped:
        print(f"  {len(skipped)} invalid rows set aside:")
        for row in skipped:
            print("    " + json.dumps(asdict(row), ensure_ascii=False))


def main(args: argparse.Namespace) -> int:
    """Run ``cosmosqa-ptbr data <action>``; data problems print their message and exit with status 2."""
    try:
        config, dataset_dict = _load_from_args(args)
    except (DatasetValidationError, DatasetUnavailableError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.action == "info":
        _info(config, dataset_dict)
    elif args.action == "export":
        for path in export_dataset(dataset_dict, args.output_dir, args.format):
            print(path)
    else:
        import tempfile

        from .cards import push_folder_to_hub, write_dataset_repo

        if args.no_upload and not args.folder:
            print("error: --no-upload needs --folder (where to keep the built repo)", file=sys.stderr)
            return 2
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(args.folder or scratch)
            write_dataset_repo(dataset_dict, folder, repo_id=args.push_repo_id)
            print(f"built {folder}")
            if not args.no_upload:
                url = push_folder_to_hub(folder, args.push_repo_id, repo_type="dataset", private=args.private)
                print(f"pushed {url}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(make_parser().parse_args()))
