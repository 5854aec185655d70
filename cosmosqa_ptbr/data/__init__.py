"""A task's data: read, validate, load, export.

``load_dataset`` builds ``datasets`` objects with the package's builder (``builder``, registered for
``datasets.load_dataset("cosmos_qa_ptbr")`` by ``registration``) and ``load_items`` the normalised items every
command works on; ``reading`` holds the one CSV / JSON-lines / Parquet reader and the row checks against the
task's spec; ``export`` writes the published and Hub layouts; ``command`` is the ``data`` subcommand. Nothing here
imports ``datasets`` at import time.
"""

from __future__ import annotations

from .export import EXPORT_FORMATS, export_dataset, write_parquet_splits
from .loading import CONFIGS, label_counts, load_dataset, load_items
from .reading import (
    DataFilesError,
    DatasetUnavailableError,
    DatasetValidationError,
    RowChecker,
    SkippedRow,
    SkippedRowsWarning,
    find_data_files,
    read_rows,
)

__all__ = [
    "CONFIGS",
    "EXPORT_FORMATS",
    "DataFilesError",
    "DatasetUnavailableError",
    "DatasetValidationError",
    "RowChecker",
    "SkippedRow",
    "SkippedRowsWarning",
    "export_dataset",
    "find_data_files",
    "label_counts",
    "load_dataset",
    "load_items",
    "read_rows",
    "write_parquet_splits",
]
